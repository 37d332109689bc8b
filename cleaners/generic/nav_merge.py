"""Merging the links and teasers found by the prev/next and the block detectors."""
from __future__ import annotations

import contextlib
import re
from urllib.parse import urlsplit

from .nav_pages import title_key

# A portal's redirect address that carries its target: "http://rd.example.com/.../*http://
# news.example.com/041229/16/5oqt.html" (the story linked directly in the text as well).
_EMBEDDED_URL = re.compile(r"[*=](https?://[^&#\s]+)")


def first_occurrence(links: list, teasers: list) -> tuple[list, list]:
    """Both lists in page order; an article listed twice (a related list and a teaser rail,
    the prev link and a related card) is kept where it comes first (docs/annotation.md,
    "Order and duplicates"). One exception: a teaser and a prev/next link to the same
    article both stay (a card with a summary says more than an arrow; the demo's pages
    show both). Prev and next to one URL are no pair: a quotation's guillemets around a
    link, not arrows: both are dropped."""
    rels: dict = {}
    for _, link in links:
        if link.url:
            rels.setdefault(link.url, set()).add(link.rel)
    both = {u for u, r in rels.items() if {"prev", "next"} <= r}
    items = sorted([(k, 0, x) for k, x in links if x.url not in both] +
                   [(k, 1, x) for k, x in teasers], key=lambda kv: kv[0])
    seen_nav: set = set()  # prev/next
    seen_rel: set = set()  # related links
    seen_teaser: set = set()
    out: tuple[list, list] = ([], [])
    for key, kind, item in items:
        ident = _identities(item)
        if kind == 1:
            if ident & (seen_rel | seen_teaser):
                continue
            seen_teaser |= ident
        elif item.rel != "related":
            if ident & seen_rel:
                continue
            seen_nav |= ident
        else:
            if ident & (seen_nav | seen_rel | seen_teaser):
                continue
            seen_rel |= ident
        out[kind].append((key, item))
    return out


def _identities(item) -> set:
    """The URL without its scheme (a portal's box links one story as https:// and again as
    http://), the target a redirect address carries, and (path, title): one article linked
    with two tracking queries or fragments ("?ico=related_article_inline",
    "?ico=more_from_Sport"; "?f=relatedArticle", "#f=post1603_tab_news") under one headline."""
    if not item.url:
        return set()
    try:
        parts = urlsplit(item.url)
    except ValueError:
        return {item.url}
    out = {_schemeless(item.url, parts)}
    embedded = _EMBEDDED_URL.search(item.url)
    if embedded:
        with contextlib.suppress(ValueError):
            out.add(_schemeless(embedded.group(1), urlsplit(embedded.group(1))))
    if (parts.query or parts.fragment) and item.title:
        out.add((parts.netloc.lower(), parts.path, item.title))
    return out


def _schemeless(url: str, parts) -> str:
    """An http(s) URL without its scheme; any other URL ("javascript:…") as written."""
    if parts.scheme.lower() not in ("http", "https"):
        return url
    return parts._replace(scheme="", netloc=parts.netloc.lower()).geturl()


def unique(items: list, key) -> list:
    """Drop repeats of a linked item: themes print the same module twice (desktop and
    mobile variants, one hidden by CSS). Items without a URL are kept."""
    seen: set = set()
    out = []
    for item in items:
        k = key(item)
        if k is not None:
            if k in seen:
                continue
            seen.add(k)
        out.append(item)
    return out


def not_itself(links: list, teasers: list, own: set[str]) -> tuple[list, list]:
    """Without the related items and teasers under the page's own headline (keys from
    nav_pages.own_title_keys): the page itself at another address. Prev/next stay."""
    if not own:
        return links, teasers
    return [(k, x) for k, x in links if x.rel != "related" or title_key(x.title) not in own], \
        [(k, x) for k, x in teasers if title_key(x.title) not in own]
