"""robots.txt per RFC 9309: 4xx means no rules (allow), 5xx or unreachable means disallow
all for that host (Scrapy's stock middleware parses a 503 error page as allow-all)."""
from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.misc import build_from_crawler

from crawler.middlewares import Refused

logger = logging.getLogger(__name__)

DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def _parse_robots(self, response, netloc, request):
        if response.status >= 500:
            logger.warning("robots.txt of %s answered %d: treating the host as disallowed",
                           netloc, response.status)
            response = response.replace(body=DISALLOW_ALL)
        elif response.status >= 400:
            response = response.replace(body=b"")
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc, netloc):
        logger.warning("robots.txt of %s unreachable (%s): treating the host as disallowed",
                       netloc, exc)
        self._stats.inc_value(f"robotstxt/exception_count/{type(exc).__name__}")
        # Unlike the parent (which resolves to None = allow all), waiters get a deny-all parser.
        parser = build_from_crawler(self._parserimpl, self.crawler, DISALLOW_ALL)
        waiting, self._parsers[netloc] = self._parsers[netloc], parser
        waiting.callback(parser)

    def process_request_2(self, rp, request):
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest:
            self._stats.inc_value("healthcrawl/outcome/robots_denied")
            raise Refused("robots_denied", f"Forbidden by robots.txt: {request.url}") from None
