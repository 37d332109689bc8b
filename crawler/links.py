"""Link discovery on lxml: sitemaps, URL normalization, article-URL guesses (a page's own
hrefs are read by cleaners/analyze.py)."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree
from w3lib.url import safe_url_string

from cleaners.urls import is_plain_path, origin_prefix
from common.intset import IntSet

SITEMAP_LOCS = etree.XPath("//*[local-name()='loc']/text()", smart_strings=False)
SITEMAP_INDEX = etree.XPath("/*[local-name()='sitemapindex']")
# Entities are never expanded and nothing is fetched while parsing a sitemap (XXE, bombs).
SITEMAP_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                                 recover=True)

# Extensions that are never HTML pages; skipping them saves a request each.
_NOT_PAGES = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|bmp|tiff?|pdf|zip|gz|tgz|rar|7z|mp[34]|m4a|avi|mov|wmv|"
    r"webm|ogg|wav|css|js|json|rss|atom|exe|dmg|apk|docx?|xlsx?|pptx?|woff2?|ttf|eot)$",
    re.IGNORECASE,
)


# Characters Scrapy's Request escapes (w3lib safe_url_string); URLs without them are already
# in request form, and skip the ~10 µs call. "%" is checked too: a bad escape is re-quoted.
_NEEDS_ESCAPE = re.compile(r"[^A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]")


def request_url(url: str) -> str:
    """The URL exactly as a Scrapy Request holds it, so a page's outcome (filed under
    response.url) lands on the ledger row of the URL as discovered: spaces, non-ASCII
    characters, `|`, `{`, `"` are percent-encoded, the host IDNA-encoded."""
    if _NEEDS_ESCAPE.search(url):
        return safe_url_string(url)
    end = url.find("/", 8)  # after "scheme://": the host, which Scrapy writes in lower case
    return url if (url[:end] if end > 0 else url).islower() else safe_url_string(url)


def page_url(base: str, href: str) -> str | None:
    """Absolute URL without fragment, or None for anchors, mail/js links and non-pages."""
    href = href.strip()
    if not href or href[0] == "#":
        return None
    hash_at = href.find("#")
    path = href[:hash_at] if hash_at >= 0 else href
    # Fast path for the common "/section/page.html" (~1 µs instead of ~8 µs): same result.
    if is_plain_path(path):
        prefix = origin_prefix(base)
        if prefix is not None:
            return None if _NOT_PAGES.search(path) else request_url(prefix + path)
    url = urljoin(base, href)
    hash_at = url.find("#")
    if hash_at >= 0:
        url = url[:hash_at]
    path = urlsplit(url).path
    if _NOT_PAGES.search(path):
        return None
    return request_url(url)



# Origin-wide hrefs resolved once per crawl: menus and sidebars hit the cache; it is emptied
# when it holds this many (every article's own root-relative link would otherwise stay
# cached: ~6 MB at 20,000 articles) and the menus come back at once.
RESOLVED_CACHE = 4096


class HrefResolver:
    """A page's hrefs to the page URLs they link to, with absolute and root-relative hrefs
    (the same URL from every page of an origin) cached for the crawl."""

    def __init__(self) -> None:
        self.cache: dict[str, str | None] = {}

    def resolve(self, hrefs, base: str) -> list[str]:
        """The page URLs, unique, in page order (kept in the page memory so a 304 can
        replay them)."""
        cache = self.cache
        urls: dict[str, None] = {}
        for href in hrefs:
            if href in cache:
                url = cache[href]
            else:
                url = page_url(base, href)
                if href.startswith(("http://", "https://")) or \
                        (href[:1] == "/" and href[1:2] != "/"):
                    if len(cache) >= RESOLVED_CACHE:
                        cache.clear()
                    cache[href] = url
            if url is not None:
                urls[url] = None
        return list(urls)


class SeenUrls:
    """The URLs a crawl has decided on, kept as their 64-bit string hashes in a compact
    set (common/intset.py): a crawl meets every link of every page (~60,000 URLs at 20,000
    articles), and a hash costs ~8 bytes there where the URL string cost ~150. Two URLs with
    one hash (odds ~n^2 / 2^65: one in 10^10 at 60,000 URLs) would leave the second
    unfetched. Only membership is kept: it cannot list its URLs."""

    __slots__ = ("_hashes",)

    def __init__(self) -> None:
        self._hashes = IntSet("q")

    def add(self, url: str) -> None:
        self._hashes.add(hash(url))

    def update(self, urls) -> None:
        self._hashes.update(map(hash, urls))

    def __contains__(self, url: object) -> bool:
        return hash(url) in self._hashes

    def __len__(self) -> int:
        return len(self._hashes)
