"""Prev/next links and teaser blocks found by structure and vocabulary.

`find_navigation(root, url)` returns (related_links, teasers, elements holding them); the
caller drops the elements before main-text detection, so navigation never reaches the body.

Previous/next evidence, strongest first (a link can collect several):
- rel="prev"/"next" on the <a>; a word label on the link or its line ("Previous article",
  "Nächster Artikel", "上一篇：", "<<: "), in any of the languages of cleaners.vocab;
- class names of the link or its box ("nav-previous", "next-post-link"): titles required;
- arrows alone ("« Title", "Title »"): bullets, quotes and "Read more →" use them too, so an
  arrow-only link counts only as half of a pair (a prev and a next next to each other);
- <link rel=prev/next> in <head>: only for a direction the body has no link for (its title
  is the link's title attribute, usually empty).
A line with a strong label and no link ("<<:  Title", "上一篇：Title") gives a link with
url None; "上一篇：没有了" (no previous article) gives no link, but its element is dropped.
Not navigation: numbered pagination ("1 2 3 Next"), comment pages ("« Older Comments"),
listing pages ("Older posts"), "back to the list" links, carousels (see vocab).

Candidates and their labels are found in nav_candidates.py; teaser blocks in teasers.py (see
there for the teaser/related decision).
"""
from __future__ import annotations

from ..article import Link, Teaser
from ..text import clean_inline
from ..vocab import DIRECTION_WORD, NAV_EXCLUDE, NO_ARTICLE
from .nav_candidates import ARROW, CLASS, REL, WORD, Cand, anchor_title, candidates, titled
from .nav_cards import home_page
from .nav_dom import (
    STOP_TAGS,
    absolute,
    ancestors,
    doc_key,
    hidden,
    in_chrome,
    is_inside,
    linkable,
    raw_text,
    real_href,
    squash,
    text_len,
)
from .nav_expand import expand
from .nav_flips import in_calendar, in_media_box, in_pager
from .nav_merge import first_occurrence, not_itself, unique
from .nav_pages import base_url, own_title_keys, page_of_same_article
from .nav_scan import Hits, read_more, rel_direction, scan
from .teasers import find_blocks


def find_navigation(root, url: str | None) -> tuple[list[Link], list[Teaser], list]:
    """Return (related_links, teasers, elements holding them), both lists in page order.
    Elements never include <html>, <body>, <main>, <article> or the main text."""
    links, teasers, elements, _why = explain_navigation(root, url)
    return links, teasers, elements


def explain_navigation(root, url: str | None):
    """find_navigation's (related_links, teasers, elements), and a dict id(item) -> which
    acceptance path produced the item ("prevnext:WORD", "prevnext:head", "class:related-posts",
    "heading:cards Related posts", "rail", "embed"): for debugging (bench/nav_audit.py)."""
    url = base_url(root, url)
    hits = scan(root)
    cands = candidates(hits) + titled(root)
    strong = {c.anchor for c in cands if c.anchor is not None and c.strength >= WORD}
    blocks = find_blocks(root, hits, url, strong)
    in_blocks = {el for b in blocks for el in b.elements}
    why: dict[int, str] = {}
    nav, lines = _resolve(cands, url, in_blocks, why)
    nav = _with_head_links(nav, hits, url, why)

    links = [(key, link) for key, link in nav]
    teasers: list[tuple[tuple, Teaser]] = []
    for block in blocks:
        links.extend(block.links)
        teasers.extend(block.teasers)
        why.update((id(item), block.why) for _, item in (*block.links, *block.teasers))
    links, teasers = not_itself(*first_occurrence(links, teasers), own_title_keys(root))
    elements = expand(lines + [el for b in blocks for el in b.elements])
    return unique([link for _, link in links], lambda x: x.url and (x.rel, x.url)), \
        unique([t for _, t in teasers], lambda x: x.url), elements, why


# --- resolution ----------------------------------------------------------------------------

def _resolve(cands: list[Cand], url: str | None, in_blocks: set, why: dict):
    """Merge the evidence per link, filter, and return ([(key, Link)], [elements]); why
    gets each link's provenance."""
    best: dict = {}  # anchor (or line) -> merged candidate
    for cand in cands:
        ident = cand.anchor if cand.anchor is not None else cand.line
        old = best.get(ident)
        if old is None:
            best[ident] = cand
            continue
        if cand.strength > old.strength or (cand.strength == old.strength and
                                            is_inside(cand.line, {old.line})):
            old.rel, old.strength = cand.rel, cand.strength  # the inner box is more precise
            old.why = cand.why
        if is_inside(old.line, {cand.line}):
            old.line = cand.line  # keep the wider line: "« <a>" holds the arrow too
    kept = _pairs_only_for_arrows([c for c in best.values() if c.anchor is None or
                                   linkable((c.anchor.get("href") or "").strip())])
    kept = [c for c in kept if _acceptable(c, in_blocks, url)]

    links: list[tuple[tuple, Link]] = []
    lines = []
    seen: set = set()
    keyed = sorted(((doc_key(c.anchor if c.anchor is not None else c.line), c) for c in kept),
                   key=lambda kc: kc[0])
    for key, cand in keyed:
        lines.append(cand.line)
        href = None if cand.anchor is None else real_href(cand.anchor, url)
        if NO_ARTICLE.match(cand.title) or (not cand.title and href is None):
            continue
        ident = (cand.rel, href or cand.title)
        if ident not in seen:
            seen.add(ident)
            link = Link(cand.rel, cand.title, href)
            why[id(link)] = cand.provenance()
            links.append((key, link))
    return links, lines


def _acceptable(cand: Cand, in_blocks: set, url: str | None) -> bool:
    """Filters, cheapest first; sets cand.title for links."""
    if NAV_EXCLUDE.search(raw_text(cand.line)):
        return False
    a = cand.anchor
    if a is None:
        return True
    href = (a.get("href") or "").strip()
    if not linkable(href) or "comment" in href.lower():
        return False
    cand.title = anchor_title(a, cand.rel)
    if not cand.title or DIRECTION_WORD.search(cand.title):
        cand.title = _title_nearby(a, href) or cand.title
    if (not cand.title and cand.strength < REL and in_chrome(a)) or \
            page_of_same_article(href, url) or \
            home_page(absolute(href, url) if url else href):
        return False  # a "Next" section link in the footer; page 2 of this article; a home
    if cand.strength < WORD:
        if read_more(cand.title or "x") or is_inside(a, in_blocks) or in_chrome(a):
            return False
        if cand.strength == CLASS and len(cand.title) < 4:
            return False
    return not in_pager(a) and not hidden(a) and not in_media_box(a) and not in_calendar(a)


def _title_nearby(a, href: str) -> str:
    """The title of a labelled link ("Next Auto News »") from another link to the same page
    in its box: the image link's neighbour <a><h5>Audi e-Tron Sportback…</h5></a>."""
    box = a.getparent()
    for _ in range(3):
        if box is None or box.tag in STOP_TAGS or text_len(box, 600) > 600:
            return ""
        texts = [squash(raw_text(other)) for other in box.iter("a")
                 if other is not a and (other.get("href") or "").strip() == href]
        texts = [t for t in texts if t and len(t) <= 200 and not DIRECTION_WORD.search(t)]
        if texts:
            return clean_inline(max(texts, key=len))
        box = box.getparent()
    return ""


def _pairs_only_for_arrows(cands: list[Cand]) -> list[Cand]:
    """An arrow-only link is kept when the nearest box holding another candidate holds
    exactly one, of the other direction: "« <a>A</a>" beside "<a>B</a> »". Sidebars with
    "» " bullets hold many; a script link ("<< 返回", history.go(-1)) is nobody's partner."""
    if all(c.strength > ARROW for c in cands):
        return cands
    lineage = {id(c): ancestors(c.line, 12) for c in cands}  # pairs sit in shallow boxes
    out = []
    for cand in cands:
        if cand.strength > ARROW:
            out.append(cand)
            continue
        node = cand.line.getparent()
        for _ in range(4):
            if node is None or node.tag in STOP_TAGS:
                break
            others = [c for c in cands if c is not cand and node in lineage[id(c)]]
            if others:
                if len(others) == 1 and others[0].rel != cand.rel:
                    out.append(cand)
                break
            node = node.getparent()
    return out


def _with_head_links(nav: list, hits: Hits, url: str | None, why: dict) -> list:
    """<link rel=prev/next> for the directions the body gives no link for."""
    have = {link.rel for _, link in nav}
    out = list(nav)
    for link in hits.head_links:
        rel = rel_direction(link.get("rel"))
        href = real_href(link, url)
        if rel and href and rel not in have and not page_of_same_article(href, url):
            have.add(rel)
            item = Link(rel, clean_inline(link.get("title")), href)
            why[id(item)] = "prevnext:head"
            out.append((doc_key(link), item))
    return out

