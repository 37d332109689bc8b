"""Teaser and related-link blocks: "Recommend", "You may also like", "推荐阅读", ...

A block starts from
- a heading or label whose whole text is a related-block heading (vocab.RELATED_HEADING):
  the block is what follows it (its next siblings, up to the next heading of the same rank,
  a box opening with one, or the first stretch of prose), or the rest of its line for an
  inline label ("Lire aussi : <a>…</a>", "Читайте также: <a>…</a>");
- a class/id name (related, recommend, more-stories, yarpp, tuijian, xgwz, ...): the element.
Blocks in the site's footer, header or menu are site-wide, not about the article: skipped
(a block under an explicit related heading only when in a <header>/<footer>: sidebars
classed "menu" hold "Dans la même rubrique" lists too).
Headings of site-wide lists ("Most read", "热门文章") are not related-block headings, nor is
"More from <the name on the page's author link>" (the author's latest articles).

Each block's items are cards (title, link, snippet): see nav_cards.py.

Teaser or related link? Decided per item: a card with a snippet is a teaser, a card
without one a rel="related" link (a block may hold both: three cards with an excerpt, then
seven bare titles). A list of one- or two-word links is a topic/tag list: not taken.
A class-named box headed by a site-wide list heading ("Most popular") is not taken; nor
are "native ad" cards, shop products and other cards that are no article among the items
(nav_not_articles.py).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from ..text import word_count
from ..vocab import AD_CLASS, FOR_YOU_HEADING, NON_ARTICLE_URL, SITE_LIST_CLASS
from .nav_block import BLOCK_SLACK, MAX_CARDS, Block, loose_text, make_block
from .nav_cards import Card, find_cards
from .nav_dom import (
    HEADING_TAGS,
    STOP_TAGS,
    ancestor_anchor,
    hidden,
    in_chrome,
    is_inside,
    raw_text,
    squash,
    text_len,
)
from .nav_embeds import find_embeds
from .nav_label_lists import find_label_lists
from .nav_rails import find_rails, named_by_items_only, teaser_cards
from .nav_region import region_after
from .nav_scan import Hits, class_kind, heading_label, read_more, related_heading
from .nav_sitewide import too_many_embeds, video_feed, word_page
from .nav_text_boxes import find_text_boxes
from .nav_text_pairs import text_pairs

_INLINE_SLACK = 24  # text of an inline label's line besides the label and links
_WRAPPER_SLACK = 12  # "推荐阅读 更多>>": a heading box may hold a short "more" link
# ... except a personalised feed ("为您推荐"): 40 cards under a portal's article (two zh-dev
# tune pages), a "load more" list of recommendations, not the latest stories.
_MAX_FEED_CARDS = 60
# A card in the article's text shows a summary of a sentence or more, else it is a link.
_MIN_EMBED_SNIPPET = 60
# A newsletter's sign-up page ("/service/newsletter-gerne-draussen-1.5249977"), promoted
# by a card between the paragraphs like an article (in a list, "Newsletter" is a menu item
# that tells a menu from a block of articles: kept there).
_NEWSLETTER_PATH = re.compile(r"/newsletters?(?:[-_./]|$)", re.IGNORECASE)


def find_blocks(root, hits: Hits, url: str | None, nav_anchors: set) -> list[Block]:
    """Teaser/related blocks; nav_anchors (strong prev/next links) are not cards. Class
    seeds go first, in page order, so an outer "related" box wins over the pieces inside
    it; a heading whose list was taken by a class seed joins that block."""
    blocks: list[Block] = []
    taken: set = set()
    for el in _class_seeds(hits.related):
        if not is_inside(el, taken) and not in_chrome(el, menus=False):
            _take(_from_class(el, url, nav_anchors), blocks, taken, _class_why(el))
    authors = None
    author_heads = set()
    for hit in hits.texts:
        if hit.arrow or not related_heading(hit.text):
            continue
        if authors is None:
            authors = _author_names(root)
        if any(name in hit.text for name in authors):
            # "More from Jane Doe": the author's latest, not about this article
            author_heads.add(hit.owner.getparent() if hit.is_tail else hit.owner)
            continue
        host = hit.owner.getparent() if hit.is_tail else hit.owner
        if host is None or _in_link(host) or is_inside(host, taken) or \
                in_chrome(host, menus=False) or _in_ad(host):
            continue
        _take(_from_heading(hit, url, nav_anchors, taken), blocks, taken)
    for el in find_rails(root, url, taken, author_heads):
        _take(_from_rail(el, url, nav_anchors), blocks, taken, "rail")
    for label, el in find_label_lists(root, url, taken, hits.colon_lines):
        _take(_from_label_list(label, el, url, nav_anchors), blocks, taken, "label-list")
    for el in find_text_boxes(root, url, taken):
        _take(_from_label_list(None, [el], url, nav_anchors), blocks, taken, "text-box")
    nav_boxes = [*hits.nav_prev, *hits.nav_next, *nav_anchors]  # "next-post" boxes
    embeds = find_embeds(root, url, taken, nav_boxes)
    for el in [] if too_many_embeds(embeds) else embeds:  # a listing's excerpts
        _take(_from_embed(el, url, nav_anchors), blocks, taken, "embed")
    return blocks


_AUTHOR_LINKS = etree.XPath(
    "//a[@rel='author' or contains(@href, '/author') or contains(@href, '/autor')"
    " or contains(@href, '/auteur')]"
)


def _author_names(root) -> set[str]:
    """Names on the page's links to author pages (bylines), of two words or more."""
    names = set()
    for a in _AUTHOR_LINKS(root)[:50]:
        name = squash(raw_text(a))
        if a.get("rel") != "author" and not NON_ARTICLE_URL.search(
                urlsplit(a.get("href") or "").path):
            continue
        if 2 <= word_count(name) <= 5 and len(name) <= 60:
            names.add(name)
    return names


_LINKED_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _in_link(el) -> bool:
    """Is the label a link's text? A dummy link that leads nowhere ("<h3><a href='#'>Suggested
    articles</a></h3>", a script handler) leaves it a heading, unless a sibling link beside it
    makes the line a tab bar ("Related articles | More from author"); a link to a fragment
    ("#similar") is a tab too. A real link that is a heading's whole text leaves it a heading."""
    a = ancestor_anchor(el)
    if a is None:
        return False
    href = (a.get("href") or "").strip()
    line = a.getparent()
    if href != "#" and not href.lower().startswith("javascript:"):
        # "<h3><a href='/sci-tech'>More News from Sci-Tech</a></h3>": the section's listing
        return not (line is not None and line.tag in _LINKED_HEADINGS and
                    squash(raw_text(line)) == squash(raw_text(a)))
    return line is not None and sum(1 for _ in line.iter("a")) > 1


def _in_ad(el) -> bool:
    """A "Recommended" heading of an ad widget (Taboola, Outbrain): its list is filled by
    script, and what follows it in the page is something else."""
    for _ in range(3):
        if el is None:
            return False
        if AD_CLASS.search(el.get("class") or ""):
            return True
        el = el.getparent()
    return False


def _site_list(el) -> bool:
    """Does a class-named box open with a site-wide list heading ("Most read", "Latest")?"""
    head = next(el.iter(*HEADING_TAGS), None)
    if head is None:
        return False
    text = squash(raw_text(head))
    return heading_label(text) and not related_heading(text)


def _take(block: Block | None, blocks: list, taken: set, why: str = "") -> None:
    if block is not None and block.elements and hidden(block.elements[-1]):
        block = Block(elements=block.elements)  # not navigation, nor text a reader sees
    if block is not None:
        block.why = block.why or why
        blocks.append(block)
        taken.update(block.elements)


def _class_seeds(elements: list) -> list:
    """Sibling items that each carry the same hint ("related-post" x 5) stand for their
    parent (blocks with different hints, "tjyd" beside "xgwz", stay apart)."""
    counts: dict = {}
    for el in elements:
        key = (el.getparent(), el.get("class"))
        counts[key] = counts.get(key, 0) + 1
    out: list = []
    for el in elements:
        parent = el.getparent()
        if parent is not None and parent.tag not in STOP_TAGS and \
                counts[(parent, el.get("class"))] >= 2:
            el = parent
        if el not in out:
            out.append(el)
    return out


def _class_why(el) -> str:
    """Provenance of a class seed: its first class token naming a related block (a seed
    standing for its items carries none itself: their token)."""
    for node in (el, next((k for k in el if isinstance(k.tag, str)), None)):
        for token in ((node.get("class") or "") if node is not None else "").split():
            if class_kind(token) == "related":
                return f"class:{token.lower()}"
    return "class"


# --- block shapes --------------------------------------------------------------------------

def _from_class(el, url, nav_anchors) -> Block | None:
    if next(el.iter("h1"), None) is not None:
        return None  # "has-related" on the article's own box
    if _site_list(el):
        return None  # "related-articles" box headed "Most Popular"
    cards = find_cards([el], nav_anchors)
    if len(cards) < 2 or loose_text(el, cards, links=False) > BLOCK_SLACK:
        return None
    if video_feed(cards):
        return Block(elements=[el])  # the site's video feed: no items, no part of the text
    return make_block(cards, [el], url, max(_max_cards(_first_text(el)),
                                            _max_cards(_first_text(el.getprevious()))))


def _from_rail(el, url, nav_anchors) -> Block | None:
    cards = [c for c in find_cards([el], nav_anchors) if not word_page(c.href or "")]
    if len(cards) < 2 or loose_text(el, cards) > BLOCK_SLACK:
        return None
    block = make_block(cards, [el], url)
    if block is not None and named_by_items_only(el) and \
            not teaser_cards(el, len(block.links), len(block.teasers)):
        return Block(elements=block.elements)  # dropped from the text, no items
    return block


def _from_label_list(label, region: list, url, nav_anchors) -> Block | None:
    """A list (or a run of lines) of headline links under a label line ending in a colon
    (nav_label_lists.py): the label goes with it. Without a label: a small box of headline
    links beside the article's prose (nav_text_boxes.py)."""
    cards = find_cards(region, nav_anchors)
    if len(cards) < 2:
        return None
    return make_block(cards, region if label is None else [label, *region], url)


def _from_embed(el, url, nav_anchors) -> Block | None:
    """One card between the article's paragraphs (nav_embeds.py)."""
    cards = find_cards([el], nav_anchors)
    if len(cards) > 1 and len({c.href for c in cards}) == 1:
        # <a class=title>Headline</a><a class=teaser-text><p>Summary</p></a>: one article,
        # its headline and its summary each linked
        head = cards[0]
        head.snippet = head.snippet or max((c.title for c in cards[1:]), key=len)
        head.el, head.extra = el, None
        cards = [head]
    if len(cards) != 1 or loose_text(el, cards) > BLOCK_SLACK or \
            _NEWSLETTER_PATH.search(urlsplit(cards[0].href or "").path):
        return None
    if word_page(cards[0].href or ""):
        return None  # a table, a profile: no article
    if cards[0].extra is not None:  # the paragraph after the card is the article's text
        cards[0].snippet, cards[0].extra = "", None
    if len(cards[0].snippet) < _MIN_EMBED_SNIPPET:  # a byline, a date, a kicker: no summary
        cards[0].snippet = ""
    return make_block(cards, [el], url)


def _from_heading(hit, url, nav_anchors, taken: set) -> Block | None:
    heading_len = len(hit.text) + 3  # + 3: spaces inside the node that squash folded
    if hit.is_tail:  # "<br>Lire aussi : <a>...</a>": the label is loose text of its parent
        host = hit.owner.getparent()
        if host is None or text_len(host, heading_len) > heading_len or \
                next(host.iter("a"), None) is not None:
            return _why(_inline(host, hit.text, list(hit.owner.itersiblings()), url,
                                nav_anchors), "inline", hit.text)
        # "<h5><span class=icon></span>相关新闻</h5>": an empty icon before the words; the
        # element holds only the label, so it is the heading
        head = host
    else:
        head = hit.owner
    if head.tag not in HEADING_TAGS and text_len(head, heading_len) > heading_len:
        # "<p>Read more: <a>…</a></p>": the label opens its line ("<h3>More in <a>White
        # House</a></h3>" is a heading: its section link is no card)
        return _why(_inline(head, hit.text, list(head), url, nav_anchors), "inline", hit.text)
    for _ in range(4):  # climb boxes that hold only the heading (and a short "more" link)
        parent = head.getparent()
        if parent is None or parent.tag in STOP_TAGS:
            break
        own = heading_len + _listing_links(parent, head, hit.text)
        if text_len(parent, own + _WRAPPER_SLACK) - own > _WRAPPER_SLACK:
            break
        head = parent
    nxt = head.getnext()
    if nxt is not None and nxt in taken:
        return Block(elements=[head])  # the list after it is a class seed's block already
    region = region_after(head, taken)
    if not region:
        return None
    if next((a for r in region for a in r.iter("a")), None) is None:
        cards, shape = text_pairs(region), "text-pairs"
    else:
        cards, shape = find_cards(region, nav_anchors), "cards"
    used = _trim_region(region, cards)
    cards = [c for c in cards if is_inside(c.el, set(used)) and not _under_site_list(c.el, used)]
    if not cards:
        return None
    block = make_block(cards, [head, *_without_prose(used, cards)], url, _max_cards(hit.text))
    return _why(block, shape, hit.text)


def _why(block: Block | None, shape: str, label: str) -> Block | None:
    """Provenance of a block under a related heading: its shape and the label."""
    if block is not None:
        block.why = f"heading:{shape} {label[:40]}"
    return block


def _listing_links(box, head, label: str) -> int:
    """Text of the links beside a heading that lead to its listing, not to an article: a
    linked copy of the heading for small screens with "Alle Artikel zum Thema" (a topic
    page), a "see all" link."""
    n = 0
    for a in box.iter("a"):
        if is_inside(a, {head}) or is_inside(head, {a}):
            continue
        text = squash(raw_text(a))
        if read_more(text) or text.startswith(label) or \
                NON_ARTICLE_URL.search(urlsplit(a.get("href") or "").path):
            n += text_len(a)
    return n


def _inline(host, label: str, region: list, url, nav_anchors) -> Block | None:
    if host is None or host.tag in STOP_TAGS:
        return None
    cards = find_cards([r for r in region if isinstance(r.tag, str)], nav_anchors)
    if not cards:
        return None
    allowed = len(label) + sum(c.size for c in cards) + _INLINE_SLACK
    if text_len(host, allowed) > allowed:
        return None
    return make_block(cards, [host], url)


def _trim_region(region: list, cards: list[Card]) -> list:
    """The region up to its last card. Prose or a card box with loose text between the
    cards does not end it (cutting there lost the related cards after it: bench/README.md,
    navigation audit)."""
    holders = _holders(cards)
    used = list(region)
    while used and used[-1] not in holders:
        used.pop()
    return used


def _without_prose(used: list, cards: list[Card]) -> list:
    """The region's elements to drop: not the prose between its cards (a paragraph, a card
    box with loose text), which stays the article's text."""
    holders = _holders(cards)
    return [el for el in used
            if (loose_text(el, cards) <= BLOCK_SLACK if el in holders
                else text_len(el, _INLINE_SLACK) <= _INLINE_SLACK)]


def _holders(cards: list[Card]) -> set:
    """The cards' elements (title element and snippet sibling) and their ancestors."""
    holders = set()
    for card in cards:
        for el in (card.el, card.extra):
            node = el
            while node is not None and node not in holders:
                holders.add(node)
                node = node.getparent()
    return holders


def _under_site_list(el, region: list) -> bool:
    """Is the card in a box of the region that opens with a site-wide list's heading (a
    "Most popular" column beside the related cards, both under one "Read also")?"""
    tops = set(region)
    node = el.getparent()
    while node is not None and node not in tops:
        if SITE_LIST_CLASS.search((node.get("class") or "").lower()):
            return True
        head = next((h for h in node.iter(*HEADING_TAGS)), None)
        if head is not None and _first_text(node) == squash(raw_text(head))[:40]:
            text = squash(raw_text(head))
            if heading_label(text) and not related_heading(text):
                return True
        node = node.getparent()
    return False


def _max_cards(label: str) -> int:
    return _MAX_FEED_CARDS if FOR_YOU_HEADING.match(label) else MAX_CARDS


def _first_text(el) -> str:
    """The first words of a box: its heading when it opens with one ("为您推荐"); of the
    element before a box, the heading just above it. "" for no element (or a comment)."""
    if el is None or not isinstance(el.tag, str):
        return ""
    return squash(next((t for t in el.itertext() if t.strip()), ""))[:40]
