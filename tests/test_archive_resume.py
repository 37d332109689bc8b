"""Crash safety of the archive: `kill -9` of a real crawl, a torn last record, and the same
command again. Every archive file then reads to its end with warcio and FastWARC, and every
page of the run is archived exactly once (records of pages the killed attempt fetched but
did not finish are dropped by the resume, which fetches those pages again)."""
from __future__ import annotations

import json
import random
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from fastwarc.warc import ArchiveIterator as FastIterator
from test_resume import crawl_cmd, kill_when, run
from warcio.archiveiterator import ArchiveIterator

from crawler.archive import records as rec
from crawler.archive.files import ArchiveWriter, repair


def read_all(path: Path) -> list[tuple[str, str]]:
    """(type, target URI) of every record, digests checked, with both readers."""
    out = []
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh, check_digests="raise"):
            record.content_stream().read()
            out.append((record.rec_type, record.rec_headers.get_header("WARC-Target-URI")))
    fast = [r.verify_block_digest() for r in FastIterator(str(path), parse_http=False)]
    assert len(fast) == len(out) and all(fast), path
    return out


def pair(url: str, body: bytes) -> bytes:
    date = rec.warc_date(1_700_000_000)
    rid = rec.record_id()
    head = rec.http_response_head("HTTP/1.1", 200, [(b"Content-Type", b"text/html")],
                                  len(body))
    return rec.response_record(uri=url, date=date, http_head=head, body=body, rid=rid) + \
        rec.request_record(uri=url, date=date, concurrent_to=rid,
                           http_head=rec.http_request_head("GET", "/", "example.org", []))


def test_repair_trims_a_torn_record_and_drops_unfinished_pages(tmp_path):
    writer = ArchiveWriter(tmp_path, "t", [("software", "test")])
    urls = [f"http://example.org/{i}" for i in range(6)]
    for url in urls:
        writer.write(pair(url, f"<p>{url}</p>".encode() * 200))
    path = writer.path
    torn = pair("http://example.org/torn", b"<p>x</p>" * 500)
    writer.write(torn[:len(torn) // 2])  # what a crash in the middle of a write leaves
    assert path.name.endswith(".warc.gz.open")

    result = repair(tmp_path, keep=lambda url: url != urls[2])
    final = tmp_path / path.name.removesuffix(".open")
    assert not path.exists() and final.is_file()
    assert result.dropped == 2 and result.truncated_bytes == len(torn) // 2
    assert result.kept == {"warcinfo": 1, "response": 5, "request": 5}
    records = read_all(final)
    assert records[0] == ("warcinfo", None)
    assert [u for kind, u in records if kind == "response"] == urls[:2] + urls[3:]
    # a second repair of a whole, finished file changes nothing
    before = final.read_bytes()
    repair(tmp_path, keep=lambda url: True)
    assert final.read_bytes() == before


def test_rolls_over_at_the_size_limit(tmp_path):
    writer = ArchiveWriter(tmp_path, "t", [("software", "test")], max_bytes=20_000)
    for i in range(12):
        writer.write(pair(f"http://example.org/{i}", random.Random(i).randbytes(6000)))
    writer.close()
    files = sorted(tmp_path.glob("*.warc.gz"))
    assert len(files) > 2 and [f.name for f in files][:2] == ["t-00000.warc.gz",
                                                               "t-00001.warc.gz"]
    seen = []
    for f in files:
        records = read_all(f)
        assert records[0][0] == "warcinfo"
        seen += [u for kind, u in records if kind == "response"]
    assert seen == [f"http://example.org/{i}" for i in range(12)]


@pytest.mark.slow  # a crawl killed with kill -9
def test_kill_9_torn_write_and_resume_archive_each_page_once(demo_server, tmp_path):
    out = tmp_path / "out"
    cmd = crawl_cmd(demo_server.base_url, out)
    kill_when(cmd, out, 120)
    run_dir = next(p for p in out.iterdir() if p.is_dir())
    open_files = list((run_dir / "archive").glob("*.warc.gz.open"))
    assert len(open_files) == 1
    torn = pair(f"{demo_server.base_url}torn.html", b"<p>torn</p>" * 300)
    with open(open_files[0], "ab") as fh:  # the kill landed in the middle of a write
        fh.write(torn[:len(torn) // 3])

    proc = run(cmd)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Resuming interrupted run" in proc.stderr
    archive = run_dir / "archive"
    assert not [p for p in archive.iterdir() if not p.name.endswith(".warc.gz")]
    responses: Counter[str] = Counter()
    revisits: Counter[str] = Counter()
    for path in sorted(archive.glob("*.warc.gz")):
        for kind, url in read_all(path):
            if kind == "response":
                responses[url] += 1
            elif kind == "revisit":
                revisits[url] += 1
    assert max(responses.values()) == 1, [u for u, n in responses.items() if n > 1]
    assert f"{demo_server.base_url}torn.html" not in responses
    # The resume seeds the start pages again; those the killed attempt finished answer 304
    # and become revisit records, the only second captures a resumed run may hold.
    assert set(revisits) <= {demo_server.base_url, f"{demo_server.base_url}sitemap.xml"}
    assert set(revisits) <= set(responses) and max(revisits.values(), default=1) == 1
    summary = json.loads((run_dir / "run.json").read_text())
    assert summary["archive"]["pages"] == sum(responses.values()) + sum(revisits.values())
    assert summary["archive"]["revisits"] == sum(revisits.values())
    with sqlite3.connect(out / "healthcrawl.sqlite") as conn:
        ledger = dict(conn.execute("SELECT url, outcome FROM ledger WHERE run_id = ?",
                                   (summary["run_id"],)).fetchall())
    fetched = {u for u, o in ledger.items()
               if not o.startswith(("off_site", "robots_denied", "refused/"))}
    redirected = {u for u in fetched if "/go/" in u}  # archived under their target's URL
    assert fetched - redirected <= set(responses)


def test_an_archive_write_error_costs_the_page_nothing(tmp_path):
    """Disk full, a lost file: the response still goes on to the spider, the error is
    counted (run.json -> archive.errors) and the next page is archived again."""
    import os

    from scrapy.http import HtmlResponse, Request

    from crawler.archive.component import Archive
    from crawler.commands.reprocess import Stats

    stats = Stats()
    archive = Archive(tmp_path, stats=stats)
    archive.writer = ArchiveWriter(tmp_path / "archive", "t", [("software", "test")])
    pages = [HtmlResponse(f"http://example.org/{i}", body=b"<p>page</p>",
                          request=Request(f"http://example.org/{i}")) for i in range(3)]
    assert archive.process_response(pages[0].request, pages[0]) is pages[0]
    os.close(archive.writer.fd)  # the file is gone from under the writer
    assert archive.process_response(pages[1].request, pages[1]) is pages[1]
    assert stats["healthcrawl/archive/errors"] == 1
    assert archive.process_response(pages[2].request, pages[2]) is pages[2]
    assert stats["healthcrawl/archive/pages"] == 2  # in a new file
    assert len(list((tmp_path / "archive").glob("t-*.warc.gz*"))) == 2


def test_find_latest_takes_the_first_capture_in_the_order_given(tmp_path):
    from crawler.archive.read import find_latest

    paths = []
    for age in ("new", "old"):
        writer = ArchiveWriter(tmp_path / age, "t", [("software", "test")])
        for i in range(3):
            writer.write(pair(f"http://example.org/{i}", f"<p>{age} {i}</p>".encode()))
        writer.close()
        paths += writer.files_closed
    found = find_latest(paths, {"http://example.org/1", "http://example.org/9"})
    assert list(found) == ["http://example.org/1"]
    assert found["http://example.org/1"].body == b"<p>new 1</p>"
