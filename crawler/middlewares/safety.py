"""Refuse unsafe or off-site requests, including redirect targets, before they are sent."""
from __future__ import annotations

import logging

from crawler.middlewares import Refused
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
        spider = getattr(self.crawler, "spider", None)
        if reason is None:
            # Redirects are the way off-site URLs get in: the spider only builds on-site ones.
            origins = getattr(spider, "allowed_origins", None)
            if origins and origin(request.url) not in origins:
                reason = "off_site"
        if reason is None:
            if request.meta.get("redirect_urls") and hasattr(spider, "claim_redirect") \
                    and not spider.claim_redirect(request):
                # Our requests skip Scrapy's dupefilter (the spider dedups before building
                # them), so a redirect to a page already crawled is caught here.
                raise Refused("dropped/duplicate_url", f"{request.url} already crawled")
            return
        outcome = "off_site" if reason == "off_site" else f"refused/{reason}"
        self.stats.inc_value(f"healthcrawl/outcome/{outcome}")
        logger.info("Refused %s (%s)", request.url, reason)
        raise Refused(outcome, f"healthcrawl refused {request.url}: {reason}")
