"""A run's records written from the store: the run's snapshot (`Store.snapshot_ids`: what
the run stored or found unchanged, plus what a complete run kept without re-checking) in id
order, through the same `Exporter` a crawl streams into.

Used by `healthcrawl export` (crawler/commands/export.py) and by the last worker of a run
that several processes crawled (pipelines/run_folder.py), whose own stream holds only its
share of the records.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

from common.default_settings import DEFAULTS

from ..store import Store
from .exporter import Exporter, parse_formats


def run_records(db: Store, run_id: str) -> tuple[list[str], set[str]]:
    """(record ids of the run's snapshot in id order, the ids the run itself checked: the
    others were kept without a re-check)."""
    ids = db.snapshot_ids(run_id)
    checked = {rid for _url, outcome, rid in db.outcomes(run_id)
               if rid is not None and outcome in ("stored", "unchanged")}
    return sorted(ids), checked & ids


class Exported(NamedTuple):
    records: int
    sites: set[str | None]
    kept: int  # records kept without a re-check
    warnings: dict[str, int]  # warnings of the records the run checked, by name


def export_records(db: Store, run_id: str, run_dir: Path, settings: Any) -> Exported:
    """Write the run's records into `run_dir` in the formats of HEALTHCRAWL_FORMATS."""
    formats = parse_formats(settings.get("HEALTHCRAWL_FORMATS")
                            or DEFAULTS["HEALTHCRAWL_FORMATS"])
    ids, checked = run_records(db, run_id)
    warnings: Counter[str] = Counter()
    exporter = Exporter(run_dir, formats, settings.getbool("HEALTHCRAWL_CSV_EXCEL"),
                        settings.getint("HEALTHCRAWL_PARQUET_ROW_GROUP"),
                        int(settings.getfloat("HEALTHCRAWL_PARQUET_ROW_GROUP_MB") * 2**20))
    sites: set[str | None] = set()
    try:
        for record in db.stored_records(ids):
            exporter.write(record)
            sites.add(record.get("site"))
            if record["id"] in checked:
                warnings.update(set(record.get("warnings") or ()))
    except BaseException:
        exporter.abort()
        raise
    exporter.close()
    return Exported(exporter.records, sites, len(ids) - len(checked),
                    dict(sorted(warnings.items())))
