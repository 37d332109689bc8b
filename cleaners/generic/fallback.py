"""A second opinion for pages where the block scorer finds (almost) nothing, or where its
choice is suspicious: trafilatura.

It runs only then: it costs about 15 ms a page, several times the whole generic extractor.
"""
from __future__ import annotations

import logging
from html import escape

log = logging.getLogger(__name__)

MIN_BODY_CHARS = 100  # a body shorter than this asks for the second opinion
# So does a body holding less than this share of the page's prose (body.py, prose_share):
# a small block won over a larger text-dense region. The second opinion replaces it only
# when it is LONGER times as long; about 4% of pages ask (bench/README.md).
SUSPICIOUS_SHARE = 0.4
LONGER = 1.5
PREFIX = 40  # characters of a paragraph enough to find it in another text


class HashOnce(tuple):
    """A tuple that hashes its items once. justext's `classify_paragraphs` looks its stop list
    up in an lru_cache (`define_stoplist`) on every call, and a tuple's hash is recomputed
    each time: for trafilatura's list of every language's stop words (154,000) that is ~9 ms
    per justext rescue, more than the rescue itself. Same items, same equality."""

    def __new__(cls, items=()):
        self = super().__new__(cls, items)
        self._hash = tuple.__hash__(self)
        return self

    def __hash__(self):
        return self._hash


def hash_stoplist_once() -> None:
    """Make trafilatura keep its all-language justext stop list as a HashOnce (still loaded
    on its first justext rescue, as before)."""
    from trafilatura import external

    init = external.jt_stoplist_init
    if not getattr(init, "hash_once", False):
        def jt_stoplist_init():
            external.JT_STOPLIST = HashOnce(init())
            return external.JT_STOPLIST
        jt_stoplist_init.hash_once = True
        external.jt_stoplist_init = jt_stoplist_init
    if external.JT_STOPLIST is not None and not isinstance(external.JT_STOPLIST, HashOnce):
        external.JT_STOPLIST = HashOnce(external.JT_STOPLIST)


def trafilatura_paragraphs(root) -> list[str]:
    """Paragraphs trafilatura finds in the (already cleaned) tree; [] when it finds none."""
    try:
        from trafilatura import extract
        hash_stoplist_once()
    except ImportError:  # an optional signal, not a requirement
        return []
    try:
        text = extract(root, include_comments=False, favor_precision=True) or ""
    except Exception:  # third-party code on arbitrary pages: never let it fail the record
        log.debug("trafilatura failed", exc_info=True)
        return []
    return [line for line in text.split("\n") if line.strip()]


def preferred(found, body: str, second: str) -> bool:
    """Does the second opinion replace our body? When ours is empty, any text it finds
    does: a real amount of text, or a short one outside page chrome (a page of one line,
    headings only, text inside a script link). Otherwise it must be a real amount of
    text, longer than ours (LONGER times when ours is not short), and not another block
    than a short post under its headline."""
    if len(second) <= len(body):
        return False
    if not body:
        return len(second) >= MIN_BODY_CHARS or not _chrome_only(found, second)
    return len(second) >= MIN_BODY_CHARS and (
        len(body) < MIN_BODY_CHARS or len(second) >= LONGER * len(body)) and \
        not elsewhere(found, body, second)


def _chrome_only(found, second: str) -> bool:
    """Does none of the second opinion's paragraphs start in a block outside every marked
    element (a menu's "Home" is all a page without text offers)?"""
    plain = " ".join(b.text for b in found.all_blocks if not b.marks)
    return not any(" ".join(p.split())[:PREFIX] in plain for p in second.split("\n\n"))


def elsewhere(found, body: str, second: str) -> bool:
    """Is the second opinion another block than a short post found right under its
    headline (body.py, short_post)? A post of three short lines loses to nothing longer
    elsewhere (a sidebar widget, a comment) unless the second opinion holds it too."""
    if not found.short_post or not body:
        return False
    first = body.split("\n\n", 1)[0][:PREFIX]
    return first not in second


def paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
