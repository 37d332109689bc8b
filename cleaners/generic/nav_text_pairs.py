"""The text-dump layout of a related block: <p>Title</p><p>Snippet...</p> pairs without
links (used by teasers.py under a related heading whose region holds no link)."""
from __future__ import annotations

import re

from ..text import clean_inline, clean_snippet
from .nav_cards import _MAX_TITLE, Card, substantial
from .nav_dom import raw_text, squash, text_len

_TEXT_TAGS = frozenset("p div span li dt dd h3 h4 h5 h6 strong b em".split())
_SENTENCE_END = re.compile(r"[.。:：;；]\s*$")


def text_pairs(region: list) -> list[Card]:
    """The text-dump layout: <p>Title</p><p>Snippet...</p> pairs without links."""
    items = []
    for el in region:
        if el.tag not in _TEXT_TAGS or any(isinstance(c.tag, str) and c.tag in _TEXT_TAGS
                                           and c.tag not in ("strong", "b", "em", "span")
                                           for c in el):
            break
        text = squash(raw_text(el))
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
    return [Card(clean_inline(t), None, t_el, s, s_el, text_len(t_el) + text_len(s_el))
            for (t, t_el), (s, s_el) in pairs]
