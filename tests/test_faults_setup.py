"""`healthcrawl crawl` with a broken setup or a wrong command line: one line on stderr, exit
code 1 (2 means "finished below the quality bars"), nothing written, no request sent; and
the crawler's identity (User-Agent with the operator contact)."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from faults.server import FaultServer, status
from faults.site import build_small
from scrapy.utils.test import get_crawler

from cleaners.record import PACKAGE_VERSION
from common.default_settings import project_defaults
from crawler.middlewares.identity import (
    BadContact,
    IdentityMiddleware,
    needs_contact_warning,
    user_agent,
)
from crawler.spiders.health import HealthSpider


def cli(args: list[str], **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **kwargs)


def tree(path: Path) -> dict[str, bytes | None]:
    """Every file and folder under path with its bytes: "nothing written" is this unchanged."""
    return {str(p.relative_to(path)): (p.read_bytes() if p.is_file() else None)
            for p in sorted(path.rglob("*"))}


# -- usage errors --------------------------------------------------------------------------
@pytest.mark.parametrize("args", [["crawl", "http://127.0.0.1:1/", "--bogus"], ["frobnicate"],
                                  ["crawl"], [], ["crawl", "demo", "--max-pages", "many"],
                                  ["crawl", "not-a-site-or-url"], ["crawl", "http://"],
                                  ["crawl", "https://example.org:99999/"]],
                         ids=["unknown-option", "unknown-command", "missing-target",
                              "no-command", "bad-number", "unknown-target", "url-without-host",
                              "url-with-a-bad-port"])
@pytest.mark.slow  # the command line in a child process
def test_usage_errors_exit_1(args, tmp_path):
    target_url = args[:1] == ["crawl"] and len(args) == 2 and "://" in args[1]
    proc = cli([*args, "--out", str(tmp_path / "out")] if target_url else args)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert "error" in err.lower() or err.startswith("healthcrawl: ")
    if target_url:
        # refused before any crawl starts: one line, no run folder (before, "http://" took a
        # whole Scrapy run, left a run folder and was "resumed" on the next try)
        assert err.strip().splitlines() == [
            f"healthcrawl: {args[1]!r} is no URL to crawl: it has no host, or a bad port"]
        assert not (tmp_path / "out").exists()


# -- setup errors --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def site():
    server = FaultServer({}).start()
    build_small(server, status(404))
    yield server
    server.stop()


@pytest.fixture()
def world_dir(tmp_path):
    yield tmp_path
    for p in [tmp_path, *tmp_path.rglob("*")]:
        if p.is_dir():
            p.chmod(0o755)


def _not_a_db(out: Path) -> Path:
    out.mkdir()
    (out / "healthcrawl.sqlite").write_bytes(b"These are my notes, not a database.\n" * 50)
    return out


def _empty_store(out: Path) -> Path:
    out.mkdir()
    (out / "healthcrawl.sqlite").write_bytes(b"")
    return out


def _a_file(out: Path) -> Path:
    out.write_text("a file where the output folder should be\n")
    return out


def _under_a_file(out: Path) -> Path:
    out.write_text("a file\n")
    return out / "runs"


def _read_only(out: Path) -> Path:
    out.mkdir()
    (out / "keep.txt").write_text("kept\n")
    out.chmod(0o555)
    return out


SETUP_CASES = {
    "store-not-a-database": (_not_a_db, "is not an SQLite database"),
    "store-0-bytes": (_empty_store, "is empty (0 bytes)"),
    "out-is-a-file": (_a_file, "is a file, not a folder"),
    "out-under-a-file": (_under_a_file, "is a file"),
    "out-read-only": (_read_only, "is not writable"),
}


@pytest.mark.parametrize("name", list(SETUP_CASES))
@pytest.mark.slow  # the command line in a child process
def test_setup_errors_are_one_line_exit_1_nothing_written(name, site, world_dir):
    make, message = SETUP_CASES[name]
    out = make(world_dir / "out")
    before = tree(world_dir)
    args = ["crawl", site.url("/"), "--out", str(out), "--allow-private-hosts", "127.0.0.1"]
    if name == "out-read-only" and os.geteuid() == 0:
        # Root writes into a 0o555 folder: make it a read-only mount instead, in a mount
        # namespace of the child's own (nothing changes for the rest of the machine).
        if not shutil.which("unshare"):
            pytest.skip("running as root without unshare(1): cannot make a read-only folder")
        script = 'mount --bind -o ro "$1" "$1" && shift && exec "$@"'
        proc = subprocess.Popen(
            ["unshare", "-m", "sh", "-c", script, "sh", str(out), sys.executable, "-m",
             "crawler.cli", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    else:
        proc = cli(args)
    _stdout, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("healthcrawl: "), err
    assert message in lines[0]
    assert tree(world_dir) == before
    assert site.requests == [] or all(r.path != "/" for r in site.requests)


@pytest.mark.slow  # a fault server
def test_bad_contact_is_a_setup_error(site, tmp_path):
    proc = cli(["crawl", site.url("/"), "--out", str(tmp_path / "out"), "--contact",
                "call me maybe"])
    _stdout, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and "HEALTHCRAWL_CONTACT" in err
    assert not (tmp_path / "out").exists()


# -- identity ------------------------------------------------------------------------------
@pytest.mark.parametrize("contact, expected", [
    (None, f"healthcrawl/{PACKAGE_VERSION}"),
    ("https://example.org/crawler", f"healthcrawl/{PACKAGE_VERSION} (+https://example.org/crawler)"),
    (" ops@example.org ", f"healthcrawl/{PACKAGE_VERSION} (+ops@example.org)"),
])
def test_user_agent(contact, expected):
    assert user_agent(contact) == expected


@pytest.mark.parametrize("contact", ["ops", "ftp://example.org/", "a b@example.org",
                                     "https://example.org/\r\nX-Evil: 1", "x@y.org) (z"])
def test_bad_contacts(contact):
    with pytest.raises(BadContact):
        user_agent(contact)


def test_contact_warning_only_for_non_local_hosts_without_contact(caplog):
    assert needs_contact_warning("https://www.example.org/", None)
    assert not needs_contact_warning("https://www.example.org/", "ops@example.org")
    assert not needs_contact_warning("http://127.0.0.1:8765/", None)
    for start, warned in (("https://www.example.org/health/", True),
                          ("http://127.0.0.1:1/", False)):
        crawler = get_crawler(HealthSpider, project_defaults({
            "HEALTHCRAWL_CONTACT": "", "HEALTHCRAWL_EXTRACT_WORKERS": 0}))
        mw = IdentityMiddleware.from_crawler(crawler)
        spider = HealthSpider.from_crawler(crawler, url=start)  # declares the run's scope
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            mw.spider_opened(spider)
        assert any("No operator contact" in r.getMessage() for r in caplog.records) == warned


@pytest.mark.slow  # a crawl of a fault server
def test_crawl_sends_the_contact_in_the_user_agent(tmp_path):
    server = FaultServer({}).start()
    try:
        build_small(server, status(404))
        proc = cli(["crawl", server.url("/"), "--out", str(tmp_path / "out"),
                    "--allow-private-hosts", "127.0.0.1", "--contact",
                    "https://example.org/crawler", "-s", "AUTOTHROTTLE_ENABLED=0",
                    "-s", "DOWNLOAD_DELAY=0"])
        _stdout, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        agents = {r.path: r.headers.get("user-agent") for r in server.requests}
        expected = f"healthcrawl/{PACKAGE_VERSION} (+https://example.org/crawler)"
        assert {"/robots.txt", "/", "/health/good-1", "/health/good-2"} <= set(agents)
        assert set(agents.values()) == {expected}
        assert "No operator contact" not in err
    finally:
        server.stop()


@pytest.mark.slow  # scrapy in a child process
def test_plain_scrapy_crawl_with_a_foreign_store_is_one_line_error(tmp_path):
    """`scrapy crawl` (no CLI preflight): a store that is not a database is a configuration
    error in run.json (exit code 1), logged in one line, with no traceback."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "healthcrawl.sqlite").write_bytes(b"this is not a database" * 100)
    proc = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "health", "-a", "url=http://127.0.0.1:9/",
         "-s", f"HEALTHCRAWL_OUTPUT_DIR={out}", "-s", "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS=127.0.0.1"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
        timeout=120)
    assert "Cannot open the store: file is not a database" in proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    summaries = list(out.glob("*/run.json"))
    assert len(summaries) == 1
    import json

    summary = json.loads(summaries[0].read_text())
    assert summary["status"] == "error" and summary["exit_code"] == 1
    assert summary["config_error"].startswith("store: file is not a database")
