"""Is this page an article, a listing, a home page or something else?

Two steps, because generic extraction takes teaser and card blocks out of the tree:
`page_signals(root)` (cleaners/page_signals.py) reads the page as parsed (before
`extract_article` changes it) and `classify(signals, article, url)` weighs those signals
against what the extractor found.
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
- the page as one item, in a blog template built for lists: a headline linking to the page
  itself (its URL or rel=canonical), a form to comment on it; reader comments in
  `<article>` elements are no cards;
- the URL as a weak hint: `/` is a home page; /tag/, /category/, /page/N, ?page=N lean to a
  listing; a long slug, a date path, a numeric id or a WordPress `?p=613` lean to an article.

Cheap next to extraction (bench/page_kind.py measures it): one C-level walk over the few
tags that matter, a text_content() per linked heading, regular expressions over the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .article import Article
from .page_signals import PageSignals, page_signals
from .page_url import url_kind
from .text import unspaced_words

__all__ = ["KINDS", "PageKind", "PageSignals", "classify", "is_article", "link_share",
           "page_signals", "table_list_share", "teaser_share", "text_size", "url_kind"]

KINDS = ("article", "listing", "home", "other")

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
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORDS = re.compile(r"\w+")
_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass(slots=True, frozen=True)
class PageKind:
    kind: str  # one of KINDS
    score: float  # > 0: article; the further from 0, the surer
    reasons: tuple[str, ...] = ()


def text_size(text: str) -> float:
    """Words, with CJK characters counted as half a word (a Chinese word is ~2 characters)
    and Thai, Lao, Myanmar or Khmer runs as text.word_count counts them: one scale for every
    language."""
    if not text:
        return 0.0
    unspaced, text = unspaced_words(text)  # Thai, Myanmar: \w stops at every vowel mark
    cjk = len(_CJK.findall(text))
    if not cjk:
        return float(unspaced + len(_WORDS.findall(text)))
    return unspaced + cjk / 2 + len(_WORDS.findall(_CJK.sub(" ", text)))


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


def teaser_share(paragraphs: list[str], signals: PageSignals, title: str = "") -> float:
    """Share of the body (by size) made of card text: paragraphs found inside the item of a
    linked heading (a listing's "body" is its teasers), when the page has 3+ such items.
    The item headed by the page's own title is the article, not a teaser: a post whose
    linked title leads to another URL than the page's (an alias, a missing canonical)
    shares its markup with the recent-post cards beside it."""
    if signals.linked_headings < 3 or not signals.cards:
        return 0.0
    own = " ".join(title.split()).casefold()
    cards = [c for c, head in zip(signals.cards, signals.card_titles, strict=False)
             if c and not (own and head.casefold() == own)]
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
    teasers = teaser_share(paragraphs, signals, article.title) if size < 600 else 0.0
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
