"""A run's records written from the store: the run's snapshot (`Store.snapshot_ids`: what
the run stored or found unchanged, plus what a complete run kept without re-checking) in id
order, through the same `Exporter` a crawl streams into.

Used by `healthcrawl export` (crawler/commands/export.py) and by the last worker of a run
that several processes crawled (pipelines/run_folder.py), whose own stream holds only its
share of the records.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from common.default_settings import DEFAULTS

from ..store import Store
from .exporter import Exporter, parse_formats


def run_records(db: Store, run_id: str) -> tuple[list[str], int]:
    """(record ids of the run's snapshot in id order, of them kept without a re-check)."""
    ids = db.snapshot_ids(run_id)
    checked = {rid for _url, outcome, rid in db.outcomes(run_id)
               if rid is not None and outcome in ("stored", "unchanged")}
    return sorted(ids), len(ids - checked)


def export_records(db: Store, run_id: str, run_dir: Path, settings: Any
                   ) -> tuple[int, set[str | None], int]:
    """Write the run's records into `run_dir` in the formats of HEALTHCRAWL_FORMATS;
    (records written, their sites, records kept without a re-check)."""
    formats = parse_formats(settings.get("HEALTHCRAWL_FORMATS")
                            or DEFAULTS["HEALTHCRAWL_FORMATS"])
    ids, kept = run_records(db, run_id)
    exporter = Exporter(run_dir, formats, settings.getbool("HEALTHCRAWL_CSV_EXCEL"),
                        settings.getint("HEALTHCRAWL_PARQUET_ROW_GROUP"),
                        int(settings.getfloat("HEALTHCRAWL_PARQUET_ROW_GROUP_MB") * 2**20))
    sites: set[str | None] = set()
    try:
        for record in db.stored_records(ids):
            exporter.write(record)
            sites.add(record.get("site"))
    except BaseException:
        exporter.abort()
        raise
    exporter.close()
    return exporter.records, sites, kept
