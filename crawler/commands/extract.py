"""`healthcrawl extract PATH...`: offline extraction, one JSON record per input on stdout.

Every input gets its line, articles or not: `page_kind` says what the page is. A listing,
home or other page keeps what describes the page (url, title, language, dates, links) but
no body, body_html or teasers: a listing's "body" would be its teaser list."""
from __future__ import annotations

import gzip
import sys
from datetime import datetime, timezone
from pathlib import Path

import orjson

from cleaners.extract import extract_article
from cleaners.record import to_record
from cleaners.textdump import extract_text_dump
from crawler.run import UsageError
from crawler.sites import get_site


def read_page(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def extract_file(path: Path, url: str | None, site_key: str | None) -> dict:
    data = read_page(path)
    if path.name.removesuffix(".gz").endswith(".txt"):
        article = extract_text_dump(data.decode("utf-8-sig", "replace"))
    else:
        profile = get_site(site_key).profile_for(url) if site_key and url else None
        article = extract_article(data, url, profile)
        if article.page_kind != "article":
            article.body, article.body_html, article.teasers = "", None, []
    now = datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
    record = to_record(article, url=url, site=site_key or "", fetched_at=now)
    record["source"] = str(path)
    return record


def run_extract(paths: list[str], url: str | None = None, site: str | None = None) -> int:
    if site:
        try:
            get_site(site)
        except KeyError as exc:
            raise UsageError(str(exc.args[0])) from None
    failures = 0
    out = sys.stdout.buffer
    for name in paths:
        path = Path(name)
        try:
            record = extract_file(path, url, site)
        except (OSError, EOFError, gzip.BadGzipFile, UnicodeError) as exc:
            failures += 1
            record = {"source": name, "error": f"{type(exc).__name__}: {exc}"}
            print(f"healthcrawl: cannot read {name}: {exc}", file=sys.stderr)
        out.write(orjson.dumps(record) + b"\n")
        out.flush()
    return 2 if failures else 0  # like a run below its quality bars: finished, not clean
