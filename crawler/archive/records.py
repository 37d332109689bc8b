"""WARC/1.1 records as bytes, each its own gzip member (ISO 28500, annex "GZIP storage").

Pure functions: no Scrapy, no I/O. Built by hand rather than with warcio's writer, which
costs ~3x the CPU per page (zlib; bench/archive.py measures both). Compression is
libdeflate's (the `deflate` package): about half of zlib's CPU for the same size; records
under SMALL_RECORD bytes go to zlib, cheaper per call. Compression is ~80% of the cost of
a page; each body is hashed twice (payload and block digests cannot share a pass), copied
once, and the WARC header is built as one join.
"""
from __future__ import annotations

import hashlib
import os
import time
import zlib
from base64 import b32encode
from collections.abc import Iterable
from functools import lru_cache
from http import HTTPStatus

import deflate

from common.default_settings import DEFAULTS

WARC_VERSION = b"WARC/1.1"
CRLF = b"\r\n"
END = b"\r\n\r\n"  # every record ends with two CRLFs after its block
HTTP_RESPONSE = b"application/http;msgtype=response"
HTTP_REQUEST = b"application/http;msgtype=request"
WARC_FIELDS = b"application/warc-fields"
NOT_MODIFIED_PROFILE = b"http://netpreserve.org/warc/1.1/revisit/server-not-modified"
# Names Scrapy gives us after the fact: the body of an archived response is what the
# server sent minus its transfer coding (Twisted removed the chunks), so the headers that
# describe the wire form are renamed, as StormCrawler and Common Crawl do, and a
# Content-Length that matches the stored body is written.
RENAMED_PREFIX = b"X-Crawler-"
WIRE_ONLY = frozenset({b"transfer-encoding", b"content-length"})
# The header that ties a record to the URL the run ledger knows (the first URL of a
# redirect chain); written only when it differs from WARC-Target-URI.
DISCOVERED_URI = b"Healthcrawl-Discovered-URI"
# libdeflate level 5: on the 20,000-article demo crawl the archive is 1.093x the gzip -6 size
# of the bodies (request records and WARC headers included) at ~0.9 ms a page, 9.4% of the
# crawl's CPU; level 4 saves ~5% of that for +0.011x, over the 1.1x target
# (bench/archive.py compares levels, bench/README.md has the numbers).
DEFAULT_LEVEL = DEFAULTS["HEALTHCRAWL_ARCHIVE_LEVEL"]


# Records under this size (requests, revisits, the HTTP head of a 304) are compressed with
# zlib: libdeflate's fixed cost per call is ~40% higher on them, for the same size.
SMALL_RECORD = 4096
_B32 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
# Base32 ten bits at a time: a SHA-1 digest (160 bits) is 16 pairs, without padding.
_B32_PAIRS = tuple(bytes((_B32[i >> 5], _B32[i & 31])) for i in range(1024))
_B32_SHIFTS = tuple(range(150, -1, -10))


def warc_date(ts: float) -> bytes:
    """WARC-Date with microseconds (WARC 1.1 allows fractions of a second)."""
    second = int(ts)
    micros = round((ts - second) * 1_000_000)
    if micros == 1_000_000:
        second, micros = second + 1, 0
    return _date_to_second(second) + b".%06dZ" % micros


@lru_cache(maxsize=4)
def _date_to_second(second: int) -> bytes:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second)).encode("ascii")


def record_id() -> bytes:
    """A random (version 4) UUID URN, as uuid.uuid4() would give, at half its cost."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # RFC 4122 variant
    h = raw.hex().encode("ascii")
    return b"<urn:uuid:%s-%s-%s-%s-%s>" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def sha1_label(digest: bytes) -> bytes:
    """`sha1:` + the base32 digest; base64.b32encode is pure Python and ~2x slower."""
    if len(digest) != 20:
        return b"sha1:" + b32encode(digest)
    n = int.from_bytes(digest, "big")
    return b"sha1:" + b"".join([_B32_PAIRS[(n >> s) & 1023] for s in _B32_SHIFTS])


def gzip_member(data: bytes, level: int = DEFAULT_LEVEL) -> bytes:
    if len(data) < SMALL_RECORD:
        return zlib.compress(data, min(level, 9), 31)
    return deflate.gzip_compress(data, level)


def _fields(pairs: Iterable[tuple[bytes, bytes]]) -> bytes:
    return b"".join(name + b": " + value + CRLF for name, value in pairs)


def warc_record(fields: list[tuple[bytes, bytes]], block: bytes, level: int,
                block_tail: bytes = b"") -> bytes:
    """One record: header fields (without Content-Length), the block (`block` followed by
    `block_tail`: a response passes head and body apart, so the body is copied once, into
    the buffer that is compressed), one gzip member. Values must not contain CR or LF
    (callers pass URLs and ids, never page text)."""
    length = b"%d" % (len(block) + len(block_tail))
    return gzip_member(b"".join((WARC_VERSION, CRLF, _fields(fields), b"Content-Length: ",
                                 length, END, block, block_tail, END)), level)


def status_line(protocol: str, status: int) -> bytes:
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    return f"{protocol or 'HTTP/1.1'} {status} {reason}".rstrip().encode("latin-1") + CRLF


def http_response_head(protocol: str, status: int, headers: Iterable[tuple[bytes, bytes]],
                       body_len: int) -> bytes:
    """Status line and headers as stored. Transfer-Encoding (Twisted removed the chunks) and
    a Content-Length that does not match the stored body are renamed X-Crawler-*, and a
    Content-Length of the stored body is written (none on a 304, which has no body)."""
    out = [status_line(protocol, status)]
    length = str(body_len).encode("ascii")
    has_length = False
    for name, value in headers:
        lower = name.lower()
        if lower == b"content-length" and value.strip() == length and not has_length:
            has_length = True
        elif lower in WIRE_ONLY:
            name = RENAMED_PREFIX + name
        out.append(name + b": " + value + CRLF)
    if status != 304 and not has_length:
        out.append(b"Content-Length: " + length + CRLF)
    out.append(CRLF)
    return b"".join(out)


def http_request_head(method: str, target: str, host: str,
                      headers: Iterable[tuple[bytes, bytes]]) -> bytes:
    """The request as Scrapy sent it, rebuilt: Twisted adds Host itself, so it is added
    here; header order and spelling are Scrapy's, not necessarily the wire's."""
    out = [f"{method} {target} HTTP/1.1".encode("latin-1") + CRLF,
           b"Host: " + host.encode("idna" if not host.isascii() else "ascii") + CRLF]
    out.extend(name + b": " + value + CRLF for name, value in headers
               if name.lower() != b"host")
    out.append(CRLF)
    return b"".join(out)


def common_fields(kind: bytes, rid: bytes, date: bytes, uri: str, warcinfo_id: bytes | None,
                  discovered: str | None) -> list[tuple[bytes, bytes]]:
    fields = [(b"WARC-Type", kind), (b"WARC-Record-ID", rid), (b"WARC-Date", date),
              (b"WARC-Target-URI", uri.encode("utf-8"))]
    if warcinfo_id:  # optional (the file's first record is its warcinfo): ~50 B a record
        fields.append((b"WARC-Warcinfo-ID", warcinfo_id))
    if discovered and discovered != uri:
        fields.append((DISCOVERED_URI, discovered.encode("utf-8")))
    return fields


def response_record(*, uri: str, date: bytes, http_head: bytes, body: bytes, rid: bytes,
                    warcinfo_id: bytes | None = None, ip: str | None = None,
                    discovered: str | None = None, level: int = DEFAULT_LEVEL) -> bytes:
    payload = hashlib.sha1(body).digest()
    block = hashlib.sha1(http_head)
    block.update(body)
    fields = common_fields(b"response", rid, date, uri, warcinfo_id, discovered)
    if ip:
        fields.append((b"WARC-IP-Address", ip.encode("ascii")))
    fields += [(b"Content-Type", HTTP_RESPONSE),
               (b"WARC-Payload-Digest", sha1_label(payload)),
               (b"WARC-Block-Digest", sha1_label(block.digest()))]
    return warc_record(fields, http_head, level, body)


def revisit_record(*, uri: str, date: bytes, http_head: bytes, rid: bytes,
                   refers_to: tuple[bytes, bytes] | None, warcinfo_id: bytes | None = None,
                   ip: str | None = None, discovered: str | None = None,
                   level: int = DEFAULT_LEVEL) -> bytes:
    """A 304: the server said the page is as before. `refers_to` is (WARC-Record-ID,
    WARC-Date) of the earlier response record, when the capture index knows it."""
    fields = common_fields(b"revisit", rid, date, uri, warcinfo_id, discovered)
    if ip:
        fields.append((b"WARC-IP-Address", ip.encode("ascii")))
    fields += [(b"WARC-Profile", NOT_MODIFIED_PROFILE),
               (b"WARC-Refers-To-Target-URI", uri.encode("utf-8"))]
    if refers_to:
        fields += [(b"WARC-Refers-To", refers_to[0]), (b"WARC-Refers-To-Date", refers_to[1])]
    fields += [(b"Content-Type", HTTP_RESPONSE),
               (b"WARC-Block-Digest", sha1_label(hashlib.sha1(http_head).digest()))]
    return warc_record(fields, http_head, level)


def request_record(*, uri: str, date: bytes, http_head: bytes, concurrent_to: bytes,
                   warcinfo_id: bytes | None = None, discovered: str | None = None,
                   level: int = DEFAULT_LEVEL) -> bytes:
    fields = common_fields(b"request", record_id(), date, uri, warcinfo_id, discovered)
    fields += [(b"WARC-Concurrent-To", concurrent_to), (b"Content-Type", HTTP_REQUEST),
               (b"WARC-Block-Digest", sha1_label(hashlib.sha1(http_head).digest()))]
    return warc_record(fields, http_head, level)


def warcinfo_record(*, rid: bytes, date: bytes, filename: str,
                    info: Iterable[tuple[str, str]], level: int = DEFAULT_LEVEL) -> bytes:
    """The first record of every file: who wrote it, for which run, with which settings."""
    block = "".join(f"{k}: {_one_line(v)}\r\n" for k, v in info).encode("utf-8")
    fields = [(b"WARC-Type", b"warcinfo"), (b"WARC-Record-ID", rid), (b"WARC-Date", date),
              (b"WARC-Filename", filename.encode("utf-8")), (b"Content-Type", WARC_FIELDS),
              (b"WARC-Block-Digest", sha1_label(hashlib.sha1(block).digest()))]
    return warc_record(fields, block, level)


def _one_line(value: str) -> str:
    return " ".join(str(value).split())
