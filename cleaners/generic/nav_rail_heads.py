"""The heading of an unlabelled card rail (nav_rails.py) and what it says about the rail: a
site-wide list's name, another section's link, a short section line or prose above it."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..vocab import SITE_LIST_END, SITE_LIST_START
from .nav_cards import home_page
from .nav_dom import HEADING_TAGS, STOP_TAGS, absolute, raw_text, squash
from .nav_scan import related_heading

# Boxes climbed for a rail's heading: a list nested in the first item's box ("Meistgelesen"
# above a lead story, then a box of four more) sits a few wrappers below it.
_HEAD_LEVELS = 5
_MAX_HEAD = 60  # characters of a rail's own heading line
_MAX_PLAIN_HEAD = 30  # a section name above a rail without a class name
# An author's page: "/autor/yaima-puig-meneses/", "/author/jane-doe" (a rail under the
# author's name lists that author's newest pieces).
_AUTHOR_PAGE = re.compile(r"/(?:author|authors|autor|autoren|auteur|autore)/[^/]+/?$",
                          re.IGNORECASE)


def heading_of(el):
    """The rail's heading: a heading child of the rail or its first short text child, else
    the nearest text before it (or before its wrappers); None when there is none."""
    node = el
    for _ in range(_HEAD_LEVELS):
        # a heading child of the rail itself (its items' own headings are titles)
        head = _own_heading(el) if node is el else None
        if head is None:
            head = _previous_text(node)
        if head is not None:
            return head
        node = node.getparent()
        if node is None or node.tag in STOP_TAGS:
            break
    return None


def other_section(head, el, url: str) -> bool:
    """Is the rail headed by a link to another section than the article's, all its items
    in that section ("<a href=/shopping/best>Shopping Best Buys</a>" over buying guides
    beside a politics article)? A box promoting that section, not related to the article
    (a section-named block of the article's own section is: docs/annotation.md)."""
    href = _one_link(head, url)
    if href is None:
        return False
    folder = urlsplit(href).path.rstrip("/") + "/"
    if folder.count("/") < 2 or urlsplit(url).path.startswith(folder):
        return False
    hrefs = [absolute((a.get("href") or "").strip(), url) for a in el.iter("a") if a.get("href")]
    return bool(hrefs) and all(urlsplit(h).path.startswith(folder) for h in hrefs)


def heading_leads_away(head, url: str) -> bool:
    """Is the rail headed by its one link to the site's front page or to an author's page?
    "<a href=https://yle.fi>Yle.fi-etusivulla juuri nyt:</a>" heads the front page's
    stories, an author's name over a list heads that author's newest pieces: neither is
    about this article."""
    href = _one_link(head, url)
    return href is not None and (home_page(href) or bool(_AUTHOR_PAGE.search(urlsplit(href).path)))


def _one_link(head, url: str) -> str | None:
    """The absolute address of a heading's one link (the heading itself, if a link); None
    without a heading, or when it holds no link or several."""
    if head is None:
        return None
    links = [a for a in head.iter("a") if a.get("href")]
    return absolute(links[0].get("href").strip(), url) if len(links) == 1 else None


def site_list_heading(head) -> bool:
    """Is the rail headed ("Most read", "Latest") as a site-wide list?"""
    if head is None:
        return False
    text = squash(raw_text(head))
    site = SITE_LIST_START.match(text) or (len(text) <= _MAX_HEAD and SITE_LIST_END.search(text))
    return bool(site) and not related_heading(text[:100])


def plain_rail_heading(head) -> bool:
    """May a rail without a class name saying so stand under this heading? None, a short
    line (a section name), a related heading, or prose (the article's last paragraph: the
    rail comes right after the article). Not a long run of links: the rail then follows
    another block (a ticker, a ranking) whose title it has no heading of its own."""
    if head is None:
        return True
    text = squash(raw_text(head))
    if len(text) <= _MAX_PLAIN_HEAD or related_heading(text[:100]):
        return True
    linked = sum(len(squash(raw_text(a))) for a in head.iter("a"))
    return 2 * linked < len(text)


def _own_heading(el):
    """A heading child of the rail, else its first child when that is a short text
    without a link ("<div>Neueste Artikel</div>" above the cards)."""
    first = None
    for kid in el:
        if not isinstance(kid.tag, str):
            continue
        if kid.tag in HEADING_TAGS:
            return kid
        if first is None:
            first = kid
    if first is not None and next(first.iter("a"), None) is None and \
            0 < len(squash(raw_text(first))) <= _MAX_HEAD:
        return first
    return None


def _previous_text(node):
    """The nearest previous sibling that holds text, looking past boxes of the rail's own
    kind (a lead story's grid before the grid of three more: "<div class=o-Grid>" twice,
    both under the module's one heading)."""
    prev = node.getprevious()
    while prev is not None:
        if isinstance(prev.tag, str) and raw_text(prev).strip() and not _same_kind(prev, node):
            return prev
        prev = prev.getprevious()
    return None


def _same_kind(a, b) -> bool:
    """Boxes of one kind: the same tag and first class name ("<ul class='img lead'>" before
    "<ul class='img more'>": one slider's panes under the module's one heading)."""
    if a.tag != b.tag or next(a.iter(*HEADING_TAGS), None) is not None:
        return False
    if bool(a.get("class")) and a.get("class") == b.get("class"):
        return True
    first_a, first_b = (a.get("class") or "").split()[:1], (b.get("class") or "").split()[:1]
    return bool(first_a) and first_a == first_b and _items_tag(a) == _items_tag(b) is not None


def _items_tag(box) -> str | None:
    """The tag of a list's items ("li" for <ul><li>…</li><li>…</li></ul>): two children or
    more, all of one tag; None for a box that is no such list."""
    tags = {k.tag for k in box if isinstance(k.tag, str)}
    return next(iter(tags)) if len(tags) == 1 and sum(1 for _ in box) >= 2 else None
