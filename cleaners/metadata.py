"""Page metadata that does not depend on the main-text decision: canonical URL, language,
dates, authors, breadcrumbs, headline. Sources in order of trust: JSON-LD, microdata / RDFa
(cleaners/structured.py), OpenGraph / <meta>, then the visible page; for the publication
date, htmldate's search as the last resort (cleaners/date_fallback.py). Read before
`drop_non_content` removes the JSON-LD scripts.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

from .author_house import is_site, site_keys, without_house
from .author_links import host_names, profile_links
from .byline_line import learned_authors
from .bylines import byline_date, end_signature, in_author_box, visible_bylines
from .date_fallback import fallback_published
from .dates import date_part, url_date, zoned_by_url
from .health_meta import date_element, read_visible
from .jsonld import (
    crumb_names,
    crumb_position,
    jsonld_objects,
    ld_citations,
    ld_names,
    ld_people,
    ld_types,
)
from .names import final_name, split_names
from .page_scans import one_page
from .structured import read_structured
from .structured_dates import (
    dated,
    dated_days,
    local_form,
    printed_choice,
    printed_day,
    same_instant,
    str_value,
    utc_morning,
)
from .text import clean_inline
from .visible_dates import updated_element

_JSONLD = etree.XPath('//script[@type="application/ld+json"]/text()', smart_strings=False)
_META = etree.XPath("//meta[@content]", smart_strings=False)
_CANONICAL = etree.XPath('//link[@rel="canonical"]/@href', smart_strings=False)
_TIME = etree.XPath("//time[@datetime]/@datetime", smart_strings=False)
_JSONLD_TEXT = etree.XPath("text()", smart_strings=False)
_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "medicalwebpage", "webpage",
                  "medicalscholarlyarticle", "reportagenewsarticle", "healthtopiccontent",
                  # works that are a page's main content without an Article object: their
                  # datePublished / author are the page's (recipe sites, live blogs, forums)
                  "recipe", "liveblogposting", "discussionforumposting", "howto",
                  "socialmediaposting", "scholarlyarticle", "techarticle", "report",
                  "opinionnewsarticle", "analysisnewsarticle", "reviewnewsarticle",
                  "backgroundnewsarticle", "podcastepisode", "radioepisode"}


def _head_elements(root):
    """What the four XPaths above select, in one C-level walk of the tree (~4x cheaper than
    four `//` scans): (JSON-LD texts, <meta content>, canonical hrefs, <time> datetimes)."""
    jsonld, metas, canonical, times = [], [], [], []
    for el in root.iter("script", "meta", "link", "time"):
        tag = el.tag
        if tag == "meta":
            if el.get("content") is not None:
                metas.append(el)
        elif tag == "script":
            if el.get("type") == "application/ld+json":
                jsonld.extend(_JSONLD_TEXT(el))
        elif tag == "link":
            href = el.get("href")
            if href is not None and el.get("rel") == "canonical":
                canonical.append(href)
        else:
            value = el.get("datetime")
            if value is not None:
                times.append(value)
    return jsonld, metas, canonical, times


def read_metadata(root, url: str | None, date_search: bool = True) -> dict:
    """date_search=False: where the page's structured sources, labelled datelines and URL give
    no date, no search for a bare one (date-classed elements, the byline's line, htmldate):
    a learned template's pages show none (cleaners/profile.py `date_search`)."""
    with one_page():  # (the byline and date scans are shared by several readers below)
        return _read_metadata(root, url, date_search)


def _read_metadata(root, url: str | None, date_search: bool = True) -> dict:
    meta: dict = {"title": None, "canonical_url": None, "language": None, "published": None,
                  "modified": None, "authors": [], "breadcrumbs": [], "description": None,
                  **_health_defaults()}
    jsonld, metas, canonical, times = _head_elements(root)
    objects = list(jsonld_objects(jsonld))
    meta["ld_objects"] = objects  # the generic body may read a declared text (generic/ld_body.py)
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    ld_authors: list[dict] = []
    ld_creators: list[dict] = []
    site_names: set[str] = set()  # who publishes: an "author" of that name is the site
    for obj in objects:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            site_names.add(clean_inline(publisher["name"]).casefold())
        types = ld_types(obj)
        for t in obj.get("@type", ()) if isinstance(obj.get("@type"), list) else [obj.get("@type")]:
            if isinstance(t, str) and t not in meta["schema_types"]:
                meta["schema_types"].append(t)
        if types & _ARTICLE_TYPES:
            meta["title"] = meta["title"] or clean_inline(obj.get("headline") or "") or None
            meta["published"] = meta["published"] or dated(obj.get("datePublished"))
            meta["modified"] = meta["modified"] or dated(obj.get("dateModified"))
            if not ld_authors and obj.get("author"):
                ld_authors = ld_people(obj["author"], by_id)
            if not ld_creators and obj.get("creator"):  # schema.org's wider author property
                ld_creators = ld_people(obj["creator"], by_id)
            # review data sits on the article or on its page (`mainEntityOfPage`: a nested
            # WebPage, e.g. Dotdash Meredith sites)
            page = obj.get("mainEntityOfPage")
            for holder in (obj, page) if isinstance(page, dict) else (obj,):
                if not meta["reviewed_by"] and holder.get("reviewedBy"):
                    meta["reviewed_by"] = ld_people(holder["reviewedBy"], by_id)
                meta["last_reviewed"] = (meta["last_reviewed"]
                                         or str_value(holder.get("lastReviewed")))
            if not meta["references"] and obj.get("citation"):
                meta["references"] = ld_citations(obj["citation"], url)
            if not meta["about"] and obj.get("about"):
                meta["about"] = ld_names(obj["about"])
            lang = obj.get("inLanguage")
            meta["language"] = meta["language"] or (lang if isinstance(lang, str) else None)
        if "breadcrumblist" in types and not meta["breadcrumbs"]:
            items = obj.get("itemListElement") or []
            items = sorted((i for i in items if isinstance(i, dict)),
                           key=crumb_position)
            meta["breadcrumbs"] = [n for i in items for n in crumb_names(i)]

    ld_published = meta["published"]  # the article's own (other objects are related stories)
    structured = read_structured(root)  # microdata / RDFa, where JSON-LD is silent
    ld_authors = ld_authors or structured["authors"]
    meta["recipe_lines"] = structured["recipe_lines"]  # the generic body's (generic/ld_body.py)
    meta["reviewed_by"] = meta["reviewed_by"] or structured["reviewed_by"]
    for key in ("title", "last_reviewed"):
        meta[key] = meta[key] or structured[key]
    for key in ("published", "modified"):
        meta[key] = meta[key] or dated(structured[key])
    # the same instant in the page's own zone, from microdata / meta tags
    # (cleaners/structured_dates.py)
    zoned: dict[str, list] = {"published": [structured["published"]],
                              "modified": [structured["modified"]]}

    meta_authors: list[dict] = []
    author_key = None
    loose: dict[str, str | None] = {"published": None, "modified": None}
    loose_authors: list[dict] = []
    for m in metas:
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
        content = m.get("content")
        if key in _META_PUBLISHED:
            zoned["published"].append(content)
            meta["published"] = meta["published"] or dated(content)
        elif key in ("article:modified_time", "datemodified", "og:updated_time", "last-modified"):
            zoned["modified"].append(content)
            meta["modified"] = meta["modified"] or dated(content)
        elif (field := _loose_date_key(key)) and not loose[field]:
            loose[field] = dated(content)
        elif key in ("og:site_name", "application-name") and content:
            site_names.add(clean_inline(content).casefold())
        elif key in ("og:title", "twitter:title") and not meta["title"]:
            meta["title"] = clean_inline(content) or None
        elif key in _META_AUTHOR and key == (author_key or key) and content \
                and not content.startswith("http"):
            # scholarly pages repeat `citation_author` once per author: every one of the
            # first key that names someone
            known = {p["name"] for p in meta_authors}
            names = [_given_first(content)] if key == "citation_author" else split_names(content)
            meta_authors += [{"name": n, "url": None} for n in names if n and n not in known]
            author_key = key if meta_authors else None
        elif _LOOSE_AUTHOR.search(key) and not loose_authors and content \
                and not content.startswith(("http", "@")):
            loose_authors = [{"name": n, "url": None} for n in split_names(content)]
        elif key in ("og:description", "description") and not meta["description"]:
            meta["description"] = clean_inline(content) or None
        elif key in ("og:locale", "content-language", "language") and not meta["language"]:
            meta["language"] = content

    for key, values in zoned.items():
        meta[key] = local_form(meta[key], values)
    meta["modified"] = meta["modified"] or loose["modified"]
    visible = read_visible(root)
    days = dated_days([ld_published, *zoned["published"]])
    if len(days) > 1:  # the structured sources disagree: the day the page prints decides
        printed = visible["published"] or date_element(root, True)
        if printed != date_part(meta["modified"]):  # (not the update line: "Updated Jul 24")
            meta["published"] = printed_choice(meta["published"], days, printed)
    elif utc_morning(meta["published"]):  # a UTC timestamp beside a local printed day
        _printed_local_day(root, meta, visible["published"])
    site_authors: list[dict] = []
    hosts = host_names(url)  # <meta name=author content="example.de">: the site's domain
    house = site_keys(site_names, hosts)
    if ld_authors and all(is_site(p["name"], house) for p in ld_authors):
        # the site named as author (a house account): a byline names a person; where nothing
        # else names anyone, the organisation the JSON-LD names is the author
        site_authors, ld_authors = ld_authors, []
    if not ld_authors and not any(p["name"].casefold() in site_names for p in ld_creators):
        ld_authors = ld_creators  # the house account as author, the writer as `creator`
    if all(p["name"].casefold() in site_names for p in meta_authors):
        # <meta name=author> naming the site itself (a house account, like a JSON-LD one):
        # a CMS's own author key that names someone else comes first
        meta_authors = [p for p in loose_authors if p["name"].casefold() not in site_names] \
            or meta_authors or loose_authors
    meta_authors = [p for p in meta_authors if p["name"].casefold() not in hosts]
    _merge_visible(root, meta, visible, ld_authors, meta_authors, times, house, date_search)
    if not meta["author_objects"] and site_authors:
        meta["author_objects"] = [{"name": p["name"], "url": None} for p in site_authors]
        meta["authors"] = [p["name"] for p in site_authors]
    # only an organisation (or the site) as author: a writer signing the end of the text
    orgs = {p["name"] for p in site_authors} | {p["name"] for p in ld_authors
                                                if p.get("organization")}
    if meta["authors"] and set(meta["authors"]) <= orgs and (signed := end_signature(root)):
        meta["author_objects"], meta["authors"] = signed, [p["name"] for p in signed]
    # still no writer (none, or only the site): a byline line no reader above reads, found by
    # a small learned model (cleaners/byline_line.py)
    if learned := learned_authors(root, meta["authors"], house):
        meta["author_objects"], meta["authors"] = learned, [p["name"] for p in learned]
    # a loosely named <meta> publication date only where the page printed none: "created" or
    # a CMS's own key may be the first draft's or an update's (measured on the tune pool)
    meta["published"] = meta["published"] or loose["published"]
    # then a date in the URL (/2017/06/29/), then htmldate's search
    meta["published"] = zoned_by_url(meta["published"], url) or url_date(url) \
        or (fallback_published(root, url) if date_search else None)
    canon = canonical
    if canon and canon[0].strip():
        meta["canonical_url"] = urljoin(url or "", canon[0].strip())
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    meta["language"] = normalize_language(lang or meta["language"])
    profile_links(root, meta, ld_authors, url)
    for k in ("published", "modified", "last_reviewed"):
        meta[k] = clean_inline(meta[k]) or None if isinstance(meta[k], str) else None
    return meta


_META_PUBLISHED = {"article:published_time", "datepublished", "date", "dc.date", "pubdate",
                   "publishdate", "publish_date", "publication_date", "dc.date.issued",
                   "dcterms.created", "dcterms.issued", "citation_publication_date",
                   "citation_date", "parsely-pub-date", "sailthru.date"}
_META_AUTHOR = {"author", "article:author", "article:author_name", "og:article:author",
                "citation_author", "citation_authors", "dc.creator", "dcterms.creator",
                "parsely-author",
                "sailthru.author"}


# <meta> names outside the lists above that still say what their date is: a site's or a
# plugin's own prefix ("shareaholic:article_modified_time", "zdf:modificationdate",
# "article:modified:time", "dc.date.modified", "created"); read only when no named source
# gives the date (the publication date: when no source at all gives it)
_LOOSE_PUBLISHED = re.compile(r"publi(?:shed|cation|sh)[_:.-]?(?:date|time|at)|created|issued")
_LOOSE_MODIFIED = re.compile(r"modifi(?:ed|cation)|updated?[_:.-]?(?:date|time|at)|last[_-]?mod")


# a plugin's own author key ("shareaholic:article_author_name", "og:article:author_name"):
# the last source of the author, after the named <meta> tags and the visible byline
_LOOSE_AUTHOR = re.compile(r"[:._]article[_:]author(?:[_:]name)?$|[:._]author[_:]name$|"
                           # a CMS's or an analytics tag's own key: "articleAuthor",
                           # "cXenseParse:author", "mediator_author", "dc.author"
                           r"^(?!smartbanner)[a-z]+[:._]?author$")


def _loose_date_key(key: str) -> str | None:
    if _LOOSE_PUBLISHED.search(key):
        return "published"
    return "modified" if _LOOSE_MODIFIED.search(key) else None


def _given_first(name: str) -> str | None:
    """`citation_author` holds one person, surname first by convention: "Roe, Jane" ->
    "Jane Roe"; a name without the comma as written."""
    name = clean_inline(name)
    surname, sep, given = name.partition(",")
    if sep and given.strip() and "," not in given:
        name = f"{given.strip()} {surname.strip()}"
    names = split_names(name)
    return names[0] if len(names) == 1 else None


def _printed_local_day(root, meta: dict, printed: str | None) -> None:
    """The page's printed day for a UTC publication timestamp one day off it
    (cleaners/structured_dates.py), and for an update timestamp at the same instant."""
    printed = printed or date_element(root, True)
    same = same_instant(meta["modified"], meta["published"])
    if not same and printed == date_part(meta["modified"]):
        return  # the update line's day ("Updated Jul 24"), not the publication's
    shifted = printed_day(meta["published"], printed)
    if shifted != meta["published"]:
        meta["published"] = shifted
        meta["modified"] = shifted if same else meta["modified"]


def _health_defaults() -> dict:
    return {"author_objects": [], "reviewed_by": [], "last_reviewed": None, "references": [],
            "medical_disclaimer": None, "disclaimer_element": None, "schema_types": [],
            "about": []}


def _merge_visible(root, meta: dict, visible: dict, ld_authors: list[dict],
                   meta_authors: list[dict], times: list[str], house: set[str],
                   date_search: bool = True) -> None:
    """Structured data first, the visible page where structured data is silent. Bylines: a
    visible byline wins over a structured author that names nobody it shows (the web editor
    who posted the piece, the site itself). date_search: look for an unlabelled date (a
    date-classed element, the byline's line) when nothing else gives one."""
    # a desk abbreviation ("red.") or a photo credit in `author` names nobody
    ld_authors = [p for p in ld_authors if split_names(p["name"])]
    if ld_authors and not _shown(root, ld_authors) \
            and (visible["authors"] or visible_bylines(root)):
        ld_authors = []  # a structured author the page names nowhere (a web editor's account)
    people = without_house(ld_authors or _label_or_boxes(root, visible) or meta_authors, house)
    people = [{**p, "name": name} for p in people if (name := final_name(p["name"]))]
    meta["author_objects"] = [{"name": p["name"], "url": p.get("url")} for p in people]
    meta["authors"] = [p["name"] for p in people]
    meta["published"] = (meta["published"] or visible["published"]
                         or next((t for t in times if dated(t)), None)
                         or (date_element(root) or byline_date(root) if date_search else None)
                         or visible["modified"])
    meta["modified"] = meta["modified"] or visible["modified"] or updated_element(root)
    meta["reviewed_by"] = meta["reviewed_by"] or visible["reviewed_by"]
    meta["last_reviewed"] = meta["last_reviewed"] or visible["last_reviewed"]
    meta["references"] = meta["references"] or visible["references"]
    meta["medical_disclaimer"] = visible["medical_disclaimer"]
    meta["disclaimer_element"] = visible["disclaimer_element"]


def _label_or_boxes(root, visible: dict) -> list[dict]:
    """A labelled byline ("Geschrieben von A"), unless it sits in an author box and the
    byline elements name its people and more: one author box per writer, each with the same
    label, where the label reading stops at the first box."""
    labelled = visible["authors"]
    if not labelled:
        return visible_bylines(root)
    if not in_author_box(visible["byline_element"]):
        return labelled
    boxes = visible_bylines(root)
    return boxes if {p["name"] for p in labelled} < {p["name"] for p in boxes} else labelled


def _shown(root, people: list[dict]) -> bool:
    """Whether the page's text names one of these people (a name split over elements
    included; in any case and spacing: "JANE ROE", "Jane&nbsp;Roe")."""
    body = root.find("body")
    text = body.text_content() if body is not None else ""
    if any(p["name"] in text for p in people):
        return True
    text = " ".join(text.split()).casefold()
    return any(" ".join(p["name"].split()).casefold() in text for p in people)


def normalize_language(code: str | None) -> str | None:
    """'en_US' / 'EN-us' -> 'en-US'; 'zh_CN' -> 'zh-CN'; junk -> None."""
    if not code or not isinstance(code, str):
        return None
    parts = code.strip().replace("_", "-").split("-")
    if not parts[0].isalpha() or not 2 <= len(parts[0]) <= 3:
        return None
    out = [parts[0].lower()]
    if len(parts) > 1 and parts[1].isalnum():
        out.append(parts[1].upper() if len(parts[1]) == 2 else parts[1].title())
    return "-".join(out)
