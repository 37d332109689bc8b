"""A page as a flat list of text blocks: the unit the main-text detector scores.

A block is the text between two block-level boundaries; its owner is the nearest block-level
element around it. Link text is counted separately (link density is the strongest signal
that a block is navigation rather than prose). Elements that look like chrome are not cut
here: each block records the marked elements around it, and body.py decides.

Blocks come in document order, so the blocks under any element form one slice:
`Page.spans[el] = (start, end)`. Sums over a subtree are then two prefix-sum lookups.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..html import BLOCK_TAGS
from .boilerplate import SKIP_TAGS, is_boilerplate, is_header, is_hidden

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A minor heading (h3-h6) this long is a paragraph in heading markup (some themes set
# whole sentences as <h3>/<h4>): it weighs as prose (body.py) and is no section label
# (trim.py). <h1>/<h2> hold headlines and decks, shorter than a paragraph set as <h2> (an
# interview's introduction) is.
PROSE_HEADING = 100
PROSE_MAJOR_HEADING = 200
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def prose_heading_length(tag: str) -> int:
    return PROSE_MAJOR_HEADING if tag in ("h1", "h2") else PROSE_HEADING


def effective_length(text: str) -> float:
    """Text length in Latin-letter equivalents: a CJK character carries about 3 letters."""
    n = len(text)
    if not text.isascii():
        n += 2 * len(_CJK.findall(text))
    return n


_EXTRA_BLOCKS = frozenset({"center", "caption", "legend", "fieldset"})
BLOCK_LEVEL = BLOCK_TAGS | _EXTRA_BLOCKS
# Table cells are inline: a row is one block ("ACME  Acme Corp  101.50"), as people read
# it, and a table of links stays one link-dense block instead of many. A cell holding
# paragraphs, line breaks or long text is a layout column (old table-based pages), and
# stays a block of its own.
CELL_TAGS = frozenset({"td", "th"})
_LAYOUT_IN_CELL = tuple(sorted((BLOCK_TAGS | _EXTRA_BLOCKS | {"br"}) - CELL_TAGS))
_LONG_CELL = 200
# A marked element with less than this share of the page's text is skipped unread; larger
# ones are read, as they may be a content wrapper with an unlucky class (body.py decides).
SMALL_CHROME_SHARE = 0.1
_MAX_DEPTH = 300  # deeper than this, a subtree is read flat (Python recursion limit)


def _link_in_sentence(a) -> bool:
    """A visible link with text on both sides is words of a sentence, whatever its class
    says (a glossary "popup", a "tooltip"); share icons and labels stand apart."""
    if a.tag != "a" or not (a.tail and a.tail.strip()) or is_hidden(a, a.keys()):
        return False
    prev = a.getprevious()
    before = a.getparent().text if prev is None else prev.tail
    return bool(before and before.strip())


def _layout_cell(td) -> bool:
    for _ in td.iter(*_LAYOUT_IN_CELL):
        return True
    return len(td.text_content()) > _LONG_CELL


@dataclass(slots=True)
class Block:
    text: str
    owner: object  # lxml element: the nearest block-level ancestor
    link_chars: int
    tag: str  # owner's tag
    heading: bool
    marks: tuple  # chrome-looking elements around the block, outermost first
    whole: bool  # the owner's markup holds nothing but this text (safe to serialize)
    leaf: bool = True  # the owner has no block-level children: a paragraph, whatever its tag
    links: int = 0  # link text fragments: about the number of links

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def is_prose_heading(b: Block) -> bool:
    """A heading of paragraph length (PROSE_HEADING), counted as the block weights count
    text (effective_length): one rule for the weight (body_weights.py) and the section
    labels (trim.py), so a Chinese standfirst set as a heading is prose to both."""
    return b.heading and effective_length(b.text) >= prose_heading_length(b.tag)


@dataclass(slots=True)
class Page:
    blocks: list[Block]
    spans: dict  # element -> (first block index, end index) of the blocks under it
    root: object = None  # the element that was linearized


class _Builder:
    __slots__ = ("blocks", "parts", "in_link", "marks", "skipped", "branches", "spans",
                 "cutoff", "keep")

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        # (text, inside a link) pairs; None stands for a <br>
        self.parts: list[tuple[str, bool] | None] = []
        self.in_link = 0
        self.marks: tuple = ()
        self.skipped = False  # inline chrome was left out of the current block
        self.branches: set = set()  # elements with block-level children
        self.spans: dict = {}
        self.cutoff = 0  # marked elements with less text than this are not walked
        self.keep: frozenset | set = frozenset()  # ...except these

    def add(self, s: str) -> None:
        self.parts.append((s, self.in_link > 0))

    def flush(self, owner) -> None:
        if not self.parts:
            self.skipped = False
            return
        parts = self.parts
        self.parts = []
        tag = owner.tag
        heading = tag in HEADING_TAGS
        first = len(self.blocks)
        if None not in parts:  # no <br>: one block (the common case)
            text = " ".join("".join([p[0] for p in parts]).split())
            if text:
                linked = [p[0] for p in parts if p[1] and not p[0].isspace()]
                link = sum(len(x.strip()) for x in linked)
                self.blocks.append(Block(text, owner, min(link, len(text)), tag, heading,
                                         self.marks, not self.skipped, True, len(linked)))
            self.skipped = False
            return
        buf: list[str] = []
        link = links = 0
        breaks = 0  # <br> seen since the last visible text: two make a paragraph break
        for part in parts:
            if part is None:
                breaks += 1
                buf.append("\n")
                continue
            s, in_link = part
            if not s.strip():
                buf.append(s)
                continue
            if breaks >= 2:
                self._emit(buf, link, links, owner, heading)
                buf, link, links = [], 0, 0
            breaks = 0
            buf.append(s)
            if in_link:
                link += len(s.strip())
                links += 1
        self._emit(buf, link, links, owner, heading)
        if self.skipped or len(self.blocks) - first > 1:
            for b in self.blocks[first:]:
                b.whole = False
        self.skipped = False

    def _emit(self, buf: list[str], link: int, links: int, owner, heading: bool) -> None:
        # cheap whitespace folding; cleaners.text normalizes the kept blocks later
        text = " ".join("".join(buf).split())
        if text:
            self.blocks.append(Block(text, owner, min(link, len(text)), owner.tag, heading,
                                     self.marks, True, True, links))

    def walk(self, el, owner, depth: int) -> None:
        if depth > _MAX_DEPTH:
            self.add(el.text_content())  # pathological nesting (<font> x 2000): read flat
            return
        if el.text:
            self.add(el.text)
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                if child.tail:
                    self.add(child.tail)
                continue
            if tag in SKIP_TAGS:
                self.skipped = True
            elif tag in BLOCK_LEVEL or tag in CELL_TAGS and _layout_cell(child):
                self.flush(owner)
                self.branches.add(owner)
                marked = is_boilerplate(child)
                if marked and not is_header(child) and child not in self.keep and \
                        len(child.text_content()) < self.cutoff:
                    # small chrome (menus, share bars, footers) can never hold the article:
                    # not walked at all, which saves most of the page's elements; a <header>
                    # is read (it may hold the article's lead, see body.py)
                    self.spans[child] = (len(self.blocks), len(self.blocks))
                    if child.tail:
                        self.add(child.tail)
                    continue
                if marked:
                    saved = self.marks
                    self.marks = (*saved, child)
                start = len(self.blocks)
                self.walk(child, child, depth + 1)
                self.flush(child)
                self.spans[child] = (start, len(self.blocks))
                if marked:
                    self.marks = saved
            elif tag == "br":
                self.parts.append(None)
            elif tag == "img":
                pass
            elif is_boilerplate(child) and not _link_in_sentence(child):
                self.skipped = True  # inline chrome: a share icon, a hidden label
            elif not len(child):
                # the common inline leaf (<a>, <em>, <span> with text only): no recursion
                if tag in CELL_TAGS:
                    self.parts.append((" ", False))
                text = child.text
                if text:
                    self.parts.append((text, tag == "a" or self.in_link > 0))
            else:
                # an inline element holding blocks (<a><div>..</div></a>) needs a span too
                start = len(self.blocks)
                if tag in CELL_TAGS:
                    self.parts.append((" ", False))
                if tag == "a":
                    self.in_link += 1
                    self.walk(child, owner, depth + 1)
                    self.in_link -= 1
                else:
                    self.walk(child, owner, depth + 1)
                if len(self.blocks) > start:
                    # its tail text joins a pending block: end one further (clamped later)
                    self.spans[child] = (start, len(self.blocks) + 1)
            if child.tail:
                self.add(child.tail)


def linearize(root, skip_small_chrome: bool = True, keep=frozenset()) -> Page:
    """Blocks of text under root in document order, and the block span of each element.
    keep: elements always read, however small and chrome-looking (the headline's ancestors:
    an article in a "modal" overlay)."""
    b = _Builder()
    if skip_small_chrome:
        b.cutoff = SMALL_CHROME_SHARE * len(root.text_content())
        b.keep = keep
    b.walk(root, root, 0)
    b.flush(root)
    n = len(b.blocks)
    for el, (start, end) in b.spans.items():
        if end > n:
            b.spans[el] = (start, n)
    b.spans[root] = (0, n)
    for block in b.blocks:
        if block.owner in b.branches:
            block.leaf = False
    return Page(b.blocks, b.spans, root)
