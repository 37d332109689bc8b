"""The article's text as the page's structured data gives it (JSON-LD): an Article's
`articleBody`, a HowTo's or a Recipe's description and steps.

Pages rendered by script ship their article in their data and show little of it to a
parser (a React page whose markup holds an "outdated browser" notice). When the text found
in the markup is a small part of the text the structured data declares, the declared text
is the article (cleaners/generic/__init__.py).
"""
from __future__ import annotations

import re
from html import unescape

from lxml import etree, html

from ..html import block_texts

# a page's own article: these types carry its text; an ItemList, a WebSite or an
# Organization never does
_ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle",
                            "medicalscholarlyarticle", "scholarlyarticle", "techarticle",
                            "analysisnewsarticle", "report"})
_STEP_TYPES = frozenset({"howto", "recipe"})
_STEP_KEYS = ("step", "recipeInstructions")
_MAX_DEPTH = 6  # sections of steps of directions: deeper is no recipe
# what a recipe or a how-to lists besides its steps: ingredients, supplies, tools
_LIST_KEYS = ("recipeIngredient", "ingredients", "supply", "tool")
_WORDS = re.compile(r"\w+")
MIN_LINE_KEY = 3  # shorter keys ("1", "ok") say nothing about where a list is


def _types(obj: dict) -> set[str]:
    t = obj.get("@type", ())
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def _paragraphs(value) -> list[str]:
    """A JSON-LD string as paragraphs: some hold HTML (<p>...</p>), some plain text."""
    if not isinstance(value, str) or not value.strip():
        return []
    if "<" not in value:
        return [p for p in unescape(value).split("\n") if p.strip()]
    try:
        el = html.fragment_fromstring(value, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    return [p for p in block_texts(el) if p.strip()]


def _steps(value, depth: int = 0) -> list[str]:
    """Text of steps: strings, HowToStep / HowToDirection / HowToTip ("text"), and
    HowToSection ("itemListElement") holding more of them. A step's name is kept when its
    text does not start with it (a heading such as "Step 1: measure the table")."""
    if depth > _MAX_DEPTH:
        return []
    if isinstance(value, str):
        return _paragraphs(value)
    if isinstance(value, list):
        return [p for item in value for p in _steps(item, depth + 1)]
    if not isinstance(value, dict):
        return []
    out: list[str] = []
    text = _paragraphs(value.get("text"))
    name = value.get("name")
    if isinstance(name, str) and name.strip() and not (text and text[0].startswith(name[:40])):
        out.append(name.strip())
    out += text
    if "itemListElement" in value:
        out += _steps(value["itemListElement"], depth + 1)
    return out


def _declared(objects):
    """The one object declaring the page's article text, with its types; None when there is
    none, or several (a listing page describing each of its stories)."""
    found = None
    for obj in objects or ():
        types = _types(obj)
        if types & _ARTICLE_TYPES and isinstance(obj.get("articleBody"), str) or \
                types & _STEP_TYPES and any(obj.get(k) for k in _STEP_KEYS):
            if found is not None:
                return None
            found = obj, types
    return found


def declared_size(objects) -> int:
    """An upper bound of the declared text's length (its raw strings), cheap to get: most
    pages declare none, and only a large one is worth turning into paragraphs."""
    declared = _declared(objects)
    if declared is None:
        return 0
    obj, types = declared
    if types & _ARTICLE_TYPES:
        return len(obj["articleBody"])
    return len(str(obj.get("description") or "")) + \
        sum(len(str(obj.get(k) or "")) for k in _STEP_KEYS)


def declared_paragraphs(objects) -> list[str]:
    """The text the page's one declaring JSON-LD object gives as its article."""
    declared = _declared(objects)
    if declared is None:
        return []
    obj, types = declared
    if types & _ARTICLE_TYPES:
        return _paragraphs(obj["articleBody"])
    found = _paragraphs(obj.get("description"))
    for key in _STEP_KEYS:
        found += _steps(obj.get(key))
    return found


def line_key(text: str) -> str:
    """A line's words, lowercased: the markup spells a declared line with other spaces,
    punctuation and case ("125 g Mehl," against "125 g mehl")."""
    return " ".join(_WORDS.findall(text.lower()))


def _names(value) -> list[str]:
    """Items of a declared list: strings, or objects with a name (HowToSupply, HowToTool)."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or item.get("text")
        if isinstance(item, str):
            out.append(item)
    return out


def declared_lines(objects, marked=()) -> frozenset[str]:
    """Keys (line_key) of the lines the page's one Recipe or HowTo lists: its ingredients,
    supplies, tools and steps, and the lines of elements its microdata marks so (marked:
    structured.read_structured's recipe_lines). The markup showing them is the recipe,
    wherever the layout puts it (body_recipe.py); empty for any other page."""
    lines = list(marked)
    declared = _declared(objects)
    if declared is not None and declared[1] & _STEP_TYPES:
        obj = declared[0]
        lines += [line for key in _LIST_KEYS for line in _names(obj.get(key))]
        for key in _STEP_KEYS:
            lines += _steps(obj.get(key))
    return frozenset(k for k in map(line_key, lines) if len(k) >= MIN_LINE_KEY)
