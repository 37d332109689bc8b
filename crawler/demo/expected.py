"""Expected records: written by the generator from its own data (not by any extractor), and
read back with absolute URLs for scoring a crawl or an offline extraction."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import orjson

from .health import health_for
from .model import LANGUAGES, PROFILE_KEYS, DemoArticle
from .routes import EXPECTED_FILE

# Breadcrumb trails as each family's pages show them (the current page is not a crumb).
_TRAILS = {"keepto": ("Home", "Health"), "wp": ("Home", "Blog"), "zh": ("首页", "健康频道"),
           "ghost": ("Home", "Journal")}
COMPARED_FIELDS = ("title", "body", "related_links", "teasers", "language", "published",
                   "authors", "breadcrumbs", "last_reviewed", "reviewed_by", "references",
                   "medical_disclaimer")


def expected_record(art: DemoArticle) -> dict:
    links = []
    if art.prev:
        links.append({"rel": "prev", "title": art.prev.title, "url": art.prev.path})
    if art.next:
        links.append({"rel": "next", "title": art.next.title, "url": art.next.path})
    return {
        "path": art.path,
        "family": art.family,
        "profile": PROFILE_KEYS[art.family],
        "title": art.title,
        "body": art.body,
        "related_links": links,
        "teasers": [{"title": t.title, "snippet": t.teaser_snippet,
                     "truncated": t.teaser_truncated, "url": t.path} for t in art.teasers],
        "language": LANGUAGES[art.family],
        "published": art.published,
        "authors": [{"name": art.author[1], "url": _author_path(art)}] if art.author else [],
        "breadcrumbs": [*_TRAILS[art.family], art.category[1]],
        **_health(art),
    }


# The author archive each family's byline links to (the zh portal's byline is plain text).
_AUTHOR_PAGES = {"wp": "/blog/author/{}/", "ghost": "/journal/author/{}/"}


def _author_path(art: DemoArticle) -> str | None:
    page = _AUTHOR_PAGES.get(art.family)
    return page.format(art.author[0]) if page and art.author else None


def _health(art: DemoArticle) -> dict:
    h = health_for(art)
    return {"last_reviewed": h.last_reviewed,
            "reviewed_by": [{"name": h.reviewer[0], "credentials": h.reviewer[1],
                             "url": h.reviewer[2]}] if h.reviewer else [],
            "references": [dict(r) for r in h.references],
            "medical_disclaimer": h.disclaimer}


def absolute(record: dict, base_url: str) -> dict:
    """A stored record (root-relative paths) with absolute URLs against base_url."""
    out = dict(record)
    out["url"] = urljoin(base_url, record["path"])
    out["related_links"] = [{**link, "url": urljoin(base_url, link["url"])}
                            for link in record["related_links"]]
    out["teasers"] = [{**t, "url": urljoin(base_url, t["url"])} for t in record["teasers"]]
    out["reviewed_by"] = [{**r, "url": urljoin(base_url, r["url"])}
                          for r in record.get("reviewed_by", [])]
    out["authors"] = [{**a, "url": urljoin(base_url, a["url"]) if a["url"] else None}
                      for a in record.get("authors", [])]
    return out


def load_expected(site_dir: Path, base_url: str) -> list[dict]:
    """Every article's expected record, with `url` and link/teaser URLs made absolute."""
    lines = (Path(site_dir) / EXPECTED_FILE).read_bytes().splitlines()
    return [absolute(orjson.loads(line), base_url) for line in lines if line.strip()]
