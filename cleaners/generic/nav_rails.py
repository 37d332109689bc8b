"""Unlabelled card rails: lists of other articles of the site without a heading we know.

Many sites put "more stories" under or beside the article with no heading at all, or with
a section name ("Superbike News"), and no class name saying "related". Such a rail is found
by structure: an element whose repeated children (at least `_MIN_ITEMS`) each hold a link
to another article of the same site (same registered domain, not a section, tag or author
page) with a headline-like text (several words). The caller turns its items into cards.

Not rails: lists in the site's header, menus and footer (`in_chrome`), lists before the
page's <h1> (top bars, "trending" strips), lists headed by a site-wide list heading ("Most
read", "Latest", "Meistgelesen": vocab.SITE_LIST_WORDS; the heading may be the rail's own
first line, "<div>Neueste Artikel</div>", or a compound ending in one, "Motorsport-Aktuell"),
boxes named for the author or for site-wide lists (vocab.NOT_RAIL_CLASS), lists in a box
named for the page's right column ("content-right", "news-right") unless headed as related
or by a link to the article's own section, lists whose items are all named as videos or
galleries ("boxvideo", "boxgaleria": the site's media feed), comment threads
(their entries link to permalinks with a date line), lists of short texts (menus, tags), and
boxes holding prose (an article's own list of links keeps its sentences). A rail without a
class name saying so must also stand in the same top-level box of <body> as the page's
<h1>: a band of the site's stories of its own between the article and the footer is site-wide.
A page with more than `_MAX_RAILS` rails has none: it is laid out like a front page.
Its items are bare headlines, unless each names its excerpt ("td-excerpt"): teaser cards of
the site's markup, not a listing of posts written into the text.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from ..text import word_count
from ..vocab import (
    NAV_CLASS_NEXT,
    NOT_RAIL_CLASS,
    RAIL_CLASS,
)
from .nav_cards import class_says
from .nav_dom import (
    OWN_FOOTER,
    STOP_TAGS,
    box_names,
    in_chrome,
    is_inside,
    linkable,
    raw_text,
    squash,
    top_box,
)
from .nav_pages import other_article, same_page, section_of
from .nav_rail_heads import (
    heading_leads_away,
    heading_of,
    other_section,
    plain_rail_heading,
    site_list_heading,
)
from .nav_scan import related_heading
from .nav_sitewide import off_section

# Containers with at least three children holding a link, after the first <h1> when there
# is one (the following:: axis skips its ancestors): one XPath pass in C.
_BOXES = "[count(*[descendant-or-self::a[@href]]) >= 3]"
_CONTAINERS = etree.XPath("/*/body//*" + _BOXES)
_CONTAINERS_AFTER_H1 = etree.XPath("(/*/body//h1)[1]/following::*" + _BOXES)
_HAS_H1 = etree.XPath("boolean(/*/body//h1)")
_FIRST_H1 = etree.XPath("(/*/body//h1)[1]")
_MIN_ITEMS = 3
# A box of a topic's few stories may list the article itself among them (it then counts
# towards _MIN_ITEMS); a longer list holding it is the site's latest.
_MAX_TOPIC_BOX = 5
_PATH_ID = re.compile(r"\d{5}")  # an article id in a path: five digits or more
_MIN_WORDS = 4  # a headline: "Trump says deal imminent to reopen Strait of Hormuz"
_MIN_CJK = 10
_MAX_TITLE = 200
_MAX_ITEM = 600  # characters of one item: a title, a kicker, a short dek, a date
# An item of a rail without a class name: a headline with a date or kicker, no excerpt (a
# grid of excerpt cards in the article's text is its content, a listing of posts).
_MAX_PLAIN_ITEM = 150
# The right column of a page's layout, as a part of a class or id name ("news-right",
# "col_right", "rightColumn"), not "copyright" nor "righteous".
_RIGHT_COLUMN = re.compile(r"(?<![a-z])right(?![a-z])|(?<![a-z])right(?=col|rail|side|bar)",
                           re.IGNORECASE)
_MAX_CONTAINERS = 400  # a page with more link boxes is a portal, not an article
# An article shows one to three lists of more stories without a heading we know (no tune page
# of the pools has more); a page with more is laid out like a front or section page, a list
# per section of the site: those lists are the site's, not the article's.
_MAX_RAILS = 3
_FOOTER = "footer"  # a footer's name (vocab.NOT_RAIL_CLASS): the site's, but inside the article
_HINT_LEVELS = 4  # the rail and its boxes up to three levels up
_NOT_RAIL_LEVELS = 8  # sidebars, tabs and widgets wrap their lists deeper
_NEXT_LEVELS = 3  # a box of next posts: the rail and two levels up
# Inline elements ("<strong>You can also check: <a>…</a> | <a>…</a></strong>") hold a line
# of links in the text, not a list of story items.
_NOT_RAILS = frozenset(("nav", "header", "footer", "form", "select", "table", "tr", "tbody",
                        "p", "a", "span", "button", "menu", "strong", "b", "em", "i", "small",
                        "font", "u"))


def find_rails(root, url: str | None, taken: set, not_heads: set = frozenset()) -> list:
    """Rail elements, in page order, none inside another or inside `taken`; a rail headed
    by one of `not_heads` (an author's "More from Jane Doe") is none."""
    if not url:
        return []  # "same site" needs the page's URL
    containers = (_CONTAINERS_AFTER_H1 if _HAS_H1(root) else _CONTAINERS)(root)
    taken_list = list(taken)
    rails: list = []
    for el in containers[:_MAX_CONTAINERS]:
        # cheapest tests first: most boxes of a page are menus and layout without a name
        if not isinstance(el.tag, str) or el.tag in STOP_TAGS or el.tag in _NOT_RAILS:
            continue
        hinted = _hinted(el)
        if hinted is None:
            continue
        if rails and is_inside(el, set(rails)):
            continue
        if is_inside(el, taken) or any(is_inside(t, {el}) for t in taken_list):
            continue
        if in_chrome(el) or _in_nav(el) or \
                not _rail_items(el, url, _MAX_ITEM if hinted or _excerpt_cards(el)
                                else _MAX_PLAIN_ITEM):
            continue
        head = heading_of(el)
        if _in_right_column(el) and not _own_topic(head, url) or _media_feed(el) or \
                _ranked(el):
            continue
        if not hinted and (_apart_from_article(el, root) or
                           off_section(_item_hrefs(el, url), url)):
            continue
        if site_list_heading(head) or (not hinted and not plain_rail_heading(head)) or \
                other_section(head, el, url) or heading_leads_away(head, url) or \
                (head is not None and not_heads and is_inside(head, not_heads)) or \
                (head is not None and any(is_inside(h, {head}) for h in not_heads)):
            continue
        rails.append(el)
    return rails if len(rails) <= _MAX_RAILS else []


# An item's leading rank: "1", "02", "3." (a "most read" top list numbers its items).
_RANK = re.compile(r"\s*0?(\d{1,2})(?!\d)(?![.,:]\d)")


def _ranked(el) -> bool:
    """Do the rail's items open with their rank, 1, 2, 3, ... in order? A numbered top list
    is a ranking of the site's stories ("Meistgelesen" without its heading), not the
    article's related ones."""
    items = [k for k in el if isinstance(k.tag, str)]
    if len(items) < _MIN_ITEMS:
        return False
    for n, item in enumerate(items, start=1):
        m = _RANK.match(raw_text(item)[:12])
        if m is None or int(m.group(1)) != n:
            return False
    return True


def _excerpt_cards(el) -> bool:
    """Do the rail's items name their excerpts as such ("td-excerpt", "card__dek")? Teaser
    cards of the site's own markup, not a listing of posts written into the text."""
    kids = [k for k in el if isinstance(k.tag, str)]
    return len(kids) >= _MIN_ITEMS and all(
        any(class_says(d.get("class"), "excerpt") for d in k.iter() if d is not k)
        for k in kids)


def _apart_from_article(el, root) -> bool:
    """Does the rail stand in another top-level box of <body> than the page's <h1> (a band
    of the site's stories between header and footer, not the article's column)?"""
    h1 = _FIRST_H1(root)
    if not h1:
        return False
    top = top_box(h1[0])
    return top is not None and top is not top_box(el)


def _rail_items(el, url: str, max_item: int = _MAX_ITEM) -> bool:
    """Do at least `_MIN_ITEMS` repeated children each lead to another article (an item of
    at most max_item characters)?"""
    kids = [k for k in el if isinstance(k.tag, str)]
    tags: dict = {}
    for kid in kids:
        tags[kid.tag] = tags.get(kid.tag, 0) + 1
    tag, count = max(tags.items(), key=lambda tc: tc[1]) if tags else ("", 0)
    if count < _MIN_ITEMS:
        return False
    items = [k for k in kids if k.tag == tag]
    hrefs: set = set()
    good = here = 0
    for item in items:
        href = _article_link(item, url, max_item)
        key = None if href is None else _article_key(href)
        if key is not None and key not in hrefs:
            hrefs.add(key)
            good += 1
        elif href is None and not here and len(items) <= _MAX_TOPIC_BOX and \
                _leads_here(item, url, max_item):
            here = 1  # the article itself, listed among its topic's stories
    return good >= _MIN_ITEMS - here and 3 * (good + here) >= 2 * len(items)


def _item_hrefs(el, url: str) -> list[str]:
    """The article links of the rail's items (nav_sitewide.off_section)."""
    return [h for k in el if isinstance(k.tag, str) and (h := _article_link(k, url)) is not None]


def _leads_here(item, url: str, max_item: int) -> bool:
    """Does the item lead to this page by a headline ("Enjeux internationaux": the
    section's three latest stories, this one marked active)? Such a list is about the
    article's topic; the item itself is no related link."""
    if len(squash(raw_text(item))) > max_item:
        return False
    return any(same_page(href, url) and _headline(squash(raw_text(a)))
               for a in (item.iter("a") if item.tag != "a" else [item])
               if linkable(href := (a.get("href") or "").strip()))


def _article_key(href: str) -> str:
    """Which article a link leads to: a path that carries an article id ("-273085") names it
    whatever the query says ("?timeline--pageItem=273675": an entry of one live article);
    else path and query ("/?p=123")."""
    parts = urlsplit(href)
    path = parts.path.rstrip("/")
    return path if _PATH_ID.search(path) else f"{path}?{parts.query}"


def _article_link(item, url: str, max_item: int = _MAX_ITEM) -> str | None:
    """The one article an item leads to, by a headline-like link text; None when it holds
    links to several articles, prose, or no headline."""
    if len(squash(raw_text(item))) > max_item:
        return None
    found: set = set()
    for a in (item.iter("a") if item.tag != "a" else [item]):
        href = (a.get("href") or "").strip()
        if not linkable(href):
            continue
        # a stretched link over the card (<a href title="Headline"></a><h3>Headline</h3>)
        text = squash(raw_text(a)) or squash(a.get("title") or "")
        if _headline(text):
            found.add(href)
    if len(found) != 1:
        return None
    href = found.pop()
    return href if other_article(href, url) else None


def _headline(text: str) -> bool:
    if not text or len(text) > _MAX_TITLE:
        return False
    cjk = sum(1 for ch in text if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    return cjk >= _MIN_CJK or word_count(text) >= _MIN_WORDS


def _hinted(el) -> bool | None:
    """True when a class/id of the rail or of its boxes (up to a few levels) names a rail of
    stories, False when none does; None when one of its boxes (up to more levels: sidebars
    and widgets wrap their lists deep) is a sidebar, tab, ranking or hidden box."""
    hint = False
    node = el
    for _ in range(_HINT_LEVELS):
        if node is None or node.tag in ("body", "html"):
            return hint or _items_hinted(el)
        if _not_rail_box(node):
            return None
        names = box_names(node)
        hint = hint or bool(RAIL_CLASS.search(names))
        node = node.getparent()
    for _ in range(_NOT_RAIL_LEVELS - _HINT_LEVELS):  # higher boxes can only rule it out
        if node is None or node.tag in ("body", "html"):
            break
        if _not_rail_box(node):
            return None
        node = node.getparent()
    return hint or _items_hinted(el)


def named_by_items_only(el) -> bool:
    """Do only the rail's items say what it is ("tw-article-teaser", "card"), none of its
    boxes? Such a rail is no part of the article's text, but its items were no related
    articles on the check split as often as not (bench/README.md, navigation audit)."""
    node = el
    for _ in range(_HINT_LEVELS):
        if node is None or node.tag in ("body", "html"):
            break
        names = box_names(node)
        if RAIL_CLASS.search(names):
            return False
        node = node.getparent()
    return _items_hinted(el)


def teaser_cards(el, n_links: int, n_teasers: int) -> bool:
    """Does a rail named only by its items hold teaser cards only (two or more, each with a
    summary: n_links 0), in no box of the site's next posts ("next-post-thumbnails", its
    newest)? Such cards are the related teasers the annotation counts (docs/annotation.md,
    the card-rail rule); bare headlines so named stay without items (named_by_items_only)."""
    if n_links or n_teasers < 2:
        return False
    node = el
    for _ in range(_NEXT_LEVELS):
        if node is None or node.tag in STOP_TAGS:
            break
        if NAV_CLASS_NEXT.search(box_names(node)):
            return False
        node = node.getparent()
    return True


def _items_hinted(el) -> bool:
    """Do the items' own names say so ("tw-article-teaser", "card")?"""
    return any(isinstance(item.tag, str) and RAIL_CLASS.search((item.get("class") or "").lower())
               for item in el)


_REGION_PAIR = re.compile(r"\S*[a-z][-_]and[-_][a-z]\S*")


def _not_rail_box(node) -> bool:
    """A sidebar outside the article, a hidden box, a box named as a footer outside the
    article, or a box named as a sidebar, widget, tab, ranking, menu, ad or slider
    (vocab.NOT_RAIL_CLASS). A footer inside the <article>/<main>, or one named for the
    article ("article-footer", "entry-footer") beside it, is the article's own, as
    `nav_dom.in_chrome` holds: its "more stories" list is a rail (bench/README.md, "Whole
    groups (tenth session)")."""
    if node.tag == "aside" and not _inside_article(node):
        return True
    if node.get("hidden") is not None or "none" in (node.get("style") or "").replace(" ", ""):
        return True
    # a layout naming the regions it holds ("layout-width-header-and-sidebar") is the page's
    # wrapper, not a header or a sidebar
    names = _REGION_PAIR.sub(" ", box_names(node))
    if _FOOTER in names and (_inside_article(node) or OWN_FOOTER.search(names)):
        names = names.replace(_FOOTER, " ")  # the article's own footer: no site chrome
    return bool(NOT_RAIL_CLASS.search(names))


def _in_right_column(el) -> bool:
    """Is the rail in a box named for the page's right column ("content-right",
    "news-right", "article-right-rail", "col-right")? A sidebar by its place: the site's
    latest, most read or picks beside every article, whatever its heading."""
    node = el
    for _ in range(_NOT_RAIL_LEVELS):
        if node is None or node.tag in ("body", "html"):
            return False
        if _RIGHT_COLUMN.search(box_names(node)):
            return True
        node = node.getparent()
    return False


_MEDIA_ITEM = re.compile(r"video|galer|gallery|foto|photo|podcast|audio", re.IGNORECASE)


def _media_feed(el) -> bool:
    """Are all the rail's items named as videos or picture galleries ("boxvideo",
    "boxgaleria")? The site's media feed ("24HORAS VIDEO"), the same under every article."""
    items = [k for k in el if isinstance(k.tag, str) and next(k.iter("a"), None) is not None]
    return len(items) >= 3 and all(_MEDIA_ITEM.search(k.get("class") or "") for k in items)


def _own_topic(head, url: str) -> bool:
    """Does the rail's heading say it is about this article: a related heading ("Sur le
    même sujet"), or a link to the article's own section ("<a href=/sante/>Santé</a>" over
    the health section's stories, beside a /sante/ article)?"""
    if head is None:
        return False
    if related_heading(squash(raw_text(head))[:100]):
        return True
    links = [a for a in head.iter("a") if (a.get("href") or "").strip()]
    return len(links) == 1 and section_of(links[0].get("href").strip(), url)


def _inside_article(el) -> bool:
    el = el.getparent()
    while el is not None:
        if el.tag in ("article", "main"):
            return True
        el = el.getparent()
    return False


def _in_nav(el) -> bool:
    """Inside a <nav> or an element whose role is navigation (menus of article links)."""
    while el is not None and el.tag not in ("body", "article", "main"):
        if el.tag == "nav" or el.get("role") == "navigation":
            return True
        el = el.getparent()
    return False
