"""StorePipeline: upsert every record into the store and count new/changed/unchanged."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from scrapy.exceptions import NotConfigured

from common.keys import CHANGE, STORE_ERRORS, STORE_RETRIES, STORED
from common.paths import store_location

from ..runinfo import RunInfo, run_of
from . import DB_ERRORS, Store, display_url, is_server_url, open_store
from .queue import NOT_READ
from .sqlite import BATCH_SIZE, FLUSH_S

logger = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, path: str | Path, batch_size: int = BATCH_SIZE,
                 flush_interval_s: float = FLUSH_S, run_id: str | None = None, stats: Any = None,
                 retry_s: float = 0.0):
        # A file path, or a server URL (kept as text: a URL is not a path).
        self.path = path if is_server_url(path) else Path(path)
        self.retry_s = retry_s
        self.batch_size = batch_size
        self.flush_interval_s = flush_interval_s
        self.run_id = run_id
        self.stats = stats
        self.run: RunInfo | None = None
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        settings = crawler.settings
        if not settings.getbool("HEALTHCRAWL_STORE_ENABLED"):
            raise NotConfigured("HEALTHCRAWL_STORE_ENABLED is off")
        path = store_location(settings)
        pipeline = cls(path, batch_size=settings.getint("HEALTHCRAWL_STORE_BATCH_SIZE"),
                       flush_interval_s=settings.getfloat("HEALTHCRAWL_STORE_FLUSH_S"),
                       stats=crawler.stats,
                       retry_s=settings.getfloat("HEALTHCRAWL_STORE_RETRY_S"))
        pipeline.run = run_of(crawler)
        return pipeline

    def open_spider(self) -> None:
        if self.run_id is None and self.run is not None:
            self.run_id = self.run.run_id
        # An unusable store (not a database, a newer schema, an unwritable folder, a full
        # disk) is a configuration error of the run: one line, exit code 1, nothing
        # fetched (the spider found the same error and does not start).
        try:
            self.store = open_store(self.path, batch_size=self.batch_size,
                                    flush_interval_s=self.flush_interval_s, retry_s=self.retry_s)
        except DB_ERRORS as exc:
            logger.error("Cannot open the store %s: %s", display_url(str(self.path)), exc)
            if self.run is not None:
                self.run.fail(f"store: {exc}")
            return
        logger.info("Store %s opened (run %s)", self.store.path, self.run_id)

    def process_item(self, item: Any) -> Any:
        if self.store is None:  # could not be opened: a configuration error, nothing crawled
            self._inc(STORE_ERRORS)
            return item
        try:
            status = self.store.upsert(item, self.run_id or "")
        except DB_ERRORS:
            # The record still goes on to the export (a snapshot of what the run saw); the
            # error count makes the run summary say the run is not complete.
            logger.exception("Store write failed for %s", item.get("url"))
            self._inc(STORE_ERRORS)
            return item
        self._inc(STORED)
        self._inc(CHANGE + status)
        history = getattr(self.store, "last_history", NOT_READ)
        run_state = self.run.run_state if self.run is not None else None
        if history is not NOT_READ and run_state is not None:
            # The ledger judges the record from this row rather than reading it again.
            run_state.ledger.note_history(item["id"], item.get("content_hash") or "", history)
        return item

    def close_spider(self) -> None:
        if self.store is None:
            return
        if self.store.flush_errors and self.stats is not None:
            # Retried commits lost nothing (the rows stayed queued); only a failed final commit
            # or a failed lookup counts as an error that makes the run incomplete.
            self.stats.set_value(STORE_RETRIES, self.store.flush_errors)
        try:
            self.store.close()
        except DB_ERRORS:
            logger.exception("Store %s: final commit failed", self.store.path)
            self._inc(STORE_ERRORS)
        self.store = None

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)
