"""Groups of links the navigation rules did not accept, and general features of each: the
examples of the learned-rescue experiment (bench/nav_rescue_train.py; bench/README.md,
"Tried and not shipped: a learned rescue").

A group is the repeated children of one box (same tag and class), each holding one to four
links, of which the one with the longest text is the item's link. Links inside what
`explain_navigation` accepted, in the site's chrome, hidden, in pagers, to this page or to
no page are left out; a group keeps two items or more. Features use no word of a
particular page: counts, lengths, URL shapes, positions, box names read with the
vocabularies of cleaners/vocab.py.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_MAX_LINKS = 4  # links in one item: a card's image, kicker, headline and author
_MIN_ITEMS = 2
_PROSE = 150  # characters of a paragraph of the text
_LABEL_LEVELS = 4
_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b|\d{4}年")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}")
_ID = re.compile(r"\d{5,}")
_SIDE = re.compile(r"(?<![a-z])side|rail|widget|aside")
_CJK = re.compile(r"[\u3040-\u9fff\uac00-\ud7af]")

FEATURES = (
    "bias", "log_items", "words", "cjk", "headline_share", "short_share", "same_site",
    "slug_or_id", "same_folder", "query", "non_article", "after_h1", "before_h1",
    "after_prose", "in_text_box", "side", "footer_tag", "link_density", "label_any",
    "label_related", "label_sitelist", "class_related", "class_rail", "class_notrail",
    "class_sitelist", "class_ad", "images", "dates", "extra_text", "same_class",
    "repeated_urls", "list_tag", "page_found", "log_page_links",
)


@dataclass(slots=True)
class Group:
    box: object
    anchors: list  # one per item, in page order
    urls: list  # absolute
    titles: list
    extras: list  # characters of each item besides its link's text
    features: list


def _text(el) -> str:
    from cleaners.generic.nav_dom import raw_text, squash

    return squash(raw_text(el))


def _items(box):
    """The box's children repeating one (tag, class) signature: a list of two or more."""
    sig: dict = {}
    for kid in box:
        if isinstance(kid.tag, str):
            sig.setdefault((kid.tag, kid.get("class") or ""), []).append(kid)
    return [kids for kids in sig.values() if len(kids) >= _MIN_ITEMS]


def _item_anchor(item):
    anchors = [item] if item.tag == "a" else [a for a in item.iter("a")]
    anchors = [a for a in anchors if (a.get("href") or "").strip()]
    if not anchors or len({a.get("href").strip() for a in anchors}) > _MAX_LINKS:
        return None
    return max(anchors, key=lambda a: len(_text(a) or a.get("title") or ""))


def candidate_groups(root, url, taken: set, found_urls: set, norm) -> list[Group]:
    """Every group of links outside what the rules accepted (see the module doc)."""
    from cleaners.generic.nav_dom import absolute, hidden, in_chrome, is_inside, linkable
    from cleaners.generic.nav_flips import in_pager
    from cleaners.generic.nav_pages import page_of_same_article

    groups = []
    seen_anchor: set = set()
    body = root.find("body")
    if body is None:
        return groups
    for box in body.iter():
        if not isinstance(box.tag, str) or box.tag in ("nav", "header", "footer", "form",
                                                        "select", "script", "style"):
            continue
        for kids in _items(box):
            anchors, urls, titles, extras = [], [], [], []
            for kid in kids:
                a = _item_anchor(kid)
                if a is None or a in seen_anchor:
                    continue
                href = a.get("href").strip()
                if not linkable(href):
                    continue
                full = absolute(href, url)
                title = _text(a) or (a.get("title") or "").strip()
                if not title or norm(full) in found_urls or (url and page_of_same_article(
                        href, url)) or norm(full) in {norm(u) for u in urls}:
                    continue
                anchors.append(a)
                urls.append(full)
                titles.append(title)
                extras.append(max(0, len(_text(kid)) - len(title)))
            if len(anchors) < _MIN_ITEMS:
                continue
            first = anchors[0]
            if is_inside(first, taken) or in_chrome(first) or hidden(first) or in_pager(first):
                continue
            seen_anchor.update(anchors)
            groups.append(Group(box, anchors, urls, titles, extras, []))
    return groups


class PageContext:
    """What every group's features read from the page once."""

    def __init__(self, root, url, blocks_found: int):
        from cleaners.generic.nav_dom import absolute

        self.url = url
        self.order = {el: i for i, el in enumerate(root.iter())}
        h1 = next(root.iter("h1"), None)
        self.h1_at = self.order.get(h1) if h1 is not None else None
        prose = [p for p in root.iter("p") if len(_text(p)) > _PROSE]
        self.last_prose = self.order[prose[-1]] if prose else None
        self.prose = set(prose)
        self.href_count: dict = {}
        n = 0
        for a in root.iter("a"):
            href = (a.get("href") or "").strip()
            if href:
                n += 1
                key = absolute(href, url)
                self.href_count[key] = self.href_count.get(key, 0) + 1
        self.n_links = n
        self.blocks_found = blocks_found
        here = urlsplit(url or "")
        self.host = here.hostname or ""
        parts = [p for p in here.path.split("/") if p]
        self.folder = parts[0] if len(parts) > 1 else None


def _label(box):
    from cleaners.generic.nav_dom import STOP_TAGS

    node = box
    for _ in range(_LABEL_LEVELS):
        prev = node.getprevious()
        while prev is not None:
            text = _text(prev) if isinstance(prev.tag, str) else ""
            if text:
                return text if len(text) <= 80 else ""
            prev = prev.getprevious()
        node = node.getparent()
        if node is None or node.tag in STOP_TAGS:
            break
    return ""


def _names_up(box, levels: int = 5) -> str:
    from cleaners.generic.nav_dom import box_names

    out = []
    node = box
    for _ in range(levels):
        if node is None or node.tag in ("body", "html"):
            break
        out.append(box_names(node))
        node = node.getparent()
    return " ".join(out)


def features(group: Group, ctx: PageContext) -> list[float]:
    from cleaners.generic.nav_pages import registered_domain
    from cleaners.generic.nav_scan import heading_label, related_heading
    from cleaners.text import word_count
    from cleaners.vocab import (
        AD_CLASS,
        NON_ARTICLE_URL,
        NOT_RAIL_CLASS,
        RAIL_CLASS,
        RELATED_CLASS,
        SITE_LIST_CLASS,
    )

    n = len(group.anchors)
    titles = group.titles
    cjk = [len(_CJK.findall(t)) for t in titles]
    words = [word_count(t) for t in titles]
    headline = sum(1 for w, c in zip(words, cjk, strict=True) if w >= 4 or c >= 10) / n
    short = sum(1 for w, c in zip(words, cjk, strict=True) if w <= 2 and c < 6) / n
    parts = [urlsplit(u) for u in group.urls]
    site = registered_domain(ctx.host) if ctx.host else ""
    same_site = sum(1 for p in parts if not p.hostname or not site or
                    registered_domain(p.hostname) == site) / n
    slug = sum(1 for p in parts if _SLUG.search(p.path.lower()) or _ID.search(p.path)) / n
    folder = sum(1 for p in parts if ctx.folder and
                 [x for x in p.path.split("/") if x][:1] == [ctx.folder]) / n
    query = sum(1 for p in parts if p.query) / n
    non_article = sum(1 for p in parts if NON_ARTICLE_URL.search(p.path)) / n
    at = ctx.order.get(group.anchors[0], 0)
    ups = list(group.box.iterancestors())
    ups_box = [group.box, *ups]
    text_box = any(x.tag in ("article", "main") and any(p in ctx.prose for p in x.iter("p"))
                   for x in ups_box)
    names = _names_up(group.box)
    side = any(x.tag == "aside" for x in ups_box) or bool(_SIDE.search(names))
    box_text = len(_text(group.box)) or 1
    link_text = sum(len(t) for t in titles)
    label = _label(group.box)
    items = [a for a in group.anchors]
    kids_class = len({(a.getparent().get("class") or "") for a in items}) == 1 and \
        bool(items[0].getparent().get("class"))
    images = sum(1 for a in items if a.find(".//img") is not None or
                 (a.getparent() is not None and a.getparent().find(".//img") is not None)) / n
    box_all = _text(group.box)
    dates = min(len(_DATE.findall(box_all)) / n, 1.0)
    repeated = sum(1 for u in group.urls if ctx.href_count.get(u, 0) > 2) / n
    return [
        1.0, math.log(n), min(sum(words) / n, 20) / 10, min(sum(cjk) / n, 40) / 20,
        headline, short, same_site, slug, folder, query, non_article,
        float(ctx.h1_at is not None and at > ctx.h1_at),
        float(ctx.h1_at is not None and at < ctx.h1_at),
        float(ctx.last_prose is not None and at > ctx.last_prose),
        float(text_box), float(side), float(any(x.tag == "footer" for x in ups_box)),
        min(link_text / box_text, 1.0), float(bool(label)),
        float(bool(label) and related_heading(label)),
        float(bool(label) and heading_label(label) and not related_heading(label)),
        float(bool(RELATED_CLASS.search(names))), float(bool(RAIL_CLASS.search(names))),
        float(bool(NOT_RAIL_CLASS.search(names))), float(bool(SITE_LIST_CLASS.search(names))),
        float(bool(AD_CLASS.search(names))), images, dates,
        min(sum(group.extras) / n, 300) / 100, float(kids_class), repeated,
        float(group.box.tag in ("ul", "ol")), float(ctx.blocks_found > 0),
        math.log(1 + ctx.n_links) / 5,
    ]
