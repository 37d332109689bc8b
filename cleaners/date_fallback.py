"""The publication date of a page where none of our own sources gives one: htmldate's
(a maintained library, installed with trafilatura) fast search over the page's header tags,
JSON, URL, `<abbr>` / `<time>` and date-classed elements, on a copy of the page without its
comment sections (a reader's comment date is no publication date).

Why only there: our sources (JSON-LD, microdata, <meta>, labelled datelines, cleaners/
health_meta.py) read where a date comes from; htmldate returns a date without its source.
On the tune pool, where ours found no date and htmldate's fast search (comments removed) did,
about four in five of its dates were the article's (docs/metadata-annotation.md, round 4);
its extensive search (free text, copyright years) is not used.
"""
from __future__ import annotations

from copy import deepcopy

from lxml import etree
from lxml.html import HtmlElement

# readers' comments: their dates are the comments'
_COMMENTS = etree.XPath(
    '//body//*[not(self::article or self::main)]'  # ("post commented": the article itself)
    '[contains(@class,"comment") or contains(@id,"comment") or '
    'contains(@class,"kommentar") or contains(@id,"kommentar") or contains(@id,"respond") '
    'or contains(@class,"reply")]', smart_strings=False)


def fallback_published(root, url: str | None) -> str | None:
    """YYYY-MM-DD or None. Costs a copy of the tree and htmldate's search (~5-10 ms on a large
    page): call it only when every other source is silent."""
    from htmldate import find_date  # (imported here: most pages never need it)

    # htmldate searches a copy of an HtmlElement itself: ours is needed only to take the
    # comments out (or for another kind of element, which htmldate would prune in place).
    tree = root
    if not isinstance(root, HtmlElement) or _COMMENTS(root):
        tree = deepcopy(root)
        for el in _COMMENTS(tree):
            if el.getparent() is not None:
                el.drop_tree()  # (keeps the text that follows the element)
    try:
        return find_date(tree, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
