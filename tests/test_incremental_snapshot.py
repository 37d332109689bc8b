"""Nightly incremental runs against servers that answer conditional requests on every page
(home and listings included), as real sites and CDNs do: nginx, and the project's own demo
server. A 304 must never stop discovery, removals need evidence, and a run that could not
confirm its snapshot keeps `latest` on the previous good run.

Real crawls (`scrapy crawl health` in a child process) of a 120-article demo site.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from conftest import FAST, ROOT, free_port

from crawler.demo.generator import ensure_site
from crawler.demo.nginx import NginxDemoServer, nginx_binary
from crawler.demo.routes import file_for
from crawler.demo.server import DemoServer

pytestmark = pytest.mark.slow  # crawls against the demo server and nginx

ARTICLES = 120
# Every kind of listing page of the demo site, and the sitemap.
LISTING = re.compile(r"^/(?:keepto/list_\d+\.html|zh/list_\d+\.shtml|blog/(?:$|index\.html$|"
                     r"page/|category/|tag/)|sitemap\.xml$)")


def read_jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def expected(site: Path) -> list[dict]:
    return read_jsonl(site / "expected.jsonl")


class FailingDemoServer(DemoServer):
    """The demo server with some paths answering 500 (a site going half-down)."""

    def __init__(self, site_dir: Path, failing: set[str], **kwargs) -> None:
        super().__init__(site_dir, **kwargs)
        self.failing = failing

    def respond(self, method, target, host=None):
        path = target.split("?", 1)[0]
        if path in self.failing or LISTING.match(path):
            return 500, "text/plain; charset=utf-8", b"500 Internal Server Error\n", ()
        return super().respond(method, target, host)


def server_for(kind: str, site: Path, port: int, failing: set[str] | None = None):
    if kind == "nginx":
        extra: tuple[str, ...] = ()
        if failing is not None:
            listing = (r"location ~ ^/(keepto/list_\d+\.html|zh/list_\d+\.shtml|blog/(page|"
                       r"category|tag)/|blog/$|blog/index\.html$|sitemap\.xml$) { return 500; }")
            extra = (listing, *(f"location = {p} {{ return 500; }}" for p in sorted(failing)))
        return NginxDemoServer(site, port=port, extra_locations=extra)
    if failing is not None:
        return FailingDemoServer(site, failing, port=port)
    return DemoServer(site, port=port)


def crawl_cmd(base_url: str, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "scrapy", "crawl", "health", "-a", "site=demo",
            "-a", f"url={base_url}", *FAST, "-s", f"HEALTHCRAWL_OUTPUT_DIR={out}", *extra]


def run(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=300)


def crawl(kind: str, site: Path, port: int, out: Path, failing: set[str] | None = None,
          *extra: str) -> dict:
    with server_for(kind, site, port, failing) as server:
        proc = run(crawl_cmd(server.base_url, out, *extra))
    run_dirs = sorted(p for p in out.iterdir() if p.is_dir() and not p.is_symlink())
    summary = json.loads((run_dirs[-1] / "run.json").read_text())
    assert proc.returncode == 0, proc.stderr[-3000:]  # scrapy's own code; ours is in run.json
    summary["_dir"] = run_dirs[-1]
    summary["_stderr"] = proc.stderr
    return summary


def snapshot(run_dir: Path) -> dict[str, str]:
    """{id: content_hash} of a run folder's records (each id once)."""
    records = read_jsonl(run_dir / "articles.jsonl")
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "duplicated records"
    return {r["id"]: r["content_hash"] for r in records}


def edit(site: Path, n: int) -> list[str]:
    """Change the last sentence of n keepto articles; return their paths."""
    done = []
    for exp in expected(site):
        if exp["family"] != "keepto":
            continue
        last = exp["body"].split("\n\n")[-1][-40:]
        page = site / file_for(exp["path"])
        html = page.read_text(encoding="utf-8")
        if html.count(last) == 1:
            page.write_text(html.replace(last, last + " (Reviewed)", 1), encoding="utf-8")
            os.utime(page, (time.time() + 5, time.time() + 5))  # nginx: a new Last-Modified
            done.append(exp["path"])
        if len(done) == n:
            return done
    raise AssertionError("not enough editable articles")


def servers() -> list:
    return ["demo-server", pytest.param("nginx", marks=pytest.mark.skipif(
        not nginx_binary(), reason="nginx not installed (make test installs it)"))]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return ensure_site(ARTICLES, tmp_path_factory.mktemp("incr-sites"))


@pytest.mark.parametrize("kind", servers())
def test_unchanged_then_n_changed_m_removed(kind, pristine, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(pristine, site)
    out, port = tmp_path / "out", free_port()

    first = crawl(kind, site, port, out)
    assert first["exit_code"] == 0 and first["records"] == ARTICLES
    one = snapshot(first["_dir"])

    second = crawl(kind, site, port, out)
    assert second["exit_code"] == 0, second["quality"]
    assert snapshot(second["_dir"]) == one  # the same records, not 1 of them
    assert read_jsonl(second["_dir"] / "changes.jsonl") == []
    assert second["not_modified"] > ARTICLES  # listings answered 304 too, and were replayed
    assert second["counts"]["unchanged"] == ARTICLES
    assert second["counts"]["not_rechecked"] == 0
    assert (out / "latest").resolve() == second["_dir"]

    edited = edit(site, 3)
    keepto = [e["path"] for e in expected(site) if e["family"] == "keepto"
              and e["path"] not in edited]
    deleted = keepto[-2:]
    for path in deleted:
        (site / file_for(path)).unlink()
    third = crawl(kind, site, port, out, None, "-s", "HEALTHCRAWL_MAX_FAILURE_RATIO=0.5")
    assert third["exit_code"] == 0, third["quality"]
    changes = read_jsonl(third["_dir"] / "changes.jsonl")
    by_kind = {k: [c for c in changes if c["change"] == k] for k in ("added", "changed",
                                                                        "removed")}
    assert by_kind["added"] == []
    assert sorted(c["url"].split(str(port), 1)[1] for c in by_kind["changed"]) == sorted(edited)
    assert sorted(c["url"].split(str(port), 1)[1] for c in by_kind["removed"]) \
        == sorted(deleted)
    assert {c["reason"] for c in by_kind["removed"]} == {"http_404"}
    three = snapshot(third["_dir"])
    assert three.keys() == one.keys() - {c["id"] for c in by_kind["removed"]}
    assert third["counts"]["changed"] == 3 and third["changes"]["removed"] == 2
    assert third["snapshot"]["removed"] == {"http_404": 2}


@pytest.mark.parametrize("kind", servers())
def test_half_down_site_is_not_a_good_run(kind, pristine, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(pristine, site)
    out, port = tmp_path / "out", free_port()
    first = crawl(kind, site, port, out)
    assert first["exit_code"] == 0
    good = first["_dir"]

    # Listing pages, the sitemap and every other article answer 500.
    failing = {e["path"] for e in expected(site)[::2]}
    second = crawl(kind, site, port, out, failing)
    assert second["exit_code"] == 2
    assert second["warnings"].get("snapshot_shrank") == 1
    assert second["snapshot"]["shrank"] is True
    assert any(b.startswith("snapshot_shrank") for b in second["quality"]["breaches"])
    assert (out / "latest").resolve() == good  # latest keeps the previous good run
    # The new folder is written and marked; it still holds every article: the ones it
    # could not re-check are kept as they were, none is removed without evidence.
    assert snapshot(second["_dir"]).keys() == snapshot(good).keys()
    assert second["counts"]["not_rechecked"] >= len(failing)
    assert read_jsonl(second["_dir"] / "changes.jsonl") == []
    assert "snapshot shrank" in second["_stderr"]

    # Back up: the next run compares with the good run, not the shrunken one.
    third = crawl(kind, site, port, out)
    assert third["exit_code"] == 0, third["quality"]
    assert third["snapshot"]["previous_run"] == good.name
    assert read_jsonl(third["_dir"] / "changes.jsonl") == []
    assert (out / "latest").resolve() == third["_dir"]


def finished(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            runs = conn.execute("SELECT count(*) FROM runs").fetchone()[0]
            if runs < 2:
                return 0
            return conn.execute(
                "SELECT count(*) FROM ledger WHERE outcome IS NOT NULL AND run_id = "
                "(SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_9_during_second_run_then_resume(pristine, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(pristine, site)
    out, port = tmp_path / "out", free_port()
    first = crawl("demo-server", site, port, out)
    one = snapshot(first["_dir"])
    paced = ("-s", "CONCURRENT_REQUESTS=2", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2",
             "-s", "DOWNLOAD_DELAY=0.01", "-s", "HEALTHCRAWL_LEDGER_FLUSH_S=0.05")
    with DemoServer(site, port=port) as server:
        cmd = crawl_cmd(server.base_url, out, *paced)
        proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if finished(out / "healthcrawl.sqlite") >= 40:
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.005)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL, "the second run ended before the kill"
        resumed = run(cmd)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "Resuming interrupted run" in resumed.stderr
    run_dirs = sorted(p for p in out.iterdir() if p.is_dir() and not p.is_symlink())
    assert len(run_dirs) == 2
    summary = json.loads((run_dirs[-1] / "run.json").read_text())
    assert summary["exit_code"] == 0, summary["quality"]
    assert summary["counts"]["pending"] == 0
    assert snapshot(run_dirs[-1]) == one
    assert read_jsonl(run_dirs[-1] / "changes.jsonl") == []
    assert (out / "latest").resolve() == run_dirs[-1]


@pytest.mark.parametrize("kind", servers())
def test_start_page_answering_304_still_leads_to_every_page(kind, pristine, tmp_path):
    """A generic crawl that starts on an article of a site without a sitemap: on the second
    run that article answers 304, and everything else is reached through its remembered
    links (before, the run ended with that one record and logged the rest as removed)."""
    site = tmp_path / "site"
    shutil.copytree(pristine, site)
    (site / "sitemap.xml").unlink()
    out, port = tmp_path / "out", free_port()
    start = next(e["path"] for e in expected(site) if e["family"] == "keepto")

    def generic_crawl() -> dict:
        with server_for(kind, site, port) as server:
            proc = run([sys.executable, "-m", "scrapy", "crawl", "health",
                        "-a", f"url={server.base_url.rstrip('/')}{start}", "-a", "generic=1",
                        *FAST, "-s", f"HEALTHCRAWL_OUTPUT_DIR={out}"])
        assert proc.returncode == 0, proc.stderr[-3000:]
        return json.loads((out / "latest" / "run.json").read_text())

    first = generic_crawl()
    one = snapshot(out / "latest")
    assert len(one) >= ARTICLES * 0.95, first["counts"]
    second = generic_crawl()
    assert second["run_id"] != first["run_id"]
    assert snapshot(out / "latest") == one
    assert read_jsonl(out / "latest" / "changes.jsonl") == []
