"""RunState: what makes a run resumable and incremental, shared by the spider and the
run folder: the lock, the ledger, which run this is (new or resumed), HTTP validators.

The crawler's run context opens it (crawler/run_context.py, before anything is fetched); the
spider reports every URL's fate through the context; item outcomes arrive through Scrapy's
item_scraped / item_dropped signals.
"""
from __future__ import annotations

import logging
from typing import Any

from scrapy import signals

from common.paths import store_path

from . import snapshot
from .ledger import COMPLETE, INTERRUPTED, SHRANK, Ledger
from .pages import ARTICLE, DROPPED
from .runinfo import new_run_id
from .runlock import RunLock

logger = logging.getLogger(__name__)

LOCK_FILENAME = ".healthcrawl.lock"
# The spider puts a page's outgoing links here (response.meta), for the page memory.
LINKS_META = "healthcrawl_links"


class RunState:
    def __init__(self, ledger: Ledger, lock: RunLock,
                 max_shrink_ratio: float | None = snapshot.DEFAULT_MAX_SHRINK_RATIO):
        self.ledger = ledger
        self.lock = lock
        self.max_shrink_ratio = max_shrink_ratio
        self.origin_of: dict[str, str] = {}  # final URL -> the URL discovered (redirects)
        self.settlement: snapshot.Settlement | None = None
        self.closed = False

    @classmethod
    def open(cls, settings: Any, key: str, run_id: str | None = None) -> RunState:
        """`run_id` names the run if it is a new one (a resumed run keeps its own)."""
        store = store_path(settings)
        lock = RunLock(store.parent / LOCK_FILENAME)
        lock.acquire()
        try:
            ledger = Ledger.open(
                store, flush_interval_s=settings.getfloat("HEALTHCRAWL_LEDGER_FLUSH_S"))
            ledger.begin(key, run_id or settings.get("HEALTHCRAWL_RUN_ID") or new_run_id(),
                         fresh=settings.getbool("HEALTHCRAWL_FRESH"))
        except BaseException:
            lock.release()
            raise
        if ledger.resumed:
            logger.warning("Resuming interrupted run %s (use --fresh / -s HEALTHCRAWL_FRESH=1 "
                           "to start over)", ledger.run_id)
        ratio = settings.getfloat("HEALTHCRAWL_MAX_SHRINK_RATIO")
        return cls(ledger, lock, max_shrink_ratio=None if ratio < 0 else ratio)

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
            self.ledger.remember_page(
                response.url, ARTICLE, response.meta.get(LINKS_META, ()),
                header_value(headers, b"ETag"), header_value(headers, b"Last-Modified"), item["id"])

    def item_dropped(self, item: Any, response: Any = None, exception: Any = None,
                     spider: Any = None) -> None:
        reason = getattr(exception, "reason", None) or "dropped"
        url = self.discovered_url(item.get("url") or "") if isinstance(item, dict) else ""
        if url:
            self.ledger.finish(url, f"dropped/{reason}")
        if response is not None and response.status == 200:
            # Links kept as evidence; no validators: next time the page is fetched in full.
            self.ledger.remember_page(response.url, DROPPED, response.meta.get(LINKS_META, ()))

    def settle(self, discovery_capped: bool = False) -> snapshot.Settlement:
        """The crawl ran out of work: decide what the snapshot keeps and removes (written
        by `finish` if the run ends complete); the export writes the kept records."""
        self.ledger.flush()
        self.settlement = snapshot.settle(self.ledger.db, self.run_id,
                                          discovery_capped=discovery_capped,
                                          max_shrink_ratio=self.max_shrink_ratio)
        return self.settlement

    def kept_records(self):
        ids = self.settlement.kept if self.settlement is not None else []
        return snapshot.kept_records(self.ledger.db, ids)

    def finish(self, status: str) -> dict:
        """End the run in the ledger (complete / interrupted) and return its counts. A
        complete run persists its settlement and ends `shrank` if the guard tripped."""
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
        try:
            self.ledger.close()
        finally:
            self.lock.release()


def header_value(headers: Any, name: bytes) -> str | None:
    """An HTTP header as text (validators are ASCII; latin-1 never fails)."""
    value = headers.get(name)
    return value.decode("latin-1") if value else None
