"""Where the article is declared to be (body.py): the page's main landmark, which bounds the
search, and the element it marks up as its article body, which is trusted when it holds a
fair share of the prose."""
from __future__ import annotations

from lxml import etree

from .blocks import Page

_MAIN = etree.XPath('//main | //*[@role="main"]', smart_strings=False)
_ARTICLE_BODY = etree.XPath('//*[@itemprop="articleBody"]', smart_strings=False)
MIN_DECLARED_CHARS = 200


def main_region(root, headline):
    """The page's one main landmark (<main>, role="main"), when it holds the headline: the
    page declares its main content there, so what lies outside it (a sign-in dialog, a
    cookie box, a footer) is never the article, however much text it holds. Pages that
    mark several elements as main (themes writing role="main" on nested columns) declare
    nothing."""
    if headline is None:
        return None
    # the headline's ancestors first: most pages have no landmark there, and then the
    # whole tree is not searched
    main = next((el for el in headline.iterancestors()
                 if el.tag == "main" or el.get("role") == "main"), None)
    if main is None or len(_MAIN(root)) != 1:
        return None
    return main


def declared_body(root, page: Page):
    """The one element the page marks up as its article body (schema.org microdata), if it
    holds a real amount of text: publishers set it for search engines, so it is reliable."""
    found = _ARTICLE_BODY(root)
    if len(found) != 1 or found[0] not in page.spans:
        return None
    start, end = page.spans[found[0]]
    chars = sum(len(b.text) for b in page.blocks[start:end])
    return found[0] if chars >= MIN_DECLARED_CHARS else None
