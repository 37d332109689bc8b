"""Cards of a teaser/related block: one per item, each a title, a link and a snippet.

Items are the block's repeated elements (<li>, <article>, ...; nav_items.py) when it has
them, else the largest element around each distinct link. A card's title is its best link
text (not an excerpt cut with "…", at least three words, the longest: a linked headline beats an
unlinked category heading and a linked "News Cloud" label); its snippet an excerpt-classed
element, else its longest innermost block of real text (not a date, category or byline),
else a text-only next sibling (<dt><a>title</a></dt><dd>snippet</dd>). A card whose links
are only its category labels and an empty link covering it (<a class="stretched-link">)
takes its unlinked heading as title and the covering link. (Without any link, title and
snippet blocks alternate: nav_text_pairs.py.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..html import BLOCK_TAGS
from ..text import clean_inline, word_count
from ..vocab import EXCERPT_CLASS, TITLE_CLASS
from .nav_dom import (
    HEADING_TAGS,
    ancestor_anchor,
    has_text,
    is_inside,
    own_text,
    raw_text,
    squash,
    text_len,
    text_of,
)
from .nav_items import MAX_CARD, link_href, repeated_items
from .nav_scan import heading_label, read_more
from .nav_titles import in_title_box, text_block

_MAX_TITLE = 200
_NON_LETTER = re.compile(r"[\W\d_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")  # a title has words: "45:47" is a video's length
_FULL_STOP = re.compile(r"[.!?。！？…]\s*$")
# A link to a site's home page ("More from <a href=/>Site</a>") is no article.
# WordPress's short links to a post ("/?p=36843") are articles, not the home page.
_HOME = re.compile(r"^(?:(?:https?:)?//[^/?#]+)?/?(?:#.*|\?(?![^#]*\b(?:p|page_id)=\d).*)?$",
                   re.IGNORECASE)
# A short line with a date or an age is a byline or date line, not a summary:
# "World 1 day ago By Jane Doe", "Lesotho Times January 27, 2018", "12.03.2024, 14:05".
_META_LINE = re.compile(
    r"\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|std\.?|stunden|tagen?)\b"
    r"|\b(?:ago|vor\s+\d+)\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|(?<!\d)\d{1,2}:\d{2}(?!\d)"
    r"|\b(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zä]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\b\d{1,2}\.?\s+(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zä]*\.?\s+\d{4}",
    re.IGNORECASE,
)
_CUT = re.compile(r"(?:\.{3,}|…)\s*$")
# Blocks whose innermost ones hold a card's pieces (title, excerpt, date); excerpts may also
# be inline elements with an excerpt class.
_LEAF_BLOCKS = ("p", "div", "dd", "dt", "li", "td", "blockquote", "section", "article",
                "figcaption", "h1", "h2", "h3", "h4", "h5", "h6")
_LEAF_SET = frozenset(_LEAF_BLOCKS)
_SNIPPET_TAGS = (*_LEAF_BLOCKS, "span", "small", "em")


@dataclass(slots=True)
class Card:
    title: str  # normalized
    href: str | None  # as written in the page; made absolute once the block is accepted
    el: object
    snippet: str = ""  # raw text, normalized by clean_snippet at the end
    extra: object = None  # a next sibling that holds the snippet
    size: int = 0  # text of el and extra


def find_cards(region: list, nav_anchors: set) -> list[Card]:
    """The block's cards: its repeated items (<li>, <article>, ...) when it has them, else
    one card per distinct link (the largest element around it holding no other link)."""
    items = repeated_items(region)
    groups = _by_link(region, nav_anchors) if items is None else \
        [(item, [a for a in item.iter("a") if link_href(a) and a not in nav_anchors])
         for item in items]
    groups = [(el, [a for a in anchors if not _byline(a)]) for el, anchors in groups]
    cards = []
    for el, anchors in groups:
        card = _card(el, anchors) if anchors else None
        if card is not None:
            cards.append(card)
    return cards


# A card's byline or its breadcrumb trail ("Engineering / Data Science and Databases" above
# the headline): links to an author's or a section's page, no card of their own.
_BYLINE = re.compile(r"byline|author|breadcrumb", re.IGNORECASE)


def _byline(a) -> bool:
    """A link in a byline ("Von <a>Jane Doe</a>") or a card's breadcrumb trail: the author
    or the section, no card of its own."""
    if a.get("rel") == "author":
        return True
    node = a
    for _ in range(3):
        if node is None:
            return False
        if node.get("itemprop") == "author" or _BYLINE.search(node.get("class") or ""):
            return True
        node = node.getparent()
    return False


def _by_link(region: list, nav_anchors: set) -> list:
    """[(card element, its anchors)]: per distinct link, the largest element around it
    that holds no other link."""
    found = []
    hrefs: dict = {}  # element -> set of links under it (within the region)
    for top in region:
        for a in top.iter("a"):
            href = link_href(a)
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
    for a, _, top in found:
        node = a
        while node is not top and len(hrefs[node.getparent()]) == 1:
            node = node.getparent()
        groups.setdefault(node, []).append(a)
    return list(groups.items())


def _card(el, anchors: list) -> Card | None:
    """Title, link and snippet of one card; anchors: its links, in page order. The title is
    the longest link text (a linked <h2> beats the unlinked category <h3> above it, the
    linked headline beats the linked "News Cloud" label); a card of image links only takes
    its first heading."""
    found = [(_title_text(a), a) for a in anchors]
    found = [(raw, holder, a) for (raw, holder), a in found
             if raw and len(raw) <= _MAX_TITLE and not read_more(raw) and
             not _COUNT_LABEL.match(raw)]
    if found and all(word_count(f[0]) < 3 and len(f[0]) < 25 for f in found):
        found = _stretched(el, anchors) or found  # category labels only: a covered card?
    if found:
        raw, title_el, anchor = max(found, key=lambda f: _title_rank(f[0], f[2]))
        parent = text_block(anchor)
        limit = 2 * len(raw) + 40
        if parent is not None and parent.tag == "p" and text_len(parent, limit) > limit and \
                not _link_lines(parent):
            return None  # a link inside a sentence of prose, not a card
        title, href = clean_inline(raw), link_href(anchor)
    else:
        title_el = _unlinked_title(el)
        if title_el is None:
            return None
        title, href = text_of(title_el), link_href(anchors[0])
    if not title or not _LETTER.search(title) or read_more(title) or heading_label(title) or \
            _HOME.match(href or "") or text_len(el, MAX_CARD) > MAX_CARD:
        return None
    card = Card(title, href, el)
    card.snippet, card.extra = _snippet(el, title, title_el, href)
    card.size = text_len(el) + (text_len(card.extra) if card.extra is not None else 0)
    return card


# A button's count ("66 Likes", "12 Kommentare", "3 comments"): an action on a story, never
# its headline.
_COUNT_LABEL = re.compile(
    r"\s*\d[\d.,' ]*\s*(?:likes?|comments?|kommentare?|shares?|views?|aufrufe|reactions?"
    r"|votes?|stimmen|antworten|replies|reacties|commentaires?|partages?|comentarios?"
    r"|me\s+gusta|j['’]aime)\s*$", re.IGNORECASE)


# Text of a paragraph of link lines besides its links: a label ("Siehe auch", "Read more:")
_MAX_LINES_LABEL = 40


def _link_lines(p) -> bool:
    """Is the paragraph a list of links one per line ("<p>Siehe auch<br><a>…</a><br><a>…</a>
    …</p>"), not prose with a link in it: three links or more, each alone on its line, and
    no more text beside them than a label?"""
    links = [k for k in p if k.tag == "a"]
    if len(links) < 3 or any(k.tag not in ("a", "br") for k in p if isinstance(k.tag, str)):
        return False
    return len(own_text(p)) <= _MAX_LINES_LABEL


def _stretched(el, anchors: list) -> list:
    """A card covered by an empty link (<a class="stretched-link" aria-label="Headline">)
    whose own links are its category labels ("News", "Portugal"): its unlinked heading is
    the title, the empty link the card's link."""
    labels = {link_href(a) for a in anchors if raw_text(a).strip()}
    cover = next((a for a in anchors if not raw_text(a).strip() and link_href(a) not in labels),
                 None)
    head = _unlinked_title(el) if cover is not None else None
    if head is None or word_count(squash(raw_text(head))) < 3 or \
            ancestor_anchor(head) is not None or next(head.iter("a"), None) is not None:
        return []
    return [(raw_text(head).strip(), head, cover)]


def home_page(href: str | None) -> bool:
    """A link to a site's home page (or a query on it): no article."""
    return bool(_HOME.match(href or ""))


def _unlinked_title(el):
    """The title of a card whose link wraps only an image: its first heading, else its
    first title-classed or bold text of a few words (<header><strong>Title</strong>)."""
    heading = next((h for h in el.iter(*HEADING_TAGS) if has_text(h)), None)
    if heading is not None:
        return heading
    for node in el.iter("strong", "b", "span", "div", "p"):
        if node.tag in ("strong", "b") or class_says(node.get("class"), "title"):
            text = squash(raw_text(node))
            if word_count(text) >= 3 and len(text) <= _MAX_TITLE:
                return node
    return None


def _title_rank(text: str, anchor=None) -> tuple[bool, bool, bool, int]:
    """Linked texts of a card, best title first: not an excerpt (cut with "…", or long), then
    at least three words (not a "News Cloud" label), then a link in the card's heading
    (<h2 class=titre><a>, not the linked subtitle beside it), then the longest."""
    excerpt = len(text) > 120 or bool(_CUT.search(text)) and not in_title_box(anchor)
    words = word_count(text) >= 3
    return not excerpt, words, words and anchor is not None and _in_heading(anchor), len(text)


def _in_heading(anchor) -> bool:
    parent = anchor.getparent()
    return anchor.tag in HEADING_TAGS or (parent is not None and parent.tag in HEADING_TAGS)


def _title_text(a) -> tuple[str, object]:
    """(raw title text, element holding it) of a link: its text, or, for a link wrapping a
    whole card (<a><figure/><span>kicker</span><h3>T</h3><p>excerpt</p></a>), its heading,
    its title-classed element, or its first innermost block with text."""
    if not any(isinstance(child.tag, str) and child.tag in BLOCK_TAGS for child in a):
        return _anchor_text(a), a
    blocks = [b for b in a.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span")
              if b is not a and not class_says(b.get("class"), "excerpt")]
    # a kicker heading above the headline (<h5>News</h5><h4>Headline</h4>) is the shorter
    headings = [(raw_text(b).strip(), b) for b in blocks if b.tag in HEADING_TAGS]
    headings = [h for h in headings if h[0]]
    # the headline as the link's own text after a kicker heading (<a><h4>Fotorecht</h4>
    # Das "berechtigte Interesse" …</a>)
    loose = " ".join(p for p in [a.text or "", *(c.tail or "" for c in a)] if p.strip())
    if headings:
        best = max(headings, key=lambda h: len(h[0]))
        return (loose.strip(), a) if len(squash(loose)) > len(best[0]) else best
    for wanted in (lambda b: class_says(b.get("class"), "title"),
                   lambda b: b.tag != "span" and not any(
                       isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in b)):
        for block in blocks:
            if wanted(block):
                text = raw_text(block).strip()
                if text:
                    return text, block
    # only "text"-classed pieces (<div class="item-text"><span>Headline</span></div>): a
    # link's own text is its title
    return raw_text(a).strip(), a


def _anchor_text(a) -> str:
    """Raw link text without an excerpt nested in the link (<a><span class=title>T</span>
    <span class=desc>S</span></a>)."""
    parts = [a.text or ""]
    for child in a:
        if isinstance(child.tag, str) and not class_says(child.get("class"), "excerpt"):
            parts.append(raw_text(child))
        parts.append(child.tail or "")
    return " ".join(parts).strip()


def _snippet(el, title: str, title_el, href: str | None = None) -> tuple[str, object]:
    """Raw snippet text, and the sibling holding it when it is not inside the card: an
    excerpt-classed element, else the longest innermost block of real text, else a
    text-only next sibling. One pass; the leaf test only for blocks long enough to win. A
    block that is another link's text is that story's headline, no summary."""
    best = ""
    for node in el.iter(*_SNIPPET_TAGS):
        if node is el:
            continue
        if class_says(node.get("class"), "excerpt") and not (title_el is not None and (
                is_inside(title_el, {node}) or is_inside(node, {title_el}))):
            text = _after_title(squash(raw_text(node)), title)
            if text and not read_more(text) and summary(text):
                return text, None
        if node.tag not in _LEAF_SET and (node.tag != "span" or node.getparent() is not el):
            continue  # a card's own <span> may hold its excerpt ("<a>Title</a><span>...")
        text = raw_text(node)
        if len(text) < 12 or len(text) <= len(best) or \
                next(node.iterdescendants(*_LEAF_BLOCKS), None) is not None:
            continue  # too short, no better than the best so far, or not innermost
        text = _after_title(squash(text), title)
        if len(text) > len(best) and summary(text) and not read_more(text) and \
                not heading_label(text) and not _other_link_text(node, text, href):
            best = text
    if best:
        return best, None
    sib = el.getnext()
    # (not the next item of the card's list: "<li>card</li><li>(an ad slot)</li>")
    if sib is not None and isinstance(sib.tag, str) and sib.tag not in HEADING_TAGS and \
            sib.tag != el.tag and next(sib.iter("a"), None) is None:
        text = raw_text(sib).strip()
        if summary(squash(text)):
            return text, sib
    return "", None


def _other_link_text(node, text: str, href: str | None) -> bool:
    """Is the block's text the text of a link to another address than the card's ("<td><a
    href=/b>Headline B</a></td>" in a box of several stories)?"""
    for a in node.iter("a"):
        other = link_href(a)
        if other and other != href and squash(raw_text(a)) == text:
            return True
    return False


def _after_title(text: str, title: str) -> str:
    """A block's text without the card's title and what stands before it: "READ MORE:
    <title>", "<kicker>:<title> <summary>" leave the summary, if any."""
    at = text.find(title) if title else -1
    if at < 0:
        return text
    return text[at + len(title):].strip(" -–—:|·•")


# Letters of a summary (CJK counts triple): "Die Polizei schätzt den Wert der Drogen..."
_MIN_SUMMARY = 36


def substantial(text: str) -> bool:
    """Real text, not a date, category or byline: enough letters (CJK counts triple)."""
    if len(text) < 8 or len(text) > 80:
        return len(text) > 80
    letters = len(_NON_LETTER.sub("", text))
    return letters + 2 * len(_CJK.findall(text)) >= 24 and not _META_LINE.search(text)


def summary(text: str) -> bool:
    """A card's summary: a sentence, or a line long enough for one. A shorter line under a
    headline that ends in no full stop is its subtitle, a kicker or a byline ("Nach
    Explosionen auf Mülldeponie", "By Daily News Reporter in Dodoma"): the card is then a
    related link, not a teaser (docs/annotation.md)."""
    if len(text) > 80 or (_FULL_STOP.search(text) and substantial(text)):
        return True
    letters = len(_NON_LETTER.sub("", text))
    return substantial(text) and letters + 2 * len(_CJK.findall(text)) >= _MIN_SUMMARY


_CLASS_WORDS = {"title": TITLE_CLASS, "excerpt": EXCERPT_CLASS}
# Tailwind and Bootstrap text utilities, behind any variant prefixes, arbitrary values
# included ("sm:text-lg", "[&>p]:text-sm", "tracking-[0.4px]group-hover:text-gray-500")
_UTILITY_TEXT = re.compile(r"(?:[^\s:]+:)*text-")


@lru_cache(maxsize=8192)
def class_says(value: str | None, kind: str) -> bool:
    """Does a class value name a card's "title" or "excerpt"? (Cached: cards repeat them.) A
    text colour or size utility ("text-black-muted", "md:text-lg") names no excerpt."""
    pattern = _CLASS_WORDS[kind]
    return bool(value) and any(pattern.search(t) and not (kind == "excerpt" and (
        m := _UTILITY_TEXT.match(t)) and not pattern.search(t[m.end():]))
        for t in value.lower().split())
