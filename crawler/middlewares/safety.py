"""Refuse unsafe or off-site requests, including redirect targets, before they are sent."""
from __future__ import annotations

import logging
from urllib.parse import urljoin

from w3lib.url import safe_url_string

from common.keys import OUTCOME
from crawler.middlewares import Refused
from crawler.middlewares.robots import MAX_REDIRECTS, is_robots_request
from crawler.run_context import RunContext
from crawler.urlpolicy import origin, parse_allowed_hosts, refusal

logger = logging.getLogger(__name__)

# The statuses Scrapy's RedirectMiddleware follows (it leaves 300 and 304 alone).
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CLAIMED = "healthcrawl_redirect_claimed"


class SafetyMiddleware:
    def __init__(self, stats, allowed_private: frozenset[str], run: RunContext | None = None):
        self.stats = stats
        self.allowed_private = allowed_private
        self.run = run

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats,
                   parse_allowed_hosts(crawler.settings.get("HEALTHCRAWL_ALLOW_PRIVATE_HOSTS")),
                   RunContext.of(crawler))

    def process_request(self, request):
        reason = refusal(request.url, self.allowed_private)
        scope = self.run.scope if self.run is not None else None
        if is_robots_request(request):
            # robots.txt may redirect to another origin (RFC 9309), at most MAX_REDIRECTS
            # times; it is no page of the run, so no outcome is counted for it.
            request.meta.setdefault("redirect_ttl", MAX_REDIRECTS)
            if reason is not None:
                self._refuse(request.url, reason, count=False)
            return
        if reason is None and scope is not None and scope.origins \
                and origin(request.url) not in scope.origins:
            # Redirects are the way off-site URLs get in: the spider only builds on-site ones.
            reason = "off_site"
        if reason is None:
            if request.meta.get("redirect_urls") and not request.meta.get(CLAIMED) \
                    and scope is not None:
                # Our requests skip Scrapy's dupefilter (the spider dedups before building
                # them), so a redirect to a page the run has seen is caught here.
                if not self.run.claim(request.url, request.meta["redirect_urls"][0]):
                    raise Refused("dropped/duplicate_url", f"{request.url} already crawled")
                # A retry of this request (a copy, meta included) is not a duplicate.
                request.meta[CLAIMED] = True
            return
        self._refuse(request.url, reason)

    def process_response(self, request, response):
        """A redirect to a scheme Scrapy does not follow (file:, data:, ...) is handed back as
        the 3xx response itself (a redirect it follows comes back through process_request as
        a new Request): refuse its target here, or it would end as failed/http_302."""
        if response.status not in REDIRECT_STATUSES or request.meta.get("dont_redirect"):
            return response
        location = response.headers.get(b"Location")
        if not location:
            return response
        target = urljoin(request.url, safe_url_string(location.decode("latin-1")))
        reason = refusal(target, self.allowed_private)
        if reason is not None:
            self._refuse(target, reason, count=not is_robots_request(request))
        return response

    def _refuse(self, url: str, reason: str, count: bool = True):
        outcome = "off_site" if reason == "off_site" else f"refused/{reason}"
        if count:  # a page's outcome (a robots.txt redirect is none)
            self.stats.inc_value(OUTCOME + outcome)
        logger.info("Refused %s (%s)", url, reason)
        raise Refused(outcome, f"healthcrawl refused {url}: {reason}")
