"""The two zones of a page where a byline line sits, as rendered lines (cleaners/byline_line.py
reads them): the headline's container (the `<h1>`'s lowest ancestor with some text beside it)
and the article text's (the parent of the element that holds most of the page's long
paragraphs); block elements and `<br>` break lines. The blocks no byline of this article sits
in are not walked: related stories, comments and readers' letters, menus, the page's own
`<footer>` and `<aside>` (an article's own may hold its byline).
"""
from __future__ import annotations

import re

from .vocab import CLASS_EXCLUDE, RELATED_CLASS

_BLOCK = frozenset("p div li ul ol h1 h2 h3 h4 h5 h6 td th tr table dd dt dl section article "
                   "header footer nav aside main figure figcaption blockquote address form "
                   "br hr pre body center".split())
_SKIP = frozenset("script style noscript template svg select option button iframe nav"
                  .split())
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# class / id tokens of blocks that hold no byline of this article: related stories
# (`RELATED_CLASS`, as cleaners/bylines.py skips them), comments and readers' letters, menus
# and the page's own footer. Not "teaser", "bio", "sidebar", "widget", "social" or `<aside>`
# inside the article: on tune pages each of them holds the article's own byline
# ("teaser_text_meta", "author_short_bio-name", "sidebar reporter-line", "author widget",
# "story-meta has-social-tools", "<aside class=author>").
_SKIP_TOKEN = re.compile(r"^(?:comments?|commentlist|comment-|kommentar|leserbrief|disqus|"
                         r"(?:main-|site-|top-|primary-)?(?:nav|navbar|navigation|menu)(?:$|-)|"
                         r"breadcrumbs?$|(?:site|page|global)-?footer|colophon|copyright)")


def _skipped_block(own: str) -> bool:
    """Whether a class / id string names a block that holds no byline of this article."""
    for token in own.lower().split():
        if _SKIP_TOKEN.match(token) or (RELATED_CLASS.search(token)
                                        and not CLASS_EXCLUDE.search(token)):
            return True
    return False


# a link to an author's page ("/autor/jane-roe", "/user/profile/7")
AUTHOR_URL = re.compile(r"(?i)/(?:author|autor|auteur|autore|authors|autoren|profile|profil|"
                        r"user|users|journalist|redakteur|writer|people|staff|team)s?/")
_CARD_INNER = frozenset("h2 h3 h4 h5 h6 p div li figure".split())


def _card_link(a) -> bool:
    """A story card that is one link around a title and its byline ("<a href=/story><h4>…</h4>
    <span class=item__author>…</span></a>"), as cleaners/bylines.py `_in_story_link` skips."""
    href = a.get("href")
    return bool(href) and not AUTHOR_URL.search(href) and any(
        isinstance(c.tag, str) and c.tag in _CARD_INNER for c in a)


class Line:
    __slots__ = ("text", "block", "links", "classes", "menu")

    def __init__(self, block, classes: str, menu: bool) -> None:
        self.text: list[str] | str = []
        self.block = block
        self.links: list = []  # the <a href> elements on the line
        self.classes = classes
        self.menu = menu


_MENU_CLASS = re.compile(r"(?i)\b(?:nav|menu|footer|sidebar|widget|breadcrumb)")


def zone_lines(roots: list) -> list[Line]:
    """The text of `roots` (document order) as rendered lines, each with its block element,
    its links and the class / id words of the elements it sits in."""
    lines: list[Line] = []
    cur: list[Line] = []

    def new(block, classes: str, menu: bool) -> None:
        line = cur[0]
        if line.text and "".join(line.text).strip():
            lines.append(line)
            cur[0] = Line(block, classes, menu)
        else:  # (most blocks hold no text of their own: the empty line is reused)
            line.text, line.block, line.classes, line.menu = [], block, classes, menu
            line.links = []

    def walk(el, block, classes: str, menu: bool, footer_ok: bool, root: bool = False
             ) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:
            return
        cls, id_ = el.get("class"), el.get("id")
        own = f"{cls or ''} {id_ or ''}".strip() if cls or id_ else ""
        # (a zone's root is walked whatever its class: a CMS may name the article "teaser")
        if not root and ((own and _skipped_block(own))
                         or (tag in ("footer", "aside") and not footer_ok)):
            return  # (an article's own <footer> or <aside> may hold its byline)
        if tag == "a" and _card_link(el):
            return
        footer_ok = footer_ok or tag in ("article", "main")
        if own:
            classes = f"{classes} {own}"[-300:]
        menu = menu or tag == "footer" or bool(own and _MENU_CLASS.search(own))
        is_block = tag in _BLOCK
        if is_block:
            new(el, classes, menu)
            block = el
        elif cur[0].block is not block:
            new(block, classes, menu)
        line = cur[0]
        if tag == "a" and el.get("href"):
            line.links.append(el)
        elif own and not is_block:
            line.classes = f"{line.classes} {own}"[-300:]
        if el.text:
            line.text.append(el.text)
        for child in el:
            walk(child, block, classes, menu, footer_ok)
            if child.tail:
                if cur[0].block is not block:
                    new(block, classes, menu)
                cur[0].text.append(child.tail)
        if is_block:
            new(block, classes, menu)

    for zone in roots:
        cur[:] = [Line(zone, "", False)]
        inside = any(a.tag in ("article", "main") for a in zone.iterancestors())
        walk(zone, zone, "", False, inside, root=True)
        new(zone, "", False)
    for line in lines:
        line.text = " ".join("".join(line.text).split())
    return lines


_PROSE = 150  # a line this long is running text


_HEAD_ZONE = 400  # the h1's container holds this many characters more than the h1


def zone_roots(body, h1) -> list:
    """The headline's container (the h1's lowest ancestor below the body with `_HEAD_ZONE`
    characters of text beside the h1's) and the article text's (the parent of the element
    whose paragraphs of >= `_PROSE` characters hold the most text), in document order; one of
    them when it holds the other."""
    weight: dict = {}
    for p in body.iter("p"):
        n = len(p.text_content())
        if n >= _PROSE:
            parent = p.getparent()
            weight[parent] = weight.get(parent, 0) + n
    roots = []
    if h1 is not None:
        head, want = h1, len(h1.text_content()) + _HEAD_ZONE
        for up in h1.iterancestors():
            if up is body or up.tag == "html":
                break
            head = up
            if len(up.text_content()) >= want:
                break
        roots.append(head)
    if weight:
        text = max(weight, key=weight.get)
        up = text.getparent()
        roots.append(up if up is not None and up.tag != "html" else text)
    if len(roots) == 2:
        a, b = roots
        if a is b or b in a.iterancestors():
            return [b]
        if a in b.iterancestors():
            return [a]
        if (b.sourceline or 0) < (a.sourceline or 0):
            roots = [b, a]
    return roots


def line_zones(lines: list[Line], h1) -> list[tuple[int, str, int, int]]:
    """[(line index, zone, distance from the h1, distance from the text's end)]."""
    prose = [i for i, ln in enumerate(lines) if len(ln.text) >= _PROSE]
    if not prose:
        return []
    head = next((i for i, ln in enumerate(lines)
                 if h1 is not None and (ln.block is h1 or h1 in ln.block.iterancestors())),
                None)
    start = head if head is not None else prose[0]
    after = [i for i in prose if i > start] or prose
    first = after[0]
    # the article text: prose lines from the first one on, no gap of more than 15 lines
    last = first
    for i in after[1:]:
        if i - last > 15:
            break
        last = i
    out = []
    if head is not None:
        # from just above the h1 to the first prose line, at least 8 lines below the h1
        for i in range(max(0, head - 6), max(first, min(len(lines), head + 9))):
            if i != head:
                out.append((i, "head", i - head, last - i))
    for i in range(max(first, last - 3), min(len(lines), last + 9)):
        if i != head:
            out.append((i, "tail", i - (head if head is not None else first), i - last))
    return out
