"""Block weights and the release of marked wrappers (body.py): how much prose a block
carries, and which chrome-looking elements are wrappers of the article, not chrome."""
from __future__ import annotations

import re

from .blocks import Block, effective_length, is_prose_heading
from .boilerplate import is_header

_PUNCT = re.compile(r"[.,;:!?。，、！？]")
RELEASE_SHARE = 0.5  # a marked element holding more of the prose than this is not chrome
HEADLINE_RELEASE_SHARE = 0.2  # a marked element around the headline holding this share too
UNMARKED_SHARE = 0.15  # below this share of unmarked prose, marked wrappers are released


def block_weight(b: Block) -> float:
    n = effective_length(b.text)
    density = b.link_density
    if density > 0.5:
        return -0.5 * b.link_chars
    if b.heading and not is_prose_heading(b):
        return 0.0
    if n < 40:
        return -0.5 * b.link_chars
    w = n * (1.0 - density)
    if not _PUNCT.search(b.text):
        w *= 0.3
    return w


def released_marks(blocks: list[Block], weights: list[float], headline=None) -> set:
    """Marked elements that are wrappers, not chrome: they hold most of the page's prose,
    and the headline too (a long comment thread holds more prose than the article, but
    never its headline); a mark nested in a released one needs only the prose. When the
    page has almost no prose outside marked elements, the headline is not required."""
    total = unmarked = 0.0
    prose: dict = {}
    for b, w in zip(blocks, weights, strict=True):
        if w > 0:
            total += w
            if not b.marks:
                unmarked += w
            for m in b.marks:
                prose[m] = prose.get(m, 0.0) + w
    big = {m for m, p in prose.items() if p > RELEASE_SHARE * total}
    above_headline = set(headline.iterancestors()) if headline is not None else set()
    # an article shown in an overlay ("modal", "lightbox") above a page of teasers: the
    # mark around the headline holds the article, not all of the page's prose
    big.update(m for m in above_headline & prose.keys()
               if prose[m] > HEADLINE_RELEASE_SHARE * total and not is_header(m))
    if not big or headline is None or unmarked < UNMARKED_SHARE * total:
        return big
    released = set()
    for m in big:
        if m in above_headline or m is headline:
            released.add(m)
    for b in blocks:  # nested marks: outermost first in b.marks
        if b.marks and b.marks[0] in released:
            for m in b.marks[1:]:
                if m not in big:
                    break
                released.add(m)
    return released
