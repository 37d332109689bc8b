"""Bytes to text for HTML pages, robust to missing or wrong charset declarations.

Order of trust (a wrong Content-Type charset must not win over the page):
BOM (or markup in UTF-16 without one: every other byte NUL), then strict UTF-8 (random
non-UTF-8 bytes almost never decode as UTF-8), then the declared encodings that decode
strictly (<meta> before the HTTP header, since the page author wrote it for these bytes),
then the declared encodings and UTF-8 (the web's default) with a few bad bytes replaced
(warning `charset_errors`: a page in UTF-8 with one stray Latin-1 byte is still UTF-8; a
statistical guess reads its umlauts as Polish or Urdu), then a statistical guess (warning
`charset_guessed`).

Chinese and Korean text in a single-byte encoding's clothes (a GBK page labelled ISO-8859-1 by
a server's default, or guessed as a Cyrillic code page by the statistics) is read in the
double-byte encoding instead (warning `charset_guessed`) when its bytes decode there and
nearly every character is one of the language's common ones (cleaners/cjk_charset.py).
"""
from __future__ import annotations

import codecs
import re

from .cjk_charset import cjk_reading, single_byte
from .sniff import utf16_order

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE
)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
# Labels whose real-world meaning is a superset (WHATWG encoding standard).
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "cp1252",
            "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


def normalize_label(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return normalize_label(m.group(1).decode("ascii", "ignore")) if m else None


def decode_html(data: bytes, header_charset: str | None = None) -> tuple[str, str, list[str]]:
    """Return (text, encoding used, warnings)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace"), enc, []
    if b"\x00" in data[:4] and (enc := utf16_order(data[:1024])) is not None:
        return data.decode(enc, "replace"), enc, []  # UTF-16 without its BOM
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    declared = [e for e in (meta_charset(data), normalize_label(header_charset)) if e]
    for enc in dict.fromkeys(declared):
        if enc in ("utf-8", "utf-16", "utf-32"):
            continue
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        # (a declared double-byte encoding that decodes is the page's: not second-guessed)
        cjk = cjk_reading(data, enc) if single_byte(enc) else None
        return (text, enc, []) if cjk is None else (*cjk, ["charset_guessed"])
    for enc in dict.fromkeys([*declared, "utf-8"]):
        text = nearly(data, enc)
        if text is not None:
            return text, enc, ["charset_errors"]
    return _guess(data, declared)


# Replacement characters a decode may leave and still be the page's encoding: a few stray
# bytes in a long page. A page in another encoding leaves far more (GBK read as UTF-8: a
# third of its characters and up).
_MAX_BAD_SHARE = 0.002


def nearly(data: bytes, enc: str) -> str | None:
    """The bytes decoded as `enc` with bad bytes replaced, if they are only a few."""
    if enc in ("utf-16", "utf-32"):
        return None
    try:
        text = data.decode(enc, "replace")
    except LookupError:
        return None
    return text if text.count("\ufffd") <= max(1, len(text) * _MAX_BAD_SHARE) else None


def _guess(data: bytes, declared: list[str]) -> tuple[str, str, list[str]]:
    from charset_normalizer import from_bytes  # only for the rare undeclared/mislabeled page

    best = from_bytes(data[:65536]).best()
    enc = normalize_label(best.encoding) if best else None
    enc = enc or (declared[0] if declared else "cp1252")
    text, enc = cjk_reading(data, enc) or (data.decode(enc, "replace"), enc)
    return text, enc, ["charset_guessed"]
