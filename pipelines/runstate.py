"""RunState: what makes a run resumable and incremental, shared by the spider and the
run folder: the lock, the ledger, which run this is (new or resumed), HTTP validators.

The spider opens it in `from_crawler` (before anything is fetched) and reports every URL's
fate to it; item outcomes arrive through Scrapy's item_scraped / item_dropped signals.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from scrapy import signals

from .ledger import INTERRUPTED, Ledger
from .runinfo import STORE_FILENAME, new_run_id, output_dir
from .runlock import RunLock

logger = logging.getLogger(__name__)

LOCK_FILENAME = ".healthcrawl.lock"


class RunState:
    def __init__(self, ledger: Ledger, lock: RunLock):
        self.ledger = ledger
        self.lock = lock
        self.origin_of: dict[str, str] = {}  # final URL -> the URL discovered (redirects)
        self.closed = False

    @classmethod
    def open(cls, settings: Any, key: str) -> RunState:
        out = output_dir(settings)
        store = Path(settings.get("HEALTHCRAWL_STORE_PATH") or out / STORE_FILENAME)
        lock = RunLock(store.parent / LOCK_FILENAME)
        lock.acquire()
        try:
            ledger = Ledger.open(
                store, flush_interval_s=settings.getfloat("HEALTHCRAWL_LEDGER_FLUSH_S", 1.0))
            ledger.begin(key, settings.get("HEALTHCRAWL_RUN_ID") or new_run_id(),
                         fresh=settings.getbool("HEALTHCRAWL_FRESH"))
        except BaseException:
            lock.release()
            raise
        if ledger.resumed:
            logger.warning("Resuming interrupted run %s (use --fresh / -s HEALTHCRAWL_FRESH=1 "
                           "to start over)", ledger.run_id)
        return cls(ledger, lock)

    @property
    def run_id(self) -> str:
        return self.ledger.run_id

    @property
    def resumed(self) -> bool:
        return self.ledger.resumed

    def connect(self, crawler: Any) -> None:
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)

    def discovered_url(self, url: str) -> str:
        return self.origin_of.get(url, url)

    def item_scraped(self, item: Any, response: Any = None, spider: Any = None) -> None:
        url = self.discovered_url(item.get("url") or "")
        change = self.ledger.change_of(item["id"], item.get("content_hash") or "")
        self.ledger.finish(url, "unchanged" if change == "unchanged" else "stored", item["id"])
        if response is not None and response.status == 200:
            headers = response.headers
            self.ledger.remember_validators(
                item.get("url") or url,
                _header(headers, b"ETag"), _header(headers, b"Last-Modified"), item["id"])

    def item_dropped(self, item: Any, response: Any = None, exception: Any = None,
                     spider: Any = None) -> None:
        reason = getattr(exception, "reason", None) or "dropped"
        url = self.discovered_url(item.get("url") or "") if isinstance(item, dict) else ""
        if url:
            self.ledger.finish(url, f"dropped/{reason}")

    def finish(self, status: str) -> dict:
        """End the run in the ledger (complete / interrupted) and return its counts."""
        counts = self.ledger.counts()
        self.ledger.end(status)
        return counts

    def close(self, status: str = INTERRUPTED) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.ledger.close()
        finally:
            self.lock.release()


def _header(headers: Any, name: bytes) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value else None
