"""The items of a teaser/related block: its repeated elements (<li>, <article>, ...), found
by descending through wrappers and opening grid columns (used by nav_cards.py)."""
from __future__ import annotations

from urllib.parse import urlsplit

from .nav_dom import linkable, raw_text, squash, text_len
from .nav_scan import heading_label, read_more

_ITEM_TAGS = frozenset(("li", "article", "div", "section", "span"))
MAX_CARD = 800  # characters: a teaser card is a title and a short excerpt, not an article


def repeated_items(region: list) -> list | None:
    """Repeated elements holding links, found by descending through wrappers: the <li> of
    <div><h3>Related</h3><ul><li>..., the posts of jp-relatedposts. None when the links
    are not in repeated elements (an inline "Lire aussi : <a>" line)."""
    kids = [el for el in region if has_link(el)]
    for _ in range(6):
        if len(kids) >= 2:
            tags: dict = {}
            for kid in kids:
                tags[kid.tag] = tags.get(kid.tag, 0) + 1
            tag, count = max(tags.items(), key=lambda tc: tc[1])
            if count < len(kids) and min(tags.values()) >= 2 and _one_story_each(kids):
                # cards of two tags in one list, each tag repeated: ad slots with the site's
                # fallback story (<div class=adtag><article>…</article></div>) beside plain
                # <article>s (a lone "see all" box of another tag is no such card)
                return _flatten(kids)
            if count >= 2:
                return _flatten([kid for kid in kids if kid.tag == tag])
            # "See all" beside the list: go into the kid holding most links
            kids = [max(kids, key=lambda k: sum(1 for _ in k.iter("a")))]
        if len(kids) != 1 or kids[0].tag == "a":
            return None
        kids = [el for el in kids[0] if isinstance(el.tag, str) and has_link(el)]
    return None


def _one_story_each(kids: list) -> bool:
    """Does every kid, of an item tag, lead to one target of its own (an image link and a
    title link to the same story count once)?"""
    targets = []
    for kid in kids:
        if kid.tag not in _ITEM_TAGS:
            return False
        hrefs = {h for h in (link_href(a) for a in kid.iter("a")) if h}
        if len(hrefs) != 1:
            return False
        targets.append(hrefs.pop())
    return len(set(targets)) == len(targets)


def _flatten(items: list) -> list:
    """Columns of a grid (<div class=col><ul><li>card</li><li>card</li></ul></div> x 2) are
    not cards: when every item holds repeated items of its own, each with its own link,
    those are the cards. A "see all" box beside the list (<div class=read-more><a>More
    Stories</a></div>) is no item and has no say."""
    found = [_repeated_kids(item) for item in items]
    inner = []
    split = voters = 0
    for item, kids in zip(items, found, strict=True):
        if kids is None:
            inner.append(item)
            voters += not _see_all(item)
        else:
            split += 1
            voters += 1
            inner.extend(kids)
    if 2 * split > voters or not split:
        return inner if split else items
    out = []  # a lead card beside a box of more ("Zum Thema": one, then two columns of five):
    for item, kids in zip(items, found, strict=True):  # a box too long to be a card is
        if kids is not None and text_len(item, MAX_CARD) > MAX_CARD:  # opened to its cards
            out.extend(_flatten(kids))
        else:
            out.append(item)
    return out


def _see_all(item) -> bool:
    """An item that is one "see all" link: "More Stories", "Alle Artikel »", a link to the
    site's home page, or the block's own linked heading ("<div class=header><h2><a
    href=/category/x>Headlines</a></h2>")."""
    anchors = list(item.iter("a"))
    if len(anchors) != 1:
        return False
    target = urlsplit(anchors[0].get("href") or "")
    if target.path in ("", "/") and not target.query:
        return True  # "Back to the home page": no story
    text = squash(raw_text(item))
    return text == squash(raw_text(anchors[0])) and (
        read_more(text) or heading_label(text) or
        next(item.iter("h1", "h2", "h3", "h4", "h5", "h6"), None) is not None)


def _repeated_kids(item) -> list | None:
    """The repeated <li>/<article>/<div> items inside one item, each with a distinct link."""
    node = item
    for _ in range(4):
        kids = [el for el in node if isinstance(el.tag, str) and has_link(el)]
        if len(kids) == 1:
            node = kids[0]
            continue
        same = [k for k in kids if k.tag == kids[0].tag] if kids else []
        if len(kids) < 2 or len(same) != len(kids) or kids[0].tag not in _ITEM_TAGS:
            return None
        hrefs = {next((link_href(a) for a in k.iter("a") if link_href(a)), None) for k in kids}
        return kids if None not in hrefs and len(hrefs) == len(kids) else None
    return None


def has_link(el) -> bool:
    return el.tag == "a" or next(el.iter("a"), None) is not None


def link_href(a) -> str | None:
    href = (a.get("href") or "").strip()
    return href if linkable(href) else None
