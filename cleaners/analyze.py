"""`analyze_page`: one page's bytes to what every caller needs from them (pure, no I/O).

sniff (no text: not_html) -> decode -> parse -> outgoing links -> profile or generic
extraction -> page kind -> record.
The crawl (inline or in its worker process), `healthcrawl extract`, `healthcrawl reprocess`
and the WARC reader all call this one function, so a page gives the same record wherever it
is analysed.
"""
from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from .encoding import decode_html
from .extract import extract_article
from .html import parse_html
from .profile import SiteProfile
from .record import to_record
from .sniff import binary_kind, gunzip_body

# The links a page leads to (rel=prev/next in <head> too), read before extraction prunes
# the tree.
HREFS = etree.XPath("//a/@href | //link[@rel='next' or @rel='prev']/@href", smart_strings=False)

ARTICLE = "article"
# Why a page gives no record (besides its page kind, cleaners/page_kind.py):
URL_PATTERN = "url_pattern"  # the site's profiles take this URL for no article
EXTRACTION_ERROR = "extraction_error"  # the extractor raised; `error` says what
NOT_HTML = "not_html"  # the bytes are no text (an image, a PDF: cleaners/sniff.py); `error`
# names them
# Page kinds a profile's URL pattern cannot override: a listing under an article URL
# pattern is no article, a broken article ("other") is left to validation.
_NOT_ARTICLE_WITH_PROFILE = frozenset({"listing", "home"})


class PageAnalysis(NamedTuple):
    """A tuple of plain values: it crosses the worker process's pipe pickled."""

    kind: str  # "article", or why not: a page kind, "url_pattern", "not_html" or
    # "extraction_error"
    record: dict | None  # the record (cleaners/record.py); None unless an article, or
    # every_page was asked for
    hrefs: list[str]  # the raw href values, in page order (empty unless links=True)
    encoding: str | None  # the encoding the bytes were decoded with (None: not decoded)
    charset_guessed: bool  # no declared charset decoded the bytes: it was guessed
    page_kind: str | None  # article, listing, home or other; None when not extracted
    extractor: str | None  # e.g. "generic", "profile:<name>"; None when not extracted
    error: str | None = None  # "<ExceptionType>: <message>" of a failed extraction

    @property
    def is_article(self) -> bool:
        return self.kind == ARTICLE

    @classmethod
    def failed(cls, error: str) -> PageAnalysis:
        """A page that could not be analysed at all (e.g. its worker process died)."""
        return cls(EXTRACTION_ERROR, None, [], None, False, None, None, error)


def analyze_page(body: bytes, url: str | None, *, charset: str | None = None,
                 profile: SiteProfile | None = None, extract: bool = True,
                 links: bool = False, every_page: bool = False, site: str = "",
                 run_id: str = "", http_status: int | None = None,
                 fetched_at: str = "") -> PageAnalysis:
    """Analyse one HTML page.

    charset: the HTTP header's, if any (the page's own declaration is trusted first,
      cleaners/encoding.py). profile: a site profile whose URL pattern matched, or None
      for the generic extractor. extract=False: a profiled site's URL patterns say this
      page is no article; it is parsed for its links only (kind "url_pattern").
    links: collect the page's hrefs (a crawl follows them).
    every_page: a record for every page, as `healthcrawl extract` writes: one that is not
      an article keeps what describes it but no body, body_html or teasers.
    site, run_id, http_status, fetched_at: copied into the record.

    Article or not: the page kind decides (cleaners/page_kind.py); with a profile only a
    listing or home page is overruled. An extraction error is returned, not raised, with
    the links read so far (a crawl goes on past a broken page)."""
    if not extract and not links:
        return PageAnalysis(URL_PATTERN, None, [], None, False, None, None)
    inflated = gunzip_body(body)
    body = body if inflated is None else inflated
    binary = binary_kind(body)
    if binary is not None:
        return PageAnalysis(NOT_HTML, None, [], None, False, None, None, f"not HTML: {binary}")
    text, encoding, warnings = decode_html(body, charset)
    if inflated is not None:
        warnings.append("gzip_body_decoded")
    root, parse_warnings = parse_html(text)
    warnings += parse_warnings
    guessed = "charset_guessed" in warnings
    hrefs = list(HREFS(root)) if links else []
    if not extract:
        return PageAnalysis(URL_PATTERN, None, hrefs, encoding, guessed, None, None)
    try:
        article = extract_article(root, url, profile)
    except Exception as exc:  # one broken page must not stop a run or a batch
        return PageAnalysis(EXTRACTION_ERROR, None, hrefs, encoding, guessed, None, None,
                            f"{type(exc).__name__}: {exc}")
    page_kind = article.page_kind
    if profile is None or profile.learned:
        kind = page_kind
    else:
        kind = page_kind if page_kind in _NOT_ARTICLE_WITH_PROFILE else ARTICLE
    record = None
    if kind == ARTICLE or every_page:
        if page_kind != ARTICLE and every_page:
            article.body, article.body_html, article.teasers = "", None, []
        article.warnings[:0] = warnings
        record = to_record(article, url=url, site=site, fetched_at=fetched_at,
                           http_status=http_status, run_id=run_id)
    return PageAnalysis(kind, record, hrefs, encoding, guessed, page_kind, article.extractor)
