"""Site profiles: selectors as data, and the extractor that applies them.

A profile is plain data (CSS selectors, URL patterns); `crawler/sites/` holds one module per
site. Selectors are compiled to XPath once per profile, not per page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from cssselect import GenericTranslator
from lxml import etree

from .article import Article, Link, Teaser
from .dates import parse_date
from .html import block_texts, text_of
from .references import reference
from .sanitize import element_html
from .text import clean_inline, clean_paragraphs, clean_snippet
from .urls import join_url
from .vocab import NEXT_PREFIX, PREV_PREFIX, TRAILING_ARROW

_TRANSLATOR = GenericTranslator()


def _compile(css: str) -> etree.XPath | None:
    if not css:
        return None
    return etree.XPath(_TRANSLATOR.css_to_xpath(css, prefix="descendant-or-self::"),
                       smart_strings=False)


@dataclass(frozen=True)
class SiteProfile:
    key: str
    article_url: str  # regex searched in the URL path (+ query): which pages are articles
    follow_url: str = ""  # regex: listing/pagination pages worth following ("" = follow all)
    hosts: tuple[str, ...] = ()  # hostnames it applies to; empty = any (the demo's random port)
    title: str = "h1"
    body: str = ""
    body_drop: tuple[str, ...] = ()  # removed from the body before text is taken
    prev: str = ""  # element holding the previous-article link (arrow text stripped)
    next: str = ""
    related: str = ""  # <a> elements of a "related" list without snippets
    teaser_item: str = ""  # one element per teaser
    teaser_title: str = ""  # relative to teaser_item
    teaser_snippet: str = ""
    teaser_link: str = "a"
    published: str = ""  # element whose datetime/content attribute or text is the date
    authors: str = ""
    breadcrumbs: str = ""
    # Health metadata (cleaners/health_meta.py reads it from any page; a profile names it
    # where the site's own markup says it better): the element of each reviewer ("Name,
    # credentials" text, its link the profile), the element holding the review date, one
    # element per source-list item, and the disclaimer (removed from the body).
    reviewed_by: str = ""
    last_reviewed: str = ""
    references: str = ""
    disclaimer: str = ""
    language: str | None = None
    # A template learned while crawling (cleaners/learned.py), not written for the site: the
    # record's extractor is the key itself ("learned:<host>"), and the page kind alone
    # decides article or not, as on the generic path.
    learned: bool = False
    # False: a learned template whose sample pages showed no date anywhere; the searches for
    # an unlabelled date are skipped on its pages (date-classed elements and the byline's
    # line, cleaners/metadata.py; htmldate, cleaners/date_fallback.py: ~3 ms a page). The
    # page's own sources (JSON-LD, meta, labelled datelines, URL) are still read; a checked
    # page that has a date disagrees with the template (cleaners/learned.py `disagreement`).
    date_search: bool = True
    notes: dict = field(default_factory=dict, compare=False)

    @cached_property
    def xp(self) -> dict[str, etree.XPath | None]:
        names = ("title", "body", "prev", "next", "related", "teaser_item", "teaser_title",
                 "teaser_snippet", "teaser_link", "published", "authors", "breadcrumbs",
                 "reviewed_by", "last_reviewed", "references", "disclaimer")
        return {name: _compile(getattr(self, name)) for name in names}

    @cached_property
    def xp_drop(self) -> tuple[etree.XPath, ...]:
        return tuple(_compile(css) for css in self.body_drop)

    @cached_property
    def article_re(self) -> re.Pattern:
        return re.compile(self.article_url)

    @cached_property
    def follow_re(self) -> re.Pattern | None:
        return re.compile(self.follow_url) if self.follow_url else None

    def is_article(self, path: str) -> bool:
        return bool(self.article_re.search(path))


def _first(xp, el):
    if xp is None:
        return None
    found = xp(el)
    return found[0] if found else None


def _href(el, base_url: str | None) -> str | None:
    a = el if el.tag == "a" else next(el.iter("a"), None)
    href = a.get("href") if a is not None else None
    if not href or href.startswith(("javascript:", "#")):
        return None
    return join_url(base_url, href.strip()) if base_url else href.strip()


def _person_url(el, base_url: str | None) -> str | None:
    """The profile link of a byline element: itself, a link inside it or the link around it."""
    if el.tag != "a" and next(el.iter("a"), None) is None:
        parent = next(el.iterancestors("a"), None)
        return _href(parent, base_url) if parent is not None else None
    return _href(el, base_url)


def _date(el) -> str | None:
    if el is None:
        return None
    return clean_inline(el.get("datetime") or el.get("content") or text_of(el)) or None


# A learned template (cleaners/learned.py) knows only what its sample pages showed: a link
# list left in its body container (a related box, a teaser rail the samples lacked) is
# navigation the template would pass off as body text. The crawl analyses such a page
# generically too (crawler/learning.py), which refines or drops the template.
UNSEEN_LINK_LIST = "learned_unseen_link_list"
_LIST_BLOCKS = ("ul", "ol", "nav", "aside", "div", "section", "table")
_MIN_LIST_LINKS = 3
_MIN_LINK_SHARE = 0.6


def _has_link_list(body_el) -> bool:
    """A block of the body with 3+ links whose text is mostly link text."""
    for el in body_el.iter(*_LIST_BLOCKS):
        links = el.findall(".//a[@href]")
        if len(links) < _MIN_LIST_LINKS:
            continue
        text = len("".join(el.itertext()).strip())
        linked = sum(len("".join(a.itertext()).strip()) for a in links)
        if text and linked >= _MIN_LINK_SHARE * text:
            return True
    return False


def extract_with_profile(root, url: str | None, profile: SiteProfile) -> Article:
    """Apply a profile to a parsed page (scripts already dropped). Missing body -> warning."""
    xp = profile.xp
    art = Article(extractor=profile.key if profile.learned else f"profile:{profile.key}",
                  language=profile.language)
    title_el = _first(xp["title"], root)
    art.title = clean_inline(text_of(title_el))

    for rel, prefix in (("prev", PREV_PREFIX), ("next", NEXT_PREFIX)):
        for el in (xp[rel](root) if xp[rel] is not None else ()):
            title = TRAILING_ARROW.sub("", prefix.sub("", clean_inline(text_of(el)), count=1))
            if title:
                art.related_links.append(Link(rel, clean_inline(title), _href(el, url)))
            el.drop_tree()  # never part of the body, even if nested in it
    for a in (xp["related"](root) if xp["related"] is not None else ()):
        title = clean_inline(text_of(a))
        if title:
            art.related_links.append(Link("related", title, _href(a, url)))
    for item in (xp["teaser_item"](root) if xp["teaser_item"] is not None else ()):
        art.teasers.append(_teaser(item, xp, url))
        item.drop_tree()
    art.teasers = [t for t in art.teasers if t.title]

    _health_fields(art, root, xp, url)
    body_el = _first(xp["body"], root)
    if body_el is None:
        art.warnings.append("no_body_selector_match")
    else:
        for drop in profile.xp_drop:
            for el in drop(body_el):
                el.drop_tree()
        if profile.learned and _has_link_list(body_el):
            art.warnings.append(UNSEEN_LINK_LIST)
        art.body = clean_paragraphs(block_texts(body_el))
        art.body_html = element_html(body_el, url)

    art.published = _date(_first(xp["published"], root))
    if xp["authors"] is not None:
        art.authors = [{"name": name, "url": _person_url(e, url)} for e in xp["authors"](root)
                       if (name := clean_inline(text_of(e)))]
    if xp["breadcrumbs"] is not None:
        art.breadcrumbs = [b for b in (clean_inline(text_of(e)) for e in xp["breadcrumbs"](root))
                           if b]
    return art


def _health_fields(art: Article, root, xp: dict, url: str | None) -> None:
    """The health fields the profile names; the disclaimer never stays in the body."""
    for el in (xp["reviewed_by"](root) if xp["reviewed_by"] is not None else ()):
        name, _, cred = clean_inline(text_of(el)).partition(",")
        if name.strip():
            art.reviewed_by.append({"name": name.strip(), "credentials": cred.strip() or None,
                                    "url": _person_url(el, url)})
    reviewed = _first(xp["last_reviewed"], root)
    if reviewed is not None:
        art.last_reviewed = parse_date(reviewed.get("datetime") or reviewed.get("content")
                                       or text_of(reviewed))
    for el in (xp["references"](root) if xp["references"] is not None else ()):
        hrefs = [h for h in ([el.get("href")] if el.tag == "a" else
                             [a.get("href") for a in el.iter("a")]) if h]
        links = [join_url(url, h) if url else h for h in hrefs]
        text = clean_inline(text_of(el))
        if text:
            art.references.append(reference(text, links[0] if links else None, links))
    disclaimer = _first(xp["disclaimer"], root)
    if disclaimer is not None:
        art.medical_disclaimer = clean_inline(text_of(disclaimer)) or None
        disclaimer.drop_tree()


def _teaser(item, xp, url) -> Teaser:
    title_el = _first(xp["teaser_title"], item) if xp["teaser_title"] is not None else item
    snippet_el = _first(xp["teaser_snippet"], item)
    link_el = _first(xp["teaser_link"], item)
    snippet, truncated = clean_snippet(text_of(snippet_el))
    href = _href(link_el, url) if link_el is not None else None
    return Teaser(clean_inline(text_of(title_el)), snippet, truncated, href)
