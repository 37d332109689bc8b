"""The run ledger: every URL a run discovers, and the one outcome it ends in.

It lives in the store's SQLite file (tables of schema v2) on its own connection. Events are
queued in the order they happen and committed in batches, in that order: a page is never
marked done in the file before the URLs it discovered are there, so after a `kill -9` the
ledger is a consistent prefix of the run, and resuming re-fetches only what is pending.

Outcomes: "stored" (new or changed record), "unchanged", "not_article", "dropped/<reason>",
"failed/<error>", "robots_denied", "off_site", "refused/<reason>"; NULL = pending.
"""
from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

import orjson

from common.clock import utc_now
from common.default_settings import DEFAULTS

from . import pages
from .store.schema import migrate

logger = logging.getLogger(__name__)

RUNNING, COMPLETE, INTERRUPTED, ABANDONED = "running", "complete", "interrupted", "abandoned"
# Complete, but its snapshot shrank past the guard (pipelines/snapshot.py): never the
# "previous run" that later runs compare with, never resumed.
SHRANK = "shrank"
NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"

_DISCOVER = "INSERT OR IGNORE INTO ledger (run_id, url) VALUES (?, ?)"
_FINISH = ("INSERT INTO ledger (run_id, url, outcome, record_id) VALUES (?, ?, ?, ?) "
           "ON CONFLICT (run_id, url) DO UPDATE SET outcome = excluded.outcome, "
           "record_id = excluded.record_id")


class Ledger:
    def __init__(self, conn: sqlite3.Connection, batch_size: int = 500,
                 flush_interval_s: float = DEFAULTS["HEALTHCRAWL_LEDGER_FLUSH_S"]):
        self.conn = conn
        self.batch_size = batch_size
        self.flush_interval_s = flush_interval_s
        self.run_id = ""
        self.started_at = ""
        self.resumed = False
        self._queue: list[tuple[str, tuple]] = []
        self._last_flush = time.monotonic()

    @classmethod
    def open(cls, path: str | Path, **kwargs) -> Ledger:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=30.0, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        migrate(conn)
        return cls(conn, **kwargs)

    # -- the run ----------------------------------------------------------------------------
    def begin(self, key: str, new_run_id: str, fresh: bool = False) -> tuple[str, bool]:
        """Continue the newest unfinished run of this key, or start `new_run_id`.
        Returns (run_id, resumed)."""
        row = self.conn.execute(
            "SELECT run_id, started_at, status FROM runs WHERE key = ? "
            "ORDER BY started_at DESC LIMIT 1", (key,)).fetchone()
        if row and row[2] in (RUNNING, INTERRUPTED) and fresh:
            self.conn.execute("UPDATE runs SET status = ? WHERE run_id = ?", (ABANDONED, row[0]))
        elif row and row[2] in (RUNNING, INTERRUPTED):
            self.run_id, self.started_at, self.resumed = row[0], row[1], True
            self.conn.execute("UPDATE runs SET status = ?, attempts = attempts + 1 "
                              "WHERE run_id = ?", (RUNNING, self.run_id))
            self._reconcile()
            return self.run_id, True
        self.run_id, self.started_at, self.resumed = new_run_id, utc_now(), False
        self.conn.execute("INSERT INTO runs (run_id, key, status, started_at) VALUES (?,?,?,?)",
                          (self.run_id, key, RUNNING, self.started_at))
        return self.run_id, False

    def _reconcile(self) -> None:
        """A URL marked stored whose record never reached the store (the store commits in
        its own batches) is pending again."""
        self.conn.execute(
            "UPDATE ledger SET outcome = NULL, record_id = NULL WHERE run_id = ? "
            "AND outcome IN ('stored', 'unchanged') AND NOT EXISTS (SELECT 1 FROM articles "
            "WHERE articles.id = ledger.record_id AND articles.last_run = ledger.run_id)",
            (self.run_id,))

    def end(self, status: str, discovered: int | None = None) -> None:
        self.flush()
        self.conn.execute("UPDATE runs SET status = ?, finished_at = ?, discovered = ? "
                          "WHERE run_id = ?", (status, utc_now(), discovered, self.run_id))

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.conn.close()

    # -- events -----------------------------------------------------------------------------
    def discover(self, url: str) -> None:
        self._push(_DISCOVER, (self.run_id, url))

    def finish(self, url: str, outcome: str, record_id: str | None = None) -> None:
        self._push(_FINISH, (self.run_id, url, outcome, record_id))

    def remember_page(self, url: str, kind: str, links, etag: str | None = None,
                      last_modified: str | None = None, record_id: str | None = None) -> None:
        """What a page fetched in full was and linked to (pipelines/pages.py); queued with
        the ledger events, so it is committed no later than the page's outcome."""
        self._push(pages.REMEMBER, pages.remember_params(
            url, kind, etag, last_modified, record_id, links, self.run_id))

    def _push(self, sql: str, params: tuple) -> None:
        self._queue.append((sql, params))
        if len(self._queue) >= self.batch_size or \
                time.monotonic() - self._last_flush >= self.flush_interval_s:
            self.flush()

    def flush(self) -> None:
        self._last_flush = time.monotonic()
        if not self._queue:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for sql, params in self._queue:  # in order: discoveries before the page's outcome
                self.conn.execute(sql, params)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self._queue.clear()

    # -- reading ----------------------------------------------------------------------------
    def urls(self) -> tuple[set[str], list[str]]:
        """(every URL of this run, the pending ones in discovery order)."""
        self.flush()
        seen: set[str] = set()
        pending: list[str] = []
        for url, outcome in self.conn.execute(
                "SELECT url, outcome FROM ledger WHERE run_id = ?", (self.run_id,)):
            seen.add(url)
            if outcome is None:
                pending.append(url)
        return seen, pending

    def validators(self) -> dict[str, tuple[str | None, str | None]]:
        """Validators for conditional requests. A page this run fetched but did not finish
        (a resumed run after a crash) is left out: its archived response was dropped with
        the unfinished pages, so it must be fetched in full, not answered by a 304."""
        found = pages.validators(self.conn)
        for (url,) in self.conn.execute(
                "SELECT p.url FROM pages p JOIN ledger l ON l.url = p.url AND l.run_id = ? "
                "WHERE p.run_id = ? AND l.outcome IS NULL", (self.run_id, self.run_id)):
            found.pop(url, None)
        return found

    def page(self, url: str) -> pages.PageMemo | None:
        # No flush: the memo read on a 304 was written by an earlier run.
        return pages.memo(self.conn, url)

    def records_of_run(self):
        """The stored records this run has written so far (streamed, id order)."""
        for (text,) in self.conn.execute(
                "SELECT record FROM articles WHERE last_run = ? ORDER BY id", (self.run_id,)):
            yield orjson.loads(text)

    def stored_record(self, record_id: str) -> dict | None:
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?",
                                (record_id,)).fetchone()
        return orjson.loads(row[0]) if row else None

    def change_of(self, record_id: str, content_hash: str) -> str:
        """new / changed / unchanged of a record against the store as it was before this
        run (rows this run already wrote, before a crash, are judged by their history)."""
        row = self.conn.execute(
            "SELECT content_hash, first_run, last_run, changed_at FROM articles WHERE id = ?",
            (record_id,)).fetchone()
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
        for outcome, change, n in self.conn.execute(
                "SELECT l.outcome, CASE WHEN l.outcome = 'stored' AND a.first_run = l.run_id "
                "THEN 'new' WHEN l.outcome = 'stored' THEN 'changed' END, count(*) "
                "FROM ledger l LEFT JOIN articles a ON a.id = l.record_id "
                "WHERE l.run_id = ? GROUP BY 1, 2", (self.run_id,)):
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
