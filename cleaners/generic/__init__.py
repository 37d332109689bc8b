"""Generic extraction for pages without a site profile.

Order matters: navigation and teaser blocks are taken first (they are data, and must never
reach the body), then the headline (before chrome is pruned: <h1> often sits in a <header>),
then boilerplate is pruned and the main text is found (body.py). Only when that finds
(almost) nothing, or keeps a small share of the page's prose, does trafilatura give a second
opinion (fallback.py).
"""
from __future__ import annotations

from ..article import Article
from ..sanitize import sanitize_html
from ..text import clean_paragraphs
from . import fallback, ld_body
from .body import find_body
from .fallback import paragraphs_html, trafilatura_paragraphs
from .navigation import find_navigation
from .render import render_html
from .title import find_title

# the text found in the markup holds under this share of the text the page's structured
# data declares as its article: the declared text is the article
DECLARED_SHARE = 1 / 3


def _drop(elements) -> None:
    for el in elements:
        if el.getparent() is not None:
            el.drop_tree()


def _declared_text(meta: dict, body: str) -> list[str]:
    """The article's paragraphs from the page's structured data, when the text found in
    its markup is under a DECLARED_SHARE of them (an article rendered by script)."""
    objects = meta.get("ld_objects")
    least = max(len(body), fallback.MIN_BODY_CHARS) / DECLARED_SHARE
    if not objects or ld_body.declared_size(objects) < least:
        return []
    paragraphs = ld_body.declared_paragraphs(objects)
    return paragraphs if len(clean_paragraphs(paragraphs)) >= least else []


def extract_generic(root, url: str | None, meta: dict) -> Article:
    """root: parsed page with scripts dropped; meta: from cleaners.metadata.read_metadata.
    The tree is modified in place."""
    related_links, teasers, nav_elements = find_navigation(root, url)
    _drop(nav_elements)
    title, headline = find_title(root, meta)
    lines = ld_body.declared_lines(meta.get("ld_objects"), meta.get("recipe_lines", ()))
    found = find_body(root, title, headline, lines=lines)
    warnings = []
    body = clean_paragraphs(b.text for b in found.blocks)
    body_html = sanitize_html(render_html(found.blocks, found.all_blocks, url)) if body else None
    short = len(body) < fallback.MIN_BODY_CHARS
    if short or found.prose_share < fallback.SUSPICIOUS_SHARE:
        paragraphs = trafilatura_paragraphs(root)
        second = clean_paragraphs(paragraphs)
        if fallback.preferred(found, body, second):
            body, body_html = second, sanitize_html(paragraphs_html(paragraphs))
            warnings.append("trafilatura_fallback")
    declared = _declared_text(meta, body)
    if declared:
        body, body_html = clean_paragraphs(declared), sanitize_html(paragraphs_html(declared))
        warnings.append("structured_data_body")
    if not body:
        warnings.append("no_main_text")
    return Article(title=title, body=body, body_html=body_html, related_links=related_links,
                   teasers=teasers, extractor="generic", warnings=warnings)
