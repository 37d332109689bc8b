"""Checks made before a crawl starts, so that a setup mistake is one line on stderr and exit
code 1, with nothing written: an output folder that is a file or not writable, a store file
that is not an SQLite database (or is empty), a store URL that is not postgresql://, cannot
be parsed, or whose server is down, refuses the login or has no such database, a malformed
operator contact. A server store is only connected to and read here: its tables are created
by the run.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from common.paths import output_dir, store_location
from crawler.middlewares.identity import BadContact, check_contact, contact_of
from pipelines.store import (
    POSTGRES_SCHEMES,
    SchemaTooNew,
    SQLiteStore,
    StoreError,
    display_url,
    is_server_url,
)

SQLITE_HEADER = b"SQLite format 3\x00"


class SetupError(Exception):
    """The crawl cannot start; the message says why, in one line."""


def check_setup(settings: Any) -> None:
    _check_frontier(settings)
    out = output_dir(settings)
    _check_output_dir(out)
    location = store_location(settings)
    if is_server_url(location):
        _check_server_store(str(location))
    else:
        _check_store(location)
    try:
        check_contact(contact_of(settings))
    except BadContact as exc:
        raise SetupError(str(exc)) from None


def _check_frontier(settings: Any) -> None:
    """HEALTHCRAWL_FRONTIER: a redis:// URL whose server answers (crawler/frontier/)."""
    from crawler.frontier import FrontierError, connect, frontier_url

    url = frontier_url(settings)
    if not url:
        return
    try:
        connect(url).close()
    except FrontierError as exc:
        raise SetupError(str(exc)) from None


def _check_output_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise SetupError(f"output folder {out} is a file, not a folder")
    existing = out
    while not existing.exists():  # the run creates the missing folders below this one
        existing = existing.parent
    if not existing.is_dir():
        raise SetupError(f"cannot create output folder {out}: {existing} is a file")
    try:  # os.access says yes to root on a read-only mount: try it for real
        fd, probe = tempfile.mkstemp(prefix=".healthcrawl-probe-", dir=existing)
    except OSError as exc:
        where = out if existing == out else f"{out} (in {existing})"
        raise SetupError(f"output folder {where} is not writable: {exc.strerror}") from None
    os.close(fd)
    os.unlink(probe)


def _check_server_store(url: str) -> None:
    scheme = url.split("://", 1)[0]
    if scheme.lower() not in POSTGRES_SCHEMES:
        # As a path, "mysql://h/db" would become a SQLite file named "mysql:/h/db".
        raise SetupError(f"store {display_url(url)}: unsupported scheme {scheme}://; give a "
                         "SQLite file path or postgresql://USER@HOST:PORT/DB")
    try:
        from pipelines.store.postgres import PostgresStore
    except ImportError as exc:
        raise SetupError(f"a postgresql:// store needs psycopg: {exc}") from None
    try:
        PostgresStore.probe(url)
    except (StoreError, SchemaTooNew) as exc:
        raise SetupError(f"store: {exc}") from None


def _check_store(store: Path) -> None:
    if not store.exists():
        return
    if not store.is_file():
        raise SetupError(f"store {store} is not a file")
    try:
        with store.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise SetupError(f"store {store} is not readable: {exc.strerror}") from None
    if not header:
        raise SetupError(f"store {store} is empty (0 bytes), not a healthcrawl store; "
                         "move it away to start a new store")
    if header != SQLITE_HEADER:
        raise SetupError(f"store {store} is not an SQLite database; move it away or choose "
                         "another --out")
    try:
        SQLiteStore.probe(store)
    except sqlite3.DatabaseError as exc:
        raise SetupError(f"store {store} is not a usable SQLite database ({exc})") from None
