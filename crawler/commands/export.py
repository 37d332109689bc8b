"""`healthcrawl export --store URL --out DIR [--run RUN_ID]`: a run folder built from the
store alone, without crawling: the records of the run (JSONL / CSV / Parquet per
HEALTHCRAWL_FORMATS), schema.json, data-dictionary.md, changes.jsonl, feeds/ and run.json.

The records are the run's snapshot (`Store.snapshot_ids`: what the run stored or found
unchanged, plus what a complete run kept without re-checking), as the store holds them now,
in id order; a crawl writes the same records in the order it met them. The store keeps one
version of each article, so a run older than the newest gets its records as last seen
(`run_id`, `http_status` of the newest run that saw them).
run.json takes its counts from the ledger, `finished_at` from the run's end in the store
(a crawl stamps run.json a moment later); what only the crawling process measured (pages
fetched, timings, warnings, archive) is null, listed under `not_in_store`, and
`"source": "store"` says where the folder came from.

Atomic: everything is written into a hidden folder beside `<out>/<run-id>/` and renamed into
place at the end, so a reader never sees a half-exported run folder under its name.
"""
from __future__ import annotations

import contextlib
import logging
import shutil
import sys
from pathlib import Path
from typing import Any

from common.clock import utc_now
from common.default_settings import DEFAULTS
from common.exits import EXIT_OK
from crawler.run import UsageError, build_settings
from pipelines.changes import write_changes_jsonl
from pipelines.export.exporter import parse_formats
from pipelines.export.feeds import write_feeds
from pipelines.export.from_store import export_records
from pipelines.export.run_files import SUMMARY_FILENAME, list_files, write_json_atomic
from pipelines.ledger import COMPLETE, SHRANK, Ledger
from pipelines.publish import write_schema
from pipelines.quality import Thresholds
from pipelines.store import DB_ERRORS, Store, StoredRun, is_server_url, open_store
from pipelines.summary import build_summary

logger = logging.getLogger(__name__)

SOURCE = "store"
# run.json fields a crawl measures in its own process and the store does not keep.
# `snapshot` (the settlement's evidence) is decided in the crawl and only partly persisted.
NOT_IN_STORE = ("elapsed_s", "finish_reason", "pages", "not_modified", "same_body", "latency_ms",
                "archive", "errors", "snapshot", "quality", "exit_code")


def pick_run(runs: list[StoredRun], run_id: str | None) -> StoredRun:
    """The named run, else the newest complete one; UsageError when there is none."""
    if run_id is not None:
        for run in runs:
            if run.run_id == run_id:
                return run
        raise UsageError(f"no run {run_id!r} in the store")
    complete = [run for run in runs if run.status == COMPLETE]
    if not complete:
        raise UsageError("no complete run in the store (name one with --run)")
    return complete[-1]


def export_run(db: Store, run: StoredRun, run_dir: Path, settings: Any) -> dict[str, Any]:
    """Write the run folder's files into `run_dir` (an empty folder); returns run.json."""
    records, sites, kept, warnings = export_records(db, run.run_id, run_dir, settings)
    write_schema(run_dir)
    changes = write_changes_jsonl(db, run.run_id, run_dir)
    feed_size = settings.getint("HEALTHCRAWL_FEED_SIZE")
    if feed_size > 0:
        write_feeds(db, run.run_id, run_dir, feed_size)
    ledger = Ledger(db)
    ledger.run_id = run.run_id
    counts = ledger.counts()
    if run.status in (COMPLETE, SHRANK) or kept:
        # As a crawl's run.json: a finished run's snapshot says how much it kept unchecked.
        counts["not_rechecked"] = kept
    files, partial = list_files(run_dir)
    summary = build_summary(
        {}, run_id=run.run_id, site=sites.pop() if len(sites) == 1 else None,
        started_at=run.started_at, finished_at=run.finished_at or "", elapsed_s=0.0,
        finish_reason="", files=files, thresholds=Thresholds.from_settings(settings),
        partial_files=partial, counts=counts)
    summary.update({name: None for name in NOT_IN_STORE})
    # The warnings of the records the run checked (a crawl also counts those of pages whose
    # record was then dropped, a duplicate say).
    summary.update({"status": run.status, "records": records, "changes": changes,
                    "warnings": warnings,
                    "source": SOURCE, "exported_at": utc_now(), "run_key": run.key,
                    "not_in_store": list(NOT_IN_STORE)})
    return summary


def run_export(store: str, out: str, run_id: str | None = None,
               overrides: dict | None = None) -> int:
    settings = build_settings(overrides)
    try:
        parse_formats(settings.get("HEALTHCRAWL_FORMATS") or DEFAULTS["HEALTHCRAWL_FORMATS"])
    except ValueError as exc:
        raise UsageError(f"HEALTHCRAWL_FORMATS: {exc}") from None
    if not is_server_url(store):
        # Opening a missing or empty SQLite file would make it a new store: refuse instead.
        if not Path(store).is_file():
            raise UsageError(f"store {store}: no such file")
        if Path(store).stat().st_size == 0:
            raise UsageError(f"store {store} is empty (0 bytes), not a healthcrawl store")
    # A server store's errors name its URL themselves, without the password; never echo it.
    label = "store" if is_server_url(store) else f"store {store}"
    try:
        db = open_store(store)
    except DB_ERRORS as exc:
        raise UsageError(f"{label}: {exc}") from None
    try:
        run = pick_run(db.runs(), run_id)
        final, summary = export_folder(db, run, Path(out), settings)
    except BaseException as exc:
        if not isinstance(exc, DB_ERRORS):
            raise
        # OSError: most likely the output folder (full, read-only), else the store.
        where = f"cannot write {out}" if isinstance(exc, OSError) else label
        raise UsageError(f"{where}: {exc}") from None
    finally:
        with contextlib.suppress(*DB_ERRORS):
            db.close()
    print(f"exported run {run.run_id} ({run.status}) from the store: "
          f"{summary['records']} records", file=sys.stderr)
    print(final)
    return EXIT_OK


def export_folder(db: Store, run: StoredRun, out: Path, settings: Any,
                  extra: dict[str, Any] | None = None) -> tuple[Path, dict[str, Any]]:
    """`out/<run-id>/` written from the store, atomically (a hidden folder renamed into
    place); `extra` goes into its run.json (the shared frontier's last worker adds the run's
    exit code, crawler/frontier/finish.py). Returns (the folder, run.json)."""
    final = out / run.run_id
    tmp = out / f".{run.run_id}.export.tmp"
    try:
        out.mkdir(parents=True, exist_ok=True)
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir()
        summary = export_run(db, run, tmp, settings)
        summary.update(extra or {})
        write_json_atomic(tmp / SUMMARY_FILENAME, summary)
        _swap_in(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final, summary


def _swap_in(tmp: Path, final: Path) -> None:
    """Rename the finished folder into place; an older export of the run is replaced."""
    old = final.with_name(f".{final.name}.export.old")
    if final.exists():
        if old.exists():
            shutil.rmtree(old)
        final.rename(old)
    tmp.rename(final)
    if old.exists():
        shutil.rmtree(old)
