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
SIBLING_SHARE = 0.2  # a sibling scoring this share of the winner joins it
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
    scores: dict = {}
    for b, w in zip(blocks, weights, strict=True):
        if w <= 0:
            continue
        el = b.owner.getparent() if b.tag in PARAGRAPH_TAGS else b.owner
        for decay in _DECAY:
            if el is None:
                break
            scores[el] = scores.get(el, 0.0) + w * decay
            el = el.getparent()
    return scores


def choose_container(blocks: list[Block], weights: list[float]):
    """(winner, its score, all scores) - the winner has the best link-adjusted score."""
    scores = candidate_scores(blocks, weights)
    if not scores:
        return None, 0.0, scores
    by_owner: dict = {}
    for b in blocks:
        by_owner.setdefault(b.owner, []).append(b)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:5]
    best, best_score = None, 0.0
    for el, s in ranked:
        s *= 1.0 - _link_density(el, by_owner)
        if s > best_score:
            best, best_score = el, s
    return best, best_score, scores


def _is_prose(blocks: list[Block]) -> bool:
    text = sum(len(b.text) for b in blocks)
    links = sum(b.link_chars for b in blocks)
    return text > 80 and links < 0.25 * text


def merge_siblings(winner, score: float, scores: dict, by_owner: dict) -> list:
    """The winner plus siblings that are prose or score a good share of it."""
    parent = winner.getparent()
    if parent is None:
        return [winner]
    threshold = max(10.0, score * SIBLING_SHARE)
    out = []
    for sib in parent:
        if sib is winner or isinstance(sib.tag, str) and (
                scores.get(sib, 0.0) >= threshold
                or sib.tag in PARAGRAPH_TAGS and _is_prose(by_owner.get(sib, []))):
            out.append(sib)
    return out


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
    winner, score, scores = choose_container(content, content_w)
    if winner is None:
        return BodyResult(None, [], blocks)
    by_owner: dict = {}
    for b in content:
        by_owner.setdefault(b.owner, []).append(b)
    inside = set()
    for el in merge_siblings(winner, score, scores, by_owner):
        inside.update(el.iter())
    kept = [b for b in content if b.owner in inside and keep_block(b)]
    if kept and title and kept[0].heading and kept[0].text == title:
        kept = kept[1:]  # the headline is the title field, not body text
    return BodyResult(winner, kept, blocks)
