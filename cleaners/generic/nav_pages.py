"""Which URL relative links resolve against, and links that lead to this article itself.

A saved page may come without its URL: `<base href>` and the canonical link then say where
it lives. "次ページ→" (/articles/view/367061/2), "Next page" (?page=2) and "Seite 2"
(-2.html) lead to another page of the same article, not to another article; nor does a
link that carries the page's own article id ("/articles/image/sports/367061/2" from
"/articles/view/sports/367061": its pictures; "/voc/report?i=20241203-OYT1T50218": a form
about it; comments, print views).
"""
from __future__ import annotations

import re
import unicodedata
from itertools import islice
from urllib.parse import parse_qsl, urljoin, urlsplit

from lxml import etree

from ..headline import title_forms
from ..vocab import non_article_path
from .nav_dom import absolute

_BASE = etree.XPath("/*/head/base/@href", smart_strings=False)
_H1_TEXT = etree.XPath("string((//h1)[1])", smart_strings=False)
# A Chinese portal marks headlines with pictures: "…事件回顾(图)", "（组图）", "(附图)".
_PICTURE_MARK = re.compile(r"\((?:组|附|多)?图\)")
_NOT_WORD = re.compile(r"[\W_]+")
_MIN_TITLE_KEY = 6  # characters: shorter titles ("Home", "视频") say nothing
_CANONICAL = etree.XPath("/*/head/link[@rel='canonical']/@href", smart_strings=False)
# What may follow the current path (its extension cut) on page N: "/2", "-2", "_2.shtml",
# "/page/2", "/seite-2".
_PAGE_SUFFIX = re.compile(r"^(?:/|[-_])(?:(?:page|seite|pagina|página|strona|sayfa)[-_/]?)?"
                          r"\d{1,2}(?:\.\w+)?$", re.IGNORECASE)
# A page number in the query ("?page=2"); the page's own query naming a post by the same key
# ("?p=2895", WordPress without permalinks) makes "?p=2866" another post (_page_query).
_PAGE_QUERY = re.compile(r"(?:^|&)(page|p|pg|seite|pagina)=\d+", re.IGNORECASE)
_EXTENSION = re.compile(r"\.\w{2,6}$")
# An article id: a path segment with a run of at least five digits ("367061",
# "20241203-OYT1T50218", "sleep-study-272712"); four are a year.
_ID_DIGITS = re.compile(r"\d{5}")
# Second-level labels under which a country registers names: "co.uk", "com.au", "ne.jp".
_SECOND_LEVEL = frozenset("co com net org gov edu ac or ne go gob nic".split())


def base_url(root, url: str | None) -> str | None:
    """<base href> (against the page URL), else the page URL, else the canonical link."""
    base = next((h.strip() for h in _BASE(root) if h.strip()), None)
    if base is None and not url:
        base = next((h.strip() for h in _CANONICAL(root)
                     if h.strip().startswith(("http://", "https://"))), None)
    if base is None:
        return url
    try:
        return urljoin(url, base) if url else base
    except ValueError:
        return url


def page_of_same_article(href: str, url: str | None) -> bool:
    """Does href lead to this page, or to page N of it?"""
    if not url:
        return False
    here, there = urlsplit(url), urlsplit(absolute(href, url))
    page_id = _EXTENSION.sub("", here.path.rstrip("/").rsplit("/", 1)[-1])
    if there.netloc.lower() != here.netloc.lower():
        # the site's mobile host: "wap.<site>/news/Content-1220000_2.html" is page 2 of
        # "ol.<site>/news/201909/1220000.shtml"
        return registered_domain(there.hostname or "") == \
            registered_domain(here.hostname or "") and _carries_id(there, page_id)
    path, other = here.path.rstrip("/"), there.path.rstrip("/")
    if other == path:
        # a query and an anchor on this page's own path: a view of it ("?cid=511#cid-510",
        # a comment thread's "+ 7 more replies"; "?replytocom=5#respond")
        return there.query == here.query or _page_query(there.query, here.query) or \
            bool(there.fragment)
    stem = _EXTENSION.sub("", path)
    if stem and other.startswith(stem) and _PAGE_SUFFIX.match(other[len(stem):]):
        return True
    return _carries_id(there, page_id)


def _page_query(query: str, own: str) -> bool:
    """Does a link's query on this page's path ask for a page number, by a key that does
    not name this page itself in its own query?"""
    own_keys = {k.lower() for k, _v in parse_qsl(own)}
    return any(m.group(1).lower() not in own_keys for m in _PAGE_QUERY.finditer(query))


def _carries_id(there, page_id: str) -> bool:
    """Does the link's path or query hold the page's last path segment, an article id, as a
    whole segment or value, or, for an id of digits only, as a word of one
    ("Content-1220000_2")?"""
    if not _ID_DIGITS.search(page_id):
        return False
    for part in re.split(r"[/?&=#;]", f"{there.path}?{there.query}"):
        part = _EXTENSION.sub("", part)
        if part == page_id or (page_id.isdigit() and page_id in re.split(r"[-_.]", part)):
            return True
    return False


def same_page(href: str, url: str) -> bool:
    """Does href lead to the page itself (fragment, trailing slash and scheme aside)?"""
    here, there = urlsplit(url), urlsplit(absolute(href, url))
    return there.netloc.lower() == here.netloc.lower() and \
        there.path.rstrip("/") == here.path.rstrip("/") and there.query == here.query


def section_of(href: str, url: str) -> bool:
    """Does href lead to a parent folder of the page ("/politik/deutschland/" from
    "/politik/deutschland/article123/...")? That is its section, not another article."""
    here, there = urlsplit(url), urlsplit(absolute(href, url))
    if there.netloc.lower() != here.netloc.lower() or there.query:
        return False
    folder = there.path.rstrip("/") + "/"
    return folder != "/" and here.path.startswith(folder) and here.path != folder


def registered_domain(host: str) -> str:
    """"news.bbc.co.uk" -> "bbc.co.uk", "roma.repubblica.it" -> "repubblica.it" (without the
    public suffix list: the usual second-level labels are enough to group a site's hosts)."""
    labels = host.lower().rstrip(".").split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


# A web archive's copy: "https://web.archive.org/web/20131110121040/http://www.example.de/x"
# (the timestamp may carry a flag, "20140109030403im_"): the site is the archived URL's.
_ARCHIVED = re.compile(r"https?://web\.archive\.org/web/\d+[a-z_]*/(.+)", re.IGNORECASE)


def archived(url: str) -> str:
    """The archived URL of a web archive's copy, else the URL itself."""
    m = _ARCHIVED.match(url)
    return m.group(1) if m else url


def same_site(href: str, url: str) -> bool:
    """Is href on the page's site (its registered domain)? Recommendation widgets of other
    sites ("From our partners") link elsewhere; in a web archive's copy, the archived
    addresses' sites are compared."""
    there = urlsplit(archived(absolute(href, url))).hostname
    here = urlsplit(archived(url)).hostname
    return not there or not here or registered_domain(there) == registered_domain(here)


def title_key(text: str) -> str:
    """A headline without case, punctuation, spaces and picture marks: the same story's
    title written "控制？ 事件回顾(图)" on the page and "控制? 事件回顾" in a list."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _NOT_WORD.sub("", _PICTURE_MARK.sub("", text))


def own_title_keys(root) -> set[str]:
    """Keys of the page's own headline (its first <h1>, its <title> with and without site
    suffixes): a listed item under that headline is this story at another address (a
    portal's copy of it in its own "related reports"), not another article."""
    keys = {title_key(_H1_TEXT(root))}
    keys.update(title_key(title) for title in islice(title_forms(root), 3))
    return {k for k in keys if len(k) >= _MIN_TITLE_KEY}


def other_article(href: str, url: str) -> bool:
    """Does href (absolute) lead to another article of the page's site: not a section, tag
    or author page (vocab.non_article_path), not the article's own section front, not this
    page nor another page of it? The test every kind of card and list item passes."""
    return not (non_article_path(urlsplit(href).path) or not same_site(href, url) or
                same_page(href, url) or section_of(href, url) or
                page_of_same_article(href, url))
