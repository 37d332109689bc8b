"""Lists of links under a label line: "Weitere Artikel zum Thema:", "Powiązane tematy:".

A label ending in a colon announces what follows it. When what follows is a list (<ul>,
<ol>) whose every item is one link to another article of the site, by a headline of several
words and nothing else, the list is the article's further reading, whatever the label's
words (docs/annotation.md counts such lists as related links). The colon stands in for the
related-heading vocabulary: a label without one ("Themen", a date) is no announcement, and a
list of sources on other sites, of tags or of one-word names is no such list.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree

from ..text import word_count
from ..vocab import NON_ARTICLE_URL
from .nav_dom import STOP_TAGS, absolute, hidden, in_chrome, is_inside, linkable, raw_text, squash
from .nav_pages import page_of_same_article, same_page, same_site, section_of

# Lists after the page's first <h1>, when it has one: one XPath pass in C.
_LISTS = etree.XPath("/*/body//*[self::ul or self::ol][count(li) >= 2]")
_LISTS_AFTER_H1 = etree.XPath("(/*/body//h1)[1]/following::*[self::ul or self::ol]"
                              "[count(li) >= 2]")
_HAS_H1 = etree.XPath("boolean(/*/body//h1)")
_MAX_LABEL = 80  # characters of the label line
_LABEL_END = (":", "：")
_MIN_WORDS = 3  # a headline, not a name or a tag ("Frankenstein 1", "Gesundheit")
_MAX_ITEMS = 20


def find_label_lists(root, url: str | None, taken: set) -> list[tuple[object, object]]:
    """(label, list) pairs in page order, neither inside `taken` (other blocks)."""
    if not url:
        return []  # "same site" needs the page's URL
    out = []
    for lst in (_LISTS_AFTER_H1 if _HAS_H1(root) else _LISTS)(root):
        label = _label_before(lst)
        if label is None or is_inside(lst, taken) or is_inside(label, taken) or \
                in_chrome(lst) or hidden(lst) or not _headline_links(lst, url):
            continue
        out.append((label, lst))
    return out


def _label_before(lst):
    """The list's previous element with text, when it is a short line without a link that
    ends in a colon."""
    prev = lst.getprevious()
    while prev is not None and (not isinstance(prev.tag, str) or not raw_text(prev).strip()):
        prev = prev.getprevious()
    if prev is None or prev.tag in STOP_TAGS or next(prev.iter("a"), None) is not None:
        return None
    text = squash(raw_text(prev))
    return prev if len(text) <= _MAX_LABEL and text.endswith(_LABEL_END) else None


def _headline_links(lst, url: str) -> bool:
    """Is every item of the list one link, its whole text, by a headline of several words,
    to another article of the site?"""
    items = [k for k in lst if isinstance(k.tag, str)]
    if not 2 <= len(items) <= _MAX_ITEMS or any(k.tag != "li" for k in items):
        return False
    for item in items:
        links = [a for a in item.iter("a") if linkable((a.get("href") or "").strip())]
        if len(links) != 1:
            return False
        text = squash(raw_text(links[0]))
        if text != squash(raw_text(item)) or word_count(text) < _MIN_WORDS:
            return False
        href = absolute(links[0].get("href").strip(), url)
        if NON_ARTICLE_URL.search(urlsplit(href).path) or not same_site(href, url) or \
                same_page(href, url) or section_of(href, url) or page_of_same_article(href, url):
            return False
    return True
