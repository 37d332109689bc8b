"""The recipe a page declares in its structured data (ld_body.declared_lines), found in its
markup (body.py): ingredient lists and steps sit in boxes of their own, short lines without
prose (an ingredient table, a list of quantities) that the block scorer never picks and the
sibling rules never join. Publishers declare the recipe for search engines, so the lines
are reliable; the markup showing them is the recipe, wherever the layout puts it.
"""
from __future__ import annotations

from ..template_select import common_ancestor
from .blocks import Block, Page
from .ld_body import line_key

MIN_PARTS = 3  # declared lines shown outside the chosen blocks before their box is looked for
BOX_SHARE = 0.3  # the least share of a box's text that declared lines make up
_SUFFIX_KEY = 8  # a shorter key is no ingredient's name printed apart from its amount


def declared_parts(page: Page, lines: frozenset) -> list[int]:
    """Indexes of the blocks showing a line the page declares: the whole line, or the end
    of one (the name of an ingredient printed apart from its amount: "80 g" | "oats")."""
    found = []
    for i, b in enumerate(page.blocks):
        key = line_key(b.text)
        if key in lines or len(key) >= _SUFFIX_KEY and any(
                line.endswith(" " + key) for line in lines):
            found.append(i)
    return found


def _child_towards(top, el):
    """The child of top on the way down to el."""
    while el is not None and el.getparent() is not top:
        el = el.getparent()
    return el


def declared_boxes(page: Page, parts: list[int], kept: set[int], members: list) -> list:
    """Elements showing the declared lines that the chosen blocks left out: the smallest
    element around them, or, when that holds the chosen container too, each of its children
    that holds them; a box counts when declared lines are a fair share of its text. Lines
    the kept blocks show already, or shown a second time, are a copy (a layout per screen
    size): the first one found is the recipe."""
    shown = {line_key(page.blocks[i].text) for i in parts if i in kept}
    outside = []
    for i in parts:
        key = line_key(page.blocks[i].text)
        if i not in kept and key not in shown:
            shown.add(key)
            outside.append(i)
    if len(outside) < MIN_PARTS:
        return []
    owners = [page.blocks[i].owner for i in outside]
    top = common_ancestor(owners)
    if top is None:
        return []
    around = {a for m in members for a in (m, *m.iterancestors())}
    if top in around:
        boxes = list(dict.fromkeys(_child_towards(top, el) for el in owners))
        boxes = [el for el in boxes if el is not None and el not in around]
    else:
        boxes = [top]
    found = set(outside)
    return [el for el in boxes if _declared_share(page, el, found) >= BOX_SHARE]


def _declared_share(page: Page, el, found: set[int]) -> float:
    span = page.spans.get(el)
    if not span:
        return 0.0
    total = shown = 0
    for i in range(*span):
        n = len(page.blocks[i].text)
        total += n
        if i in found:
            shown += n
    return shown / total if total else 0.0


def with_recipe(page: Page, kept: list[Block], content: list[bool], members: list,
                lines: frozenset) -> list[Block]:
    """The kept blocks and the boxes showing the declared recipe (declared_boxes), in page
    order. A box is read whole but for chrome inside it: its own name, a wrapper's around
    it, or that of an element around declared lines does not make the recipe chrome."""
    index = {id(b): i for i, b in enumerate(page.blocks)}
    mine = {index[id(b)] for b in kept}
    parts = declared_parts(page, lines)
    boxes = declared_boxes(page, parts, mine, members)
    trusted = {m for i in parts for m in page.blocks[i].marks}
    for box in boxes:
        trusted.update((box, *box.iterancestors()))
        mine.update(i for i in range(*page.spans[box])
                    if content[i] or all(m in trusted for m in page.blocks[i].marks))
    return [page.blocks[i] for i in sorted(mine)] if boxes else kept
