"""Small boxes of further reading in the article's text: two or three headline links.

Between or after the article's paragraphs, sites put a box of two or three links to other
articles of theirs ("<ul><li><strong>US-Politik:</strong> <a>Alle Entwicklungen im
Newsblog</a></li><li>…</li></ul>", an aside "Relacionados: <a>…</a> <a>…</a>"). One such
card is an embed (nav_embeds.py); a list of three or more under a heading is a rail
(nav_rails.py). A box of two or three is neither: it is found here when it stands right
beside a paragraph of prose, holds nothing but headline links to the site's articles and a
short label or kickers, and stands in the same top-level box of <body> as the page's <h1>.
Not such a box: one under a site-wide list's label ("Lo más visto", "Top Stories": the
site's most read beside the text, not about it), one named as a menu, a widget or a slider
(vocab.NOT_RAIL_CLASS), one whose links lead to a search ("/termine?suche=…").
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from ..text import word_count
from ..vocab import NOT_RAIL_CLASS, SITE_LIST_END, SITE_LIST_START
from .nav_dom import (
    STOP_TAGS,
    absolute,
    box_names,
    doc_key,
    hidden,
    in_chrome,
    is_inside,
    linkable,
    raw_text,
    squash,
    top_box,
)
from .nav_pages import other_article
from .nav_scan import heading_label, related_heading

# Long paragraphs (a box of further reading stands beside one of them, or beside its box).
_PARAGRAPHS = etree.XPath("descendant::p[string-length(.) >= 100]")
_LEVELS = 4
_DEEP_LEVELS = 12  # up to the <article> / <main> (a STOP_TAG ends the climb before)
_NOT_BOXES = frozenset(("p", "a", "span", "strong", "b", "em", "i", "li", "small", "font",
                        "u", "h1", "h2", "h3", "h4", "h5", "h6", "nav", "header", "footer",
                        "form", "table", "tr", "td", "tbody"))
# Query keys of a search: "/termine?suche=Waldkolloquium" lists search results.
_SEARCH_QUERY = re.compile(r"(?:^|&)(?:suche|search|query|q|s|keywords?)=", re.IGNORECASE)
_MIN_LINKS, _MAX_LINKS = 2, 3  # distinct articles
_MIN_WORDS = 4  # a headline
_MAX_TITLE = 200
_SLACK = 60  # text besides the links: a label, kickers ("US-Politik:")
_MIN_PROSE = 100  # characters of the paragraph beside the box


def find_text_boxes(root, url: str | None, taken: set) -> list:
    """Box elements in page order, none inside another or inside `taken`. Candidates are
    the neighbours of the long paragraphs around the first <h1> and of their boxes (a few
    levels up): one pass over the article's paragraphs, not a look at every element."""
    if not url:
        return []
    body = root.find("body")
    h1 = next(body.iter("h1"), None) if body is not None else None
    if h1 is None:
        return []  # (boxes of further reading follow an article's headline)
    top = top_box(h1)
    # the paragraphs of the article around the <h1> (its <article> or <main>, else the page)
    scope = next(h1.iterancestors("article", "main"), None)
    paragraphs = _PARAGRAPHS(scope if scope is not None else body)
    found: dict = {}
    climbed: dict = {}  # box -> levels still to climb from it
    # inside the article's <article> or <main>, every box up to it: its modules nest deep
    # ("<div class=con><div class=modCon><div class=mod><div class=boxCon><div class=box><p>")
    levels = _DEEP_LEVELS if scope is not None else _LEVELS
    for para in paragraphs:
        node = para
        for level in range(levels):
            for sib in (_neighbour(node, True), _neighbour(node, False)):
                if sib is not None and sib not in found:
                    found[sib] = _candidate(sib, top, url)
            node = node.getparent()
            left = levels - level - 1
            if node is None or node.tag in STOP_TAGS or climbed.get(node, -1) >= left:
                break  # (the paragraphs of one box share its neighbours)
            climbed[node] = left
    after = doc_key(h1)
    boxes = sorted((el for el, ok in found.items() if ok and doc_key(el) > after), key=doc_key)
    out: list = []
    for el in boxes:
        if not is_inside(el, taken) and not (out and is_inside(el, set(out))):
            out.append(el)
    return out


def _candidate(el, top, url: str) -> bool:
    """Is el a box of two or three headline links beside prose (cheapest tests first)?"""
    if el.tag in _NOT_BOXES or el.tag in STOP_TAGS or not _links_in_range(el):
        return False
    return top_box(el) is top and _headline_box(el, url) and _beside_prose(el) and \
        not _named_otherwise(el) and not in_chrome(el) and not hidden(el)


def _named_otherwise(el) -> bool:
    """Is the box (or its parent) named as a menu, a widget, a slider, a ranking, ...
    (vocab.NOT_RAIL_CLASS)? A menu's article links ("Nav__content") are no reading tips."""
    for node in (el, el.getparent()):
        if node is not None and NOT_RAIL_CLASS.search(box_names(node)):
            return True
    return False


def _headline_box(el, url: str) -> bool:
    """Does the box hold only headline links to two or three other articles of the site,
    and a short label that names no site-wide list?"""
    links = [a for a in el.iter("a") if linkable((a.get("href") or "").strip())]
    hrefs = set()
    linked = 0
    for a in links:
        text = squash(raw_text(a))
        if not text:
            continue  # an image link beside its headline
        if word_count(text) < _MIN_WORDS or len(text) > _MAX_TITLE:
            return False
        href = absolute(a.get("href").strip(), url)
        if _SEARCH_QUERY.search(urlsplit(href).query) or not other_article(href, url):
            return False
        hrefs.add(href)
        linked += len(text)
    if not _MIN_LINKS <= len(hrefs) <= _MAX_LINKS:
        return False
    text = squash(raw_text(el))
    if len(text) > linked + _SLACK:
        return False
    first = squash(raw_text(next(a for a in links if squash(raw_text(a)))))
    label = text[:max(text.find(first), 0)].strip()[:60]
    return not (label and not related_heading(label) and (
        heading_label(label) or SITE_LIST_START.match(label) or SITE_LIST_END.search(label)))


def _beside_prose(el) -> bool:
    """Is the nearest element sibling before or after the box a paragraph of prose (long,
    few links)?"""
    return any(_prose(sib) for sib in (_neighbour(el, True), _neighbour(el, False)))


def _neighbour(el, before: bool):
    """The nearest element sibling holding text (an empty ad slot or <br> is skipped)."""
    sib = el.getprevious() if before else el.getnext()
    while sib is not None and (not isinstance(sib.tag, str) or
                               not any(t.strip() for t in sib.itertext())):
        sib = sib.getprevious() if before else sib.getnext()
    return sib


def _links_in_range(el) -> bool:
    """Two to six links with an address under el (stops at the seventh)."""
    n = 0
    for a in el.iter("a"):
        if a.get("href") is not None:
            n += 1
            if n > 6:
                return False
    return n >= 2


def _prose(el) -> bool:
    """Long text with few links."""
    if el is None or el.tag not in ("p", "div", "blockquote"):
        return False
    text = squash(raw_text(el))
    linked = sum(len(squash(raw_text(a))) for a in el.iter("a"))
    return len(text) >= _MIN_PROSE and 4 * linked <= len(text)
