"""The shared frontier: one crawl run by several worker processes, on one machine or many,
through Redis (HEALTHCRAWL_FRONTIER=redis://HOST:PORT/DB) and a PostgreSQL store.

Built on scrapy-redis (its Scheduler, PriorityQueue and RFPDupeFilter), extended where the
stock components lose data or never stop:
- leases.py: a popped request is LEASED, not removed (owner, expiry); the worker renews its
  leases while it lives and ACKNOWLEDGES one once the URL's outcome is committed in the
  store (the ledger's commit hook, pipelines/ledger.py); a lease that is not renewed (the
  worker died) goes back to the queue. The dupefilter's SADD and the queue's ZADD are one
  script, so a URL is never marked seen without being queued.
- scheduler.py: the Scrapy scheduler on those; the crawl ends when the queue is empty, no
  lease is open and the ledger has no URL left without an outcome (stock scrapy-redis idles
  forever); keys are namespaced by run id and deleted when the run ends. urls.py: lease
  ids, fingerprints, the run's dupefilter, URLs lost and queued again at the end.
- politeness.py, robots.py: per-host concurrency and delay, and robots.txt, for the whole
  cluster rather than per process.
- addon.py: a Scrapy add-on that switches these on when HEALTHCRAWL_FRONTIER is set and is
  NotConfigured otherwise (a single-process crawl is unchanged).
- workers.py: `healthcrawl crawl --workers N`, N local worker processes.
"""
from __future__ import annotations

from .connect import FrontierError, connect, frontier_url, redacted

__all__ = ["FrontierError", "connect", "frontier_url", "redacted"]
