"""RunState: what makes a run resumable and incremental, shared by the spider and the
run folder: the lock, the ledger, which run this is (new or resumed), HTTP validators.

The crawler's run context opens it (crawler/run_context.py, before anything is fetched); the
spider reports every URL's fate through the context; item outcomes arrive through Scrapy's
item_scraped / item_dropped signals, and the pages that a bug ends without an outcome through
spider_error (a callback raised: `failed/spider_error`) and item_error (a pipeline raised:
`failed/pipeline_error`): a failure counted, not a URL left pending in a complete run.

A SQLite store is one process's: the flock on the output folder (pipelines/runlock.py) holds
it for the run. A PostgreSQL store is shared: no file lock; the process joins its run as a
worker (pipelines/store/base.py `join_run`), keeps a heartbeat while it crawls, and leaves at
the end; only the last worker to leave ends the run (settlement, run.json).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from scrapy import signals
from twisted.internet import task

from common.keys import FAILED
from common.paths import store_location

from . import snapshot
from .ledger import COMPLETE, INTERRUPTED, SHRANK, Ledger
from .pages import ARTICLE, DROPPED, body_digest
from .runinfo import new_run_id
from .runjoin import worker_info
from .runlock import RunLock
from .store import DB_ERRORS, JOIN_JOINED, is_server_url

logger = logging.getLogger(__name__)

LOCK_FILENAME = ".healthcrawl.lock"
# The spider puts a page's outgoing links here (response.meta), for the page memory.
LINKS_META = "healthcrawl_links"
SPIDER_ERROR, PIPELINE_ERROR = "spider_error", "pipeline_error"  # failed/<error> outcomes
DIGEST_META = "healthcrawl_body_digest"  # pipelines/pages.py body_digest of the response


class RunState:
    def __init__(self, ledger: Ledger, lock: RunLock | None,
                 max_shrink_ratio: float | None = snapshot.DEFAULT_MAX_SHRINK_RATIO,
                 heartbeat_s: float = 5.0):
        self.ledger = ledger
        self.lock = lock  # None: a shared (server) store, joined instead of locked
        self.max_shrink_ratio = max_shrink_ratio
        self.heartbeat_s = heartbeat_s
        self.alive_s = 3 * heartbeat_s
        self.origin_of: dict[str, str] = {}  # final URL -> the URL discovered (redirects)
        self.settlement: snapshot.Settlement | None = None
        self.discovery_capped = False
        self.last_worker = True  # False once it left a run that other workers carry on
        self.workers = 1  # workers of this attempt of the run, counted when it ends
        self.closed = False
        self._heartbeat: task.LoopingCall | None = None
        self._heartbeat_failed = False
        self._left = False
        self._stats: Any = None

    @classmethod
    def open(cls, settings: Any, key: str, run_id: str | None = None) -> RunState:
        """`run_id` names the run if it is a new one (a resumed or joined run keeps its own)."""
        location = store_location(settings)
        lock = None
        if not is_server_url(location):
            lock = RunLock(Path(location).parent / LOCK_FILENAME)
            lock.acquire()
        heartbeat_s = max(0.1, settings.getfloat("HEALTHCRAWL_WORKER_HEARTBEAT_S"))
        try:
            ledger = Ledger.open(
                location, flush_interval_s=settings.getfloat("HEALTHCRAWL_LEDGER_FLUSH_S"),
                retry_s=settings.getfloat("HEALTHCRAWL_STORE_RETRY_S"))
            try:
                ledger.begin(key, run_id or settings.get("HEALTHCRAWL_RUN_ID") or new_run_id(),
                             fresh=settings.getbool("HEALTHCRAWL_FRESH"),
                             worker=worker_info(settings), alive_s=3 * heartbeat_s)
            except BaseException:
                ledger.db.close()
                raise
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if ledger.mode == JOIN_JOINED:
            logger.warning("Joining run %s (%d other worker(s) alive)", ledger.run_id,
                           ledger.others)
        elif ledger.resumed:
            logger.warning("Resuming interrupted run %s (use --fresh / -s HEALTHCRAWL_FRESH=1 "
                           "to start over)", ledger.run_id)
        ratio = settings.getfloat("HEALTHCRAWL_MAX_SHRINK_RATIO")
        return cls(ledger, lock, max_shrink_ratio=None if ratio < 0 else ratio,
                   heartbeat_s=heartbeat_s)

    @property
    def joined(self) -> bool:
        """It joined a run other workers were crawling (not resumed after a crash)."""
        return self.ledger.mode == JOIN_JOINED

    @property
    def run_id(self) -> str:
        return self.ledger.run_id

    @property
    def resumed(self) -> bool:
        return self.ledger.resumed

    def connect(self, crawler: Any) -> None:
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.spider_error, signal=signals.spider_error)
        crawler.signals.connect(self.item_error, signal=signals.item_error)
        self._stats = crawler.stats
        if self.lock is None:  # a shared store: other workers see this one alive
            self._heartbeat = task.LoopingCall(self._beat)
            crawler.signals.connect(self._start_heartbeat, signal=signals.engine_started)

    def _start_heartbeat(self) -> None:
        if self._heartbeat is not None and not self._heartbeat.running and not self.closed:
            self._heartbeat.start(self.heartbeat_s, now=False)

    def _beat(self) -> None:
        try:
            self.ledger.db.heartbeat(self.ledger.worker.worker_id)
        except DB_ERRORS as exc:
            if not self._heartbeat_failed:
                logger.warning("Run %s: heartbeat not recorded (%s); retrying", self.run_id, exc)
            self._heartbeat_failed = True
            return
        self._heartbeat_failed = False

    def _stop_heartbeat(self) -> None:
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()

    def discovered_url(self, url: str) -> str:
        return self.origin_of.get(url, url)

    def item_scraped(self, item: Any, response: Any = None, spider: Any = None) -> None:
        url = self.discovered_url(item.get("url") or "")
        change = self.ledger.change_of(item["id"], item.get("content_hash") or "")
        self.ledger.finish(url, "unchanged" if change == "unchanged" else "stored", item["id"])
        if response is not None and response.status == 200:
            headers = response.headers
            self.ledger.remember_page(
                response.url, ARTICLE, response.meta.get(LINKS_META, ()),
                header_value(headers, b"ETag"), header_value(headers, b"Last-Modified"), item["id"],
                digest_of(response))

    def item_dropped(self, item: Any, response: Any = None, exception: Any = None,
                     spider: Any = None) -> None:
        reason = getattr(exception, "reason", None) or "dropped"
        url = self.discovered_url(item.get("url") or "") if isinstance(item, dict) else ""
        if url:
            self.ledger.finish(url, f"dropped/{reason}")
        if response is not None and response.status == 200:
            # Links kept as evidence; no validators: next time the page is fetched in full.
            self.ledger.remember_page(response.url, DROPPED, response.meta.get(LINKS_META, ()))

    def spider_error(self, failure: Any, response: Any = None, spider: Any = None) -> None:
        # Scrapy logged the traceback. A record the callback yielded before it raised is
        # stored after this and its outcome ("stored") replaces this one.
        if response is not None:
            self._failed(self.discovered_url(response.url), SPIDER_ERROR)

    def item_error(self, item: Any, response: Any = None, spider: Any = None,
                   failure: Any = None) -> None:
        url = item.get("url") if isinstance(item, dict) else None
        if url:
            self._failed(self.discovered_url(url), PIPELINE_ERROR)

    def _failed(self, url: str, error: str) -> None:
        if self._stats is not None:
            self._stats.inc_value(FAILED + error)
        self.ledger.finish(url, f"failed/{error}")

    def settle(self, discovery_capped: bool = False) -> snapshot.Settlement:
        """The crawl ran out of work: decide what the snapshot keeps and removes (written
        by `finish` if the run ends complete); the export writes the kept records."""
        self.ledger.flush()
        self.discovery_capped = discovery_capped
        self.settlement = snapshot.settle(self.ledger.db, self.run_id,
                                          discovery_capped=discovery_capped,
                                          max_shrink_ratio=self.max_shrink_ratio)
        return self.settlement

    def kept_records(self):
        ids = self.settlement.kept if self.settlement is not None else []
        return snapshot.kept_records(self.ledger.db, ids)

    def finish(self, status: str) -> dict | None:
        """Leave the run; the last worker ends it in the ledger (complete / interrupted) and
        returns its counts (None: other workers carry the run on). A complete run persists
        its settlement and ends `shrank` if the guard tripped."""
        self._left = True
        self.last_worker = self.ledger.leave(self.alive_s)
        if not self.last_worker:
            self._stop_heartbeat()
            logger.warning("Run %s: this worker is done; the run goes on with other workers, "
                           "and the last to finish ends it", self.run_id)
            return None
        if self.lock is None:
            self.workers = self.ledger.db.run_workers(self.run_id)
        if status == COMPLETE and self.settlement is not None and self.workers > 1:
            # Settled when this worker ran out of work; the others have finished since.
            self.settle(self.discovery_capped)
        counts = self.ledger.counts()
        settled = self.settlement
        if status == COMPLETE and settled is not None:
            snapshot.persist(self.ledger.db, self.run_id, settled)
            counts["not_rechecked"] = len(settled.kept)
            if settled.shrank:
                status = SHRANK
        self.ledger.end(status, counts["discovered"])
        return counts

    def close(self, status: str = INTERRUPTED) -> None:
        if self.closed:
            return
        self.closed = True
        self._stop_heartbeat()
        try:
            if not self._left and self.lock is None:
                # Ended without finishing (an error): other workers need not wait for this
                # one's heartbeat to go stale.
                self._left = True
                try:
                    self.ledger.leave(self.alive_s)
                except DB_ERRORS as exc:
                    logger.warning("Run %s: could not leave the run: %s", self.run_id, exc)
            self.ledger.close()
        finally:
            if self.lock is not None:
                self.lock.release()


def digest_of(response: Any) -> str:
    """pipelines/pages.py `body_digest` of a response fetched in full, computed once (the
    spider may have computed it to compare with the page's memo)."""
    digest = response.meta.get(DIGEST_META)
    if digest is None:
        digest = response.meta[DIGEST_META] = body_digest(response.body)
    return digest


def header_value(headers: Any, name: bytes) -> str | None:
    """An HTTP header as text (validators are ASCII; latin-1 never fails)."""
    value = headers.get(name)
    return value.decode("latin-1") if value else None
