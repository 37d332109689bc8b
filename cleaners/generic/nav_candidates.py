"""Previous/next candidates: the evidence for each link or labelled line, and link titles
without their labels. navigation.py merges, filters and orders them (its docstring lists the
kinds of evidence).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..text import clean_inline
from ..vocab import (
    LEADING_ARROW,
    NAV_CLASS_NEXT,
    NAV_CLASS_PREV,
    NEXT_ONLY,
    NEXT_PREFIX,
    NEXT_START,
    PREV_ONLY,
    PREV_PREFIX,
    PREV_START,
    STRONG_LINE_LABEL,
    TRAILING_ARROW,
    TRAILING_NEXT_ARROW,
)
from .nav_dom import (
    STOP_TAGS,
    ancestor_anchor,
    box_names,
    has_text,
    raw_text,
    squash,
    text_len,
)
from .nav_scan import Hits, TextHit, rel_direction

# Evidence strength of a prev/next candidate.
ARROW, CLASS, WORD, REL = 1, 2, 3, 4
STRENGTH_NAMES = {ARROW: "ARROW", CLASS: "CLASS", WORD: "WORD", REL: "REL"}
_PREFIX = {"prev": PREV_PREFIX, "next": NEXT_PREFIX}
# Text a nav line may hold besides its label and link (separators, a date).
_LINE_SLACK = 24
_LETTERS = re.compile(r"[^\W\d_]")  # a headline, not an arrow or a page number
# A text that opens a guillemet and closes it: "« Barbie » et ...", "Titre « X »".
_QUOTED = re.compile(r"^\s*«.*»|«.*»\s*$|^\s*‹.*›|‹.*›\s*$", re.DOTALL)


@dataclass(slots=True)
class Cand:
    rel: str
    anchor: object | None  # None: a labelled line without a link
    line: object  # the element to drop
    strength: int
    title: str = ""  # only for lines without a link
    why: str = ""  # provenance beyond the strength: "titled", "line" (a line without a link)

    def provenance(self) -> str:
        """Which evidence made the link: "prevnext:REL", "prevnext:WORD titled", ..."""
        name = STRENGTH_NAMES.get(self.strength, str(self.strength))
        return f"prevnext:{name} {self.why}" if self.why else f"prevnext:{name}"


def candidates(hits: Hits) -> list[Cand]:
    cands = [Cand(rel_direction(a.get("rel")) or "next", a, a, REL) for a in hits.rel_anchors]
    for rel, boxes in (("prev", hits.nav_prev), ("next", hits.nav_next)):
        for box in boxes:
            anchor = _single_anchor(box)
            if anchor is not None:
                cands.append(Cand(rel, anchor, box, CLASS))
    for hit in hits.texts:
        cand = _from_text(hit)
        if cand is not None:
            cands.append(cand)
    return cands


_TITLED = etree.XPath("//a[@title and @href]")


def titled(root) -> list[Cand]:
    """Links that show a headline and name their direction only in their title attribute
    ('<a title="上一篇">Headline</a>', a blog's bar above the post), and icon links whose
    title attribute and class name the same direction (Blogger's pager: '<a
    class="blog-pager-newer-link" title="Newer Post">' around an arrow image): the title
    then stays empty, as the reader sees none."""
    out = []
    for a in _TITLED(root):
        label = a.get("title")
        rel = "prev" if PREV_ONLY.match(label) else "next" if NEXT_ONLY.match(label) else None
        if rel is None:
            continue
        if _LETTERS.search(raw_text(a)):
            out.append(Cand(rel, a, a, WORD, why="titled"))
        elif (NAV_CLASS_PREV if rel == "prev" else NAV_CLASS_NEXT).search(box_names(a)):
            out.append(Cand(rel, a, a, WORD, why="icon"))
    return out


def _single_anchor(box):
    """The link of a "nav-previous" box: the box itself, or its one distinct link."""
    if box.tag == "a":
        return box
    anchors = [a for a in box.iter("a") if a.get("href")]
    if anchors and len({a.get("href") for a in anchors}) == 1:
        return anchors[0]
    return None


def _from_text(hit: TextHit) -> Cand | None:
    if _QUOTED.search(hit.text):
        return None  # "« Titre »", "‹Name›": guillemets around a quotation, not arrows
    rel, strength = _label_of(hit.text)
    if rel is None or (strength == ARROW and hit.arrow):
        # "Title »" / "<a>Title</a> »": a trailing arrow, unless a word said otherwise
        if hit.arrow and TRAILING_NEXT_ARROW.search(hit.text):
            return _trailing_arrow(hit)
        if rel is None:
            return None
    inside = None if hit.is_tail else ancestor_anchor(hit.owner)
    if inside is not None:
        return Cand(rel, inside, inside, strength)
    # "上一篇：没有了", "<<:  Title": the line holds its own title, no link follows
    anchor, line = (None, None) if _strip_label(hit.text, rel) else _anchor_after(hit)
    if anchor is not None:
        return Cand(rel, anchor, line, strength) if _is_nav_line(line, hit.text, anchor) \
            else None
    if STRONG_LINE_LABEL.match(hit.text):
        host = hit.owner.getparent() if hit.is_tail else hit.owner
        if host is not None and host.tag not in STOP_TAGS:
            return Cand(rel, None, host, WORD, clean_inline(_strip_label(hit.text, rel)), "line")
    return None


def _label_of(text: str) -> tuple[str | None, int]:
    """Direction and strength of a label. A word beats an arrow: Blogger themes write
    "« Newer Post" (newer = next) and "Older Post »"."""
    words = TRAILING_ARROW.sub("", LEADING_ARROW.sub("", text, count=1))
    for rel, start in (("prev", PREV_START), ("next", NEXT_START)):
        m = start.match(words)
        if m is not None and any(ch.isalpha() for ch in m.group(0)):
            return rel, WORD
    for rel, start in (("prev", PREV_START), ("next", NEXT_START)):
        if start.match(text):  # "<<:" and ">>:" (keepto) are no bullets or quotes
            return rel, WORD if STRONG_LINE_LABEL.match(text) else ARROW
    return None, 0


def _trailing_arrow(hit: TextHit) -> Cand | None:
    """"Title »" inside a link, or "<a>Title</a> »" (Kubrick's next_post_link)."""
    label = TRAILING_NEXT_ARROW.sub("", hit.text)
    # a word label only: "»»" is an arrow after an arrow (NEXT_ONLY takes a lone symbol)
    strength = WORD if label and NEXT_ONLY.match(label) and _LETTERS.search(label) else ARROW
    if hit.is_tail and hit.owner.tag == "a":
        anchor = hit.owner
        parent = anchor.getparent()
        line = parent if parent is not None and parent.tag not in STOP_TAGS and \
            text_len(parent, text_len(anchor) + 3) - text_len(anchor) <= 3 else anchor
        return Cand("next", anchor, line, strength)
    anchor = None if hit.is_tail else ancestor_anchor(hit.owner)
    if anchor is not None:
        return Cand("next", anchor, anchor, strength)
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
    """A nav line holds its label and link, little else (prose with "Next:" is not one).
    Lines split by <br> are lines ("<p><b>Next:</b> <a>…</a><br><b>Previous:</b> <a>…</a>")."""
    if line is None or line.tag in STOP_TAGS:
        return False
    allowed = text_len(anchor) + len(label) + _LINE_SLACK
    return text_len(line, allowed) <= allowed or _br_line_len(line, anchor) <= allowed


def _br_line_len(line, anchor) -> int:
    """Length of the <br>-separated piece of the line that holds the anchor (the whole
    line's when it has no <br> child)."""
    pieces = [line.text or ""]
    holds = False
    for child in line:
        if not isinstance(child.tag, str):
            pieces.append(child.tail or "")
            continue
        if child.tag == "br":
            if holds:
                break
            pieces = [child.tail or ""]
            continue
        holds = holds or child is anchor or anchor in child.iterdescendants("a")
        pieces.extend((raw_text(child), child.tail or ""))
    return len(squash("".join(pieces))) if holds else 1 << 30



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
