"""bench/scaleout.py's record comparison with the single-process run: identical only when
both runs hold the same URLs with the same fields (fetched_at and run_id aside)."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("psutil")  # bench.scaleout imports the tests' servers module

from bench.scaleout import compare_records  # noqa: E402


def write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def record(url, title, run_id="r1", fetched_at="2026-01-01T00:00:00Z"):
    return {"url": url, "id": url[-1], "title": title, "content_hash": title.upper(),
            "run_id": run_id, "fetched_at": fetched_at}


def test_same_records_of_another_run_are_identical(tmp_path) -> None:
    a = write(tmp_path / "a.jsonl", [record("http://x/1", "one"), record("http://x/2", "two")])
    # another run, fetched at another time, written in another order
    b = write(tmp_path / "b.jsonl", [record("http://x/2", "two", "r2", "2026-02-02T00:00:00Z"),
                                     record("http://x/1", "one", "r2")])
    got = compare_records(a, b)
    assert got["identical"] is True
    assert (got["records"], got["reference_records"], got["differing"]) == (2, 2, 0)


def test_a_missing_an_extra_or_a_changed_record_is_not_identical(tmp_path) -> None:
    a = write(tmp_path / "a.jsonl", [record("http://x/1", "one"), record("http://x/2", "two")])
    b = write(tmp_path / "b.jsonl", [record("http://x/1", "uno"), record("http://x/3", "three")])
    got = compare_records(a, b)
    assert got["identical"] is False
    assert got["only_reference"] == 1 and got["only_run"] == 1
    assert got["differing"] == 1
    assert got["differing_fields"] == {"title": 1, "content_hash": 1}


def test_no_records_is_not_identical(tmp_path) -> None:
    a = write(tmp_path / "a.jsonl", [])
    assert compare_records(a, tmp_path / "missing.jsonl")["identical"] is False
