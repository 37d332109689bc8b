"""What cleaners/page_kind.py weighs, read on the page as parsed, before `extract_article`
changes it (generic extraction takes teaser and card blocks out of the tree): linked
headings and the cards around them, `<article>` elements, headline-long links, the page's
declarations (JSON-LD @type, og:type), its headings and title, and the signs of a page that is
one item (a headline linking to the page itself, a form to comment on it).
One C-level walk over the few tags that matter, a text_content() per linked heading."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import orjson
from lxml import etree

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TITLE_LINK_CHARS = 15  # a link this long is a headline, not a menu item ("Contact", "2")
_SIGNAL_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "a", "article", "input", "title", "meta",
                "script", "form", "link")
_JSONLD_TEXT = etree.XPath("text()", smart_strings=False)
# scheme and host, then the path and the query: what urlsplit(href) gives, without its cost
_URL_PATH = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?(?://[^/?#]*)?([^?#]*)(\?[^#]*)?")
MAX_CARDS = 60  # card texts kept per page: enough to recognise a listing, bounded cost
MAX_CARD_CHARS = 1500  # a teaser card is a title and a snippet, not a whole text
_DIGITS = re.compile(r"\d+")
# Reader comments, by the names CMSs give their forms and items (WordPress `commentform`,
# `wp-comments-post.php`, `comment-body`; Drupal `comment-form`; many languages): a form to
# comment on *this* text is a single article's; an `<article>` that is a comment is no card.
_COMMENT = re.compile(r"comment(?!ary)|kommentar|comentar|коммент|评论|留言|コメント|댓글",
                      re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class PageSignals:
    """What `classify` needs from the page as parsed, before extraction changes it."""
    linked_headings: int = 0  # <h2><a>..</a></h2> or <a><h3>..</h3></a>, not to the page itself
    child_headings: int = 0  # of those, the ones to a page under this one's path (/acne/x/)
    articles: int = 0  # <article> elements
    title_links: int = 0  # links with headline-long text
    password_inputs: int = 0
    declared: frozenset = frozenset()  # JSON-LD @type values, lower case
    og_type: str = ""
    h1: str = ""
    title: str = ""
    # headings linking to this very page: the page titles itself as its one item (a blog
    # theme that links every post title, on the post's own page too)
    self_headings: int = 0
    comment_form: bool = False  # a form to comment on the page (not a search or sign-in form)
    # text of the item around each linked heading, "" where the item's markup is unique on
    # the page (a listing repeats its card; a linked heading in a quote or a section does not)
    cards: tuple[str, ...] = ()
    card_titles: tuple[str, ...] = ()  # the heading of each of those items, in their order


def page_signals(root, url: str | None = None) -> PageSignals:
    """Read on the parsed page *before* `extract_article` (which drops scripts and blocks).
    One C-level walk over the few tags that matter (~2 `count(//*)` of the page)."""
    declared: set[str] = set()
    og_type = h1 = title = ""
    linked = children = articles = title_links = passwords = own = 0
    comment_form = False
    cards: list[tuple[str, tuple]] = []
    card_titles: list[str] = []
    own_path = _path_of(url)
    # this page: its URL's and its canonical URL's path, and path and query: a link with a
    # query is this page only with the same query (`/blog/?p=613` is one post of the index
    # at `/blog/`), one without it by its path (`/post/?utm_source=x` is `/post/`)
    own_paths, own_pages = {own_path}, {_page_of(url)}
    for el in root.iter(*_SIGNAL_TAGS):
        tag = el.tag
        if tag == "a":
            text = el.text
            size = len(text) if text else 0
            if size < TITLE_LINK_CHARS:
                if not len(el):
                    continue
                size = 0
                for part in el.itertext():  # a headline in a <span> or <strong> of the link
                    size += len(part)
                    if size >= TITLE_LINK_CHARS:
                        break
            if size >= TITLE_LINK_CHARS and el.get("href") is not None:
                title_links += 1
        elif tag in _HEADINGS:
            if tag == "h1" and not h1:
                h1 = el.text_content()
            link = _heading_link(el)
            page = _page_of(link.get("href")) if link is not None and own_path else None
            if link is not None and (page is None or page not in (
                    own_pages if "?" in page else own_paths)):
                linked += 1
                children += _under(page and page.partition("?")[0], own_path)
                if len(cards) < MAX_CARDS:
                    cards.append(_card_text(el))
                    card_titles.append(" ".join(el.text_content().split()))
            elif link is not None and page != "/":  # a site name linking home on "/"
                own += 1
        elif tag == "article":
            articles += not _is_comment(el)
        elif tag == "form":
            comment_form = comment_form or _is_comment(el, "action")
        elif tag == "meta":
            if el.get("property") == "og:type" or el.get("name") == "og:type":
                og_type = (el.get("content") or "").strip().lower()
        elif tag == "script":
            if el.get("type") == "application/ld+json":
                for text in _JSONLD_TEXT(el):
                    declared.update(_jsonld_types(text))
        elif tag == "link":
            if own_path and (el.get("rel") or "").lower() == "canonical" and el.get("href"):
                own_pages.add(_page_of(el.get("href")))
                own_paths.add(_path_of(el.get("href")))
        elif tag == "input":
            passwords += el.get("type") == "password"
        elif not title:
            title = el.text or ""
    shapes = Counter(shape for _, shape in cards)
    return PageSignals(linked_headings=linked, child_headings=children, articles=articles,
                       title_links=title_links, password_inputs=passwords,
                       declared=frozenset(declared), self_headings=own,
                       comment_form=comment_form,
                       og_type=og_type, h1=" ".join(h1.split()), title=" ".join(title.split()),
                       cards=tuple(text if shapes[shape] >= 2 else "" for text, shape in cards),
                       card_titles=tuple(card_titles))


def _is_comment(el, *more: str) -> bool:
    """Is el named a comment (or, for a form, does it post to a comment handler)?"""
    return any(_COMMENT.search(el.get(attr) or "") for attr in ("id", "class", *more))


def _heading_link(heading):
    """The <a href> inside a heading, or the one wrapping it (up to 3 levels)."""
    inner = heading.find(".//a[@href]")
    if inner is not None:
        return inner
    parent = heading.getparent()
    for _ in range(3):
        if parent is None:
            return None
        if parent.tag == "a" and parent.get("href") is not None:
            return parent
        parent = parent.getparent()
    return None


def _card_text(heading) -> tuple[str, tuple]:
    """Text of the item a linked heading titles: the nearest ancestor (up to 4 levels) with
    clearly more text than the heading itself; and that item's shape (its tag, its heading's
    tag and its first class name without digits: `post-12` and `post-13` are one shape)."""
    own = len(heading.text_content())
    el = heading
    for _ in range(4):
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "main"):
            break
        el = parent
        text = el.text_content()
        if len(text) > MAX_CARD_CHARS:
            break  # the article around a heading inside it, not a teaser card
        if len(text) > 1.8 * own + 10:  # a snippet, a date line: CJK text is dense
            first = (el.get("class") or "").split(maxsplit=1)
            return " ".join(text.split()), (el.tag, heading.tag,
                                            _DIGITS.sub("", first[0]) if first else "")
    return "", ()


def _page_of(href: str | None) -> str | None:
    """Path and query: the page a link leads to, whatever its host and fragment."""
    if not href:
        return None
    found = _URL_PATH.match(href.strip())
    return (found.group(1).rstrip("/") or "/") + (found.group(2) or "")


def _path_of(href: str | None) -> str | None:
    if not href:
        return None
    return _URL_PATH.match(href.strip()).group(1).rstrip("/") or "/"


def _under(path: str | None, own: str | None) -> bool:
    """Is path a page below own (a section's item), not own itself nor the site root's?"""
    return bool(path and own and own != "/" and path.startswith(own + "/"))


def _jsonld_types(text: str) -> set[str]:
    """@type of the top-level objects and of @graph members (not of nested values: every
    Article nests an Organization, every CollectionPage may nest a few Articles)."""
    try:
        data = orjson.loads(text.strip())
    except orjson.JSONDecodeError:
        return set()
    found: set[str] = set()
    todo = data if isinstance(data, list) else [data]
    for obj in todo:
        if not isinstance(obj, dict):
            continue
        kind = obj.get("@type", ())
        for t in kind if isinstance(kind, list) else [kind]:
            if isinstance(t, str):
                found.add(t.lower())
        graph = obj.get("@graph")
        if isinstance(graph, list):
            todo.extend(graph)
        main = obj.get("mainEntity")
        if isinstance(main, dict) and "itemlist" in _type_set(main):
            found.add("itemlist")
    return found


def _type_set(obj: dict) -> set[str]:
    kind = obj.get("@type", ())
    return {t.lower() for t in (kind if isinstance(kind, list) else [kind]) if isinstance(t, str)}
