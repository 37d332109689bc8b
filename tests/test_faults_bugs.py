"""A bug in our own code on one page (a spider callback or middleware raising, an item
pipeline raising) is a failure of that page in the ledger and run.json (`failed/spider_error`,
`failed/pipeline_error`), never a URL left pending in a run that says it is complete. Real
crawls of the demo site with tests/faults/buggy.py's components put in by settings."""
from __future__ import annotations

import json

import pytest
from faults import harness

from crawler.settings import ITEM_PIPELINES

pytestmark = pytest.mark.slow  # crawls


@pytest.fixture(scope="module")
def article_urls(demo_site, demo_server) -> list[str]:
    from crawler.demo.generator import load_expected

    return sorted(e["url"] for e in load_expected(demo_site, demo_server.base_url))


def test_a_bug_on_a_page_is_its_failure_not_a_pending_url(demo_server, article_urls, tmp_path):
    spider_bug, pipeline_bug = article_urls[10], article_urls[20]
    pipelines = {**ITEM_PIPELINES, "faults.buggy.RaisingPipeline": 250}
    crawl = harness.finish(harness.start(demo_server.base_url, tmp_path / "out", [
        "-s", "SPIDER_MIDDLEWARES=" + json.dumps({"faults.buggy.RaisingSpiderMiddleware": 10}),
        "-s", "ITEM_PIPELINES=" + json.dumps(pipelines),
        "-s", f"FAULTS_BUGGY_SPIDER_URLS={spider_bug}",
        "-s", f"FAULTS_BUGGY_PIPELINE_URLS={pipeline_bug}"]))
    assert crawl.summary["status"] == "complete", crawl.stderr[-3000:]
    ledger = crawl.ledger()
    assert ledger[spider_bug] == "failed/spider_error"
    assert ledger[pipeline_bug] == "failed/pipeline_error"
    assert None not in ledger.values()  # no URL pending
    assert crawl.counts["pending"] == 0
    assert crawl.counts["failed"]["spider_error"] == 1
    assert crawl.counts["failed"]["pipeline_error"] == 1
    # every other article is a record, the two broken ones are not
    assert {r["url"] for r in crawl.records} == set(article_urls) - {spider_bug, pipeline_bug}
    assert "a bug on" in crawl.stderr  # the traceback is logged once by Scrapy
