"""What around the chosen container belongs to the article, and what next to it does not
(body.py): the list a chosen sub-list belongs to, the lead between the headline and the
container, a short post right under its headline, a rail of cards beside the article, the
message of each post of a thread."""
from __future__ import annotations

import re

from .blocks import Block, Page, is_prose_heading
from .boilerplate import is_header

LEAD_WEIGHT = 80.0  # a prose block in a header weighing this much is a lead, not chrome
RAIL_CARDS = 3  # linked headings that make a sibling box a rail of cards, not prose
SHORT_POST_CHARS = 100  # the same as fallback.MIN_BODY_CHARS: a text this short is checked


_LISTS = frozenset({"ol", "ul"})
# numbers, and the hexadecimal ids page builders number their boxes with
# ("elementor-element-1d905f60"): a name part holding a digit
_DIGITS = re.compile(r"(?<=[-_])[0-9a-z]*\d[0-9a-z]*|\d+")


def signature(el) -> tuple:
    """Tag and class, numbers dropped: repeated sections of one article share it."""
    return el.tag, _DIGITS.sub("", el.get("class") or "")


def post_messages(members: list, section, chosen) -> list:
    """The posts of a thread (untitled <article> siblings, body.py), each narrowed to the
    place the chosen element holds in its own post: the message, not the poster's card
    (rank, post count, place) beside it. A post without that place is taken whole."""
    if section.tag != "article" or chosen is section:
        return members
    path = []
    el = chosen
    while el is not None and el is not section:
        path.append(signature(el))
        el = el.getparent()
    if el is None:
        return members
    path.reverse()
    sig = signature(section)
    return [_descend(m, path) if m.tag == "article" and signature(m) == sig else m
            for m in members]


def _descend(post, path: list):
    el = post
    for sig in path:
        el = next((c for c in el if isinstance(c.tag, str) and signature(c) == sig), None)
        if el is None:
            return post
    return el


def outer_list(el):
    """The outermost list around a chosen sub-list: a list nested in an item of another
    list is a point of it (an agenda's sessions under its second item), never the whole
    text, however much longer its items are than the outer list's own lines."""
    top = el
    while top.tag in _LISTS:
        item = top.getparent()
        if item is None or item.tag != "li":
            break
        outer = item.getparent()
        if outer is None or outer.tag not in _LISTS:
            break
        top = outer
    return top


def card_rail(el) -> bool:
    """Does el hold a rail of cards: RAIL_CARDS headings that link elsewhere, each with its
    snippet (a "latest articles" box beside the article, whose snippets read as prose)?"""
    found = 0
    for heading in el.iter("h2", "h3", "h4", "h5"):
        if heading.find(".//a[@href]") is not None or any(
                a.tag == "a" for _, a in zip(range(3), heading.iterancestors(), strict=False)):
            found += 1
            if found >= RAIL_CARDS:
                return True
    return False


def lead(page: Page, weights: list[float], content: list[bool], headline, members: list
          ) -> list[Block]:
    """Prose between the headline and the chosen container: the lead (standfirst), which
    layouts put in the article's header, apart from the body text; a standfirst set as a
    heading of paragraph length (blocks.is_prose_heading, a news site's <h2> deck) too."""
    span = page.spans.get(headline) if headline is not None else None
    starts = [page.spans[el][0] for el in members if el in page.spans]
    if span is None or not starts or span[1] >= min(starts):
        return []
    return [b for b, w, c in zip(page.blocks[span[1]:min(starts)], weights[span[1]:min(starts)],
                                 content[span[1]:min(starts)], strict=True)
            if c and w >= LEAD_WEIGHT and (not b.heading or is_prose_heading(b))
            and not _beside_picture(b.owner)]


def _visible(el) -> int:
    return len("".join(el.text_content().split()))


def _beside_picture(el) -> bool:
    """The only text of a wrapper with a picture is its caption (or credit), not a lead."""
    parent = el.getparent()
    if parent is None or _visible(parent) > _visible(el) + 20:
        return False
    return any(child.tag in ("img", "picture", "figure") for child in parent)


def under_headline(page: Page, kept: list[Block], headline) -> bool:
    """Is a short kept text the post under the headline: every kept block after the
    headline, inside the headline's parent (or its grandparent, when the parent is the
    post's header)?"""
    if not kept or headline is None or headline not in page.spans or \
            sum(len(b.text) for b in kept) >= SHORT_POST_CHARS:
        return False
    after = page.spans[headline][1]
    el = headline.getparent()
    for _ in range(2):
        if el is None or el not in page.spans or el.tag in ("body", "html"):
            return False
        post = {id(b) for b in page.blocks[after:page.spans[el][1]]}
        if all(id(b) in post for b in kept):
            return True
        if not is_header(el):
            return False
        el = el.getparent()
    return False
