"""Evidence that a card rail or a run of embedded cards is one of the site's own lists (its
front page, latest or picks), the same under every article, not about this one.

- Section: a rail without a class name saying so whose items mostly lie outside the
  article's section folder ("/rezepte/…" beside items under "/garten/", "/trends/",
  "/feste-feiern/") lists the site's stories at large; a related rail, or a "more from the
  section" rail, keeps to the article's folder (nav_rails.find_rails).
- Count: a text sets a few cards between its paragraphs (the tune pages: six at most); a
  page where many more pass for embedded cards is a listing (a blog's front page, a
  category's posts with their excerpts between the headlines), none of them about one
  article (teasers.find_blocks).
- Address: a card of a rail or in the text leads to an article, whose address carries an
  id, a date or a slug of words; a page named by one plain word ("/tabelle/",
  "/user/Marianne1.html", "/categoria/noticias/", "/tag/新闻") is a table, a profile or a
  listing (teasers._from_rail, _from_embed).
- Media: a box classed "related" whose cards all lead into the site's video or podcast folder
  is the site's media feed (teasers._from_class).
bench/README.md, "Rails and embeds: the site's own lists", has each rule's numbers.
"""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from .nav_dom import absolute

# Cards a text sets between its paragraphs: at most six on the tune pages; more than this
# many and the "paragraphs" are the excerpts of a listing.
_MAX_EMBEDS = 8


def too_many_embeds(cards: list) -> bool:
    """Are there more embedded cards than a text holds (`_MAX_EMBEDS`)?"""
    return len(cards) > _MAX_EMBEDS


# The last segment of a page named by one word: letters, at most two digits after them.
_WORD_PAGE = re.compile(r"^[^\W\d_]+\d{0,2}$")
# Chinese, Japanese and Korean write a name in a few characters: a longer run is a title.
_CJK_TITLE = re.compile(r"[\u3040-\u9fff\uac00-\ud7af]{7,}")
_ID = re.compile(r"\d{4}")  # an article id or a year in the path, an id in the query
_EXTENSION = re.compile(r"\.\w{2,5}$")


def word_page(href: str) -> bool:
    """Does href lead to a page named by one plain word (read unescaped:
    "/tag/%E6%96%B0%E9%97%BB" is "/tag/新闻"), with no digits of an id or a year in its path
    (four or more in a row) nor any in its query?"""
    parts = urlsplit(href)
    if _ID.search(parts.path) or any(ch.isdigit() for ch in parts.query):
        return False
    last = _EXTENSION.sub("", unquote(parts.path).rstrip("/").rsplit("/", 1)[-1])
    return bool(_WORD_PAGE.match(last)) and not _CJK_TITLE.search(last)


def _folder(url: str) -> str | None:
    """The first folder of a URL's path ("politik" of "/politik/article123.html"); None for
    a path of one segment ("/news,139377.html", "/?p=123") or one opening with a number:
    no folder to compare."""
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if len(parts) < 2 or parts[0].isdigit():
        return None  # a year ("/2013/07/19/slug.html") or an id: a date, no section
    return parts[0].lower()


def off_section(hrefs: list[str], url: str) -> bool:
    """Do at most a minority of the items lead into the article's section folder (the
    article has one)? Items without a folder of their own ("/?p=123") count as outside."""
    here = _folder(url)
    if here is None or not hrefs:
        return False
    inside = sum(1 for h in hrefs if _folder(absolute(h, url)) == here)
    return 2 * inside < len(hrefs)


# The first folder of a video feed's addresses ("/video/alan-wake-2-trailer/").
_VIDEO_FOLDER = re.compile(r"^/(?:videos?|tv|podcasts?)/", re.IGNORECASE)


def video_feed(cards: list) -> bool:
    """Do three or more cards all lead into the site's video (or podcast) folder? A box so
    classed "related" is the site's media feed, the same under every article."""
    return len(cards) >= 3 and all(
        _VIDEO_FOLDER.match(urlsplit(c.href or "").path) for c in cards)
