"""CSS selectors for elements of sample pages, built from stable ids and classes (pure).

Shared by cleaners/template_induce.py and cleaners/template_teasers.py: the selector tokens
of an element, candidate selectors simplest first, and the pick of the first candidate that
selects the right elements on every sample page.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from cssselect import GenericTranslator
from cssselect.xpath import ExpressionError
from lxml import etree

from .html import text_of
from .text import clean_inline
from .urls import join_url

TRANSLATOR = GenericTranslator()
# A class or id usable as a selector token, and not one generated per page ("post-12345").
_STABLE = re.compile(r"^[A-Za-z_][\w-]*$")
_GENERATED = re.compile(r"\d{3,}")
TEXT_BLOCKS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt",
                "figcaption", "td", "div", "section", "span")
MAX_ANCESTORS = 6  # how far up an ancestor's token is looked for



class Page(NamedTuple):
    root: object
    url: str
    record: dict


@lru_cache(maxsize=4096)
def xpath(css: str) -> etree.XPath | None:
    try:
        return etree.XPath(TRANSLATOR.css_to_xpath(css, prefix="descendant-or-self::"),
                           smart_strings=False)
    except (ExpressionError, etree.XPathError, SyntaxError, ValueError):
        return None


def select(css: str, el) -> list:
    xp = xpath(css)
    return xp(el) if xp is not None else []


def tokens(el) -> list[str]:
    """Selector tokens of one element, most specific first: tag#id, tag.class..., tag."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if not tag:
        return []
    out = []
    ident = el.get("id")
    if ident and _STABLE.match(ident) and not _GENERATED.search(ident):
        out.append(f"{tag}#{ident}")
    for cls in (el.get("class") or "").split():
        if _STABLE.match(cls) and not _GENERATED.search(cls):
            out.append(f"{tag}.{cls}")
    rel = (el.get("rel") or "").strip().lower()
    if tag == "a" and rel in ("prev", "next"):
        out.append(f'a[rel="{rel}"]')
    out.append(tag)
    return out


def label(el) -> str | None:
    """The short text a link's parent starts with ("<<:", "上一篇："), usable in :contains."""
    parent = el.getparent()
    text = (parent.text or "").strip() if parent is not None else ""
    if not text or len(text) > 12 or any(c in text for c in "\"\\\n"):
        return None
    return text


def candidates(el, top=None) -> list[str]:
    """Selectors for `el`, simplest first: its own tokens, then an ancestor's id/class
    token (below `top`, if given) before each of them; a link whose parent starts with a
    short label (prev/next arrows without a class) also by that label."""
    own = tokens(el)
    out = list(own)
    text = label(el) if el.tag == "a" else None
    if text is not None:
        parent = el.getparent()
        out.extend(f'{parent.tag}:contains("{text}") {o}' for o in own)
        for anc in list(parent.iterancestors())[:MAX_ANCESTORS]:
            for token in tokens(anc)[:-1]:
                out.extend(f'{token} {parent.tag}:contains("{text}") {o}' for o in own)
    for depth, anc in enumerate(el.iterancestors()):
        if anc is top or depth >= MAX_ANCESTORS or anc.tag in ("body", "html"):
            break
        for token in tokens(anc)[:-1]:  # an ancestor's bare tag says too little
            out.extend(f"{token} {o}" for o in own)
    return out


def pick(candidates_per_page: list[list[str]], works) -> str | None:
    """The first selector (in the first page's order) that `works` on every page."""
    for css in candidates_per_page[0]:
        if all(css in cands for cands in candidates_per_page[1:]) and works(css):
            return css
    return None


def norm(el) -> str:
    return clean_inline(text_of(el))


def common_ancestor(elements: list):
    chains = [list(reversed([e, *e.iterancestors()])) for e in elements]
    common = None
    for level in zip(*chains, strict=False):
        if all(x is level[0] for x in level):
            common = level[0]
        else:
            break
    return common


def anchors(page: Page, url: str | None, title: str | None = None) -> list:
    found = []
    for a in page.root.iter("a"):
        href = (a.get("href") or "").strip()
        if href and join_url(page.url, href) == url:
            found.append(a)
    if title and len(found) > 1:
        exact = [a for a in found if title in norm(a)]
        found = exact or found
    return found


