"""Cards of a teaser/related block that are no article of the site (used by teasers.py):
"native ad" items and promotion slots, paid cards, shop products with a price, job ads, the
page itself, its section, author, tag and topic pages, images, other sites' pages; and the
section links above a card (a parent folder of another card's link: a kicker).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..text import word_count
from ..vocab import AD_CLASS, JOB_AD_TITLE, SPONSORED_TEXT, non_article_path
from .nav_cards import Card
from .nav_dom import raw_text, squash
from .nav_pages import page_of_same_article, same_page, same_site, section_of

# A recommendation slot the site sells or fills with its own promotions ("af-native-left").
_NATIVE_SLOT = re.compile(r"(?<![a-z])native(?![a-z])", re.IGNORECASE)
# The price line of a shop's product card ("price--default", "product-price").
_PRICE_CLASS = re.compile(r"(?<![a-z])price", re.IGNORECASE)
_BADGE_LEVELS = 3  # a badge sits in the card's item, a few wrappers around the headline
_BADGE_TEXT = 40  # "Artikeltyp: Advertorial", "Anzeige": a label, not a headline
_CHANNEL_LABEL = 6  # characters of a channel's name on a digest card ("财经", "Sport")
_MIN_CHANNELS = 3


def not_an_article(card: Card, url: str | None) -> bool:
    """Cards that are no article of the site: "native ad" items (<li class="andNativead">),
    paid cards ("Advertorial" beside the title), the page itself ("More US Stories" listing
    it first), its section (a link to a parent path of the page), author, tag and topic
    pages, images, job ads ("Leitung (m/w/d) Controlling")."""
    names = f'{card.el.get("class") or ""} {card.el.get("id") or ""}'
    if AD_CLASS.search(names) or _NATIVE_SLOT.search(names) or _priced(card.el):
        return True
    text = squash(raw_text(card.el))
    rest = text if word_count(card.title) <= 2 else text.replace(card.title, "", 1)
    # "Sponsored" as the card's only title line (the label glued to the headline in a
    # "<span>Sponsored</span><h3>…</h3>" card leaves no word break to search for)
    if SPONSORED_TEXT.search(rest) or SPONSORED_TEXT.fullmatch(card.title.strip()) or \
            JOB_AD_TITLE.search(card.title) or _sponsored_badge(card):
        return True
    if not card.href:
        return False
    path = urlsplit(card.href).path
    # (A one-word folder, "/world/", is no sign of a section front: bench/README.md,
    # navigation audit; the page's own section is section_of below.)
    if non_article_path(path):
        return True
    return bool(url) and (same_page(card.href, url) or section_of(card.href, url) or
                          not same_site(card.href, url) or page_of_same_article(card.href, url))


def _sponsored_badge(card: Card) -> bool:
    """A paid item's badge beside its headline, outside the card's title element: the item
    around it (up to three levels, while it links nowhere else) shows a short line such as
    "Advertorial" or "Anzeige" ("<span class=badge>Advertorial</span><h4><a>…</a></h4>")."""
    item, holders = card.el, {card.el}  # holders: the title element and the boxes around it
    for _ in range(_BADGE_LEVELS):
        parent = item.getparent()
        if parent is None or any((a.get("href") or "") != (card.href or "")
                                 for a in parent.iter("a") if a.get("href")):
            break
        item = parent
        holders.add(item)
    if item is card.el:
        return False
    for el in item.iter():
        if isinstance(el.tag, str) and el not in holders and \
                next(el.iter("a"), None) is None:
            text = squash(raw_text(el))
            if 0 < len(text) <= _BADGE_TEXT and SPONSORED_TEXT.search(text):
                return True
    return False


def _priced(el) -> bool:
    """A shop's product card: its price in an element named so ("price--default")."""
    return any(_PRICE_CLASS.search(d.get("class") or "") for d in el.iter()
               if isinstance(d.tag, str))


def without_sections(cards: list[Card]) -> list[Card]:
    """Cards whose link is a parent folder of another card's link in the block are that
    card's section or show ("<a href=/emissions/show>Show</a>" above
    "/emissions/show/episode-2"): a kicker, no article. Cards each labelled with another
    channel's front page ("【<a href=//finance.site.cn/>财经</a>】", "【体育】", ...), one card
    a channel, are the portal's digest of its channels, the same under every article: none
    is kept."""
    if _channel_digest(cards):
        return []
    paths = [urlsplit(c.href).path.rstrip("/") + "/" if c.href else "" for c in cards]
    return [c for c, p in zip(cards, paths, strict=True)
            if not p or p == "/" or not any(o != p and o.startswith(p) for o in paths)]


def _channel_digest(cards: list[Card]) -> bool:
    """Do most items of the cards' list carry a short label linking a channel's front page
    (a host's root), each another channel, three or more? (A feed's cards name their channel
    too, but repeat it.) The list's items are counted, cards or not: an item whose headline
    the site cut ("朱镕基第二次给他们写...") may have given no card."""
    if not cards:
        return False
    parent = cards[0].el.getparent()
    items = [k for k in parent if isinstance(k.tag, str)] if parent is not None and all(
        c.el.getparent() is parent for c in cards) else [c.el for c in cards]
    hrefs = {c.href for c in cards}
    fronts = []
    for item in items:
        for a in item.iter("a"):
            href = a.get("href") or ""
            parts = urlsplit(href)
            if href not in hrefs and parts.netloc and parts.path in ("", "/") and \
                    not parts.query and 0 < len(squash(raw_text(a))) <= _CHANNEL_LABEL:
                fronts.append(parts.netloc.lower())
                break
    return len(fronts) >= _MIN_CHANNELS and 2 * len(fronts) >= len(items) and \
        len(set(fronts)) == len(fronts)
