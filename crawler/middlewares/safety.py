"""Refuse unsafe or off-site requests, including redirect targets, before they are sent."""
from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest

from crawler.urlpolicy import origin, parse_allowed_hosts, refusal

logger = logging.getLogger(__name__)


class SafetyMiddleware:
    def __init__(self, stats, allowed_private: frozenset[str]):
        self.stats = stats
        self.allowed_private = allowed_private
        self.crawler = None

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(crawler.stats,
                 parse_allowed_hosts(crawler.settings.get("HEALTHCRAWL_ALLOW_PRIVATE_HOSTS")))
        mw.crawler = crawler
        return mw

    def process_request(self, request):
        reason = refusal(request.url, self.allowed_private)
        if reason is None:
            # Redirects are the way off-site URLs get in: the spider only builds on-site ones.
            origins = getattr(getattr(self.crawler, "spider", None), "allowed_origins", None)
            if origins and origin(request.url) not in origins:
                reason = "off_site"
        if reason is None:
            return
        outcome = "off_site" if reason == "off_site" else f"refused/{reason}"
        self.stats.inc_value(f"healthcrawl/outcome/{outcome}")
        logger.info("Refused %s (%s)", request.url, reason)
        raise IgnoreRequest(f"healthcrawl refused {request.url}: {reason}")
