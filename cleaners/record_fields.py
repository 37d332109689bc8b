"""The article record (schema version 2), defined once.

`Record` is the typed record: a TypedDict, so at run time it is the plain dict that Scrapy
items, orjson and the store pass around. Each field's annotation carries its meaning and
export hints (`Doc`); `FIELDS` reads them back as a table, from which everything else that
knows the record's shape is derived:

- the JSON Schema and the data dictionary (cleaners/schema.py; `schema.json` and
  `data-dictionary.md` beside every export, `python -m cleaners.schema` for the docs),
- the CSV layout: `articles.csv` columns (`ARTICLE_CSV_FIELDS`, lists of strings joined) and
  one child file per list of objects (`CHILD_TABLES`: teasers.csv, ...); a list of objects
  with `Doc(flat=key)` (authors) keeps an articles.csv column of that key too (`FLAT_FIELDS`),
- the Parquet types (`Field.arrow`, turned into pyarrow types by pipelines/export/parquet.py),
- the store's queryable columns beside the JSON record (`STORE_COLUMNS`),
- the loader's dtypes and what the change log ignores (`DATE_FIELDS`, `FETCH_FIELDS`).

Adding a field means adding one annotated line to `Record` (and filling it in
cleaners/record.py); a stored record without it gets it from a store migration.
"""
from __future__ import annotations

import typing
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Literal, TypedDict

SCHEMA_VERSION = 2

_NO_EXAMPLE = object()


@dataclass(frozen=True)
class Doc:
    """What a field means and how it is exported; attached to a field with Annotated."""

    text: str = ""
    example: Any = _NO_EXAMPLE
    pattern: str | None = None  # JSON Schema constraints
    min_length: int | None = None
    minimum: int | None = None
    arrow: str | None = None  # Arrow type name of an integer ("int32"); default int64
    csv: str | None = None  # a list of objects: its own CSV file, one row per item
    # a list of objects that also keeps an articles.csv column: this item key "; "-joined
    flat: str | None = None
    date: bool = False  # an ISO 8601 date or timestamp kept as text (the loader parses it)
    store: bool = False  # also a column of the store's `articles` table, for queries
    fetch: bool = False  # describes the fetch, not the page: no change when only it differs


# -- the record ----------------------------------------------------------------------------
class RelatedLink(TypedDict):
    rel: Literal["prev", "next", "related"]
    title: str
    url: str | None


class Teaser(TypedDict):
    title: Annotated[str, Doc(min_length=1)]
    snippet: str
    truncated: bool
    url: str | None


class Author(TypedDict):
    name: Annotated[str, Doc(min_length=1)]
    url: str | None


class Reviewer(TypedDict):
    name: Annotated[str, Doc(min_length=1)]
    credentials: str | None
    url: str | None


class Reference(TypedDict):
    text: str
    url: str | None
    doi: str | None
    pmid: str | None


class Record(TypedDict):
    """One exported article; the fields in export (column) order."""

    id: Annotated[str, Doc(
        "Stable id: first 16 hex characters of sha256(canonical_url).", "3f9a0c1d2b4e5f67",
        pattern="^[0-9a-f]{16}$", store=True)]
    url: Annotated[str | None, Doc(
        "The URL as fetched (after redirects); null for offline text dumps.",
        "http://127.0.0.1:8765/keepto/2021/lumbar.html")]
    canonical_url: Annotated[str | None, Doc(
        "<link rel=canonical> if present, else the normalized url.",
        "http://127.0.0.1:8765/keepto/2021/lumbar.html", store=True)]
    site: Annotated[str, Doc(
        "Site profile key, or the host for generic crawls.", "demo", store=True)]
    title: Annotated[str, Doc(
        "Article headline, normalized.", "Lumbar disc herniation and leg weakness")]
    body: Annotated[str, Doc(
        ("Main text only; paragraphs (headings too) joined by a blank line (\\n\\n). Never "
         "contains navigation or teaser text."),
        "In life, many of our friends will experience leg weakness or pain. ...")]
    body_html: Annotated[str | None, Doc(
        ("The body as sanitized HTML (allow-listed tags, absolute links, no "
         "script/style/iframe/event handlers)."), "<p>In life, ...</p>")]
    related_links: Annotated[list[RelatedLink], Doc(
        ("Previous/next arrows and related links in page order; url null when the page does "
         "not link it."),
        [{"rel": "prev", "title": "Lumbar disc herniation fusion surgery", "url": None}],
        csv="related_links.csv")]
    teasers: Annotated[list[Teaser], Doc(
        ("Recommend / related blocks in page order: title, snippet (without a trailing "
         "ellipsis), truncated, url."),
        [{"title": "Thermos scale", "snippet": "Thermos in daily life is a common tool for "
          "holdin", "truncated": True, "url": None}], csv="teasers.csv")]
    language: Annotated[str | None, Doc("BCP 47 language code.", "en")]
    published: Annotated[str | None, Doc(
        "Publication date, ISO 8601 as the page gives it.", "2024-05-12T08:00:00+00:00",
        date=True)]
    modified: Annotated[str | None, Doc(
        "Last modification date, ISO 8601.", None, date=True)]
    authors: Annotated[list[Author], Doc(
        ("Bylines in page order: name and profile link (JSON-LD author url / @id, microdata, "
         "rel=author or byline link; null when the page links none). CSV: the names "
         "\"; \"-joined in articles.csv, and authors.csv with the links."),
        [{"name": "Dr. Jane Roe", "url": "https://example.org/authors/jane-roe/"}],
        csv="authors.csv", flat="name")]
    breadcrumbs: Annotated[list[str], Doc("Breadcrumb trail.", ["Home", "Orthopedics"])]
    last_reviewed: Annotated[str | None, Doc(
        ("Date of the last medical review (JSON-LD lastReviewed or a visible \"reviewed … on "
         "DATE\" line)."), "2024-02-20", date=True)]
    reviewed_by: Annotated[list[Reviewer], Doc(
        ("Medical reviewers and fact checkers: JSON-LD reviewedBy (on the article or its "
         "mainEntityOfPage) or a visible \"Medically reviewed by\" / \"Fact checked by\" / "
         "\"Geprüft von\" line; CSV: reviewed_by.csv."),
        [{"name": "Jane Roe", "credentials": "MD", "url": None}],
        csv="reviewed_by.csv")]
    references: Annotated[list[Reference], Doc(
        ("The article's own source list (JSON-LD citation or a Sources / Quellen / Références "
         "/ Fuentes / Источники / 参考文献 list), in page order; CSV: references.csv. The list "
         "also stays in body when the page prints it inside the article."),
        [{"text": "Smith A. Migraine today. 2021.", "url": None, "doi": "10.1234/abc",
          "pmid": None}], csv="references.csv")]
    medical_disclaimer: Annotated[str | None, Doc(
        ("The page's health disclaimer (\"does not replace medical advice\"), removed from "
         "body."), "This article does not replace medical advice.")]
    schema_types: Annotated[list[str], Doc(
        "The JSON-LD @types on the page, in page order.", ["MedicalWebPage", "BreadcrumbList"])]
    about: Annotated[list[str], Doc(
        "Conditions, drugs, procedures the JSON-LD names as the page's `about`.", ["Migraine"])]
    word_count: Annotated[int, Doc(
        "Words in body (CJK: characters).", 412, minimum=0, arrow="int32")]
    content_hash: Annotated[str, Doc(
        "sha256 of title + blank line + body; changes when the text changes.",
        "9c1185a5c5e9fc54612808977ee8f548b2258d31a0c1e8a3f0b1e3f0c0d1e2f3",
        pattern="^[0-9a-f]{64}$", store=True)]
    fetched_at: Annotated[str, Doc(
        "When the page was fetched, ISO 8601 UTC.", "2026-11-26T12:15:00Z", date=True,
        fetch=True)]
    http_status: Annotated[int | None, Doc(
        "HTTP status; null for offline extraction.", 200, arrow="int16", fetch=True)]
    run_id: Annotated[str, Doc(
        "The run that produced the record.", "20261126T121500Z-ab12", fetch=True)]
    extractor: Annotated[str, Doc(
        "`profile:<site>`, `generic` or `learned:<host>` (a template a generic crawl learned "
        "from the host's pages), plus the package version.",
        "profile:demo-keepto 0.1.0")]
    warnings: Annotated[list[str], Doc(
        "Extraction warnings, e.g. boilerplate_leak, no_body_selector_match, charset_guessed, "
        "charset_errors.",
        [])]
    page_kind: Annotated[Literal["article", "listing", "home", "other"], Doc(
        ("What the page is (cleaners/page_kind.py): crawl records are always `article`; "
         "`healthcrawl extract` also writes lines for listing, home and other pages."),
        "article")]


# -- the table read back from the annotations ---------------------------------------------
_SCALARS = {str: "string", int: "integer", bool: "boolean"}
_ARROW = {"string": "string", "integer": "int64", "boolean": "bool", "enum": "string"}


@dataclass(frozen=True)
class Field:
    """One row of the field table. `kind`: string, integer, boolean, enum (a string from
    `choices`), strings (a list of strings) or table (a list of objects with `columns`)."""

    name: str
    kind: str
    nullable: bool
    doc: Doc
    choices: tuple[str, ...] = ()
    columns: tuple[Field, ...] = ()

    @property
    def arrow(self) -> str:
        """Arrow type name of a scalar field (lists are built from their items)."""
        return self.doc.arrow or _ARROW[self.kind]

    @property
    def csv(self) -> str | None:
        return self.doc.csv


def fields_of(typed_dict: type) -> tuple[Field, ...]:
    hints = typing.get_type_hints(typed_dict, include_extras=True)
    return tuple(_field(name, hint) for name, hint in hints.items())


def _field(name: str, hint: Any) -> Field:
    doc = Doc()
    if typing.get_origin(hint) is Annotated:
        hint, doc = hint.__origin__, hint.__metadata__[0]
    nullable = False
    if typing.get_origin(hint) in (UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        nullable, hint = True, args[0]
        if len(args) != 1:
            raise TypeError(f"record field {name}: only `T | None` unions are supported")
    if hint in _SCALARS:
        return Field(name, _SCALARS[hint], nullable, doc)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Literal:
        return Field(name, "enum", nullable, doc, choices=args)
    if origin is list and args[0] is str:
        return Field(name, "strings", nullable, doc)
    if origin is list and typing.is_typeddict(args[0]) and doc.csv:
        return Field(name, "table", nullable, doc, columns=fields_of(args[0]))
    raise TypeError(f"record field {name}: unsupported type {hint!r} (a list of objects "
                    "needs Doc(csv=...))")


FIELDS: tuple[Field, ...] = fields_of(Record)
_UNDOCUMENTED = [f.name for f in FIELDS if not f.doc.text or f.doc.example is _NO_EXAMPLE]
if _UNDOCUMENTED:  # the data dictionary shows a meaning and an example for every field
    raise TypeError(f"record fields without Doc(text, example): {_UNDOCUMENTED}")
FIELD: dict[str, Field] = {f.name: f for f in FIELDS}
# Column order of the exports; lists stay nested in JSON and Parquet, flattened in CSV.
RECORD_FIELDS: tuple[str, ...] = tuple(FIELD)
# Lists of objects: their own CSV files (joined on id), list<struct> in Parquet.
NESTED_FIELDS = tuple(f.name for f in FIELDS if f.kind == "table")
# Lists of strings: "; "-joined in articles.csv, list<string> in Parquet.
LIST_FIELDS = tuple(f.name for f in FIELDS if f.kind == "strings")
INT_FIELDS = tuple(f.name for f in FIELDS if f.kind == "integer")
DATE_FIELDS = tuple(f.name for f in FIELDS if f.doc.date)
FETCH_FIELDS = tuple(f.name for f in FIELDS if f.doc.fetch)
ARTICLE_CSV_FIELDS = tuple(f.name for f in FIELDS if f.kind != "table" or f.doc.flat)
# Lists of objects that keep a flat articles.csv column too: field -> the item key joined
# there (authors -> names, as before authors were objects).
FLAT_FIELDS: dict[str, str] = {f.name: f.doc.flat for f in FIELDS if f.doc.flat}
# (record field, CSV file, item columns) of each child table; the file's columns are
# `id`, `position` (0-based index in the list), then the item columns.
CHILD_TABLES: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (f.name, f.doc.csv or "", tuple(c.name for c in f.columns)) for f in FIELDS
    if f.kind == "table")
CHILD_KEY_COLUMNS = ("id", "position")
# The store's `articles` columns that copy a record field (pipelines/store/schema.py).
STORE_COLUMNS = tuple(f.name for f in FIELDS if f.doc.store)


def child_columns(field: str) -> tuple[str, ...]:
    """The item columns of a list-of-objects field (without id and position)."""
    return tuple(c.name for c in FIELD[field].columns)
