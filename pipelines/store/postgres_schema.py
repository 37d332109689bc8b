"""The PostgreSQL store's schema: the same tables and columns as the SQLite store at
SCHEMA_VERSION (pipelines/store/schema.py), in PostgreSQL's types.

A PostgreSQL store starts at the SQLite schema's current version, so it has no history of
its own to replay: `SCHEMA` creates every table at once. A later SQLite migration adds its
PostgreSQL statements to `MIGRATIONS` under the version it moves to (tests/
test_store_postgres.py compares the two databases' columns, so forgetting it fails a test).
The version lives in `schema_version`; `migrate` holds an advisory lock while it works, so
two workers opening a fresh database at once create the tables once.

Texts stay TEXT where SQLite has TEXT (records are JSON text, byte for byte what SQLite
holds, dates are ISO strings); SQLite's BLOB is BYTEA.
"""
from __future__ import annotations

from typing import Any

from .schema import SCHEMA_VERSION, SchemaTooNew

# Byte order, as SQLite compares and sorts: ids are listed "in id order" and ISO dates
# compared as strings, whatever collation the database was created with.
TEXT = 'TEXT COLLATE "C"'
# Version 8: the worker processes of each run (pipelines/store/base.py join_run).
_WORKERS = (
    f"""CREATE TABLE IF NOT EXISTS run_workers (
        worker_id    {TEXT} PRIMARY KEY,
        run_id       {TEXT} NOT NULL,
        host         {TEXT},
        pid          INTEGER,
        joined_at    {TEXT} NOT NULL,
        heartbeat_at {TEXT} NOT NULL,
        left_at      {TEXT}
    )""",
    "CREATE INDEX IF NOT EXISTS run_workers_run ON run_workers (run_id)",
)

_CAPTURES = f"""CREATE TABLE IF NOT EXISTS archive_captures (
    url       {TEXT} PRIMARY KEY,
    record_id {TEXT} NOT NULL,
    warc_date {TEXT} NOT NULL
)"""

_TEMPLATES = f"""CREATE TABLE IF NOT EXISTS templates (
    key      {TEXT} PRIMARY KEY,
    netloc   {TEXT} NOT NULL,
    template {TEXT} NOT NULL,
    run_id   {TEXT} NOT NULL,
    saved_at {TEXT} NOT NULL
)"""
SCHEMA: tuple[str, ...] = (
    f"""CREATE TABLE articles (
        id            {TEXT} PRIMARY KEY,
        canonical_url {TEXT},
        site          {TEXT},
        content_hash  {TEXT} NOT NULL,
        record        {TEXT} NOT NULL,
        first_seen    {TEXT} NOT NULL,
        last_seen     {TEXT} NOT NULL,
        first_run     {TEXT} NOT NULL,
        last_run      {TEXT} NOT NULL,
        changed_at    {TEXT} NOT NULL,
        removed_in    {TEXT}
    )""",
    "CREATE INDEX articles_last_run ON articles (last_run)",
    "CREATE INDEX articles_changed_at ON articles (changed_at)",
    f"""CREATE TABLE runs (
        run_id      {TEXT} PRIMARY KEY,
        key         {TEXT} NOT NULL,
        status      {TEXT} NOT NULL,
        started_at  {TEXT} NOT NULL,
        finished_at {TEXT},
        attempts    INTEGER NOT NULL DEFAULT 1,
        discovered  INTEGER,
        version     {TEXT},
        fingerprint {TEXT}
    )""",
    "CREATE INDEX runs_key ON runs (key, started_at)",
    f"""CREATE TABLE ledger (
        run_id     {TEXT} NOT NULL,
        url        {TEXT} NOT NULL,
        outcome    {TEXT},
        record_id  {TEXT},
        PRIMARY KEY (run_id, url)
    )""",
    f"""CREATE TABLE changes (
        run_id  {TEXT} NOT NULL,
        id      {TEXT} NOT NULL,
        change  {TEXT} NOT NULL,
        fields  {TEXT} NOT NULL,
        url     {TEXT},
        title   {TEXT},
        reason  {TEXT},
        PRIMARY KEY (run_id, id)
    )""",
    f"""CREATE TABLE pages (
        url           {TEXT} PRIMARY KEY,
        kind          {TEXT} NOT NULL,
        etag          {TEXT},
        last_modified {TEXT},
        record_id     {TEXT},
        links         BYTEA,
        run_id        {TEXT} NOT NULL,
        body_hash     {TEXT}
    )""",
    f"""CREATE TABLE kept (
        run_id {TEXT} NOT NULL,
        id     {TEXT} NOT NULL,
        PRIMARY KEY (run_id, id)
    )""",
    _CAPTURES,
    *_WORKERS,
    _TEMPLATES,
)

# version -> statements moving a PostgreSQL store from version-1 to it (SCHEMA is the schema
# at SCHEMA_VERSION; a store created at an older version replays these).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # the raw archive's capture index (crawler/archive/captures.py)
    6: (_CAPTURES,),
    # authors became {name, url} objects: plain names become objects without a link, as in
    # the SQLite migration 7 (pipelines/store/schema.py)
    7: ("""UPDATE articles SET record = jsonb_set(record::jsonb, '{authors}', (
            SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(a) = 'string'
                THEN jsonb_build_object('name', a, 'url', NULL) ELSE a END ORDER BY n),
                '[]'::jsonb)
            FROM jsonb_array_elements(record::jsonb -> 'authors') WITH ORDINALITY AS t(a, n)
        ))::text
        WHERE jsonb_typeof(record::jsonb -> 'authors') = 'array'""",),
    # runs joined by several workers, as the SQLite migration 8
    # (IF NOT EXISTS: a store set back to an older version by hand replays it too.)
    8: (f"ALTER TABLE runs ADD COLUMN IF NOT EXISTS version {TEXT}",
        f"ALTER TABLE runs ADD COLUMN IF NOT EXISTS fingerprint {TEXT}", *_WORKERS),
    # learned templates of generic crawls, as the SQLite migration 9
    9: (_TEMPLATES,),
    # the digest of a page's bytes, as the SQLite migration 10
    10: (f"ALTER TABLE pages ADD COLUMN IF NOT EXISTS body_hash {TEXT}",),
}

# pg_advisory_xact_lock key: "hc" + "schema", any constant that other users of the database
# are unlikely to pick.
_LOCK_KEY = 0x6863_5343_4845_4D41


def migrate(conn: Any) -> int:
    """Create or upgrade the schema on a psycopg connection in autocommit mode; return the
    version found before (0: an empty database)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
        found = row[0] or 0
        if found > SCHEMA_VERSION:
            raise SchemaTooNew(f"store schema version {found} > supported {SCHEMA_VERSION}")
        if found == SCHEMA_VERSION:
            return found
        if found == 0:
            for statement in SCHEMA:
                conn.execute(statement)
        else:
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS.get(version, ()):
                    conn.execute(statement)
        conn.execute("DELETE FROM schema_version")
        conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (SCHEMA_VERSION,))
    return found
