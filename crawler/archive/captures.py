"""The capture index: per URL, the WARC-Record-ID and WARC-Date of its newest archived
`200` response, so that a `304` on a later run becomes a revisit record that points at it.

It lives in the store (`add_captures` / `capture_of` of the store interface,
pipelines/store/base.py; the `archive_captures` table, store schema version 6), on its own
store instance, apart from the ledger's and the store pipeline's, and is written in batches
like the ledger: rows are queued and committed every `batch_size` rows or
`flush_interval_s` seconds and at close; a failed commit keeps them queued. After a crash a
row may point at a record the resume dropped; the page is then fetched again in full and
its row replaced.
"""
from __future__ import annotations

import time
from pathlib import Path

from pipelines.store import Store, open_store


class CaptureIndex:
    def __init__(self, store: Store, flush_interval_s: float = 2.0, batch_size: int = 500):
        self.store = store
        self.flush_interval_s = flush_interval_s
        self.batch_size = batch_size
        self._pending: list[tuple[str, str, str]] = []
        self._last_flush = time.monotonic()

    @classmethod
    def open(cls, location: str | Path, retry_s: float = 0.0) -> CaptureIndex:
        """The index in the store at `location` (a SQLite file or a postgresql:// URL), its
        schema brought up to date as any opening of the store does; `retry_s`: how long a
        server store that went away is waited for."""
        return cls(open_store(location, retry_s=retry_s))

    def add(self, url: str, record_id: bytes, warc_date: bytes) -> None:
        self._pending.append((url, record_id.decode("ascii"), warc_date.decode("ascii")))
        if len(self._pending) >= self.batch_size or \
                time.monotonic() - self._last_flush >= self.flush_interval_s:
            self.flush()

    def original(self, url: str) -> tuple[bytes, bytes] | None:
        """(WARC-Record-ID, WARC-Date) of the newest full capture of `url`, if any."""
        found = self.store.capture_of(url)
        return (found[0].encode("ascii"), found[1].encode("ascii")) if found else None

    def flush(self) -> None:
        self._last_flush = time.monotonic()
        if not self._pending:
            return
        self.store.add_captures(self._pending)  # one transaction; on error nothing is lost
        self._pending.clear()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.store.close()
