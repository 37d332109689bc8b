"""Records that break (or keep) one rule of the data dictionary each, for checking that a JSON
Schema of the record is a real contract. Written from docs/data-dictionary.md and the README
(`output/` section), not from the code that generates the schema."""
from __future__ import annotations

import copy
from collections.abc import Callable, Iterator

Edit = Callable[[dict], None]


def _set(field: str, value: object) -> Edit:
    def edit(record: dict) -> None:
        record[field] = value
    return edit


def _drop(field: str) -> Edit:
    def edit(record: dict) -> None:
        del record[field]
    return edit


def _item(field: str, item: dict) -> Edit:
    def edit(record: dict) -> None:
        record[field] = [item]
    return edit


_LINK = {"rel": "prev", "title": "Earlier article", "url": None}
_TEASER = {"title": "Thermos scale", "snippet": "Thermos in daily life", "truncated": True,
           "url": None}
_REVIEWER = {"name": "Jane Roe", "credentials": "MD", "url": None}
_REFERENCE = {"text": "Smith A. Migraine today. 2021.", "url": None, "doi": "10.1234/abc",
              "pmid": None}

# (what the dictionary says, an edit that breaks it)
BROKEN: tuple[tuple[str, Edit], ...] = (
    ("id is 16 lower-case hex characters", _set("id", "3F9A0C1D2B4E5F67")),
    ("id is 16 hex characters, not 15", _set("id", "3f9a0c1d2b4e5f6")),
    ("every field is present (title)", _drop("title")),
    ("every field is present, even when null (modified)", _drop("modified")),
    ("every field is present, even when empty (warnings)", _drop("warnings")),
    ("site is a string, never null", _set("site", None)),
    ("url is a string or null", _set("url", 5)),
    ("body is a string", _set("body", ["a", "b"])),
    ("authors is a list", _set("authors", "Dr. Jane Roe")),
    ("authors holds objects {name, url}", _set("authors", [1])),
    ("an author has a name", _set("authors", [{"url": None}])),
    ("breadcrumbs is a list", _set("breadcrumbs", None)),
    ("word_count is an integer", _set("word_count", 1.5)),
    ("word_count is never negative", _set("word_count", -1)),
    ("word_count is never null", _set("word_count", None)),
    ("http_status is an integer or null", _set("http_status", "200")),
    ("content_hash is a sha256 in hex", _set("content_hash", "abc")),
    ("page_kind is article, listing, home or other", _set("page_kind", "category")),
    ("a related link's rel is prev, next or related",
     _item("related_links", {**_LINK, "rel": "previous"})),
    ("a related link has rel, title and url only",
     _item("related_links", {**_LINK, "snippet": "x"})),
    ("a related link's url is a string or null", _item("related_links", {**_LINK, "url": 3})),
    ("a teaser has a non-empty title", _item("teasers", {**_TEASER, "title": ""})),
    ("a teaser's truncated is a boolean", _item("teasers", {**_TEASER, "truncated": "yes"})),
    ("a teaser has title, snippet, truncated and url",
     _item("teasers", {k: v for k, v in _TEASER.items() if k != "url"})),
    ("a teaser is an object", _set("teasers", ["Thermos scale"])),
    ("a reviewer has a non-empty name", _item("reviewed_by", {**_REVIEWER, "name": ""})),
    ("a reviewer has name, credentials and url",
     _item("reviewed_by", {"name": "Jane Roe", "url": None})),
    ("a reference has text, url, doi and pmid",
     _item("references", {k: v for k, v in _REFERENCE.items() if k != "doi"})),
    ("a reference's pmid is a string or null", _item("references", {**_REFERENCE, "pmid": 123})),
)

# (what the dictionary allows, an edit that keeps the record valid)
VALID: tuple[tuple[str, Edit], ...] = (
    ("url may be null (offline text dumps)", _set("url", None)),
    ("http_status may be null (offline extraction)", _set("http_status", None)),
    ("dates may be null", _set("published", None)),
    ("lists may be empty", _set("teasers", [])),
    ("page_kind listing (healthcrawl extract)", _set("page_kind", "listing")),
    ("a related link without a url", _item("related_links", {**_LINK, "url": None})),
    ("a teaser, reviewer and reference in full", lambda r: r.update(
        teasers=[_TEASER], reviewed_by=[_REVIEWER], references=[_REFERENCE])),
)


def variants(record: dict, rules: tuple[tuple[str, Edit], ...]) -> Iterator[tuple[str, dict]]:
    """(rule, a deep copy of `record` with the rule's edit applied) for each rule."""
    for why, edit in rules:
        changed = copy.deepcopy(record)
        edit(changed)
        yield why, changed
