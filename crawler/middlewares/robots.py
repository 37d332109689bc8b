"""robots.txt per RFC 9309: 4xx means no rules (allow), 5xx or unreachable means disallow
all for that host (Scrapy's stock middleware parses a 503 error page as allow-all).

Also per RFC 9309 (2.3.1.2, 2.5): redirects are followed up to MAX_REDIRECTS hops, to other
origins too (http -> https, www.), with more than that the file counts as unavailable
(allow all); only the first MAX_BYTES are parsed (a 5 MB file of 180,000 rules made every URL
check take 70 ms on the event loop), cut at a line end."""
from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.misc import build_from_crawler

from common.keys import ROBOTS_DENIED, ROBOTS_TRUNCATED
from crawler.middlewares import Refused

logger = logging.getLogger(__name__)

DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"
MAX_BYTES = 500 * 1024  # RFC 9309 2.5: a parsing limit of at least 500 KiB
MAX_REDIRECTS = 5  # RFC 9309 2.3.1.2: follow at least five consecutive redirects
TOO_MANY_REDIRECTS = "max redirections reached"  # scrapy.downloadermiddlewares.redirect


def is_robots_request(request) -> bool:
    """The robots.txt request of RobotsTxtMiddleware, or a redirect it led to."""
    if not request.meta.get("dont_obey_robotstxt"):
        return False
    first = (request.meta.get("redirect_urls") or [request.url])[0]
    return first.endswith("/robots.txt")


def capped(body: bytes, limit: int = MAX_BYTES) -> bytes:
    """The first `limit` bytes, cut after the last whole line (a rule is never half read)."""
    if len(body) <= limit:
        return body
    cut = body.rfind(b"\n", 0, limit)
    return body[:cut + 1] if cut >= 0 else b""


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def _parse_robots(self, response, netloc, request):
        if response.status >= 500:
            logger.warning("robots.txt of %s answered %d: treating the host as disallowed",
                           netloc, response.status)
            response = response.replace(body=DISALLOW_ALL)
        elif response.status >= 400:
            response = response.replace(body=b"")
        elif len(response.body) > MAX_BYTES:
            logger.warning("robots.txt of %s is %d bytes: only the first %d KiB are read",
                           netloc, len(response.body), MAX_BYTES // 1024)
            self._stats.inc_value(ROBOTS_TRUNCATED)
            response = response.replace(body=capped(response.body))
        self.rules_settled(netloc, response.body)
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc, netloc):
        if isinstance(exc, IgnoreRequest) and str(exc) == TOO_MANY_REDIRECTS:
            logger.warning("robots.txt of %s: more than %d redirects, treated as unavailable "
                           "(allow all)", netloc, MAX_REDIRECTS)
            self._settle(netloc, b"")
            return
        logger.warning("robots.txt of %s unreachable (%s): treating the host as disallowed",
                       netloc, exc)
        self._stats.inc_value(f"robotstxt/exception_count/{type(exc).__name__}")
        # Unlike the parent (which resolves to None = allow all), waiters get a deny-all parser.
        self._settle(netloc, DISALLOW_ALL)

    def _settle(self, netloc: str, rules: bytes) -> None:
        self.rules_settled(netloc, rules)
        parser = build_from_crawler(self._parserimpl, self.crawler, rules)
        waiting, self._parsers[netloc] = self._parsers[netloc], parser
        waiting.callback(parser)

    def rules_settled(self, netloc: str, rules: bytes) -> None:
        """The rules this host's URLs are checked against, once per host: a hook for
        crawler/frontier/robots.py, which shares them with the other workers of the run."""

    def process_request_2(self, rp, request):
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest:
            self._stats.inc_value(ROBOTS_DENIED)
            raise Refused("robots_denied", f"Forbidden by robots.txt: {request.url}") from None
