"""Main-text detection: score text blocks, find the densest cluster of prose, filter it.

1. Every block gets a weight: prose (long, punctuated, few links) is positive, link lists
   and menus are negative, short neutral lines count for nothing.
2. Elements marked as chrome (boilerplate.py) are dropped with their blocks, unless one
   holds most of the page's prose: then its name describes a wrapper, not chrome.
3. Prose weight flows to the ancestors of each block with decay (Readability's scheme):
   the element directly holding many paragraphs wins over a page-wide wrapper, and a card
   with one teaser snippet stays weak. Candidates pay for their link density.
4. Siblings of the winner that are prose themselves, or carry a good share of its score,
   are merged (articles split by ads or inline widgets stay whole).
5. The kept blocks lose what looks like chrome in context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .blocks import Block, linearize

_PUNCT = re.compile(r"[.,;:!?。，、！？]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_BODY = etree.XPath("//body", smart_strings=False)
RELEASE_SHARE = 0.5  # a marked element holding more of the prose than this is not chrome
# Owners that are one paragraph: their score goes to the element holding them.
PARAGRAPH_TAGS = frozenset("p li td th pre blockquote dd dt h1 h2 h3 h4 h5 h6".split())
_DECAY = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12)


@dataclass(slots=True)
class BodyResult:
    container: object | None
    blocks: list[Block]  # kept, in document order
    all_blocks: list[Block]


def effective_length(text: str) -> float:
    """Text length in Latin-letter equivalents: a CJK character carries about 3 letters."""
    n = len(text)
    if n and ord(max(text)) >= 0x3040:
        n += 2 * len(_CJK.findall(text))
    return n


def block_weight(b: Block) -> float:
    n = effective_length(b.text)
    density = b.link_density
    if density > 0.5:
        return -0.5 * b.link_chars
    if b.heading:
        return 0.0
    if n < 40:
        return -0.5 * b.link_chars
    w = n * (1.0 - density)
    if not _PUNCT.search(b.text):
        w *= 0.3
    return w


def released_marks(blocks: list[Block], weights: list[float]) -> set:
    """Marked elements that hold most of the page's prose: wrappers, not chrome."""
    total = 0.0
    prose: dict = {}
    for b, w in zip(blocks, weights, strict=True):
        if w > 0:
            total += w
            for m in b.marks:
                prose[m] = prose.get(m, 0.0) + w
    return {m for m, p in prose.items() if p > RELEASE_SHARE * total}


def _link_density(el, blocks_by_owner: dict) -> float:
    chars = links = 0
    for sub in el.iter():
        for b in blocks_by_owner.get(sub, ()):
            chars += len(b.text)
            links += b.link_chars
    return links / chars if chars else 0.0


def candidate_scores(blocks: list[Block], weights: list[float]) -> dict:
    """Readability's scheme: a paragraph's weight goes to its parent, decaying upwards."""
    scores: dict = {}
    for b, w in zip(blocks, weights, strict=True):
        if w <= 0:
            continue
        el = b.owner.getparent() if b.leaf or b.tag in PARAGRAPH_TAGS else b.owner
        for decay in _DECAY:
            if el is None:
                break
            scores[el] = scores.get(el, 0.0) + w * decay
            el = el.getparent()
    return scores


def prose_totals(blocks: list[Block], weights: list[float]) -> dict:
    """Positive weight under each element, without decay."""
    prose: dict = {}
    for b, w in zip(blocks, weights, strict=True):
        if w > 0:
            el = b.owner
            while el is not None:
                prose[el] = prose.get(el, 0.0) + w
                el = el.getparent()
    return prose


def _with_text(blocks: list[Block]) -> set:
    """Elements holding any block (the owners and all their ancestors)."""
    out: set = set()
    for b in blocks:
        el = b.owner
        while el is not None and el not in out:
            out.add(el)
            el = el.getparent()
    return out


_DIGITS = re.compile(r"\d+")


def signature(el) -> tuple:
    """Tag and class, numbers dropped: repeated sections of one article share it."""
    return el.tag, _DIGITS.sub("", el.get("class") or "")


def _repeats(el, prose: dict) -> bool:
    parent = el.getparent()
    if parent is None:
        return False
    sig = signature(el)
    return any(sib is not el and prose.get(sib, 0.0) > 0 and signature(sib) == sig
               for sib in parent)


class _Page:
    """What the container decisions need about the page's content blocks."""

    def __init__(self, blocks: list[Block], weights: list[float]) -> None:
        self.blocks = blocks
        self.scores = candidate_scores(blocks, weights)
        self.prose = prose_totals(blocks, weights)
        self.by_owner: dict = {}
        for b in blocks:
            self.by_owner.setdefault(b.owner, []).append(b)

    def link_density(self, el) -> float:
        return _link_density(el, self.by_owner)

    def winner(self):
        ranked = sorted(self.scores.items(), key=lambda kv: kv[1], reverse=True)[:5]
        best, best_score = None, 0.0
        for el, s in ranked:
            s *= 1.0 - self.link_density(el)
            if s > best_score:
                best, best_score = el, s
        return best

    def climb(self, winner):
        """Up through wrappers that add no text; then to the level where an article split
        into repeated sections (same tag and class) shows its siblings."""
        texty = _with_text(self.blocks)
        parent = winner.getparent()
        while parent is not None and parent.tag != "body" and \
                not any(c is not winner and c in texty for c in parent):
            winner, parent = parent, parent.getparent()
        el = winner
        for _ in range(3):
            if _repeats(el, self.prose):
                return el
            el = el.getparent()
            if el is None or el.tag == "body":
                break
        return winner

    def members(self, winner) -> list:
        """The winner and its siblings that continue the article."""
        parent = winner.getparent()
        if parent is None:
            return [winner]
        sig = signature(winner)
        out = []
        for sib in parent:
            if sib is winner:
                out.append(sib)
            elif not isinstance(sib.tag, str) or sib not in self.prose:
                continue
            elif signature(sib) == sig and self.link_density(sib) < 0.5 or \
                    _is_prose(self.by_owner.get(sib, [])):
                out.append(sib)
        return out


def _is_prose(blocks: list[Block]) -> bool:
    text = sum(len(b.text) for b in blocks)
    links = sum(b.link_chars for b in blocks)
    return text > 80 and links < 0.25 * text


def keep_block(b: Block) -> bool:
    return b.heading or b.link_density <= 0.5


def find_body(root, title: str = "") -> BodyResult:
    body = _BODY(root)
    blocks = linearize(body[0] if body else root)
    weights = [block_weight(b) for b in blocks]
    released = released_marks(blocks, weights)
    content, content_w = [], []
    for b, w in zip(blocks, weights, strict=True):
        if all(m in released for m in b.marks):
            content.append(b)
            content_w.append(w)
    page = _Page(content, content_w)
    winner = page.winner()
    if winner is None:
        return BodyResult(None, [], blocks)
    winner = page.climb(winner)
    inside = set()
    for el in page.members(winner):
        inside.update(el.iter())
    kept = [b for b in content if b.owner in inside and keep_block(b)]
    if kept and title and kept[0].heading and kept[0].text == title:
        kept = kept[1:]  # the headline is the title field, not body text
    return BodyResult(winner, kept, blocks)
