"""PostgreSQL statements of the runs, the URL ledger, the page memory, snapshots, the change
log and the raw archive's capture index: the same operations as
pipelines/store/sqlite_runs.py, in PostgreSQL's dialect. Mixed into PostgresStore
(pipelines/store/postgres.py), which owns the connection and the `_rows` streaming helper."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import orjson

from ..changes import ADDED, CHANGED, REMOVED, change_row
from ..pages import PageMemo, unpack_links
from .base import DISCOVER, FINISH, REMEMBER, ChangeRow, RunRow, StoredRun

# As in sqlite_runs.py: "added" stays added when a resumed run sees the page again.
UPSERT_CHANGE = """
INSERT INTO changes (run_id, id, change, fields, url, title) VALUES (%s, %s, %s, %s, %s, %s)
ON CONFLICT (run_id, id) DO UPDATE SET
    change = CASE WHEN changes.change = 'added' THEN 'added' ELSE excluded.change END,
    fields = CASE WHEN changes.change = 'added' THEN '[]' ELSE excluded.fields END,
    url = excluded.url, title = excluded.title
"""
UPSERT_CHANGE_REASON = """
INSERT INTO changes (run_id, id, change, fields, url, title, reason)
VALUES (%s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (run_id, id) DO UPDATE SET change = excluded.change, fields = excluded.fields,
    url = excluded.url, title = excluded.title, reason = excluded.reason
"""
_CHANGE_ORDER = f"CASE change WHEN '{ADDED}' THEN 0 WHEN '{CHANGED}' THEN 1 ELSE 2 END, id"

LEDGER_SQL = {
    DISCOVER: ("INSERT INTO ledger (run_id, url) VALUES (%s, %s) "
               "ON CONFLICT (run_id, url) DO NOTHING"),
    FINISH: ("INSERT INTO ledger (run_id, url, outcome, record_id) VALUES (%s, %s, %s, %s) "
             "ON CONFLICT (run_id, url) DO UPDATE SET outcome = excluded.outcome, "
             "record_id = excluded.record_id "
             # A URL fetched twice in one run (a lease lost in an outage, then fetched
             # again) keeps its record: the second fetch's drop ("duplicate_url") or
             # failure must not take the article out of the run's export.
             "WHERE excluded.record_id IS NOT NULL OR ledger.record_id IS NULL"),
    REMEMBER: ("INSERT INTO pages (url, kind, etag, last_modified, record_id, links, run_id, "
               "body_hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (url) DO UPDATE SET "
               "kind = excluded.kind, etag = excluded.etag, "
               "last_modified = excluded.last_modified, record_id = excluded.record_id, "
               "links = excluded.links, run_id = excluded.run_id, "
               "body_hash = excluded.body_hash"),
}
UPSERT_CAPTURE = ("INSERT INTO archive_captures (url, record_id, warc_date) "
                  "VALUES (%s, %s, %s) ON CONFLICT (url) DO UPDATE SET "
                  "record_id = excluded.record_id, warc_date = excluded.warc_date")

UPSERT_TEMPLATE = ("INSERT INTO templates (key, netloc, template, run_id, saved_at) "
                   "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (key) DO UPDATE SET "
                   "netloc = excluded.netloc, template = excluded.template, "
                   "run_id = excluded.run_id, saved_at = excluded.saved_at")


def _lock_order(events: Sequence[tuple[str, tuple]]) -> list[tuple[str, tuple]]:
    """The batch's events in the order of the rows they lock: ledger rows by URL, then page
    rows by URL. Two workers' batches over the same URLs (both meet the same off-site links)
    lock them in one order and do not deadlock. The sort is stable, so a URL's own events
    keep their order (its discovery before its outcome); the transaction is one either way."""
    def key(event: tuple[str, tuple]) -> tuple[int, str]:
        kind, params = event
        return (1, params[0]) if kind == REMEMBER else (0, params[1])

    return sorted(events, key=key)


class PostgresRunTables:
    conn: Any  # psycopg.Connection in autocommit mode

    def _rows(self, sql: str, params: tuple = ()) -> Iterator[tuple]:
        raise NotImplementedError  # PostgresStore's

    def _one(self, sql: str, params: tuple) -> tuple | None:
        return self.conn.execute(sql, params).fetchone()

    # -- runs --------------------------------------------------------------------------
    def latest_run(self, key: str) -> RunRow | None:
        row = self._one("SELECT run_id, started_at, status FROM runs WHERE key = %s "
                        "ORDER BY started_at DESC LIMIT 1", (key,))
        return RunRow(*row) if row else None

    def start_run(self, run_id: str, key: str, status: str, started_at: str) -> None:
        self.conn.execute("INSERT INTO runs (run_id, key, status, started_at) "
                          "VALUES (%s, %s, %s, %s)", (run_id, key, status, started_at))

    def set_run_status(self, run_id: str, status: str, new_attempt: bool = False) -> None:
        if new_attempt:
            self.conn.execute("UPDATE runs SET status = %s, attempts = attempts + 1 "
                              "WHERE run_id = %s", (status, run_id))
        else:
            self.conn.execute("UPDATE runs SET status = %s WHERE run_id = %s",
                              (status, run_id))

    def end_run(self, run_id: str, status: str, finished_at: str,
                discovered: int | None) -> None:
        with self.conn.transaction():
            self.conn.execute("UPDATE runs SET status = %s, finished_at = %s, discovered = %s "
                              "WHERE run_id = %s", (status, finished_at, discovered, run_id))
            # its workers (pipelines/store/workers.py) are all gone now
            self.conn.execute("UPDATE run_workers SET left_at = %s WHERE run_id = %s "
                              "AND left_at IS NULL", (finished_at, run_id))

    def run_discovered(self, run_id: str) -> int | None:
        row = self._one("SELECT discovered FROM runs WHERE run_id = %s", (run_id,))
        return row[0] if row else None

    def runs(self) -> list[StoredRun]:
        return [StoredRun(*row) for row in self._rows(
            "SELECT run_id, key, status, started_at, finished_at FROM runs "
            "ORDER BY started_at, run_id")]

    def previous_good_run(self, run_id: str) -> str | None:
        row = self._one(
            "SELECT p.run_id FROM runs p JOIN runs c ON c.run_id = %s AND p.key = c.key "
            "WHERE p.status = 'complete' AND p.run_id != c.run_id "
            "AND p.started_at < c.started_at ORDER BY p.started_at DESC LIMIT 1", (run_id,))
        return row[0] if row else None

    # -- the URL ledger --------------------------------------------------------------
    def write_ledger(self, events: Sequence[tuple[str, tuple]]) -> None:
        if not events:
            return
        # Pipeline mode: every statement of the batch is sent at once and the server's
        # answers read at the commit, one round trip for the batch instead of one a URL.
        with self.conn.pipeline(), self.conn.transaction():
            cursor = self.conn.cursor()
            for kind, params in _lock_order(events):
                cursor.execute(LEDGER_SQL[kind], params)

    def reopen_unstored(self, run_id: str) -> None:
        # The store commits articles in its own batches, after the ledger may have.
        self.conn.execute(
            "UPDATE ledger SET outcome = NULL, record_id = NULL WHERE run_id = %s "
            "AND outcome IN ('stored', 'unchanged') AND NOT EXISTS (SELECT 1 FROM articles "
            "WHERE articles.id = ledger.record_id AND articles.last_run = ledger.run_id)",
            (run_id,))

    def outcomes(self, run_id: str) -> Iterator[tuple[str, str | None, str | None]]:
        yield from self._rows("SELECT url, outcome, record_id FROM ledger WHERE run_id = %s",
                              (run_id,))

    def outcome_counts(self, run_id: str) -> Iterator[tuple[str | None, str | None, int]]:
        yield from self.conn.execute(
            "SELECT l.outcome, CASE WHEN l.outcome = 'stored' AND a.first_run = l.run_id "
            "THEN 'new' WHEN l.outcome = 'stored' THEN 'changed' END, count(*) "
            "FROM ledger l LEFT JOIN articles a ON a.id = l.record_id "
            "WHERE l.run_id = %s GROUP BY 1, 2", (run_id,)).fetchall()

    def ledger_records(self, run_id: str) -> Iterator[tuple[str, str]]:
        yield from self._rows("SELECT url, record_id FROM ledger WHERE run_id = %s AND "
                              "record_id IS NOT NULL", (run_id,))

    # -- the page memory ---------------------------------------------------------------
    def validators(self, unfinished_of: str | None = None
                   ) -> dict[str, tuple[str | None, str | None]]:
        found = {url: (etag, modified) for url, etag, modified in self._rows(
            "SELECT url, etag, last_modified FROM pages "
            "WHERE etag IS NOT NULL OR last_modified IS NOT NULL")}
        return self._without_unfinished(found, unfinished_of)

    def page_digests(self, unfinished_of: str | None = None) -> dict[str, str]:
        found = dict(self._rows("SELECT url, body_hash FROM pages WHERE body_hash IS NOT NULL"))
        return self._without_unfinished(found, unfinished_of)

    def _without_unfinished(self, found: dict, unfinished_of: str | None) -> dict:
        if unfinished_of is not None:
            for (url,) in self._rows(
                    "SELECT p.url FROM pages p JOIN ledger l ON l.url = p.url AND l.run_id = %s "
                    "WHERE p.run_id = %s AND l.outcome IS NULL",
                    (unfinished_of, unfinished_of)):
                found.pop(url, None)
        return found

    def page_memo(self, url: str) -> PageMemo | None:
        row = self._one("SELECT kind, record_id, links FROM pages WHERE url = %s", (url,))
        return PageMemo(row[0], row[1], unpack_links(row[2])) if row else None

    def page_links(self) -> Iterator[tuple[str, bytes | None]]:
        yield from self._rows("SELECT url, links FROM pages")

    # -- snapshots and the change log ------------------------------------------------------
    def snapshot_ids(self, run_id: str) -> set[str]:
        ids = {rid for (rid,) in self._rows(
            "SELECT DISTINCT record_id FROM ledger WHERE run_id = %s "
            "AND record_id IS NOT NULL AND outcome IN ('stored', 'unchanged')", (run_id,))}
        ids.update(rid for (rid,) in self._rows("SELECT id FROM kept WHERE run_id = %s",
                                                (run_id,)))
        return ids

    def persist_settlement(self, run_id: str, kept: Iterable[str],
                           removals: Sequence[tuple[dict, str]]) -> None:
        rows = [(*change_row(run_id, record, REMOVED, []), reason) for record, reason in removals]
        with self.conn.pipeline(), self.conn.transaction():
            cursor = self.conn.cursor()
            cursor.execute("DELETE FROM kept WHERE run_id = %s", (run_id,))
            cursor.execute("DELETE FROM changes WHERE run_id = %s AND change = %s",
                           (run_id, REMOVED))
            cursor.executemany("INSERT INTO kept (run_id, id) VALUES (%s, %s)",
                               [(run_id, rid) for rid in kept])
            cursor.executemany(UPSERT_CHANGE_REASON, rows)
            cursor.executemany("UPDATE articles SET removed_in = %s WHERE id = %s",
                               [(run_id, record["id"]) for record, _reason in removals])

    def logged_fields(self, run_id: str, record_id: str) -> list[str]:
        row = self._one("SELECT change, fields FROM changes WHERE run_id = %s AND id = %s",
                        (run_id, record_id))
        return orjson.loads(row[1]) if row and row[0] == CHANGED else []

    def changes(self, run_id: str) -> Iterator[ChangeRow]:
        for rid, change, fields, url, title, reason in self._rows(
                "SELECT id, change, fields, url, title, reason FROM changes WHERE run_id = %s "
                f"ORDER BY {_CHANGE_ORDER}", (run_id,)):
            yield ChangeRow(rid, change, orjson.loads(fields), url, title, reason)

    # -- the raw archive's capture index -------------------------------------------------
    def add_captures(self, rows: Sequence[tuple[str, str, str]]) -> None:
        if not rows:
            return
        # URL order (a stable sort: a URL's last row stays last), so two workers writing
        # overlapping batches take row locks in one order and do not deadlock.
        with self.conn.pipeline(), self.conn.transaction():
            self.conn.cursor().executemany(UPSERT_CAPTURE, sorted(rows, key=lambda r: r[0]))

    def capture_of(self, url: str) -> tuple[str, str] | None:
        row = self._one("SELECT record_id, warc_date FROM archive_captures WHERE url = %s",
                        (url,))
        return (row[0], row[1]) if row else None

    # -- learned templates (crawler/learning.py) -------------------------------------------
    def templates(self) -> list[tuple[str, str]]:
        return list(self._rows("SELECT key, template FROM templates ORDER BY key"))

    def save_template(self, key: str, netloc: str, template: str, run_id: str,
                      saved_at: str) -> None:
        self.conn.execute(UPSERT_TEMPLATE, (key, netloc, template, run_id, saved_at))

    def drop_template(self, key: str) -> None:
        self.conn.execute("DELETE FROM templates WHERE key = %s", (key,))
