"""Links that page through something other than articles: a numbered pager ("‹ 1 2 3 Next
›"), the arrows of a gallery, slider or media player (docs/annotation.md, "Neither") and
a blog calendar's arrows to the previous and next month.
Used by navigation.py on prev/next candidates."""
from __future__ import annotations

import re

from ..vocab import MEDIA_BOX
from .nav_dom import STOP_TAGS, text_len

# A gallery's arrows sit a few boxes inside it.
_MEDIA_LEVELS = 4
# A month's table holds a cell per day; 28 is the shortest month.
_MONTH_DAYS = 28
_CALENDAR_NAME = re.compile(r"calend|kalend|(?<![a-z])cal(?![a-z])")


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


def in_calendar(a) -> bool:
    """A blog calendar's "«" / "»" ("blog.asp?month=2006-11", WordPress "wp-calendar"): the
    table around the arrow is named a calendar or holds a cell for each day of a month."""
    node = a.getparent()
    for _ in range(_MEDIA_LEVELS):
        if node is None or node.tag in STOP_TAGS:
            return False
        if node.tag == "table":
            names = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
            days = sum(1 for td in node.iter("td") if len(td) <= 1 and
                       (td.text or "").strip().isdigit() and 1 <= int(td.text) <= 31)
            return bool(_CALENDAR_NAME.search(names)) or days >= _MONTH_DAYS
        node = node.getparent()
    return False
