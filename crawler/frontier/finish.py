"""FrontierRunFolder: the end of a shared crawl for one worker (an extension the add-on
enables after RunFolder, so this worker's own run.json is written).

The run's last worker (the last to leave the run in a shared store, pipelines/runstate.py
`last_worker`; with a SQLite store, the last to leave the frontier's worker set) builds
`<HEALTHCRAWL_FRONTIER_OUT>/<run-id>/` from the store with the code of `healthcrawl export`
(crawler/commands/export.py `export_folder`), adds the run's exit code (run_exit_code
below) and `"workers"`, points `latest` at it, and publishes the exit code in Redis; every
other worker waits for that code, so each worker process exits with the run's exit code.

The export is leased like a request: the worker building the folder holds the run's
`exporting` key in Redis (HEALTHCRAWL_FRONTIER_LEASE_S, renewed while it works). If that
worker dies while exporting, the key expires with no exit code published, and a waiting
worker takes the lease and builds the folder from the store itself (the export replaces a
half-written folder), so the run still ends with its folder and every worker's exit code.
"""
from __future__ import annotations

import contextlib
import json
import logging
import threading
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


def export_key(run_id: str) -> str:
    return RunKeys.of(run_id).prefix + "exporting"


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
            built = self._export(run, frontier)
            if built is not None:
                run.frontier_outcome = built
                return
        run.frontier_outcome = self._wait_exit_code(run, frontier, own)

    def _export(self, run: RunContext, frontier: Any) -> tuple[int, Path | None] | None:
        """Build the run folder under the run's export lease and publish the exit code;
        None when another worker holds the lease (it builds the folder)."""
        key, lease_s = export_key(run.run_id), max(1, round(frontier.lease_s))
        try:
            if not frontier.server.set(key, frontier.owner, nx=True, ex=lease_s):
                return None
        except Exception:  # Redis away: build it anyway (nobody else can take it over)
            logger.warning("Frontier: export lease not taken (Redis unreachable)")
        stop = threading.Event()
        renewer = threading.Thread(target=_renew, args=(frontier.server, key, lease_s, stop),
                                   name="export-lease", daemon=True)
        renewer.start()
        try:
            code, folder = self._build_folder(run)
            with contextlib.suppress(Exception):
                frontier.server.set(exit_key(run.run_id), code, ex=EXIT_KEY_TTL_S)
        finally:
            stop.set()
            renewer.join()
        with contextlib.suppress(Exception):
            frontier.server.delete(key)
        return code, folder

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

    def _wait_exit_code(self, run: RunContext, frontier: Any,
                        own: int) -> tuple[int, Path | None]:
        """The exit code the last worker publishes; if its export lease ends with none
        published (it died exporting), this worker builds the folder instead."""
        server, run_id = frontier.server, run.run_id
        deadline = time.monotonic() + EXIT_WAIT_S
        exporting = False
        while time.monotonic() < deadline:
            try:
                value = server.get(exit_key(run_id))
                if value is None:
                    was, exporting = exporting, bool(server.exists(export_key(run_id)))
                    value = server.get(exit_key(run_id))  # published in between?
            except Exception:  # Redis away: try again until the deadline
                value, was = None, False
            if value is not None:
                return int(value), None
            if was and not exporting:
                logger.warning("Frontier: the worker exporting run %s stopped before it "
                               "finished; this worker builds the run folder", run_id)
                built = self._export(run, frontier)
                if built is not None:
                    return built
            time.sleep(0.2)
        logger.warning("Frontier: no exit code from the run's last worker in %d s; this "
                       "worker's own", EXIT_WAIT_S)
        return own, None


def _renew(server: Any, key: str, lease_s: int, stop: threading.Event) -> None:
    while not stop.wait(lease_s / 3):
        with contextlib.suppress(Exception):  # Redis away: the lease may lapse, no harm
            server.expire(key, lease_s)


def _own_exit_code(run_dir: Path) -> int:
    try:
        return int(json.loads((run_dir / "run.json").read_text(encoding="utf-8"))["exit_code"])
    except (OSError, ValueError, KeyError, TypeError):
        return EXIT_INTERRUPTED


def run_exit_code(summary: dict[str, Any], thresholds: Any) -> int:
    """The run's exit code from its store-built run.json (pipelines/quality.py). The pages
    each worker parsed are in no store: the ratios count the URLs whose outcome says their
    page was parsed (stored, unchanged, not an article, dropped), and the warnings (the
    boilerplate-leak ratio) are those of the records the run checked, read from the store
    by the export. A snapshot that shrank is below a quality bar (2)."""
    from pipelines.ledger import SHRANK
    from pipelines.quality import EXIT_QUALITY, exit_code

    if summary.get("status") == SHRANK:
        return EXIT_QUALITY
    counts = summary.get("counts") or {}
    parsed = sum(int(counts.get(k) or 0) for k in ("stored", "unchanged", "not_article"))
    parsed += sum((counts.get("dropped") or {}).values())
    return exit_code({**summary, "pages": parsed, "not_modified": 0, "same_body": 0},
                     thresholds)
