"""The store's schema and its migrations.

`PRAGMA user_version` is the schema version. Each migration is a list of statements that
moves the database from version N-1 to N; `migrate` runs the missing ones in one
transaction, so an old store opens under new code without a manual step.

Tables: `articles` (one row per record id), `runs` and `ledger` (every URL a run discovered
and its one outcome, pipelines/ledger.py), `changes` (the change log, pipelines/changes.py),
`pages` (what each fetched page was and linked to, pipelines/pages.py), `kept` (records a
run carried in its snapshot without re-checking them, pipelines/snapshot.py),
`archive_captures` (the raw archive's capture index, crawler/archive/captures.py),
`run_workers` (the worker processes of each run, pipelines/store/base.py join_run) and
`templates` (learned templates of generic crawls, crawler/learning.py).
"""
from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # version 1: one row per article id. `record` is the latest record as JSON; the columns
    # beside it are what queries filter on without parsing JSON.
    (
        """CREATE TABLE articles (
            id            TEXT PRIMARY KEY,
            canonical_url TEXT,
            site          TEXT,
            content_hash  TEXT NOT NULL,
            record        TEXT NOT NULL,
            first_seen    TEXT NOT NULL,
            last_seen     TEXT NOT NULL,
            first_run     TEXT NOT NULL,
            last_run      TEXT NOT NULL,
            changed_at    TEXT NOT NULL
        )""",
        # "what did run X see" / "what vanished since run X" / "what changed since T".
        "CREATE INDEX articles_last_run ON articles (last_run)",
        "CREATE INDEX articles_changed_at ON articles (changed_at)",
    ),
    # version 2: the run ledger (pipelines/ledger.py). Every run, every URL it discovered and
    # the one outcome it ended in (NULL while pending), and HTTP validators per URL for
    # conditional requests on the next run.
    (
        """CREATE TABLE runs (
            run_id      TEXT PRIMARY KEY,
            key         TEXT NOT NULL,
            status      TEXT NOT NULL,
            started_at  TEXT NOT NULL,
            finished_at TEXT,
            attempts    INTEGER NOT NULL DEFAULT 1
        )""",
        "CREATE INDEX runs_key ON runs (key, started_at)",
        """CREATE TABLE ledger (
            run_id     TEXT NOT NULL,
            url        TEXT NOT NULL,
            outcome    TEXT,
            record_id  TEXT,
            PRIMARY KEY (run_id, url)
        ) WITHOUT ROWID""",
        """CREATE TABLE http_cache (
            url           TEXT PRIMARY KEY,
            etag          TEXT,
            last_modified TEXT,
            record_id     TEXT NOT NULL
        ) WITHOUT ROWID""",
    ),
    # version 3: the change log (pipelines/changes.py): one row per id a run added, changed
    # or removed; `removed_in` marks an article gone since that run (NULL once seen again).
    (
        """CREATE TABLE changes (
            run_id  TEXT NOT NULL,
            id      TEXT NOT NULL,
            change  TEXT NOT NULL,
            fields  TEXT NOT NULL,
            url     TEXT,
            title   TEXT,
            PRIMARY KEY (run_id, id)
        ) WITHOUT ROWID""",
        "ALTER TABLE articles ADD COLUMN removed_in TEXT",
    ),
    # version 4: incremental runs that never lose discovery. `pages` remembers, per URL
    # fetched in full, its kind, validators and outgoing links, so a 304 replays them;
    # `kept` lists the records a run held in its snapshot without re-checking them; a
    # removal records its evidence in `changes.reason`. http_cache (articles only) is
    # replaced by `pages`: an upgraded store re-fetches each page in full once.
    (
        """CREATE TABLE pages (
            url           TEXT PRIMARY KEY,
            kind          TEXT NOT NULL,
            etag          TEXT,
            last_modified TEXT,
            record_id     TEXT,
            links         BLOB,
            run_id        TEXT NOT NULL
        )""",
        "DROP TABLE http_cache",
        """CREATE TABLE kept (
            run_id TEXT NOT NULL,
            id     TEXT NOT NULL,
            PRIMARY KEY (run_id, id)
        ) WITHOUT ROWID""",
        "ALTER TABLE changes ADD COLUMN reason TEXT",
        "ALTER TABLE runs ADD COLUMN discovered INTEGER",
    ),
    # version 5: record schema 2 (health metadata). Stored records gain the new fields
    # empty, so an old store's records export and validate under the new schema unchanged
    # otherwise; the next fetch of a page fills them.
    (
        """UPDATE articles SET record = json_insert(record,
            '$.last_reviewed', json('null'), '$.reviewed_by', json('[]'),
            '$.references', json('[]'), '$.medical_disclaimer', json('null'),
            '$.schema_types', json('[]'), '$.about', json('[]'))""",
    ),
    # version 6: the raw archive's capture index (crawler/archive/captures.py): per URL, the
    # WARC-Record-ID and WARC-Date of its newest archived `200`, which a later `304`'s
    # revisit record points at. IF NOT EXISTS: before this version the archive created the
    # table itself, so a store an archiving crawl wrote already has it, rows and all.
    (
        """CREATE TABLE IF NOT EXISTS archive_captures (
            url       TEXT PRIMARY KEY,
            record_id TEXT NOT NULL,
            warc_date TEXT NOT NULL
        ) WITHOUT ROWID""",
    ),
    # version 7: authors became {name, url} objects. A stored record's plain names become
    # objects without a link, so the change log does not report every article as changed
    # on its next fetch (cleaners.record.authors_of reads both forms anyway).
    (
        """UPDATE articles SET record = json_set(record, '$.authors', (
            SELECT json_group_array(CASE WHEN a.type = 'text'
                THEN json_object('name', a.value, 'url', json('null')) ELSE json(a.value) END)
            FROM json_each(articles.record, '$.authors') AS a))
        WHERE json_type(record, '$.authors') = 'array'""",
    ),
    # version 8: runs joined by several workers (a PostgreSQL store; pipelines/store/base.py
    # join_run). A run remembers the code version and the record-shaping settings of the
    # worker that started it (pipelines/runjoin.py), so a worker with others is refused;
    # `run_workers` has one row per worker process of a run, alive while its heartbeat is
    # fresh and it has not left. A SQLite store (one process, the output folder's lock)
    # keeps the rows too, so both stores answer the same interface.
    (
        "ALTER TABLE runs ADD COLUMN version TEXT",
        "ALTER TABLE runs ADD COLUMN fingerprint TEXT",
        """CREATE TABLE run_workers (
            worker_id    TEXT PRIMARY KEY,
            run_id       TEXT NOT NULL,
            host         TEXT,
            pid          INTEGER,
            joined_at    TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL,
            left_at      TEXT
        )""",
        "CREATE INDEX run_workers_run ON run_workers (run_id)",
    ),
    # version 9: learned templates (cleaners/learned.py, crawler/learning.py): per host and
    # URL shape, the selectors a generic crawl induced, so the next run starts learned.
    # IF NOT EXISTS: the statement stays right if the migration is renumbered.
    (
        """CREATE TABLE IF NOT EXISTS templates (
            key      TEXT PRIMARY KEY,
            netloc   TEXT NOT NULL,
            template TEXT NOT NULL,
            run_id   TEXT NOT NULL,
            saved_at TEXT NOT NULL
        ) WITHOUT ROWID""",
    ),
    # version 10: the digest of each page's bytes as last fetched in full, so a page fetched
    # in full again with the same bytes (no validators, or a redirect that lost them) is
    # replayed like a 304 instead of analysed again (crawler/run_context.py `same_body`).
    ("ALTER TABLE pages ADD COLUMN body_hash TEXT",),
)

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(RuntimeError):
    """The file was written by a newer healthcrawl; refuse rather than corrupt it."""


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to SCHEMA_VERSION; return the version found before."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        raise SchemaTooNew(f"store schema version {found} > supported {SCHEMA_VERSION}")
    if found == SCHEMA_VERSION:
        return found
    # IMMEDIATE: two crawls opening a fresh store at once must not both create the tables.
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        for version in range(found + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found
