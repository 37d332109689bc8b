"""The PostgreSQL store on a real server (tests/servers.py): the same tables as the SQLite
store, one-line errors for a bad URL or a server that is down, a dropped connection opened
again without losing queued articles, and two workers creating the schema at once.
tests/test_store_interface.py runs the shared behaviour on both implementations."""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import psycopg
import pytest
from servers import free_port

from pipelines.store import (
    DB_ERRORS,
    NEW,
    SCHEMA_VERSION,
    SchemaTooNew,
    StoreError,
    open_store,
)
from pipelines.store.postgres import display_url
from pipelines.synthetic import synthetic_record


def test_unsupported_url_scheme_is_an_error_not_a_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="unsupported store URL scheme mysql://"):
        open_store("mysql://user@127.0.0.1:3306/db")
    assert list(tmp_path.iterdir()) == []  # nothing written
    assert issubclass(StoreError, DB_ERRORS)


def test_passwords_never_shown() -> None:
    assert display_url("postgresql://crawler:s3cret@db:5432/hc") == (
        "postgresql://crawler:***@db:5432/hc")
    assert display_url("postgresql://db/hc?password=s3cret&sslmode=require") == (
        "postgresql://db/hc?password=***&sslmode=require")
    assert display_url("postgresql://crawler@db/hc") == "postgresql://crawler@db/hc"


@pytest.mark.parametrize("url", ["postgresql://u:s3cret@db/hc?nosuchoption=1",
                                 "postgresql://u:s3cret@[db/hc"])
def test_malformed_url_is_one_line(url: str) -> None:
    # Refused before any network access (a fast test: tests/fast_guard.py would fail it).
    with pytest.raises(StoreError) as info:
        open_store(url)
    message = str(info.value)
    assert message.startswith("bad store URL postgresql://u:***@")
    assert "\n" not in message and "s3cret" not in message



@pytest.mark.slow
def test_server_down_is_one_line_error() -> None:
    url = f"postgresql://healthcrawl:pw@127.0.0.1:{free_port()}/healthcrawl"
    with pytest.raises(StoreError) as info:
        open_store(url)
    message = str(info.value)
    assert message.startswith("cannot connect to postgresql://healthcrawl:***@127.0.0.1:")
    assert "\n" not in message and ":pw@" not in message


@pytest.mark.slow
def test_same_tables_and_columns_as_sqlite(postgres_server, tmp_path: Path) -> None:
    url = postgres_server.create_database()
    try:
        open_store(url).close()
        open_store(tmp_path / "s.sqlite").close()
        lite = sqlite3.connect(tmp_path / "s.sqlite")
        tables = [t for (t,) in lite.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
            "ORDER BY name")]
        want = {t: {row[1] for row in lite.execute(f"PRAGMA table_info({t})")}
                for t in tables}
        lite.close()
        with psycopg.connect(url) as conn:
            got: dict[str, set[str]] = {}
            for table, column in conn.execute(
                    "SELECT table_name, column_name FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND table_name != 'schema_version'"):
                got.setdefault(table, set()).add(column)
            version = conn.execute("SELECT version FROM schema_version").fetchall()
        assert got == want
        assert version == [(SCHEMA_VERSION,)]
    finally:
        postgres_server.drop_database(url)


@pytest.mark.slow
def test_newer_schema_is_refused(postgres_server) -> None:
    url = postgres_server.create_database()
    try:
        open_store(url).close()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("UPDATE schema_version SET version = %s", (SCHEMA_VERSION + 1,))
        with pytest.raises(SchemaTooNew):
            open_store(url)
    finally:
        postgres_server.drop_database(url)


@pytest.mark.slow
def test_a_version_6_store_gets_author_objects(postgres_server) -> None:
    """Migration 7 on a store that holds plain author names: each becomes {name, url: null},
    in order; an article that already has objects keeps them."""
    url = postgres_server.create_database()
    try:
        open_store(url).close()
        old = {"id": "a1", "authors": ["Jane Roe", "Li Wei"], "title": "T"}
        new = {"id": "a2", "authors": [{"name": "Ann Lee", "url": "https://x.org/ann"}]}
        with psycopg.connect(url, autocommit=True) as conn:
            for record in (old, new):
                conn.execute(
                    "INSERT INTO articles (id, content_hash, record, first_seen, last_seen, "
                    "first_run, last_run, changed_at) VALUES (%s, 'h', %s, 't', 't', 'r', "
                    "'r', 't')", (record["id"], json.dumps(record)))
            conn.execute("UPDATE schema_version SET version = 6")
        with open_store(url) as store:
            assert store.stored_record("a1")["authors"] == [
                {"name": "Jane Roe", "url": None}, {"name": "Li Wei", "url": None}]
            assert store.stored_record("a1")["title"] == "T"
            assert store.stored_record("a2")["authors"] == new["authors"]
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == \
                SCHEMA_VERSION
    finally:
        postgres_server.drop_database(url)


@pytest.mark.slow
def test_workers_creating_the_schema_at_once(postgres_server) -> None:
    url = postgres_server.create_database()
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            open_store(url).close()
        except BaseException as exc:  # reported below
            errors.append(exc)

    try:
        threads = [threading.Thread(target=worker) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT count(*) FROM schema_version").fetchone() == (1,)
    finally:
        postgres_server.drop_database(url)


@pytest.mark.slow
def test_dropped_connection_is_opened_again(postgres_server) -> None:
    url = postgres_server.create_database()
    try:
        store = open_store(url, batch_size=100)
        a, b = synthetic_record(1), synthetic_record(2)
        assert store.upsert(a, "r1") == NEW
        # The server ends this worker's session (as an administrator or a failover does).
        with psycopg.connect(url, autocommit=True) as admin:
            pid = store.conn.info.backend_pid
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        store.flush()  # fails on the dead connection, runs again on a new one
        assert store.conn.info.backend_pid != pid
        assert store.upsert(b, "r1") == NEW
        store.close()
        with open_store(url) as again:
            assert sorted(r["id"] for r in again.iter_records()) == sorted([a["id"], b["id"]])
    finally:
        postgres_server.drop_database(url)


@pytest.mark.slow
def test_server_away_then_back_loses_nothing(postgres_server) -> None:
    url = postgres_server.create_database()
    try:
        store = open_store(url, batch_size=100)
        records = [synthetic_record(i) for i in range(3)]
        for record in records:
            store.upsert(record, "r1")
        postgres_server.pause()
        try:
            with pytest.raises(StoreError) as info:
                store.flush()  # the server is down: one line, the rows stay queued
            assert "\n" not in str(info.value)
        finally:
            postgres_server.resume()
        store.close()  # the server is back: the queued rows are written
        with open_store(url) as again:
            assert again.count() == 3
    finally:
        postgres_server.drop_database(url)


def _scenario(store) -> None:
    """Two runs of a key through the interface only: articles new, changed, unchanged and
    removed, ledger outcomes, remembered pages, kept ids, archive captures."""
    from pipelines.pages import NOT_ARTICLE, remember_params
    from pipelines.store import DISCOVER, FINISH, REMEMBER

    records = [synthetic_record(i) for i in range(6)]
    index = "https://health.example/"
    store.start_run("r1", "key", "running", "2026-12-01T00:00:00.000Z")
    store.write_ledger([(DISCOVER, ("r1", index))] + [
        (DISCOVER, ("r1", r["url"])) for r in records] + [
        (REMEMBER, remember_params(index, NOT_ARTICLE, '"i1"', None, None,
                                   [r["url"] for r in records], "r1")),
        (FINISH, ("r1", index, "not_article", None))] + [
        (FINISH, ("r1", r["url"], "stored", r["id"])) for r in records])
    for r in records:
        store.upsert(r, "r1", seen_at="2026-12-01T00:01:00.000Z")
    store.flush()
    store.end_run("r1", "complete", "2026-12-01T00:10:00.000Z", 7)
    store.start_run("r2", "key", "running", "2026-12-02T00:00:00.000Z")
    changed = {**records[1], "title": "Changed", "authors": []}
    store.upsert(records[0], "r2", seen_at="2026-12-02T00:01:00.000Z")
    store.upsert(changed, "r2", seen_at="2026-12-02T00:01:00.000Z")
    store.write_ledger([(DISCOVER, ("r2", r["url"])) for r in records[:3]] + [
        (FINISH, ("r2", records[0]["url"], "unchanged", records[0]["id"])),
        (FINISH, ("r2", records[1]["url"], "stored", records[1]["id"])),
        (FINISH, ("r2", records[2]["url"], "failed/http_404", None))])
    store.flush()
    store.persist_settlement("r2", [r["id"] for r in records[3:]], [(records[2], "http_404")])
    store.end_run("r2", "complete", "2026-12-02T00:10:00.000Z", 3)
    # the raw archive's capture index: the second run's capture of a page replaces the first's
    store.add_captures([(r["url"], f"<urn:uuid:r1-{i}>", "2026-12-01T00:01:00Z")
                        for i, r in enumerate(records)])
    store.add_captures([(records[1]["url"], "<urn:uuid:r2-1>", "2026-12-02T00:01:00Z")])
    # a third run joined by one worker that leaves it (its times are the database's clock)
    from pipelines.store import WorkerInfo
    worker = WorkerInfo("h:1:w", "h", 1, "1.0", '{"S":"1"}')
    assert store.join_run("key", worker, "r3", "2026-12-03T00:00:00.000Z").mode == "new"
    assert store.leave_run("h:1:w") is True
    # learned templates (crawler/learning.py): saved, replaced by a refined one, one dropped
    for key in ("h.example/blog|4|/", "h.example/zh|5|shtml"):
        store.save_template(key, "h.example", '{"format": 1}', "r1", "2026-12-01T00:02:00.000Z")
    store.save_template("h.example/blog|4|/", "h.example", '{"format": 1, "samples": 5}', "r2",
                        "2026-12-02T00:02:00.000Z")
    store.drop_template("h.example/zh|5|shtml")


# Set from the database's own clock (pipelines/store/workers.py): never equal in two stores.
CLOCK_COLUMNS = ("joined_at", "heartbeat_at", "left_at")


@pytest.mark.slow
def test_both_stores_hold_the_same_rows(postgres_server, tmp_path: Path) -> None:
    url = postgres_server.create_database()
    try:
        for location in (tmp_path / "s.sqlite", url):
            with open_store(location) as store:
                _scenario(store)
        lite = sqlite3.connect(tmp_path / "s.sqlite")
        tables = [t for (t,) in lite.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
            "ORDER BY name")]
        assert {"archive_captures", "articles", "changes", "kept", "ledger", "pages",
                "runs"} <= set(tables)
        with psycopg.connect(url) as conn:
            for table in tables:
                columns = ", ".join(row[1] for row in lite.execute(f"PRAGMA table_info({table})")
                                    if not row[1].endswith(CLOCK_COLUMNS))
                want = sorted(lite.execute(f"SELECT {columns} FROM {table}"), key=repr)
                got = sorted(conn.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)
                assert want, f"{table} is empty: the scenario does not reach it"
                assert got == want, table
        lite.close()
    finally:
        postgres_server.drop_database(url)


@pytest.mark.slow
def test_server_restart_loses_nothing(postgres_server) -> None:
    url = postgres_server.create_database()
    try:
        writer, ledger = open_store(url, batch_size=100), open_store(url)
        records = [synthetic_record(i) for i in range(10)]
        ledger.start_run("r1", "key", "running", "2026-12-01T00:00:00.000Z")
        for record in records[:5]:
            writer.upsert(record, "r1")
        writer.flush()
        for record in records[5:]:
            writer.upsert(record, "r1")  # queued when the server goes away
        postgres_server.restart()
        # Both instances carry on: the first operation after the restart opens a new
        # connection (a statement cut off in flight fails once, which the caller retries).
        assert ledger.latest_run("key").run_id == "r1"
        writer.flush()
        assert writer.count() == 10
        writer.close()
        ledger.close()
        with open_store(url) as again:
            assert sorted(r["id"] for r in again.iter_records()) == sorted(
                r["id"] for r in records)
    finally:
        postgres_server.drop_database(url)


def _worker(name: str, version: str = "1.0", fingerprint: str = '{"S": "1"}'):
    from pipelines.store import WorkerInfo

    return WorkerInfo(f"host:1:{name}", "host", 1, version, fingerprint)


@pytest.mark.slow
def test_workers_join_one_run_and_the_last_ends_it(postgres_server) -> None:
    from pipelines.store import RunRefused

    url = postgres_server.create_database()
    try:
        with open_store(url) as one, open_store(url) as two:
            first = one.join_run("k", _worker("a"), "r1", "2026-12-01T00:00:00.000Z")
            second = two.join_run("k", _worker("b"), "r2", "2026-12-01T00:00:01.000Z")
            assert (second.run_id, second.mode, second.others) == ("r1", "joined", 1)
            assert first.mode == "new"
            # another version, other settings: refused, nothing written
            with pytest.raises(RunRefused, match=r"run r1 is open with healthcrawl 1\.0, "
                               r"this worker is 2\.0"):
                two.join_run("k", _worker("c", version="2.0"), "r3", "2026-12-01T00:00:02Z")
            with pytest.raises(RunRefused, match=r"other extraction settings \(S='1' there, "
                               r"'2' here\)"):
                two.join_run("k", _worker("d", fingerprint='{"S": "2"}'), "r3", "x")
            assert [r.run_id for r in one.runs()] == ["r1"]
            assert one.run_workers("r1") == 2
            assert one.leave_run("host:1:a") is False  # b is still alive
            assert two.leave_run("host:1:b") is True  # the last one
            # b ends the run: nobody joins it meanwhile, a new process starts the next run
            assert [r.status for r in one.runs()] == ["ending"]
            nxt = one.join_run("k", _worker("e"), "r9", "2026-12-01T00:00:09.000Z")
            assert (nxt.run_id, nxt.mode) == ("r9", "new")
            two.end_run("r1", "complete", "2026-12-01T00:10:00.000Z", 5)
            assert one.join_run("k", _worker("f"), "rX", "x").run_id == "r9"  # r9's worker
            assert one.leave_run("host:1:f") is False
            assert one.leave_run("host:1:e") is True
    finally:
        postgres_server.drop_database(url)


@pytest.mark.slow
def test_a_silent_worker_is_dead_after_alive_s(postgres_server) -> None:
    url = postgres_server.create_database()
    try:
        with open_store(url) as store:
            store.join_run("k", _worker("a"), "r1", "2026-12-01T00:00:00.000Z", alive_s=0.5)
            time.sleep(0.7)  # no heartbeat: a worker killed without leaving
            again = store.join_run("k", _worker("b"), "r2", "2026-12-01T00:00:01.000Z",
                                   alive_s=0.5)
            assert (again.run_id, again.mode) == ("r1", "resumed")
            store.heartbeat("host:1:b")
            joiner = store.join_run("k", _worker("c"), "r3", "x", alive_s=0.5)
            assert (joiner.run_id, joiner.mode) == ("r1", "joined")
    finally:
        postgres_server.drop_database(url)


@pytest.mark.slow
def test_two_workers_ledger_batches_over_the_same_urls_do_not_deadlock(postgres_server) -> None:
    """Two workers of one run both record outcomes for the same URLs (off-site links and
    refusals: each worker's own seen-set meets them), in the orders their pages gave. Their
    ledger commits overlap on a busy server; rows locked in opposite orders deadlocked (a
    worker's commit failed with "deadlock detected" and its spider closed unfinished). Each
    batch now takes its row locks in URL order."""
    from pipelines.store import DISCOVER, FINISH

    url = postgres_server.create_database()
    urls = [f"https://elsewhere.example/{i}" for i in range(300)]
    errors: list[BaseException] = []
    try:
        stores = [open_store(url), open_store(url)]
        stores[0].join_run("k", _worker("a"), "r1", "2026-12-01T00:00:00.000Z")
        stores[1].join_run("k", _worker("b"), "r1", "2026-12-01T00:00:01.000Z")
        start = threading.Barrier(2)

        def worker(store, order: list[str], rounds: int = 15) -> None:
            try:
                for n in range(rounds):
                    events = [(DISCOVER, ("r1", f"https://x.example/{n}/{order[0]}"))]
                    events += [(FINISH, ("r1", u, "off_site", None)) for u in order]
                    start.wait(timeout=30)
                    store.write_ledger(events)
            except BaseException as exc:  # reported below
                errors.append(exc)
                start.abort()

        threads = [threading.Thread(target=worker, args=(stores[0], urls)),
                   threading.Thread(target=worker, args=(stores[1], urls[::-1]))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        outcomes = {u: o for u, o, _ in stores[0].outcomes("r1")}
        assert all(outcomes[u] == "off_site" for u in urls) and len(outcomes) == 300 + 30
        for store in stores:
            store.close()
    finally:
        postgres_server.drop_database(url)
