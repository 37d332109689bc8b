"""Small element and text helpers shared by the navigation modules: text and its length,
links and their absolute URLs, document order, and where an element sits (hidden, inside
the site's header, footer or menus). Moved out of nav_scan.py, which finds the elements
worth a precise look.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree

from ..text import clean_inline
from ..vocab import CHROME_CLASS, CHROME_CLASS_STRICT

_NOT_A_LINK = ("#", "javascript:", "mailto:", "tel:", "data:")
_MAIN_INSIDE = etree.XPath("boolean(.//main)")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# A <footer>/<header> named for the article is the article's own ("endofarticle",
# "entry-footer", "post-header"), not the site's.
_ARTICLE_PART = re.compile(r"article|entry|post(?!er)|story", re.IGNORECASE)
# A class token for the article's own footer or header: the article's word before it.
OWN_FOOTER = re.compile(r"(?:article|entry|post|story)[-_]{1,2}(?:footer|header)")
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
STOP_TAGS = frozenset(("html", "body", "main", "article", "head"))


def squash(text: str | None) -> str:
    """Whitespace folded, for matching (clean_inline, several times dearer, is kept for the
    titles and snippets we output)."""
    return " ".join(text.split()) if text else ""


def raw_text(el) -> str:
    """All text under el, as is. lxml's text serializer is ~10x faster than itertext()."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def text_of(el) -> str:
    """Normalized text of an element (an output: a title)."""
    return clean_inline(raw_text(el)) if el is not None else ""


def _solid(text: str) -> int:
    """Characters that are not whitespace (counted in C, no copies)."""
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t") \
        - text.count("\r") - text.count("\xa0")


def text_len(el, limit: int | None = None) -> int:
    """Characters of text under el, whitespace not counted. With a small limit, counting
    stops past it, so asking "is this box small?" of <body> reads a few nodes."""
    if limit is None or limit > 100:
        return _solid(raw_text(el))
    n = 0
    for piece in el.itertext():
        n += _solid(piece)
        if n > limit:
            break
    return n


def own_text(el) -> str:
    """The element's own text, outside its child elements (its text and their tails),
    whitespace folded: a paragraph's prose around a box written into it, a label beside
    links."""
    return squash(" ".join(filter(None, (el.text, *(k.tail for k in el)))))


def has_text(el) -> bool:
    return text_len(el, 0) > 0


def ancestors(el, levels: int) -> set:
    """el and its ancestors up to a few levels (a loop: pages nest thousands deep)."""
    found = set()
    while el is not None and len(found) <= levels:
        found.add(el)
        el = el.getparent()
    return found


def linkable(href: str) -> bool:
    """A link to a page, not a fragment, script, mail or phone link."""
    return bool(href) and not href.lower().startswith(_NOT_A_LINK)


def real_href(a, base_url: str | None) -> str | None:
    """The absolute URL an anchor leads to; None for fragments, scripts and mail links."""
    href = (a.get("href") or "").strip()
    return absolute(href, base_url) if linkable(href) else None


def absolute(href: str, base_url: str | None) -> str:
    """urljoin, with fast paths for the usual absolute and root-relative links (urljoin
    costs ~10 µs a call, and a page has dozens of links)."""
    if not base_url or href.startswith(("https://", "http://")):
        return href
    if href.startswith("/") and not href.startswith("//") and "/." not in href:
        origin = _origin(base_url)
        if origin:
            return origin + href
    return urljoin(base_url, href)


@lru_cache(maxsize=256)
def _origin(base_url: str) -> str:
    """"https://host:port" of a page URL, or "" when it has none."""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def ancestor_anchor(el, levels: int = 4):
    """el itself or its nearest <a> ancestor within a few levels (labels sit in spans). A
    named anchor without href (<h2><a name="Mehr zum Thema">) is no link."""
    for _ in range(levels):
        if el is None or el.tag in STOP_TAGS:
            return None
        if el.tag == "a" and el.get("href") is not None:
            return el
        el = el.getparent()
    return None


def doc_key(el) -> tuple[int, ...]:
    """Sort key in document order: the child indexes from the root down to el."""
    path = []
    parent = el.getparent()
    while parent is not None:
        path.append(parent.index(el))
        el, parent = parent, parent.getparent()
    return tuple(reversed(path))


def is_inside(el, containers) -> bool:
    """Is el one of containers or inside one of them? (containers: a set of elements)"""
    while el is not None:
        if el in containers:
            return True
        el = el.getparent()
    return False


def hidden(el) -> bool:
    """Is el or an ancestor hidden in the saved page (the hidden attribute,
    aria-hidden="true", an inline display:none or visibility:hidden)? A reader does not see
    it (docs/annotation.md)."""
    while el is not None:
        if el.get("hidden") is not None or el.get("aria-hidden") == "true":
            return True
        style = el.get("style")
        if style and _HIDDEN_STYLE.search(style):
            return True
        el = el.getparent()
    return False


def in_chrome(el, menus: bool = True) -> bool:
    """Inside the site's footer, header or menu? The article (or <main>) shields: an
    "entry-footer" inside <article> belongs to the article. menus=False: a box named just
    "menu" does not count (for blocks under an explicit "Related" heading)."""
    names_re = CHROME_CLASS if menus else CHROME_CLASS_STRICT
    chrome = by_tag = False
    while el is not None:
        tag = el.tag
        # <main> shields its own <footer> too, unless it wraps the page (holds a <main>)
        if tag == "article" or (tag == "main" and not (by_tag and _MAIN_INSIDE(el))):
            return False
        if tag == "body":
            return chrome
        if not chrome:
            names = (el.get("class") or "") + " " + (el.get("id") or "")  # "endofarticle"
            by_tag = (tag in ("footer", "header") and not _ARTICLE_PART.search(names)) or \
                el.get("role") in ("contentinfo", "banner")
            # No chrome: a box named "footer-recirc" inside <main> (the article's own
            # footer), a token naming the article's footer ("single-article-footer"), a box
            # so named or tagged that holds the headline (it wraps the page: "above-footer")
            chrome = (by_tag or (bool(names.strip()) and
                                 any(names_re.search(t) and not OWN_FOOTER.search(t)
                                     for t in names.lower().split()))) and \
                next(el.iter("h1"), None) is None
        el = el.getparent()
    return chrome


def top_box(el):
    """The child of <body> that holds el (None outside <body>): a box in another one than
    the <h1>'s is a band of the site's own between the article and the footer."""
    while el is not None:
        parent = el.getparent()
        if parent is not None and parent.tag == "body":
            return el
        el = parent
    return None


def box_names(node) -> str:
    """A box's class and id names in one lowercased string: what a name test searches."""
    return f'{node.get("class") or ""} {node.get("id") or ""}'.lower()
