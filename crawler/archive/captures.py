"""The capture index: per URL, the WARC-Record-ID and WARC-Date of its newest archived
`200` response, so that a `304` on a later run becomes a revisit record that points at it.

The `archive_captures` table of the store's SQLite file (a step of the store's schema,
pipelines/store/schema.py, migrated like the rest when the index opens), on its own
connection, written in batches like the ledger. After a crash a row may point at a record
the resume dropped; the page is then fetched again in full and its row replaced.
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from pipelines.store.schema import migrate

_UPSERT = ("INSERT INTO archive_captures (url, record_id, warc_date) VALUES (?, ?, ?) "
           "ON CONFLICT (url) DO UPDATE SET record_id = excluded.record_id, "
           "warc_date = excluded.warc_date")


class CaptureIndex:
    def __init__(self, conn: sqlite3.Connection, flush_interval_s: float = 2.0,
                 batch_size: int = 500):
        self.conn = conn
        self.flush_interval_s = flush_interval_s
        self.batch_size = batch_size
        self._pending: list[tuple[str, str, str]] = []
        self._last_flush = time.monotonic()

    @classmethod
    def open(cls, path: Path) -> CaptureIndex:
        conn = sqlite3.connect(path, timeout=30.0, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn)

    def add(self, url: str, record_id: bytes, warc_date: bytes) -> None:
        self._pending.append((url, record_id.decode("ascii"), warc_date.decode("ascii")))
        if len(self._pending) >= self.batch_size or \
                time.monotonic() - self._last_flush >= self.flush_interval_s:
            self.flush()

    def original(self, url: str) -> tuple[bytes, bytes] | None:
        """(WARC-Record-ID, WARC-Date) of the newest full capture of `url`, if any."""
        row = self.conn.execute("SELECT record_id, warc_date FROM archive_captures "
                                "WHERE url = ?", (url,)).fetchone()
        return (row[0].encode("ascii"), row[1].encode("ascii")) if row else None

    def flush(self) -> None:
        self._last_flush = time.monotonic()
        if not self._pending:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.executemany(_UPSERT, self._pending)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self._pending.clear()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.conn.close()
