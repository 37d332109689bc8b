"""The page's headline element, the anchor of the byline and dateline search: the first
<h1>, else the body leaf that prints the <title>'s headline part."""
from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

_H1 = etree.XPath("(//h1)[1]", smart_strings=False)
# No <h1> (older Chinese portals print the headline in a <td> or <div class=title>): the
# first body leaf whose text is the <title> up to its site suffix ("Headline_Site",
# "Headline - Site") stands for it.
_TITLE = etree.XPath("string((//title)[1])", smart_strings=False)
_TITLE_LEAF = etree.XPath("(//body//*[not(*)][normalize-space() = $t])[1]", smart_strings=False)
_SITE_SUFFIX = re.compile(r"\s*(?:[_|–—-]|--)[^_|–—-]*$")


def headline(root):
    """The first <h1>, else the leaf that prints the <title>'s headline part, else None."""
    h1 = _H1(root)
    if h1:
        return h1[0]
    for title in title_forms(root):
        if len(title) < 6:
            break
        found = _TITLE_LEAF(root, t=title)
        if found:
            return found[0]
    return None


def title_forms(root) -> Iterator[str]:
    """The page's <title> (whitespace squashed), then that title without its site suffixes,
    one at a time: "Headline - Section - Site", "Headline - Section", "Headline"."""
    title = " ".join(_TITLE(root).split())
    while True:
        yield title
        shorter = _SITE_SUFFIX.sub("", title)
        if shorter == title:
            return
        title = shorter


def after_headline(root, elements: list) -> list:
    """`elements` (document order) from the headline on, then the ones before it: the
    byline and dateline sit under the headline; earlier ones are menus and teasers."""
    head = headline(root)
    line = head.sourceline if head is not None else None
    if line is None:
        return elements
    after = [e for e in elements if (e.sourceline or 0) >= line]
    return after + [e for e in elements if (e.sourceline or 0) < line]


# "teaser" classes name story cards and, on some CMSs, the article's own header blocks
# ("teaser-small__metadata" right after the h1): a byline inside one counts only when that
# block is a sibling of the headline
_TEASERS = etree.XPath('ancestor-or-self::*[contains(@class,"teaser")]', smart_strings=False)


def in_teaser_card(el, head) -> bool:
    """Inside a "teaser" block that is not the article's header block beside the headline.
    Where the headline itself sits in a teaser block (a CMS naming the article's own blocks
    "teaser_…": "<div class=teaser_text_meta>byline</div><div class=teaser_blog_text><h2>…"),
    a block beside that one, or that one, is the article's too."""
    teasers = _TEASERS(el)
    if not teasers:
        return False
    block = teasers[0]  # the outermost
    if head is None:
        return True
    own = _TEASERS(head)
    anchor = own[0] if own else head
    return block is not anchor and block.getparent() is not anchor.getparent() \
        and block.getparent() is not head.getparent()
