"""The write queue both stores share (pipelines/store/sqlite.py, postgres.py): an upsert
compares the record with the stored (or still queued) version, queues the article row and
its change-log row, and commits them in batches of `batch_size` records or every
`flush_interval_s` seconds. A failed commit keeps the rows queued for the next batch."""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from typing import Any

import orjson

from cleaners.record_fields import STORE_COLUMNS
from common.clock import utc_now

from .. import changes as changelog
from ..fields import record_hash
from .base import CHANGED, NEW, RECORDS_CHUNK, UNCHANGED, ArticleHistory

logger = logging.getLogger(__name__)

# (content hash, record, last run, removed_in) of a stored or queued article
Previous = tuple[str, dict, str, "str | None"]
# `last_history` when the last upsert read no row (the record was still queued)
NOT_READ = object()


class ArticleQueue:
    # The store's query for one article's Previous followed by its first_run and
    # changed_at (one parameter: the id), and the errors of its flush that leave the rows
    # queued (a locked file, a server restarting).
    LOOKUP: str
    RETRY: tuple[type[BaseException], ...]
    conn: Any
    path: Any
    # The store class provides flush() (commit the queue), logged_fields() (what the
    # change log already holds for a run and id) and _record_texts(ids) ({id: record JSON}
    # of those stored, in one query).

    def _init_queue(self, batch_size: int, flush_interval_s: float) -> None:
        self.batch_size = max(1, batch_size)
        self.flush_interval_s = flush_interval_s
        self._pending: list[tuple] = []
        self._pending_prev: dict[str, Previous] = {}  # records not yet committed
        self._pending_changes: dict[tuple[str, str], tuple] = {}  # (run, id) -> changes row
        self._last_flush = time.monotonic()
        self.flush_errors = 0
        # The stored row the last upsert read, as `article_history` gives it (None: no row;
        # NOT_READ: none was read): the run's ledger judges new / changed / unchanged from
        # it without reading the row again (pipelines/store/pipeline.py).
        self.last_history: ArticleHistory | None | object = NOT_READ

    def upsert(self, record: dict, run_id: str, seen_at: str | None = None) -> str:
        """Queue the record; return how it compares with the stored (or queued) version."""
        rid = record["id"]
        new_hash = record_hash(record)
        prev = self._pending_prev.get(rid)
        self.last_history = NOT_READ
        if prev is None:
            row = self.conn.execute(self.LOOKUP, (rid,)).fetchone()
            prev = (row[0], orjson.loads(row[1]), row[2], row[3]) if row else None
            self.last_history = ArticleHistory(row[0], row[4], row[2], row[5]) if row else None
        status = NEW if prev is None else UNCHANGED if prev[0] == new_hash else CHANGED
        self._log_change(record, run_id, prev)
        now = seen_at or utc_now()
        copied = [new_hash if c == "content_hash" else record.get(c) for c in STORE_COLUMNS]
        self._pending.append((*copied, orjson.dumps(record).decode("utf-8"), now, now, run_id,
                              run_id, now))
        self._pending_prev[rid] = (new_hash, record, run_id, None)
        if (len(self._pending) >= self.batch_size
                or time.monotonic() - self._last_flush >= self.flush_interval_s):
            try:
                self.flush()
            except self.RETRY:
                # Keep the rows and retry with the next batch; close() raises if the last
                # attempt fails too.
                self.flush_errors += 1
                logger.warning("Store %s: commit failed, will retry", self.path, exc_info=True)
        return status

    def _log_change(self, record: dict, run_id: str, prev: Previous | None) -> None:
        if prev is None or prev[3] is not None:  # never seen, or logged as removed
            change, fields = changelog.ADDED, []
        else:
            fields = changelog.changed_fields(prev[1], record)
            if not fields:
                return
            change = changelog.CHANGED
            if prev[2] == run_id:
                # Stored earlier in this same run (a resumed run met the page again): the
                # diff is against that version, so keep what the run logged before too.
                queued = self._pending_changes.get((run_id, record["id"]))
                if queued is not None and queued[2] == changelog.ADDED:
                    change, fields = changelog.ADDED, []
                elif queued is not None:
                    fields = changelog.merge_fields(orjson.loads(queued[3]), fields)
                else:
                    before = self.logged_fields(run_id, record["id"])
                    fields = changelog.merge_fields(before, fields)
        self._pending_changes[(run_id, record["id"])] = changelog.change_row(
            run_id, record, change, fields)

    def stored_records(self, record_ids: Sequence[str]) -> Iterator[dict]:
        """The stored records of these ids in their order, RECORDS_CHUNK per query."""
        for start in range(0, len(record_ids), RECORDS_CHUNK):
            chunk = list(record_ids[start:start + RECORDS_CHUNK])
            found = self._record_texts(chunk)
            for rid in chunk:
                if rid in found:
                    yield orjson.loads(found[rid])
