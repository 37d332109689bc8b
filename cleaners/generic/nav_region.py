"""The region a related-block heading opens: the heading's next siblings up to the next
heading of the same rank, a box opening with one, another block or the article itself
(used by teasers.py)."""
from __future__ import annotations

from .nav_dom import HEADING_TAGS, STOP_TAGS, ancestor_anchor, raw_text, squash, text_len
from .nav_scan import heading_label

_MAX_REGION = 40
_MAX_ITEM = 800  # characters of a card (an <article> item) in a block


def region_after(head, taken: set) -> list:
    """Next siblings of a heading, up to the next heading of the same rank (or a heading
    without links: a new section of the article), or another block's heading."""
    # a box climbed up from its heading (<div class=secthead><h2>Mehr zum Thema</h2></div>)
    # keeps the heading's rank: the cards' own <h4>/<h3> inside the list do not end it
    inner = head if head.tag in HEADING_TAGS else next(head.iter(*HEADING_TAGS), None)
    rank = int(inner.tag[1]) if inner is not None else 9
    # a heading box climbed up to its block (<section class="block"><div>Leggi
    # anche</div><div>(filled by script)</div></section>): the next box of the same kind is
    # another block with a heading of its own
    # another block with a heading of its own; a title line of another shape (a card's
    # kicker in the next grid row, "<div class=row>…<span class=kicker>") opens no block
    peer = None if head.tag in HEADING_TAGS else _shape(head)
    label = None if peer is None else _shape(_title_line(head))
    region = []
    for sib in head.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        if peer is not None and peer[1] and _shape(sib) == peer and \
                _shape(_title_line(sib)) == label:
            break
        if sib in taken or (sib.tag in STOP_TAGS and (
                sib.tag != "article" or text_len(sib, _MAX_ITEM) > _MAX_ITEM)):
            break  # another block, or the article itself (not a card: <article> items)
        if sib.tag in HEADING_TAGS and (int(sib.tag[1]) <= rank or
                                        next(sib.iter("a"), None) is None):
            break
        if _opens_with_heading(sib, rank):
            break  # a box of its own under its own heading ("<nav><h6>More services</h6>")
        if region and text_len(sib, _MAX_ITEM) > _MAX_ITEM and _section_inside(sib, rank):
            break
        if text_len(sib, 60) < 60 and heading_label(squash(raw_text(sib))):
            break
        if next(sib.iter("textarea"), None) is not None:
            break  # a comment form ("我来说两句"): its rules and licence links are no cards
        region.append(sib)
        if len(region) >= _MAX_REGION:
            break
    return region


def _opens_with_heading(box, rank: int) -> bool:
    """Does the box open (first element, a few levels down) with a heading of the same or a
    higher rank, or with a short block label of its own, linked or not ("<section><div
    class=headline><a href=/>Top Stories</a></div>...")?"""
    node = box
    for _ in range(3):
        node = next((k for k in node if isinstance(k.tag, str)), None)
        if node is None:
            return False
        if node.tag in HEADING_TAGS:
            return int(node.tag[1]) <= rank
        if node.tag != "a" and text_len(node, 60) < 60 and len(node) and \
                heading_label(squash(raw_text(node))):
            return True
    return False


def _section_inside(box, rank: int) -> bool:
    """Does the box hold a heading of the same or a higher rank outside any link (the
    recipe card after "Related recipes", headed by the dish's name)? The article goes on
    there; a card's heading is its link."""
    return any(int(h.tag[1]) <= rank and next(h.iter("a"), None) is None and
               ancestor_anchor(h) is None for h in box.iter(*HEADING_TAGS) if h is not box)


def _shape(node) -> tuple | None:
    """A box's tag and first class name (None for no box)."""
    return None if node is None else (node.tag, (node.get("class") or "").split()[:1])


def _title_line(box):
    """The element of a box's title line (its first text outside any link, a short line,
    before its links), or None."""
    for node in box.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag == "a":
            return None
        text = (node.text or "").strip()
        if text:
            return node if len(text) <= 60 and ancestor_anchor(node) is None else None
    return None
