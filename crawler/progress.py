"""Progress of a long crawl: a live status line on a terminal, periodic log lines otherwise.

Switched on by HEALTHCRAWL_PROGRESS (the command line does); HEALTHCRAWL_PROGRESS_INTERVAL
sets the seconds between plain lines when stderr is not a terminal (default 10).
"""
from __future__ import annotations

import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from common.keys import DISCOVERED, PAGES


class Progress:
    def __init__(self, stats, interval: float, tty: bool):
        self.stats = stats
        self.interval = interval
        self.tty = tty
        self.started = time.monotonic()
        self._loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("HEALTHCRAWL_PROGRESS"):
            raise NotConfigured
        tty = sys.stderr.isatty()
        interval = 0.5 if tty else crawler.settings.getfloat("HEALTHCRAWL_PROGRESS_INTERVAL")
        ext = cls(crawler.stats, interval, tty)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider):
        self.started = time.monotonic()
        self._loop = task.LoopingCall(self.tick)
        self._loop.start(self.interval, now=False)

    def closed(self, spider, reason):
        if self._loop and self._loop.running:
            self._loop.stop()
        self.tick(final=True)

    def line(self) -> str:
        get = self.stats.get_value
        pages = get(PAGES, 0)
        records = get("item_scraped_count", 0)
        discovered = get(DISCOVERED, 0)
        done = get("response_received_count", 0)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = done / elapsed
        remaining = max(discovered - done, 0)
        eta = f", ETA {remaining / rate:.0f}s" if rate > 0 and remaining else ""
        return (f"{pages} pages, {records} records, {done}/{discovered} URLs, "
                f"{rate:.0f} pages/s{eta}")

    def tick(self, final: bool = False):
        text = self.line()
        # Only the command line turns this on: its output is for the person running it, on
        # stderr, whatever LOG_LEVEL hides.
        if self.tty:
            sys.stderr.write(f"\r\x1b[2K{text}" + ("\n" if final else ""))
        else:
            sys.stderr.write(f"progress: {text}\n")
        sys.stderr.flush()
