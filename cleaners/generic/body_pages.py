"""The hidden pages of a paged article (body.py): a gallery or slideshow article shows one
page and sets the others to display:none, each a sibling of the shown one with the same tag
and class but for a state word ("hidden", "active"). A reader pages through all of them;
the article is all of them. Hidden elements are chrome everywhere else (boilerplate.py),
and each page is too small to be read at all (blocks.py skips small chrome unread), so the
pages are read here, after the shown one was chosen.

Only elements named by a class qualify: a bare hidden <p> beside a shown one is hidden
text, not a page (body-dev's read-hidden-nodes).
"""
from __future__ import annotations

import re

from .blocks import Block, linearize
from .body_extent import signature
from .boilerplate import is_hidden

# class tokens saying which page is shown, not what the element is
_STATE = re.compile(r"^(?:is-)?(?:hidden|active|current|visible|shown?|selected|open)$"
                    r"|^d-(?:none|block)$", re.IGNORECASE)
PREFIX = 40  # characters of a page's text enough to tell it repeats the shown page


def _page_signature(el) -> tuple:
    """signature() without the state tokens of the class."""
    classes = " ".join(t for t in (el.get("class") or "").split() if not _STATE.match(t))
    tag, cls = signature(el.makeelement(el.tag, {"class": classes}))
    return tag, " ".join(cls.split())


def _hidden(el) -> bool:
    keys = el.keys()
    return bool(keys) and is_hidden(el, keys)


def hidden_pages(members: list) -> list:
    """The hidden siblings of each shown member that are pages of the same kind."""
    found = []
    for el in members:
        parent = el.getparent()
        if parent is None or _hidden(el):
            continue
        sig = _page_signature(el)
        if not sig[1]:
            continue
        found.extend(sib for sib in parent if sib is not el and isinstance(sib.tag, str)
                     and sib.tag == el.tag and _hidden(sib) and _page_signature(sib) == sig)
    return found


def page_blocks(pages: list, shown: str) -> dict:
    """Each page's blocks outside chrome inside it; a page repeating the shown text (a copy
    for another screen size) is left out. shown: the text of the kept blocks, spaces
    collapsed."""
    out: dict = {}
    for el in pages:
        blocks: list[Block] = [b for b in linearize(el, skip_small_chrome=False).blocks
                               if not b.marks]
        first = " ".join(blocks[0].text.split())[:PREFIX] if blocks else ""
        if first and first not in shown:
            out[el] = blocks
    return out
