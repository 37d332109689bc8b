"""Exporter writers on real files, read back with pandas/pyarrow: every format equals the
input records, CSV escaping is exact and reversible, and files appear only when complete."""
from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import orjson
import pandas as pd
import pyarrow.parquet as pq
import pytest

from cleaners.record_fields import RECORD_FIELDS
from pipelines.export import (
    FORMAT_FILES,
    PARQUET_SCHEMA,
    Exporter,
    csv_escape,
    csv_unescape,
    parse_formats,
)
from pipelines.fields import ARTICLE_CSV_FIELDS, LIST_FIELDS
from pipelines.synthetic import FORMULA_STRINGS, synthetic_record, tricky_records

ALL_FILES = sorted(name for names in FORMAT_FILES.values() for name in names)
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def export(run_dir: Path, records: list[dict], **kwargs) -> dict[str, Path]:
    exporter = Exporter(run_dir, **kwargs)
    for record in records:
        exporter.write(record)
    return exporter.close()


def as_cell(value) -> str:
    """What a JSON value looks like in CSV once csv_unescape() is applied."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):  # authors: their names
        return "; ".join(v["name"] if isinstance(v, dict) else v for v in value)
    return str(value)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, list[dict]]:
    run_dir = tmp_path_factory.mktemp("run")
    records = tricky_records() + [synthetic_record(i) for i in range(3)]
    paths = export(run_dir, records, row_group_size=5)
    assert sorted(paths) == ALL_FILES
    return run_dir, records


def test_only_final_files(exported) -> None:
    run_dir, _ = exported
    assert sorted(p.name for p in run_dir.iterdir()) == ALL_FILES


def test_jsonl_round_trip(exported) -> None:
    run_dir, records = exported
    lines = (run_dir / "articles.jsonl").read_bytes().split(b"\n")
    assert lines[-1] == b""  # every line, the last included, ends with \n
    assert [orjson.loads(line) for line in lines[:-1]] == records
    assert list(orjson.loads(lines[0])) == list(RECORD_FIELDS)  # schema order


def test_articles_csv_equals_jsonl(exported) -> None:
    run_dir, records = exported
    df = pd.read_csv(run_dir / "articles.csv", keep_default_na=False, dtype=str)
    assert list(df.columns) == list(ARTICLE_CSV_FIELDS)
    assert len(df) == len(records)
    for row, record in zip(df.to_dict("records"), records, strict=True):
        for name in ARTICLE_CSV_FIELDS:
            assert csv_unescape(row[name]) == as_cell(record[name]), (name, row[name])
    # Each formula-like title is in the file with one leading quote.
    titles = df["title"].tolist()
    for text in FORMULA_STRINGS:
        assert "'" + text in titles
    # Types survive pandas' own inference too.
    inferred = pd.read_csv(run_dir / "articles.csv", keep_default_na=False)
    assert inferred["word_count"].dtype == np.int64


def test_nested_csv_equal_jsonl(exported) -> None:
    run_dir, records = exported
    links = pd.read_csv(run_dir / "related_links.csv", keep_default_na=False, dtype=str)
    teasers = pd.read_csv(run_dir / "teasers.csv", keep_default_na=False, dtype=str)
    assert list(links.columns) == ["id", "position", "rel", "title", "url"]
    assert list(teasers.columns) == ["id", "position", "title", "snippet", "truncated", "url"]
    want_links = [[r["id"], str(i), *(as_cell(link[k]) for k in ("rel", "title", "url"))]
                  for r in records for i, link in enumerate(r["related_links"])]
    want_teasers = [[r["id"], str(i), *(as_cell(t[k]) for k in
                                         ("title", "snippet", "truncated", "url"))]
                    for r in records for i, t in enumerate(r["teasers"])]
    unescape = np.vectorize(csv_unescape, otypes=[object])
    assert unescape(links.to_numpy()).tolist() == want_links
    assert unescape(teasers.to_numpy()).tolist() == want_teasers


@pytest.mark.parametrize(("name", "fields"), [
    ("reviewed_by", ("name", "credentials", "url")),
    ("references", ("text", "url", "doi", "pmid")),
])
def test_health_tables_equal_jsonl(exported, name, fields) -> None:
    run_dir, records = exported
    table = pd.read_csv(run_dir / f"{name}.csv", keep_default_na=False, dtype=str)
    assert list(table.columns) == ["id", "position", *fields]
    want = [[r["id"], str(i), *(as_cell(item[k]) for k in fields)]
            for r in records for i, item in enumerate(r[name])]
    assert want  # the fixture records carry health metadata
    unescape = np.vectorize(csv_unescape, otypes=[object])
    assert unescape(table.to_numpy()).tolist() == want


def test_no_csv_cell_starts_a_formula(exported) -> None:
    run_dir, _ = exported
    for name in ("articles.csv", "related_links.csv", "teasers.csv"):
        with open(run_dir / name, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for value in row:
                    assert not value.startswith(DANGEROUS), (name, value)


def test_csv_bytes_rfc4180(exported) -> None:
    run_dir, records = exported
    raw = (run_dir / "articles.csv").read_bytes()
    assert raw.startswith(b"id,url,canonical_url,site,title,body,") and raw.endswith(b"\r\n")
    assert not raw.startswith(b"\xef\xbb\xbf")
    # A body's own newline and CR stay inside a quoted cell, and quotes are doubled.
    assert b'"line one\nline two\n\n' in raw
    assert b'"crlf\r\ninside\n\n' in raw
    assert b'say ""hello"", then' in raw
    assert "中文标题：健康饮食".encode() in raw and "🩺".encode() in raw
    assert "a\u00a0b".encode() in raw


def test_parquet_equals_jsonl(exported) -> None:
    run_dir, records = exported
    path = run_dir / "articles.parquet"
    meta = pq.ParquetFile(path).metadata
    assert meta.num_rows == len(records)
    assert meta.num_row_groups == math.ceil(len(records) / 5)
    table = pq.read_table(path)
    # Parquet names list items "element" where Arrow says "item"; otherwise the same schema.
    assert [(f.name, str(f.type).replace("element", "item")) for f in table.schema] == \
        [(f.name, str(f.type)) for f in PARQUET_SCHEMA]
    assert table.schema.metadata == {b"healthcrawl.schema_version": b"2"}
    assert table.to_pylist() == records
    # The same through pandas: nested lists come back as arrays of dicts.
    df = pd.read_parquet(path)
    assert list(df.columns) == list(RECORD_FIELDS)
    got = [{k: _plain(v) for k, v in row.items()} for row in df.to_dict("records")]
    assert got == records


def _plain(value):
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.integer):
        return int(value)
    return value


def test_excel_bom(tmp_path: Path) -> None:
    records = tricky_records()[:3]
    export(tmp_path, records, formats=["csv"], csv_excel=True)
    for name in ("articles.csv", "related_links.csv", "teasers.csv"):
        assert (tmp_path / name).read_bytes().startswith(b"\xef\xbb\xbfid,")
    df = pd.read_csv(tmp_path / "articles.csv", keep_default_na=False, dtype=str,
                     encoding="utf-8-sig")
    assert list(df.columns)[0] == "id"
    assert [csv_unescape(t) for t in df["title"]] == [r["title"] for r in records]


def test_abort_leaves_only_part_files(tmp_path: Path) -> None:
    exporter = Exporter(tmp_path)
    for record in tricky_records():
        exporter.write(record)
    exporter.abort()
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{n}.part" for n in ALL_FILES]


def test_empty_export_is_valid(tmp_path: Path) -> None:
    export(tmp_path, [])
    assert (tmp_path / "articles.jsonl").read_bytes() == b""
    assert pd.read_csv(tmp_path / "teasers.csv").empty
    assert pq.read_table(tmp_path / "articles.parquet").num_rows == 0


def test_schema_fields_only(tmp_path: Path) -> None:
    record = {**synthetic_record(1), "source": "page.html"}
    del record["modified"]
    export(tmp_path, [record], formats="jsonl")
    line = orjson.loads((tmp_path / "articles.jsonl").read_bytes())
    assert list(line) == list(RECORD_FIELDS) and line["modified"] is None


def test_escape_rules() -> None:
    for text in ("=1", "+1", "-1", "@x", "\tx", "\rx", "'x"):
        assert csv_escape(text) == "'" + text
        assert csv_unescape(csv_escape(text)) == text
    for text in ("", "1", "a=b", " =x", "x-"):
        assert csv_escape(text) == text == csv_unescape(text)
    assert set(LIST_FIELDS) <= set(ARTICLE_CSV_FIELDS)


def test_parse_formats() -> None:
    assert parse_formats("jsonl, CSV ,parquet,jsonl") == ("jsonl", "csv", "parquet")
    assert parse_formats("") == ()
    assert parse_formats(["parquet"]) == ("parquet",)
    with pytest.raises(ValueError, match="xml"):
        parse_formats("jsonl,xml")
