"""JSON-LD reading helpers: the objects of a page's `application/ld+json` scripts, and the
people, names, citations and breadcrumbs they hold (used by cleaners/metadata.py)."""
from __future__ import annotations

import json
import re

import orjson

from .names import several_names, split_credentials
from .references import reference
from .text import clean_inline
from .urls import bare_host

# Some CMSs wrap the JSON-LD text in an XHTML comment: "//<![CDATA[ {...} //]]>" or "<!-- -->".
_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")


def _load(raw: str):
    """The JSON value of one script, or None. orjson first (fast, strict); then without the
    comment wrapper; then the stdlib parser with strict=False, which accepts the raw line
    breaks and tabs some CMSs leave inside strings (an article body pasted into the JSON-LD),
    where orjson rejects the whole object and its dates and authors with it."""
    text = raw.strip()
    for candidate in (text, _WRAPPER.sub("", text).strip()):
        try:
            return orjson.loads(candidate)
        except orjson.JSONDecodeError:
            continue
    try:
        return json.loads(_WRAPPER.sub("", text).strip(), strict=False)
    except ValueError:
        return None


def jsonld_objects(texts):
    for raw in texts:
        data = _load(raw)
        if data is None:
            continue
        stack = [data]
        while stack:
            obj = stack.pop()
            if isinstance(obj, list):
                stack.extend(reversed(obj))  # popped in page order
            elif isinstance(obj, dict):
                yield obj
                if "@graph" in obj:
                    stack.append(obj["@graph"])
                if isinstance(obj.get("mainEntity"), (dict, list)):
                    # a WebPage whose mainEntity is the NewsArticle (with its dates, author)
                    stack.append(obj["mainEntity"])


def ld_types(obj) -> set[str]:
    t = obj.get("@type", ())
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def ld_names(value) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for it in items:
        name = it.get("name") if isinstance(it, dict) else it
        if isinstance(name, str) and clean_inline(name):
            out.append(clean_inline(name))
    return out


# a URL, absolute or relative, holds a slash, a dot or a scheme's colon
_LINKISH = re.compile(r"[/.:]")


def ld_people(value, by_id: dict) -> list[dict]:
    """JSON-LD author / reviewedBy -> [{name, url, credentials}]; {"@id": …} references are
    resolved against the page's other objects (Yoast's @graph form)."""
    out = []
    for it in value if isinstance(value, list) else [value]:
        if isinstance(it, dict) and "name" not in it and isinstance(it.get("@id"), str):
            it = by_id.get(it["@id"], it)
        if isinstance(it, dict):
            name, url = it.get("name"), it.get("url") or _page_id(it)
            same_as = it.get("sameAs")  # a social profile: after the page's own author link
            if not name and isinstance(it.get("familyName"), str):  # schema.org's parts
                name = f'{it.get("givenName") or ""} {it["familyName"]}'.strip()
            cred = it.get("honorificSuffix") or it.get("jobTitle")
            kind = it.get("@type")
            org = isinstance(kind, str) and (kind.endswith("Organization") or kind == "Corporation")
        else:
            name, url, cred, same_as, org = it, None, None, None, False
        if isinstance(name, list):
            name = name[0] if name else None
        if not isinstance(name, str) or not clean_inline(name):
            continue
        name, suffix = split_credentials(clean_inline(name))  # "Jane Roe, MS, RD"
        cred = cred if isinstance(cred, str) else suffix
        url, same_as = (v[0] if isinstance(v, list) and v else v for v in (url, same_as))
        if isinstance(url, str) and not _LINKISH.search(url):
            url = None  # a bare word ("jroe": the CMS's slug for the writer) links nowhere
        for one in several_names(name) if suffix is None else [name]:
            out.append({"name": one, "url": url if isinstance(url, str) else None,
                        "same_as": same_as if isinstance(same_as, str) else None,
                        "credentials": clean_inline(cred) if isinstance(cred, str) else None,
                        "organization": org})
    return out


def _page_id(obj: dict) -> str | None:
    """An @id that is a page (https://site/author/jane/), not a node name in a @graph
    (https://site/#/schema/person/abc)."""
    node = obj.get("@id")
    return node if isinstance(node, str) and node.startswith("http") and "#" not in node \
        else None


def ld_citations(value, page_url: str | None = None) -> list[dict]:
    """JSON-LD `citation` -> references; a list whose every item links this site's own pages
    is the CMS's related stories (lavanguardia.com cites four of its earlier articles), not
    sources: []."""
    out = []
    for it in value if isinstance(value, list) else [value]:
        if isinstance(it, str):
            out.append(reference(clean_inline(it), it if it.startswith("http") else None))
        elif isinstance(it, dict):
            text = it.get("name") or it.get("headline") or it.get("url") or ""
            url = it.get("url") if isinstance(it.get("url"), str) else None
            out.append(reference(clean_inline(str(text)), url))
    host = _host(page_url)
    if host and out and all(_host(r.get("url")) == host for r in out):
        return []
    return out


def _host(url) -> str:
    return bare_host(url) if isinstance(url, str) else ""


def crumb_names(item: dict) -> list[str]:
    """A ListItem's name: {"name": ..., "item": "https://..."} (Yoast, Google's examples) or
    {"item": {"@id": ..., "name": ...}} (the nested form)."""
    nested = item.get("item")
    return ld_names(item.get("name") or (nested if isinstance(nested, dict) else None) or [])[:1]


def crumb_position(item: dict) -> float:
    """A breadcrumb's position: sites write 1 or "1" (sorting both would raise)."""
    try:
        return float(item.get("position") or 0)
    except (TypeError, ValueError):
        return 0.0
