"""The worker-process path of generic crawls gives the same record as extraction inline."""
import asyncio
import json
import os

import pytest
from conftest import FIXTURES

from cleaners.extract import extract_article
from cleaners.record import to_record
from crawler.extract_worker import ExtractWorkers, analyze, workers_for

SEED = FIXTURES / "seed"
LISTING = FIXTURES / "page_kind" / "en-wp-astra-category"


def test_analyze_equals_inline_extraction():
    url = json.loads((SEED / "meta.json").read_text())["url"]
    body = (SEED / "page.html").read_bytes()
    analysis = analyze(body, url, "utf-8", "example", "run1", 200, "t")
    hrefs, record = analysis.hrefs, analysis.record
    inline = to_record(extract_article(body, url), url=url, site="example", fetched_at="t",
                       http_status=200, run_id="run1")
    assert record == inline
    assert len(hrefs) > 12  # arrows and the 12 teaser links at least
    assert record["page_kind"] == "article"


def test_analyze_gives_no_record_for_a_listing():
    url = json.loads((LISTING / "meta.json").read_text())["url"]
    analysis = analyze((LISTING / "page.html").read_bytes(), url, None, "example", "run1",
                       200, "t")
    assert analysis.record is None and analysis.error is None
    assert analysis.kind == "listing"
    # links followed
    assert "https://fitkitchen.blog/fibre-the-forgotten-nutrient/" in analysis.hrefs


@pytest.mark.slow  # a worker process
def test_worker_process_round_trip():
    url = json.loads((SEED / "meta.json").read_text())["url"]
    body = (SEED / "page.html").read_bytes()
    workers = ExtractWorkers(1)
    try:
        record = asyncio.run(workers.analyze(body, url, "utf-8", "x", "r", 200, "t")).record
    finally:
        workers.close()
    assert record["title"] == "Lumbar disc herniation and leg weakness"
    assert len(record["teasers"]) == 12


@pytest.mark.slow  # worker processes
def test_closed_workers_start_again_on_the_next_page():
    """The crawl closes its workers whenever it is idle (crawler/spiders/health.py `_idle`):
    a page after that starts a new worker process and is analysed as before."""
    url = json.loads((SEED / "meta.json").read_text())["url"]
    body = (SEED / "page.html").read_bytes()
    workers = ExtractWorkers(1)
    try:
        first = asyncio.run(workers.analyze(body, url, "utf-8", "x", "r", 200, "t")).record
        old_pids = workers.pool.pids()
        workers.close()
        assert workers.pool is None
        second = asyncio.run(workers.analyze(body, url, "utf-8", "x", "r", 200, "t")).record
        assert workers.starts == 2 and workers.pool.pids() != old_pids
    finally:
        workers.close()
    assert second == first and first["title"] == "Lumbar disc herniation and leg weakness"


def test_workers_for():
    assert workers_for(0, True) == 0 and workers_for(3, False) == 3
    assert workers_for(-1, False) == 0


def test_no_worker_when_pinned_to_one_core():
    """Under `taskset -c 0` a worker cannot run beside the crawl: generic crawls go inline."""
    allowed = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {min(allowed)})
        assert workers_for(-1, True) == 0
    finally:
        os.sched_setaffinity(0, allowed)
    assert workers_for(-1, True) == (1 if len(allowed) >= 2 else 0)

