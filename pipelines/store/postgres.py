"""PostgresStore: the store interface (pipelines/store/base.py) on a PostgreSQL server
(psycopg 3), for a crawl whose processes, on one machine or several, share one store.

    with open_store("postgresql://healthcrawl@db.internal:5432/healthcrawl") as store:
        status = store.upsert(record, run_id)   # "new" | "changed" | "unchanged"

It holds the same tables as the SQLite store (pipelines/store/postgres_schema.py) and
behaves the same through the interface (tests/test_store_interface.py runs against both).
Articles are queued and written in batches as in SQLiteStore: one transaction per batch,
the batch's statements sent in pipeline mode (executemany), so a batch costs about one round
trip rather than one a record; ledger events likewise (pipelines/store/postgres_runs.py).

Every error of the driver leaves an operation as a one-line `StoreError` naming the server
(never its password). An operation that finds its connection dropped (a server restart)
waits for the server: it reconnects with a growing pause (0.2 s up to 5 s) for up to
`retry_s` seconds (HEALTHCRAWL_STORE_RETRY_S), logging one line when it starts waiting and
one when the server is back, then runs once more on the new connection. If the server stays
away it fails, and queued articles stay queued until a flush succeeds.
"""
from __future__ import annotations

import contextlib
import functools
import inspect
import itertools
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

import orjson
import psycopg
from psycopg.conninfo import conninfo_to_dict

from cleaners.record_fields import STORE_COLUMNS

from .base import (
    ArticleHistory,
    FeedCandidate,
    Store,
    StoredArticle,
    StoreError,
    display_url,
)
from .postgres_runs import UPSERT_CHANGE, PostgresRunTables
from .postgres_schema import migrate
from .queue import ArticleQueue
from .schema import SCHEMA_VERSION, SchemaTooNew
from .sqlite import BATCH_SIZE, FLUSH_S
from .workers import RunWorkers

logger = logging.getLogger(__name__)

_COLUMNS = (*STORE_COLUMNS, "record", "first_seen", "last_seen", "first_run", "last_run",
            "changed_at")
_COPIED = "".join(f"    {c} = excluded.{c},\n" for c in STORE_COLUMNS if c != "id")
# As in pipelines/store/sqlite.py: PostgreSQL's SET expressions also see the old row under
# the table's name, so the CASE compares the stored hash with the new one.
_UPSERT = f"""
INSERT INTO articles ({", ".join(_COLUMNS)})
VALUES ({", ".join(["%s"] * len(_COLUMNS))})
ON CONFLICT (id) DO UPDATE SET
{_COPIED}    record = excluded.record,
    last_seen = excluded.last_seen,
    last_run = excluded.last_run,
    removed_in = NULL,
    changed_at = CASE WHEN articles.content_hash = excluded.content_hash
                      THEN articles.changed_at ELSE excluded.changed_at END
"""
_ID = STORE_COLUMNS.index("id")
_CURSOR_NAMES = itertools.count()
STREAM_ROWS = 1000  # rows a streaming read fetches per round trip
RETRY_S = 0.0  # by default a lost connection is tried once more at once (a crawl: 60 s)
# The first key of the advisory locks that serialize joining and leaving a run ("hcrn"); the
# second is the run key's hash.
_RUN_LOCK_CLASS = 0x6863_726E
# The server's clock as the store's ISO text (pipelines/store/workers.py).
_ISO = """'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'"""


def _one_line(exc: BaseException) -> str:
    """The first line of the driver's message, without a password (libpq quotes a URL it
    cannot parse)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return display_url(lines[0]) if lines else type(exc).__name__


def _connect(url: str, connect_timeout_s: float, lock_timeout_s: float) -> Any:
    try:
        params = conninfo_to_dict(url)  # a malformed URL fails here, before any network
    except psycopg.Error as exc:
        raise StoreError(f"bad store URL {display_url(url)}: {_one_line(exc)}") from exc
    params.setdefault("connect_timeout", max(1, round(connect_timeout_s)))
    params.setdefault("application_name", "healthcrawl")
    conn = psycopg.connect(**params, autocommit=True)
    # Waiting for another worker's row lock is SQLite's busy timeout.
    conn.execute(f"SET lock_timeout = {int(lock_timeout_s * 1000)}")
    return conn


class PostgresStore(ArticleQueue, PostgresRunTables, RunWorkers):
    LOOKUP = ("SELECT content_hash, record, last_run, removed_in, first_run, changed_at "
              "FROM articles WHERE id = %s")
    # The server restarting, a lock timeout: the rows stay queued for the next batch.
    RETRY = (StoreError,)
    PARAM = "%s"
    SHARED = True  # workers on several processes and machines share its runs

    def _now(self) -> str:
        return f"to_char(clock_timestamp() AT TIME ZONE 'UTC', {_ISO})"

    def _ago(self) -> str:
        return ("to_char((clock_timestamp() - make_interval(secs => %s)) AT TIME ZONE 'UTC', "
                f"{_ISO})")

    @contextlib.contextmanager
    def _serialized(self, key: str) -> Iterator[None]:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                              (_RUN_LOCK_CLASS, key))
            yield

    def __init__(self, conn: Any, url: str, batch_size: int = BATCH_SIZE,
                 flush_interval_s: float = FLUSH_S, connect_timeout_s: float = 10.0,
                 lock_timeout_s: float = 30.0, retry_s: float = RETRY_S):
        self.conn = conn
        self.url = url
        self.path = display_url(url)
        self.retry_s = retry_s
        self._timeouts = (connect_timeout_s, lock_timeout_s)
        self._init_queue(batch_size, flush_interval_s)

    @classmethod
    def open(cls, url: str, *, batch_size: int = BATCH_SIZE, flush_interval_s: float = FLUSH_S,
             busy_timeout_s: float = 30.0, connect_timeout_s: float = 10.0,
             retry_s: float = 0.0) -> PostgresStore:
        """Connect and bring the schema up to date; a bad URL or a server that cannot be
        reached raises StoreError (one line), and nothing is written."""
        try:
            conn = _connect(url, connect_timeout_s, busy_timeout_s)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {display_url(url)}: {_one_line(exc)}") from exc
        try:
            migrate(conn)
        except psycopg.Error as exc:
            conn.close()
            raise StoreError(f"{display_url(url)}: {_one_line(exc)}") from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, url, batch_size, flush_interval_s, connect_timeout_s, busy_timeout_s,
                   retry_s)

    @staticmethod
    def probe(url: str, connect_timeout_s: float = 10.0) -> None:
        """Connect and read the schema version without writing anything: StoreError (one
        line) for a bad URL, a server that is down, a refused login, a missing database or
        a schema newer than this code's."""
        try:
            conn = _connect(url, connect_timeout_s, 30.0)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {display_url(url)}: {_one_line(exc)}") from exc
        try:
            found = 0
            if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0]:
                found = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0
        except psycopg.Error as exc:
            raise StoreError(f"{display_url(url)}: {_one_line(exc)}") from exc
        finally:
            conn.close()
        if found > SCHEMA_VERSION:
            raise SchemaTooNew(f"store schema version {found} > supported {SCHEMA_VERSION}")

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ensure_connected(self) -> None:
        """A connection the server dropped (restarted, failed over) is opened again,
        waiting up to `retry_s` for the server to come back."""
        if not (self.conn.closed or self.conn.broken):
            return
        deadline = time.monotonic() + self.retry_s
        pause = 0.2
        waited = False
        while True:
            try:
                self.conn = _connect(self.url, *self._timeouts)
            except psycopg.OperationalError as exc:
                if time.monotonic() + pause > deadline:
                    if waited:
                        logger.error("Store %s: server still away after %.0f s: %s",
                                     self.path, self.retry_s, _one_line(exc))
                    raise
                if not waited:
                    logger.warning("Store %s: server away (%s); waiting up to %.0f s for it",
                                   self.path, _one_line(exc), self.retry_s)
                    waited = True
                time.sleep(pause)
                pause = min(5.0, pause * 2)
                continue
            if waited:
                logger.warning("Store %s: server back, writes resume", self.path)
            return

    def _rows(self, sql: str, params: tuple = ()) -> Iterator[tuple]:
        """The rows of a query streamed STREAM_ROWS at a time through a server-side cursor
        (WITH HOLD: usable outside a transaction, while other statements run)."""
        name = f"healthcrawl_{next(_CURSOR_NAMES)}"
        with self.conn.cursor(name=name, withhold=True) as cursor:
            cursor.itersize = STREAM_ROWS
            cursor.execute(sql, params)
            yield from cursor

    # -- writing -------------------------------------------------------------------------
    def flush(self) -> None:
        """Commit the queued rows in one transaction. On error they stay queued and the error
        propagates."""
        self._last_flush = time.monotonic()
        if not self._pending:
            return
        # Rows in id order (a stable sort: a record queued twice keeps its last version
        # last), so two workers writing overlapping batches take row locks in one order
        # and do not deadlock.
        articles = sorted(self._pending, key=lambda row: row[_ID])
        changes = sorted(self._pending_changes.values(), key=lambda row: (row[0], row[1]))
        # One pipeline for the whole transaction: BEGIN, both batches and COMMIT go out
        # together and their answers are read at the end.
        with self.conn.pipeline(), self.conn.transaction():
            cursor = self.conn.cursor()
            cursor.executemany(_UPSERT, articles)
            cursor.executemany(UPSERT_CHANGE, changes)
        self._pending.clear()
        self._pending_prev.clear()
        self._pending_changes.clear()

    def close(self) -> None:
        if self.conn.closed and not self._pending:  # closed before, or dropped, and no rows
            return
        try:
            self.flush()
        finally:
            self.conn.close()

    # -- reading -------------------------------------------------------------------------
    def get(self, record_id: str) -> StoredArticle | None:
        self.flush()
        row = self._one(
            "SELECT id, record, content_hash, first_seen, last_seen, first_run, last_run, "
            "changed_at FROM articles WHERE id = %s", (record_id,))
        if row is None:
            return None
        return StoredArticle(row[0], orjson.loads(row[1]), *row[2:])

    def iter_records(self, last_run: str | None = None) -> Iterator[dict]:
        """Every stored record (or those last seen in run `last_run`), in id order, streamed."""
        self.flush()
        if last_run is None:
            rows = self._rows("SELECT record FROM articles ORDER BY id")
        else:
            rows = self._rows("SELECT record FROM articles WHERE last_run = %s ORDER BY id",
                              (last_run,))
        for (text,) in rows:
            yield orjson.loads(text)

    def count(self) -> int:
        self.flush()
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def stored_record(self, record_id: str) -> dict | None:
        row = self._one("SELECT record FROM articles WHERE id = %s", (record_id,))
        return orjson.loads(row[0]) if row else None

    def _record_texts(self, record_ids: list[str]) -> dict[str, str]:
        return dict(self.conn.execute(
            "SELECT id, record FROM articles WHERE id = ANY(%s)", (record_ids,)).fetchall())

    def article_history(self, record_id: str) -> ArticleHistory | None:
        row = self._one("SELECT content_hash, first_run, last_run, changed_at FROM articles "
                        "WHERE id = %s", (record_id,))
        return ArticleHistory(*row) if row else None

    def feed_candidates(self, run_id: str) -> Iterator[FeedCandidate]:
        # Only the dates to sort on leave the server, not whole records.
        for row in self._rows("SELECT id, site, record::json ->> 'published', first_seen "
                              "FROM articles WHERE last_run = %s", (run_id,)):
            yield FeedCandidate(*row)


def _lost(store: PostgresStore, exc: psycopg.Error) -> bool:
    """The connection died under the statement (a server restart): worth one retry on a new
    connection. Every write of the store is an upsert or a whole transaction, so running it
    again after its answer was lost leaves the same rows."""
    if isinstance(exc, psycopg.OperationalError) and (store.conn.broken or store.conn.closed):
        logger.warning("Store %s: connection lost (%s); reconnecting", store.path,
                       _one_line(exc))
        return True
    return False


def _translated(method: Callable) -> Callable:
    """`method` with the driver's errors turned into one-line StoreErrors, run once more on a
    new connection when the server had dropped the old one."""
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def generator(self: PostgresStore, *args: Any, **kwargs: Any) -> Iterator:
            yielded = False
            try:
                try:
                    self._ensure_connected()
                    for row in method(self, *args, **kwargs):
                        yielded = True
                        yield row
                except psycopg.Error as exc:
                    if yielded or not _lost(self, exc):
                        raise
                    self._ensure_connected()
                    yield from method(self, *args, **kwargs)
            except psycopg.Error as exc:
                raise StoreError(f"{self.path}: {_one_line(exc)}") from exc
        return generator

    @functools.wraps(method)
    def call(self: PostgresStore, *args: Any, **kwargs: Any) -> Any:
        try:
            try:
                if method.__name__ != "close":
                    self._ensure_connected()
                return method(self, *args, **kwargs)
            except psycopg.Error as exc:
                if method.__name__ == "close" or not _lost(self, exc):
                    raise
                self._ensure_connected()
                return method(self, *args, **kwargs)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: {_one_line(exc)}") from exc
    return call


for _name, _value in vars(Store).items():
    if not _name.startswith("_") and callable(_value):
        setattr(PostgresStore, _name, _translated(getattr(PostgresStore, _name)))
