"""articles.csv, related_links.csv, teasers.csv, authors.csv, reviewed_by.csv and
references.csv (joined on `id`). authors is also a column of articles.csv: the names
"; "-joined, as before authors carried links (`FLAT_FIELDS`).

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

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from cleaners.record_fields import (
    ARTICLE_CSV_FIELDS,
    CHILD_KEY_COLUMNS,
    CHILD_TABLES,
    FLAT_FIELDS,
)

from .atomic import PartFile

ARTICLES = "articles.csv"
# One file per list-of-objects field (cleaners/record_fields.py), joined on id.
CHILD_FILES = {name: file for name, file, _columns in CHILD_TABLES}
RELATED_LINKS, TEASERS = CHILD_FILES["related_links"], CHILD_FILES["teasers"]
REVIEWERS, REFERENCES = CHILD_FILES["reviewed_by"], CHILD_FILES["references"]
AUTHORS = CHILD_FILES["authors"]
FILENAMES = (ARTICLES, *CHILD_FILES.values())
# (field, item key) per articles.csv column; the key is None for a plain field
_ARTICLE_COLUMNS = tuple((name, FLAT_FIELDS.get(name)) for name in ARTICLE_CSV_FIELDS)
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


def row_formatter(columns: tuple[str, ...]) -> Callable[[str, int, dict], str]:
    """`(rid, position, item) -> row` for one child table, compiled once from its columns
    into one f-string (what hand-written formatters were): looping over the columns per
    item measured ~30% slower on related_links + teasers rows."""
    if not all(c.isidentifier() for c in columns):
        raise ValueError(f"not a column name: {columns!r}")
    cells = ",".join(f'{{cell(item.get("{c}"))}}' for c in columns)
    return eval(f"lambda rid, i, item: f'{{rid}},{{i}},{cells}\\r\\n'", {"cell": cell})


_ROW_FORMATTERS = {name: row_formatter(columns) for name, _file, columns in CHILD_TABLES}


class CsvWriter:
    def __init__(self, run_dir: Path, excel: bool = False):
        # utf-8-sig writes the BOM that makes Excel read UTF-8 rather than the ANSI code page.
        encoding = "utf-8-sig" if excel else "utf-8"
        self.files = [PartFile(run_dir / name, text=True, encoding=encoding)
                      for name in FILENAMES]
        self._articles, *children = (f.fh.write for f in self.files)
        self._children = [(name, _ROW_FORMATTERS[name], write)
                          for (name, _f, _c), write in zip(CHILD_TABLES, children, strict=True)]
        self._articles(row_text(ARTICLE_CSV_FIELDS))
        for (_name, _file, columns), write in zip(CHILD_TABLES, children, strict=True):
            write(row_text((*CHILD_KEY_COLUMNS, *columns)))

    def write(self, record: dict) -> None:
        get = record.get
        self._articles(",".join([
            cell(get(name)) if key is None else cell([item[key] for item in get(name) or ()])
            for name, key in _ARTICLE_COLUMNS]) + "\r\n")
        # One write per file and record: the rows of a record's list are joined first.
        for name, row, write in self._children:
            items = get(name)
            if items:
                rid = cell(record["id"])
                write("".join([row(rid, i, item) for i, item in enumerate(items)]))

    def commit(self) -> list[Path]:
        return [f.commit() for f in self.files]

    def abort(self) -> None:
        for f in self.files:
            f.abort()
