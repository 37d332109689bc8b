"""Bodies that are no page (cleaners/sniff.py): an image, a PDF or random bytes give no
record but a named failure; a page compressed once more than its Content-Encoding said, or
in UTF-16 without a BOM, is read. The crawl's side is in tests/test_faults.py (cases
binary-as-html, binary-untyped, gzip-twice, utf16-no-bom)."""
from __future__ import annotations

import gzip
import json
import random
import zlib

import pytest

from cleaners.analyze import NOT_HTML, analyze_page
from cleaners.encoding import decode_html
from cleaners.sniff import MAX_INFLATED, binary_kind, gunzip_body, utf16_order
from common.exits import EXIT_QUALITY
from crawler.commands.extract import run_extract

URL = "https://health.example.org/articles/sleep-and-blood-pressure"
PROSE = ("Blood pressure falls during sleep and rises again in the early morning hours, "
         "which is why doctors ask for readings at the same time every day. ")
PAGE = ("<!DOCTYPE html><html lang='en'><head><title>Sleep and blood pressure</title></head>"
        "<body><main><article><h1>Sleep and blood pressure</h1>"
        + f"<p>{PROSE * 3}</p>" * 3 + "</article></main></body></html>")
NOISE = random.Random(3).randbytes(6000)


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n" + NOISE, "PNG image"),
    (b"%PDF-1.7\n" + NOISE, "PDF document"),
    (b"\xff\xd8\xff\xe0" + NOISE, "JPEG image"),
    (b"GIF89a" + NOISE, "GIF image"),
    (b"PK\x03\x04" + NOISE, "ZIP archive"),
    (b"\x00\x00\x00\x18ftypmp42" + NOISE, "MP4 media"),
    (gzip.compress(NOISE)[:-20], "gzip data"),
    (NOISE, "binary data"),
])
def test_binary_bodies_are_named(data, kind):
    assert binary_kind(data) == kind


@pytest.mark.parametrize("data", [
    PAGE.encode("utf-8"),
    PAGE.encode("gb18030"),
    "<html><body><p>日本語のページ</p></body></html>".encode("iso-2022-jp"),  # ESC bytes
    PAGE.encode("utf-16"),  # with its BOM
    PAGE.encode("utf-16-le"),
    PAGE.encode("utf-16-be"),
    b"",
    # a page with a stray NUL and a form feed (broken CMS output) is still text
    PAGE.encode().replace(b"<p>", b"<p>\x00\x0c", 1),
])
def test_text_is_no_binary(data):
    assert binary_kind(data) is None


def test_utf16_without_bom_is_decoded():
    for enc in ("utf-16-le", "utf-16-be"):
        data = PAGE.encode(enc)
        assert utf16_order(data[:1024]) == enc
        text, used, warnings = decode_html(data)
        assert (text, used, warnings) == (PAGE, enc, [])
    assert utf16_order(PAGE.encode()) is None


def test_gzip_inside_the_body_is_inflated_and_a_bomb_is_not():
    assert gunzip_body(gzip.compress(PAGE.encode())) == PAGE.encode()
    assert gunzip_body(PAGE.encode()) is None
    assert gunzip_body(b"\x1f\x8b\x08\x00broken") is None
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    bomb = packer.compress(bytes(MAX_INFLATED + 1)) + packer.flush()
    assert len(bomb) < MAX_INFLATED // 100
    assert gunzip_body(bomb) is None


def test_analysis_of_a_binary_body_is_a_named_failure_with_no_record():
    analysis = analyze_page(b"\x89PNG\r\n\x1a\n" + NOISE, URL, links=True, every_page=True)
    assert analysis.kind == NOT_HTML
    assert analysis.record is None and analysis.hrefs == []
    assert analysis.error == "not HTML: PNG image"


def test_analysis_of_a_page_gzipped_twice_reads_the_page():
    analysis = analyze_page(gzip.compress(PAGE.encode()), URL)
    assert analysis.is_article
    assert analysis.record["title"] == "Sleep and blood pressure"
    assert analysis.record["body"].startswith("Blood pressure falls during sleep")
    assert "gzip_body_decoded" in analysis.record["warnings"]


def test_extract_reports_a_binary_file_and_goes_on(tmp_path, capsysbinary):
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + NOISE)
    (tmp_path / "page.html").write_bytes(PAGE.encode())
    code = run_extract([str(tmp_path / "photo.html"), str(tmp_path / "page.html")], url=URL)
    out, err = capsysbinary.readouterr()
    assert code == EXIT_QUALITY
    bad, good = (json.loads(line) for line in out.splitlines())
    assert bad["source"].endswith("photo.html")
    assert bad["error"] == "ExtractionFailed: not HTML: PNG image"
    assert "body" not in bad
    assert good["title"] == "Sleep and blood pressure" and good["page_kind"] == "article"
    assert b"not HTML: PNG image" in err


def test_extract_refuses_a_gzip_bomb_and_a_broken_gzip_file(tmp_path, capsysbinary):
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    (tmp_path / "bomb.html.gz").write_bytes(packer.compress(bytes(MAX_INFLATED + 1))
                                            + packer.flush())
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(PAGE.encode())[:-30])
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    code = run_extract([str(tmp_path / n) for n in ("bomb.html.gz", "cut.html.gz",
                                                     "page.html.gz")], url=URL)
    out, _err = capsysbinary.readouterr()
    bomb, cut, good = (json.loads(line) for line in out.splitlines())
    assert code == EXIT_QUALITY
    assert bomb["error"].startswith("BadGzipFile: ") and cut["error"].startswith("BadGzipFile: ")
    assert good["title"] == "Sleep and blood pressure"
