"""Web archives written by others: `wget --warc-file` against the demo server (raw HTTP as
wget saw it, chunks and all), read by `healthcrawl extract`; non-HTML and non-article pages
are counted, not failed. Plus the body decoding of foreign records, unit by unit."""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import zlib

import pytest
from conftest import run_cli

from cleaners.sniff import MAX_INFLATED
from crawler.archive.read import dechunk, decode_body, url_filter

pytestmark = pytest.mark.slow  # wget and crawls against the demo server

FIELDS = ("title", "body")


@pytest.fixture(scope="module")
def wget_warc(demo_server, tmp_path_factory):
    if shutil.which("wget") is None:
        pytest.skip("wget is not installed (make test installs it)")
    work = tmp_path_factory.mktemp("wget")
    proc = subprocess.run(["wget", "-q", "-r", "-l", "2", "--warc-file=demo",
                           "-P", "mirror", demo_server.base_url], cwd=work,
                          capture_output=True, text=True, timeout=300)
    # wget exits 8 when a page answered 404 (the demo has one), the archive is complete
    assert proc.returncode in (0, 8), proc.stderr[-2000:]
    return work / "demo.warc.gz"


@pytest.fixture(scope="module")
def expected(demo_site, demo_server):
    from crawler.demo.generator import load_expected

    return {e["url"]: e for e in load_expected(demo_site, demo_server.base_url)}


def test_wget_archive_gives_the_expected_records(wget_warc, expected):
    proc = run_cli(["extract", str(wget_warc), "--site", "demo"])
    assert proc.returncode == 0, proc.stderr[-2000:]
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) > 50
    for record in records:
        exp = expected[record["url"]]  # only articles give records
        assert {f: record[f] for f in FIELDS} == {f: exp[f] for f in FIELDS}, record["url"]
        assert record["source"].startswith(f"{wget_warc}#")
        assert record["http_status"] == 200
    # the archive holds robots.txt, listings and a 404: counted in the summary, no failure
    summary = proc.stderr.strip().splitlines()[-1]
    assert f"{len(records)} records from" in summary
    assert "not_article" in summary and "robots_txt 1" in summary


def test_host_and_url_pattern_filter_before_extraction(wget_warc, expected):
    proc = run_cli(["extract", str(wget_warc), "--url-pattern", r"/blog/\d{4}/"])
    assert proc.returncode == 0, proc.stderr[-2000:]
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert records and all("/blog/" in r["url"] for r in records)
    assert all(r["extractor"].startswith("generic") for r in records)
    proc = run_cli(["extract", str(wget_warc), "--host", "example.org"])
    assert proc.returncode == 0 and proc.stdout == ""
    assert "0 records from 0 responses" in proc.stderr
    proc = run_cli(["extract", str(wget_warc), "--url-pattern", "("])
    assert proc.returncode == 1 and "--url-pattern" in proc.stderr


def test_decode_body_undoes_chunks_and_content_codings():
    text = b"<html><body>" + b"x" * 3000 + b"</body></html>"
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(text[i:i + 1000]), text[i:i + 1000])
                       for i in range(0, len(text), 1000)) + b"0\r\n\r\n"
    assert dechunk(chunked) == text
    assert decode_body(chunked, "chunked", None) == (text, None)
    assert decode_body(gzip.compress(text), None, "gzip") == (text, None)
    assert decode_body(zlib.compress(text), None, "deflate") == (text, None)
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    assert decode_body(raw_deflate.compress(text) + raw_deflate.flush(), None,
                       "deflate") == (text, None)
    both = dechunk(b"%x\r\n%s\r\n0\r\n\r\n" % (len(gzip.compress(text)), gzip.compress(text)))
    assert decode_body(both, None, "gzip")[0] == text
    # a body that lies about its coding is given as stored, with the reason
    body, error = decode_body(b"plain", None, "gzip")
    assert body == b"plain" and error
    body, error = decode_body(b"zz\r\nabc", "chunked", None)
    assert body == b"zz\r\nabc" and "chunk" in error
    assert decode_body(b"abc", None, "compress")[1] == "unknown content-encoding compress"


def test_decode_body_refuses_a_decompression_bomb():
    # 64 MB + 1 of zeros: a few tens of KB in the archive; inflated without bound, a record
    # like it (or a thousand of them) took all the memory
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = packer.compress(bytes(MAX_INFLATED + 1)) + packer.flush()
    body, error = decode_body(bomb, None, "gzip")
    assert body == bomb and error == "ValueError: inflates past 64 MB"
    body, error = decode_body(zlib.compress(bytes(MAX_INFLATED + 1), 9), None, "deflate")
    assert error == "ValueError: inflates past 64 MB"
    brotli = pytest.importorskip("brotli")
    body, error = decode_body(brotli.compress(bytes(MAX_INFLATED + 1)), None, "br")
    assert error == "ValueError: inflates past 64 MB"
    assert decode_body(brotli.compress(b"<p>ok</p>"), None, "br") == (b"<p>ok</p>", None)


def test_url_filter():
    accept = url_filter("example.org", r"/health/")
    assert accept("https://www.example.org/health/a.html")
    assert accept("https://example.org/health/")
    assert not accept("https://example.org/news/a.html")
    assert not accept("https://badexample.org/health/a.html")
    assert url_filter(None, None) is None


def test_a_file_that_is_not_a_warc_is_reported_and_the_others_read(wget_warc, tmp_path):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(gzip.compress(b"this is not a web archive\r\n\r\n"))
    proc = run_cli(["extract", str(bad), str(wget_warc), "--site", "demo"])
    assert proc.returncode == 2
    assert f"cannot read {bad}" in proc.stderr
    assert len(proc.stdout.splitlines()) > 50
