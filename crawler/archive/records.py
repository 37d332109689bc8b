"""WARC/1.1 records as bytes, each its own gzip member (ISO 28500, annex "GZIP storage").

Pure functions: no Scrapy, no I/O. Built by hand rather than with warcio's writer, which
costs ~3x the CPU per page (zlib; bench/archive.py measures both). Compression is
libdeflate's (the `deflate` package): about half of zlib's CPU for the same size.
"""
from __future__ import annotations

import hashlib
import uuid
from base64 import b32encode
from collections.abc import Iterable
from datetime import datetime, timezone
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
# libdeflate level 5: on a 2,000-article demo crawl the archive is 1.086x the gzip -6 size of
# the bodies (request records and WARC headers included) at ~0.55 ms a page, half of zlib's
# level 6; level 3 saves ~0.05 ms a page for 1.117x (bench/archive.py compares levels).
DEFAULT_LEVEL = DEFAULTS["HEALTHCRAWL_ARCHIVE_LEVEL"]


def warc_date(ts: float) -> bytes:
    """WARC-Date with microseconds (WARC 1.1 allows fractions of a second)."""
    return datetime.fromtimestamp(ts, timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ").encode("ascii")


def record_id() -> bytes:
    return b"<urn:uuid:" + str(uuid.uuid4()).encode("ascii") + b">"


def sha1_label(digest: bytes) -> bytes:
    return b"sha1:" + b32encode(digest)


def gzip_member(data: bytes, level: int = DEFAULT_LEVEL) -> bytes:
    return deflate.gzip_compress(data, level)


def _fields(pairs: Iterable[tuple[bytes, bytes]]) -> bytes:
    return b"".join(name + b": " + value + CRLF for name, value in pairs)


def warc_record(fields: list[tuple[bytes, bytes]], block: bytes, level: int) -> bytes:
    """One record: header fields (without Content-Length), the block, one gzip member.
    Values must not contain CR or LF (callers pass URLs and ids, never page text)."""
    head = WARC_VERSION + CRLF + _fields(fields) + b"Content-Length: " + \
        str(len(block)).encode("ascii") + END
    return gzip_member(head + block + END, level)


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
    return warc_record(fields, http_head + body, level)


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
