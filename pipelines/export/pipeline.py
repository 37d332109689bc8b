"""ExportPipeline: stream every record into the run folder's export files."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro

from common.keys import EXPORT_ERRORS, RECORDS
from common.paths import output_dir

from ..runinfo import RunInfo, ensure_run_dir, run_of
from .exporter import (
    DEFAULT_FORMATS,
    DEFAULT_ROW_GROUP,
    DEFAULT_ROW_GROUP_BYTES,
    Exporter,
    parse_formats,
)

logger = logging.getLogger(__name__)

CLOSE_REASON = "export_failed"


class ExportPipeline:
    def __init__(self, output_dir: str | Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
                 csv_excel: bool = False, row_group_size: int = DEFAULT_ROW_GROUP,
                 row_group_mb: float = DEFAULT_ROW_GROUP_BYTES / 2**20,
                 run_id: str | None = None, stats: Any = None):
        self.output_dir = Path(output_dir)
        self.formats = formats
        self.csv_excel = csv_excel
        self.row_group_size = row_group_size
        self.row_group_bytes = int(row_group_mb * 2**20)
        self.run_id = run_id
        self.stats = stats
        self.crawler: Any = None
        self.run: RunInfo | None = None
        self.exporter: Exporter | None = None
        self.failed = False
        self.files: dict[str, Path] = {}
        self.exported_ids: set[str] = set()  # filled only when a resumed run carries over

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExportPipeline:
        settings = crawler.settings
        try:
            formats = parse_formats(settings.get("HEALTHCRAWL_FORMATS"))
        except ValueError as exc:
            run_of(crawler).fail(f"HEALTHCRAWL_FORMATS: {exc}")
            raise
        if not formats:
            raise NotConfigured("HEALTHCRAWL_FORMATS is empty: no export")
        pipeline = cls(output_dir(settings), formats,
                       csv_excel=settings.getbool("HEALTHCRAWL_CSV_EXCEL"),
                       row_group_size=settings.getint("HEALTHCRAWL_PARQUET_ROW_GROUP"),
                       row_group_mb=settings.getfloat("HEALTHCRAWL_PARQUET_ROW_GROUP_MB"),
                       stats=crawler.stats)
        pipeline.crawler = crawler
        pipeline.run = run_of(crawler)
        return pipeline

    def open_spider(self) -> None:
        if self.run_id is None and self.run is not None:
            self.run_id = self.run.run_id
        state = self.run.run_state if self.run is not None else None
        if self.run is not None and self.run.writes_nothing:
            return
        if state is not None and state.joined:
            # Joined a run other workers crawl into the same folder: the run's last worker
            # writes its export files from the store (pipelines/run_folder.py).
            logger.info("Joined run %s: its last worker writes the export files",
                        self.run_id)
            return
        run_dir = ensure_run_dir(self.output_dir, self.run_id)
        self.exporter = Exporter(run_dir, self.formats, self.csv_excel, self.row_group_size,
                                 self.row_group_bytes)
        logger.info("Exporting %s to %s", ",".join(self.formats), run_dir)
        if state is not None and state.resumed:
            self._prefill(state)

    def _prefill(self, state: Any) -> None:
        """A resumed run: the files of the killed attempt are unreliable (.part, cut
        anywhere), so they are rewritten from the store, which holds every record this run
        committed; pages fetched again after the crash are then not written twice."""
        for record in state.ledger.records_of_run():
            self.exporter.write(record)
            self.exported_ids.add(record["id"])
            if self.stats is not None:
                self.stats.inc_value(RECORDS)
        logger.info("Resumed run: %d records carried over from the store",
                    len(self.exported_ids))

    def _write_kept(self) -> None:
        """Records of the previous snapshot that this run did not re-check (a 500, a page
        behind a failed listing) stay in the snapshot as they were (pipelines/snapshot.py)."""
        state = self.run.run_state if self.run is not None else None
        if state is None or state.settlement is None or not state.settlement.kept:
            return
        written = 0
        for record in state.kept_records():
            if record["id"] in self.exported_ids:
                continue
            self.process_item(record)
            written += 1
        logger.info("Snapshot: %d records kept from the previous run without a re-check",
                    written)

    def process_item(self, item: Any) -> Any:
        if self.failed or self.exporter is None or item.get("id") in self.exported_ids:
            return item
        try:
            self.exporter.write(item)
        except Exception:
            # The files now disagree with each other (one got the record, another did not):
            # stop writing, leave them as `.part`, and stop the crawl so that a scheduler
            # sees an interrupted run (exit code 3) instead of a complete-looking one.
            logger.exception("Export failed on %s; stopping the crawl", item.get("url"))
            self._fail()
            return item
        if self.stats is not None:
            self.stats.inc_value(RECORDS)
        return item

    def close_spider(self) -> None:
        if self.exporter is None:
            return
        if self.failed:
            self.exporter.abort()
            return
        self._write_kept()
        try:
            self.files = self.exporter.close()
        except Exception:
            logger.exception("Export files could not be finished in %s", self.exporter.run_dir)
            self._fail(close=False)
            return
        logger.info("Exported %d records: %s", self.exporter.records, ", ".join(self.files))

    def _fail(self, close: bool = True) -> None:
        self.failed = True
        if self.stats is not None:
            self.stats.inc_value(EXPORT_ERRORS)
        engine = getattr(self.crawler, "engine", None)
        if close and engine is not None:
            # Scheduled, not awaited: the engine's close waits for this very item to finish.
            d = deferred_from_coro(engine.close_spider_async(reason=CLOSE_REASON))
            d.addErrback(lambda f: logger.error("Could not stop the crawl: %s", f.value))
