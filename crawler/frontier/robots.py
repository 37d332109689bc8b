"""robots.txt once per host per run for the whole cluster: the first worker to need a
host's rules fetches them (as crawler/middlewares/robots.py does, same RFC 9309 handling)
and keeps the rules it settled on in Redis (`healthcrawl:<run id>:robots`, host -> rules);
the others read them from there instead of fetching. A worker that finds another fetching
(a short lock) waits for the rules, and fetches itself if they do not come."""
from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from scrapy.exceptions import NotConfigured
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler

from common import keys
from crawler.middlewares.robots import StrictRobotsTxtMiddleware
from crawler.run_context import RunContext

from .connect import FrontierError, connect, frontier_url
from .leases import RunKeys

logger = logging.getLogger(__name__)

FETCH_LOCK_S = 60
WAIT_STEP_S = 0.1


class FrontierRobotsTxtMiddleware(StrictRobotsTxtMiddleware):
    def __init__(self, crawler: Any):
        super().__init__(crawler)
        url = frontier_url(crawler.settings)
        if not url:
            raise NotConfigured("HEALTHCRAWL_FRONTIER is not set")
        try:
            self.server = connect(url)
        except FrontierError as exc:
            raise NotConfigured(str(exc)) from None
        self.wait_s = crawler.settings.getfloat("DOWNLOAD_TIMEOUT") + 5

    def _key(self) -> str:
        return RunKeys.of(RunContext.of(self.crawler).run_id).robots

    async def robot_parser(self, request: Any) -> Any:
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            rules = await self._shared_rules(netloc)
            if rules is not None:
                self._parsers[netloc] = build_from_crawler(self._parserimpl, self.crawler,
                                                           rules)
                self._stats.inc_value(keys.ROBOTSTXT_SHARED)
        return await super().robot_parser(request)

    async def _shared_rules(self, netloc: str) -> bytes | None:
        """The rules another worker settled on, else None (this worker fetches them)."""
        key = self._key()
        deadline = time.monotonic() + self.wait_s
        try:
            while True:
                rules = self.server.hget(key, netloc)
                if rules is not None:
                    return rules
                if self.server.set(f"{key}:lock:{netloc}", "1", nx=True, ex=FETCH_LOCK_S):
                    return None  # ours to fetch
                if time.monotonic() > deadline:
                    return None
                await asyncio.sleep(WAIT_STEP_S)
        except Exception as exc:
            import redis

            if not isinstance(exc, (redis.RedisError, OSError)):
                raise
            logger.warning("Frontier: shared robots.txt unreachable (%s); fetching", exc)
            return None

    def rules_settled(self, netloc: str, rules: bytes) -> None:
        key = self._key()
        try:
            self.server.hset(key, netloc, rules)
            self.server.delete(f"{key}:lock:{netloc}")
        except Exception as exc:
            logger.warning("Frontier: robots.txt of %s not shared (%s)", netloc, exc)
