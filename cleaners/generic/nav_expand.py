"""Which elements the caller drops: the found lines and blocks, widened to their boxes.

A prev/next line or a teaser list usually sits in a box that adds only a few words of its
own ("Post navigation", "返回列表", a decorative heading). Dropping the box rather than the
line keeps those words out of the body. A box is taken only when it adds at most
`_SLACK` characters, so a container of the main text (or the <h1>) is never taken.
"""
from __future__ import annotations

from .nav_dom import STOP_TAGS, text_len

_SLACK = 40


def outermost(elements) -> list:
    """Drop duplicates and elements inside others; keep first-seen order."""
    chosen = set()
    unique = []
    for el in elements:
        if el is not None and el not in chosen:
            chosen.add(el)
            unique.append(el)
    out = []
    for el in unique:
        parent = el.getparent()
        nested = False
        while parent is not None:
            if parent in chosen:
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            out.append(el)
    return out


def expand(elements) -> list:
    """Widen each element to the largest box that adds little text (see module doc)."""
    sizes = {el: text_len(el) for el in outermost(elements)}
    failed: dict = {}  # parent -> the claimed size it was too big for

    changed = True
    while changed:
        changed = False
        by_parent: dict = {}
        for el in sizes:
            parent = el.getparent()
            if parent is not None and parent.tag not in STOP_TAGS:
                by_parent.setdefault(parent, []).append(el)
        for parent, kids in by_parent.items():
            if any(kid not in sizes for kid in kids):
                continue  # already merged into another box in this round
            claimed = sum(sizes[kid] for kid in kids)
            if failed.get(parent) == claimed:
                continue
            size = text_len(parent, claimed + _SLACK)
            if size > claimed + _SLACK or next(parent.iter("h1"), None) is not None:
                failed[parent] = claimed
                continue
            for kid in kids:
                del sizes[kid]
            sizes[parent] = size
            changed = True
    return outermost(list(sizes))
