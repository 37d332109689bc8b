"""Is this page an article, a listing, a home page or something else?

Two steps, because generic extraction takes teaser and card blocks out of the tree:
`page_signals(root)` reads the page as parsed (before `extract_article` changes it) and
`classify(signals, article, url)` weighs those signals against what the extractor found.
Everything is general structure and schema vocabulary, never a site's own markup:

- the main text: its length, and how much of it is link text (a listing's "body" is its
  teaser list: linked titles, or titles with one-line snippets, or table rows of titles
  and dates);
- repeated cards: linked headings (`<h2><a>`, `<a><h3>`), `<article>` elements and long
  link texts, which a listing has many of *instead of* a long text, an article *beside* one;
  card text counts only where the card's shape repeats on the page (a linked heading in a
  quote is no card); cards of pages below the page's own path make it a section's index;
- what the page declares: JSON-LD `@type` (Article, NewsArticle, ... vs CollectionPage,
  SearchResultsPage, ProfilePage, ItemList) and `og:type`; a short text on a page that
  declares one article is a short post (or a body the extractor missed), not a listing;
- the URL as a weak hint: `/` is a home page; /tag/, /category/, /page/N, ?page=N lean to a
  listing; a long slug, a date path or a numeric id lean to an article.

Cheap next to extraction (bench/page_kind.py measures it): one C-level walk over the few
tags that matter, a text_content() per linked heading, regular expressions over the body.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import orjson
from lxml import etree

from .article import Article
from .page_url import url_kind

KINDS = ("article", "listing", "home", "other")

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TITLE_LINK_CHARS = 15  # a link this long is a headline, not a menu item ("Contact", "2")
_SIGNAL_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "a", "article", "input", "title", "meta",
                "script", "form", "link")
_JSONLD_TEXT = etree.XPath("text()", smart_strings=False)
# scheme and host, then the path and the query: what urlsplit(href) gives, without its cost
_URL_PATH = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?(?://[^/?#]*)?([^?#]*)(\?[^#]*)?")
MAX_CARDS = 60  # card texts kept per page: enough to recognise a listing, bounded cost
MAX_CARD_CHARS = 1500  # a teaser card is a title and a snippet, not a whole text
PROSE_CELL = 25  # a table cell this size (text_size) holds prose, not a title or a date

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle",
    "medicalscholarlyarticle", "techarticle", "socialmediaposting", "liveblogposting",
    "recipe", "howto", "report", "review"})
COLLECTION_TYPES = frozenset({
    "collectionpage", "searchresultspage", "profilepage", "itemlist", "series",
    "blog", "periodical"})
_PAGE_TYPES = frozenset({"webpage", "medicalwebpage", "aboutpage", "faqpage", "qapage",
                         "itempage"})
_OG_ARTICLE = frozenset({"article", "blog", "news", "blogposting"})
_OG_NOT_ARTICLE = frozenset({"website", "profile", "webpage", "homepage"})

# Error and sign-in pages: general boilerplate vocabulary, many languages.
_ERROR_TITLE = re.compile(
    r"\b404\b|not found|can.t be found|cannot be found|no longer available|nicht gefunden|"
    r"introuvable|n'existe pas|no encontrad|не найден|页面不存在|找不到|ページが見つかりません|"
    r"찾을 수 없",
    re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORDS = re.compile(r"\w+")
_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# Reader comments, by the names CMSs give their forms and items (WordPress `commentform`,
# `wp-comments-post.php`, `comment-body`; Drupal `comment-form`; many languages): a form to
# comment on *this* text is a single article's; an `<article>` that is a comment is no card.
_COMMENT = re.compile(r"comment(?!ary)|kommentar|comentar|коммент|评论|留言|コメント|댓글", re.IGNORECASE)


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


@dataclass(slots=True, frozen=True)
class PageKind:
    kind: str  # one of KINDS
    score: float  # > 0: article; the further from 0, the surer
    reasons: tuple[str, ...] = ()


def page_signals(root, url: str | None = None) -> PageSignals:
    """Read on the parsed page *before* `extract_article` (which drops scripts and blocks).
    One C-level walk over the few tags that matter (~2 `count(//*)` of the page)."""
    declared: set[str] = set()
    og_type = h1 = title = ""
    linked = children = articles = title_links = passwords = own = 0
    comment_form = False
    cards: list[tuple[str, tuple]] = []
    own_path = _path_of(url)
    # this page: its URL and its canonical URL's, path and query (`/blog/?p=613` is one post
    # of the index at `/blog/`; a post fetched as `/?p=613` may be `/its-slug/`)
    own_pages = {_page_of(url)}
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
            if link is not None and (own_path is None or page not in own_pages):
                linked += 1
                children += _under(_path_of(link.get("href")), own_path)
                if len(cards) < MAX_CARDS:
                    cards.append(_card_text(el))
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
            if own_path and (el.get("rel") or "").lower() == "canonical":
                own_pages.add(_page_of(el.get("href")))
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
                       cards=tuple(text if shapes[shape] >= 2 else "" for text, shape in cards))


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


def text_size(text: str) -> float:
    """Words, with CJK characters counted as half a word (a Chinese word is ~2 characters):
    one scale for every language."""
    if not text:
        return 0.0
    cjk = len(_CJK.findall(text))
    if not cjk:
        return float(len(_WORDS.findall(text)))
    return cjk / 2 + len(_WORDS.findall(_CJK.sub(" ", text)))


def link_share(body_html: str | None) -> float:
    """Share of the body's characters that are link text."""
    if not body_html or "<a" not in body_html:
        return 0.0
    total = len(_TAG.sub("", body_html))
    linked = sum(len(_TAG.sub("", m)) for m in _ANCHOR.findall(body_html))
    return linked / total if total else 0.0


def table_list_share(paragraphs: list[str]) -> float:
    """Share of the body (by size) made of table rows without a sentence-long cell: a table
    of titles and dates ("| · | title | 2024-06-12 |", as table layouts come out of the
    fallback extractor) is a list; a layout table with the text in one cell is prose."""
    if not any(para.startswith("|") for para in paragraphs):
        return 0.0
    total = rows = 0.0
    for para in paragraphs:
        size = text_size(para)
        total += size
        if para.startswith("|") and para.endswith("|") and all(
                text_size(cell) < PROSE_CELL for cell in para.strip("|").split("|")):
            rows += size
    return rows / total if total else 0.0


def teaser_share(paragraphs: list[str], signals: PageSignals) -> float:
    """Share of the body (by size) made of card text: paragraphs found inside the item of a
    linked heading (a listing's "body" is its teasers), when the page has 3+ such items."""
    if signals.linked_headings < 3 or not signals.cards:
        return 0.0
    cards = [c for c in signals.cards if c]
    total = inside = 0.0
    for para in paragraphs:
        size = text_size(para)
        total += size
        if len(para) <= 600 and any(para in card for card in cards):
            inside += size
    return inside / total if total else 0.0


def classify(signals: PageSignals, article: Article, url: str | None = None) -> PageKind:
    reasons: list[str] = []
    score = 0.0
    size = text_size(article.body)
    links = link_share(article.body_html)
    paragraphs = article.body.split("\n\n") if article.body else []
    teasers = teaser_share(paragraphs, signals) if size < 600 else 0.0
    rows = table_list_share(paragraphs)
    prose = size * max(0.0, 1 - links - teasers - rows)
    declared = signals.declared
    says_article = bool(declared & ARTICLE_TYPES) or (
        signals.og_type in _OG_ARTICLE and not declared & COLLECTION_TYPES)

    # The main text: the strongest single sign.
    if prose >= 250:
        points = 3.0
    elif prose >= 120:
        points = 2.0
    elif prose >= 60:
        points = 1.0
    elif prose >= 30:
        points = 0.0
    elif says_article:
        # a short post, or a body the extractor missed, on a page that calls itself one
        # article; a listing shows itself by its cards, teaser body and URL below
        points = -1.0
    else:
        points = -2.0
    score += points
    reasons.append(f"prose={prose:.0f}:{points:+g}")
    if links + teasers + rows >= 0.4 and size >= 20:
        score -= 2.0
        reasons.append(f"teaser_body={links:.2f}+{teasers:.2f}+{rows:.2f}:-2")

    # Many short lines (an index of names, a table of titles and dates) are a list, not prose.
    if len(paragraphs) >= 10 and size / len(paragraphs) < 6:
        score -= 1.5
        reasons.append(f"short_lines={size / len(paragraphs):.1f}:-1.5")

    # Repeated cards instead of (not beside) a long text.
    cards = max(signals.linked_headings, signals.articles if signals.articles >= 3 else 0)
    if cards >= 4 and prose < 15 * cards:
        score -= 1.0
        reasons.append(f"cards={cards}:-1")

    # Cards of the pages below this one (/acne/ titling /acne/adult-acne/): a section's
    # index, whatever introduction it opens with; an article's related cards are its siblings.
    if signals.child_headings >= 3 and prose < 250:
        score -= 1.5
        reasons.append(f"child_cards={signals.child_headings}:-1.5")

    # What the page says it is.
    if declared & ARTICLE_TYPES:
        score += 2.5
        reasons.append("jsonld_article:+2.5")
    elif declared & COLLECTION_TYPES:
        score -= 2.5
        reasons.append("jsonld_collection:-2.5")
    elif "website" in declared and not declared & _PAGE_TYPES:
        score -= 1.0
        reasons.append("jsonld_website:-1")
    if signals.og_type in _OG_ARTICLE:
        score += 0.5
        reasons.append("og_article:+0.5")
    elif signals.og_type in _OG_NOT_ARTICLE:
        score -= 0.5
        reasons.append("og_website:-0.5")

    # The page's own item: its headline links to itself, or it asks for comments on it.
    # A listing's headings lead elsewhere, and nobody comments on a list of posts.
    if signals.self_headings:
        score += 1.0
        reasons.append("self_heading:+1")
    if signals.comment_form:
        score += 1.0
        reasons.append("comment_form:+1")

    hint, weight = url_kind(url)
    if hint == "home":
        # some small sites keep their one text at "/": a long text there still counts
        weight = -3.0 if prose < 100 else -1.0
    if weight:
        score += weight
        reasons.append(f"url_{hint}:{weight:+g}")

    if _ERROR_TITLE.search(signals.title) or _ERROR_TITLE.search(signals.h1):
        score -= 4.0
        reasons.append("error_page:-4")
    if signals.password_inputs and prose < 60 and not says_article:  # not a login overlay
        score -= 1.5
        reasons.append("sign_in_form:-1.5")
    if not article.title:
        # a headline the extractor missed: validation drops such a record ("no title"),
        # but a long text is still an article, and that is what this says
        score -= 1.0
        reasons.append("no_title:-1")

    if score > 0:
        kind = "article"
    elif hint == "home":
        kind = "home"
    elif cards >= 3 or signals.title_links >= 6 or weight <= -1.5:
        kind = "listing"
    else:
        kind = "other"
    return PageKind(kind, round(score, 2), tuple(reasons))


def is_article(kind: PageKind) -> bool:
    return kind.kind == "article"
