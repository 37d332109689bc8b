"""Feeds for downstream sites: `feeds/<site>.json` (JSON Feed 1.1) and `feeds/<site>.atom`
(Atom 1.0, RFC 4287) of the newest articles a run saw, one pair per site.

Newest = by `published`, falling back to when the store first saw the article
(`first_seen`), because many pages carry no date. Built with orjson and lxml, no feed
library: feedgen writes Atom and RSS but not JSON Feed, and for Atom it measured the same
(~0.1 ms per entry on the demo, most of it re-sanitizing the content).

Ids are stable across runs: a JSON Feed item's `id` is the record id (sha256 of the canonical
URL); an Atom entry's is the same id as a URN (`urn:uuid:` of a UUID5 of it), since Atom ids
must be IRIs. `content_html` is the record's `body_html` sanitized again (a feed is rendered
by other people's readers), or the body's paragraphs escaped when there is no HTML.
"""
from __future__ import annotations

import html
import logging
import re
import uuid
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import orjson
from lxml import etree

from cleaners.record import authors_of
from cleaners.sanitize import sanitize_html
from common.clock import utc_now_dt
from common.default_settings import DEFAULTS

from .atomic import atomic_write

if TYPE_CHECKING:
    from ..store.base import Store

logger = logging.getLogger(__name__)

FEEDS_DIR = "feeds"
DEFAULT_FEED_SIZE = DEFAULTS["HEALTHCRAWL_FEED_SIZE"]
SUMMARY_CHARS = 300
JSONFEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM_NS = "http://www.w3.org/2005/Atom"
GENERATOR = "healthcrawl"
# A fixed namespace, so the same record id gives the same entry id in every run.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://healthcrawl.invalid/feeds")
# Characters XML 1.0 cannot hold at all (lxml refuses them): C0 controls but TAB/LF/CR.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


# -- values --------------------------------------------------------------------------------
def parse_date(text: str | None) -> datetime | None:
    """ISO 8601 (a bare date, `Z` or any offset) as an aware UTC datetime; naive = UTC."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def rfc3339(value: datetime) -> str:
    return value.isoformat(timespec="seconds").replace("+00:00", "Z")


def summary_text(body: str, limit: int = SUMMARY_CHARS) -> str:
    """The body's first ~`limit` characters on one line, cut at a word when there is one."""
    text = " ".join((body or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:  # CJK has no spaces: cut at the limit then
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def content_html(record: dict) -> str:
    if record.get("body_html"):
        return sanitize_html(record["body_html"])
    paragraphs = (record.get("body") or "").split("\n\n")
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p.strip())


def entry_urn(record_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, record_id)}"


def feed_name(site: str) -> str:
    return _UNSAFE_NAME.sub("_", site).strip("._") or "site"


def home_page(entries: list[Entry]) -> str | None:
    for entry in entries:
        parts = urlsplit(entry.record.get("url") or "")
        if parts.scheme and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}/"
    return None


class Entry:
    """One article of a feed: the record, and its dates resolved once."""

    def __init__(self, record: dict, first_seen: str):
        self.record = record
        self.first_seen = parse_date(first_seen) or utc_now_dt()
        self.published = parse_date(record.get("published"))
        self.modified = parse_date(record.get("modified"))

    @property
    def newest_key(self) -> datetime:
        return self.published or self.first_seen

    @property
    def updated(self) -> datetime:
        return max(d for d in (self.modified, self.published, self.first_seen) if d)

    @property
    def url(self) -> str | None:
        return self.record.get("url") or self.record.get("canonical_url")


# -- JSON Feed 1.1 -------------------------------------------------------------------------
def json_feed(site: str, entries: list[Entry]) -> dict:
    feed: dict = {"version": JSONFEED_VERSION, "title": f"{site} (healthcrawl)",
                  "description": f"The newest articles healthcrawl found on {site}."}
    home = home_page(entries)
    if home:
        feed["home_page_url"] = home
    languages = {e.record.get("language") for e in entries}
    if len(languages) == 1 and None not in languages:
        feed["language"] = languages.pop()
    feed["items"] = [_json_item(e) for e in entries]
    return feed


def _json_item(entry: Entry) -> dict:
    record = entry.record
    item: dict = {"id": record["id"], "url": entry.url, "title": record.get("title") or "",
                  "content_html": content_html(record),
                  "summary": summary_text(record.get("body") or ""),
                  "date_published": rfc3339(entry.published or entry.first_seen)}
    if entry.modified:
        item["date_modified"] = rfc3339(entry.modified)
    if record.get("authors"):
        item["authors"] = [{k: v for k, v in a.items() if v}
                           for a in authors_of(record["authors"])]
    if record.get("language"):
        item["language"] = record["language"]
    if record.get("breadcrumbs"):
        item["tags"] = list(record["breadcrumbs"])
    return item


# -- Atom 1.0 ------------------------------------------------------------------------------
def _xml(text: str | None) -> str:
    return _XML_ILLEGAL.sub("", text or "")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrib: str):
    el = etree.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: _xml(v) for k, v in attrib.items()})
    if text is not None:
        el.text = _xml(text)
    return el


def atom_feed(site: str, entries: list[Entry], now: datetime | None = None) -> bytes:
    feed = etree.Element(f"{{{ATOM_NS}}}feed", nsmap={None: ATOM_NS})
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'feed:' + site)}")
    _sub(feed, "title", f"{site} (healthcrawl)")
    updated = max((e.updated for e in entries), default=now or utc_now_dt())
    _sub(feed, "updated", rfc3339(updated))
    home = home_page(entries)
    if home:
        _sub(feed, "link", rel="alternate", href=home)
    # Atom wants an author on every entry; the feed's covers those whose page names none.
    _sub(_sub(feed, "author"), "name", site)
    _sub(feed, "generator", GENERATOR)
    for entry in entries:
        record = entry.record
        el = _sub(feed, "entry")
        _sub(el, "id", entry_urn(record["id"]))
        _sub(el, "title", record.get("title") or "")
        _sub(el, "updated", rfc3339(entry.updated))
        _sub(el, "published", rfc3339(entry.published or entry.first_seen))
        if entry.url:
            _sub(el, "link", rel="alternate", type="text/html", href=entry.url)
        for author in authors_of(record.get("authors")):
            person = _sub(el, "author")
            _sub(person, "name", author["name"])
            if author["url"]:
                _sub(person, "uri", author["url"])
        _sub(el, "summary", summary_text(record.get("body") or ""), type="text")
        _sub(el, "content", content_html(record), type="html")
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)


# -- from the store to files ---------------------------------------------------------------
def newest_entries(db: Store, run_id: str, size: int) -> dict[str, list[Entry]]:
    """{site: the `size` newest articles the run saw}. Only the chosen records are read
    whole: the store gives the dates to sort on."""
    by_site: dict[str, list[tuple[datetime, str, str]]] = defaultdict(list)
    for rid, site, published, first_seen in db.feed_candidates(run_id):
        when = parse_date(published) or parse_date(first_seen)
        by_site[site or ""].append((when or datetime.min.replace(tzinfo=timezone.utc), rid,
                                    first_seen))
    feeds: dict[str, list[Entry]] = {}
    for site, rows in sorted(by_site.items()):
        rows.sort(key=lambda row: (row[0], row[1]), reverse=True)
        entries = []
        for _when, rid, first_seen in rows[:size]:
            entries.append(Entry(db.stored_record(rid), first_seen))
        feeds[site] = entries
    return feeds


def write_feeds(db: Store, run_id: str, run_dir: Path,
                size: int = DEFAULT_FEED_SIZE) -> list[Path]:
    """Write both feeds of every site the run saw into `run_dir/feeds/`, atomically."""
    folder = run_dir / FEEDS_DIR
    folder.mkdir(exist_ok=True)
    paths = []
    for site, entries in newest_entries(db, run_id, size).items():
        name = feed_name(site)
        paths.append(_write(folder / f"{name}.json", orjson.dumps(
            json_feed(site, entries), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)))
        paths.append(_write(folder / f"{name}.atom", atom_feed(site, entries)))
    return paths


def _write(path: Path, data: bytes) -> Path:
    with atomic_write(path) as fh:
        fh.write(data)
    return path
