"""Incremental generic crawls with learned templates (HEALTHCRAWL_LEARN, on by default).

A page's record must not depend on how the run happened to analyse it: run 1 analyses a
host's first pages generically (the samples its template is learned from) and the rest with
the template; run 2 starts with the stored templates. A page fetched in full again (a server
without validators, a redirect that drops them) with the same bytes as before is the same
page: its stored record is replayed, as for a 304, and the change log stays empty. A page
whose bytes changed is analysed again, and only such pages are logged as changed.

Real crawls (`scrapy crawl health` in a child process) of a 120-article demo site.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from conftest import FAST, ROOT, free_port, run_cli

from cleaners.learned import group_of
from crawler.demo.generator import ensure_site
from crawler.demo.routes import file_for
from crawler.demo.server import DemoServer

pytestmark = pytest.mark.slow  # crawls against the demo server

ARTICLES = 120


class NoValidatorServer(DemoServer):
    """The demo server without ETag: every request is answered 200 in full, as by the many
    sites that send no validators (so a crawl has no 304 to lean on)."""

    def respond(self, method, target, host=None):
        status, ctype, body, extra = super().respond(method, target, host)
        return status, ctype, body, tuple((k, v) for k, v in extra if k != "ETag")


def read_jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def generic_crawl(site: Path, port: int, out: Path, *extra: str) -> dict:
    with NoValidatorServer(site, port=port) as server:
        proc = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "health", "-a", f"url={server.base_url}",
             "-a", "generic=1", *FAST, "-s", f"HEALTHCRAWL_OUTPUT_DIR={out}", *extra],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
            text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads((out / "latest" / "run.json").read_text())
    summary["_records"] = {r["id"]: r for r in read_jsonl(out / "latest" / "articles.jsonl")}
    summary["_changes"] = read_jsonl(out / "latest" / "changes.jsonl")
    return summary


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return ensure_site(ARTICLES, tmp_path_factory.mktemp("learned-incr-sites"))


def test_refetched_pages_keep_their_records_and_only_edited_pages_change(pristine, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(pristine, site)
    out, port = tmp_path / "out", free_port()

    first = generic_crawl(site, port, out)
    assert first["exit_code"] == 0, first["quality"]
    one = first["_records"]
    assert len(one) >= ARTICLES * 0.95
    extractors = {r["extractor"].split(":")[0].split()[0] for r in one.values()}
    # both kinds in run 1: the samples generic, the rest from a learned template
    assert extractors == {"generic", "learned"}, extractors

    second = generic_crawl(site, port, out)
    assert second["exit_code"] == 0, second["quality"]
    assert second["not_modified"] == 0  # no validators: every page came back in full
    assert second["_changes"] == []
    assert second["same_body"] >= len(one)  # ... with the bytes of run 1: replayed
    assert {i: r["content_hash"] for i, r in second["_records"].items()} \
        == {i: r["content_hash"] for i, r in one.items()}
    assert {i: r["extractor"] for i, r in second["_records"].items()} \
        == {i: r["extractor"] for i, r in one.items()}
    assert second["counts"]["unchanged"] == len(one)

    # Edit 2 articles of each family: their bytes change, they are analysed again (with
    # the template learned in run 1 where their group has one) and logged as changed.
    edited = []
    for family in ("keepto", "wp", "zh", "ghost"):
        done = 0
        for exp in reversed([e for e in read_jsonl(site / "expected.jsonl")
                             if e["family"] == family]):
            page = site / file_for(exp["path"])
            html = page.read_bytes()
            # words added to the end of the body's last paragraph: the body changes
            last = exp["body"].split("\n\n")[-1][-30:].encode(
                "gbk" if family == "zh" else "utf-8")
            if html.count(last) == 1 and done < 2:
                page.write_bytes(html.replace(last, last + b" Reviewed 2026.", 1))
                edited.append(exp["path"])
                done += 1
        assert done == 2, family
    third = generic_crawl(site, port, out)
    assert third["exit_code"] == 0, third["quality"]
    changed = sorted(c["url"].split(str(port), 1)[1] for c in third["_changes"])
    assert changed == sorted(edited)
    assert {c["change"] for c in third["_changes"]} == {"changed"}
    assert third["same_body"] >= len(one) - len(edited)


def test_extract_with_the_store_uses_its_learned_templates(pristine, tmp_path):
    """`healthcrawl extract PAGE --url URL --store S`: a saved page of a learned host and URL
    shape is extracted with the template the crawl kept in S, as the crawl extracted it."""
    from crawler.demo.expected import load_expected

    out, port = tmp_path / "out", free_port()
    crawl = generic_crawl(pristine, port, out)
    base = f"http://127.0.0.1:{port}/"
    expected = {e["url"]: e for e in load_expected(pristine, base)}
    store = str(out / "healthcrawl.sqlite")
    with sqlite3.connect(store) as conn:  # templates still kept at the end of the crawl
        kept = {key for (key,) in conn.execute("SELECT key FROM templates")}
    families = {}
    for record in crawl["_records"].values():
        url = record["url"]
        if record["extractor"].startswith("learned:") and "".join(group_of(url)) in kept:
            families.setdefault(expected[url]["family"], (url, record))
    assert len(families) >= 3, families.keys()
    for family, (url, record) in sorted(families.items()):
        page = pristine / file_for(expected[url]["path"])
        proc = run_cli(["extract", str(page), "--url", url, "--store", store])
        assert proc.returncode == 0, proc.stderr
        line = orjson.loads(proc.stdout)
        assert line["extractor"].startswith("learned:127.0.0.1"), (family, line["extractor"])
        for field in ("title", "body", "body_html", "related_links", "teasers"):
            assert line[field] == record[field], (family, field)  # what the crawl stored
        for field in ("title", "related_links", "teasers"):
            assert line[field] == expected[url][field], (family, field)  # the page's truth
        # without the store: the generic analysis
        plain = orjson.loads(run_cli(["extract", str(page), "--url", url]).stdout)
        assert plain["extractor"].startswith("generic"), family

    # a store that is not there: one line, exit 1, nothing on stdout
    missing = run_cli(["extract", str(page), "--url", url, "--store",
                       str(tmp_path / "nope.sqlite")])
    assert missing.returncode == 1 and missing.stdout == ""
    assert "no such file" in missing.stderr and len(missing.stderr.splitlines()) == 1
    assert not (tmp_path / "nope.sqlite").exists()
