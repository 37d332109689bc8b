"""The record schema (version 2) as JSON Schema, with a description and an example per field.

One source for: the `schema.json` written beside every export, `docs/data-dictionary.md`
(`python -m cleaners.schema > docs/data-dictionary.md`), and the tests that validate records.
"""
from __future__ import annotations

import json

from .record import RECORD_FIELDS, SCHEMA_VERSION

_STR_OR_NULL = {"type": ["string", "null"]}
_LINK = {
    "type": "object",
    "required": ["rel", "title", "url"],
    "additionalProperties": False,
    "properties": {
        "rel": {"enum": ["prev", "next", "related"]},
        "title": {"type": "string"},
        "url": _STR_OR_NULL,
    },
}
_REVIEWER = {
    "type": "object",
    "required": ["name", "credentials", "url"],
    "additionalProperties": False,
    "properties": {"name": {"type": "string", "minLength": 1}, "credentials": _STR_OR_NULL,
                   "url": _STR_OR_NULL},
}
_REFERENCE = {
    "type": "object",
    "required": ["text", "url", "doi", "pmid"],
    "additionalProperties": False,
    "properties": {"text": {"type": "string"}, "url": _STR_OR_NULL, "doi": _STR_OR_NULL,
                   "pmid": _STR_OR_NULL},
}
_STRINGS = {"type": "array", "items": {"type": "string"}}
_TEASER = {
    "type": "object",
    "required": ["title", "snippet", "truncated", "url"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "snippet": {"type": "string"},
        "truncated": {"type": "boolean"},
        "url": _STR_OR_NULL,
    },
}

# field: (JSON Schema, description, example)
FIELDS: dict[str, tuple[dict, str, object]] = {
    "id": ({"type": "string", "pattern": "^[0-9a-f]{16}$"},
           "Stable id: first 16 hex characters of sha256(canonical_url).", "3f9a0c1d2b4e5f67"),
    "url": (_STR_OR_NULL, "The URL as fetched (after redirects); null for offline text dumps.",
            "http://127.0.0.1:8765/keepto/2021/lumbar.html"),
    "canonical_url": (_STR_OR_NULL, "<link rel=canonical> if present, else the normalized url.",
                      "http://127.0.0.1:8765/keepto/2021/lumbar.html"),
    "site": ({"type": "string"}, "Site profile key, or the host for generic crawls.", "demo"),
    "title": ({"type": "string"}, "Article headline, normalized.",
              "Lumbar disc herniation and leg weakness"),
    "body": ({"type": "string"}, ("Main text only; paragraphs (headings too) joined by a blank "
             "line (\\n\\n). Never contains navigation or teaser text."),
             "In life, many of our friends will experience leg weakness or pain. ..."),
    "body_html": (_STR_OR_NULL, ("The body as sanitized HTML (allow-listed tags, absolute "
                  "links, no script/style/iframe/event handlers)."), "<p>In life, ...</p>"),
    "related_links": ({"type": "array", "items": _LINK}, ("Previous/next arrows and related "
                      "links in page order; url null when the page does not link it."),
                      [{"rel": "prev", "title": "Lumbar disc herniation fusion surgery",
                        "url": None}]),
    "teasers": ({"type": "array", "items": _TEASER}, ("Recommend / related blocks in page "
                "order: title, snippet (without a trailing ellipsis), truncated, url."),
                [{"title": "Thermos scale", "snippet": "Thermos in daily life is a common "
                  "tool for holdin", "truncated": True, "url": None}]),
    "language": (_STR_OR_NULL, "BCP 47 language code.", "en"),
    "published": (_STR_OR_NULL, "Publication date, ISO 8601 as the page gives it.",
                  "2024-05-12T08:00:00+00:00"),
    "modified": (_STR_OR_NULL, "Last modification date, ISO 8601.", None),
    "authors": ({"type": "array", "items": {"type": "string"}}, "Author names.",
                ["Dr. Jane Roe"]),
    "breadcrumbs": ({"type": "array", "items": {"type": "string"}}, "Breadcrumb trail.",
                    ["Home", "Orthopedics"]),
    "last_reviewed": (_STR_OR_NULL, ("Date of the last medical review (JSON-LD lastReviewed or "
                      "a visible \"reviewed … on DATE\" line)."), "2024-02-20"),
    "reviewed_by": ({"type": "array", "items": _REVIEWER}, ("Medical / fact reviewers: "
                    "JSON-LD reviewedBy or a visible \"Medically reviewed by\" line; CSV: "
                    "reviewed_by.csv."), [{"name": "Jane Roe", "credentials": "MD",
                                           "url": None}]),
    "references": ({"type": "array", "items": _REFERENCE}, ("The article's own source list "
                   "(JSON-LD citation or a Sources / Quellen / Références / Fuentes / "
                   "Источники / 参考文献 list), in page order; CSV: references.csv. The list "
                   "also stays in body when the page prints it inside the article."),
                   [{"text": "Smith A. Migraine today. 2021.", "url": None,
                     "doi": "10.1234/abc", "pmid": None}]),
    "medical_disclaimer": (_STR_OR_NULL, ("The page's health disclaimer (\"does not replace "
                           "medical advice\"), removed from body."),
                           "This article does not replace medical advice."),
    "schema_types": (_STRINGS, "The JSON-LD @types on the page, in page order.",
                     ["MedicalWebPage", "BreadcrumbList"]),
    "about": (_STRINGS, ("Conditions, drugs, procedures the JSON-LD names as the page's "
              "`about`."), ["Migraine"]),
    "word_count": ({"type": "integer", "minimum": 0}, "Words in body (CJK: characters).", 412),
    "content_hash": ({"type": "string", "pattern": "^[0-9a-f]{64}$"},
                     "sha256 of title + blank line + body; changes when the text changes.",
                     "9c1185a5c5e9fc54612808977ee8f548b2258d31a0c1e8a3f0b1e3f0c0d1e2f3"),
    "fetched_at": ({"type": "string"}, "When the page was fetched, ISO 8601 UTC.",
                   "2026-11-26T12:15:00Z"),
    "http_status": ({"type": ["integer", "null"]}, "HTTP status; null for offline extraction.",
                    200),
    "run_id": ({"type": "string"}, "The run that produced the record.", "20261126T121500Z-ab12"),
    "extractor": ({"type": "string"}, ("`profile:<site>` or `generic`, plus the package "
                  "version."), "profile:demo-keepto 0.1.0"),
    "warnings": ({"type": "array", "items": {"type": "string"}}, ("Extraction warnings, e.g. "
                 "boilerplate_leak, no_body_selector_match, charset_guessed."), []),
    "page_kind": ({"enum": ["article", "listing", "home", "other"]}, ("What the page is "
                  "(cleaners/page_kind.py): crawl records are always `article`; `healthcrawl "
                  "extract` also writes lines for listing, home and other pages."), "article"),
}
if tuple(FIELDS) != RECORD_FIELDS:  # the schema must list the record fields in order
    raise RuntimeError("cleaners.schema.FIELDS and cleaners.record.RECORD_FIELDS differ")


def json_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://healthcrawl.invalid/schema/article-v{SCHEMA_VERSION}.json",
        "title": "healthcrawl article record",
        "description": f"schema_version {SCHEMA_VERSION}",
        "type": "object",
        "required": list(RECORD_FIELDS),
        "properties": {name: {**schema, "description": desc}
                       for name, (schema, desc, _example) in FIELDS.items()},
    }


# The raw archive beside the records (written by crawler/archive/): documented here so that
# the data dictionary of every run folder describes everything the folder holds.
ARCHIVE_DICTIONARY = """
## The raw archive: `archive/*.warc.gz`

Every response the run received (articles, listings, sitemaps, robots.txt, redirects,
errors) and its request, as WARC/1.1 (ISO 28500): one gzip member per record, files named
`healthcrawl-<run_id>-NNNNN.warc.gz`, a new file once one reaches
`HEALTHCRAWL_ARCHIVE_MAX_BYTES`. Read them with warcio, FastWARC, pywb, or
`healthcrawl extract FILE.warc.gz`; `healthcrawl reprocess RUN_DIR` re-extracts them.

| record | when | fields beyond WARC-Type / -Record-ID / -Date / -Target-URI |
|---|---|---|
{records}

`Transfer-Encoding` and a `Content-Length` that does not match the stored body are renamed
`X-Crawler-Transfer-Encoding` / `X-Crawler-Content-Length` (Scrapy joins chunks before the
archive sees the body) and a matching `Content-Length` is written. A response reached
through a redirect carries `Healthcrawl-Discovered-URI`, the URL the run discovered.
`run.json` → `archive`: pages (response and revisit records), revisits, files, bytes.
"""
# (record, when, fields beyond WARC-Type / -Record-ID / -Date / -Target-URI)
ARCHIVE_RECORDS = (
    ("warcinfo", "first record of each file",
     ("block (`application/warc-fields`): software, format, isPartOf (the run id), every "
     "HEALTHCRAWL_ setting, user agent, robots and concurrency settings")),
    ("response", "every response but a 304",
     ("WARC-IP-Address, WARC-Payload-Digest (sha1 of the body as stored), WARC-Block-Digest "
     "(sha1 of HTTP headers + body); block: status line, headers and body as received "
     "(still gzip-encoded if the server sent it so)")),
    ("revisit", "a 304 Not Modified of an incremental run",
     ("WARC-Profile `.../revisit/server-not-modified`, WARC-Refers-To-Target-URI and, when "
     "the earlier capture is known, WARC-Refers-To and WARC-Refers-To-Date; block: the "
     "304's headers")),
    ("request", "with each response or revisit",
     ("WARC-Concurrent-To (the response's id); block: the request as Scrapy sent it (Host "
     "added)")),
)


def data_dictionary() -> str:
    lines = [f"# Data dictionary (schema version {SCHEMA_VERSION})", "",
             ("Generated from `cleaners/schema.py` (`python -m cleaners.schema`). CSV: "
             "`articles.csv` holds the scalar fields (lists of strings joined with `; `); "
             "`related_links.csv`, `teasers.csv`, `reviewed_by.csv` and `references.csv` hold "
             "one row per list item with `id` and `position`."), "",
             "| field | type | meaning | example |", "|---|---|---|---|"]
    for name, (schema, desc, example) in FIELDS.items():
        kind = schema.get("type", "enum")
        kind = " or ".join(kind) if isinstance(kind, list) else kind
        shown = json.dumps(example, ensure_ascii=False).replace("|", "\\|")
        lines.append(f"| {name} | {kind} | {desc.replace('|', '/')} | `{shown}` |")
    records = "\n".join(f"| {r} | {when} | {fields} |" for r, when, fields in ARCHIVE_RECORDS)
    return "\n".join(lines) + "\n" + ARCHIVE_DICTIONARY.format(records=records)


if __name__ == "__main__":
    import sys

    sys.stdout.write(data_dictionary())
