"""articles.csv, related_links.csv, teasers.csv, reviewed_by.csv and references.csv (joined
on `id`).

RFC 4180, byte for byte what `csv.writer(quoting=QUOTE_MINIMAL, lineterminator="\r\n")`
writes (tests/test_csv_writer.py proves it over adversarial values): UTF-8, "\r\n" between
rows; newlines inside a cell are kept (the cell is quoted). Empty cell = null. Booleans are
`true`/`false`. `position` is the 0-based index in the record's list, as in JSON and Parquet.

The rows are quoted here, not by the csv module: it inspects every character of every cell
through its dialect machinery and was ~75% of export time; the rule it applies is short
(`row_text`), and str methods that scan in C do it ~10x faster on article-sized cells.

Formula injection: a cell starting with = + - @ TAB or CR would be run by a spreadsheet, so
it gets a leading `'` (common escapers miss TAB and CR). A cell that already
starts with `'` gets one too, which makes the escape exactly reversible: `csv_unescape`
drops one leading `'` from any cell that has one.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..fields import (
    ARTICLE_CSV_FIELDS,
    LINK_FIELDS,
    REFERENCE_FIELDS,
    REVIEWER_FIELDS,
    TEASER_FIELDS,
)
from .atomic import PartFile

ARTICLES, RELATED_LINKS, TEASERS = "articles.csv", "related_links.csv", "teasers.csv"
REVIEWERS, REFERENCES = "reviewed_by.csv", "references.csv"
FILENAMES = (ARTICLES, RELATED_LINKS, TEASERS, REVIEWERS, REFERENCES)
# the list-of-dict fields written as row tables by the generic path of CsvWriter.write
_ITEM_TABLES = (("reviewed_by", REVIEWER_FIELDS), ("references", REFERENCE_FIELDS))
LIST_SEPARATOR = "; "

_ESCAPE_FIRST = frozenset("=+-@\t\r'")


def csv_escape(text: str) -> str:
    return "'" + text if text and text[0] in _ESCAPE_FIRST else text


def csv_unescape(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" else cell


def quote(text: str) -> str:
    """One field as csv.writer QUOTE_MINIMAL writes it with the excel dialect: quoted when it
    holds the delimiter, the quote character (doubled inside) or a line-break character."""
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


def cell(value: Any) -> str:
    """One value as its CSV field, formula-escaped and quoted: None -> empty, booleans ->
    true/false, a list of strings -> "; "-joined. One call per cell: this runs ~25 times per
    record, so the type tests are inlined rather than split into helpers."""
    if value is None:
        return ""
    if value.__class__ is str:
        text = value
    elif value is True or value is False:
        return "true" if value else "false"
    elif isinstance(value, list):
        if not value:
            return ""
        text = LIST_SEPARATOR.join([str(v) for v in value])
    else:
        text = str(value)
    if text and text[0] in _ESCAPE_FIRST:
        text = "'" + text
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


def row_text(cells: Iterable[str]) -> str:
    """One row of already escaped text cells, quoted, "\r\n"-terminated. Like csv.writer, a
    row of a single empty field is written as `""`, or it would read back as no row at all."""
    fields = [quote(c) for c in cells]
    if len(fields) == 1 and not fields[0]:
        return '""\r\n'
    return ",".join(fields) + "\r\n"


class CsvWriter:
    def __init__(self, run_dir: Path, excel: bool = False):
        # utf-8-sig writes the BOM that makes Excel read UTF-8 rather than the ANSI code page.
        encoding = "utf-8-sig" if excel else "utf-8"
        self.files = [PartFile(run_dir / name, text=True, encoding=encoding)
                      for name in FILENAMES]
        self._articles, self._links, self._teasers, *items = (f.fh.write for f in self.files)
        self._items = list(zip(_ITEM_TABLES, items, strict=True))
        self._articles(row_text(ARTICLE_CSV_FIELDS))
        self._links(row_text(("id", "position", *LINK_FIELDS)))
        self._teasers(row_text(("id", "position", *TEASER_FIELDS)))
        for (_name, fields), write in self._items:
            write(row_text(("id", "position", *fields)))

    def write(self, record: dict) -> None:
        get = record.get
        self._articles(",".join([cell(get(name)) for name in ARTICLE_CSV_FIELDS]) + "\r\n")
        # One write per file and record: the rows of a record's lists are joined first.
        links, teasers = get("related_links"), get("teasers")
        if links or teasers:
            rid = cell(record["id"])
        if links:
            self._links("".join(
                f"{rid},{i},{cell(link.get('rel'))},{cell(link.get('title'))},"
                f"{cell(link.get('url'))}\r\n"
                for i, link in enumerate(links)))
        if teasers:
            self._teasers("".join(
                f"{rid},{i},{cell(t.get('title'))},{cell(t.get('snippet'))},"
                f"{cell(t.get('truncated'))},{cell(t.get('url'))}\r\n"
                for i, t in enumerate(teasers)))
        for (name, fields), write in self._items:
            items = get(name)
            if items:
                rid = cell(record["id"])
                write("".join(f"{rid},{i}," + ",".join([cell(it.get(f)) for f in fields])
                              + "\r\n" for i, it in enumerate(items)))

    def commit(self) -> list[Path]:
        return [f.commit() for f in self.files]

    def abort(self) -> None:
        for f in self.files:
            f.abort()
