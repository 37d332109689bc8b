"""A run's URLs in Redis: a request's lease id and fingerprint, the run's dupefilter, and the
end-of-crawl check's last step (scheduler.py `_drain_check`): URLs of the run still pending
in the ledger while no request is queued or leased (a request lost with a worker or with
Redis) are queued again, once per URL (the run's `recovered` set)."""
from __future__ import annotations

import hashlib
import logging
import os
import socket
import uuid
from typing import Any

from scrapy_redis.dupefilter import RFPDupeFilter

from common import keys as stats_keys

logger = logging.getLogger(__name__)


def worker_id() -> str:
    """host:pid:random, the worker's name in the run's Redis keys."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def url_fingerprint(url: str) -> str:
    """The run's dupefilter entry for a URL (20 hex digits of its SHA-1)."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:20]


class RunDupeFilter(RFPDupeFilter):
    """scrapy-redis's dupefilter on the run's key, by the URL the ledger files outcomes
    under (not a canonicalized URL: two URLs the spider tells apart are two ledger rows)."""

    def request_fingerprint(self, request: Any) -> str:
        return url_fingerprint(lease_id(request))


# A redirect's target is claimed for the URL the spider discovered (KEYS: the run's seen set,
# its claims hash; ARGV: the target's fingerprint, the discovered URL). The same discovered
# URL may claim it again: a worker that claimed it and died before the page's outcome was
# committed leaves its lease to another worker, whose redirect must not be refused as a
# duplicate of itself (that page and every link on it would be lost).
CLAIM = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
  return 1
end
if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[2] then return 1 end
return 0
"""


def lease_id(request: Any) -> str:
    """The URL the spider discovered: a redirect's first URL."""
    return (request.meta.get("redirect_urls") or [request.url])[0]


def requeue_lost(scheduler: Any) -> int:
    """Queue the run's pending URLs again (once each); returns how many were queued."""
    run, server, keys = scheduler.run, scheduler.server, scheduler.keys
    spider = scheduler.spider
    pending = [url for url, outcome, _rid in run.run_state.ledger.db.outcomes(run.run_id)
               if outcome is None]
    pushed = 0
    for url in pending:
        if not server.sadd(keys.recovered, url):
            continue  # queued again once already: it stays pending
        request = spider._build(url) if hasattr(spider, "_build") else None
        if request is None:
            continue
        scheduler.queue.push_request(request, url, url_fingerprint(url), force=True)
        pushed += 1
    if pushed:
        scheduler.stats.inc_value(stats_keys.FRONTIER_RECOVERED, pushed)
        logger.warning("Frontier: %d URLs pending in the ledger with no request queued or "
                       "leased: queued again", pushed)
    return pushed
