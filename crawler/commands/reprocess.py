"""`healthcrawl reprocess RUN_DIR|WARC...`: today's extraction on archived responses.

No network: the responses come from the run's `archive/` (or the WARC files given). The new
run folder gets what a crawl's gets (the exports, schema.json, data-dictionary.md, run.json)
and a `changes.jsonl` against the source run's `articles.jsonl`: which ids today's code adds,
changes (with the fields) or no longer produces. Ids and URLs are the crawl's (the id comes
from the canonical URL), `fetched_at` is the archived response's WARC-Date, `run_id` the
new run's. Records pass the crawl's validation and de-duplication. The store is left alone
(reprocessing is not a crawl: no first_seen/last_seen, no `latest` link).

A revisit record (a `304` of an incremental run) is replayed from the response it refers
to, looked up in the archives of the other run folders beside the source run; a record the
source run kept without fetching its page (not rechecked) from that page's newest capture
there. A record with neither is reported as removed in changes.jsonl.
"""
from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

from common.clock import utc_now
from common.default_settings import DEFAULTS
from common.keys import CHANGE, OUTCOME, PAGES, RECORDS, REPROCESS_CARRIED, WARNING
from common.paths import output_dir
from crawler.archive.files import ARCHIVE_DIR, archive_files
from crawler.archive.read import ArchivedPage, find_latest, find_records, iter_pages
from crawler.archive.replay import RECORD, REVISIT, Mode, extract_page
from crawler.run import UsageError, build_settings
from crawler.sites import all_sites, get_site
from pipelines.changes import ADDED, CHANGED, REMOVED, changed_fields
from pipelines.changes import FILENAME as CHANGES_FILENAME
from pipelines.drops import RecordDropped
from pipelines.export.atomic import atomic_write
from pipelines.export.exporter import Exporter, parse_formats
from pipelines.export.run_files import SUMMARY_FILENAME, list_files, write_json_atomic
from pipelines.publish import write_schema
from pipelines.quality import Thresholds, exit_code
from pipelines.runinfo import ensure_run_dir, new_run_id
from pipelines.summary import build_summary

logger = logging.getLogger(__name__)

UNRESOLVED = "failed/revisit_unresolved"


class Stats(Counter):
    """Scrapy's stats interface on a Counter, for the pipelines used outside a crawl."""

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self[key] += count


class Source:
    """What is reprocessed: WARC files, and the run folder they came from (if any)."""

    def __init__(self, inputs: list[str]):
        self.run_dir: Path | None = None
        self.warcs: list[Path] = []
        for name in inputs:
            path = Path(name)
            if path.is_dir():
                if (path / "latest").is_dir() and not (path / ARCHIVE_DIR).is_dir():
                    path = (path / "latest").resolve()
                if self.run_dir is not None:
                    raise UsageError("give one run folder (or WARC files)")
                self.run_dir = path
                files = archive_files(path / ARCHIVE_DIR)
                if not files:
                    raise UsageError(f"{path} has no archive/*.warc.gz (crawled with "
                                     "--no-archive, or not a run folder)")
                self.warcs += files
            elif path.is_file():
                self.warcs.append(path)
            else:
                raise UsageError(f"{name}: no such run folder or WARC file")
        self.summary: dict = {}
        if self.run_dir is not None and (self.run_dir / SUMMARY_FILENAME).is_file():
            self.summary = orjson.loads((self.run_dir / SUMMARY_FILENAME).read_bytes())

    def records(self) -> dict[str, dict]:
        """The source run's records by id ({} without a run folder)."""
        path = self.run_dir / "articles.jsonl" if self.run_dir else None
        if path is None or not path.is_file():
            return {}
        return {r["id"]: r for r in map(orjson.loads, path.read_bytes().splitlines())}

    def neighbour_archives(self) -> list[Path]:
        """Archives of the other run folders beside the source run, newest first."""
        if self.run_dir is None:
            return []
        runs = sorted((p for p in self.run_dir.parent.iterdir()
                       if p.is_dir() and not p.is_symlink() and p != self.run_dir),
                      reverse=True)
        return [f for run in runs for f in archive_files(run / ARCHIVE_DIR)]


def extraction_mode(source: Source, site: str | None, generic: bool, run_id: str,
                    old: dict[str, dict]) -> Mode:
    """As the source run extracted: its site's profiles unless its records say generic."""
    if generic:
        return Mode(None, source.summary.get("site") or "", run_id)
    key = site or source.summary.get("site")
    profiled = site is not None or any(
        str(r.get("extractor", "")).startswith("profile:") for r in old.values())
    if key and profiled and key in all_sites():
        return Mode(get_site(key), key, run_id)
    if site:
        raise UsageError(f"unknown site {site!r}; known: {', '.join(sorted(all_sites()))}")
    return Mode(None, key or "", run_id)


def run_reprocess(inputs: list[str], out: str | None, site: str | None, generic: bool,
                  overrides: dict[str, Any]) -> int:
    from pipelines.dedupe import DedupePipeline
    from pipelines.validate import ValidatePipeline

    started, t0 = utc_now(), time.monotonic()
    source = Source(inputs)
    settings = build_settings(overrides)
    if settings.getbool("HEALTHCRAWL_GENERIC"):
        generic = True
    try:
        # A run folder without exports would be of no use: empty means the default here.
        formats = parse_formats(settings.get("HEALTHCRAWL_FORMATS")
                                or DEFAULTS["HEALTHCRAWL_FORMATS"])
    except ValueError as exc:
        raise UsageError(f"HEALTHCRAWL_FORMATS: {exc}") from None
    old = source.records()
    run_id = new_run_id()
    mode = extraction_mode(source, site, generic, run_id, old)
    base = Path(out) if out else (source.run_dir.parent if source.run_dir
                                  else output_dir(settings))
    run_dir = ensure_run_dir(base, run_id)
    stats = Stats()
    steps = []
    if settings.getbool("HEALTHCRAWL_VALIDATE_ENABLED"):
        steps.append(ValidatePipeline(settings.getint("HEALTHCRAWL_MIN_BODY_CHARS"), stats=stats))
    if settings.getbool("HEALTHCRAWL_DEDUPE_ENABLED"):
        steps.append(DedupePipeline(stats=stats))
    exporter = Exporter(run_dir, formats, settings.getbool("HEALTHCRAWL_CSV_EXCEL"))
    new: dict[str, dict] = {}

    def handle(page: ArchivedPage) -> None:
        seen.add(page.url)
        outcome, record = extract_page(page, mode)
        if outcome == REVISIT:
            revisits.append(page)
            return
        if outcome not in (RECORD, "redirect", "robots_txt"):
            stats[OUTCOME + outcome] += 1
        if record is None:
            if outcome != "robots_txt":
                stats[PAGES] += outcome != "redirect"
            return
        stats[PAGES] += 1
        for warning in set(record["warnings"]):
            stats[WARNING + warning] += 1
        try:
            for step in steps:
                step.process_item(record)
        except RecordDropped:
            return
        exporter.write(record)
        new[record["id"]] = record
        stats[RECORDS] += 1

    revisits: list[ArchivedPage] = []
    seen: set[str] = set()
    try:
        for page in iter_pages(source.warcs):
            handle(page)
        originals = find_records(source.warcs + source.neighbour_archives(),
                                 {p.refers_to for p in revisits if p.refers_to})
        for page in revisits:
            original = originals.get(page.refers_to or "")
            if original is None:
                stats[OUTCOME + UNRESOLVED] += 1
                stats[PAGES] += 1
                continue
            original.url, original.warc_date = page.url, page.warc_date
            handle(original)
        # Records the source run carried without fetching their page (an incremental run
        # keeps what it could not recheck): the newest capture in the runs beside it.
        unfetched = {r["url"] for r in old.values() if r.get("url") and r["url"] not in seen}
        for page in find_latest(source.neighbour_archives(), unfetched).values():
            stats[REPROCESS_CARRIED] += 1
            handle(page)
    except BaseException:
        exporter.abort()
        raise
    exporter.close()
    changes = write_changes(run_dir, old, new, compare=bool(source.run_dir))
    for status, n in (("new", changes[ADDED]), ("changed", changes[CHANGED])):
        stats[CHANGE + status] += n
    stats[CHANGE + "unchanged"] += len(new) - changes[ADDED] - changes[CHANGED]
    stats[OUTCOME + "stored"] += changes[ADDED] + changes[CHANGED]
    stats[OUTCOME + "unchanged"] += len(new) - changes[ADDED] - changes[CHANGED]
    write_schema(run_dir)
    files, partial = list_files(run_dir)
    thresholds = Thresholds.from_settings(settings)
    summary = build_summary(stats, run_id=run_id, site=mode.site_key or None,
                            started_at=started, finished_at=utc_now(),
                            elapsed_s=time.monotonic() - t0, finish_reason="finished",
                            files=files, thresholds=thresholds, partial_files=partial)
    summary["changes"] = changes
    summary["reprocessed_from_earlier_runs"] = stats[REPROCESS_CARRIED]
    summary["reprocessed_from"] = {
        "run_dir": str(source.run_dir) if source.run_dir else None,
        "run_id": source.summary.get("run_id"),
        "warc_files": [str(p) for p in source.warcs],
        "extraction": f"profile:{mode.site_key}" if mode.site else "generic"}
    summary["exit_code"] = exit_code(summary, thresholds)
    write_json_atomic(run_dir / SUMMARY_FILENAME, summary)
    print(f"reprocessed {len(source.warcs)} WARC file(s): {len(new)} records; changes "
          f"against {summary['reprocessed_from']['run_id'] or 'nothing'}: added "
          f"{changes[ADDED]}, changed {changes[CHANGED]}, removed {changes[REMOVED]}",
          file=sys.stderr)
    print(run_dir)
    return summary["exit_code"]


def write_changes(run_dir: Path, old: dict[str, dict], new: dict[str, dict],
                  compare: bool) -> dict[str, int]:
    """changes.jsonl in pipelines/changes.py's line format and order; without a source
    run (bare WARC files) every record is added."""
    lines: list[dict] = []
    base = old if compare else {}
    for rid in sorted(new.keys() - base.keys()):
        lines.append(_line(new[rid], ADDED, []))
    for rid in sorted(new.keys() & base.keys()):
        fields = changed_fields(base[rid], new[rid])
        if fields:
            lines.append(_line(new[rid], CHANGED, fields))
    for rid in sorted(base.keys() - new.keys()):
        lines.append(_line(base[rid], REMOVED, []))
    with atomic_write(run_dir / CHANGES_FILENAME) as fh:
        for line in lines:
            fh.write(orjson.dumps(line, option=orjson.OPT_APPEND_NEWLINE))
    counts = {ADDED: 0, CHANGED: 0, REMOVED: 0}
    for line in lines:
        counts[line["change"]] += 1
    return counts


def _line(record: dict, change: str, fields: list[str]) -> dict:
    return {"id": record["id"], "change": change, "url": record.get("url"),
            "title": record.get("title"), "fields": fields}
