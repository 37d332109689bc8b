"""The article store behind one interface, usable without Scrapy.

`Store` (pipelines/store/base.py) names every operation the rest of healthcrawl needs:
articles and their change log, runs, the URL ledger, the page memory, snapshots.
`open_store(location)` opens the implementation for a location; today that is a SQLite
file (`SQLiteStore`, pipelines/store/sqlite.py; schema and migrations in schema.py).

The Scrapy item pipeline, `pipelines.store.StorePipeline` (pipelines/store/pipeline.py), is
imported only when asked for, so importing the store does not import Scrapy.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from .base import (
    CHANGED,
    DISCOVER,
    FINISH,
    NEW,
    REMEMBER,
    UNCHANGED,
    ArticleHistory,
    ChangeRow,
    FeedCandidate,
    RunRow,
    Store,
    StoredArticle,
)
from .schema import SCHEMA_VERSION, SchemaTooNew
from .sqlite import SQLiteStore

# What opening or using a store raises when the store itself is unusable (not a database, a
# newer schema, an unwritable folder, a full disk): a configuration error of the run.
DB_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, SchemaTooNew, OSError)


def open_store(location: str | Path, **options: Any) -> Store:
    """The store at `location` (a SQLite file path), its schema brought up to date.
    Options: batch_size, flush_interval_s, busy_timeout_s."""
    return SQLiteStore.open(location, **options)


def __getattr__(name: str) -> Any:
    # `pipelines.store.StorePipeline` (the ITEM_PIPELINES path) without importing Scrapy
    # for every user of the store.
    if name == "StorePipeline":
        from .pipeline import StorePipeline
        return StorePipeline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CHANGED", "DB_ERRORS", "DISCOVER", "FINISH", "NEW", "REMEMBER", "SCHEMA_VERSION",
           "UNCHANGED", "ArticleHistory", "ChangeRow", "FeedCandidate", "RunRow",
           "SQLiteStore", "SchemaTooNew", "Store", "StorePipeline", "StoredArticle",
           "open_store"]
