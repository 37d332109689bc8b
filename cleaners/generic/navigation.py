"""Prev/next links and teaser blocks found by structure and vocabulary.

`find_navigation(root, url)` returns (related_links, teasers, elements holding them); the
caller drops the elements before main-text detection, so navigation never reaches the body.

Previous/next evidence, strongest first (a link can collect several):
- rel="prev"/"next" on the <a>; a word label on the link or its line ("Previous article",
  "Nächster Artikel", "上一篇：", "<<: "), in any of the languages of cleaners.vocab;
- class names of the link or its box ("nav-previous", "next-post-link"): titles required;
- arrows alone ("« Title", "Title »"): bullets, quotes and "Read more →" use them too, so an
  arrow-only link counts only as half of a pair (a prev and a next next to each other);
- <link rel=prev/next> in <head>: only for a direction the body has no link for (its title
  is the link's title attribute, usually empty).
A line with a strong label and no link ("<<:  Title", "上一篇：Title") gives a link with
url None; "上一篇：没有了" (no previous article) gives no link, but its element is dropped.
Not navigation: numbered pagination ("1 2 3 Next"), comment pages ("« Older Comments"),
listing pages ("Older posts"), "back to the list" links, carousels (see vocab).

Teaser blocks are found in teasers.py (see there for the teaser/related decision).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..article import Link, Teaser
from ..text import clean_inline
from ..vocab import (
    DIRECTION_WORD,
    LEADING_ARROW,
    NAV_EXCLUDE,
    NEXT_ONLY,
    NEXT_PREFIX,
    NEXT_START,
    NO_ARTICLE,
    PREV_ONLY,
    PREV_PREFIX,
    PREV_START,
    STRONG_LINE_LABEL,
    TRAILING_ARROW,
    TRAILING_NEXT_ARROW,
)
from .nav_cards import home_page
from .nav_dom import (
    STOP_TAGS,
    absolute,
    ancestor_anchor,
    ancestors,
    doc_key,
    has_text,
    hidden,
    in_chrome,
    is_inside,
    linkable,
    raw_text,
    real_href,
    squash,
    text_len,
)
from .nav_expand import expand
from .nav_flips import in_calendar, in_media_box, in_pager
from .nav_merge import first_occurrence, not_itself, unique
from .nav_pages import base_url, own_title_keys, page_of_same_article
from .nav_scan import Hits, TextHit, read_more, rel_direction, scan
from .teasers import find_blocks

# Evidence strength of a prev/next candidate.
_ARROW, _CLASS, _WORD, _REL = 1, 2, 3, 4
_PREFIX = {"prev": PREV_PREFIX, "next": NEXT_PREFIX}
# Text a nav line may hold besides its label and link (separators, a date).
_LINE_SLACK = 24
_LETTERS = re.compile(r"[^\W\d_]")  # a headline, not an arrow or a page number
# A text that opens a guillemet and closes it: "« Barbie » et ...", "Titre « X »".
_QUOTED = re.compile(r"^\s*«.*»|«.*»\s*$|^\s*‹.*›|‹.*›\s*$", re.DOTALL)


@dataclass(slots=True)
class _Cand:
    rel: str
    anchor: object | None  # None: a labelled line without a link
    line: object  # the element to drop
    strength: int
    title: str = ""  # only for lines without a link


def find_navigation(root, url: str | None) -> tuple[list[Link], list[Teaser], list]:
    """Return (related_links, teasers, elements holding them), both lists in page order.
    Elements never include <html>, <body>, <main>, <article> or the main text."""
    url = base_url(root, url)
    hits = scan(root)
    cands = _candidates(hits) + _titled(root)
    strong = {c.anchor for c in cands if c.anchor is not None and c.strength >= _WORD}
    blocks = find_blocks(root, hits, url, strong)
    in_blocks = {el for b in blocks for el in b.elements}
    nav, lines = _resolve(cands, url, in_blocks)
    nav = _with_head_links(nav, hits, url)

    links = [(key, link) for key, link in nav]
    teasers: list[tuple[tuple, Teaser]] = []
    for block in blocks:
        links.extend(block.links)
        teasers.extend(block.teasers)
    links, teasers = not_itself(*first_occurrence(links, teasers), own_title_keys(root))
    elements = expand(lines + [el for b in blocks for el in b.elements])
    return unique([link for _, link in links], lambda x: x.url and (x.rel, x.url)), \
        unique([t for _, t in teasers], lambda x: x.url), elements


# --- candidates ----------------------------------------------------------------------------

def _candidates(hits: Hits) -> list[_Cand]:
    cands = [_Cand(rel_direction(a.get("rel")) or "next", a, a, _REL) for a in hits.rel_anchors]
    for rel, boxes in (("prev", hits.nav_prev), ("next", hits.nav_next)):
        for box in boxes:
            anchor = _single_anchor(box)
            if anchor is not None:
                cands.append(_Cand(rel, anchor, box, _CLASS))
    for hit in hits.texts:
        cand = _from_text(hit)
        if cand is not None:
            cands.append(cand)
    return cands


_TITLED = etree.XPath("//a[@title and @href]")


def _titled(root) -> list[_Cand]:
    """Links that show a headline and name their direction only in their title attribute
    ('<a title="上一篇">Headline</a>', a blog's bar above the post)."""
    out = []
    for a in _TITLED(root):
        label = a.get("title")
        rel = "prev" if PREV_ONLY.match(label) else "next" if NEXT_ONLY.match(label) else None
        if rel is not None and _LETTERS.search(raw_text(a)):
            out.append(_Cand(rel, a, a, _WORD))
    return out


def _single_anchor(box):
    """The link of a "nav-previous" box: the box itself, or its one distinct link."""
    if box.tag == "a":
        return box
    anchors = [a for a in box.iter("a") if a.get("href")]
    if anchors and len({a.get("href") for a in anchors}) == 1:
        return anchors[0]
    return None


def _from_text(hit: TextHit) -> _Cand | None:
    if _QUOTED.search(hit.text):
        return None  # "« Titre »", "‹Name›": guillemets around a quotation, not arrows
    rel, strength = _label_of(hit.text)
    if rel is None or (strength == _ARROW and hit.arrow):
        # "Title »" / "<a>Title</a> »": a trailing arrow, unless a word said otherwise
        if hit.arrow and TRAILING_NEXT_ARROW.search(hit.text):
            return _trailing_arrow(hit)
        if rel is None:
            return None
    inside = None if hit.is_tail else ancestor_anchor(hit.owner)
    if inside is not None:
        return _Cand(rel, inside, inside, strength)
    # "上一篇：没有了", "<<:  Title": the line holds its own title, no link follows
    anchor, line = (None, None) if _strip_label(hit.text, rel) else _anchor_after(hit)
    if anchor is not None:
        return _Cand(rel, anchor, line, strength) if _is_nav_line(line, hit.text, anchor) \
            else None
    if STRONG_LINE_LABEL.match(hit.text):
        host = hit.owner.getparent() if hit.is_tail else hit.owner
        if host is not None and host.tag not in STOP_TAGS:
            return _Cand(rel, None, host, _WORD, clean_inline(_strip_label(hit.text, rel)))
    return None


def _label_of(text: str) -> tuple[str | None, int]:
    """Direction and strength of a label. A word beats an arrow: Blogger themes write
    "« Newer Post" (newer = next) and "Older Post »"."""
    words = TRAILING_ARROW.sub("", LEADING_ARROW.sub("", text, count=1))
    for rel, start in (("prev", PREV_START), ("next", NEXT_START)):
        m = start.match(words)
        if m is not None and any(ch.isalpha() for ch in m.group(0)):
            return rel, _WORD
    for rel, start in (("prev", PREV_START), ("next", NEXT_START)):
        if start.match(text):  # "<<:" and ">>:" (keepto) are no bullets or quotes
            return rel, _WORD if STRONG_LINE_LABEL.match(text) else _ARROW
    return None, 0


def _trailing_arrow(hit: TextHit) -> _Cand | None:
    """"Title »" inside a link, or "<a>Title</a> »" (Kubrick's next_post_link)."""
    label = TRAILING_NEXT_ARROW.sub("", hit.text)
    strength = _WORD if label and NEXT_ONLY.match(label) else _ARROW
    if hit.is_tail and hit.owner.tag == "a":
        anchor = hit.owner
        parent = anchor.getparent()
        line = parent if parent is not None and parent.tag not in STOP_TAGS and \
            text_len(parent, text_len(anchor) + 3) - text_len(anchor) <= 3 else anchor
        return _Cand("next", anchor, line, strength)
    anchor = None if hit.is_tail else ancestor_anchor(hit.owner)
    if anchor is not None:
        return _Cand("next", anchor, anchor, strength)
    return None


def _anchor_after(hit: TextHit):
    """The first link after a label outside links: "上一篇：<a>", "<span>Previous</span>
    <a>", "« <a>". Returns (anchor, the smallest element holding label and link)."""
    if not hit.is_tail:
        host = hit.owner
        for a in host.iter("a"):
            return a, host
        start = host
    else:
        start = hit.owner
    for _ in range(2):
        for sib in start.itersiblings():
            if not isinstance(sib.tag, str):
                continue
            anchor = sib if sib.tag == "a" else next(sib.iter("a"), None)
            if anchor is not None:
                if _label_of(_raw_start(sib))[0] is not None:
                    break  # the next line's own label: "<li>上一篇：</li><li>下一篇：<a>"
                return anchor, start.getparent()
            if has_text(sib):
                break  # text between label and link: the label belongs to something else
        start = start.getparent()
        if start is None or start.tag in STOP_TAGS or text_len(start, 80) > 80:
            break
    return None, None


def _raw_start(el) -> str:
    """The first characters of an element's text, unnormalized (enough for a label)."""
    text = ""
    for piece in el.itertext():
        text += piece
        if len(text) > 40:
            break
    return text


def _is_nav_line(line, label: str, anchor) -> bool:
    """A nav line holds its label and link, little else (prose with "Next:" is not one)."""
    if line is None or line.tag in STOP_TAGS:
        return False
    allowed = text_len(anchor) + len(label) + _LINE_SLACK
    return text_len(line, allowed) <= allowed


# --- resolution ----------------------------------------------------------------------------

def _resolve(cands: list[_Cand], url: str | None, in_blocks: set):
    """Merge the evidence per link, filter, and return ([(key, Link)], [elements])."""
    best: dict = {}  # anchor (or line) -> merged candidate
    for cand in cands:
        ident = cand.anchor if cand.anchor is not None else cand.line
        old = best.get(ident)
        if old is None:
            best[ident] = cand
            continue
        if cand.strength > old.strength or (cand.strength == old.strength and
                                            is_inside(cand.line, {old.line})):
            old.rel, old.strength = cand.rel, cand.strength  # the inner box is more precise
        if is_inside(old.line, {cand.line}):
            old.line = cand.line  # keep the wider line: "« <a>" holds the arrow too
    kept = _pairs_only_for_arrows([c for c in best.values() if c.anchor is None or
                                   linkable((c.anchor.get("href") or "").strip())])
    kept = [c for c in kept if _acceptable(c, in_blocks, url)]

    links: list[tuple[tuple, Link]] = []
    lines = []
    seen: set = set()
    keyed = sorted(((doc_key(c.anchor if c.anchor is not None else c.line), c) for c in kept),
                   key=lambda kc: kc[0])
    for key, cand in keyed:
        lines.append(cand.line)
        href = None if cand.anchor is None else real_href(cand.anchor, url)
        if NO_ARTICLE.match(cand.title) or (not cand.title and href is None):
            continue
        ident = (cand.rel, href or cand.title)
        if ident not in seen:
            seen.add(ident)
            links.append((key, Link(cand.rel, cand.title, href)))
    return links, lines


def _acceptable(cand: _Cand, in_blocks: set, url: str | None) -> bool:
    """Filters, cheapest first; sets cand.title for links."""
    if NAV_EXCLUDE.search(raw_text(cand.line)):
        return False
    a = cand.anchor
    if a is None:
        return True
    href = (a.get("href") or "").strip()
    if not linkable(href) or "comment" in href.lower():
        return False
    cand.title = anchor_title(a, cand.rel)
    if not cand.title or DIRECTION_WORD.search(cand.title):
        cand.title = _title_nearby(a, href) or cand.title
    if (not cand.title and cand.strength < _REL and in_chrome(a)) or \
            page_of_same_article(href, url) or \
            home_page(absolute(href, url) if url else href):
        return False  # a "Next" section link in the footer; page 2 of this article; a home
    if cand.strength < _WORD:
        if read_more(cand.title or "x") or is_inside(a, in_blocks) or in_chrome(a):
            return False
        if cand.strength == _CLASS and len(cand.title) < 4:
            return False
    return not in_pager(a) and not hidden(a) and not in_media_box(a) and not in_calendar(a)


def _title_nearby(a, href: str) -> str:
    """The title of a labelled link ("Next Auto News »") from another link to the same page
    in its box: the image link's neighbour <a><h5>Audi e-Tron Sportback…</h5></a>."""
    box = a.getparent()
    for _ in range(3):
        if box is None or box.tag in STOP_TAGS or text_len(box, 600) > 600:
            return ""
        texts = [squash(raw_text(other)) for other in box.iter("a")
                 if other is not a and (other.get("href") or "").strip() == href]
        texts = [t for t in texts if t and len(t) <= 200 and not DIRECTION_WORD.search(t)]
        if texts:
            return clean_inline(max(texts, key=len))
        box = box.getparent()
    return ""


def _pairs_only_for_arrows(cands: list[_Cand]) -> list[_Cand]:
    """An arrow-only link is kept when the nearest box holding another candidate holds
    exactly one, of the other direction: "« <a>A</a>" beside "<a>B</a> »". Sidebars with
    "» " bullets hold many; a script link ("<< 返回", history.go(-1)) is nobody's partner."""
    if all(c.strength > _ARROW for c in cands):
        return cands
    lineage = {id(c): ancestors(c.line, 12) for c in cands}  # pairs sit in shallow boxes
    out = []
    for cand in cands:
        if cand.strength > _ARROW:
            out.append(cand)
            continue
        node = cand.line.getparent()
        for _ in range(4):
            if node is None or node.tag in STOP_TAGS:
                break
            others = [c for c in cands if c is not cand and node in lineage[id(c)]]
            if others:
                if len(others) == 1 and others[0].rel != cand.rel:
                    out.append(cand)
                break
            node = node.getparent()
    return out


def anchor_title(a, rel: str) -> str:
    """The link text without its labels. First the whole text, label prefixes stripped
    ("← Previous Story Apple to name…"); when that strips nothing, the text without the
    pieces that are only a label ("<span>Prev</span><span>Prev</span><span>Title</span>")."""
    pieces = list(a.itertext())
    whole = squash(" ".join(pieces))
    title = whole
    for _ in range(3):
        stripped = _strip_label(title, rel)
        if stripped == title:
            break
        title = stripped
    if title == whole or not title:
        title = _strip_label("".join(" " if _is_label(p) else p for p in pieces), rel)
    title = title or _strip_label(a.get("title") or "", rel)
    return clean_inline(title)


def _is_label(piece: str) -> bool:
    words = TRAILING_ARROW.sub("", LEADING_ARROW.sub("", squash(piece), count=1))
    return not words or bool(PREV_ONLY.match(words) or NEXT_ONLY.match(words))


def _strip_label(text: str, rel: str) -> str:
    """text without its label and arrows (whitespace folded, not yet normalized)."""
    text = _PREFIX[rel].sub("", LEADING_ARROW.sub("", squash(text), count=1), count=1)
    text = TRAILING_ARROW.sub("", text).strip()
    return "" if _is_label(text) else text


def _with_head_links(nav: list, hits: Hits, url: str | None) -> list:
    """<link rel=prev/next> for the directions the body gives no link for."""
    have = {link.rel for _, link in nav}
    out = list(nav)
    for link in hits.head_links:
        rel = rel_direction(link.get("rel"))
        href = real_href(link, url)
        if rel and href and rel not in have and not page_of_same_article(href, url):
            have.add(rel)
            out.append((doc_key(link), Link(rel, clean_inline(link.get("title")), href)))
    return out

