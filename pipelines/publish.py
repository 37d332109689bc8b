"""What a run folder gets beside the exports when the run ends, for analysts and downstream
sites: `schema.json` and `data-dictionary.md` (the record schema), `changes.jsonl` (the change
log, pipelines/changes.py) and `feeds/` (pipelines/export/feeds.py).

RunFolder calls `publish` from `spider_closed`, after the item pipelines have closed (the
store is committed) and before it lists the files and writes run.json, so run.json names
these files too. Each part fails on its own: a broken feed costs the run its feed, not its
summary. Settings: HEALTHCRAWL_FEED_SIZE (default 50; 0 = no feeds). The change log and the
feeds come from the store, so a run with HEALTHCRAWL_STORE_ENABLED off has neither.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import orjson

from cleaners.schema import data_dictionary, json_schema
from common.paths import store_location

from .changes import write_changes_jsonl
from .export.atomic import atomic_write
from .export.feeds import DEFAULT_FEED_SIZE, FEEDS_DIR, write_feeds
from .store import DB_ERRORS, is_server_url, open_store

logger = logging.getLogger(__name__)

SCHEMA_FILENAME = "schema.json"
DICTIONARY_FILENAME = "data-dictionary.md"


def publish_from_settings(settings: Any, run_dir: Path, run_id: str,
                          complete: bool) -> dict[str, Any]:
    store = store_location(settings) if settings.getbool("HEALTHCRAWL_STORE_ENABLED") else None
    return publish(run_dir, run_id, store=store, complete=complete,
                   feed_size=settings.getint("HEALTHCRAWL_FEED_SIZE"))


def publish(run_dir: Path, run_id: str, *, store: Path | str | None, complete: bool,
            feed_size: int = DEFAULT_FEED_SIZE) -> dict[str, Any]:
    """Write the extra files; returns {"changes": {added, changed, removed} or None,
    "feeds": [file names under feeds/]} for run.json."""
    result: dict[str, Any] = {"changes": None, "feeds": []}
    try:
        write_schema(run_dir)
    except Exception:
        logger.exception("Could not write %s in %s", SCHEMA_FILENAME, run_dir)
    if store is None or (not is_server_url(store) and not Path(store).is_file()):
        logger.info("No store: no change log and no feeds for run %s", run_id)
        return result
    try:
        db = open_store(store)
    except DB_ERRORS as exc:  # reported where the store was opened
        logger.error("No change log and no feeds: the store: %s", exc)
        return result
    try:
        try:
            # Removals were decided when the run ended (pipelines/snapshot.py, RunState).
            result["changes"] = write_changes_jsonl(db, run_id, run_dir)
        except Exception:
            logger.exception("Could not write the change log of run %s", run_id)
        if feed_size > 0:
            try:
                paths = write_feeds(db, run_id, run_dir, feed_size)
                result["feeds"] = [f"{FEEDS_DIR}/{p.name}" for p in paths]
            except Exception:
                logger.exception("Could not write the feeds of run %s", run_id)
    finally:
        try:
            db.close()
        except DB_ERRORS:
            logger.exception("Could not close the store %s", db.path)
    return result


def write_schema(run_dir: Path) -> None:
    for name, data in (
            (SCHEMA_FILENAME, orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2
                                           | orjson.OPT_APPEND_NEWLINE)),
            (DICTIONARY_FILENAME, data_dictionary().encode("utf-8"))):
        with atomic_write(run_dir / name) as fh:
            fh.write(data)
