"""The record schema as JSON Schema and as the data dictionary, both derived from the field
table of cleaners/record_fields.py (a description and an example per field).

They are the `schema.json` and `data-dictionary.md` written beside every export, and
`docs/data-dictionary.md` (`python -m cleaners.schema > docs/data-dictionary.md`; a test
checks that the docs are what this writes).
"""
from __future__ import annotations

import json

from .record_fields import CHILD_KEY_COLUMNS, FIELDS, RECORD_FIELDS, SCHEMA_VERSION, Field


def field_schema(field: Field) -> dict:
    """The JSON Schema of one field of the table in cleaners/record_fields.py."""
    if field.kind == "enum":
        schema: dict = {"enum": [*field.choices, *([None] if field.nullable else [])]}
    elif field.kind == "strings":
        schema = {"type": "array", "items": {"type": "string"}}
    elif field.kind == "table":
        schema = {"type": "array", "items": {
            "type": "object",
            "required": [c.name for c in field.columns],
            "additionalProperties": False,
            "properties": {c.name: field_schema(c) for c in field.columns},
        }}
    else:
        schema = {"type": [field.kind, "null"] if field.nullable else field.kind}
    for key, value in (("pattern", field.doc.pattern), ("minLength", field.doc.min_length),
                       ("minimum", field.doc.minimum)):
        if value is not None:
            schema[key] = value
    if field.doc.text:
        schema["description"] = field.doc.text
    return schema


def json_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://healthcrawl.invalid/schema/article-v{SCHEMA_VERSION}.json",
        "title": "healthcrawl article record",
        "description": f"schema_version {SCHEMA_VERSION}",
        "type": "object",
        "required": list(RECORD_FIELDS),
        "properties": {field.name: field_schema(field) for field in FIELDS},
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


def arrow_name(field: Field) -> str:
    """The field's Parquet (Arrow) type, e.g. `list<string>` (pipelines/export/parquet.py)."""
    if field.kind == "strings":
        return "list<string>"
    if field.kind == "table":
        return "list<struct<" + ", ".join(f"{c.name}: {arrow_name(c)}"
                                          for c in field.columns) + ">>"
    return field.arrow


def files_section() -> str:
    """How the fields land in each export file, from the field table."""
    tables = [f for f in FIELDS if f.kind == "table"]
    typed = {}  # Parquet type -> fields, for every field that is not a plain string
    for field in FIELDS:
        if arrow_name(field) != "string":
            typed.setdefault(arrow_name(field), []).append(field.name)
    parquet = "; ".join(f"{', '.join(names)}: `{kind}`" for kind, names in typed.items())
    rows = [
        ("articles.jsonl", "record", "every field, lists nested, in the order above"),
        ("articles.csv", "record", (
            f"every field but {', '.join(f.name for f in tables if not f.doc.flat)}; lists of "
            "strings joined with `; `"
            + "".join(f"; {f.name}: the items' {f.doc.flat} joined with `; `"
                      for f in tables if f.doc.flat))),
        *((f.csv, f"item of {f.name}", ", ".join((*CHILD_KEY_COLUMNS,
                                                   *(c.name for c in f.columns))))
          for f in tables),
        ("articles.parquet", "record", f"every field; {parquet}; the others `string`"),
    ]
    return "\n".join([
        "## Files", "", "| file | one row per | columns |", "|---|---|---|",
        *(f"| {name} | {per} | {columns} |" for name, per, columns in rows), "",
        ("CSV: `position` is the item's 0-based index in its list, and the item files join "
         "`articles.csv` on `id`; an empty cell is null, booleans are `true` / `false`; a "
         "cell starting with `=` `+` `-` `@`, TAB, CR or `'` gets a leading `'` so that no "
         "spreadsheet runs it (drop one leading `'` to read it back)."), ""])


def data_dictionary() -> str:
    lines = [f"# Data dictionary (schema version {SCHEMA_VERSION})", "",
             ("Generated from the field table in `cleaners/record_fields.py` "
              "(`python -m cleaners.schema > docs/data-dictionary.md`)."), "",
             "| field | type | meaning | example |", "|---|---|---|---|"]
    for field in FIELDS:
        kind = field_schema(field).get("type", "enum")
        kind = " or ".join(kind) if isinstance(kind, list) else kind
        shown = json.dumps(field.doc.example, ensure_ascii=False).replace("|", "\\|")
        text = field.doc.text.replace("|", "/")
        lines.append(f"| {field.name} | {kind} | {text} | `{shown}` |")
    records = "\n".join(f"| {r} | {when} | {fields} |" for r, when, fields in ARCHIVE_RECORDS)
    return ("\n".join(lines) + "\n\n" + files_section()
            + ARCHIVE_DICTIONARY.format(records=records))


if __name__ == "__main__":
    import sys

    # `python -m cleaners.schema` writes the data dictionary (docs/data-dictionary.md);
    # `--json` the JSON Schema (schema.json).
    if sys.argv[1:] == ["--json"]:
        sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    elif sys.argv[1:]:
        sys.exit("usage: python -m cleaners.schema [--json]")
    else:
        sys.stdout.write(data_dictionary())
