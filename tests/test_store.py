"""Store: real SQLite files; upsert statuses across runs, batching, reopening, schema."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from pipelines.store import SCHEMA_VERSION, SQLiteStore
from pipelines.store.schema import SchemaTooNew
from pipelines.synthetic import synthetic_record, tricky_records


def test_new_unchanged_changed_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "healthcrawl.sqlite"
    a, b = synthetic_record(1, run_id="run1"), synthetic_record(2, run_id="run1")
    with SQLiteStore.open(path) as store:
        assert store.upsert(a, "run1", seen_at="2026-11-26T10:00:00Z") == "new"
        assert store.upsert(b, "run1", seen_at="2026-11-26T10:00:00Z") == "new"

    with SQLiteStore.open(path) as store:  # a second run, a new process's view of the same file
        assert store.upsert(a, "run2", seen_at="2026-11-27T10:00:00Z") == "unchanged"
        b2 = {**b, "body": b["body"] + "\n\nUpdated.", "content_hash": "f" * 64}
        assert store.upsert(b2, "run2", seen_at="2026-11-27T10:00:00Z") == "changed"
        c = synthetic_record(3)
        assert store.upsert(c, "run2", seen_at="2026-11-27T10:00:00Z") == "new"

        row_a, row_b = store.get(a["id"]), store.get(b["id"])
        assert row_a is not None and row_b is not None
        assert (row_a.first_run, row_a.last_run) == ("run1", "run2")
        assert (row_a.first_seen, row_a.last_seen) == ("2026-11-26T10:00:00Z",
                                                       "2026-11-27T10:00:00Z")
        assert row_a.changed_at == "2026-11-26T10:00:00Z"  # unchanged since first seen
        assert row_b.changed_at == "2026-11-27T10:00:00Z"
        assert row_b.record == b2 and row_b.content_hash == "f" * 64
        assert store.get("nope") is None
        assert store.count() == 3
        assert [r["id"] for r in store.iter_records(last_run="run2")] == \
            sorted([a["id"], b["id"], c["id"]])


def test_records_round_trip(tmp_path: Path) -> None:
    records = tricky_records()
    with SQLiteStore.open(tmp_path / "s.sqlite", batch_size=5) as store:
        for r in records:
            store.upsert(r, "run1")
        assert sorted(store.iter_records(), key=lambda r: r["id"]) == \
            sorted(records, key=lambda r: r["id"])


def test_same_id_twice_in_one_batch(tmp_path: Path) -> None:
    a = synthetic_record(1)
    with SQLiteStore.open(tmp_path / "s.sqlite", batch_size=100) as store:
        assert store.upsert(a, "r") == "new"
        assert store.upsert(a, "r") == "unchanged"  # seen in the pending batch
        assert store.upsert({**a, "content_hash": "0" * 64}, "r") == "changed"
        assert store.count() == 1


def test_batches_commit_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    store = SQLiteStore.open(path, batch_size=200)
    for i in range(450):
        store.upsert(synthetic_record(i), "r")
    # Another connection sees the two committed batches, not the 50 still queued.
    other = sqlite3.connect(path)
    assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == 400
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert other.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.close()
    assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == 450
    other.close()


def test_time_based_flush(tmp_path: Path) -> None:
    store = SQLiteStore.open(tmp_path / "s.sqlite", batch_size=1000, flush_interval_s=0.05)
    store.upsert(synthetic_record(1), "r")
    time.sleep(0.06)
    store.upsert(synthetic_record(2), "r")  # due: commits both
    assert not store._pending
    store.close()


def test_a_new_table_is_a_migration_step(tmp_path: Path, monkeypatch) -> None:
    """How a future table arrives: one more MIGRATIONS entry; an existing store upgrades in
    place when opened and keeps its articles."""
    from pipelines.store import schema

    path = tmp_path / "s.sqlite"
    with SQLiteStore.open(path) as store:
        store.upsert(synthetic_record(1), "run1")
    create = ("CREATE TABLE future_notes (run_id TEXT NOT NULL, url TEXT NOT NULL, state TEXT NOT "
              "NULL, outcome TEXT, updated_at TEXT NOT NULL, PRIMARY KEY (run_id, url))")
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, (create,)))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with SQLiteStore.open(path) as store:
        assert store.count() == 1
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        store.conn.execute("INSERT INTO future_notes VALUES ('run2', 'u', 'q', NULL, 't')")


def test_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    SQLiteStore.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew):
        SQLiteStore.open(path)


def test_upserts_are_committed_in_batches(tmp_path: Path) -> None:
    """A commit per record would cost milliseconds each; the store batches them (its speed
    is measured in bench/, never asserted here)."""
    records = [synthetic_record(i) for i in range(2000)]
    with SQLiteStore.open(tmp_path / "s.sqlite", batch_size=200, flush_interval_s=3600) as store:
        commits: list[str] = []
        store.conn.set_trace_callback(
            lambda sql: commits.append(sql) if sql.strip().upper() == "COMMIT" else None)
        for r in records:
            store.upsert(r, "r")
        store.flush()
        store.conn.set_trace_callback(None)
        assert store.count() == 2000
    assert 1 <= len(commits) <= 2000 // 200 + 1, len(commits)
