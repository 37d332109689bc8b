"""`healthcrawl extract PATH...`: one JSON line per input, `source` = the path; a broken input
gives an error record and a non-zero exit while the other inputs are still processed."""
from __future__ import annotations

import gzip
import json
import shutil

import pytest
from conftest import FIXTURES, run_cli

pytestmark = pytest.mark.slow  # runs the command line in child processes

SEED = FIXTURES / "seed"
FIELDS = ("title", "body", "related_links", "teasers")


def test_extract_text_dump_html_and_gz_with_one_broken_input(tmp_path):
    meta = json.loads((SEED / "meta.json").read_text())
    txt = tmp_path / "seed.txt"
    shutil.copy(SEED / "000_eff75851b7f1e136.txt", txt)
    page_gz = tmp_path / "page.html.gz"
    page_gz.write_bytes(gzip.compress((SEED / "page.html").read_bytes()))
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"\x1f\x8b not really gzip")
    missing = tmp_path / "missing.html"

    proc = run_cli(["extract", str(txt), str(broken), str(missing), str(page_gz),
                    "--url", meta["url"], "--site", "demo"])
    assert proc.returncode == 2, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["source"] for r in lines] == [str(txt), str(broken), str(missing), str(page_gz)]

    expected_txt = json.loads((SEED / "000_eff75851b7f1e136.expected.json").read_text())
    assert {f: lines[0][f] for f in FIELDS} == {f: expected_txt[f] for f in FIELDS}
    assert "error" in lines[1] and "error" in lines[2]
    assert "cannot read" in proc.stderr
    expected_html = json.loads((SEED / "expected-html.json").read_text())
    assert {f: lines[3][f] for f in FIELDS} == {f: expected_html[f] for f in FIELDS}
    assert lines[3]["extractor"].startswith("profile:demo-keepto")


def test_extract_without_profile_uses_generic_path():
    meta = json.loads((SEED / "meta.json").read_text())
    proc = run_cli(["extract", str(SEED / "page.html"), "--url", meta["url"]])
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    expected = json.loads((SEED / "expected-html.json").read_text())
    assert record["extractor"].startswith("generic")
    assert record["title"] == expected["title"]
    assert record["related_links"] == expected["related_links"]
    assert record["teasers"] == expected["teasers"]
    assert "Note:" in record["body"] and "Recommend" not in record["body"]


def test_unknown_site_is_a_usage_error():
    proc = run_cli(["extract", str(SEED / "page.html"), "--site", "nope"])
    assert proc.returncode == 1
    assert "unknown site" in proc.stderr
