"""Generic crawls: is this page an article? Cheap signals, checked before extraction."""
from __future__ import annotations

from lxml import etree

from crawler.links import looks_like_listing

_OG_TYPE = etree.XPath("string(//meta[@property='og:type']/@content)", smart_strings=False)
_ARTICLE_MARKERS = etree.XPath(
    "count(//article) = 1 or boolean(//*[@itemtype and contains(@itemtype, 'Article')]"
    " | //script[@type='application/ld+json' and contains(., 'Article')])"
)
_PARAGRAPH_TEXT = etree.XPath("//p[string-length(normalize-space()) > 80]")


def is_generic_article(root, url: str) -> bool:
    """Articles declare themselves (og:type, schema.org Article, <article>) or at least
    carry several long paragraphs; listing URLs (tags, categories, pages) never count."""
    if looks_like_listing(url):
        return False
    if _OG_TYPE(root).lower() == "article" or _ARTICLE_MARKERS(root):
        return True
    return len(_PARAGRAPH_TEXT(root)) >= 3
