"""From an Article to the exported record (its fields: cleaners/record_fields.py). Pure
functions."""
from __future__ import annotations

import hashlib
from importlib import metadata

from w3lib.url import canonicalize_url

from .article import Article
from .record_fields import Record
from .safe_url import safe_http_url
from .text import word_count


def _package_version() -> str:
    # The installed distribution's version (pyproject.toml), the one place it is written.
    # A checkout used without `pip install` has no metadata; it says so rather than guess.
    try:
        return metadata.version("healthcrawl")
    except metadata.PackageNotFoundError:
        return "0+unknown"


# In every record's `extractor`, the User-Agent and the archive's warcinfo.
PACKAGE_VERSION = _package_version()


def authors_of(value) -> list[dict]:
    """A record's `authors` as [{name, url}], whether written as objects or, before authors
    carried links, as plain names (old stores, old exports)."""
    out = []
    for item in value or ():
        if isinstance(item, str):
            out.append({"name": item, "url": None})
        elif isinstance(item, dict) and item.get("name"):
            out.append({"name": item["name"], "url": item.get("url")})
    return out


def canonical(url: str) -> str:
    return canonicalize_url(url, keep_fragments=False)


def record_id(canonical_url: str) -> str:
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:16]


def content_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n\n{body}".encode()).hexdigest()


def to_record(article: Article, *, url: str | None, site: str, fetched_at: str,
              http_status: int | None = None, run_id: str = "") -> Record:
    # Every URL field is http(s) or absent (cleaners/safe_url.py): a script link is dropped,
    # a script canonical URL falls back to the page URL.
    url = safe_http_url(url)
    canon_src = safe_http_url(article.canonical_url) or url
    canon = canonical(canon_src) if canon_src else None
    return {
        "id": record_id(canon or article.title),
        "url": url,
        "canonical_url": canon,
        "site": site,
        "title": article.title,
        "body": article.body,
        "body_html": article.body_html,
        "related_links": [{"rel": link.rel, "title": link.title, "url": safe_http_url(link.url)}
                          for link in article.related_links
                          if link.url is None or safe_http_url(link.url)],
        "teasers": [{"title": t.title, "snippet": t.snippet, "truncated": t.truncated,
                     "url": safe_http_url(t.url)} for t in article.teasers],
        "language": article.language,
        "published": article.published,
        "modified": article.modified,
        "authors": [{"name": a["name"], "url": safe_http_url(a["url"])}
                    for a in authors_of(article.authors)],
        "breadcrumbs": list(article.breadcrumbs),
        "last_reviewed": article.last_reviewed,
        "reviewed_by": [{"name": r.get("name"), "credentials": r.get("credentials"),
                         "url": safe_http_url(r.get("url"))} for r in article.reviewed_by],
        "references": [{"text": r.get("text") or "", "url": safe_http_url(r.get("url")),
                        "doi": r.get("doi"), "pmid": r.get("pmid")} for r in article.references],
        "medical_disclaimer": article.medical_disclaimer,
        "schema_types": list(article.schema_types),
        "about": list(article.about),
        "word_count": word_count(article.body),
        "content_hash": content_hash(article.title, article.body),
        "fetched_at": fetched_at,
        "http_status": http_status,
        "run_id": run_id,
        "extractor": f"{article.extractor} {PACKAGE_VERSION}",
        "warnings": list(dict.fromkeys(article.warnings)),
        "page_kind": article.page_kind,
    }
