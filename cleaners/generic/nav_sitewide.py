"""Evidence that a card rail or a run of embedded cards is one of the site's own lists (its
front page, latest or picks), the same under every article, not about this one.

- Section: a rail without a class name saying so whose items mostly lie outside the
  article's section folder ("/rezepte/…" beside items under "/garten/", "/trends/",
  "/feste-feiern/") lists the site's stories at large; a related rail, or a "more from the
  section" rail, keeps to the article's folder.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from .nav_dom import absolute

# Cards a text sets between its paragraphs: at most six on the tune pages; more than this
# many and the "paragraphs" are the excerpts of a listing.
_MAX_EMBEDS = 8


def too_many_embeds(cards: list) -> bool:
    """Are there more embedded cards than a text holds (`_MAX_EMBEDS`)?"""
    return len(cards) > _MAX_EMBEDS


def _folder(url: str) -> str | None:
    """The first folder of a URL's path ("politik" of "/politik/article123.html"); None for
    a path of one segment ("/news,139377.html", "/?p=123"): no folder to compare."""
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return parts[0].lower() if len(parts) >= 2 else None


def off_section(hrefs: list[str], url: str) -> bool:
    """Do at most a minority of the items lead into the article's section folder (the
    article has one)? Items without a folder of their own ("/?p=123") count as outside."""
    here = _folder(url)
    if here is None or not hrefs:
        return False
    inside = sum(1 for h in hrefs if _folder(absolute(h, url)) == here)
    return 2 * inside < len(hrefs)

