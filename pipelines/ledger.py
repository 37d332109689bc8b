"""The run ledger: every URL a run discovers, and the one outcome it ends in.

It lives in the store (the runs, ledger and pages tables of pipelines/store/base.py), on its
own store connection, apart from the store pipeline's. Events are
queued in the order they happen and committed in batches, in that order: a page is never
marked done in the file before the URLs it discovered are there, so after a `kill -9` the
ledger is a consistent prefix of the run, and resuming re-fetches only what is pending.

Outcomes: "stored" (new or changed record), "unchanged", "not_article", "dropped/<reason>",
"failed/<error>", "robots_denied", "off_site", "refused/<reason>"; NULL = pending.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from common.clock import utc_now
from common.default_settings import DEFAULTS

from . import pages
from .store import (
    DISCOVER,
    FINISH,
    JOIN_NEW,
    REMEMBER,
    ArticleHistory,
    Store,
    WorkerInfo,
    open_store,
)

logger = logging.getLogger(__name__)

RUNNING, COMPLETE, INTERRUPTED, ABANDONED = "running", "complete", "interrupted", "abandoned"
# Complete, but its snapshot shrank past the guard (pipelines/snapshot.py): never the
# "previous run" that later runs compare with, never resumed.
SHRANK = "shrank"
NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"
MAX_NOTED = 10_000  # rows noted by the store pipeline and not yet asked for


class Ledger:
    def __init__(self, db: Store, batch_size: int = 500,
                 flush_interval_s: float = DEFAULTS["HEALTHCRAWL_LEDGER_FLUSH_S"]):
        self.db = db
        self.batch_size = batch_size
        self.flush_interval_s = flush_interval_s
        self.run_id = ""
        self.started_at = ""
        self.resumed = False  # resumed after a crash, or joined while other workers run
        self.mode = JOIN_NEW
        self.others = 0
        self.worker: WorkerInfo | None = None
        self._queue: list[tuple[str, tuple]] = []
        self._last_flush = time.monotonic()
        # A shared frontier (crawler/frontier/scheduler.py) commits the store's queued
        # records before each ledger commit, and releases a URL's lease after the commit
        # that holds its outcome: called with no argument, and with the committed events.
        self.before_commit: list[Callable[[], None]] = []
        self.after_commit: list[Callable[[list[tuple[str, tuple]]], None]] = []
        # (record id, content hash) -> its stored row as the store pipeline read it just
        # before (None: no row), so `change_of` need not read it a second time.
        self._histories: dict[tuple[str, str], ArticleHistory | None] = {}

    @classmethod
    def open(cls, path: str | Path, retry_s: float | None = None, **kwargs) -> Ledger:
        options = {} if retry_s is None else {"retry_s": retry_s}
        return cls(open_store(path, **options), **kwargs)

    # -- the run ----------------------------------------------------------------------------
    def begin(self, key: str, new_run_id: str, fresh: bool = False,
              worker: WorkerInfo | None = None, alive_s: float = 15.0) -> tuple[str, bool]:
        """Join the open run of this key, else continue the newest unfinished one, else
        start `new_run_id` (pipelines/store/base.py `join_run`; RunRefused when the open run
        is another version's or has other settings). Returns (run_id, resumed or joined)."""
        self.worker = worker or WorkerInfo(f"{new_run_id}:{id(self)}", "", 0, "", "")
        joined = self.db.join_run(key, self.worker, new_run_id, utc_now(), fresh=fresh,
                                  alive_s=alive_s)
        self.run_id, self.started_at = joined.run_id, joined.started_at
        self.mode, self.others = joined.mode, joined.others
        self.resumed = joined.mode != JOIN_NEW
        return self.run_id, self.resumed

    def leave(self, alive_s: float = 15.0) -> bool:
        """This worker is done with the run (its events committed first); True when it was
        the last live worker of the run, which ends it."""
        self.flush()
        return self.db.leave_run(self.worker.worker_id, alive_s)

    def end(self, status: str, discovered: int | None = None) -> None:
        self.flush()
        self.db.end_run(self.run_id, status, utc_now(), discovered)

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.db.close()

    # -- events -----------------------------------------------------------------------------
    def discover(self, url: str) -> None:
        self._push(DISCOVER, (self.run_id, url))

    def finish(self, url: str, outcome: str, record_id: str | None = None) -> None:
        self._push(FINISH, (self.run_id, url, outcome, record_id))

    def remember_page(self, url: str, kind: str, links, etag: str | None = None,
                      last_modified: str | None = None, record_id: str | None = None,
                      body_hash: str | None = None) -> None:
        """What a page fetched in full was and linked to (pipelines/pages.py); queued with
        the ledger events, so it is committed no later than the page's outcome."""
        self._push(REMEMBER, pages.remember_params(
            url, kind, etag, last_modified, record_id, links, self.run_id, body_hash))

    def _push(self, kind: str, params: tuple) -> None:
        self._queue.append((kind, params))
        if len(self._queue) >= self.batch_size or \
                time.monotonic() - self._last_flush >= self.flush_interval_s:
            self.flush()

    def flush(self) -> None:
        self._last_flush = time.monotonic()
        if not self._queue:
            return
        for hook in self.before_commit:
            hook()
        # In order, in one transaction: discoveries before the page's outcome.
        self.db.write_ledger(self._queue)
        events, self._queue = self._queue, []
        for after in self.after_commit:
            after(events)

    # -- reading ----------------------------------------------------------------------------
    def urls(self) -> tuple[set[str], list[str]]:
        """(every URL of this run, the pending ones in discovery order)."""
        self.flush()
        seen: set[str] = set()
        pending: list[str] = []
        for url, outcome, _rid in self.db.outcomes(self.run_id):
            seen.add(url)
            if outcome is None:
                pending.append(url)
        return seen, pending

    def validators(self) -> dict[str, tuple[str | None, str | None]]:
        """Validators for conditional requests. A page this run fetched but did not finish
        (a resumed run after a crash) is left out: its archived response was dropped with
        the unfinished pages, so it must be fetched in full, not answered by a 304."""
        return self.db.validators(unfinished_of=self.run_id)

    def page_digests(self) -> dict[str, str]:
        """{url: digest of its bytes} of the pages fetched in full before; left out as
        `validators` leaves them out."""
        return self.db.page_digests(unfinished_of=self.run_id)

    def page(self, url: str) -> pages.PageMemo | None:
        # No flush: the memo read on a 304 was written by an earlier run.
        return self.db.page_memo(url)

    def records_of_run(self) -> Iterator[dict]:
        """The stored records this run has written so far (streamed, id order)."""
        return self.db.iter_records(last_run=self.run_id)

    def stored_record(self, record_id: str) -> dict | None:
        return self.db.stored_record(record_id)

    def note_history(self, record_id: str, content_hash: str,
                     row: ArticleHistory | None) -> None:
        """The record's stored row as the store pipeline read it (None: none) before it
        queued this version; `change_of` judges from it. The judgement is the same whether
        or not the store committed the new version in between (see `change_of`)."""
        if len(self._histories) >= MAX_NOTED:  # records dropped after the store pipeline
            self._histories.clear()
        self._histories[(record_id, content_hash)] = row

    def change_of(self, record_id: str, content_hash: str) -> str:
        """new / changed / unchanged of a record against the store as it was before this
        run (rows this run already wrote, before a crash, are judged by their history)."""
        key = (record_id, content_hash)
        row = self._histories.pop(key) if key in self._histories \
            else self.db.article_history(record_id)
        if row is None:
            return NEW
        stored_hash, first_run, last_run, changed_at = row
        if last_run == self.run_id:
            if first_run == self.run_id:
                return NEW
            return CHANGED if changed_at >= self.started_at else UNCHANGED
        return UNCHANGED if stored_hash == content_hash else CHANGED

    def counts(self) -> dict:
        """Outcomes of this run in run.json's shape; they add up to `discovered`."""
        self.flush()
        counts: dict = {"discovered": 0, "pending": 0, "stored": 0, "new": 0, "changed": 0,
                        "unchanged": 0, "not_article": 0, "robots_denied": 0, "off_site": 0,
                        "dropped": {}, "failed": {}, "refused": {}}
        for outcome, change, n in self.db.outcome_counts(self.run_id):
            counts["discovered"] += n
            if outcome is None:
                counts["pending"] += n
                continue
            group, sep, sub = outcome.partition("/")
            if sep:
                counts.setdefault(group, {})
                counts[group][sub] = counts[group].get(sub, 0) + n
            else:
                counts[outcome] = counts.get(outcome, 0) + n
            if change:
                counts[change] += n
        return counts
