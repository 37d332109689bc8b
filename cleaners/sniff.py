"""Is a body a page at all? Bytes sniffed before decoding.

A server may send an image, a PDF or a compressed file as text/html, or with no
Content-Type; a saved page may be such a file under an .html name. Decoded as text, its
bytes would make an "article" of noise. What is no text is named here (the crawl counts it
as failed/non_html, `healthcrawl extract` reports it); a page gzip-compressed once more than
its Content-Encoding said is decompressed (warning `gzip_body_decoded`).
"""
from __future__ import annotations

import zlib

# File signatures at offset 0 (the formats a web server hands out in place of a page).
_SIGNATURES = (
    (b"%PDF-", "PDF document"), (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip data"), (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"), (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"wOFF", "web font"), (b"wOF2", "web font"), (b"OggS", "Ogg media"), (b"ID3", "MP3 audio"),
    (b"\x1a\x45\xdf\xa3", "WebM/Matroska media"), (b"\xd0\xcf\x11\xe0", "Office document"),
)
_GZIP = b"\x1f\x8b"
# A gzip body inflated past this is no page (a decompression bomb): 64 MB.
MAX_INFLATED = 64 << 20
_HEAD = 1024  # bytes looked at for control characters
# Control bytes no text holds (tab, line breaks, form feed and ESC, which ISO-2022-JP uses,
# left out). Random bytes are a tenth of them; a page may hold a stray NUL or two.
_CONTROL = bytes([*range(0, 9), *range(14, 27), *range(28, 32)])
_MAX_CONTROL_SHARE = 0.05


def binary_kind(data: bytes) -> str | None:
    """What the bytes are when they are no text ("PNG image", "binary data"); None for text
    (UTF-16 and UTF-32 text holds NULs: its BOM, or the NUL of every other byte of ASCII
    markup, tells it apart)."""
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    if data[4:8] == b"ftyp":
        return "MP4 media"
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return "WebP image"
    head = data[:_HEAD]
    control = len(head) - len(head.translate(None, _CONTROL))
    if control <= _MAX_CONTROL_SHARE * len(head) or utf16_order(head) is not None or \
            head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return None
    return "binary data"


def utf16_order(head: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" for UTF-16 text without a BOM (markup: nearly every other
    byte NUL, a "<" among the others), else None."""
    pairs = head[: len(head) // 2 * 2]
    if len(pairs) < 8:
        return None
    evens, odds = pairs[0::2], pairs[1::2]
    if odds.count(0) >= 0.8 * len(odds) and b"<" in evens:
        return "utf-16-le"
    if evens.count(0) >= 0.8 * len(evens) and b"<" in odds:
        return "utf-16-be"
    return None


def gunzip_body(data: bytes) -> bytes | None:
    """The body inflated when it is gzip data (once more than its Content-Encoding said);
    None when it is not, or is broken, cut off or too large to be a page (binary_kind then
    names it)."""
    if not data.startswith(_GZIP):
        return None
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        out = inflater.decompress(data, MAX_INFLATED)
    except zlib.error:
        return None
    if inflater.unconsumed_tail or not inflater.eof:
        return None  # more than MAX_INFLATED, or cut off
    return out
