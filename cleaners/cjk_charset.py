"""Is this page Chinese or Korean text in a double-byte encoding that something else claimed?

A GBK page labelled ISO-8859-1 (a web server's default) decodes "strictly" as Latin-1, since
every byte is a Latin-1 character, and a statistical guesser may read GBK as a Cyrillic code
page (ptcp154, cp1251). What tells them apart is the text a double-byte reading gives: real
Chinese or Korean text is made almost entirely of the language's common characters (GB2312
level 1, 3,755 hanzi; Big5's frequent block, 5,401; KS X 1001's 2,350 Hangul syllables),
while bytes of another language, paired up, land anywhere in the code table (about a third
of the time in the common block) and rarely even pair up: Western and Cyrillic text has
single high bytes between ASCII ones, which are no valid double-byte sequence.

Only pages whose claimed encoding is a single-byte one (or a guessed double-byte one) are
looked at, and only their non-ASCII characters count.
"""
from __future__ import annotations

import codecs
import re
from functools import lru_cache

# A codec's reading of a page -> the table its characters are looked up in, and a tokenizer
# of that table's bytes whose group 1 is set on a common character: a lead byte of the
# frequent characters' rows or of the punctuation rows (0xA1-0xA3: 、。“”《》（）); "?" is
# a character the table lacks (rarer ones, or another script's).
_COMMON = {
    # GB2312 level 1, 3,755 hanzi: B0A1-D7F9
    "gb18030": ("gb2312", re.compile(
        rb"\?|([\xa1-\xa3\xb0-\xd7])[\xa1-\xfe]|[\x81-\xfe][\x40-\xfe]")),
    # Big5's frequent hanzi, 5,401: A440-C67E
    "big5": ("big5", re.compile(rb"\?|([\xa1-\xc6])[\x40-\xfe]|[\x81-\xfe][\x40-\xfe]")),
    # KS X 1001's 2,350 Hangul syllables: B0A1-C8FE
    "euc_kr": ("euc_kr", re.compile(
        rb"\?|([\xa1-\xa3\xb0-\xc8])[\xa1-\xfe]|[\x81-\xfe][\x40-\xfe]")),
}
# The most frequent characters of each reading's language, for a tie: EUC-KR's Hangul block
# has the byte values of GB2312's first hanzi rows, so Korean text read as GBK is made of
# "common" hanzi too, but not of the ones Chinese text is full of.
_FREQUENT = {
    "gb18030": frozenset(
        "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可"
        "也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方"
        "多经么去法学如都同现当没动面"),
    "big5": frozenset(
        "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可"
        "也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方"
        "多經麼去法學如都同現當沒動面"),
    "euc_kr": frozenset(
        "이다는의에을하고가지한로기서사리도어으인대있수시자정나들해제"
        "아보전부적주장상일게요만여그니문구원마성라화공과를은"),
}
MIN_SHARE = 0.8  # of a page's non-ASCII characters among the common ones
MIN_CHARS = 20  # fewer non-ASCII characters than this say nothing
_SAMPLE = 3000  # non-ASCII characters judged (a page's head: title, menus, first paragraphs)
_FIRST_LOOK, _FIRST_LOOK_SHARE = 200, 0.6
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_HIGH = bytes(range(128, 256))


@lru_cache(maxsize=64)
def single_byte(enc: str) -> bool:
    """Every byte one character (Latin-1, cp1252, cp1251, ptcp154, koi8-r, ...)."""
    try:
        return codecs.lookup(enc).name not in ("utf-8", "utf-8-sig") \
            and len(_HIGH.decode(enc, "replace")) == 128
    except LookupError:
        return False


def _non_ascii(text: str, limit: int) -> str:
    """The first `limit` non-ASCII characters of `text`."""
    out, n = [], 0
    for m in _NON_ASCII.finditer(text):
        out.append(m.group())
        n += len(out[-1])
        if n >= limit:
            break
    return "".join(out)[:limit]


def common_share(text: str, enc: str) -> tuple[float, int]:
    """(share of the characters of `text` (non-ASCII ones) that are common ones in `enc`'s
    language, their number)."""
    table, tokens = _COMMON[enc]
    leads = tokens.findall(text.encode(table, "replace"))
    return (sum(1 for lead in leads if lead) / len(leads) if leads else 0.0), len(leads)


def cjk_reading(data: bytes, enc: str) -> tuple[str, str] | None:
    """(text, codec) of the double-byte reading of `data` that beats `enc`, or None. `enc`: a
    single-byte encoding, or a double-byte one that was guessed (then the other reading must
    be the more plausible one). A few bytes outside the encoding's sequences are tolerated,
    as in cleaners/encoding.py."""
    if enc not in _COMMON and not single_byte(enc) \
            or len(data) - len(data.translate(None, _HIGH)) < 2 * MIN_CHARS:
        return None
    from .encoding import nearly  # (encoding.py imports this module)

    readings = []
    for codec in _COMMON:
        text = nearly(data, codec)
        if text is None:
            continue  # not this encoding's byte sequences
        # (a first look at a few characters turns away most Western pages cheaply: their
        # accented letters pair with the next ASCII letter into valid but rare characters)
        if common_share(_non_ascii(text, _FIRST_LOOK), codec)[0] < _FIRST_LOOK_SHARE:
            continue
        head = _non_ascii(text, _SAMPLE)
        share, wide = common_share(head, codec)
        if wide >= MIN_CHARS and share >= MIN_SHARE:
            frequent = sum(ch in _FREQUENT[codec] for ch in head) / wide
            readings.append((frequent, share, codec, text))
    if not readings:
        return None
    _frequent, _share, codec, text = max(readings, key=lambda r: r[:2])
    return None if codec == enc else (text, codec)
