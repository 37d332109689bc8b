"""Every store implementation offers every operation of the interface
(pipelines/store/base.py), with the same parameters, and behaves the same through it; the
rest of healthcrawl calls only those. A second implementation (a server database) joins
IMPLEMENTATIONS and the `make_store` parameters."""
from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from cleaners.record import content_hash
from pipelines.pages import NOT_ARTICLE, remember_params, unpack_links
from pipelines.store import (
    CHANGED,
    DISCOVER,
    FINISH,
    NEW,
    REMEMBER,
    UNCHANGED,
    SQLiteStore,
    Store,
    open_store,
)
from pipelines.synthetic import synthetic_record

IMPLEMENTATIONS = [SQLiteStore]
OPERATIONS = sorted(name for name, value in vars(Store).items()
                    if not name.startswith("_") and callable(value))


def test_interface_names_the_operations() -> None:
    for name in ("upsert", "iter_records", "write_ledger", "outcomes", "latest_run",
                 "page_memo", "validators", "persist_settlement", "changes"):
        assert name in OPERATIONS


@pytest.mark.parametrize("impl", IMPLEMENTATIONS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("name", OPERATIONS)
def test_implementation_has_operation(impl: type, name: str) -> None:
    method = getattr(impl, name, None)
    assert callable(method), f"{impl.__name__} lacks {name}"
    want = list(inspect.signature(getattr(Store, name)).parameters)
    assert list(inspect.signature(method).parameters) == want


# -- behaviour, through the interface only (what a second implementation must match) ------
@pytest.fixture(params=["sqlite"])
def make_store(request, tmp_path: Path):
    opened: list[Store] = []

    def make() -> Store:
        # Every call opens another instance on the same data, as the ledger and the store
        # pipeline of one crawl do.
        store = open_store(tmp_path / "healthcrawl.sqlite", batch_size=1000)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def test_articles_and_their_change_log(make_store) -> None:
    store = make_store()
    a, b = synthetic_record(1), synthetic_record(2)
    assert [store.upsert(a, "r1"), store.upsert(b, "r1")] == [NEW, NEW]
    store.flush()
    assert store.upsert(a, "r2") == UNCHANGED
    retitled = {**b, "title": "Retitled", "content_hash": content_hash("Retitled", b["body"])}
    assert store.upsert(retitled, "r2") == CHANGED
    store.flush()
    assert store.count() == 2
    assert store.stored_record(b["id"])["title"] == "Retitled"
    assert store.get(a["id"]).first_run == "r1" and store.get(a["id"]).last_run == "r2"
    assert store.article_history(b["id"])[1:3] == ("r1", "r2")
    assert store.article_history("no-such-id") is None
    assert [r["id"] for r in store.iter_records(last_run="r2")] == sorted([a["id"], b["id"]])
    assert {c.id: c.published for c in store.feed_candidates("r2")} == {
        a["id"]: a["published"], b["id"]: b["published"]}
    assert {(c.id, c.change) for c in store.changes("r1")} == {(a["id"], "added"),
                                                               (b["id"], "added")}
    # r2: only b changed (a's content is the same: no row): its title, hence its hash.
    assert [(c.id, c.change, c.fields) for c in store.changes("r2")] == [
        (b["id"], "changed", ["title", "content_hash"])]
    assert store.logged_fields("r2", b["id"]) == ["title", "content_hash"]


def test_runs_ledger_and_page_memory(make_store) -> None:
    ledger_db, store = make_store(), make_store()
    a, b = synthetic_record(1), synthetic_record(2)
    ledger_db.start_run("r1", "key", "running", "2026-12-01T00:00:00.000Z")
    assert ledger_db.latest_run("key") == ("r1", "2026-12-01T00:00:00.000Z", "running")
    ledger_db.write_ledger([
        (DISCOVER, ("r1", a["url"])), (DISCOVER, ("r1", b["url"])),
        (DISCOVER, ("r1", "https://health.example/")),
        (FINISH, ("r1", "https://health.example/", "not_article", None)),
        (REMEMBER, remember_params("https://health.example/", NOT_ARTICLE, '"e1"', None,
                                   None, [a["url"], b["url"]], "r1")),
        (FINISH, ("r1", a["url"], "stored", a["id"])),
        (FINISH, ("r1", b["url"], "stored", b["id"])),
    ])
    store.upsert(a, "r1")  # b's article never reaches the store (a crash before its batch)
    store.flush()
    assert sorted(ledger_db.outcomes("r1")) == sorted([
        (a["url"], "stored", a["id"]), (b["url"], "stored", b["id"]),
        ("https://health.example/", "not_article", None)])
    ledger_db.reopen_unstored("r1")
    assert (b["url"], None, None) in set(ledger_db.outcomes("r1"))
    assert sorted(ledger_db.outcome_counts("r1"), key=str) == sorted(
        [(None, None, 1), ("not_article", None, 1), ("stored", "new", 1)], key=str)
    assert set(ledger_db.ledger_records("r1")) == {(a["url"], a["id"])}
    memo = ledger_db.page_memo("https://health.example/")
    assert (memo.kind, memo.links) == (NOT_ARTICLE, [a["url"], b["url"]])
    assert ledger_db.validators() == {"https://health.example/": ('"e1"', None)}
    assert unpack_links(dict(ledger_db.page_links())["https://health.example/"]) == [
        a["url"], b["url"]]
    # The run ends; the next run of the key compares with it.
    ledger_db.end_run("r1", "complete", "2026-12-01T00:10:00.000Z", 3)
    ledger_db.start_run("r2", "key", "running", "2026-12-02T00:00:00.000Z")
    assert ledger_db.previous_good_run("r2") == "r1"
    assert ledger_db.previous_good_run("r1") is None
    assert ledger_db.run_discovered("r1") == 3
    assert ledger_db.snapshot_ids("r1") == {a["id"]}
    # r2 keeps a without re-checking it and removes the other id, with its evidence.
    ledger_db.persist_settlement("r2", [a["id"]], [(b, "http_404")])
    assert ledger_db.snapshot_ids("r2") == {a["id"]}
    assert [(c.id, c.change, c.reason) for c in ledger_db.changes("r2")] == [
        (b["id"], "removed", "http_404")]
