"""An incremental run's `304`s become revisit records that point at the first run's
response records (WARC-Refers-To, -Target-URI, -Date, profile server-not-modified), and
`healthcrawl reprocess` of the second run replays them from the first run's archive."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import orjson
import pytest
from conftest import free_port, run_cli
from test_incremental import crawl
from warcio.archiveiterator import ArchiveIterator

pytestmark = pytest.mark.slow  # crawls against a server

PROFILE = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"


def records(run_dir: Path, kind: str) -> dict[str, dict]:
    """{target URI: WARC headers} of the records of one type in a run's archive."""
    out = {}
    for path in sorted((run_dir / "archive").glob("*.warc.gz")):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, check_digests="raise"):
                payload = record.content_stream().read()  # read: digests are checked
                if record.rec_type == kind:
                    out[record.rec_headers.get_header("WARC-Target-URI")] = \
                        dict(record.rec_headers.headers)
                    if kind == "revisit":
                        assert payload == b""  # a 304 has no body
    return out


def test_304_becomes_a_revisit_of_the_first_capture(demo_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    out, port = tmp_path / "out", free_port()
    first, _ = crawl(site, port, out)
    first_dir = out / first["run_id"]
    second, _ = crawl(site, port, out)
    second_dir = out / second["run_id"]

    originals = records(first_dir, "response")
    revisits = records(second_dir, "revisit")
    assert len(revisits) >= first["records"]  # every article answered 304
    assert second["archive"]["revisits"] == len(revisits)
    for url, head in revisits.items():
        original = originals[url]
        assert head["WARC-Profile"] == PROFILE
        assert head["WARC-Refers-To-Target-URI"] == url
        assert head["WARC-Refers-To"] == original["WARC-Record-ID"]
        assert head["WARC-Refers-To-Date"] == original["WARC-Date"]
        assert "WARC-Payload-Digest" not in head

    proc = run_cli(["reprocess", str(second_dir), "--out", str(tmp_path / "re")])
    assert proc.returncode == 0, proc.stderr[-3000:]
    new_dir = Path(proc.stdout.strip().splitlines()[-1])
    summary = json.loads((new_dir / "run.json").read_text())
    assert summary["records"] == second["records"]
    assert "revisit_unresolved" not in summary["counts"]["failed"]
    old = {r["id"]: r for r in map(orjson.loads,
                                   (second_dir / "articles.jsonl").read_bytes().splitlines())}
    new = {r["id"]: r for r in map(orjson.loads,
                                   (new_dir / "articles.jsonl").read_bytes().splitlines())}
    assert {k: v["content_hash"] for k, v in new.items()} == \
        {k: v["content_hash"] for k, v in old.items()}
    assert (new_dir / "changes.jsonl").read_bytes() == b""
