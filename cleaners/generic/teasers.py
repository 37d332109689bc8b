"""Teaser and related-link blocks: "Recommend", "You may also like", "推荐阅读", ...

A block starts from
- a heading or label whose whole text is a related-block heading (vocab.RELATED_HEADING):
  the block is what follows it (its next siblings, up to the next heading of the same rank
  or the first stretch of prose), or the rest of its line for an inline label
  ("Lire aussi : <a>…</a>", "Читайте также: <a>…</a>");
- a class/id name (related, recommend, more-stories, yarpp, tuijian, xgwz, ...): the element.
Blocks in the site's footer, header or menu are site-wide, not about the article: skipped.
Headings of site-wide lists ("Most read", "热门文章") are not related-block headings.

Items are cards: the largest element around a link that holds no other link. Its title is
a heading inside it (or a title-classed element), else the longest link text; its snippet
an excerpt-classed element, else its longest block of real text (not a date, category or
byline), else a text-only next sibling (<dt><a>title</a></dt><dd>snippet</dd>). Without
any link, title and snippet blocks alternate (the text-dump layout: <p>Title</p>
<p>Snippet...</p>, accepted when a snippet is cut with "..." or all are longer than titles).

Teaser or related link? Decided per block, never split: a block where any card has a
snippet gives teasers (cards without one get snippet ""); a block of bare links gives
rel="related" links. A list of one- or two-word links is a topic/tag list: not taken.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..article import Link, Teaser
from ..html import block_texts
from ..text import clean_inline, clean_snippet, word_count
from ..vocab import EXCERPT_CLASS, READ_MORE, RELATED_HEADING, TEASER_HEADING, TITLE_CLASS
from .nav_scan import (
    HEADING_TAGS,
    STOP_TAGS,
    Hits,
    ancestor_anchor,
    doc_key,
    has_text,
    in_chrome,
    is_inside,
    real_href,
    text_len,
    text_of,
)

# Text a block may hold outside its cards (its heading, a "see all" link, an ad label).
_BLOCK_SLACK = 200
_INLINE_SLACK = 24  # text of an inline label's line besides the label and links
_WRAPPER_SLACK = 12  # "推荐阅读 更多>>": a heading box may hold a short "more" link
_MAX_REGION = 40
_MAX_TITLE = 200
_NON_LETTER = re.compile(r"[\W\d_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.。:：;；]\s*$")
_TEXT_TAGS = frozenset("p div span li dt dd h3 h4 h5 h6 strong b em".split())


@dataclass(slots=True)
class Card:
    title: str
    url: str | None
    el: object
    snippet: str = ""
    extra: object = None  # a next sibling that holds the snippet


@dataclass(slots=True)
class Block:
    elements: list
    links: list = field(default_factory=list)  # (doc key, Link)
    teasers: list = field(default_factory=list)  # (doc key, Teaser)


def find_blocks(root, hits: Hits, url: str | None, nav_anchors: set) -> list[Block]:
    """Teaser/related blocks in page order; nav_anchors (strong prev/next links) are not
    cards."""
    seeds = []
    for hit in hits.texts:
        if hit.arrow or not RELATED_HEADING.match(hit.text):
            continue
        host = hit.owner.getparent() if hit.is_tail else hit.owner
        if host is not None and ancestor_anchor(host) is None:
            seeds.append((doc_key(host), hit, None))
    for el in _class_seeds(hits.related):
        seeds.append((doc_key(el), None, el))
    seeds.sort(key=lambda s: s[0])

    blocks: list[Block] = []
    taken: set = set()
    for _, hit, el in seeds:
        anchor_el = el if el is not None else hit.owner
        if is_inside(anchor_el, taken) or in_chrome(anchor_el):
            continue
        block = _from_class(el, url, nav_anchors) if el is not None else \
            _from_heading(hit, url, nav_anchors)
        if block is not None:
            blocks.append(block)
            taken.update(block.elements)
    return blocks


def _class_seeds(elements: list) -> list:
    """Sibling items that each carry the hint ("related-post" x 5) stand for their parent."""
    found = set(elements)
    out = []
    for el in elements:
        parent = el.getparent()
        if parent is not None and parent.tag not in STOP_TAGS and \
                sum(1 for sib in parent if sib in found) >= 2:
            el = parent
        if el not in out:
            out.append(el)
    return out


# --- block shapes --------------------------------------------------------------------------

def _from_class(el, url, nav_anchors) -> Block | None:
    cards = _cards([el], url, nav_anchors)
    if len(cards) < 2 or _loose_text(el, cards) > _BLOCK_SLACK:
        return None
    return _block(cards, [el])


def _from_heading(hit, url, nav_anchors) -> Block | None:
    if hit.is_tail:  # "<br>Lire aussi : <a>...</a>": the label is loose text of its parent
        host = hit.owner.getparent()
        region = list(hit.owner.itersiblings())
        return _inline(host, hit.text, region, url, nav_anchors)
    head = hit.owner
    heading_len = len(hit.text) + 3  # + 3: spaces inside the node that clean_inline folded
    if text_len(head, heading_len) > heading_len:  # "<p>Read more: <a>…</a></p>": inline
        return _inline(head, hit.text, list(head), url, nav_anchors)
    for _ in range(4):  # climb boxes that hold only the heading (and a short "more" link)
        parent = head.getparent()
        if parent is None or parent.tag in STOP_TAGS or \
                text_len(parent, heading_len + _WRAPPER_SLACK) - heading_len > _WRAPPER_SLACK:
            break
        head = parent
    region = _region_after(head)
    if not region:
        return None
    if next((a for r in region for a in r.iter("a")), None) is None:
        cards = _text_pairs(region)
    else:
        cards = _cards(region, url, nav_anchors)
    used = _trim_region(region, cards)
    cards = [c for c in cards if is_inside(c.el, set(used))]
    if not cards:
        return None
    return _block(cards, [head, *used])


def _inline(host, label: str, region: list, url, nav_anchors) -> Block | None:
    if host is None or host.tag in STOP_TAGS:
        return None
    cards = _cards([r for r in region if isinstance(r.tag, str)], url, nav_anchors)
    if not cards:
        return None
    allowed = len(label) + sum(_size(c) for c in cards) + _INLINE_SLACK
    if text_len(host, allowed) > allowed:
        return None
    return _block(cards, [host])


def _region_after(head) -> list:
    """Next siblings of a heading, up to the next heading of the same rank (or a heading
    without links: a new section of the article), or another block's heading."""
    rank = int(head.tag[1]) if head.tag in HEADING_TAGS else 9
    region = []
    for sib in head.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        if sib.tag in HEADING_TAGS and (int(sib.tag[1]) <= rank or
                                        next(sib.iter("a"), None) is None):
            break
        if text_len(sib, 60) < 60 and TEASER_HEADING.match(text_of(sib)):
            break
        region.append(sib)
        if len(region) >= _MAX_REGION:
            break
    return region


def _trim_region(region: list, cards: list[Card]) -> list:
    """The region up to its last card, cut before the first stretch of prose."""
    holders = set()
    for card in cards:
        for el in (card.el, card.extra):
            node = el
            while node is not None and node not in holders:
                holders.add(node)
                node = node.getparent()
    used = []
    for el in region:
        if el in holders:
            if _loose_text(el, cards) > _BLOCK_SLACK:
                break
        elif text_len(el, _INLINE_SLACK) > _INLINE_SLACK:
            break
        used.append(el)
    while used and used[-1] not in holders:
        used.pop()
    return used


def _block(cards: list[Card], elements: list) -> Block | None:
    cards = [c for c in cards if c.title]
    if not cards:
        return None
    block = Block(elements=elements)
    if any(c.snippet for c in cards):
        for c in cards:
            snippet, truncated = clean_snippet(c.snippet)
            block.teasers.append((doc_key(c.el), Teaser(c.title, snippet, truncated, c.url)))
    else:
        if len(cards) >= 2 and all(word_count(c.title) < 3 and len(c.title) < 20 for c in cards):
            return None  # "Diabetes", "Heart health": a topic list, not articles
        block.links = [(doc_key(c.el), Link("related", c.title, c.url)) for c in cards]
    return block


def _size(card: Card) -> int:
    return text_len(card.el) + (text_len(card.extra) if card.extra is not None else 0)


def _loose_text(el, cards: list[Card]) -> int:
    """Text under el that no card (title element or snippet sibling) accounts for."""
    covered = sum(text_len(part) for c in cards for part in (c.el, c.extra)
                  if part is not None and is_inside(part, {el}))
    return text_len(el, covered + _BLOCK_SLACK) - covered


# --- cards ---------------------------------------------------------------------------------

def _cards(region: list, url, nav_anchors: set) -> list[Card]:
    """One card per distinct link: the largest element around it holding no other link."""
    found = []
    hrefs: dict = {}  # element -> set of links under it (within the region)
    for top in region:
        for a in top.iter("a"):
            href = real_href(a, url)
            if href is None or a in nav_anchors:
                continue
            found.append((a, href, top))
            node = a
            while True:
                hrefs.setdefault(node, set()).add(href)
                if node is top:
                    break
                node = node.getparent()
    groups: dict = {}
    for a, href, top in found:
        node = a
        while node is not top and len(hrefs[node.getparent()]) == 1:
            node = node.getparent()
        groups.setdefault(node, (href, []))[1].append(a)
    cards = []
    for el, (href, anchors) in groups.items():
        card = _card(el, href, anchors)
        if card is not None:
            cards.append(card)
    return cards


def _card(el, href: str, anchors: list) -> Card | None:
    title_el = _title_element(el)
    if title_el is not None:
        title = text_of(title_el)
    else:
        texts = [(_anchor_text(a), a) for a in anchors]
        texts = [(t, a) for t, a in texts if t and not READ_MORE.match(t)]
        if not texts:
            return None
        title, anchor = max(texts, key=lambda ta: len(ta[0]))
        parent = anchor.getparent()
        if parent is not None and parent.tag == "p" and \
                text_len(parent, 2 * text_len(anchor) + 40) > 2 * text_len(anchor) + 40:
            return None  # a link inside a sentence of prose, not a card
    if not title or len(title) > _MAX_TITLE or READ_MORE.match(title) or \
            TEASER_HEADING.match(title):
        return None
    card = Card(title, href, el)
    card.snippet, card.extra = _snippet(el, title, title_el)
    return card


def _title_element(el):
    if el.tag in HEADING_TAGS:
        return None  # the card is the heading itself: its link text is the title
    for node in el.iter(*HEADING_TAGS):
        if has_text(node):
            return node
    for node in el.iter():
        cls = node.get("class")
        if node is not el and cls and _names(cls, TITLE_CLASS) and \
                not _names(cls, EXCERPT_CLASS) and has_text(node):
            return node
    return None


def _anchor_text(a) -> str:
    """Link text without an excerpt nested in the link (<a><span class=title>T</span>
    <span class=desc>S</span></a>)."""
    parts = [a.text or ""]
    for child in a:
        if isinstance(child.tag, str) and not _names(child.get("class"), EXCERPT_CLASS):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return clean_inline(" ".join(parts))


def _snippet(el, title: str, title_el) -> tuple[str, object]:
    for node in el.iter():
        if node is el or not _names(node.get("class"), EXCERPT_CLASS):
            continue
        if title_el is not None and (is_inside(title_el, {node}) or is_inside(node, {title_el})):
            continue
        text = text_of(node)
        if text and text != title and not READ_MORE.match(text):
            return text, None
    best = ""
    for block in block_texts(el):
        text = clean_inline(block)
        if text.startswith(title):
            text = text[len(title):].strip(" -–—:|·•")
        if text and text != title and len(text) > len(best) and substantial(text) and \
                not READ_MORE.match(text):
            best = text
    if best:
        return best, None
    sib = el.getnext()
    if sib is not None and isinstance(sib.tag, str) and sib.tag not in HEADING_TAGS and \
            next(sib.iter("a"), None) is None:
        text = text_of(sib)
        if substantial(text):
            return text, sib
    return "", None


def _text_pairs(region: list) -> list[Card]:
    """The text-dump layout: <p>Title</p><p>Snippet...</p> pairs without links."""
    items = []
    for el in region:
        if el.tag not in _TEXT_TAGS or any(isinstance(c.tag, str) and c.tag in _TEXT_TAGS
                                           and c.tag not in ("strong", "b", "em", "span")
                                           for c in el):
            break
        text = text_of(el)
        if text:
            items.append((text, el))
    pairs = [(items[i], items[i + 1]) for i in range(0, len(items) - 1, 2)]
    if not pairs:
        return []
    for (title, _), (snippet, _) in pairs:
        if len(title) > _MAX_TITLE or _SENTENCE_END.search(title) or not substantial(snippet):
            return []
    if not any(clean_snippet(s)[1] for _, (s, _) in pairs) and \
            not all(len(s) > len(t) for (t, _), (s, _) in pairs):
        return []
    return [Card(t, None, t_el, s, s_el) for (t, t_el), (s, s_el) in pairs]


def substantial(text: str) -> bool:
    """Real text, not a date, category or byline: enough letters (CJK counts triple)."""
    letters = len(_NON_LETTER.sub("", text))
    return letters + 2 * len(_CJK.findall(text)) >= 24


def _names(value: str | None, pattern: re.Pattern) -> bool:
    return bool(value) and any(pattern.search(t) for t in value.lower().split())
