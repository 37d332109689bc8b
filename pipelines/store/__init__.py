"""The article store behind one interface, usable without Scrapy.

`Store` (pipelines/store/base.py) names every operation the rest of healthcrawl needs:
articles and their change log, runs, the URL ledger, the page memory, snapshots, the raw
archive's capture index.
`open_store(location)` opens the implementation for a location: a SQLite file path
(`SQLiteStore`, pipelines/store/sqlite.py; schema and migrations in schema.py) or a
`postgresql://USER@HOST:PORT/DB` URL (`PostgresStore`, pipelines/store/postgres.py; psycopg
is imported only then).

The Scrapy item pipeline, `pipelines.store.StorePipeline` (pipelines/store/pipeline.py), is
imported only when asked for, so importing the store does not import Scrapy.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from .base import (
    CHANGED,
    DISCOVER,
    FINISH,
    JOIN_JOINED,
    JOIN_NEW,
    JOIN_RESUMED,
    NEW,
    REMEMBER,
    UNCHANGED,
    ArticleHistory,
    ChangeRow,
    FeedCandidate,
    RunJoin,
    RunRefused,
    RunRow,
    Store,
    StoredArticle,
    StoredRun,
    StoreError,
    WorkerInfo,
    display_url,
)
from .schema import SCHEMA_VERSION, SchemaTooNew
from .sqlite import SQLiteStore

# What opening or using a store raises when the store itself is unusable (not a database, a
# newer schema, an unwritable folder, a full disk; a server store's bad URL, a server that is
# down): a configuration error of the run.
DB_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, SchemaTooNew, OSError, StoreError)

_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
POSTGRES_SCHEMES = frozenset({"postgresql", "postgres"})


def is_server_url(location: str | Path) -> bool:
    """A URL (scheme://...) rather than a SQLite file path."""
    return isinstance(location, str) and _URL_SCHEME.match(location) is not None


def open_store(location: str | Path, **options: Any) -> Store:
    """The store at `location` (a SQLite file path or a postgresql:// URL), its schema
    brought up to date. Options: batch_size, flush_interval_s, busy_timeout_s, and for a
    server store retry_s (how long a lost server is waited for; ignored for SQLite, whose
    file does not go away). A URL of another scheme raises StoreError rather than becoming
    a file name."""
    match = _URL_SCHEME.match(location) if isinstance(location, str) else None
    if match is None:
        options.pop("retry_s", None)
        return SQLiteStore.open(location, **options)
    if match.group(1).lower() not in POSTGRES_SCHEMES:
        raise StoreError(f"unsupported store URL scheme {match.group(1)}://: give a SQLite "
                         "file path or postgresql://USER@HOST:PORT/DB")
    try:
        from .postgres import PostgresStore
    except ImportError as exc:  # psycopg is a dependency; a broken install says so
        raise StoreError(f"a postgresql:// store needs psycopg: {exc}") from exc
    return PostgresStore.open(location, **options)


def __getattr__(name: str) -> Any:
    # `pipelines.store.StorePipeline` (the ITEM_PIPELINES path) without importing Scrapy
    # for every user of the store.
    if name == "StorePipeline":
        from .pipeline import StorePipeline
        return StorePipeline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CHANGED", "DB_ERRORS", "DISCOVER", "FINISH", "JOIN_JOINED", "JOIN_NEW",
           "JOIN_RESUMED", "NEW", "REMEMBER", "SCHEMA_VERSION",
           "UNCHANGED", "ArticleHistory", "ChangeRow", "FeedCandidate", "RunJoin", "RunRefused",
           "RunRow", "WorkerInfo", "display_url",
           "SQLiteStore", "SchemaTooNew", "Store", "StoreError", "StorePipeline",
           "StoredArticle", "StoredRun", "is_server_url", "open_store"]
