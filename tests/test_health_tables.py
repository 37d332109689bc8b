"""Record schema 2: the health tables survive CSV, Parquet and the loader, and an old store
upgrades its records in place."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pipelines.export import Exporter
from pipelines.load import load_run
from pipelines.store import SCHEMA_VERSION, SQLiteStore
from pipelines.store.schema import MIGRATIONS
from pipelines.synthetic import synthetic_record, tricky_records

HEALTH_TABLES = {"authors": ("name", "url"), "reviewed_by": ("name", "credentials", "url"),
                 "references": ("text", "url", "doi", "pmid")}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, list[dict]]:
    run_dir = tmp_path_factory.mktemp("run")
    # NUL is left out: pandas' C parser ends a CSV cell at it
    records = [r for r in tricky_records() if "\x00" not in (r["title"] or "")]
    records += [synthetic_record(i) for i in range(3)]
    exporter = Exporter(run_dir, formats=["jsonl", "csv", "parquet"])
    for record in records:
        exporter.write(record)
    exporter.close()
    return run_dir, records


@pytest.mark.parametrize("source", ["parquet", "csv"])
def test_loader_health_tables(exported, source: str) -> None:
    run_dir, records = exported
    run = load_run(run_dir, source=source)
    for name, fields in HEALTH_TABLES.items():
        frame = getattr(run, name)
        # CSV has no empty string apart from null (pipelines/export/csvfiles.py)
        blank = (lambda v: v or None) if source == "csv" else (lambda v: v)
        want = sorted((r["id"], i, *(blank(item[f]) for f in fields))
                      for r in records for i, item in enumerate(r[name]))
        got = sorted((row["id"], row["position"],
                      *(None if row[f] is None or row[f] != row[f] else row[f] for f in fields))
                     for row in frame.astype(object).to_dict("records"))
        assert want and got == want, name
    by_id = {r["id"]: r for r in records}
    for row in run.articles.astype(object).to_dict("records"):
        record = by_id[row["id"]]
        for name in ("schema_types", "about"):
            # CSV cannot tell an item holding "; " from two items (pipelines/load.py)
            if source == "parquet" or not any("; " in v for v in record[name]):
                assert row[name] == record[name], name
        disclaimer = row["medical_disclaimer"]
        assert (None if disclaimer is None or disclaimer != disclaimer else disclaimer) == \
            record["medical_disclaimer"]
    assert str(run.articles["last_reviewed"].dtype) == "datetime64[us, UTC]"


def test_loader_reads_a_schema_1_csv_run(exported, tmp_path: Path) -> None:
    run_dir, records = exported
    for name in ("articles.csv", "related_links.csv", "teasers.csv"):
        (tmp_path / name).write_bytes((run_dir / name).read_bytes())
    run = load_run(tmp_path, source="csv")
    assert len(run.articles) == len(records)
    assert run.reviewed_by.empty and run.references.empty
    # no authors.csv either: the names come from articles.csv, the links are not there
    assert run.authors.empty and list(run.authors.columns) == ["id", "position", "name", "url"]
    for names, record in zip(run.articles["authors"], records, strict=True):
        want = [a["name"] for a in record["authors"]]
        if not any("; " in n for n in want):  # CSV cannot tell "a; b" from two names
            assert names == want
    assert list(run.references.columns) == ["id", "position", "text", "url", "doi", "pmid"]


def test_old_store_records_gain_the_health_fields(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = {k: v for k, v in synthetic_record(7).items()
           if k not in ("last_reviewed", "reviewed_by", "references", "medical_disclaimer",
                        "schema_types", "about")}
    conn = sqlite3.connect(path)
    for statements in MIGRATIONS[:4]:  # a store written before record schema 2
        for sql in statements:
            conn.execute(sql)
    conn.execute("PRAGMA user_version = 4")
    conn.execute("INSERT INTO articles (id, canonical_url, site, content_hash, record, "
                 "first_seen, last_seen, first_run, last_run, changed_at) VALUES "
                 "(?, ?, ?, ?, ?, 't', 't', 'r', 'r', 't')",
                 (old["id"], old["canonical_url"], old["site"], old["content_hash"],
                  json.dumps(old)))
    conn.commit()
    conn.close()
    with SQLiteStore.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        record = store.get(old["id"]).record
    assert {k: record[k] for k in old} == old  # nothing else touched
    assert record["reviewed_by"] == [] and record["references"] == []
    assert record["last_reviewed"] is None and record["medical_disclaimer"] is None
    assert record["schema_types"] == [] and record["about"] == []
