"""pipelines/snapshot.py on a real SQLite store: an article leaves the snapshot only with
evidence (404/410, a redirect, no longer an article, no longer linked from any page), is
otherwise kept as `not_rechecked`, and the guard trips when too much of the snapshot could
not be confirmed."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipelines.ledger import COMPLETE, Ledger
from pipelines.pages import ARTICLE, NOT_ARTICLE
from pipelines.snapshot import finish_run, previous_good_run, settle, snapshot_ids
from pipelines.store import Store, open_store
from pipelines.synthetic import synthetic_record

KEY = "demo|http://h/|generic=0"
LISTING = "http://h/list.html"


@pytest.fixture
def store(tmp_path: Path):
    path = tmp_path / "healthcrawl.sqlite"
    ledger, store = Ledger.open(path), open_store(path)
    yield ledger, store
    store.close()
    ledger.close()


def begin(ledger: Ledger, run_id: str) -> None:
    time.sleep(0.005)  # runs are ordered by their start time (milliseconds)
    assert ledger.begin(KEY, run_id, fresh=True) == (run_id, False)


def stored(ledger: Ledger, store: Store, run_id: str, record: dict) -> None:
    store.upsert(record, run_id)
    ledger.discover(record["url"])
    ledger.finish(record["url"], "stored", record["id"])
    ledger.remember_page(record["url"], ARTICLE, [], '"e"', None, record["id"])


def listing(ledger: Ledger, outcome: str, links: list[str]) -> None:
    ledger.discover(LISTING)
    ledger.finish(LISTING, outcome)
    if outcome == "not_article":
        ledger.remember_page(LISTING, NOT_ARTICLE, links, '"l"')


def first_run(ledger: Ledger, store: Store, records: list[dict]) -> None:
    begin(ledger, "r1")
    listing(ledger, "not_article", [r["url"] for r in records])
    for record in records:
        stored(ledger, store, "r1", record)
    store.flush()
    ledger.end(COMPLETE)


def test_unlinked_article_is_removed_when_its_listing_was_processed(store):
    ledger, st = store
    a, b, c = (synthetic_record(i) for i in range(3))
    first_run(ledger, st, [a, b, c])
    begin(ledger, "r2")
    listing(ledger, "not_article", [a["url"], b["url"]])  # c is no longer listed
    stored(ledger, st, "r2", a)
    stored(ledger, st, "r2", b)
    ledger.flush()
    result = settle(ledger.db, "r2", max_shrink_ratio=None)
    assert result.removed == {c["id"]: "unlinked"}
    assert result.kept == []


def test_articles_behind_a_failed_listing_are_kept_not_removed(store):
    ledger, st = store
    a, b, c = (synthetic_record(i) for i in range(3))
    first_run(ledger, st, [a, b, c])
    begin(ledger, "r2")
    listing(ledger, "failed/http_500", [])  # the listing is down: b and c not rechecked
    stored(ledger, st, "r2", a)
    ledger.flush()
    result = settle(ledger.db, "r2")
    assert result.removed == {}
    assert sorted(result.kept) == sorted([b["id"], c["id"]])
    assert result.shrank and "not confirmed" in result.why[0]  # 2 of 3 > 10 %


def test_evidence_reasons(store):
    ledger, st = store
    gone, moved, now_listing, flaky = (synthetic_record(i) for i in range(4))
    first_run(ledger, st, [gone, moved, now_listing, flaky])
    begin(ledger, "r2")
    listing(ledger, "not_article", [r["url"] for r in (gone, moved, now_listing, flaky)])
    for record, outcome in ((gone, "failed/http_410"), (moved, "off_site"),
                            (now_listing, "not_article"), (flaky, "failed/timeout")):
        ledger.discover(record["url"])
        ledger.finish(record["url"], outcome)
    ledger.flush()
    result = settle(ledger.db, "r2", max_shrink_ratio=None)
    assert result.removed == {gone["id"]: "http_410", moved["id"]: "redirected",
                              now_listing["id"]: "not_article"}
    assert result.kept == [flaky["id"]]


def test_capped_discovery_removes_nothing_unlinked(store):
    ledger, st = store
    a, b = synthetic_record(0), synthetic_record(1)
    first_run(ledger, st, [a, b])
    begin(ledger, "r2")
    stored(ledger, st, "r2", a)  # --max-pages stopped before the listing
    ledger.flush()
    result = settle(ledger.db, "r2", discovery_capped=True, max_shrink_ratio=None)
    assert result.removed == {} and result.kept == [b["id"]]


def test_shrunken_run_is_never_the_previous_good_run(store):
    ledger, st = store
    a, b, c = (synthetic_record(i) for i in range(3))
    first_run(ledger, st, [a, b, c])
    begin(ledger, "r2")
    listing(ledger, "failed/http_500", [])
    stored(ledger, st, "r2", a)
    ledger.flush()
    result = settle(ledger.db, "r2")
    assert result.shrank
    ledger.end("shrank")
    begin(ledger, "r3")
    assert previous_good_run(ledger.db, "r3") == "r1"
    # A kept record counts in its run's snapshot.
    finish_run(ledger.db, "r2", True)
    assert snapshot_ids(ledger.db, "r2") == {a["id"], b["id"], c["id"]}


def test_cli_summary_names_a_shrunken_snapshot():
    from crawler.summary import format_summary

    summary = {"run_id": "r2", "status": "complete", "exit_code": 2, "not_modified": 7,
               "counts": {}, "warnings": {"snapshot_shrank": 1},
               "snapshot": {"previous_run": "r1", "not_rechecked": 2,
                            "removed": {"http_404": 1}, "shrank": True,
                            "why": ["3 of 3 records of run r1 not confirmed (100.0% > 10%)"]},
               "quality": {"breaches": ["snapshot_shrank: 3 of 3 records ..."]}}
    text = format_summary(summary, "out/r2")
    assert "not modified (304, replayed) 7" in text
    assert "snapshot vs r1: not rechecked 2, removed http_404 1" in text
    assert "SNAPSHOT SHRANK: 3 of 3 records of run r1 not confirmed" in text
    assert "below quality bar: snapshot_shrank" in text
