"""Merging the links and teasers found by the prev/next and the block detectors."""
from __future__ import annotations


def first_occurrence(links: list, teasers: list) -> tuple[list, list]:
    """Both lists in page order; an article listed in two blocks (a related list and a
    teaser rail) is kept where it comes first. Prev/next links stay as they are (the next
    article may be recommended too), but prev and next to one URL are no pair: a
    quotation's guillemets around a link, not arrows."""
    rels: dict = {}
    for _, link in links:
        if link.url:
            rels.setdefault(link.url, set()).add(link.rel)
    both = {u for u, r in rels.items() if {"prev", "next"} <= r}
    items = sorted([(k, 0, x) for k, x in links if x.url not in both] +
                   [(k, 1, x) for k, x in teasers], key=lambda kv: kv[0])
    seen: set = set()
    out: tuple[list, list] = ([], [])
    for key, kind, item in items:
        if kind == 0 and item.rel != "related":
            out[kind].append((key, item))
            continue
        if item.url and item.url in seen:
            continue
        if item.url:
            seen.add(item.url)
        out[kind].append((key, item))
    return out


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
