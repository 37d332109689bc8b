"""The record defined once (cleaners/record_fields.py): what is derived from it is checked
against expectations written by hand from the docs and the README, not against itself."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import TypedDict

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from record_rules import BROKEN, VALID, variants

from cleaners.extract import extract_article
from cleaners.record import PACKAGE_VERSION, to_record
from cleaners.record_fields import FIELDS, RECORD_FIELDS, STORE_COLUMNS, fields_of
from cleaners.schema import arrow_name, data_dictionary, json_schema
from crawler.sites.demo import KEEPTO
from pipelines.export import Exporter
from pipelines.export.parquet import arrow_type
from pipelines.store import SQLiteStore

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).parent / "fixtures" / "seed"


@pytest.fixture(scope="module")
def seed_record() -> dict:
    meta = json.loads((SEED / "meta.json").read_text())
    article = extract_article((SEED / "page.html").read_bytes(), meta["url"], KEEPTO,
                              meta.get("header_charset"))
    return to_record(article, url=meta["url"], site="demo", fetched_at="2026-12-04T00:00:00Z",
                     http_status=200, run_id="20261204T000000Z-test")


# -- the builder and the JSON Schema -------------------------------------------------------
def test_builder_gives_every_field_in_order(seed_record: dict) -> None:
    assert tuple(seed_record) == RECORD_FIELDS


def test_schema_accepts_what_the_dictionary_allows(seed_record: dict) -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    assert not list(validator.iter_errors(seed_record))
    for why, record in variants(seed_record, VALID):
        assert not [e.message for e in validator.iter_errors(record)], why


def test_schema_rejects_what_the_dictionary_forbids(seed_record: dict) -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    for why, record in variants(seed_record, BROKEN):
        assert not validator.is_valid(record), why


# -- CSV, Parquet, store -------------------------------------------------------------------
def _readme_csv_columns() -> dict[str, list[str]]:
    """`teasers.csv  id, position, title, ...  (join on id)` lines of the README's output/."""
    found = re.findall(r"^\s+(\w+\.csv)\s+(id, position, [\w, ]+?)\s+\(",
                       (ROOT / "README.md").read_text("utf-8"), re.MULTILINE)
    return {name: columns.split(", ") for name, columns in found}


def test_csv_files_have_the_columns_the_readme_lists(tmp_path: Path, seed_record: dict) -> None:
    readme = _readme_csv_columns()
    assert set(readme) == {"related_links.csv", "teasers.csv", "authors.csv",
                           "reviewed_by.csv", "references.csv"}
    exporter = Exporter(tmp_path, formats=["csv"])
    exporter.write(seed_record)
    paths = exporter.close()
    assert set(paths) == {"articles.csv", *readme}
    for name, columns in readme.items():
        header = (tmp_path / name).read_bytes().decode("utf-8").split("\r\n", 1)[0]
        assert header.split(",") == columns, name
    # articles.csv: every field but the four lists of objects without a flat column (authors
    # keeps its names there), in record order
    header = (tmp_path / "articles.csv").read_bytes().decode("utf-8").split("\r\n", 1)[0].split(",")
    assert header == [f for f in RECORD_FIELDS if f not in
                      ("related_links", "teasers", "reviewed_by", "references")]


# Written from the data dictionary: strings stay strings (dates too), lists of strings are
# list<string>, lists of objects list<struct>; word_count int32, http_status int16.
_S = pa.string()
EXPECTED_PARQUET = pa.schema([
    ("id", _S), ("url", _S), ("canonical_url", _S), ("site", _S), ("title", _S), ("body", _S),
    ("body_html", _S),
    ("related_links", pa.list_(pa.struct([("rel", _S), ("title", _S), ("url", _S)]))),
    ("teasers", pa.list_(pa.struct([("title", _S), ("snippet", _S), ("truncated", pa.bool_()),
                                    ("url", _S)]))),
    ("language", _S), ("published", _S), ("modified", _S),
    ("authors", pa.list_(pa.struct([("name", _S), ("url", _S)]))),
    ("breadcrumbs", pa.list_(_S)), ("last_reviewed", _S),
    ("reviewed_by", pa.list_(pa.struct([("name", _S), ("credentials", _S), ("url", _S)]))),
    ("references", pa.list_(pa.struct([("text", _S), ("url", _S), ("doi", _S),
                                       ("pmid", _S)]))),
    ("medical_disclaimer", _S), ("schema_types", pa.list_(_S)), ("about", pa.list_(_S)),
    ("word_count", pa.int32()), ("content_hash", _S), ("fetched_at", _S),
    ("http_status", pa.int16()), ("run_id", _S), ("extractor", _S),
    ("warnings", pa.list_(_S)), ("page_kind", _S),
])


def test_parquet_schema_is_the_documented_one(tmp_path: Path, seed_record: dict) -> None:
    exporter = Exporter(tmp_path, formats=["parquet"])
    exporter.write(seed_record)
    exporter.close()
    schema = pq.read_schema(tmp_path / "articles.parquet")
    # Parquet names list items "element" where Arrow says "item"
    assert [(f.name, str(f.type).replace("element", "item")) for f in schema] == \
        [(f.name, str(f.type)) for f in EXPECTED_PARQUET]
    assert schema.metadata == {b"healthcrawl.schema_version": b"2"}


def test_store_columns_hold_the_record_values(tmp_path: Path, seed_record: dict) -> None:
    assert STORE_COLUMNS == ("id", "canonical_url", "site", "content_hash")
    with SQLiteStore.open(tmp_path / "store.sqlite") as store:
        store.upsert(seed_record, "20261204T000000Z-test")
        store.flush()
        row = store.conn.execute("SELECT id, canonical_url, site, content_hash, record "
                                 "FROM articles").fetchone()
    assert row[:4] == (seed_record["id"], seed_record["canonical_url"], "demo",
                       seed_record["content_hash"])
    assert json.loads(row[4]) == seed_record


# -- docs and version ----------------------------------------------------------------------
@pytest.mark.slow  # runs the module's command line in a child process
def test_docs_data_dictionary_is_the_generated_one() -> None:
    docs = (ROOT / "docs" / "data-dictionary.md").read_text("utf-8")
    assert docs == data_dictionary(), \
        "regenerate it: python -m cleaners.schema > docs/data-dictionary.md"
    proc = subprocess.run([sys.executable, "-m", "cleaners.schema"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert proc.stdout == docs


@pytest.mark.slow  # runs the module's command line in a child process
def test_json_flag_prints_the_schema() -> None:
    proc = subprocess.run([sys.executable, "-m", "cleaners.schema", "--json"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    schema = json.loads(proc.stdout)
    assert schema["required"][:3] == ["id", "url", "canonical_url"]
    assert schema["properties"]["page_kind"]["enum"] == ["article", "listing", "home", "other"]


def test_version_comes_from_the_package(seed_record: dict) -> None:
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    version = re.search(r'^version = "([^"]+)"', pyproject, re.MULTILINE).group(1)
    assert version == PACKAGE_VERSION
    assert seed_record["extractor"] == f"profile:demo-keepto {version}"
    from crawler import settings
    assert f"healthcrawl/{version}" == settings.USER_AGENT


# -- the field table itself ----------------------------------------------------------------
class _Unsupported(TypedDict):
    counts: list[int]


class _TableWithoutFile(TypedDict):
    items: list[_Unsupported]


@pytest.mark.parametrize("typed", [_Unsupported, _TableWithoutFile])
def test_unsupported_field_types_are_refused(typed: type) -> None:
    with pytest.raises(TypeError, match="unsupported type"):
        fields_of(typed)


def test_dictionary_names_the_parquet_types_written() -> None:
    for field in FIELDS:  # Arrow prints list items as `item: ...`
        assert str(arrow_type(field)).replace("item: ", "") == arrow_name(field), field.name
