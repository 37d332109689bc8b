"""Archive: every response the crawl receives, and its request, into the run's WARC files.

One object, registered twice (crawler/settings.py): as an extension (order 490), so that
its `spider_closed` finishes the files before RunFolder (500) lists them and writes
run.json, and as the downloader middleware closest to the network (950), so that it sees
each response as it came: before HttpCompressionMiddleware (590) decodes the body and
before RedirectMiddleware (600) follows a redirect. `from_crawler` hands both registrations
the same instance.

A `304` (an incremental run's "not modified") becomes a `revisit` record that points at the
page's earlier capture (crawler/archive/captures.py). Off with `HEALTHCRAWL_ARCHIVE=0`
(`healthcrawl crawl --no-archive`).

Resume (the run continues in the same folder after a crash): before anything is fetched,
`files.repair` trims a cut-off last record and drops every record whose page has no
committed outcome in the run ledger; those pages are fetched again and archived then. So
each page of the run is archived once: by the attempt that finished it.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.httpobj import urlparse_cached

from cleaners.record import PACKAGE_VERSION
from common.keys import ARCHIVE_BYTES as BYTES
from common.keys import ARCHIVE_CARRIED as CARRIED
from common.keys import ARCHIVE_CPU as CPU
from common.keys import ARCHIVE_ERRORS as ERRORS
from common.keys import ARCHIVE_FILES as FILES
from common.keys import ARCHIVE_PAGES as PAGES
from common.keys import ARCHIVE_RESUME_DROPPED as DROPPED
from common.keys import ARCHIVE_REVISITS as REVISITS
from common.paths import output_dir

from ..run_context import RunContext
from . import records as rec
from .captures import CaptureIndex
from .files import ARCHIVE_DIR, DEFAULT_MAX_BYTES, ArchiveWriter, repair

logger = logging.getLogger(__name__)

INSTANCE_ATTR = "_healthcrawl_archive"
# Settings named in every file's warcinfo record, beside all HEALTHCRAWL_* ones.
INFO_SETTINGS = ("USER_AGENT", "ROBOTSTXT_OBEY", "CONCURRENT_REQUESTS",
                 "CONCURRENT_REQUESTS_PER_DOMAIN", "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED",
                 "DOWNLOAD_MAXSIZE")


class Archive:
    def __init__(self, out: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                 level: int = rec.DEFAULT_LEVEL, stats: Any = None, settings: Any = None):
        self.out = Path(out)
        self.max_bytes = max_bytes
        self.level = level
        self.stats = stats
        self.settings = settings
        self.writer: ArchiveWriter | None = None
        self.captures: CaptureIndex | None = None
        self.run: RunContext | None = None
        self.directory: Path | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> Archive:
        shared = getattr(crawler, INSTANCE_ATTR, None)
        if shared is not None:
            return shared
        settings = crawler.settings
        if not settings.getbool("HEALTHCRAWL_ARCHIVE"):
            raise NotConfigured("HEALTHCRAWL_ARCHIVE is off")
        level = settings.getint("HEALTHCRAWL_ARCHIVE_LEVEL")
        if not 1 <= level <= 12:
            raise NotConfigured(f"HEALTHCRAWL_ARCHIVE_LEVEL must be 1..12, not {level}")
        archive = cls(output_dir(settings),
                      max_bytes=settings.getint("HEALTHCRAWL_ARCHIVE_MAX_BYTES"),
                      level=level, stats=crawler.stats, settings=settings)
        archive.run = RunContext.of(crawler)
        setattr(crawler, INSTANCE_ATTR, archive)
        crawler.signals.connect(archive.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(archive.spider_closed, signal=signals.spider_closed)
        return archive

    # -- lifecycle --------------------------------------------------------------------------
    def spider_opened(self, spider: Any) -> None:
        run = self.run
        if run.writes_nothing:
            return
        run_id = run.run_id
        self.directory = run.run_dir() / ARCHIVE_DIR
        joined = run.run_state is not None and run.run_state.joined
        prefix = f"healthcrawl-{run_id}"
        if joined:
            # Other live workers write their own files here: leave them alone, and name ours
            # apart.
            prefix += f"-{run.run_state.ledger.worker.worker_id.rsplit(':', 1)[-1]}"
        elif run.resumed:
            self._repair()
        info = self._info(run_id)
        self.writer = ArchiveWriter(self.directory, prefix, info,
                                    max_bytes=self.max_bytes, level=self.level)
        if run.run_state is not None and self.settings.getbool("HEALTHCRAWL_STORE_ENABLED"):
            self.captures = CaptureIndex.open(
                run.store_path, retry_s=self.settings.getfloat("HEALTHCRAWL_STORE_RETRY_S"))

    def _repair(self) -> None:
        seen, pending = self.run.run_state.ledger.urls()
        finished = seen.difference(pending)
        result = repair(self.directory, finished.__contains__)
        carried = result.kept.get("response", 0) + result.kept.get("revisit", 0)
        self._inc(CARRIED, carried)
        self._inc(PAGES, carried)
        self._inc(REVISITS, result.kept.get("revisit", 0))
        self._inc(DROPPED, result.dropped)

    def _info(self, run_id: str) -> list[tuple[str, str]]:
        info = [("software", f"healthcrawl/{PACKAGE_VERSION}"),
                ("format", "WARC File Format 1.1"),
                ("conformsTo",
                 "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"),
                ("isPartOf", run_id), ("run-id", run_id)]
        if self.settings is not None:
            values = self.settings.copy_to_dict()
            names = sorted(n for n in values if n.startswith("HEALTHCRAWL_")) + \
                list(INFO_SETTINGS)
            info += [(name, str(values.get(name))) for name in names if name in values]
        return info

    def spider_closed(self, spider: Any, reason: str) -> None:
        try:
            if self.writer is not None:
                self.writer.close()
        except OSError:
            logger.exception("Could not finish the archive file %s", self.writer.path)
            self._inc(ERRORS)
        if self.captures is not None:
            try:
                self.captures.close()
            except Exception:
                logger.exception("Could not commit the capture index")
        if self.stats is not None and self.directory is not None and self.directory.is_dir():
            files = [p for p in self.directory.iterdir() if p.is_file()]
            self.stats.set_value(FILES, len(files))
            self.stats.set_value(BYTES, sum(p.stat().st_size for p in files))

    # -- the downloader middleware ----------------------------------------------------------
    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        if self.writer is not None:
            started = time.process_time()
            try:
                self._archive(request, response)
            except Exception:  # an archive problem must not cost the crawl its pages
                logger.exception("Could not archive %s", response.url)
                self._inc(ERRORS)
            self._inc(CPU, time.process_time() - started)
        return response

    def _archive(self, request: Any, response: Any) -> None:
        now = time.time()
        date = rec.warc_date(now)
        url = response.url
        redirects = request.meta.get("redirect_urls")
        discovered = redirects[0] if redirects else None
        ip = str(response.ip_address) if getattr(response, "ip_address", None) else None
        level = self.level
        status = response.status
        head = rec.http_response_head(getattr(response, "protocol", None) or "HTTP/1.1",
                                      status, _header_pairs(response.headers),
                                      len(response.body))
        rid = rec.record_id()
        if status == 304:
            refers = self.captures.original(url) if self.captures is not None else None
            first = rec.revisit_record(uri=url, date=date, http_head=head, rid=rid,
                                       refers_to=refers, ip=ip,
                                       discovered=discovered, level=level)
            self._inc(REVISITS)
        else:
            first = rec.response_record(uri=url, date=date, http_head=head, body=response.body,
                                        rid=rid, ip=ip,
                                        discovered=discovered, level=level)
        parts = urlparse_cached(request)  # parsed already by the downloader: a cache hit
        target = (parts.path or "/") + (f";{parts.params}" if parts.params else "") + \
            (f"?{parts.query}" if parts.query else "")
        req_head = rec.http_request_head(request.method, target, parts.netloc,
                                         _header_pairs(request.headers))
        second = rec.request_record(uri=request.url, date=date, http_head=req_head,
                                    concurrent_to=rid, discovered=discovered,
                                    level=level)
        self.writer.write(first + second)
        self._inc(PAGES)
        if status == 200 and self.captures is not None:
            self.captures.add(url, rid, date)

    def _inc(self, key: str, n: float = 1) -> None:
        if self.stats is not None and n:
            self.stats.inc_value(key, n)


def _header_pairs(headers: Any) -> list[tuple[bytes, bytes]]:
    # Scrapy's Headers is a dict of normalized name -> list of values; its own items()
    # normalizes each name again, a third of this function's time.
    items = dict.items(headers) if isinstance(headers, dict) else headers.items()
    return [(name, value) for name, values in items for value in values]
