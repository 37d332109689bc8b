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


def trafilatura_paragraphs(root) -> list[str]:
    """Paragraphs trafilatura finds in the (already cleaned) tree; [] when it finds none."""
    try:
        from trafilatura import extract
    except ImportError:  # an optional signal, not a requirement
        return []
    try:
        text = extract(root, include_comments=False, favor_precision=True) or ""
    except Exception:  # third-party code on arbitrary pages: never let it fail the record
        log.debug("trafilatura failed", exc_info=True)
        return []
    return [line for line in text.split("\n") if line.strip()]


def elsewhere(found, body: str, second: str) -> bool:
    """Is the second opinion another block than a short post found right under its
    headline (body.py, short_post)? A post of three short lines loses to nothing longer
    elsewhere (a sidebar widget, a comment) unless the second opinion holds it too."""
    if not found.short_post or not body:
        return False
    first = body.split("\n\n", 1)[0][:40]
    return first not in second


def paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
