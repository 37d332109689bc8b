"""`healthcrawl extract PATH...`: offline extraction, one JSON record per input on stdout.

Every saved page (.html, .html.gz, .txt) gets its line, articles or not: `page_kind` says
what the page is. A listing, home or other page keeps what describes the page (url, title,
language, dates, links) but no body, body_html or teasers: a listing's "body" would be its
teaser list. A file that cannot be read, or a page the extractor fails on, gets a line with
`source` and `error` instead (exit code 2); the other files are still extracted.

A PATH ending in `.warc` or `.warc.gz` is a web archive (ours, wget's `--warc-file`, a
Common Crawl segment): it is streamed, and every HTML response that is an article gives
one record (`source` = `<file>#<record offset>`). Responses that are not HTML, not 2xx or
not articles are counted in the summary on stderr, not reported as failures.

`--store` uses the templates a generic crawl learned and kept in that store
(crawler/commands/learned_store.py): a page whose URL (`--url`, or the archived URL) belongs
to a learned host and URL shape is extracted with its template, as the crawl did, instead of
by the generic analysis. A site profile (`--site`) that matches the URL comes first.
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

import orjson

from cleaners.analyze import analyze_page
from cleaners.record import to_record
from cleaners.sniff import MAX_INFLATED, gunzip_body
from cleaners.textdump import extract_text_dump
from common.clock import utc_now
from common.exits import EXIT_OK, EXIT_QUALITY
from crawler.commands.learned_store import LearnedTemplates
from crawler.run import UsageError
from crawler.sites import get_site


class ExtractionFailed(Exception):
    """The extractor raised on this page (reported on its line, the others go on)."""


def read_page(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        inflated = gunzip_body(data)  # at most MAX_INFLATED: a bomb is refused, not inflated
        if inflated is None:
            raise gzip.BadGzipFile(f"not gzip data, cut off, or over {MAX_INFLATED >> 20} MB "
                                   "inflated")
        data = inflated
    return data


def extract_file(path: Path, url: str | None, site_key: str | None,
                 learned: LearnedTemplates | None = None) -> dict:
    data = read_page(path)
    if path.name.removesuffix(".gz").endswith(".txt"):
        article = extract_text_dump(data.decode("utf-8-sig", "replace"))
        record = to_record(article, url=url, site=site_key or "", fetched_at=utc_now("seconds"))
    else:
        # with a site, a URL no profile matches gets the generic extractor here
        profile = get_site(site_key).profile_for(url) if site_key and url else None
        if profile is None and learned is not None:
            profile = learned.profile_for(url)
        analysis = analyze_page(data, url, profile=profile, every_page=True,
                                site=site_key or "", fetched_at=utc_now("seconds"))
        if analysis.error is not None:
            raise ExtractionFailed(analysis.error)
        record = analysis.record
    record["source"] = str(path)
    return record


def is_warc(name: str) -> bool:
    return name.lower().endswith((".warc", ".warc.gz"))


def run_extract(paths: list[str], url: str | None = None, site: str | None = None,
                host: str | None = None, url_pattern: str | None = None,
                store: str | None = None) -> int:
    learned = LearnedTemplates.load(store) if store else None
    if any(is_warc(p) for p in paths):
        from crawler.commands.extract_warc import run_extract_warc

        if not all(is_warc(p) for p in paths):
            raise UsageError("give either WARC files or saved pages, not both")
        return run_extract_warc(paths, site=site, host=host, url_pattern=url_pattern,
                                learned=learned)
    if host or url_pattern:
        raise UsageError("--host and --url-pattern apply to WARC files")
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
            record = extract_file(path, url, site, learned)
        except (OSError, EOFError, gzip.BadGzipFile, UnicodeError, ExtractionFailed) as exc:
            failures += 1
            record = {"source": name, "error": f"{type(exc).__name__}: {exc}"}
            print(f"healthcrawl: cannot read {name}: {exc}", file=sys.stderr)
        out.write(orjson.dumps(record) + b"\n")
        out.flush()
    return EXIT_QUALITY if failures else EXIT_OK  # like a run below its bars: finished, not clean
