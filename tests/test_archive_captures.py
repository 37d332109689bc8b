"""The archive's capture index is a step of the store schema: a fresh store has its table, and
a store of the previous version upgrades in place, whether or not an archiving crawl of the
older code had already created the table (with rows) on its own."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from crawler.archive.captures import CaptureIndex
from pipelines.store import SCHEMA_VERSION, open_store
from pipelines.store.schema import MIGRATIONS, SchemaTooNew
from pipelines.synthetic import synthetic_record

CAPTURES_VERSION = 6  # the version whose migration adds archive_captures
# What crawler/archive/captures.py executed itself before the table was a migration step.
OLD_CREATE = ("CREATE TABLE IF NOT EXISTS archive_captures (url TEXT PRIMARY KEY, "
              "record_id TEXT NOT NULL, warc_date TEXT NOT NULL) WITHOUT ROWID")
RID = b"<urn:uuid:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9>"
DATE = b"2026-12-01T10:00:00.123456Z"


def previous_version_store(path: Path, with_old_table: bool) -> dict:
    """A store as the code before the captures migration left it: schema 5, one article,
    and (when an archiving crawl ran) the capture table it created with one row."""
    record = synthetic_record(3, run_id="run1")
    conn = sqlite3.connect(path)
    for statements in MIGRATIONS[:CAPTURES_VERSION - 1]:
        for sql in statements:
            conn.execute(sql)
    conn.execute(f"PRAGMA user_version = {CAPTURES_VERSION - 1}")
    conn.execute("INSERT INTO articles (id, canonical_url, site, content_hash, record, "
                 "first_seen, last_seen, first_run, last_run, changed_at) VALUES "
                 "(?, ?, ?, ?, ?, 't', 't', 'run1', 'run1', 't')",
                 (record["id"], record["canonical_url"], record["site"],
                  record["content_hash"], json.dumps(record)))
    if with_old_table:
        conn.execute(OLD_CREATE)
        conn.execute("INSERT INTO archive_captures VALUES (?, ?, ?)",
                     ("http://127.0.0.1/a.html", RID.decode(), DATE.decode()))
    conn.commit()
    conn.close()
    return record


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def test_the_capture_table_is_part_of_the_store_schema(tmp_path: Path) -> None:
    assert SCHEMA_VERSION >= CAPTURES_VERSION
    path = tmp_path / "healthcrawl.sqlite"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(archive_captures)")]
    assert columns == ["url", "record_id", "warc_date"]


@pytest.mark.parametrize("with_old_table", [True, False], ids=["table-there", "no-table"])
def test_a_previous_version_store_upgrades_in_place(tmp_path: Path, with_old_table) -> None:
    path = tmp_path / "healthcrawl.sqlite"
    record = previous_version_store(path, with_old_table)
    with open_store(path) as store:  # what a crawl opens first
        assert store.get(record["id"]).record == record
    assert user_version(path) == SCHEMA_VERSION
    index = CaptureIndex.open(path)
    try:
        if with_old_table:  # the old code's row survives the upgrade
            assert index.original("http://127.0.0.1/a.html") == (RID, DATE)
        else:
            assert index.original("http://127.0.0.1/a.html") is None
        index.add("http://127.0.0.1/b.html", RID, DATE)
        index.flush()
        assert index.original("http://127.0.0.1/b.html") == (RID, DATE)
    finally:
        index.close()


def test_the_capture_index_opens_a_previous_version_store_itself(tmp_path: Path) -> None:
    """The archive may open the store before the store pipeline does: it migrates too."""
    path = tmp_path / "healthcrawl.sqlite"
    record = previous_version_store(path, with_old_table=False)
    CaptureIndex.open(path).close()
    assert user_version(path) == SCHEMA_VERSION
    with open_store(path) as store:
        assert store.get(record["id"]).record == record


def test_the_capture_index_refuses_a_newer_store(tmp_path: Path) -> None:
    path = tmp_path / "healthcrawl.sqlite"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaTooNew):
        CaptureIndex.open(path)
    assert user_version(path) == SCHEMA_VERSION + 1


def url(n: int) -> str:
    return f"http://127.0.0.1/{n}.html"


def test_the_capture_index_writes_through_the_store_in_batches(tmp_path: Path) -> None:
    path = tmp_path / "healthcrawl.sqlite"
    index = CaptureIndex(open_store(path), flush_interval_s=3600, batch_size=3)
    reader = open_store(path)
    try:
        index.add(url(1), RID, DATE)
        index.add(url(2), RID, DATE)
        assert reader.capture_of(url(1)) is None  # queued, not committed
        index.add(url(3), RID, DATE)  # the batch is full: committed
        assert [reader.capture_of(url(n)) for n in (1, 2, 3)] == \
            [(RID.decode(), DATE.decode())] * 3
        index.add(url(4), RID, DATE)
        assert index.original(url(3)) == (RID, DATE)
    finally:
        index.close()  # commits what is queued
    try:
        assert reader.capture_of(url(4)) == (RID.decode(), DATE.decode())
    finally:
        reader.close()


def test_a_capture_batch_the_store_refuses_stays_queued(tmp_path: Path) -> None:
    path = tmp_path / "healthcrawl.sqlite"
    index = CaptureIndex(open_store(path, busy_timeout_s=0.1), flush_interval_s=3600)
    blocker = sqlite3.connect(path, isolation_level=None)
    try:
        index.add(url(1), RID, DATE)
        blocker.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
        with pytest.raises(sqlite3.OperationalError):
            index.flush()
        blocker.execute("ROLLBACK")
        assert index.original(url(1)) is None
        index.flush()  # the lock is free again: the queued row goes in
        assert index.original(url(1)) == (RID, DATE)
    finally:
        blocker.close()
        index.close()


@pytest.mark.slow
def test_the_capture_index_on_a_postgresql_store(postgres_server) -> None:
    location = postgres_server.create_database()
    try:
        index = CaptureIndex.open(location)
        try:
            index.add(url(1), RID, DATE)
            assert index.original(url(1)) is None  # queued
            index.flush()
            assert index.original(url(1)) == (RID, DATE)
            index.add(url(2), RID, DATE)
        finally:
            index.close()
        with open_store(location) as store:
            assert store.capture_of(url(2)) == (RID.decode(), DATE.decode())
    finally:
        postgres_server.drop_database(location)
