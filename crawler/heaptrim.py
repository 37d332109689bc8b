"""Freed heap handed back to the system at intervals while a crawl runs (common/heap.py).

Without it the crawl process's RSS keeps the high-water mark of its C heap: one large
sitemap or a run of long pages leaves pages freed but resident for the rest of the crawl,
and the more of them a site has, the higher the crawl's RSS when the Parquet export starts
at close (its peak). HEALTHCRAWL_HEAP_TRIM_S sets the interval; 0 switches it off.

htmldate's date caches (up to 8,192 entries each, ~2.5 MB at most) are left alone: emptying
them at every tick would save ~1.3 MB at 20,000 articles, less than the spread between runs
(bench/README.md, "Compact per-URL state").
"""
from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from common.heap import trim_heap


class HeapTrim:
    def __init__(self, interval_s: float):
        self.interval_s = interval_s
        self.loop = task.LoopingCall(trim_heap)

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("HEALTHCRAWL_HEAP_TRIM_S")
        if interval <= 0:
            raise NotConfigured("HEALTHCRAWL_HEAP_TRIM_S is 0")
        ext = cls(interval)
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def engine_started(self):
        # now=False: start-up has freed little yet; the first trim comes one interval in.
        self.loop.start(self.interval_s, now=False)

    def engine_stopped(self):
        if self.loop.running:
            self.loop.stop()
