"""The hand-written CSV writer: byte for byte what csv.writer(QUOTE_MINIMAL, "\\r\\n") writes
after the formula escaping, and values that survive pandas.read_csv exactly."""
from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

import orjson
import pandas as pd
import pytest

from pipelines.export import Exporter, csv_escape, csv_unescape
from pipelines.export.csvfiles import FILENAMES, LIST_SEPARATOR, row_text
from pipelines.fields import (
    ARTICLE_CSV_FIELDS,
    LINK_FIELDS,
    REFERENCE_FIELDS,
    REVIEWER_FIELDS,
    TEASER_FIELDS,
)
from pipelines.synthetic import FORMULA_STRINGS, ODD_STRINGS, synthetic_record

ADVERSARIAL: tuple[str | None, ...] = (
    *FORMULA_STRINGS, *ODD_STRINGS,
    '"', '""', ",", "\r", "\n", "\r\n", "a\rb", "a\nb", "\t", 'x,"y"', '"lead', "trail\"",
    "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)", "\u00a0", "\u00a0=1", "🩺", "推荐阅读，上一篇",
    "a\x00b", "a\u2028b", "a\x85b", " ", " =1", "'", "''", "", None,
)


def reference_cell(value) -> str | None:
    """How the csv-module exporter prepared a value: None stays None (csv writes it as an
    empty field), booleans true/false, string lists "; "-joined, then formula-escaped."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return csv_escape(LIST_SEPARATOR.join(value)) if value else ""
    return csv_escape(str(value))


def csv_module_text(rows) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def adversarial_records() -> list[dict]:
    """Every adversarial value in every text field of some record, lists included."""
    records = []
    for i, value in enumerate(ADVERSARIAL):
        record = synthetic_record(i)
        text = value or ""
        record.update(
            title=value, body=value, body_html=value, language=value, published=value,
            modified=value, url=value, extractor=value,
            authors=[{"name": text, "url": value}, {"name": text, "url": None}]
            if value is not None else [],
            breadcrumbs=[text] if i % 2 else [],
            related_links=[{"rel": "prev", "title": text, "url": value},
                           {"rel": value, "title": "x", "url": None}],
            teasers=[{"title": text, "snippet": text, "truncated": bool(i % 2), "url": value}],
            last_reviewed=value, medical_disclaimer=value,
            reviewed_by=[{"name": text, "credentials": value, "url": value}],
            references=[{"text": text, "url": value, "doi": value, "pmid": value}],
            schema_types=[text] if value is not None else [], about=[text] if i % 3 else [])
        records.append(record)
    return records


def _flat(record: dict, name: str):
    """articles.csv's value of a field: authors are their names there (authors.csv has the
    links)."""
    return [a["name"] for a in record[name]] if name == "authors" else record.get(name)


def test_row_text_matches_csv_module() -> None:
    values = [v for v in ADVERSARIAL if v is not None]
    rows = [[v] for v in values]  # a single empty field is the csv module's special case
    rows += [list(pair) for pair in itertools.product(values[:20], values[-20:])]
    rows.append(values)
    for row in rows:
        escaped = [csv_escape(v) for v in row]
        assert row_text(escaped) == csv_module_text([escaped]), row


@pytest.mark.parametrize("excel", [False, True])
def test_files_identical_to_csv_module(tmp_path: Path, excel: bool) -> None:
    records = adversarial_records()
    exporter = Exporter(tmp_path, formats=["csv"], csv_excel=excel)
    for record in records:
        exporter.write(record)
    exporter.close()
    expected = {
        "articles.csv": [list(ARTICLE_CSV_FIELDS)] + [
            [reference_cell(_flat(r, name)) for name in ARTICLE_CSV_FIELDS] for r in records],
        "authors.csv": [["id", "position", "name", "url"]] + [
            [r["id"], i, *(reference_cell(a[k]) for k in ("name", "url"))]
            for r in records for i, a in enumerate(r["authors"])],
        "related_links.csv": [["id", "position", *LINK_FIELDS]] + [
            [r["id"], i, *(reference_cell(link[k]) for k in LINK_FIELDS)]
            for r in records for i, link in enumerate(r["related_links"])],
        "teasers.csv": [["id", "position", *TEASER_FIELDS]] + [
            [r["id"], i, *(reference_cell(t[k]) for k in TEASER_FIELDS)]
            for r in records for i, t in enumerate(r["teasers"])],
        "reviewed_by.csv": [["id", "position", *REVIEWER_FIELDS]] + [
            [r["id"], i, *(reference_cell(t[k]) for k in REVIEWER_FIELDS)]
            for r in records for i, t in enumerate(r.get("reviewed_by") or [])],
        "references.csv": [["id", "position", *REFERENCE_FIELDS]] + [
            [r["id"], i, *(reference_cell(t[k]) for k in REFERENCE_FIELDS)]
            for r in records for i, t in enumerate(r.get("references") or [])],
    }
    assert set(expected) == set(FILENAMES)
    bom = b"\xef\xbb\xbf" if excel else b""
    for name, rows in expected.items():
        assert (tmp_path / name).read_bytes() == bom + csv_module_text(rows).encode(), name


def test_round_trip_through_pandas(tmp_path: Path) -> None:
    # NUL is left out: pandas' C parser ends a cell at it (the bytes are still correct).
    records = [r for r in adversarial_records() if "\x00" not in (r["title"] or "")]
    exporter = Exporter(tmp_path, formats=["jsonl", "csv"], csv_excel=True)
    for record in records:
        exporter.write(record)
    exporter.close()
    jsonl = [orjson.loads(line) for line in (tmp_path / "articles.jsonl").read_bytes().splitlines()]
    assert jsonl == records

    def read(name: str) -> list[dict]:
        frame = pd.read_csv(tmp_path / name, dtype=str, keep_default_na=False,
                            encoding="utf-8-sig")
        return [{k: csv_unescape(v) for k, v in row.items()} for row in frame.to_dict("records")]

    def shown(value) -> str:  # a JSON value as CSV shows it (no null / empty distinction)
        if isinstance(value, list):
            return LIST_SEPARATOR.join(value)
        if isinstance(value, bool):
            return "true" if value else "false"
        return "" if value is None else str(value)

    assert read("articles.csv") == [{k: shown(_flat(r, k)) for k in ARTICLE_CSV_FIELDS}
                                    for r in jsonl]
    assert read("authors.csv") == [
        {"id": r["id"], "position": str(i), "name": shown(a["name"]), "url": shown(a["url"])}
        for r in jsonl for i, a in enumerate(r["authors"])]
    assert read("related_links.csv") == [
        {"id": r["id"], "position": str(i), **{k: shown(link[k]) for k in LINK_FIELDS}}
        for r in jsonl for i, link in enumerate(r["related_links"])]
    assert read("teasers.csv") == [
        {"id": r["id"], "position": str(i), **{k: shown(t[k]) for k in TEASER_FIELDS}}
        for r in jsonl for i, t in enumerate(r["teasers"])]


def test_excel_option_on_crawl_and_demo() -> None:
    from crawler.cli import _overrides, build_parser

    for argv in (["crawl", "demo", "--excel"], ["demo", "--excel"]):
        assert _overrides(build_parser().parse_args(argv))["HEALTHCRAWL_CSV_EXCEL"] is True
    assert "HEALTHCRAWL_CSV_EXCEL" not in _overrides(build_parser().parse_args(["demo"]))
