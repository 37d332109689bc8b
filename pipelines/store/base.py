"""The store interface: every operation the rest of healthcrawl needs from its database.

`Store` is what the run state, the item pipelines, the snapshot decision, the change log and
the feeds call; none of them holds SQL. `SQLiteStore` (pipelines/store/sqlite.py) implements
it on one embedded file; `PostgresStore` (pipelines/store/postgres.py) implements the same
methods on a PostgreSQL server, for a crawl spread over several processes.

Several instances may be open on the same data at once (the run state's ledger and the
store pipeline each open one): an implementation must let them write concurrently, each in
short transactions.

Tables the operations work on:
- articles: one row per record id (upsert, first/last seen, the run that last saw it);
- changes: the change log, one row per (run, record id), filled by `upsert` in the same
  transaction as the article and by `persist_settlement` for removals;
- runs: one row per run (run key, status, start/end, URLs discovered);
- ledger: every URL a run discovered and its one outcome (NULL while pending);
- pages: the page memory (kind, HTTP validators, outgoing links) of pages fetched in full;
- kept: records a complete run held in its snapshot without re-checking them;
- templates: learned templates of generic crawls (crawler/learning.py), per host and URL
  shape
- archive_captures: the raw archive's capture index (crawler/archive/captures.py), per URL
  the WARC-Record-ID and WARC-Date of its newest archived `200`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, Protocol

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"

# Kinds of ledger event (`Store.write_ledger`): a URL discovered, a URL's outcome, a page
# remembered. Parameters in the order the tuples below give.
DISCOVER, FINISH, REMEMBER = "discover", "finish", "remember"


@dataclass(frozen=True)
class StoredArticle:
    id: str
    record: dict
    content_hash: str
    first_seen: str
    last_seen: str
    first_run: str
    last_run: str
    changed_at: str


class RunRow(NamedTuple):
    run_id: str
    started_at: str
    status: str


class StoredRun(NamedTuple):
    run_id: str
    key: str
    status: str
    started_at: str
    finished_at: str | None


class ArticleHistory(NamedTuple):
    content_hash: str
    first_run: str
    last_run: str
    changed_at: str


class FeedCandidate(NamedTuple):
    id: str
    site: str | None
    published: str | None
    first_seen: str


class ChangeRow(NamedTuple):
    id: str
    change: str
    fields: list[str]
    url: str | None
    title: str | None
    reason: str | None


class StoreError(RuntimeError):
    """A server store that cannot be used: a bad URL, a server that is down or went away, a
    statement it refused. One line, without the password; the run reports it as a
    configuration error when opening fails (pipelines/store/__init__.py, DB_ERRORS)."""


class Store(Protocol):
    path: Path | str  # the SQLite file, or the server URL without its password
    flush_errors: int  # commits of queued articles that failed and will be retried

    def close(self) -> None:
        """Commit what is queued and release the connection."""
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...

    # -- articles (buffered writes: committed every batch, on flush and on close) --------
    def upsert(self, record: dict, run_id: str, seen_at: str | None = None) -> str:
        """Queue the record and its change-log row; NEW, CHANGED or UNCHANGED."""
    def flush(self) -> None:
        """Commit queued articles in one transaction; on error they stay queued."""
    def get(self, record_id: str) -> StoredArticle | None: ...
    def stored_record(self, record_id: str) -> dict | None: ...
    def iter_records(self, last_run: str | None = None) -> Iterator[dict]:
        """Every record (or those last seen by `last_run`), id order, streamed."""
    def count(self) -> int: ...
    def article_history(self, record_id: str) -> ArticleHistory | None: ...
    def feed_candidates(self, run_id: str) -> Iterator[FeedCandidate]:
        """The articles `run_id` saw, with the dates feeds sort on."""

    # -- runs --------------------------------------------------------------------------
    def latest_run(self, key: str) -> RunRow | None:
        """The newest run of this run key."""
    def start_run(self, run_id: str, key: str, status: str, started_at: str) -> None: ...
    def set_run_status(self, run_id: str, status: str, new_attempt: bool = False) -> None: ...
    def end_run(self, run_id: str, status: str, finished_at: str,
                discovered: int | None) -> None: ...
    def run_discovered(self, run_id: str) -> int | None: ...
    def runs(self) -> list[StoredRun]:
        """Every run in the store, oldest first (`healthcrawl export` picks one)."""
    def previous_good_run(self, run_id: str) -> str | None:
        """The newest complete run with the same key started before `run_id`."""

    # -- the URL ledger --------------------------------------------------------------
    def write_ledger(self, events: Sequence[tuple[str, tuple]]) -> None:
        """Apply (kind, params) events in their order, in one transaction."""
    def reopen_unstored(self, run_id: str) -> None:
        """Outcomes stored/unchanged whose article this run never committed: pending again."""
    def outcomes(self, run_id: str) -> Iterator[tuple[str, str | None, str | None]]:
        """(url, outcome or None if pending, record id) of every URL of the run."""
    def outcome_counts(self, run_id: str) -> Iterator[tuple[str | None, str | None, int]]:
        """(outcome, "new" / "changed" for stored records else None, URLs)."""
    def ledger_records(self, run_id: str) -> Iterator[tuple[str, str]]:
        """(url, record id) of every URL of the run that led to a record."""

    # -- the page memory ---------------------------------------------------------------
    def validators(self, unfinished_of: str | None = None
                   ) -> dict[str, tuple[str | None, str | None]]:
        """{url: (etag, last_modified)}; without the pages `unfinished_of` fetched but whose
        outcome it has not recorded."""
    def page_memo(self, url: str) -> Any: ...  # pipelines.pages.PageMemo | None
    def page_links(self) -> Iterator[tuple[str, bytes | None]]:
        """(url, packed links) of every remembered page."""

    # -- snapshots and the change log ------------------------------------------------------
    def snapshot_ids(self, run_id: str) -> set[str]: ...
    def persist_settlement(self, run_id: str, kept: Iterable[str],
                           removals: Sequence[tuple[dict, str]]) -> None:
        """Replace the run's kept ids and removals ((record as stored, reason) each) and
        mark the removed articles, in one transaction."""
    def logged_fields(self, run_id: str, record_id: str) -> list[str]: ...
    def changes(self, run_id: str) -> Iterator[ChangeRow]:
        """The run's change log: added, changed, removed; ids sorted within each."""

    # -- the raw archive's capture index -------------------------------------------------
    def add_captures(self, rows: Sequence[tuple[str, str, str]]) -> None:
        """Upsert (url, WARC-Record-ID, WARC-Date) rows in one transaction; a URL's row is
        replaced, by the last of its rows when it comes more than once."""
    def capture_of(self, url: str) -> tuple[str, str] | None:
        """(WARC-Record-ID, WARC-Date) of the newest capture of `url`, if any."""

    # -- learned templates (crawler/learning.py) -------------------------------------------
    def templates(self) -> list[tuple[str, str]]:
        """(key, template JSON) of every learned template (cleaners/learned.py)."""
        ...

    def save_template(self, key: str, netloc: str, template: str, run_id: str,
                      saved_at: str) -> None: ...
    def drop_template(self, key: str) -> None: ...
