"""An archived response through today's extraction, as the spider would have handled it
when it arrived: the same HTML test, the same profile-or-generic decision, the same record.
Used by `healthcrawl reprocess` (our archives) and `healthcrawl extract` (anyone's)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from cleaners.analyze import NOT_HTML as NOT_HTML_BYTES
from cleaners.analyze import analyze_page
from crawler.responses import charset_of
from crawler.sites import Site

from .read import ArchivedPage

HTML_TYPES = ("text/html", "application/xhtml+xml")
RECORD, NOT_ARTICLE, NON_HTML, REVISIT, REDIRECT, ROBOTS = (
    "record", "not_article", "failed/non_html", "revisit", "redirect", "robots_txt")
EXTRACTION_ERROR = "failed/extraction_error"


@dataclass(frozen=True)
class Mode:
    site: Site | None  # a site's profiles, or None: generic extraction everywhere
    site_key: str  # the record's `site` ("" = the page's host, as generic crawls write it)
    run_id: str = ""
    # learned templates (crawler/commands/learned_store.py): a page of a learned host and URL
    # shape without a site profile is extracted with its template, as the crawl did
    learned: Any = None


def fetched_at(warc_date: str) -> str:
    """WARC-Date to the records' `fetched_at` form (seconds, Z)."""
    return warc_date[:19] + "Z" if len(warc_date) >= 19 else warc_date


def outcome_of_status(page: ArchivedPage) -> str | None:
    """None when the page is a 2xx to extract; else how the crawl counted it."""
    if page.record_type == "revisit" or page.status == 304:
        return REVISIT
    status = page.status or 0
    if 300 <= status < 400:
        return REDIRECT
    if not 200 <= status < 300:
        return f"failed/http_{status}"
    if page.url.endswith((".xml", ".xml.gz")):
        return NOT_ARTICLE  # a sitemap: the spider reads its links, never a record
    if _path(page.url) == "/robots.txt":
        return ROBOTS  # fetched by the robots middleware, not a page of the run
    ctype = page.content_type.strip().lower()
    if ctype and not ctype.startswith(HTML_TYPES):
        return NON_HTML
    return None


def extract_page(page: ArchivedPage, mode: Mode) -> tuple[str, dict | None]:
    """(outcome, record or None). Outcomes as in the run ledger: "record", "not_article",
    "failed/non_html", "failed/http_<status>", "failed/extraction_error", "revisit",
    "redirect", "robots_txt"."""
    skipped = outcome_of_status(page)
    if skipped is not None:
        return skipped, None
    charset = charset_of(page.content_type.encode("latin-1", "replace"))
    profile = mode.site.profile_for(page.url) if mode.site is not None else None
    if profile is None and mode.learned is not None:
        profile = mode.learned.profile_for(page.url)
    analysis = analyze_page(page.body, page.url, charset=charset, profile=profile,
                            extract=mode.site is None or profile is not None,
                            site=mode.site_key or _host(page.url), run_id=mode.run_id,
                            http_status=page.status, fetched_at=fetched_at(page.warc_date))
    if analysis.kind == NOT_HTML_BYTES:
        return NON_HTML, None  # served as HTML, but an image, a PDF, ... (cleaners/sniff.py)
    if analysis.error is not None:
        return EXTRACTION_ERROR, None
    return (RECORD, analysis.record) if analysis.record is not None else (NOT_ARTICLE, None)


def _host(url: str) -> str:
    return urlsplit(url).hostname or ""


def _path(url: str) -> str:
    return urlsplit(url).path
