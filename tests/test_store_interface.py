"""Every store implementation offers every operation of the interface
(pipelines/store/base.py), with the same parameters, and behaves the same through it; the
rest of healthcrawl calls only those. The behaviour tests run on a SQLite file and on a real
PostgreSQL server that the tests start (tests/servers.py; those cases are slow)."""
from __future__ import annotations

import inspect
import time
from pathlib import Path

import pytest

from cleaners.record import content_hash
from pipelines.changes import merge_fields
from pipelines.pages import ARTICLE, DROPPED, NOT_ARTICLE, remember_params, unpack_links
from pipelines.store import (
    CHANGED,
    DB_ERRORS,
    DISCOVER,
    FINISH,
    NEW,
    REMEMBER,
    UNCHANGED,
    SQLiteStore,
    Store,
    open_store,
)
from pipelines.store.postgres import PostgresStore
from pipelines.synthetic import synthetic_record

IMPLEMENTATIONS = [SQLiteStore, PostgresStore]
OPERATIONS = sorted(name for name, value in vars(Store).items()
                    if not name.startswith("_") and callable(value))


def test_interface_names_the_operations() -> None:
    for name in ("upsert", "iter_records", "write_ledger", "outcomes", "latest_run",
                 "page_memo", "validators", "persist_settlement", "changes",
                 "add_captures", "capture_of"):
        assert name in OPERATIONS


@pytest.mark.parametrize("impl", IMPLEMENTATIONS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("name", OPERATIONS)
def test_implementation_has_operation(impl: type, name: str) -> None:
    method = getattr(impl, name, None)
    assert callable(method), f"{impl.__name__} lacks {name}"
    want = list(inspect.signature(getattr(Store, name)).parameters)
    assert list(inspect.signature(method).parameters) == want


# -- behaviour, through the interface only (what a second implementation must match) ------
@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def make_store(request, tmp_path: Path):
    opened: list[Store] = []
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres_server")
        location: str | Path = server.create_database()
    else:
        location = tmp_path / "healthcrawl.sqlite"

    def make(**options) -> Store:
        # Every call opens another instance on the same data, as the ledger and the store
        # pipeline of one crawl do.
        store = open_store(location, **{"batch_size": 1000, **options})
        opened.append(store)
        assert type(store) is (PostgresStore if request.param == "postgresql" else SQLiteStore)
        return store

    yield make
    for store in opened:
        store.close()
    if request.param == "postgresql":
        server.drop_database(location)


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


def _retitled(record: dict, title: str) -> dict:
    return {**record, "title": title, "content_hash": content_hash(title, record["body"])}


def test_records_come_in_byte_order_of_their_ids(make_store) -> None:
    # "id order" is byte order on every implementation (a server's locale must not reorder
    # them): upper case before lower case, ASCII before accented letters.
    store = make_store()
    ids = ["b", "B", "a-2", "a_1", "\u00e9t\u00e9", "Z", "a10", "a9"]
    for i, rid in enumerate(ids):
        store.upsert({**synthetic_record(i), "id": rid}, "r1")
    assert [r["id"] for r in store.iter_records()] == sorted(ids)
    assert [r["id"] for r in store.iter_records(last_run="r1")] == sorted(ids)
    assert list(store.iter_records(last_run="no-such-run")) == []


def test_a_record_reads_back_as_it_was_written(make_store) -> None:
    store = make_store()
    record = {**synthetic_record(7), "title": "Caf\u00e9 \u2014 \u6c34 \U0001f600 'quoted' \\",
              "modified": None, "warnings": ["a", "b"]}
    assert store.upsert(record, "r1") == NEW
    assert store.stored_record(record["id"]) is None  # queued, not yet committed
    row = store.get(record["id"])  # get() commits the queue first
    assert row.record == record
    assert store.stored_record(record["id"]) == record
    assert (row.first_run, row.last_run) == ("r1", "r1")
    assert row.first_seen == row.last_seen == row.changed_at
    assert store.get("no-such-id") is None and store.stored_record("no-such-id") is None


def test_stored_records_come_in_the_order_asked_in_chunks(make_store) -> None:
    from pipelines.store.base import RECORDS_CHUNK

    store = make_store(batch_size=5000)
    n = RECORDS_CHUNK + 7  # a chunk boundary inside the run of ids
    for i in range(n):
        store.upsert(synthetic_record(i), "r1")
    store.flush()
    ids = [synthetic_record(i)["id"] for i in reversed(range(n))]
    asked = ids[:3] + ["no-such-id"] + ids[3:]
    got = list(store.stored_records(asked))
    assert [r["id"] for r in got] == ids  # the asked order; a missing id is left out
    assert got[5] == store.stored_record(ids[5])
    assert list(store.stored_records([])) == []


def test_the_upsert_gives_the_row_it_read_as_article_history_gives_it(make_store) -> None:
    from pipelines.store.queue import NOT_READ

    store, other = make_store(), make_store()
    a = synthetic_record(1)
    store.upsert(a, "r1")
    assert store.last_history is None  # no stored row
    store.upsert(a, "r1")
    assert store.last_history is NOT_READ  # still queued: no row read
    store.flush()
    committed = store.get(a["id"])
    store.upsert(_retitled(a, "T2"), "r2")
    assert store.last_history == other.article_history(a["id"]) == (
        a["content_hash"], "r1", "r1", committed.changed_at)


def test_a_batch_is_committed_when_full_and_seen_by_another_instance(make_store) -> None:
    writer, reader = make_store(batch_size=3), make_store()
    for i in range(3):
        writer.upsert(synthetic_record(i), "r1")
    writer.upsert(synthetic_record(3), "r1")  # queued: the batch of 3 went before it
    assert reader.count() == 3
    writer.flush()
    assert reader.count() == 4
    assert writer.flush_errors == 0


def test_changed_at_moves_only_when_the_content_changes(make_store) -> None:
    store = make_store()
    a = synthetic_record(1)
    store.upsert(a, "r1", seen_at="2026-12-01T00:00:00.000Z")
    store.flush()
    store.upsert(a, "r2", seen_at="2026-12-02T00:00:00.000Z")
    store.flush()
    row = store.get(a["id"])
    assert (row.first_seen, row.last_seen, row.changed_at) == (
        "2026-12-01T00:00:00.000Z", "2026-12-02T00:00:00.000Z", "2026-12-01T00:00:00.000Z")
    store.upsert(_retitled(a, "New title"), "r3", seen_at="2026-12-03T00:00:00.000Z")
    store.flush()
    assert store.get(a["id"]).changed_at == "2026-12-03T00:00:00.000Z"
    assert store.article_history(a["id"]) == (
        content_hash("New title", a["body"]), "r1", "r3", "2026-12-03T00:00:00.000Z")


def test_a_resumed_run_merges_what_it_logged_before(make_store) -> None:
    first, resumed = make_store(), make_store()
    a, b = synthetic_record(1), synthetic_record(2)
    first.upsert(a, "r1")
    first.upsert(b, "r1")
    first.flush()
    # r2 changes a's title and commits; the run is resumed (a new instance) and meets a again
    # with another change, and b (added in r1) twice in the same run.
    first.upsert(_retitled(a, "T2"), "r2")
    first.flush()
    resumed.upsert({**_retitled(a, "T2"), "authors": ["Someone Else"]}, "r2")
    resumed.upsert(_retitled(b, "B2"), "r2")
    resumed.upsert({**_retitled(b, "B2"), "language": "fr"}, "r2")
    resumed.flush()
    # One row per id, its fields the union of the run's changes, in record order.
    assert {c.id: (c.change, c.fields) for c in resumed.changes("r2")} == {
        a["id"]: ("changed", merge_fields(["title", "content_hash", "authors"])),
        b["id"]: ("changed", merge_fields(["title", "content_hash", "language"]))}
    assert set(merge_fields(["title", "content_hash", "authors"])) == {
        "title", "content_hash", "authors"}


def test_a_removed_article_seen_again_is_added_again(make_store) -> None:
    store = make_store()
    a, b = synthetic_record(1), synthetic_record(2)
    store.upsert(a, "r1")
    store.upsert(b, "r1")
    store.flush()
    store.persist_settlement("r2", [a["id"]], [(b, "http_404")])
    # Settling again replaces what the run decided before.
    store.persist_settlement("r2", [a["id"], b["id"]], [])
    assert list(store.changes("r2")) == []
    assert store.snapshot_ids("r2") == {a["id"], b["id"]}
    store.persist_settlement("r2", [a["id"]], [(b, "gone_from_sitemap")])
    assert [(c.id, c.change, c.fields, c.url, c.reason) for c in store.changes("r2")] == [
        (b["id"], "removed", [], b["url"], "gone_from_sitemap")]
    assert store.upsert(b, "r3") == UNCHANGED  # same content, but it had been removed
    store.flush()
    assert [(c.id, c.change) for c in store.changes("r3")] == [(b["id"], "added")]


def test_the_ledger_keeps_one_outcome_per_url(make_store) -> None:
    store = make_store()
    url = "https://health.example/a.html"
    store.start_run("r1", "key", "running", "2026-12-01T00:00:00.000Z")
    store.write_ledger([(DISCOVER, ("r1", url)), (FINISH, ("r1", url, "failed/timeout", None)),
                        (DISCOVER, ("r1", url))])  # discovered again: the outcome stays
    assert list(store.outcomes("r1")) == [(url, "failed/timeout", None)]
    store.write_ledger([(FINISH, ("r1", url, "not_article", None))])
    assert list(store.outcomes("r1")) == [(url, "not_article", None)]
    assert list(store.outcomes("r2")) == [] and list(store.outcome_counts("r2")) == []
    assert store.run_discovered("r1") is None and store.run_discovered("r9") is None
    store.write_ledger([])  # nothing to write is no transaction and no error


def test_a_url_fetched_twice_in_a_run_keeps_its_record(make_store) -> None:
    """A frontier worker may fetch a URL again in the same run (its lease lost while Redis
    was away); the second fetch's drop as a duplicate, or a failure, leaves the stored
    outcome and its record in the run's export. A stored outcome still replaces a failure."""
    store = make_store()
    store.start_run("r1", "key", "running", "2026-12-01T00:00:00.000Z")
    a, b = synthetic_record(1), synthetic_record(2)
    store.write_ledger([(DISCOVER, ("r1", a["url"])), (FINISH, ("r1", a["url"], "stored", a["id"])),
                        (FINISH, ("r1", a["url"], "dropped/duplicate_url", None)),
                        (FINISH, ("r1", a["url"], "failed/timeout", None))])
    assert list(store.outcomes("r1")) == [(a["url"], "stored", a["id"])]
    store.write_ledger([(FINISH, ("r1", b["url"], "failed/spider_error", None)),
                        (FINISH, ("r1", b["url"], "stored", b["id"]))])
    assert sorted(store.outcomes("r1")) == sorted([(a["url"], "stored", a["id"]),
                                                   (b["url"], "stored", b["id"])])
    store.write_ledger([(FINISH, ("r1", a["url"], "unchanged", a["id"]))])
    assert (a["url"], "unchanged", a["id"]) in set(store.outcomes("r1"))


def test_a_failed_ledger_batch_writes_nothing(make_store) -> None:
    store = make_store()
    store.start_run("r1", "key", "running", "2026-12-01T00:00:00.000Z")
    with pytest.raises(DB_ERRORS):
        # The REMEMBER event lacks its NOT NULL kind: the whole batch is refused.
        store.write_ledger([(DISCOVER, ("r1", "https://health.example/x")),
                            (REMEMBER, ("https://health.example/x", None, None, None, None,
                                        None, "r1"))])
    assert list(store.outcomes("r1")) == []
    store.write_ledger([(DISCOVER, ("r1", "https://health.example/y"))])
    assert list(store.outcomes("r1")) == [("https://health.example/y", None, None)]


def test_latest_run_and_statuses(make_store) -> None:
    store = make_store()
    assert store.latest_run("key") is None
    store.start_run("r1", "key", "running", "2026-12-01T00:00:00.000Z")
    store.start_run("r2", "key", "running", "2026-12-02T00:00:00.000Z")
    store.start_run("x1", "other", "running", "2026-12-03T00:00:00.000Z")
    assert store.latest_run("key").run_id == "r2"
    store.set_run_status("r2", "interrupted")
    assert store.latest_run("key").status == "interrupted"
    store.set_run_status("r2", "running", new_attempt=True)
    store.end_run("r1", "complete", "2026-12-01T01:00:00.000Z", 10)
    store.end_run("r2", "complete", "2026-12-02T01:00:00.000Z", None)
    assert store.latest_run("key") == ("r2", "2026-12-02T00:00:00.000Z", "complete")
    assert store.previous_good_run("r2") == "r1"
    assert store.previous_good_run("x1") is None  # another key
    assert (store.run_discovered("r1"), store.run_discovered("r2")) == (10, None)
    # Every run, oldest first, whatever its key: what `healthcrawl export` picks from.
    assert store.runs() == [
        ("r1", "key", "complete", "2026-12-01T00:00:00.000Z", "2026-12-01T01:00:00.000Z"),
        ("r2", "key", "complete", "2026-12-02T00:00:00.000Z", "2026-12-02T01:00:00.000Z"),
        ("x1", "other", "running", "2026-12-03T00:00:00.000Z", None)]


def test_validators_leave_out_pages_an_unfinished_run_fetched(make_store) -> None:
    store = make_store()
    done, pending, plain = (f"https://health.example/{n}.html" for n in ("done", "pending",
                                                                          "plain"))
    store.write_ledger([
        (DISCOVER, ("r1", done)), (DISCOVER, ("r1", pending)),
        (REMEMBER, remember_params(done, NOT_ARTICLE, '"d"', None, None, [], "r1")),
        (REMEMBER, remember_params(pending, NOT_ARTICLE, None, "Mon, 01 Dec 2026 00:00:00 GMT",
                                   None, [pending], "r1")),
        (REMEMBER, remember_params(plain, NOT_ARTICLE, None, None, None, [], "r1")),
        (FINISH, ("r1", done, "not_article", None)),
    ])
    everything = {done: ('"d"', None), pending: (None, "Mon, 01 Dec 2026 00:00:00 GMT")}
    assert store.validators() == everything
    assert store.validators(unfinished_of="r1") == {done: ('"d"', None)}
    assert store.validators(unfinished_of="r0") == everything
    # Remembering a page again replaces what was remembered.
    store.write_ledger([(REMEMBER, remember_params(done, NOT_ARTICLE, '"d2"', None, None,
                                                   [plain], "r2"))])
    assert store.page_memo(done).links == [plain]
    assert store.validators()[done] == ('"d2"', None)
    assert store.page_memo("https://health.example/never.html") is None
    assert sorted(url for url, _ in store.page_links()) == sorted([done, pending, plain])


def test_page_digests_are_kept_for_pages_that_ended_well(make_store) -> None:
    store = make_store()
    article, listing, dropped, pending = (f"https://health.example/{n}.html" for n in
                                          ("a", "list", "dropped", "pending"))
    store.write_ledger([
        (DISCOVER, ("r1", pending)),
        (REMEMBER, remember_params(article, ARTICLE, None, None, "id-a", [], "r0", "d-a")),
        (REMEMBER, remember_params(listing, NOT_ARTICLE, None, None, None, [article], "r0",
                                   "d-list")),
        # a dropped page must be analysed again next time: no digest, whatever was given
        (REMEMBER, remember_params(dropped, DROPPED, None, None, None, [], "r0", "d-x")),
        (REMEMBER, remember_params(pending, NOT_ARTICLE, None, None, None, [], "r1", "d-p")),
    ])
    everything = {article: "d-a", listing: "d-list", pending: "d-p"}
    assert store.page_digests() == everything
    # the page run r1 fetched but has not finished is fetched and analysed again
    assert store.page_digests(unfinished_of="r1") == {article: "d-a", listing: "d-list"}
    store.write_ledger([(REMEMBER, remember_params(article, ARTICLE, None, None, "id-a", [],
                                                   "r1", "d-a2"))])
    assert store.page_digests()[article] == "d-a2"


def test_reading_while_iterating(make_store) -> None:
    # Exports read other rows while they walk the records; both must work on one instance.
    store = make_store()
    records = [synthetic_record(i) for i in range(30)]
    for record in records:
        store.upsert(record, "r1")
    seen = []
    for record in store.iter_records():
        assert store.stored_record(record["id"]) == record
        seen.append(record["id"])
    assert seen == sorted(r["id"] for r in records)


A, B = "https://health.example/a.html", "https://health.example/b.html"
RID1, RID2, RID3 = (f"<urn:uuid:00000000-0000-4000-8000-00000000000{n}>" for n in (1, 2, 3))
DATE1, DATE2 = "2026-12-01T10:00:00.123456Z", "2026-12-02T11:30:00.654321Z"


def test_the_capture_index_keeps_the_newest_capture_of_each_url(make_store) -> None:
    writer, reader = make_store(), make_store()
    assert reader.capture_of(A) is None
    # One batch in which A comes twice: its later row wins.
    writer.add_captures([(A, RID1, DATE1), (B, RID2, DATE1), (A, RID3, DATE2)])
    assert reader.capture_of(A) == (RID3, DATE2)
    assert reader.capture_of(B) == (RID2, DATE1)
    # A later batch replaces B's row and leaves A's alone.
    writer.add_captures([(B, RID1, DATE2)])
    assert (reader.capture_of(A), reader.capture_of(B)) == ((RID3, DATE2), (RID1, DATE2))
    assert reader.capture_of("https://health.example/never.html") is None
    writer.add_captures([])  # nothing to write is no transaction and no error


def test_a_failed_capture_batch_writes_nothing(make_store) -> None:
    store = make_store()
    with pytest.raises(DB_ERRORS):
        # The second row lacks its NOT NULL WARC-Date: the whole batch is refused.
        store.add_captures([(A, RID1, DATE1), (B, RID2, None)])
    assert store.capture_of(A) is None and store.capture_of(B) is None
    store.add_captures([(B, RID2, DATE1)])
    assert store.capture_of(B) == (RID2, DATE1)


# -- workers of a run (join_run / heartbeat / leave_run) -----------------------------------
def _worker(name: str, version: str = "1.0", fingerprint: str = '{"S": "1"}'):
    from pipelines.store import WorkerInfo

    return WorkerInfo(f"host:1:{name}", "host", 1, version, fingerprint)


def test_a_lone_worker_starts_resumes_and_leaves_last(make_store) -> None:
    store = make_store()
    first = store.join_run("k", _worker("a"), "r1", "2026-12-01T00:00:00.000Z", alive_s=0.3)
    assert (first.run_id, first.mode, first.others) == ("r1", "new", 0)
    store.heartbeat("host:1:a")
    assert store.leave_run("host:1:a", alive_s=0.3) is True  # nobody else: it ends the run
    assert {r.run_id: r.status for r in store.runs()}["r1"] == "ending"
    # never ended (it died while ending): once silent, the next worker resumes it
    time.sleep(0.4)
    again = store.join_run("k", _worker("b"), "r2", "2026-12-02T00:00:00.000Z", alive_s=0.3)
    assert (again.run_id, again.started_at, again.mode) == (
        "r1", "2026-12-01T00:00:00.000Z", "resumed")
    assert store.run_workers("r1") == 1  # the earlier attempt's workers are forgotten
    store.end_run("r1", "complete", "2026-12-02T00:10:00.000Z", 3)
    assert store.join_run("k", _worker("c"), "r3", "2026-12-03T00:00:00.000Z").mode == "new"
    assert store.leave_run("host:1:c") is True
    store.set_run_status("r3", "interrupted")  # it ended interrupted: end_run lets it go
    store.end_run("r3", "interrupted", "2026-12-03T00:10:00.000Z", 1)
    # fresh, and no live worker: the unfinished run is abandoned, a new one starts
    fresh = store.join_run("k", _worker("d"), "r4", "2026-12-04T00:00:00.000Z", fresh=True)
    assert (fresh.run_id, fresh.mode) == ("r4", "new")
    assert {r.run_id: r.status for r in store.runs()}["r3"] == "abandoned"


def test_sqlite_never_sees_another_live_worker(tmp_path: Path) -> None:
    # One process holds a SQLite store (the output folder's flock): a second join resumes.
    with open_store(tmp_path / "s.sqlite") as store:
        store.join_run("k", _worker("a"), "r1", "2026-12-01T00:00:00.000Z")
        second = store.join_run("k", _worker("b", version="2.0"), "r2",
                                "2026-12-01T00:00:01.000Z")
        assert (second.run_id, second.mode) == ("r1", "resumed")
