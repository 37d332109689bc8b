"""Where a card's link stands: in the card's heading or its title box, or in a line of text.

A headline the site cuts ("…事情蹊跷……", "被扔了…") ends like an excerpt, but standing in the
card's <h3> or title-classed box (<div class="title-box">, <h4 class="module-title">) it is
still the headline: the source or tag link beside it ("台州晚报 ⋅", "中国雷人秀") is no title
(zh-dev tune pages of toutiao, guancha and sina; docs/annotation.md, round 10).

A link wrapped in inline elements inside a paragraph of prose ("<p>新浪科技讯 …
<span><a>苹果</a></span> 2019秋季发布会开幕…</p>", a stock quote's link) is part of the
sentence, not a card: the paragraph is looked for past the inline wrappers.
"""
from __future__ import annotations

from ..vocab import TITLE_CLASS
from .nav_dom import HEADING_TAGS

_INLINE = frozenset(("span", "strong", "b", "em", "i", "u", "font", "small"))


def in_title_box(anchor) -> bool:
    """Is the link a heading, or inside one or inside a title-classed box?"""
    if anchor is None:
        return False
    parent = anchor.getparent()
    if anchor.tag in HEADING_TAGS or parent is None:
        return anchor.tag in HEADING_TAGS
    names = (parent.get("class") or "").lower().split()
    return parent.tag in HEADING_TAGS or any(TITLE_CLASS.search(n) for n in names)


def text_block(anchor):
    """The element holding the link's line: its parent, past inline wrappers."""
    parent = anchor.getparent()
    while parent is not None and parent.tag in _INLINE:
        parent = parent.getparent()
    return parent
