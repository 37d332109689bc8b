"""The `health` spider: navigation only. Content selectors live in crawler/sites/ and
extraction in cleaners/; every URL's fate goes to the run ledger through the run context
(crawler/run_context.py).

    scrapy crawl health -a site=demo [-a url=http://127.0.0.1:8765/]
    scrapy crawl health -a url=https://example.org/health/ [-a generic=1]
"""
from __future__ import annotations

import logging
import sys
from collections import deque
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml import etree
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.spidermiddlewares.httperror import HttpError

from cleaners.analyze import NOT_HTML, PageAnalysis, analyze_page
from common import keys
from common.clock import utc_now
from crawler.extract_worker import ExtractWorkers, analyze, workers_for
from crawler.failures import failure_outcome
from crawler.learning import SiteLearning
from crawler.links import SITEMAP_INDEX, SITEMAP_LOCS, SITEMAP_PARSER, HrefResolver, request_url
from crawler.responses import charset_of
from crawler.run_context import RunContext, RunScope
from crawler.sites import Site, get_site
from crawler.traps import TrapGuard
from crawler.urlpolicy import origin, parse_allowed_hosts, refusal
from crawler.worker_pool import WorkerDied

logger = logging.getLogger(__name__)

HTML_TYPES = (b"text/html", b"application/xhtml+xml")
IDLE_BATCH = 128  # released at once when the scheduler runs dry
# Requests out at once (queued in Scrapy or in flight), per allowed concurrent request: more
# new URLs wait in the backlog as plain strings. Sitemap URLs released at a fixed rate per
# page piled up as Requests (~3.5 KB each) once the sitemap outran the crawl: peak RSS grew
# by ~50 MB from 2,000 to 20,000 articles (bench/README.md).
PENDING_PER_SLOT = 4


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
        self.run: RunContext  # the crawl's run (crawler/run_context.py), from from_crawler
        self._seen: set[str] = set()  # the run's (RunContext.seen), from from_crawler
        self._hrefs = HrefResolver()  # href -> page URL, origin-wide hrefs cached
        self._backlog: deque[str] = deque()
        self._scheduled = 0
        self._pending = 0  # Requests built whose callback or errback has not run yet
        self._pending_limit = 256  # PENDING_PER_SLOT x CONCURRENT_REQUESTS, from_crawler
        self.url_length_limit = 2083
        self._workers: ExtractWorkers | None = None
        self.learning: SiteLearning | None = None  # generic crawls: crawler/learning.py
        self.traps = TrapGuard()  # crawler/traps.py; from the settings in from_crawler

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        settings = crawler.settings
        kwargs.setdefault("max_pages", settings.getint("HEALTHCRAWL_MAX_PAGES"))
        if settings.getbool("HEALTHCRAWL_GENERIC"):
            kwargs["generic"] = True
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.allowed_private = parse_allowed_hosts(
            settings.get("HEALTHCRAWL_ALLOW_PRIVATE_HOSTS"))
        # 0 switches Scrapy's UrlLengthMiddleware off; so it does here
        spider.url_length_limit = settings.getint("URLLENGTH_LIMIT", 2083) or sys.maxsize
        spider.traps = TrapGuard.from_settings(settings)
        spider._pending_limit = max(IDLE_BATCH,
                                    PENDING_PER_SLOT * settings.getint("CONCURRENT_REQUESTS"))
        # The run context opens the run (lock, ledger) once the extensions are built.
        spider.run = RunContext.of(crawler)
        spider.run.declare(RunScope(spider.run_key(), spider.site_key, spider.base_url,
                                    spider.allowed_origins))
        spider._seen = spider.run.seen
        crawler.signals.connect(spider._idle, signal=signals.spider_idle)
        processes = workers_for(settings.getint("HEALTHCRAWL_EXTRACT_WORKERS"),
                                spider.generic or spider.site is None)
        if processes:
            spider._workers = ExtractWorkers(
                processes, settings.getfloat("HEALTHCRAWL_ANALYSIS_TIME_LIMIT"))
        return spider

    def closed(self, reason):
        if self._workers is not None:
            self._workers.close()

    def run_key(self) -> str:
        """Runs with the same key in the same store continue each other after a crash."""
        return f"{self.site_key}|{self.base_url}|generic={int(self.generic)}"

    # -- discovery --------------------------------------------------------------------------
    async def start(self):
        if self.run.config_error is not None:  # the store (RunContext.open) or a pipeline
            return
        if self.site is None or self.generic:  # the run is open: its store has the templates
            self.learning = SiteLearning.from_crawler(self.crawler, self.run,
                                                      self._generic_analysis)
        reason = refusal(self.base_url, self.allowed_private)
        if reason:
            hint = " (allow private hosts with HEALTHCRAWL_ALLOW_PRIVATE_HOSTS)" \
                if reason == "private_host" else ""
            logger.error("Start URL %s refused: %s%s", self.base_url, reason, hint)
            self.run.fail(f"start URL {reason}")
            return
        if self.run.resumed:
            pending = self.run.known_urls()
            self._scheduled = len(self._seen)
            logger.warning("Resuming: %d URLs known, %d pending", len(self._seen), len(pending))
            self._backlog.extend(pending)
            for request in self._drip(IDLE_BATCH):
                yield request
        # Also on a resume: start URLs not yet in the ledger (an attempt killed before its
        # first ledger commit knows none) are requested; known ones are skipped.
        starts = [urljoin(self.base_url, p) for p in self.site.start_paths] if self.site \
            else [self.base_url]
        for url in starts:
            request = self._request(request_url(url))
            if request is not None:
                yield request
        sitemap = self.site.sitemap_path if self.site else "/sitemap.xml"
        if sitemap:
            request = self._request(request_url(urljoin(self.base_url, sitemap)))
            if request is not None:
                yield request.replace(priority=10)

    def _request(self, url: str) -> scrapy.Request | None:
        """A Request only for a new, on-site URL (a dropped Request still costs ~0.1 ms)."""
        return self._build(url) if self._admit(url) else None

    def _admit(self, url: str) -> bool:
        """Record a newly discovered URL; True when it is to be fetched. `url` is in the
        form Scrapy requests it (crawler/links.py request_url), so its outcome, filed under
        the response's URL, lands on the same ledger row."""
        if url in self._seen:
            return False
        self._seen.add(url)
        refused = refusal(url, self.allowed_private)
        if refused is None and len(url) > self.url_length_limit:
            refused = "url_too_long"  # Scrapy's UrlLengthMiddleware would drop it unseen
        if refused == "unsafe_scheme":
            return False  # mailto:, javascript:, tel:, data: links are not pages at all
        if refused is None and origin(url) in self.allowed_origins:
            refused = self.traps.check(url)  # refused/trap_* (crawler/traps.py)
        if refused or origin(url) not in self.allowed_origins:
            # Recorded once per URL, never fetched: "every URL discovered ends in an outcome".
            outcome = f"refused/{refused}" if refused else "off_site"
            self.crawler.stats.inc_value(keys.OUTCOME + outcome)
            self.run.finish(url, outcome)
            return False
        if self.max_pages and self._scheduled >= self.max_pages:
            return False
        self._scheduled += 1
        self.crawler.stats.inc_value(keys.DISCOVERED)
        self.run.discover(url)
        return True

    def _drip(self, n: int):
        """Requests for up to n backlog URLs. Sitemap (and resumed) URLs wait here as plain
        strings, not as 20,000 queued Requests (~3.5 KB each, and a big heap for the GC)."""
        # The length is read at every step: callbacks of other pages (generic pages waiting
        # for the worker) take from the same backlog between two of these yields.
        backlog = self._backlog
        if self.run.frontier is not None:
            # A shared frontier keeps the queue in Redis, not in this process: all of it
            # (a resumed run's pending URLs) goes there now.
            n = len(backlog)
        while n > 0 and backlog:
            n -= 1
            yield self._build(backlog.popleft())

    def _top_up(self):
        """Backlog URLs up to the pending limit: the queue stays short but fed."""
        return self._drip(self._pending_limit - self._pending)

    def _idle(self):
        if self._backlog:
            for request in self._drip(IDLE_BATCH):
                self.crawler.engine.crawl(request)
            raise DontCloseSpider
        if self._workers is not None:
            # Nothing in analysis, the crawl may close: Parquet is written then (pipelines/
            # export/parquet_spool.py), not beside a worker. A later page restarts it.
            self._workers.close()
        self.run.settle(discovery_capped=bool(self.max_pages)
                        and self._scheduled >= self.max_pages)

    def _build(self, url: str) -> scrapy.Request:
        # dont_filter: the spider's own seen-set is the dupefilter (cheaper, and persistent
        # through the ledger); redirect targets are claimed by the safety middleware.
        is_sitemap = url.endswith((".xml", ".xml.gz"))
        self._pending += 1
        headers = self.run.validators(url)
        meta = {"handle_httpstatus_list": [304]} if headers is not None else None
        return scrapy.Request(url, callback=self.parse_sitemap if is_sitemap else self.parse,
                              errback=self.sitemap_failed if is_sitemap else self.failed,
                              dont_filter=True, headers=headers, meta=meta)

    def _follow(self, urls):
        seen = self._seen
        for url in urls:
            if url in seen:
                continue
            if self.site and not self.generic and not self._worth_following(url):
                seen.add(url)
                continue
            if self._pending < self._pending_limit:
                request = self._request(url)
                if request is not None:
                    yield request
            elif self._admit(url):
                self._backlog.append(url)

    def _worth_following(self, url: str) -> bool:
        path = urlsplit(url).path
        for profile in self.site.profiles:
            if profile.is_article(path) or profile.follow_re is None \
                    or profile.follow_re.search(path):
                return True
        return False

    def parse_sitemap(self, response):
        self._pending -= 1
        root = etree.fromstring(response.body, parser=SITEMAP_PARSER)
        if root is None:
            logger.warning("Unreadable sitemap %s", response.url)
            self._outcome(response, "not_article")
            return
        locs = [request_url(loc.strip()) for loc in SITEMAP_LOCS(root)]
        self.traps.note_sitemap(response.url, locs, bool(SITEMAP_INDEX(root)))
        if not SITEMAP_INDEX(root):
            self.crawler.stats.inc_value(keys.SITEMAP_URLS, len(locs))
        self.run.remember_sitemap(response.url, locs)
        shared = self.run.frontier is not None  # the queue is in Redis: no backlog here
        for loc in locs:
            if self._admit(loc):
                if shared:
                    # Queued now, all of them, as a single process knows them all at once:
                    # a redirect elsewhere in the cluster to one of them is then a duplicate.
                    self.crawler.engine.crawl(self._build(loc))
                else:
                    self._backlog.append(loc)
        yield from self._top_up()
        # Done after its URLs: a shared frontier (crawler/frontier/) takes a URL as the
        # run's when the request is queued, and acknowledges the sitemap with its outcome;
        # a worker killed in between must leave the sitemap to be parsed again.
        self._outcome(response, "not_article")  # counted in the ledger, not as a page

    def sitemap_failed(self, failure):
        """Many sites have no sitemap.xml: a 404 there is not a failed page."""
        if failure.check(HttpError) and failure.value.response.status in (404, 410):
            self._pending -= 1  # failed() counts the other failures
            logger.info("No sitemap at %s", failure.request.url)
            self.run.finish(failure.request.url, "not_article")
            return
        self.failed(failure)

    # -- pages ------------------------------------------------------------------------------
    def parse(self, response):
        self._pending -= 1
        self._note_redirect(response)
        self._latency(response)
        if response.status == 304:
            return self._not_modified(response)
        content_type = response.headers.get(b"Content-Type", b"").lower()
        if content_type and not content_type.startswith(HTML_TYPES):
            return self._not_html(response, content_type.decode("latin-1"))
        replay = self.run.same_body(response)
        if replay is not None:  # the bytes of its last full fetch: replayed, not analysed
            return self._not_modified(response, replay)
        charset = charset_of(content_type)
        # One analysis (cleaners/analyze.py). Generic pages go to the worker process when
        # one is configured; a profiled site's pages are cheap and stay inline.
        if self.site is None or self.generic:
            args = (response.body, response.url, charset, self.site_key, self.run.run_id,
                    response.status, utc_now("seconds"))
            if self.learning is not None:
                return self._parse_learning(response, args, self.learning.ticket())
            if self._workers is not None:
                return self._parse_in_worker(response, args)
            return self._analysis_results(response, analyze(*args))
        profile = self.site.profile_for(response.url)
        return self._analysis_results(response, analyze_page(
            response.body, response.url, charset=charset, profile=profile,
            extract=profile is not None, links=True, site=self.site_key, run_id=self.run.run_id,
            http_status=response.status, fetched_at=utc_now("seconds")))

    async def _parse_in_worker(self, response, args: tuple):
        analysis = await self._generic_analysis(args)
        for item in self._analysis_results(response, analysis):
            yield item

    async def _parse_learning(self, response, args: tuple, ticket: int):
        analysis = await self.learning.analyze(args, ticket)
        for item in self._analysis_results(response, analysis):
            yield item

    async def _generic_analysis(self, args: tuple) -> PageAnalysis:
        """The generic analysis of a page: in the worker process if there is one."""
        if self._workers is None:
            return analyze(*args)
        try:
            return await self._workers.analyze(*args)
        except WorkerDied as exc:  # killed twice on this page (crawler/worker_pool.py)
            return PageAnalysis.failed(str(exc))
        except Exception:  # a crashed worker must not stop the run
            logger.exception("Extraction failed: %s", args[1])
            return PageAnalysis.failed("worker failed")

    def _analysis_results(self, response, analysis: PageAnalysis):
        self.crawler.stats.inc_value(keys.PAGES)
        links = self._hrefs.resolve(analysis.hrefs, response.url)
        self.run.keep_links(response, links)
        yield from self._follow(links)
        yield from self._top_up()
        record = analysis.record
        if analysis.kind == NOT_HTML:  # sent as HTML (or untyped), but an image, a PDF, ...
            self._not_html(response, analysis.error)
        elif analysis.error is not None:
            self._extraction_failed(response, analysis.error)
        elif record is None:
            self._not_article(response, links)
        else:
            for warning in set(record["warnings"]):
                self.crawler.stats.inc_value(keys.WARNING + warning)
            yield record

    def _not_html(self, response, what: str) -> tuple:
        self.crawler.stats.inc_value(keys.FAILED + "non_html")
        self._outcome(response, "failed/non_html")
        logger.info("Not HTML (%s): %s", what, response.url)
        return ()

    def _extraction_failed(self, response, error: str) -> None:
        logger.warning("Extraction failed on %s: %s", response.url, error)
        self.crawler.stats.inc_value(keys.FAILED + "extraction_error")
        self._outcome(response, "failed/extraction_error")

    def _not_modified(self, response, replay=None):
        """304, or a 200 with the bytes of its last full fetch (`replay` given): the page is
        what it was. Its remembered links are followed (a listing answering 304 must not end
        discovery); an article's stored record is this run's (a run folder is a snapshot)."""
        if replay is None:
            replay = self.run.replay(response.url)
            if replay is None:  # validators without a usable memory: fetch the page in full
                yield self._build(response.url)
                return
        self.crawler.stats.inc_value(keys.SAME_BODY if replay.fresh else keys.NOT_MODIFIED)
        self.run.keep_links(response, replay.links)
        yield from self._follow(replay.links)
        yield from self._top_up()
        if replay.record is None:
            self._not_article(response, replay.links)
            return
        yield replay.record

    def failed(self, failure):
        self._pending -= 1
        request = failure.request
        outcome, count, error = failure_outcome(failure)
        if count:
            self.crawler.stats.inc_value(keys.OUTCOME + outcome)
        if error is not None:
            logger.warning("Failed %s: %s", request.url, error)
        self.run.finish(request.meta.get("redirect_urls", [request.url])[0], outcome)

    # -- bookkeeping ------------------------------------------------------------------------
    def _note_redirect(self, response) -> None:
        redirects = response.meta.get("redirect_urls")
        if redirects:
            self.run.note_redirect(response.url, redirects[0])

    def _not_article(self, response, links=()) -> None:
        self.crawler.stats.inc_value(keys.NOT_ARTICLE)
        self.run.remember_not_article(response, links)
        self._outcome(response, "not_article")

    def _outcome(self, response, outcome: str) -> None:
        self.run.finish_page(response.url, outcome)

    def _latency(self, response) -> None:
        latency = response.meta.get("download_latency")
        if latency is None:
            return
        self.crawler.stats.inc_value(keys.LATENCY + keys.latency_bucket(latency))

