"""articles.csv, related_links.csv and teasers.csv (joined on `id`).

RFC 4180 as the csv module writes it: UTF-8, QUOTE_MINIMAL, "\r\n" between rows; newlines
inside a cell are kept (the cell is quoted). Empty cell = null. Booleans are `true`/`false`.
`position` is the 0-based index in the record's list, as in JSON and Parquet.

Formula injection: a cell starting with = + - @ TAB or CR would be run by a spreadsheet, so
it gets a leading `'` (FIELD-NOTES: common escapers miss TAB and CR). A cell that already
starts with `'` gets one too, which makes the escape exactly reversible: `csv_unescape`
drops one leading `'` from any cell that has one.
"""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..fields import ARTICLE_CSV_FIELDS, LINK_FIELDS, LIST_FIELDS, TEASER_FIELDS
from .partfile import PartFile

ARTICLES, RELATED_LINKS, TEASERS = "articles.csv", "related_links.csv", "teasers.csv"
FILENAMES = (ARTICLES, RELATED_LINKS, TEASERS)
LIST_SEPARATOR = "; "

_ESCAPE_FIRST = frozenset("=+-@\t\r'")


def csv_escape(text: str) -> str:
    return "'" + text if text and text[0] in _ESCAPE_FIRST else text


def csv_unescape(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" else cell


def cell(value: Any) -> str:
    """One scalar as a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_escape(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_escape(str(value))


def list_cell(values: Any) -> str:
    if not values:
        return ""
    return csv_escape(LIST_SEPARATOR.join(str(v) for v in values))


_ARTICLE_CELLS: tuple[tuple[str, Callable[[Any], str]], ...] = tuple(
    (name, list_cell if name in LIST_FIELDS else cell) for name in ARTICLE_CSV_FIELDS)


class CsvWriter:
    def __init__(self, run_dir: Path, excel: bool = False):
        # utf-8-sig writes the BOM that makes Excel read UTF-8 rather than the ANSI code page.
        encoding = "utf-8-sig" if excel else "utf-8"
        self.files = [PartFile(run_dir / name, text=True, encoding=encoding)
                      for name in FILENAMES]
        articles, links, teasers = (
            csv.writer(f.fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            for f in self.files)
        articles.writerow(ARTICLE_CSV_FIELDS)
        links.writerow(("id", "position", *LINK_FIELDS))
        teasers.writerow(("id", "position", *TEASER_FIELDS))
        self._articles, self._links, self._teasers = articles, links, teasers

    def write(self, record: dict) -> None:
        rid = cell(record["id"])
        self._articles.writerow([conv(record.get(name)) for name, conv in _ARTICLE_CELLS])
        if record.get("related_links"):
            self._links.writerows(
                [rid, i, cell(link.get("rel")), cell(link.get("title")), cell(link.get("url"))]
                for i, link in enumerate(record["related_links"]))
        if record.get("teasers"):
            self._teasers.writerows(
                [rid, i, cell(t.get("title")), cell(t.get("snippet")),
                 cell(t.get("truncated")), cell(t.get("url"))]
                for i, t in enumerate(record["teasers"]))

    def commit(self) -> list[Path]:
        return [f.commit() for f in self.files]

    def abort(self) -> None:
        for f in self.files:
            f.abort()
