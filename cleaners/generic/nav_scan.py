"""Finding the few elements worth a precise look, in a handful of XPath passes.

Testing every element of a page against the vocabularies in Python costs milliseconds. The
page's text nodes are instead joined with NUL, lowercased once and scanned with one regex
(label stems at a node's start) and a few str.find calls (arrows at its end); its class
names, deduplicated, with str.find for a few stems. Only the hits that survive a precise
check (cleaners.vocab) are fetched again, by position, as smart strings that know their
element; everything after works on those few elements.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..vocab import (
    ARROW_TAIL,
    CLASS_EXCLUDE,
    CLASS_STEMS,
    LABEL_SCAN,
    LEADING_ARROW,
    NAV_CLASS_NEXT,
    NAV_CLASS_PREV,
    NEXT_ARROWS,
    NEXT_START,
    PREV_START,
    READ_MORE,
    RELATED_CLASS,
    RELATED_HEADING,
    TEASER_HEADING,
)
from .nav_dom import STOP_TAGS, squash

# Whitespace-only nodes (indentation) are half of a page's text nodes: skipped in C. Plain
# strings: a smart string makes lxml build its parent element's proxy (a Python call per
# node with lxml.html); the few real hits are fetched again, by position, as smart strings.
_TEXTS = etree.XPath("descendant::text()[normalize-space()]", smart_strings=False)
_TEXTS_AT = etree.XPath(
    "descendant::text()[normalize-space()][contains($at, concat('|', position(), '|'))]"
)
_TEXT_AT = etree.XPath("(descendant::text()[normalize-space()])[$k]")
# Class names only: adding @id doubles the cost (a union is sorted) and hint words in ids
# come with a class saying the same ("jp-relatedposts").
_CLASSES = etree.XPath("descendant::*/@class", smart_strings=False)
_CLASSES_AT = etree.XPath("(descendant::*/@class)[contains($at, concat('|', position(), '|'))]")
_CLASS_AT = etree.XPath("(descendant::*/@class)[$k]")
# rel="nofollow noopener" is on many links: filter in C, proxies only for prev/next.
# ([@rel] first: a translate() per link would cost five times more than these tests.)
_REL_TEST = ("[@rel][contains(@rel, 'prev') or contains(@rel, 'next') or contains(@rel, 'Prev')"
             " or contains(@rel, 'Next') or contains(@rel, 'PREV') or contains(@rel, 'NEXT')]"
             "[@href]")
_REL_ANCHORS = etree.XPath("descendant::a" + _REL_TEST)
_REL_LINKS = etree.XPath("/*/head/link" + _REL_TEST)  # not descendant::, a whole-page walk
# A page with hundreds of hits is a list of arrows or bullets, not an article with a pair.
_MAX_HITS = 80
_MAX_STARTS = 2000  # text nodes opening with a label stem, before the precise check
# Where a heading given in two languages splits: a slash or bar, or the step between CJK
# or Hangul and Latin letters.
_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_BILINGUAL = re.compile(
    rf"\s*[/|｜／]\s*|(?<=[{_CJK}])\s*(?=[A-Za-z])|(?<=[A-Za-z])\s*(?=[{_CJK}])")


@dataclass(slots=True)
class TextHit:
    """A text node that starts with a label stem or ends with an arrow."""
    owner: object  # the element whose .text (or .tail when is_tail) the node is
    text: str  # node text, whitespace folded (see squash)
    is_tail: bool
    arrow: bool  # found by the trailing-arrow scan


@dataclass(slots=True)
class Hits:
    texts: list[TextHit] = field(default_factory=list)
    nav_prev: list = field(default_factory=list)  # elements whose class says "previous"
    nav_next: list = field(default_factory=list)
    related: list = field(default_factory=list)  # "related-posts", "recommend", ...
    rel_anchors: list = field(default_factory=list)  # <a rel=prev|next>
    head_links: list = field(default_factory=list)  # <link rel=prev|next>
    # elements whose own text is a short line ending in a colon ("Weitere Artikel zum
    # Thema:"): labels of what follows them (nav_label_lists.py)
    colon_lines: list = field(default_factory=list)


def scan(root) -> Hits:
    hits = Hits()
    hits.texts = _text_hits(root, hits.colon_lines)
    _class_hits(root, hits)
    for a in _REL_ANCHORS(root):
        if rel_direction(a.get("rel")):
            hits.rel_anchors.append(a)
    for link in _REL_LINKS(root):
        if rel_direction(link.get("rel")):
            hits.head_links.append(link)
    return hits


def _positions(joined: str, offsets, where: str, limit: int = _MAX_HITS) -> list[int]:
    """Node indexes (1-based) of increasing offsets in the NUL-joined text
    ("\x00" + "\x00".join(nodes) + "\x00"). where: each offset is the NUL "before" its
    node, the NUL "after" it, or lies "within" it."""
    found: list[int] = []
    count, last = 0, 0
    for offset in offsets:
        count += joined.count("\x00", last, offset)  # NULs before offset
        last = offset
        k = count + (where == "before")
        if not found or found[-1] != k:
            found.append(k)
            if len(found) > limit:
                break
    return found


def _fetch(root, positions: list[int], one, many) -> list:
    """Nodes at XPath positions, as smart strings: one numbered query each for one or two
    (libxml2 stops early), a single pass with a position list beyond."""
    if len(positions) <= 2:
        return [node for k in positions for node in one(root, k=k)]
    return many(root, at="|" + "|".join(map(str, positions)) + "|")


def _find_all(text: str, stems: tuple[str, ...]):
    """Offsets of every stem in text, in order."""
    offsets = []
    for stem in stems:
        i = text.find(stem)
        while i >= 0:
            offsets.append(i)
            i = text.find(stem, i + 1)
    return sorted(offsets)


def _text_hits(root, colon_lines: list) -> list[TextHit]:
    """Label and arrow hits; colon_lines gets the elements of short text nodes that end in
    a colon (fetched in the same pass)."""
    texts = _TEXTS(root)
    joined = "\x00" + "\x00".join(texts).lower() + "\x00"
    if "\u0307" in joined:
        # "İLGİLİ HABERLER".lower() is "i̇li̇gi̇li̇ haberler" (each İ an i and a combining
        # dot): the stems are plain. Removing characters inside nodes keeps the NUL count.
        joined = joined.replace("\u0307", "")
    starts = _positions(joined, (m.start() for m in LABEL_SCAN.finditer(joined)), "before",
                        _MAX_STARTS)
    ends = set(_positions(joined, _arrow_ends(joined), "after"))
    # The stems are loose ("more ", "read", "auch"): keep the nodes that really are labels.
    # French prose opens hundreds of nodes with "»": block headings are kept beyond the cap.
    labels = [k for k in starts if is_label(texts[k - 1])]
    found = sorted(set(labels[:_MAX_HITS]) | ends |
                   {k for k in labels[_MAX_HITS:] if related_heading(squash(texts[k - 1]))})
    colons = _colon_ends(joined, texts)
    wanted = sorted(set(found) | colons)
    if not wanted:
        return []
    hits = []
    found_set = set(found)
    for k, node in zip(wanted, _fetch(root, wanted, _TEXT_AT, _TEXTS_AT), strict=False):
        if k in colons and not node.is_tail:
            colon_lines.append(node.getparent())
        text = squash(node) if k in found_set else ""
        if text:
            hits.append(TextHit(node.getparent(), text, node.is_tail, k in ends))
    return hits


_COLON_END = re.compile(r"[:：]\s*\x00")
_MAX_COLON_LINE = 80


def _colon_ends(joined: str, texts: list) -> set[int]:
    """Node indexes of short text nodes that end in a colon (at most _MAX_HITS)."""
    ks = _positions(joined, (m.end() - 1 for m in _COLON_END.finditer(joined)), "after")
    return {k for k in ks if 1 < len(texts[k - 1].strip()) <= _MAX_COLON_LINE}


def _arrow_ends(joined: str) -> list[int]:
    """Offsets of the NUL after each text node that ends with a next-arrow ("Title »")."""
    offsets = []
    for arrow in NEXT_ARROWS:
        i = joined.find(arrow)
        while i >= 0:
            m = ARROW_TAIL.match(joined, i + len(arrow))
            if m:
                offsets.append(m.end() - 1)
            i = joined.find(arrow, i + 1)
    return sorted(set(offsets))


def read_more(text: str) -> bool:
    """"Read more »", "Weiterlesen", "阅读全文": a link to the article, not its title. (The
    length test first: the big case-insensitive alternation costs ~1 µs a call.)"""
    return len(text) <= 40 and READ_MORE.match(text) is not None


def heading_label(text: str) -> bool:
    """A related-block or site-list heading ("You may also like", "Most read")."""
    return len(text) <= 100 and TEASER_HEADING.match(text) is not None


def is_label(text: str) -> bool:
    """Does a text node open with a prev/next label or is it a related-block heading?"""
    return bool(PREV_START.match(text) or NEXT_START.match(text) or related_heading(text)
                or NEXT_START.match(LEADING_ARROW.sub("", text, count=1)))


def related_heading(text: str) -> bool:
    """An article-related block heading ("Related posts", "Lire aussi :", "推荐阅读"), also
    given in two languages ("関連記事 RELATED", "Related / 相关文章"): each part one."""
    if len(text) > 100:
        return False
    if RELATED_HEADING.match(text) is not None:
        return True
    parts = [p for p in _BILINGUAL.split(text) if p.strip()]
    return len(parts) == 2 and all(RELATED_HEADING.match(p) for p in parts)


def _class_hits(root, hits: Hits) -> None:
    values = _CLASSES(root)
    unique = list(dict.fromkeys(values))  # menus repeat the same names dozens of times
    joined = "\x00" + "\x00".join(unique).lower() + "\x00"
    kinds: dict[str, str] = {}
    for k in _positions(joined, _find_all(joined, CLASS_STEMS), "within"):
        kind = class_kind(unique[k - 1])
        if kind:
            kinds[unique[k - 1]] = kind
    if not kinds:
        return
    wanted = [i for i, value in enumerate(values, 1) if value in kinds][:_MAX_HITS]
    lists = {"prev": hits.nav_prev, "next": hits.nav_next, "related": hits.related}
    for attr in _fetch(root, wanted, _CLASS_AT, _CLASSES_AT):
        el = attr.getparent()
        if el.tag not in STOP_TAGS:
            lists[kinds[attr]].append(el)


# A BEM modifier naming a direction ("xc-button--previous" around the previous thread's
# title): the block it modifies (a button) says nothing against it.
_DIRECTION_MODIFIER = re.compile(r"--(?:prev|previous|next)$")


def class_kind(value: str) -> str | None:
    """What a class value names: "prev", "next" (a link or its box) or "related"."""
    for token in value.lower().split():
        if CLASS_EXCLUDE.search(token) and not _DIRECTION_MODIFIER.search(token):
            continue
        if RELATED_CLASS.search(token):  # first: "read-next" is a teaser, not the next post
            return "related"
        prev, nxt = NAV_CLASS_PREV.search(token), NAV_CLASS_NEXT.search(token)
        if prev and not nxt:  # both: the pair's box ("next-prev", "pre_next")
            return "prev"
        if nxt and not prev:
            return "next"
    return None


def rel_direction(rel: str | None) -> str | None:
    tokens = (rel or "").lower().split()
    if "prev" in tokens or "previous" in tokens:
        return "prev"
    if "next" in tokens:
        return "next"
    return None
