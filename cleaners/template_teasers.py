"""Teaser blocks of a host's template, induced from generic analyses (pure).

Each teaser the generic extractor found on a sample page is located by its link; the items
are the ancestors of those links just below the rail they share, and the item selector is
the rail's (or an ancestor's) token before the item's, selecting exactly those items on
every sample. Title, snippet and link are then selectors relative to the item.
"""
from __future__ import annotations

from .html import text_of
from .template_select import (
    MAX_ANCESTORS,
    Page,
    anchors,
    candidates,
    common_ancestor,
    norm,
    pick,
    select,
    tokens,
)
from .text import clean_snippet
from .urls import join_url


def _depth(a, b) -> int:
    """How deep the common ancestor of two elements is (larger: closer together)."""
    chain = {id(x): n for n, x in enumerate(reversed([a, *a.iterancestors()]))}
    for x in (b, *b.iterancestors()):
        if id(x) in chain:
            return chain[id(x)]
    return -1


def _teaser_items(page: Page) -> list | None:
    """The element of each teaser: the ancestor of its link just below the rail all the
    teasers' links share. A teaser's URL linked twice on the page (a sidebar too) counts
    through the <a> next to its snippet, or else the one nearest the other teasers."""
    choices = []
    for teaser in page.record.get("teasers") or ():
        found = anchors(page, teaser["url"], teaser["title"])
        if not found:
            return None
        choices.append((found, teaser.get("snippet") or ""))
    if len(choices) < 2:
        return [] if not choices else None  # one teaser alone says nothing about its item
    links = []
    for found, snippet in choices:
        near = [a for a in found if snippet and any(
            snippet[:30] in norm(x) for x in list(a.iterancestors())[:3])]
        if len(near) == 1 or (near and not links):
            links.append(near[0])
        elif links:
            links.append(max(near or found, key=lambda a: _depth(a, links[0])))
        else:
            links.append(found[-1])
    rail = common_ancestor(links)
    items = []
    for a in links:
        item = a
        while item.getparent() is not rail:
            item = item.getparent()
        items.append(item)
    return items if len(set(items)) == len(items) else None


def _relative(items: list, text_of_item) -> str | None:
    """Selector, relative to a teaser item, of the element whose text is the teaser's
    title (or snippet): its first match in every item must be that element."""
    targets, per_item = [], []
    for item, wanted in zip(items, text_of_item, strict=True):
        if not wanted:
            targets.append(None)
            continue
        el = next((e for e in item.iter() if isinstance(e.tag, str) and wanted(e)), None)
        if el is None:
            return None
        targets.append(el)
        per_item.append(candidates(el, top=item))
    if not per_item:
        return ""

    def works(css):
        return all(t is None or ((found := select(css, i)) and found[0] is t)
                   for i, t in zip(items, targets, strict=True))
    return pick(per_item, works)


def teaser_selectors(pages: list[Page]) -> dict | None:
    per_page = [_teaser_items(p) for p in pages]
    if any(items is None for items in per_page):
        return None
    if not any(per_page):
        return {"teaser_item": "", "teaser_title": "", "teaser_snippet": "", "teaser_link": ""}

    def works(css):
        return all(set(select(css, p.root)) == set(items)
                   for p, items in zip(pages, per_page, strict=True))
    with_items = [items for items in per_page if items]
    item_cands = []
    for items in with_items:
        rail = items[0].getparent()
        own = tokens(items[0])
        cands = [f"{r} > {o}" for r in tokens(rail)[:-1] for o in own]
        above = [t for depth, anc in enumerate(rail.iterancestors()) if depth < MAX_ANCESTORS
                 for t in tokens(anc)[:-1]]
        cands += [f"{r} {o}" for r in above for o in own]
        item_cands.append(cands)
    item_css = pick(item_cands, works)
    if item_css is None:
        return None
    items = [i for items in per_page for i in items]
    teasers = [t for p in pages for t in (p.record.get("teasers") or ())]
    title_css = _relative(items, [(lambda e, t=t["title"]: norm(e) == t) for t in teasers])
    snippet_css = _relative(items, [(lambda e, s=t["snippet"]: clean_snippet(text_of(e))[0] == s)
                                    if t["snippet"] else None for t in teasers])
    link_css = _relative(items, [(lambda e, p=p, u=t["url"]: e.tag == "a" and
                                  join_url(p.url, (e.get("href") or "").strip()) == u)
                                 for p in pages for t in (p.record.get("teasers") or ())])
    if title_css is None or snippet_css is None or link_css is None:
        return None
    return {"teaser_item": item_css, "teaser_title": title_css,
            "teaser_snippet": snippet_css, "teaser_link": link_css or "a"}


