"""FrontierRunFolder: the end of a shared crawl for one worker (an extension the add-on
enables after RunFolder, so this worker's own run.json is written).

The run's last worker (the last to leave the run in a shared store, pipelines/runstate.py
`last_worker`; with a SQLite store, the last to leave the frontier's worker set) builds
`<HEALTHCRAWL_FRONTIER_OUT>/<run-id>/` from the store with the code of `healthcrawl export`
(crawler/commands/export.py `export_folder`), adds the run's exit code (run_exit_code
below) and `"workers"`, points `latest` at it, and publishes the exit code in Redis; every
other worker waits for that code, so each worker process exits with the run's exit code.
"""
from __future__ import annotations

import contextlib
import json
import logging
import time
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.settings import Settings

from common.exits import EXIT_INTERRUPTED
from common.paths import store_location
from crawler.run_context import RunContext

from .connect import frontier_url
from .leases import RunKeys

logger = logging.getLogger(__name__)

EXIT_WAIT_S = 600.0  # how long a worker waits for the last one's export
EXIT_KEY_TTL_S = 3600  # the exit code stays in Redis this long for workers still waiting
SOURCE = "frontier"


def exit_key(run_id: str) -> str:
    return RunKeys.of(run_id).prefix + "exit"


class FrontierRunFolder:
    def __init__(self, crawler: Any, formats: str | None):
        self.crawler = crawler
        self.formats = formats

    @classmethod
    def from_crawler(cls, crawler: Any) -> FrontierRunFolder:
        if not frontier_url(crawler.settings):
            raise NotConfigured
        formats = None
        for addon in getattr(crawler.addons, "addons", ()):
            formats = getattr(addon, "formats", formats)
        ext = cls(crawler, formats)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Any, reason: str) -> None:
        run = RunContext.find(self.crawler)
        frontier = run.frontier if run is not None else None
        if frontier is None or run.config_error is not None:
            return
        own = _own_exit_code(run.output_dir / run.run_id)  # a worker's part only
        if not frontier.finished:  # interrupted (Ctrl-C, kill): this worker's own outcome
            run.frontier_outcome = (own, None)
            return
        state = run.run_state
        last = state.last_worker if state is not None and state.lock is None else frontier.last
        if last:
            code, folder = self._build_folder(run)
            with contextlib.suppress(Exception):
                frontier.server.set(exit_key(run.run_id), code, ex=EXIT_KEY_TTL_S)
            run.frontier_outcome = (code, folder)
            return
        run.frontier_outcome = (self._wait_exit_code(frontier, run.run_id, own), None)

    def _build_folder(self, run: RunContext) -> tuple[int, Path | None]:
        from crawler.commands.export import export_folder
        from pipelines.export.run_files import SUMMARY_FILENAME, point_latest, write_json_atomic
        from pipelines.quality import Thresholds
        from pipelines.store import DB_ERRORS, open_store

        settings = Settings(self.crawler.settings.copy_to_dict())  # the crawl's is frozen
        settings.set("HEALTHCRAWL_FORMATS", self.formats, priority="cmdline")
        out = Path(settings.get("HEALTHCRAWL_FRONTIER_OUT") or run.output_dir)
        try:
            db = open_store(store_location(settings))
            try:
                stored = next((r for r in db.runs() if r.run_id == run.run_id), None)
                if stored is None:
                    raise LookupError(f"run {run.run_id} is not in the store")
                extra = {"source": SOURCE, "workers": getattr(run.run_state, "workers", None)}
                folder, summary = export_folder(db, stored, out, settings, extra)
                code = run_exit_code(summary, Thresholds.from_settings(settings))
                summary["exit_code"] = code
                write_json_atomic(folder / SUMMARY_FILENAME, summary)
            finally:
                db.close()
        except (*DB_ERRORS, LookupError) as exc:
            logger.error("Frontier: the run folder could not be built from the store: %s", exc)
            return EXIT_INTERRUPTED, None
        if summary.get("status") == "complete" and code in (0, 2):
            point_latest(out, run.run_id)
        logger.info("Frontier: last worker; run folder %s built from the store (%d records, "
                    "exit code %d)", folder, summary["records"], code)
        return code, folder

    def _wait_exit_code(self, frontier: Any, run_id: str, own: int) -> int:
        deadline = time.monotonic() + EXIT_WAIT_S
        while time.monotonic() < deadline:
            try:
                value = frontier.server.get(exit_key(run_id))
            except Exception:  # Redis away: try again until the deadline
                value = None
            if value is not None:
                return int(value)
            time.sleep(0.2)
        logger.warning("Frontier: no exit code from the run's last worker in %d s; this "
                       "worker's own", EXIT_WAIT_S)
        return own


def _own_exit_code(run_dir: Path) -> int:
    try:
        return int(json.loads((run_dir / "run.json").read_text(encoding="utf-8"))["exit_code"])
    except (OSError, ValueError, KeyError, TypeError):
        return EXIT_INTERRUPTED


def run_exit_code(summary: dict[str, Any], thresholds: Any) -> int:
    """The run's exit code from its store-built run.json (pipelines/quality.py). The pages
    each worker parsed are in no store: the ratios count the URLs whose outcome says their
    page was parsed (stored, unchanged, not an article, dropped); boilerplate-leak warnings
    are not counted. A snapshot that shrank is below a quality bar (2)."""
    from pipelines.ledger import SHRANK
    from pipelines.quality import EXIT_QUALITY, exit_code

    if summary.get("status") == SHRANK:
        return EXIT_QUALITY
    counts = summary.get("counts") or {}
    parsed = sum(int(counts.get(k) or 0) for k in ("stored", "unchanged", "not_article"))
    parsed += sum((counts.get("dropped") or {}).values())
    return exit_code({**summary, "pages": parsed, "not_modified": 0, "same_body": 0},
                     thresholds)
