"""Links that page through something other than articles: a numbered pager ("‹ 1 2 3 Next
›") and the arrows of a gallery, slider or media player (docs/annotation.md, "Neither").
Used by navigation.py on prev/next candidates."""
from __future__ import annotations

from ..vocab import MEDIA_BOX
from .nav_scan import STOP_TAGS, text_len

# A gallery's arrows sit a few boxes inside it.
_MEDIA_LEVELS = 4


def in_media_box(a) -> bool:
    """A gallery's or slider's arrow ("<ws-gallery><a class=ws-gallery__button rel=next>"):
    it pages through pictures, even when it carries rel=next."""
    node = a
    for _ in range(_MEDIA_LEVELS):
        if node is None or node.tag in STOP_TAGS:
            return False
        names = f"{node.tag} {node.get('class') or ''} {node.get('id') or ''}".lower()
        if MEDIA_BOX.search(names):
            return True
        node = node.getparent()
    return False


def in_pager(a) -> bool:
    """Numbered pagination: "‹ 1 2 3 Next ›" holds page numbers next to the link."""
    node = a.getparent()
    for _ in range(3):
        if node is None or node.tag in STOP_TAGS or text_len(node, 300) > 300:
            return False
        numbers = sum(1 for el in node.iter("a", "span", "li", "b", "strong", "em")
                      if el is not a and len(el) == 0 and (el.text or "").strip().isdigit())
        if numbers >= 2:
            return True
        node = node.getparent()
    return False
