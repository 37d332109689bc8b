"""The raw archive of a real demo crawl: WARC files that warcio and FastWARC read to the end
with every digest right, one response record per fetched page, a warcinfo record naming
the run; `healthcrawl reprocess` of that run gives the same records, and reports changes
when extraction changes."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from base64 import b32encode
from collections import Counter
from pathlib import Path

import orjson
import pytest
from conftest import run_cli
from fastwarc.warc import ArchiveIterator as FastIterator
from warcio.archiveiterator import ArchiveIterator

pytestmark = pytest.mark.slow  # crawls of the demo site

FETCH_FIELDS = ("fetched_at", "run_id")


def warc_files(run_dir: Path) -> list[Path]:
    files = sorted((run_dir / "archive").glob("*.warc.gz"))
    assert files, f"no archive in {run_dir}"
    return files


def warcio_records(path: Path) -> list:
    """(type, WARC headers, HTTP headers, raw payload) of every record, digests checked."""
    out = []
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh, check_digests="raise")
        for record in it:
            payload = record.raw_stream.read()
            out.append((record.rec_type, record.rec_headers, record.http_headers, payload))
    return out


def sha1_label(data: bytes) -> str:
    return "sha1:" + b32encode(hashlib.sha1(data).digest()).decode()


@pytest.fixture(scope="module")
def run_dir(demo_output) -> Path:
    return (demo_output / "latest").resolve()


def test_archive_reads_to_the_end_with_both_readers_and_digests_hold(run_dir):
    summary = json.loads((run_dir / "run.json").read_text())
    responses = 0
    for path in warc_files(run_dir):
        records = warcio_records(path)
        assert records[0][0] == "warcinfo"
        info = records[0][3].decode()
        assert f"isPartOf: {summary['run_id']}" in info and "software: healthcrawl/" in info
        assert "HEALTHCRAWL_OUTPUT_DIR:" in info
        for kind, warc, http, payload in records[1:]:
            assert kind in ("response", "request")
            if kind == "response":
                responses += 1
                # the payload digest, recomputed here over the body as stored
                assert warc.get_header("WARC-Payload-Digest") == sha1_label(payload)
                assert int(http.get_header("Content-Length")) == len(payload)
                assert http.get_header("Transfer-Encoding") is None
        # FastWARC streams: a record is checked while the iterator stands on it
        fast = [r.verify_block_digest() for r in FastIterator(str(path), parse_http=False)]
        assert len(fast) == len(records) and all(fast)
        payload_ok = [r.verify_payload_digest()
                      for r in FastIterator(str(path), record_types=4, parse_http=True)]
        assert len(payload_ok) == responses and all(payload_ok)
    assert summary["archive"]["pages"] == responses
    assert summary["archive"]["files"] == len(warc_files(run_dir))
    assert summary["archive"]["bytes"] == sum(p.stat().st_size for p in warc_files(run_dir))
    assert all(f"archive/{p.name}" in summary["files"] for p in warc_files(run_dir))


def test_one_response_record_per_fetched_page(run_dir, demo_output):
    urls: Counter[str] = Counter()
    requests: Counter[str] = Counter()
    for path in warc_files(run_dir):
        for kind, warc, _http, _payload in warcio_records(path):
            key = warc.get_header("Healthcrawl-Discovered-URI") or \
                warc.get_header("WARC-Target-URI")
            if kind == "response":
                urls[warc.get_header("WARC-Target-URI")] += 1
            if kind in ("request", "response"):
                requests[key] += 1
    assert max(urls.values()) == 1, [u for u, n in urls.items() if n > 1]
    run_id = json.loads((run_dir / "run.json").read_text())["run_id"]
    with sqlite3.connect(demo_output / "healthcrawl.sqlite") as conn:
        ledger = dict(conn.execute("SELECT url, outcome FROM ledger WHERE run_id = ?",
                                   (run_id,)).fetchall())
    not_fetched = ("off_site", "robots_denied", "refused/")
    fetched = {u for u, o in ledger.items() if not o.startswith(not_fetched)}
    assert fetched <= set(requests), sorted(fetched - set(requests))[:5]
    # and nothing archived that the ledger does not know, but robots.txt
    assert {u for u in requests if not u.endswith("/robots.txt")} <= set(ledger)
    records = [orjson.loads(line) for line in (run_dir / "articles.jsonl").read_bytes()
               .splitlines()]
    assert {r["url"] for r in records} <= set(urls)


def reprocess(args: list[str]) -> tuple[Path, dict]:
    proc = run_cli(["reprocess", *args])
    assert proc.returncode in (0, 2), proc.stderr[-3000:]
    new_dir = Path(proc.stdout.strip().splitlines()[-1])
    return new_dir, json.loads((new_dir / "run.json").read_text())


def by_id(run_dir: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(orjson.loads,
                                    (run_dir / "articles.jsonl").read_bytes().splitlines())}


def test_reprocess_with_the_same_code_gives_the_same_records(run_dir, tmp_path):
    new_dir, summary = reprocess([str(run_dir), "--out", str(tmp_path)])
    assert summary["exit_code"] == 0
    old, new = by_id(run_dir), by_id(new_dir)
    assert new.keys() == old.keys()
    for rid, record in old.items():
        assert new[rid]["content_hash"] == record["content_hash"]
        assert new[rid]["url"] == record["url"]
        same = {k: v for k, v in record.items() if k not in FETCH_FIELDS}
        assert {k: v for k, v in new[rid].items() if k not in FETCH_FIELDS} == same
        assert new[rid]["run_id"] == summary["run_id"] != record["run_id"]
    assert (new_dir / "changes.jsonl").read_bytes() == b""
    assert summary["changes"] == {"added": 0, "changed": 0, "removed": 0}
    assert summary["reprocessed_from"]["run_id"] == run_dir.name
    for name in ("articles.csv", "articles.parquet", "schema.json", "data-dictionary.md"):
        assert (new_dir / name).is_file()
    assert not list(new_dir.glob("*.part"))


def test_reprocess_reports_what_changed_extraction_changes(run_dir, tmp_path):
    old = by_id(run_dir)
    # Generic extraction instead of the site's profiles: every record's `extractor` changes.
    new_dir, summary = reprocess([str(run_dir), "--out", str(tmp_path), "--generic"])
    lines = [orjson.loads(x) for x in (new_dir / "changes.jsonl").read_bytes().splitlines()]
    changed = {x["id"]: x for x in lines if x["change"] == "changed"}
    new = by_id(new_dir)
    assert set(changed) == {rid for rid in new.keys() & old.keys()}
    assert all("extractor" in x["fields"] for x in changed.values())
    assert summary["changes"]["changed"] == len(changed)
    assert summary["reprocessed_from"]["extraction"] == "generic"

    # A stricter validation setting: the records with shorter bodies are removed.
    limit = 1500
    short = {rid for rid, r in old.items() if len("".join(r["body"].split())) < limit}
    assert 0 < len(short) < len(old)
    new_dir, summary = reprocess([str(run_dir), "--out", str(tmp_path),
                                  "-s", f"HEALTHCRAWL_MIN_BODY_CHARS={limit}"])
    lines = [orjson.loads(x) for x in (new_dir / "changes.jsonl").read_bytes().splitlines()]
    assert {x["id"] for x in lines if x["change"] == "removed"} == short
    assert {x["change"] for x in lines} == {"removed"}
    assert summary["counts"]["dropped"]["body_too_short"] == len(short)


def test_reprocess_of_bare_warc_files_adds_every_record(run_dir, tmp_path):
    files = [str(p) for p in warc_files(run_dir)]
    new_dir, summary = reprocess([*files, "--out", str(tmp_path), "--site", "demo"])
    old, new = by_id(run_dir), by_id(new_dir)
    assert {k: v["content_hash"] for k, v in new.items()} == \
        {k: v["content_hash"] for k, v in old.items()}
    lines = [orjson.loads(x) for x in (new_dir / "changes.jsonl").read_bytes().splitlines()]
    assert sorted(x["id"] for x in lines) == sorted(old)  # no source run: all added
    assert {x["change"] for x in lines} == {"added"}
    assert summary["reprocessed_from"]["run_dir"] is None


def test_no_archive_switches_it_off(demo_server, tmp_path):
    proc = run_cli(["crawl", "demo", "--base-url", demo_server.base_url, "--out",
                    str(tmp_path), "--allow-private-hosts", "127.0.0.1", "--max-pages", "20",
                    "--no-archive", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0"])
    assert proc.returncode in (0, 2), proc.stderr[-3000:]
    files_line = proc.stderr.split("files in")[-1].split(": ", 1)[1]
    assert "archive" not in files_line and "articles.jsonl" in files_line
    run = (tmp_path / "latest").resolve()
    assert not (run / "archive").exists()
    assert json.loads((run / "run.json").read_text())["archive"] is None
    proc = run_cli(["reprocess", str(run)])
    assert proc.returncode == 1 and "no archive" in proc.stderr
