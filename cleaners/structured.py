"""Microdata and RDFa (Lite) in the page body: the article's author, dates and reviewer as
`itemprop` / `property` attributes give them (schema.org, Dublin Core).

JSON-LD and <meta> tags are read in cleaners/metadata.py; this reads the attributes on
visible elements. One attribute XPath over the tree, then only the few elements it returns;
extruct does the same job through rdflib and a DOM copy of the page at many times the CPU
(measured in docs/metadata-annotation.md), which the hot path cannot afford on every page.
Only the first article-typed item counts: a teaser or comment item's author is not the
page's.
"""
from __future__ import annotations

from lxml import etree

from .html import block_texts
from .names import several_names
from .text import clean_inline

# The attributes, not the elements that carry them: selecting attribute nodes and taking
# their parents measured half the CPU of an element test over every element (0.5 vs 1.0 ms
# per page on the bench/metadata.py pages).
_ATTRS = etree.XPath("//@itemprop|//@property|//@itemscope|//@typeof")
_HEAD_TAGS = frozenset({"meta", "link", "title", "head", "html"})
# OpenGraph properties (article:author is a Facebook profile URL): cleaners/metadata.py
# reads OpenGraph, wherever the parser put the tags
_OPENGRAPH = ("og:", "article:", "book:", "profile:", "fb:", "twitter:")
# schema.org item types whose properties describe the page's own article
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "medicalwebpage", "webpage", "scholarlyarticle",
    "medicalscholarlyarticle", "reportagenewsarticle", "healthtopiccontent", "techarticle",
    "analysisnewsarticle", "opinionnewsarticle", "report", "creativework", "posting"})
# property name (prefix and vocabulary URL dropped, lower case) -> field
PROPERTIES = {
    "author": "authors", "creator": "authors", "datepublished": "published",
    "created": "published", "date": "published", "issued": "published",
    "datemodified": "modified", "modified": "modified", "reviewedby": "reviewed_by",
    "lastreviewed": "last_reviewed", "headline": "title"}
_NAME_KEYS = ("name", "givenname")
# properties whose elements show a recipe's or a how-to's lines (the generic body finds
# the boxes holding them: cleaners/generic/body_recipe.py)
RECIPE_PROPERTIES = frozenset({"recipeingredient", "ingredients", "recipeinstructions", "step",
                               "supply", "tool"})


def _key(value: str) -> str:
    """'http://schema.org/author' / 'schema:author' / 'dc:creator' -> 'author' / 'creator'."""
    word = value.split()[0] if value.split() else ""
    return word.rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1].lower()


def _item_type(el) -> str | None:
    """The element's item type ('article'), or None if it opens no item."""
    kind = el.get("itemtype") if el.get("itemscope") is not None else None
    kind = kind or el.get("typeof")
    if kind is None:
        return None
    return _key(kind) or "thing"


def _scope(el):
    """The nearest ancestor that opens an item (itemscope / typeof), or None."""
    for anc in el.iterancestors():
        if anc.get("itemscope") is not None or anc.get("typeof") is not None:
            return anc
    return None


def _value(el) -> str | None:
    for attr in ("content", "datetime"):
        if el.get(attr):
            return clean_inline(el.get(attr)) or None
    return clean_inline(el.text_content()) or None


def _person(el, scoped: list) -> dict | None:
    """An author / reviewer element: a nested Person item (its name and url properties), or
    the element itself (its text; its link when it is or holds one)."""
    name = url = None
    if _item_type(el) is not None:
        for sub, scope in scoped:
            if scope is el:
                key = _key(sub.get("itemprop") or sub.get("property") or "")
                if key in _NAME_KEYS and name is None:
                    name = _value(sub)
                elif key == "url" and url is None:
                    url = sub.get("href") or sub.get("content")
    if name is None:
        name = clean_inline(el.get("content") or el.text_content()) or None
    if url is None:
        link = el if el.tag == "a" else next(el.iter("a"), None)
        url = link.get("href") if link is not None else None
    if not name or len(name) > 100 or name.startswith(("http:", "https:")):
        return None
    return {"name": name, "url": url, "credentials": None}


def read_structured(root) -> dict:
    """{authors, reviewed_by: [{name, url, credentials}], published, modified, last_reviewed,
    title} from the first article item's microdata / RDFa properties; empty when none.
    recipe_lines: the lines of the elements marked as a recipe's ingredients or steps."""
    out: dict = {"authors": [], "reviewed_by": [], "published": None, "modified": None,
                 "last_reviewed": None, "title": None, "recipe_lines": []}
    elements, last = [], None
    for attr in _ATTRS(root):  # document order; one element's attributes come together
        el = attr.getparent()
        if el is not last:
            elements.append(el)
            last = el
    if not elements:
        return out
    article = next((el for el in elements if _item_type(el) in ARTICLE_TYPES), None)
    # each element's item, found once (a Springer page has ~180 items and ~70 authors)
    scoped = [(el, _scope(el)) for el in elements]
    for el, scope in scoped:
        prop = el.get("itemprop") or el.get("property")
        if not prop or prop.startswith(_OPENGRAPH):
            continue
        key = _key(prop)
        field = PROPERTIES.get(key)
        if field is None:
            if key in RECIPE_PROPERTIES:
                out["recipe_lines"] += block_texts(el)
            continue
        # the article's own properties; a bare Dublin Core / RDFa property outside any item
        # describes the page too
        if scope is not article and not (scope is None and ":" in prop
                                         and el.tag not in _HEAD_TAGS):
            continue  # <head> meta tags are read in cleaners/metadata.py
        if field in ("authors", "reviewed_by"):
            person = _person(el, scoped)
            # "Jane Roe (with John Doe)": one element, several people; its link is the first's
            names = several_names(person["name"]) if person and field == "authors" else \
                [person["name"]] if person else []
            for i, name in enumerate(names):
                if name not in {p["name"] for p in out[field]}:
                    out[field].append({**person, "name": name, "url": person["url"] if i == 0
                                       else None})
        elif out[field] is None:
            out[field] = _value(el)
    return out
