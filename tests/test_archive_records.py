"""The hand-built WARC record parts (crawler/archive/records.py): digest labels, record ids,
dates and gzip members as the standard library and the WARC readers spell and read them."""
from __future__ import annotations

import gzip
import hashlib
import io
import os
import uuid
import zlib
from base64 import b32encode

from fastwarc.warc import ArchiveIterator as FastIterator
from warcio.archiveiterator import ArchiveIterator

from crawler.archive import records as rec


def test_sha1_label_is_base32_of_the_digest() -> None:
    digests = [bytes(20), b"\xff" * 20, bytes(range(20)), hashlib.sha1(b"").digest()]
    digests += [os.urandom(20) for _ in range(2000)]
    for digest in digests:
        assert rec.sha1_label(digest) == b"sha1:" + b32encode(digest)
    # sha1("") is a known value: 3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ in base32
    assert rec.sha1_label(hashlib.sha1(b"").digest()) == b"sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ"


def test_record_ids_are_random_uuid_urns() -> None:
    ids = [rec.record_id() for _ in range(1000)]
    assert len(set(ids)) == len(ids)
    for rid in ids:
        assert rid.startswith(b"<urn:uuid:") and rid.endswith(b">")
        value = uuid.UUID(rid[10:-1].decode("ascii"))
        assert value.version == 4 and value.variant == uuid.RFC_4122
        assert str(value).encode("ascii") == rid[10:-1]  # lower-case, hyphenated


def test_warc_date_is_utc_with_microseconds() -> None:
    assert rec.warc_date(1_700_000_000) == b"2023-11-14T22:13:20.000000Z"
    assert rec.warc_date(1_700_000_000.25) == b"2023-11-14T22:13:20.250000Z"
    assert rec.warc_date(0.5) == b"1970-01-01T00:00:00.500000Z"
    # a fraction that rounds up to the next second carries into it
    assert rec.warc_date(59.9999999) == b"1970-01-01T00:01:00.000000Z"


def test_small_and_large_records_are_one_gzip_member_each() -> None:
    for data in (b"", b"GET / HTTP/1.1\r\n\r\n", os.urandom(rec.SMALL_RECORD - 1),
                 b"<p>text</p>" * 5000, os.urandom(rec.SMALL_RECORD + 1)):
        member = rec.gzip_member(data)
        d = zlib.decompressobj(31)
        assert d.decompress(member) == data and d.eof and d.unused_data == b""
        assert gzip.decompress(member + member) == data + data


def test_records_pass_both_readers_with_digests_checked() -> None:
    body = ("<html><body>" + "<p>Ärzte und Pflege</p>" * 400 + "</body></html>").encode()
    head = rec.http_response_head("HTTP/1.1", 200, [(b"Content-Type", b"text/html"),
                                                    (b"Transfer-Encoding", b"chunked")],
                                  len(body))
    rid, date = rec.record_id(), rec.warc_date(1_700_000_000.5)
    url = "http://127.0.0.1/a/b.html"
    req = rec.http_request_head("GET", "/a/b.html", "127.0.0.1", [(b"Accept", b"text/html")])
    data = rec.response_record(uri=url, date=date, http_head=head, body=body, rid=rid,
                               ip="127.0.0.1", discovered="http://127.0.0.1/a") + \
        rec.request_record(uri=url, date=date, http_head=req, concurrent_to=rid) + \
        rec.revisit_record(uri=url, date=date, http_head=rec.http_response_head(
            "HTTP/1.1", 304, [], 0), rid=rec.record_id(), refers_to=(rid, date))
    records = []
    for record in ArchiveIterator(io.BytesIO(data), check_digests="raise"):
        records.append((record.rec_type, record.rec_headers, record.raw_stream.read()))
    assert [r[0] for r in records] == ["response", "request", "revisit"]
    response = records[0]
    assert response[1].get_header("WARC-Record-ID") == rid.decode()
    assert response[1].get_header("WARC-Date") == "2023-11-14T22:13:20.500000Z"
    assert response[1].get_header("WARC-Payload-Digest") == \
        "sha1:" + b32encode(hashlib.sha1(body).digest()).decode()
    assert response[1].get_header("Healthcrawl-Discovered-URI") == "http://127.0.0.1/a"
    assert response[2] == body
    assert records[1][1].get_header("WARC-Concurrent-To") == rid.decode()
    assert records[2][1].get_header("WARC-Refers-To") == rid.decode()
    # FastWARC streams: a record is checked while the iterator stands on it
    fast = [r.verify_block_digest() for r in FastIterator(io.BytesIO(data), parse_http=False)]
    assert fast == [True, True, True]
    payload = [r.verify_payload_digest()
               for r in FastIterator(io.BytesIO(data), record_types=4, parse_http=True)]
    assert payload == [True]
