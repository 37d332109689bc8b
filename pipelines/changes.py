"""The change log: which record ids a run added, changed or removed, kept in the store.

The store (`Store.upsert`) compares every record with its stored version and queues a row
in the `changes` table in the same transaction as the upsert, so the log survives a crash
exactly as far as the articles do, and a resumed run keeps the rows of its earlier attempts.
At the end of a complete run, pipelines/snapshot.py adds the removals, and
`write_changes_jsonl` writes the run's rows as `changes.jsonl`:

    {"id": ..., "change": "added" | "changed" | "removed", "url": ..., "title": ...,
     "fields": [names of the content fields that changed], "reason": (removed only)}

- added: the id is not in the store, or was last logged as removed (it came back);
- changed: a content field differs from the stored record. Content fields are every record
  field but `fetched_at`, `run_id` and `http_status`, which say how the page was fetched, not
  what it says; so a teaser or a date that changes is logged although `content_hash` (title
  and body only) and the store's new/changed/unchanged status are not;
- removed: the id was in the snapshot of the previous good run of the same run key (site,
  base URL and extraction mode, see crawler/spiders/health.py `run_key`) and this complete
  run has evidence that it is gone; `reason` says which (pipelines/snapshot.py). An
  interrupted run has seen only part of the site, so it logs no removals.

`fields` is empty for added and removed ids; removed lines also carry `reason`. Lines come
in that order (added, changed, removed), ids sorted within each.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from cleaners.record_fields import FETCH_FIELDS, RECORD_FIELDS

from .export.atomic import atomic_write

if TYPE_CHECKING:
    from .store.base import Store

logger = logging.getLogger(__name__)

FILENAME = "changes.jsonl"
ADDED, CHANGED, REMOVED = "added", "changed", "removed"
# FETCH_FIELDS say how the page was fetched, not what it says: never a reason to tell
# downstream sites.
CONTENT_FIELDS = tuple(f for f in RECORD_FIELDS if f not in FETCH_FIELDS)


def changed_fields(old: dict, new: dict) -> list[str]:
    """Content fields whose values differ, in record order."""
    return [f for f in CONTENT_FIELDS if old.get(f) != new.get(f)]


def merge_fields(*lists: list[str]) -> list[str]:
    """The union of field lists, in record order."""
    names = set().union(*lists)
    return [f for f in CONTENT_FIELDS if f in names]


def change_row(run_id: str, record: dict, change: str, fields: list[str]) -> tuple:
    return (run_id, record["id"], change, orjson.dumps(fields).decode(), record.get("url"),
            record.get("title"))


def iter_changes(db: Store, run_id: str) -> Iterator[dict]:
    for row in db.changes(run_id):
        line = {"id": row.id, "change": row.change, "url": row.url, "title": row.title,
                "fields": row.fields}
        if row.change == REMOVED:
            line["reason"] = row.reason
        yield line


def write_changes_jsonl(db: Store, run_id: str, run_dir: Path) -> dict[str, int]:
    """`changes.jsonl` of the run, written atomically; {added, changed, removed} counts."""
    counts = {ADDED: 0, CHANGED: 0, REMOVED: 0}
    with atomic_write(run_dir / FILENAME) as fh:
        for line in iter_changes(db, run_id):
            fh.write(orjson.dumps(line, option=orjson.OPT_APPEND_NEWLINE))
            counts[line["change"]] += 1
    return counts
