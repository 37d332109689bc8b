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
  the WARC-Record-ID and WARC-Date of its newest archived `200`;
- run_workers: the worker processes of each run (`join_run`), with their heartbeats.

Runs with several workers (`join_run`, `heartbeat`, `leave_run`): every process of a crawl
joins its run through the store, in one transaction serialized per run key (PostgreSQL: an
advisory transaction lock on the key; SQLite: BEGIN IMMEDIATE). A run is *open* while a
registered worker of it is alive: not left, and its heartbeat (the server's clock on
PostgreSQL) younger than `alive_s`. `join_run` then
- joins the open run of the key (mode JOINED, same run id), if the worker's code version and
  record-shaping settings are the run's (pipelines/runjoin.py), else raises `RunRefused`;
- resumes the newest unfinished run of the key that no worker holds any more (mode RESUMED:
  a new attempt, outcomes whose article never reached the store pending again), or with
  `fresh` abandons it;
- else starts `new_run_id` (mode NEW).
(`fresh` applies only when no worker is alive: started beside live workers, a process with
`--fresh` joins them, as the same command started twice must.)
`leave_run` says whether the worker was the last live one. Any other is marked gone and
leaves the run open. The last one stays registered (its heartbeat going on) and the run
becomes `ending` while it ends it (settlement, run.json); `end_run` then marks every worker
of the run gone. Nobody joins an `ending` run whose last worker is alive: a process started
then begins the next run; if that worker dies before `end_run`, the run is resumed like a
`running` one. A worker killed without leaving counts as alive until its heartbeat is
`alive_s` old: a worker that leaves meanwhile is not the last, the run stays `running`, and
the next start resumes it.
SQLite stores are single-process (the output folder's flock, pipelines/runlock.py): their
`join_run` never sees another live worker, so it only resumes or starts, as before.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, Protocol

# A user:password@ in the URL, and a password= parameter: never in a message.
_SECRET = re.compile(r"(?<=://)([^/@:]*):[^/@]*@|(?<=[?&])password=[^&]*")
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


RECORDS_CHUNK = 500  # ids per query of `stored_records`


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


# How a worker came into its run (`Store.join_run`).
JOIN_NEW, JOIN_RESUMED, JOIN_JOINED = "new", "resumed", "joined"


class RunJoin(NamedTuple):
    run_id: str
    started_at: str
    mode: str  # JOIN_NEW, JOIN_RESUMED or JOIN_JOINED
    others: int  # live workers of the run besides this one when it joined


class WorkerInfo(NamedTuple):
    """One worker process of a run: who it is, and what must match to share a run."""
    worker_id: str  # unique per process: host, pid and a random token
    host: str
    pid: int
    version: str  # the healthcrawl package version
    fingerprint: str  # the record-shaping settings as canonical JSON (pipelines/runjoin.py)


def display_url(url: str) -> str:
    """The URL as messages show it: the password replaced by ***."""
    return _SECRET.sub(lambda m: f"{m.group(1)}:***@" if m.group(1) is not None
                       else "password=***", url)


class StoreError(RuntimeError):
    """A server store that cannot be used: a bad URL, a server that is down or went away, a
    statement it refused. One line, without the password; the run reports it as a
    configuration error when opening fails (pipelines/store/__init__.py, DB_ERRORS)."""


class RunRefused(StoreError):
    """A worker may not join the open run of its key: another code version or other
    record-shaping settings. One line naming what differs."""


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
    def stored_records(self, record_ids: Sequence[str]) -> Iterator[dict]:
        """The stored records of these ids in their order (missing ids left out), read
        RECORDS_CHUNK at a time: one query per chunk, not one per record."""
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
                discovered: int | None) -> None:
        """The run's final status; every worker of it is gone (left at `finished_at`)."""
    def run_discovered(self, run_id: str) -> int | None: ...
    def runs(self) -> list[StoredRun]:
        """Every run in the store, oldest first (`healthcrawl export` picks one)."""
    def previous_good_run(self, run_id: str) -> str | None:
        """The newest complete run with the same key started before `run_id`."""

    # -- workers of a run (see the module docstring) -----------------------------------------
    def join_run(self, key: str, worker: WorkerInfo, new_run_id: str, started_at: str,
                 fresh: bool = False, alive_s: float = 15.0) -> RunJoin:
        """Register `worker` in the open run of `key` (joined), else in the newest unfinished
        one (resumed; `fresh`: abandoned instead), else in a new run `new_run_id` started at
        `started_at`. Raises RunRefused, writing nothing, when the open run has another
        version or fingerprint than `worker`."""
    def heartbeat(self, worker_id: str) -> None:
        """The worker is alive (call it every `alive_s` / 3 seconds at most)."""
    def leave_run(self, worker_id: str, alive_s: float = 15.0) -> bool:
        """The worker is done; True when no other worker of its run is alive: it is the
        last one, stays registered, the run is `ending`, and it ends the run (`end_run`)."""
    def run_workers(self, run_id: str) -> int:
        """How many workers have joined the run, in all its attempts."""

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
    def page_digests(self, unfinished_of: str | None = None) -> dict[str, str]:
        """{url: digest of the bytes last fetched in full} (pipelines/pages.py
        `body_digest`); without the pages `unfinished_of` fetched but has not finished."""
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
