"""The `health` spider: navigation only. Content selectors live in crawler/sites/ and
extraction in cleaners/.

    scrapy crawl health -a site=demo [-a url=http://127.0.0.1:8765/]
    scrapy crawl health -a url=https://example.org/health/ [-a generic=1]
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml import etree
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionLost,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)

from cleaners.extract import extract_article
from cleaners.html import parse_html
from cleaners.record import to_record
from crawler.links import HREFS, SITEMAP_INDEX, SITEMAP_LOCS, SITEMAP_PARSER, page_url
from crawler.page_kind import is_generic_article
from crawler.runid import new_run_id
from crawler.sites import Site, get_site
from crawler.urlpolicy import origin, parse_allowed_hosts, refusal

logger = logging.getLogger(__name__)

_ERRORS = ((TimeoutError, "timeout"), (TCPTimedOutError, "timeout"), (DNSLookupError, "dns"),
           (ConnectionRefusedError, "connection_refused"), (ConnectionLost, "connection_lost"))
HTML_TYPES = (b"text/html", b"application/xhtml+xml")


class HealthSpider(scrapy.Spider):
    name = "health"

    def __init__(self, site: str | None = None, url: str | None = None,
                 generic: str | bool = False, max_pages: str | int = 0, **kwargs):
        super().__init__(**kwargs)
        if not site and not url:
            raise ValueError("give -a site=KEY or -a url=START_URL")
        self.site: Site | None = get_site(site) if site else None
        base = url or (self.site.default_base if self.site else None)
        if not base or urlsplit(base).scheme not in ("http", "https"):
            raise ValueError(f"start URL must be http(s): {base!r}")
        self.base_url = base
        self.site_key = self.site.key if self.site else (urlsplit(base).hostname or "")
        self.generic = str(generic).lower() in ("1", "true", "yes", "on")
        self.max_pages = int(max_pages or 0)
        self.allowed_origins = frozenset({origin(base)})
        self._seen: set[str] = set()
        self._scheduled = 0

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        settings = crawler.settings
        kwargs.setdefault("max_pages", settings.getint("HEALTHCRAWL_MAX_PAGES"))
        if settings.getbool("HEALTHCRAWL_GENERIC"):
            kwargs["generic"] = True
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.run_id = settings.get("HEALTHCRAWL_RUN_ID") or new_run_id()
        spider.allowed_private = parse_allowed_hosts(
            settings.get("HEALTHCRAWL_ALLOW_PRIVATE_HOSTS"))
        return spider

    # -- discovery --------------------------------------------------------------------------
    async def start(self):
        reason = refusal(self.base_url, self.allowed_private)
        if reason:
            logger.error("Start URL %s refused: %s (allow private hosts with "
                         "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS)", self.base_url, reason)
            self.crawler.stats.set_value("healthcrawl/config_error", reason)
            return
        starts = [urljoin(self.base_url, p) for p in self.site.start_paths] if self.site \
            else [self.base_url]
        for url in starts:
            request = self._request(url)
            if request is not None:
                yield request
        sitemap = self.site.sitemap_path if self.site else "/sitemap.xml"
        if sitemap:
            yield scrapy.Request(urljoin(self.base_url, sitemap), callback=self.parse_sitemap,
                                 errback=self.sitemap_failed, priority=10)

    def _request(self, url: str) -> scrapy.Request | None:
        """Build a Request only for a new, on-site URL (a dropped Request still costs ~0.1 ms)."""
        if url in self._seen:
            return None
        self._seen.add(url)
        if origin(url) not in self.allowed_origins:
            return None
        if self.max_pages and self._scheduled >= self.max_pages:
            return None
        self._scheduled += 1
        self.crawler.stats.inc_value("healthcrawl/discovered")
        return scrapy.Request(url, callback=self.parse, errback=self.failed)

    def _follow(self, root, base: str):
        for href in HREFS(root):
            url = page_url(base, href)
            if url is None or url in self._seen:
                continue
            if self.site and not self.generic and not self._worth_following(url):
                self._seen.add(url)
                continue
            request = self._request(url)
            if request is not None:
                yield request

    def _worth_following(self, url: str) -> bool:
        path = urlsplit(url).path
        for profile in self.site.profiles:
            if profile.is_article(path) or profile.follow_re is None \
                    or profile.follow_re.search(path):
                return True
        return False

    def parse_sitemap(self, response):
        root = etree.fromstring(response.body, parser=SITEMAP_PARSER)
        if root is None:
            logger.warning("Unreadable sitemap %s", response.url)
            return
        locs = [loc.strip() for loc in SITEMAP_LOCS(root)]
        if SITEMAP_INDEX(root):
            for loc in locs:
                if origin(loc) in self.allowed_origins and loc not in self._seen:
                    self._seen.add(loc)
                    yield scrapy.Request(loc, callback=self.parse_sitemap,
                                         errback=self.sitemap_failed)
            return
        self.crawler.stats.inc_value("healthcrawl/sitemap_urls", len(locs))
        for loc in locs:
            request = self._request(loc)
            if request is not None:
                yield request

    def sitemap_failed(self, failure):
        logger.info("No sitemap: %s", failure.value)

    # -- pages ------------------------------------------------------------------------------
    def parse(self, response):
        stats = self.crawler.stats
        self._seen.add(response.url)  # a redirect target is seen too
        content_type = response.headers.get(b"Content-Type", b"").lower()
        if content_type and not content_type.startswith(HTML_TYPES):
            stats.inc_value("healthcrawl/outcome/failed/non_html")
            logger.info("Not HTML (%s): %s", content_type.decode("latin-1"), response.url)
            return
        header_charset = _charset(content_type)
        root, warnings = parse_html(response.body, header_charset)
        stats.inc_value("healthcrawl/pages")
        yield from self._follow(root, response.url)

        profile = None
        if self.site and not self.generic:
            profile = self.site.profile_for(response.url)
            if profile is None:
                stats.inc_value("healthcrawl/outcome/not_article")
                return
        elif not is_generic_article(root, response.url):
            stats.inc_value("healthcrawl/outcome/not_article")
            return
        try:
            article = extract_article(root, response.url, profile)
        except Exception:  # one broken page must not stop the run
            logger.exception("Extraction failed: %s", response.url)
            stats.inc_value("healthcrawl/outcome/failed/extraction_error")
            return
        article.warnings[:0] = warnings
        for warning in set(article.warnings):
            stats.inc_value(f"healthcrawl/warning/{warning}")
        yield to_record(article, url=response.url, site=self.site_key, fetched_at=_now(),
                        http_status=response.status, run_id=self.run_id)

    def failed(self, failure):
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            return  # refused by our guards or robots.txt: counted where refused
        if failure.check(HttpError):
            error = f"http_{failure.value.response.status}"
        else:
            error = next((name for exc, name in _ERRORS if failure.check(exc)),
                         _snake(type(failure.value).__name__))
        self.crawler.stats.inc_value(f"healthcrawl/outcome/failed/{error}")
        logger.warning("Failed %s: %s", failure.request.url, error)


def _charset(content_type: bytes) -> str | None:
    _, _, params = content_type.partition(b";")
    for param in params.split(b";"):
        key, _, value = param.strip().partition(b"=")
        if key.strip() == b"charset" and value:
            return value.strip(b"\"' ").decode("latin-1")
    return None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")
