"""Generic crawls: is this page an article? Decided after extraction, on the tree the
extractor leaves behind (navigation and teaser blocks already taken out), so a teaser grid
under an article does not make it look like a listing."""
from __future__ import annotations

from lxml import etree

from cleaners.article import Article
from cleaners.text import word_count

# Listing pages are lists of cards, each a linked heading: "<h2><a href=...>Title</a></h2>".
_LINKED_HEADINGS = etree.XPath(
    "count(//h1[a] | //h2[a] | //h3[a] | //h4[a] | //a[h2 or h3 or h4])")
_ARTICLES = etree.XPath("count(//article)")
MIN_LINKED_HEADINGS = 4
MIN_WORDS = 60  # CJK characters count as words


def is_generic_article(root, article: Article) -> bool:
    if _LINKED_HEADINGS(root) >= MIN_LINKED_HEADINGS or _ARTICLES(root) >= 3:
        return False
    return bool(article.title) and word_count(article.body) >= MIN_WORDS
