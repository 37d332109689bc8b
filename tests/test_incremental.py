"""Consecutive runs of the demo site: the second fetches with conditional requests and finds
every article unchanged; after N article pages change, the third reports exactly N changed."""
from __future__ import annotations

import json
import shutil

import orjson
import pytest
from conftest import free_port, run_scrapy

pytestmark = pytest.mark.slow  # crawls against the demo server


def crawl(site_dir, port, out):
    from crawler.demo.server import DemoServer

    with DemoServer(site_dir, port=port) as server:
        proc = run_scrapy(["-a", "site=demo", "-a", f"url={server.base_url}"], out)
        requests = server.requests
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads((out / "latest" / "run.json").read_text())
    return summary, requests


def edit_articles(site_dir, n: int) -> list[str]:
    """Change one body sentence in n keepto articles; return their paths."""
    edited = []
    for line in (site_dir / "expected.jsonl").read_bytes().splitlines():
        exp = orjson.loads(line)
        if exp["family"] != "keepto":
            continue
        page = site_dir / exp["path"].lstrip("/")
        # the last paragraph: the first one also feeds the meta description and teasers
        last = exp["body"].split("\n\n")[-1][-40:]
        html = page.read_text(encoding="utf-8")
        if html.count(last) != 1:
            continue
        page.write_text(html.replace(last, last + " (Reviewed)", 1), encoding="utf-8")
        edited.append(exp["path"])
        if len(edited) == n:
            return edited
    raise AssertionError("not enough editable articles")


def test_second_run_unchanged_third_sees_exactly_n_changes(demo_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    out = tmp_path / "out"
    port = free_port()

    first, first_requests = crawl(site, port, out)
    articles = first["records"]
    assert first["counts"]["new"] == articles

    second, second_requests = crawl(site, port, out)
    assert second["exit_code"] == 0
    assert second["counts"]["unchanged"] == articles
    assert second["counts"]["new"] == second["counts"]["changed"] == 0
    assert second["records"] == articles  # the run folder is still a full snapshot
    assert second["pages"] < first["pages"] - articles + 5  # articles answered 304, not parsed

    edited = edit_articles(site, 3)
    third, _ = crawl(site, port, out)
    assert third["counts"]["changed"] == len(edited) == 3
    assert third["counts"]["unchanged"] == articles - 3
    assert third["records"] == articles
    changed = [orjson.loads(x) for x in (out / "latest" / "articles.jsonl").read_bytes()
               .splitlines()]
    reviewed = sorted(r["url"].split(str(port), 1)[1] for r in changed
                      if "(Reviewed)" in r["body"])
    assert reviewed == sorted(edited)
