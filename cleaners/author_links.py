"""Authors' profile links: the site's own home page is no profile, a name given without a
link takes the page's link whose whole text is that name, a JSON-LD sameAs is the last resort,
and every link ends absolute. Used by cleaners/metadata.py once the authors are chosen."""
from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

from .urls import bare_host

# "/", "/de", "/en-us/": a site's (language) home page
_HOME_PATH = re.compile(r"/?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?", re.IGNORECASE)
_LINK_NAMED = etree.XPath("//body//a[@href][normalize-space(.) = $name or "
                          "starts-with(normalize-space(.), concat($name, ', ')) or "
                          "starts-with(normalize-space(.), concat($name, ' @')) or "
                          "translate(normalize-space(.), $upper, $lower) = $lname]",
                          smart_strings=False)
# (the link reads "Jane Roe", "Jane Roe, MD", "Jane Roe @janeroe" or "JANE ROE")
# an author page's link around the whole author box, the name first ("<a href=/author/x>
# <div>Jane Roe</div><div>05 May 2021</div></a>")
_AUTHOR_PAGE_FROM = etree.XPath(
    "//body//a[starts-with(normalize-space(.), $name)][" + " or ".join(
        f'contains(@href,"/{w}/")' for w in ("author", "authors", "autor", "autoren", "auteur",
                                              "autore", "av", "forfatter", "yazar")) + "]",
    smart_strings=False)
_UPPER, _LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
_NO_PROFILE = ("mailto:", "javascript:", "tel:")
_BASE_HREF = etree.XPath("/html/head/base/@href", smart_strings=False)


def profile_links(root, meta: dict, ld_authors: list[dict], url: str | None) -> None:
    """Fill and finish the `url` of meta's author_objects and reviewed_by in place."""
    for p in meta["author_objects"]:  # the site's own home page as a Person's url: no profile
        if p.get("url") and (own_home(p["url"], url) or p["url"].startswith(_NO_PROFILE)
                             or _social_home(p["url"])):
            p["url"] = None  # (nor is an e-mail address, a script or a network's front page)
    if any(not p.get("url") for p in meta["author_objects"]):
        link_names(root, meta["author_objects"])
    # a JSON-LD sameAs (a social profile) only where the page links the name nowhere
    same_as = {p["name"]: p["same_as"] for p in ld_authors if p.get("same_as")}
    for p in meta["author_objects"]:
        p["url"] = p["url"] or same_as.get(p["name"])
    base = _base_url(root, url) if url else url
    for people in (meta["author_objects"], meta["reviewed_by"]):
        for p in people:  # profile links as absolute URLs, like every other URL we export
            p["url"] = p.get("url") or p.pop("same_as", None)  # (a reviewer's social profile)
            p.pop("same_as", None)
            p.pop("organization", None)  # (cleaners/jsonld.py: read by the author choice)
            if p.get("url") and url:
                p["url"] = urljoin(base, p["url"])
                if "#" in p["url"] and urldefrag(p["url"])[0] == urldefrag(url)[0]:
                    p["url"] = None  # an anchor on this page (an affiliation note), no profile


def host_names(url: str | None) -> set[str]:
    """"https://www.mdr.de/x" -> {"www.mdr.de", "mdr.de"}: a site's domain used as a name."""
    host = (urlsplit(url).hostname or "") if url else ""
    return {host, host.removeprefix("www.")} - {""}


# social networks whose front page a template links when the writer's handle is empty
# ("<a href=https://twitter.com/>Jane Roe</a>")
_SOCIAL = frozenset("twitter.com x.com facebook.com instagram.com linkedin.com youtube.com "
                    "tiktok.com threads.net bsky.app".split())


def _social_home(link: str) -> bool:
    return bare_host(link) in _SOCIAL and urlsplit(link).path.strip("/") == ""


def own_home(link: str, url: str | None) -> bool:
    """Whether `link` is this site's home page ("https://example.de", "/de/"); a writer's own
    site on another host is their profile."""
    parts = urlsplit(urljoin(url or "", link))
    return bool(url) and _HOME_PATH.fullmatch(parts.path) is not None \
        and (parts.hostname or "").removeprefix("www.") == bare_host(url)


def link_names(root, people: list[dict]) -> None:
    """An author named without a link (JSON-LD name only, a label before a plain name) whose
    name the page links elsewhere, as the whole text of an <a> (the byline, an author box):
    that link is the profile. One C-level XPath per name: reading every link's text in
    Python cost ~1 ms per page."""
    for person in people:
        if person.get("url"):
            continue
        for a in _LINK_NAMED(root, name=person["name"], upper=_UPPER, lower=_LOWER,
                             lname=person["name"].lower()):
            href = a.get("href")
            if href.startswith(("#", "javascript:", "mailto:")) \
                    or _HOME_PATH.fullmatch(urlsplit(href).path):
                continue  # an anchor, a script, or a home page (an organisation's name)
            person["url"] = href
            break
        else:
            found = _AUTHOR_PAGE_FROM(root, name=person["name"])
            person["url"] = found[0].get("href") if found else None


def _base_url(root, url: str) -> str:
    """What the page's relative links resolve against: its <base href> (SPIP sites write
    "<base href=https://site/>" and link "auteur/name" from /rubrique/article/…), else its
    URL."""
    base = _BASE_HREF(root)
    return urljoin(url, base[0].strip()) if base and base[0].strip() else url
