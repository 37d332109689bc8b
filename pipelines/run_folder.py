"""RunFolder: the Scrapy extension that owns `<HEALTHCRAWL_OUTPUT_DIR>/<run_id>/`.

Enable with `EXTENSIONS = pipelines.EXTENSIONS`. The run (id, state, configuration error)
is the crawler's (pipelines/runinfo.py `run_of`). On `spider_opened` it creates the folder
(the export pipeline may already have: both go through runinfo.ensure_run_dir). On
`spider_closed`, which Scrapy sends after every item pipeline has closed (exports renamed,
store committed), it writes schema.json, changes.jsonl and feeds/ (pipelines/publish.py),
then `run.json`, atomically and last, then, for a complete run whose snapshot did not
shrink (pipelines/snapshot.py), points `<HEALTHCRAWL_OUTPUT_DIR>/latest` at the folder.

A run that several worker processes share (a PostgreSQL store, pipelines/runstate.py) is
ended by the last worker to leave it: the others write no run.json. When more than one
worker took part, the last one also rewrites the export files from the store
(pipelines/export/from_store.py), since its own stream holds only its share of the records;
`records` in run.json then counts the run's snapshot, and the crawl-side numbers (pages,
timings, warnings) are this worker's.

It is an extension rather than part of ExportPipeline so that a run without exports
(HEALTHCRAWL_FORMATS="") still gets its summary and exit code, and because only the
`spider_closed` signal carries the finish reason.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from scrapy import signals

from common.clock import utc_now
from common.keys import EXIT_CODE
from common.paths import output_dir

from .export.from_store import export_records
from .export.run_files import LATEST, SUMMARY_FILENAME, list_files, point_latest, write_json_atomic
from .ledger import COMPLETE as LEDGER_COMPLETE
from .ledger import INTERRUPTED as LEDGER_INTERRUPTED
from .publish import publish_from_settings
from .quality import COMPLETE, Thresholds, exit_code
from .runinfo import RunInfo, run_of
from .summary import build_summary, run_status

logger = logging.getLogger(__name__)

# Re-exported: the run folder's files without Scrapy are in pipelines/export/run_files.py.
__all__ = ["LATEST", "SUMMARY_FILENAME", "RunFolder", "list_files", "point_latest",
           "write_json_atomic"]


class RunFolder:
    def __init__(self, output_dir: str | Path, thresholds: Thresholds | None = None,
                 stats: Any = None, settings: Any = None, run: RunInfo | None = None):
        self.output_dir = Path(output_dir)
        self.run = run if run is not None else RunInfo(settings or {})
        self.thresholds = thresholds or Thresholds()
        self.stats = stats
        self.settings = settings
        self.run_id: str | None = None
        self.run_dir: Path | None = None
        self.started_at = ""
        self._t0 = 0.0
        self.summary: dict[str, Any] | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunFolder:
        run = run_of(crawler)
        try:
            thresholds = Thresholds.from_settings(crawler.settings)
        except ValueError as exc:
            run.fail(str(exc))
            raise
        ext = cls(output_dir(crawler.settings), thresholds, crawler.stats, crawler.settings, run)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Any) -> None:
        if self.run.writes_nothing:
            return
        self.run_id = self.run.run_id  # decided by now: a new run or the one it resumes
        self.run_dir = self.run.run_dir()
        self.started_at = utc_now()
        self._t0 = time.monotonic()
        logger.info("Run %s: folder %s", self.run_id, self.run_dir)

    def _rebuild(self, state: Any) -> int | None:
        """The export files of a run several workers shared, from the store."""
        try:
            records = export_records(state.ledger.db, self.run_id, self.run_dir,
                                     self.settings).records
        except Exception:
            logger.exception("Run %s: could not write the export files from the store",
                             self.run_id)
            return None
        logger.info("Run %s: %d workers took part; export files written from the store "
                    "(%d records)", self.run_id, state.workers, records)
        return records

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.run_dir is None or self.run_id is None:
            return
        stats = self.stats.get_stats() if self.stats is not None else {}
        files, partial = list_files(self.run_dir)
        state = self.run.run_state
        error = self.run.config_error
        counts = None
        done = run_status(reason, stats, error) == COMPLETE and not partial
        settled = None
        rebuilt = None
        if state is not None:
            # The ledger spans every attempt of a resumed run; the stats only this one.
            counts = state.finish(LEDGER_COMPLETE if done else LEDGER_INTERRUPTED)
            if counts is None:  # other workers carry the run on; the last one ends it
                state.close()
                return
            self.started_at = state.ledger.started_at or self.started_at
            settled = state.settlement if done else None
            if state.workers > 1 and self.settings is not None \
                    and self.settings.get("HEALTHCRAWL_FORMATS"):
                rebuilt = self._rebuild(state)
                files, partial = list_files(self.run_dir)
        published = None
        if self.settings is not None:
            # After the ledger has ended the run (removals compare complete runs), before
            # run.json, which lists the files written here too.
            published = publish_from_settings(self.settings, self.run_dir, self.run_id, done)
            files, partial = list_files(self.run_dir)
        summary = build_summary(
            stats, run_id=self.run_id, site=self.run.site, started_at=self.started_at,
            finished_at=utc_now(), elapsed_s=time.monotonic() - self._t0,
            finish_reason=reason, files=files, thresholds=self.thresholds,
            partial_files=partial, counts=counts,
            snapshot=settled.summary() if settled is not None else None, config_error=error)
        if published is not None:
            summary["changes"] = published["changes"]
        if rebuilt is not None:
            summary["records"] = rebuilt
        summary["exit_code"] = exit_code(summary, self.thresholds)
        self.summary = summary
        write_json_atomic(self.run_dir / SUMMARY_FILENAME, summary)
        if self.stats is not None:
            self.stats.set_value(EXIT_CODE, summary["exit_code"])
        shrank = bool((summary.get("snapshot") or {}).get("shrank"))
        if summary["status"] == COMPLETE and not shrank:
            point_latest(self.output_dir, self.run_id)
        elif shrank:
            logger.warning("Run %s: snapshot shrank (%s); %s/%s still points at the previous "
                           "good run", self.run_id, "; ".join(summary["snapshot"]["why"]),
                           self.output_dir, LATEST)
        logger.info("Run %s %s (exit code %d): %d records, %d pages; summary in %s",
                    self.run_id, summary["status"], summary["exit_code"], summary["records"],
                    summary["pages"], self.run_dir / SUMMARY_FILENAME)
        for breach in summary["quality"]["breaches"]:
            logger.warning("Run %s below quality bar: %s", self.run_id, breach)
        if state is not None:
            state.close()
