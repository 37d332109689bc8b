"""Lists of links under a label line: "Weitere Artikel zum Thema:", "Powiązane tematy:".

A label ending in a colon announces what follows it. When what follows is a list (<ul>,
<ol>) whose every item is one link to another article of the site, by a headline of several
words and nothing else, the list is the article's further reading, whatever the label's
words (docs/annotation.md counts such lists as related links). So is a run of two or more
lines of the text (<p>, <div>, a heading) under such a label, each one such link and nothing
else ("<p>Seguir leyendo:</p><p><a>Headline</a></p><p><a>Headline</a></p>"); items of a
list (<li>) in a row under a label <li> are a menu's sub-list (a shop's product links). The
colon stands in for the related-heading vocabulary: a label without one ("Themen", a date)
is no announcement, and a list of sources on other sites, of tags or of one-word names is no
such list.
"""
from __future__ import annotations

from lxml import etree

from ..text import word_count
from .nav_dom import (
    STOP_TAGS,
    absolute,
    doc_key,
    hidden,
    in_chrome,
    is_inside,
    linkable,
    raw_text,
    squash,
)
from .nav_pages import other_article

_MAX_LABEL = 80  # characters of the label line
_LABEL_END = (":", "：")
_MIN_WORDS = 3  # a headline, not a name or a tag ("Frankenstein 1", "Gesundheit")
_MAX_ITEMS = 20
_LINE_LABELS = frozenset(("p", "h2", "h3", "h4", "h5", "h6"))
_LINE_TAGS = frozenset(("p", "div", "h2", "h3", "h4", "h5", "h6"))
_FIRST_H1 = etree.XPath("(/*/body//h1)[1]")


def find_label_lists(root, url: str | None, taken: set,
                     colon_lines: list) -> list[tuple[object, list]]:
    """(label, [list]) and (label, [line, line, ...]) pairs, none inside `taken` (other
    blocks): lists first, then runs of lines, each in page order. colon_lines: the
    elements of short text nodes ending in a colon (nav_scan.Hits.colon_lines)."""
    if not url or not colon_lines:
        return []  # "same site" needs the page's URL
    labels = []
    for el in colon_lines:
        label = _label_of(el)
        if label is not None and label not in labels and not is_inside(label, taken) and \
                not in_chrome(label) and not hidden(label):
            labels.append(label)
    out = []
    for label in labels:
        lst = _next_element(label)
        if lst is not None and lst.tag in ("ul", "ol") and not is_inside(lst, taken) and \
                _headline_links(lst, url):
            out.append((label, [lst]))
    for label in labels:
        if label.tag not in _LINE_LABELS or any(label is x for x, _r in out):
            continue
        lines = _link_lines(label, url)
        if len(lines) >= 2 and not any(is_inside(x, taken) for x in lines):
            out.append((label, lines))
    if out:  # after the page's first <h1> (asked only now: the look-up walks the page)
        h1 = _FIRST_H1(root)
        after = doc_key(h1[0]) if h1 else ()
        out = [(label, region) for label, region in out if doc_key(label) > after]
    return out


def _label_of(el):
    """The label line a colon-ending text belongs to: its element, or the wrappers that
    hold nothing else (<div><h3><strong>Mehr zum Thema:</strong></h3></div>); None when the
    line is longer or holds a link."""
    text = squash(raw_text(el))
    if not text.endswith(_LABEL_END) or len(text) > _MAX_LABEL or el.tag in STOP_TAGS or \
            el.tag == "a" or next(el.iter("a"), None) is not None:
        return None
    for _ in range(3):
        parent = el.getparent()
        if parent is None or parent.tag in STOP_TAGS or squash(raw_text(parent)) != text:
            break
        el = parent
    return el


def _next_element(el):
    nxt = el.getnext()
    while nxt is not None and (not isinstance(nxt.tag, str) or not raw_text(nxt).strip()):
        nxt = nxt.getnext()
    return nxt


def _link_lines(label, url: str) -> list:
    """The run of lines right after the label, each one link to another article."""
    lines = []
    node = label.getnext()
    while node is not None and len(lines) < _MAX_ITEMS:
        if isinstance(node.tag, str):
            if node.tag not in _LINE_TAGS or not _one_headline_link(node, url):
                break
            lines.append(node)
        node = node.getnext()
    return lines


def _headline_links(lst, url: str) -> bool:
    """Is every item of the list one link, its whole text, by a headline of several words,
    to another article of the site?"""
    items = [k for k in lst if isinstance(k.tag, str)]
    if not 2 <= len(items) <= _MAX_ITEMS or any(k.tag != "li" for k in items):
        return False
    return all(_one_headline_link(item, url) for item in items)


def _one_headline_link(item, url: str) -> bool:
    """Is the element one link, its whole text, by a headline of several words, to another
    article of the site?"""
    links = [a for a in item.iter("a") if linkable((a.get("href") or "").strip())]
    if len(links) != 1:
        return False
    text = squash(raw_text(links[0]))
    if text != squash(raw_text(item)) or word_count(text) < _MIN_WORDS:
        return False
    return other_article(absolute(links[0].get("href").strip(), url), url)
