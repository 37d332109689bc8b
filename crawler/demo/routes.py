"""routes.json: what a static file tree cannot say by itself, read by our server (and by
`nginx.py` to write an equivalent nginx config).

    {
      "version": 1,
      "redirect_status": 301,
      "redirects": {"/go/1": "/keepto/digestive/1003.html", "/keepto/": "/keepto/list_1.html"},
      "not_found": ["/health-tips.html"],          # linked from pages, deliberately missing
      "not_found_page": "/404.html",               # body of every 404 response
      "charsets": {"/zh/": "GBK", "/": "utf-8"},   # longest matching prefix wins
      "content_types": {".html": "text/html", ".xml": "text/xml", ...},
      "base_placeholder": "http://127.0.0.1:8765", # replaced by the real base URL when served
      "rewrite_base": ["/robots.txt", "/sitemap.xml"],
      "hidden": ["/expected.jsonl", "/routes.json"],  # in the folder, never served
      "disallowed": ["/private/"]                  # what robots.txt disallows
    }
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import orjson

from .model import DemoArticle

ROUTES_FILE = "routes.json"
EXPECTED_FILE = "expected.jsonl"
# Sitemaps and robots.txt need absolute URLs, but the server's port is only known when it
# starts: files carry this base and the server swaps in its own.
BASE_PLACEHOLDER = "http://127.0.0.1:8765"
CONTENT_TYPES = {
    ".html": "text/html", ".shtml": "text/html", ".xml": "text/xml", ".txt": "text/plain",
    ".css": "text/css", ".js": "application/javascript", ".png": "image/png",
    ".json": "application/json",
}
TEXT_TYPES = ("text/", "application/javascript", "application/json")


def file_for(path: str) -> str:
    """URL path -> file path relative to the site folder ("/a/" -> "a/index.html")."""
    rel = path.lstrip("/")
    return rel + "index.html" if not rel or rel.endswith("/") else rel


def build_routes(articles: Sequence[DemoArticle], shortlinks: int, count: int) -> dict:
    redirects: dict[str, str] = {}
    if articles:
        n = len(articles)
        step = (n - 1) / max(shortlinks - 1, 1)
        targets = list(dict.fromkeys(articles[round(k * step)].path for k in range(shortlinks)))
        redirects = {f"/go/{k}": target for k, target in enumerate(targets, 1)}
    # Section roots send visitors to their first listing page, as many CMSs do.
    redirects["/keepto/"] = "/keepto/list_1.html"
    redirects["/zh/"] = "/zh/list_1.shtml"
    return {
        "version": 1,
        "articles": count,
        "redirect_status": 301,
        "redirects": redirects,
        "not_found": ["/health-tips.html"],
        "not_found_page": "/404.html",
        "charsets": {"/zh/": "GBK", "/": "utf-8"},
        "content_types": CONTENT_TYPES,
        "base_placeholder": BASE_PLACEHOLDER,
        "rewrite_base": ["/robots.txt", "/sitemap.xml"],
        "hidden": [f"/{EXPECTED_FILE}", f"/{ROUTES_FILE}"],
        "disallowed": ["/private/"],
    }


def load_routes(site_dir: Path) -> dict:
    return orjson.loads((Path(site_dir) / ROUTES_FILE).read_bytes())


def content_type(path: str, routes: dict) -> str:
    """Content-Type for a URL path: by extension, with the charset of the longest prefix."""
    name = path.rsplit("/", 1)[-1]
    ext = "." + name.rsplit(".", 1)[-1] if "." in name else ".html"
    ctype = routes["content_types"].get(ext, "application/octet-stream")
    if not ctype.startswith(TEXT_TYPES):
        return ctype
    charsets = routes["charsets"]
    prefix = max((p for p in charsets if path.startswith(p)), key=len, default=None)
    return f"{ctype}; charset={charsets[prefix]}" if prefix else ctype
