"""The URL as a weak hint of what a page is (cleaners/page_kind.py weighs it with the page's
content): `/` is a home page; /tag/, /category/, /page/N, ?page=N lean to a listing; a long
slug, a date path or a numeric id lean to an article."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# URL hints. Listing paths in many CMSs and languages; query parameters of pagers and search.
_LISTING_PATH = re.compile(
    r"/(?:tags?|category|categories|categoria|kategorie|label|author|autor|auteur|authors|"
    r"archives?|archiv|search|suche|buscar|recherche|page|pagina|seite)(?:/|$)"
    r"|/(?:list|index)[_-]?\d*\.\w+$|/page/\d+|[/_-]p\d{1,3}/?$",
    re.IGNORECASE)
# Section words: listings more often than not, but articles live under them too.
_SECTION_PATH = re.compile(r"/(?:topics?|themen|sections?|rubri(?:c|que|k)s?|channel)(?:/|$)",
                           re.IGNORECASE)
# `p=` is a pager's page number, except a WordPress post id (`/?p=613`): pagers stop short
# of three digits
_LISTING_QUERY = re.compile(
    r"(?:^|&)(?:page|paged|pg|s|q|query|search|pagina|seite)=|(?:^|&)p=(?!\d{3,}(?:&|$))",
    re.IGNORECASE)
_POST_ID_QUERY = re.compile(r"(?:^|&)p=\d{3,}(?:&|$)")
# An archive's item, not the archive: /archives/1203 (WordPress's numeric permalinks),
# /archive/63076, /archiv/a-long-article-slug-73813; a year (/archive/2024) stays a listing.
_ARCHIVE_ITEM = re.compile(
    r"/(?:archives?|archiv)/(?:[^?#]*/)?(?:(?!(?:19|20)\d\d(?:\.\w+)?/?$)\d{4,}"
    r"|[^/]*[-_][^/]*[-_][^/]*[-_][^/]*)(?:\.\w+)?/?$", re.IGNORECASE)
_DATE_PATH = re.compile(r"/(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)")
_NUMERIC_ID = re.compile(r"\d{4,}")
_HOME_PATH = re.compile(
    r"^/?(?:[a-z]{2}(?:[-_][a-z]{2,4})?/?)?(?:index|default|home|start)?"
    r"(?:\.(?:s?html?|php|aspx?|jsp))?$", re.IGNORECASE)

def url_kind(url: str | None) -> tuple[str, float]:
    """("home" | "listing" | "article" | "", weight) from the URL alone: a weak hint."""
    if not url:
        return "", 0.0
    try:
        parts = urlsplit(url)
    except ValueError:
        return "", 0.0
    path, query = parts.path or "/", parts.query
    if _HOME_PATH.match(path) and not query:
        return "home", 0.0
    if _LISTING_PATH.search(_ARCHIVE_ITEM.sub("/", path)) or _LISTING_QUERY.search(query):
        return "listing", -1.5
    if _SECTION_PATH.search(path):
        return "listing", -0.5
    last = path.rstrip("/").rsplit("/", 1)[-1]
    stem = last.rsplit(".", 1)[0]
    if _DATE_PATH.search(path) or _NUMERIC_ID.search(last) or stem.count("-") + \
            stem.count("_") >= 3 or len(_CJK.findall(stem)) >= 4 or _POST_ID_QUERY.search(query):
        return "article", 1.0
    segments = [s for s in path.split("/") if s]
    if len(segments) <= 2 and "." not in last and "-" not in last and len(last) <= 20:
        return "listing", -0.5  # /health/, /salud/, /news/acne: a section, usually
    return "", 0.0
