"""Reading WARC files: ours (crawler/archive/) and anyone's (Common Crawl, wget, Heritrix).

FastWARC's iterator (~10x warcio's speed, bench/archive.py) parses records and HTTP
headers; the body is then decoded here as the spider would see it: chunks joined when a
stored `Transfer-Encoding: chunked` says so (wget keeps the chunks), `Content-Encoding`
gzip / deflate / br / zstd undone, to at most 64 MB (a decompression bomb in an archive is a
`decode_error`, not a machine out of memory). A body that does not decode as its headers
claim is given as stored, with `decode_error` set, instead of failing the file.
"""
from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from cleaners.sniff import MAX_INFLATED

logger = logging.getLogger(__name__)

PAGE_TYPES = WarcRecordType.response | WarcRecordType.revisit


@dataclass
class ArchivedPage:
    url: str
    record_type: str  # "response" or "revisit"
    status: int | None
    content_type: str  # the HTTP Content-Type header, "" when absent
    body: bytes
    warc_date: str
    record_id: str
    refers_to: str | None
    source: str  # "<file>#<offset of the record>"
    decode_error: str | None = None


def iter_pages(paths: list[Path], url_filter: Callable[[str], bool] | None = None
               ) -> Iterator[ArchivedPage]:
    """Every response and revisit record with an HTTP message, file by file. `url_filter`
    is asked before the body is read (skipped records cost almost nothing)."""
    for path in paths:
        for record in ArchiveIterator(str(path), record_types=PAGE_TYPES, parse_http=True):
            if not record.is_http:
                continue
            url = _target(record)
            if url_filter is not None and not url_filter(url):
                continue
            yield _page(record, url, f"{path}#{record.stream_pos}")


def _target(record) -> str:
    url = record.headers.get("WARC-Target-URI") or ""
    return url.strip("<>")  # WARC/1.0 writers sometimes wrap it in <>


def _page(record, url: str, source: str) -> ArchivedPage:
    http = record.http_headers
    raw = record.reader.read()
    body, error = decode_body(raw, http.get("Transfer-Encoding"),
                              http.get("Content-Encoding"))
    kind = "revisit" if record.record_type == WarcRecordType.revisit else "response"
    return ArchivedPage(url=url, record_type=kind, status=http.status_code,
                        content_type=http.get("Content-Type") or "", body=body,
                        warc_date=record.headers.get("WARC-Date") or "",
                        record_id=record.record_id or "",
                        refers_to=record.headers.get("WARC-Refers-To"), source=source,
                        decode_error=error)


# -- decoding -------------------------------------------------------------------------------
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]+")


def dechunk(data: bytes) -> bytes:
    """Join HTTP/1.1 chunks; raises ValueError on a malformed chunk."""
    out, pos = [], 0
    while True:
        eol = data.find(b"\r\n", pos)
        if eol < 0:
            raise ValueError("chunk size line without CRLF")
        m = _CHUNK_SIZE.match(data, pos, eol)
        if m is None:
            raise ValueError("bad chunk size")
        size = int(m.group(), 16)
        if size == 0:
            return b"".join(out)
        start = eol + 2
        if start + size > len(data):
            raise ValueError("chunk past the end of the body")
        out.append(data[start:start + size])
        pos = start + size + 2


def _bounded_zlib(data: bytes, wbits: int) -> bytes:
    inflater = zlib.decompressobj(wbits)
    out = inflater.decompress(data, MAX_INFLATED)
    if inflater.unconsumed_tail or (len(out) >= MAX_INFLATED and not inflater.eof):
        raise ValueError(f"inflates past {MAX_INFLATED >> 20} MB")
    return out + inflater.flush()  # a cut-off stream gives what it holds


def _inflate(data: bytes) -> bytes:
    try:
        return _bounded_zlib(data, zlib.MAX_WBITS)
    except zlib.error:
        return _bounded_zlib(data, -15)  # raw deflate, as some servers send it


def _gunzip(data: bytes) -> bytes:
    return _bounded_zlib(data, 31)


def _brotli(data: bytes) -> bytes:
    import brotli  # optional, as in Scrapy

    # the output limit is a step, not a cap (the buffer grows past it): 1 MB at a time
    inflater = brotli.Decompressor()
    parts = [inflater.process(data, output_buffer_limit=1 << 20)]
    size = len(parts[0])
    while not inflater.is_finished() and size <= MAX_INFLATED:
        part = inflater.process(b"", output_buffer_limit=1 << 20)
        if not part:
            break  # cut off: what it holds
        parts.append(part)
        size += len(part)
    if size > MAX_INFLATED:
        raise ValueError(f"inflates past {MAX_INFLATED >> 20} MB")
    return b"".join(parts)


def _zstd(data: bytes) -> bytes:
    import io

    import zstandard  # optional, as in Scrapy

    out = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)).read(MAX_INFLATED + 1)
    if len(out) > MAX_INFLATED:
        raise ValueError(f"inflates past {MAX_INFLATED >> 20} MB")
    return out


DECODERS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": _gunzip, "x-gzip": _gunzip, "deflate": _inflate, "br": _brotli, "zstd": _zstd,
    "identity": lambda d: d,
}


def decode_body(raw: bytes, transfer_encoding: str | None,
                content_encoding: str | None) -> tuple[bytes, str | None]:
    """(decoded body, None) or (the body as far as it decoded, error)."""
    body = raw
    try:
        if transfer_encoding and "chunked" in transfer_encoding.lower():
            body = dechunk(body)
        for coding in reversed([c.strip().lower() for c in (content_encoding or "").split(",")
                                if c.strip()]):
            decoder = DECODERS.get(coding)
            if decoder is None:
                return body, f"unknown content-encoding {coding}"
            body = decoder(body)
    except (ValueError, zlib.error, ImportError, OSError) as exc:
        return body, f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # brotli.error and zstd errors have no common base class
        return body, f"{type(exc).__name__}: {exc}"
    return body, None


def url_filter(host: str | None, pattern: str | None) -> Callable[[str], bool] | None:
    """The --host / --url-pattern test of `healthcrawl extract`: host equal (or a
    subdomain), pattern searched anywhere in the URL."""
    if not host and not pattern:
        return None
    regex = re.compile(pattern) if pattern else None
    host = (host or "").lower().strip(".")

    def accept(url: str) -> bool:
        if regex is not None and regex.search(url) is None:
            return False
        if host:
            from urllib.parse import urlsplit

            name = (urlsplit(url).hostname or "").lower()
            return name == host or name.endswith("." + host)
        return True

    return accept


def find_records(paths: list[Path], record_ids: set[str]) -> dict[str, ArchivedPage]:
    """The response records with these WARC-Record-IDs (what revisit records refer to)."""
    found: dict[str, ArchivedPage] = {}
    if not record_ids:
        return found
    for path in paths:
        for record in ArchiveIterator(str(path), record_types=WarcRecordType.response,
                                      parse_http=True,
                                      func_filter=lambda r: r.record_id in record_ids):
            if record.is_http and record.record_id not in found:
                found[record.record_id] = _page(record, _target(record),
                                                f"{path}#{record.stream_pos}")
        if len(found) == len(record_ids):
            break
    return found


def find_latest(paths: list[Path], urls: set[str]) -> dict[str, ArchivedPage]:
    """The first `200` response record of each URL in `paths` (give them newest first)."""
    found: dict[str, ArchivedPage] = {}
    if not urls:
        return found
    for page in iter_pages(paths, lambda url: url in urls and url not in found):
        if page.record_type == "response" and page.status == 200:
            found[page.url] = page
        if len(found) == len(urls):
            break
    return found
