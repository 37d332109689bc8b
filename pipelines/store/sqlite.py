"""SQLiteStore: the store interface (pipelines/store/base.py) on one embedded SQLite file,
usable without Scrapy.

    with SQLiteStore.open("output/healthcrawl.sqlite") as store:
        status = store.upsert(record, run_id)   # "new" | "changed" | "unchanged"
        row = store.get(record["id"])            # StoredArticle | None
        for rec in store.iter_records(): ...

Writes are buffered and committed in batches (every `batch_size` records or
`flush_interval_s` seconds, and at close): one short write transaction per batch, so the
write lock is held for milliseconds, not across the network waits between items, and a
second process (a reader in WAL mode, or another crawl) is not blocked. A hard kill loses at
most one batch; those articles are simply seen as new or changed again next run.

Each upsert also compares the record with the stored one field by field and queues a row of
the change log (pipelines/changes.py) into the same transaction. The runs, ledger, page
memory and snapshot tables are in pipelines/store/sqlite_runs.py.
"""
from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import orjson

from cleaners.record_fields import STORE_COLUMNS
from common.default_settings import DEFAULTS

from .base import ArticleHistory, FeedCandidate, StoredArticle
from .queue import ArticleQueue
from .schema import migrate
from .sqlite_runs import UPSERT_CHANGE, RunTables
from .workers import RunWorkers, sqlite_transaction

logger = logging.getLogger(__name__)

# The record fields copied into columns beside the JSON record (cleaners/record_fields.py;
# the migrations in schema.py create them), then the store's own columns.
_COLUMNS = (*STORE_COLUMNS, "record", "first_seen", "last_seen", "first_run", "last_run",
            "changed_at")
_COPIED = "".join(f"    {c} = excluded.{c},\n" for c in STORE_COLUMNS if c != "id")
# One statement for all three outcomes, so a row another process inserted since our lookup
# is updated, not duplicated. SQLite evaluates every SET expression against the old row, so
# the CASE compares the stored hash with the new one whatever the assignment order.
_UPSERT = f"""
INSERT INTO articles ({", ".join(_COLUMNS)})
VALUES ({", ".join("?" * len(_COLUMNS))})
ON CONFLICT (id) DO UPDATE SET
{_COPIED}    record = excluded.record,
    last_seen = excluded.last_seen,
    last_run = excluded.last_run,
    removed_in = NULL,
    changed_at = CASE WHEN articles.content_hash = excluded.content_hash
                      THEN articles.changed_at ELSE excluded.changed_at END
"""


BATCH_SIZE = DEFAULTS["HEALTHCRAWL_STORE_BATCH_SIZE"]
FLUSH_S = DEFAULTS["HEALTHCRAWL_STORE_FLUSH_S"]


class SQLiteStore(ArticleQueue, RunTables, RunWorkers):
    LOOKUP = ("SELECT content_hash, record, last_run, removed_in, first_run, changed_at "
              "FROM articles WHERE id = ?")
    # Locked past the busy timeout, disk full: the rows stay queued for the next batch.
    RETRY = (sqlite3.Error,)

    def _now(self) -> str:
        return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

    def _ago(self) -> str:
        return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ? || ' seconds')"

    def _serialized(self, key: str):
        return sqlite_transaction(self.conn)

    def __init__(self, conn: sqlite3.Connection, path: Path, batch_size: int = BATCH_SIZE,
                 flush_interval_s: float = FLUSH_S):
        self.conn = conn
        self.path = path
        self._init_queue(batch_size, flush_interval_s)

    @classmethod
    def open(cls, path: str | Path, *, batch_size: int = BATCH_SIZE,
             flush_interval_s: float = FLUSH_S, busy_timeout_s: float = 30.0) -> SQLiteStore:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves (batches, migrations).
        conn = sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None)
        try:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode != "wal":
                logger.warning("Store %s: journal_mode is %s, not wal", path, mode)
            # NORMAL is crash-safe in WAL mode (no corruption); a power cut may lose the last
            # commits, which the next run re-crawls anyway.
            conn.execute("PRAGMA synchronous=NORMAL")
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, batch_size, flush_interval_s)

    @staticmethod
    def probe(path: str | Path) -> None:
        """Read the file's schema table without writing anything (read-only, no migration):
        raises sqlite3.DatabaseError when the file is not a usable database."""
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    def flush(self) -> None:
        """Commit the queued rows in one transaction. On error they stay queued (a locked or
        full disk may recover) and the error propagates."""
        self._last_flush = time.monotonic()
        if not self._pending:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.executemany(_UPSERT, self._pending)
            self.conn.executemany(UPSERT_CHANGE, list(self._pending_changes.values()))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self._pending.clear()
        self._pending_prev.clear()
        self._pending_changes.clear()

    def close(self) -> None:
        try:
            self.flush()
            self.conn.execute("PRAGMA optimize")
        finally:
            self.conn.close()

    # -- reading -------------------------------------------------------------------------
    def get(self, record_id: str) -> StoredArticle | None:
        self.flush()
        row = self.conn.execute(
            "SELECT id, record, content_hash, first_seen, last_seen, first_run, last_run, "
            "changed_at FROM articles WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            return None
        return StoredArticle(row[0], orjson.loads(row[1]), *row[2:])

    def iter_records(self, last_run: str | None = None) -> Iterator[dict]:
        """Every stored record (or those last seen in run `last_run`), in id order, streamed."""
        self.flush()
        if last_run is None:
            cursor = self.conn.execute("SELECT record FROM articles ORDER BY id")
        else:
            cursor = self.conn.execute(
                "SELECT record FROM articles WHERE last_run = ? ORDER BY id", (last_run,))
        for (text,) in cursor:
            yield orjson.loads(text)

    def count(self) -> int:
        self.flush()
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def stored_record(self, record_id: str) -> dict | None:
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?",
                                (record_id,)).fetchone()
        return orjson.loads(row[0]) if row else None

    def _record_texts(self, record_ids: list[str]) -> dict[str, str]:
        marks = ",".join("?" * len(record_ids))
        return dict(self.conn.execute(
            f"SELECT id, record FROM articles WHERE id IN ({marks})", record_ids))

    def article_history(self, record_id: str) -> ArticleHistory | None:
        row = self.conn.execute(
            "SELECT content_hash, first_run, last_run, changed_at FROM articles WHERE id = ?",
            (record_id,)).fetchone()
        return ArticleHistory(*row) if row else None

    def feed_candidates(self, run_id: str) -> Iterator[FeedCandidate]:
        # Only the dates to sort on are read (SQLite's JSON functions), not whole records.
        for row in self.conn.execute(
                "SELECT id, site, json_extract(record, '$.published'), first_seen "
                "FROM articles WHERE last_run = ?", (run_id,)):
            yield FeedCandidate(*row)
