"""The publication date of a page where none of our own sources gives one: htmldate's
(a maintained library, installed with trafilatura) fast search over the page's header tags,
JSON, URL, `<abbr>` / `<time>` and date-classed elements, on the page without its comment
sections (a reader's comment date is no publication date): they are lifted out of the tree
for the search and put back after it, since htmldate copies the tree it is given anyway.

Why only there: our sources (JSON-LD, microdata, <meta>, labelled datelines, cleaners/
health_meta.py) read where a date comes from; htmldate returns a date without its source.
On the tune pool, where ours found no date and htmldate's fast search (comments removed) did,
about four in five of its dates were the article's (docs/metadata-annotation.md, round 4);
its extensive search (free text, copyright years) is not used.
"""
from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

# readers' comments: their dates are the comments'
_COMMENTS = etree.XPath(
    '//body//*[not(self::article or self::main)]'  # ("post commented": the article itself)
    '[contains(@class,"comment") or contains(@id,"comment") or '
    'contains(@class,"kommentar") or contains(@id,"kommentar") or contains(@id,"respond") '
    'or contains(@class,"reply")]', smart_strings=False)


def fallback_published(root, url: str | None) -> str | None:
    """YYYY-MM-DD or None. Costs htmldate's search (~1-2 ms; it copies the tree before it
    prunes): call it only when every other source is silent."""
    from htmldate import find_date  # (imported here: most pages never need it)

    if not isinstance(root, HtmlElement):
        return None  # (htmldate reads lxml.html trees, bytes and text only)
    # Comment sections are lifted out of the page for the search and put back after it
    # (htmldate copies the tree itself; a second copy of ours cost as much again)
    lifted = _lift(_COMMENTS(root))
    try:
        return _find(find_date, root, url)
    finally:
        for parent, index, el, holder, attr, text in reversed(lifted):
            parent.insert(index, el)
            setattr(holder, attr, text)


def _lift(elements) -> list[tuple]:
    """Take each element out (not those inside one taken already), its tail joined to the
    text before it as drop_tree does; what puts it back, in the order taken."""
    lifted, gone = [], set()
    for el in elements:
        parent = el.getparent()
        if parent is None or any(a in gone for a in el.iterancestors()):
            continue
        prev = el.getprevious()
        holder, attr = (prev, "tail") if prev is not None else (parent, "text")
        text = getattr(holder, attr)
        if el.tail:
            setattr(holder, attr, (text or "") + el.tail)
        lifted.append((parent, parent.index(el), el, holder, attr, text))
        parent.remove(el)  # (the tail goes with it: joined above)
        gone.add(el)
    return lifted


def _find(find_date, tree, url: str | None) -> str | None:
    try:
        return find_date(tree, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None

