"""One call from a run folder to tidy pandas DataFrames:

    from pipelines.load import load_run
    run = load_run("output")            # output/latest; or a run folder, or output/latest
    run.articles, run.related_links, run.teasers, run.authors, run.reviewed_by, run.references,
    run.summary

Reads `articles.parquet` when the run has it (exact), else the CSV files (formula
escaping reversed with csv_unescape; an empty cell is missing). The frames have the same
columns and dtypes whatever the source:

- `string` (missing = `<NA>`): id, url, canonical_url, site, title, body, body_html,
  language, content_hash, run_id, extractor, page_kind; rel, snippet;
- `datetime64[us, UTC]`: published, modified, last_reviewed, fetched_at (a bare date is
  midnight UTC;
  unparsable or missing = `NaT`);
- `Int64` (nullable): word_count, http_status, position;
- `boolean` (nullable): truncated;
- `object`, a Python list of str per row (`[]` when none): authors (the names), breadcrumbs,
  warnings, schema_types, about.

`articles` has one row per record (the record fields but related_links and teasers);
`related_links` (id, position, rel, title, url) and `teasers` (id, position, title, snippet,
truncated, url), `authors` (id, position, name, url: the bylines with their links),
`reviewed_by` (id, position, name, credentials, url) and `references` (id,
position, text, url, doi, pmid) one row per list item, joined on `id`, `position` 0-based. A
run written before record schema 2 loads with those columns and tables empty; a run written
while authors were plain names loads its names, with an `authors` table of names and no
links from Parquet and an empty one from CSV (it has no authors.csv). From CSV, a list
item that itself contains "; " cannot be told from two items (Parquet has no such limit).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from cleaners.record_fields import (
    ARTICLE_CSV_FIELDS,
    CHILD_KEY_COLUMNS,
    CHILD_TABLES,
    DATE_FIELDS,
    FIELD,
    FLAT_FIELDS,
    INT_FIELDS,
    LIST_FIELDS,
    NESTED_FIELDS,
)

from .export.csvfiles import ARTICLES, LIST_SEPARATOR, csv_unescape
from .export.parquet import FILENAME as PARQUET
from .export.run_files import LATEST, SUMMARY_FILENAME

# dtypes by field (cleaners/record_fields.py); `position` is the child tables' own column.
INT_COLUMNS = (*INT_FIELDS, "position")
BOOL_COLUMNS = tuple(dict.fromkeys(c.name for name in NESTED_FIELDS
                                   for c in FIELD[name].columns if c.kind == "boolean"))
# (record field, CSV file, item fields) of every list-of-dict table
ITEM_TABLES = CHILD_TABLES
DATETIME_DTYPE = "datetime64[us, UTC]"


@dataclass(frozen=True)
class Run:
    path: Path  # the run folder the frames came from (`latest` resolved)
    articles: pd.DataFrame
    related_links: pd.DataFrame
    teasers: pd.DataFrame
    summary: dict | None  # run.json; None when the folder has none (a crashed run)
    reviewed_by: pd.DataFrame | None = None
    references: pd.DataFrame | None = None
    authors: pd.DataFrame | None = None


def resolve_run_dir(path: str | Path) -> Path:
    """A run folder as given; an output folder means its `latest` run."""
    path = Path(path)
    if any((path / name).is_file() for name in (SUMMARY_FILENAME, PARQUET, ARTICLES)):
        return path.resolve()
    if (path / LATEST).is_dir():
        return (path / LATEST).resolve()
    raise FileNotFoundError(f"{path} is neither a run folder nor an output folder with a "
                            f"`{LATEST}` run")


def load_run(path: str | Path = "output",
             source: Literal["auto", "parquet", "csv"] = "auto") -> Run:
    run_dir = resolve_run_dir(path)
    use_parquet = source == "parquet" or (source == "auto" and (run_dir / PARQUET).is_file())
    articles, tables = _from_parquet(run_dir / PARQUET) if use_parquet else _from_csv(run_dir)
    summary_path = run_dir / SUMMARY_FILENAME
    summary = json.loads(summary_path.read_text("utf-8")) if summary_path.is_file() else None
    frames = {name: _typed(t) for (name, _file, _columns), t in zip(ITEM_TABLES, tables,
                                                                      strict=True)}
    return Run(run_dir, _typed(articles), frames["related_links"], frames["teasers"], summary,
               frames["reviewed_by"], frames["references"], frames["authors"])


# -- sources -------------------------------------------------------------------------------
def _from_parquet(path: Path) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    table = pq.read_table(path)
    present = set(table.schema.names)  # a schema-1 file lacks the health fields
    scalars = [f for f in ARTICLE_CSV_FIELDS
               if f not in LIST_FIELDS and f not in FLAT_FIELDS and f in present]
    articles = table.select(scalars).to_pandas()
    for name in LIST_FIELDS:  # to_pandas would give numpy arrays
        articles[name] = ([list(v) if v is not None else [] for v in
                           table.column(name).to_pylist()] if name in present
                          else [[] for _ in range(table.num_rows)])
    for name, key in FLAT_FIELDS.items():
        articles[name] = ([[i[key] if isinstance(i, dict) else i for i in v or ()]
                           for v in table.column(name).to_pylist()] if name in present
                          else [[] for _ in range(table.num_rows)])
    articles = articles.reindex(columns=list(ARTICLE_CSV_FIELDS))
    ids = table.column("id").to_numpy(zero_copy_only=False)
    tables = [_explode(_as_structs(table.column(name), fields), ids, fields)
              if name in present else pd.DataFrame(columns=[*CHILD_KEY_COLUMNS, *fields])
              for name, _file, fields in ITEM_TABLES]
    return articles, tables


def _as_structs(column: pa.ChunkedArray, fields: tuple[str, ...]) -> pa.ChunkedArray:
    """A list<string> column written while authors were plain names, as list<struct> with
    the name in the first field and the others null."""
    if not pa.types.is_string(column.type.value_type):
        return column
    rows = [None if v is None else [{fields[0]: s} for s in v] for v in column.to_pylist()]
    struct = pa.struct([(f, pa.string()) for f in fields])
    return pa.chunked_array([pa.array(rows, pa.list_(struct))])


def _explode(column: pa.ChunkedArray, ids: np.ndarray,
             fields: tuple[str, ...]) -> pd.DataFrame:
    """A list<struct> column as one row per item: id, position, then the struct's fields."""
    lists = column.combine_chunks() if column.num_chunks else pa.array([], column.type)
    lengths = pc.fill_null(pc.list_value_length(lists), 0).to_numpy().astype(np.int64)
    items = pc.list_flatten(lists)
    starts = np.cumsum(lengths) - lengths
    frame = pd.DataFrame({
        "id": np.repeat(ids, lengths),
        "position": np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(starts, lengths),
    })
    for name in fields:
        frame[name] = items.field(name).to_pandas()
    return frame


def _from_csv(run_dir: Path) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    articles = _read_csv(run_dir / ARTICLES, ARTICLE_CSV_FIELDS)
    for name in (*LIST_FIELDS, *FLAT_FIELDS):
        articles[name] = [text.split(LIST_SEPARATOR) if isinstance(text, str) else []
                          for text in articles[name]]
    tables = [_read_csv(run_dir / file, (*CHILD_KEY_COLUMNS, *fields)) if (run_dir / file).is_file()
              else pd.DataFrame(columns=[*CHILD_KEY_COLUMNS, *fields])
              for _name, file, fields in ITEM_TABLES]
    return articles, tables


def _read_csv(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    # Every cell as text (no type guessing, no "NA" -> NaN), the BOM of --excel files
    # skipped; then the formula escape undone and empty cells made missing.
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame = frame.reindex(columns=list(columns))
    for name in frame.columns:
        frame[name] = [csv_unescape(v) if isinstance(v, str) and v else None
                       for v in frame[name]]
    return frame


# -- dtypes --------------------------------------------------------------------------------
def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for name in frame.columns:
        if name in LIST_FIELDS or name in NESTED_FIELDS:
            continue
        if name in DATE_FIELDS:
            frame[name] = pd.to_datetime(frame[name], utc=True, format="ISO8601",
                                         errors="coerce").astype(DATETIME_DTYPE)
        elif name in INT_COLUMNS:
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("Int64")
        elif name in BOOL_COLUMNS:
            frame[name] = frame[name].map(_bool, na_action="ignore").astype("boolean")
        else:
            frame[name] = frame[name].astype("string")
    return frame


def _bool(value: object) -> bool | None:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    return {"true": True, "false": False}.get(str(value).lower())
