"""A block of cards made into related links and teasers (used by teasers.py): a card with
a snippet is a teaser, a card without one a rel="related" link; cards that are no article,
a list of topic names and a feed of dozens of stories give no items."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..article import Link, Teaser
from ..text import clean_snippet, word_count
from .nav_cards import Card
from .nav_dom import absolute, doc_key, hidden, is_inside, text_len
from .nav_not_articles import not_an_article, without_sections

# Text a block may hold outside its cards (its heading, a "see all" link, an ad label).
BLOCK_SLACK = 200
# A block relating articles to this one holds a handful of them (the annotated pages: at most
# ten); one of dozens is a feed of the site's latest stories (docs/annotation.md, "Read-next
# labels on latest feeds").
MAX_CARDS = 20
# An article's address: a dated folder ("/2025/04/16/") or a long id ("-100.html", ",1422");
# a short title leading there is a headline ("„Starkes Netz“"), not a topic name.
_ARTICLE_PATH = re.compile(r"/(?:19|20)\d\d/[01]?\d/|\d{5}")


@dataclass(slots=True)
class Block:
    elements: list
    links: list = field(default_factory=list)  # (doc key, Link)
    teasers: list = field(default_factory=list)  # (doc key, Teaser)
    # Which acceptance path made it (debugging, bench/nav_audit.py): "class:<token>",
    # "heading:cards|inline|text-pairs <label>", "rail", "embed" (teasers.find_blocks).
    why: str = ""


def make_block(cards: list[Card], elements: list, url: str | None,
               max_cards: int = MAX_CARDS) -> Block | None:
    # a card in a hidden tab ("最新报道" beside "相关文章", display:none) is not seen
    cards = [c for c in cards if c.title and not hidden(c.el)]
    if not cards:
        return None
    # "native ad" items among the cards (<li class="andNativead">), and a card of this very
    # article ("More US Stories" listing the page itself first)
    cards = [c for c in cards if not not_an_article(c, url)]
    cards = without_sections(cards)
    if not cards:
        return None
    if len(cards) > max_cards:  # dozens of stories: the site's latest or an archive, not
        return Block(elements=elements)  # "related"; still no part of the main text
    block = Block(elements=elements)
    start = doc_key(elements[0])  # cards follow in page order inside the block
    if len(cards) >= 2 and 2 * sum(1 for c in cards if _topic_like(c)) >= len(cards):
        return None  # "Diabetes", "Heart health": mostly a topic list, not articles
    titles = {_letters(c.title) for c in cards}
    for i, c in enumerate(cards):  # item by item: a card with a snippet is a teaser
        if c.snippet and not _headline_again(c, titles):
            snippet, truncated = clean_snippet(c.snippet)
            block.teasers.append(((*start, i), Teaser(c.title, snippet, truncated,
                                                      _absolute(c.href, url))))
        else:
            block.links.append(((*start, i), Link("related", c.title, _absolute(c.href, url))))
    return block


def _letters(text: str) -> str:
    return "".join(text.split()).casefold()


def _headline_again(card: Card, titles: set) -> bool:
    """Is the "snippet" a headline: the card's own title once more (its kicker and headline
    run together, "SyrienRussland und Türkei ..."), or another card's title (a box that holds
    two items' links)? Such a card shows no summary."""
    snippet = _letters(card.snippet)
    own = _letters(card.title)
    return snippet in titles or (len(snippet) >= 12 and (snippet in own or own in snippet) and
                                 abs(len(snippet) - len(own)) <= 40)


def _topic_like(card: Card) -> bool:
    """A short title without a summary that leads to no article address: a topic name."""
    return not card.snippet and word_count(card.title) < 3 and len(card.title) < 25 and \
        not _ARTICLE_PATH.search(urlsplit(card.href or "").path)


def _absolute(href: str | None, url: str | None) -> str | None:
    return None if href is None else absolute(href, url)


def loose_text(el, cards: list[Card], links: bool = True) -> int:
    """Text under el that no card (title element or snippet sibling) accounts for; with
    links=False, link text outside the cards is not counted either (a box named "related"
    may also hold a scroller of job ads or a "see all" list: links, not prose)."""
    parts = [part for c in cards for part in (c.el, c.extra)
             if part is not None and is_inside(part, {el})]
    covered = sum(text_len(part) for part in parts)
    if not links:
        inside = set(parts)
        covered += sum(text_len(a) for a in el.iter("a") if not is_inside(a, inside))
    return text_len(el, covered + BLOCK_SLACK) - covered
