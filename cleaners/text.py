"""Text normalization shared by every extractor (docs/architecture.md, "How a page flows")."""
from __future__ import annotations

import re
import unicodedata

# NBSP and its relatives become a plain space; zero-width marks disappear.
_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t\r\f\v"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATE = {**_SPACE_LIKE, **_ZERO_WIDTH}

_SPACES = re.compile(r"[ \n]+")
# ASCII text: the space-like characters of _TRANSLATE and the runs of _SPACES in one pass.
_ASCII_SPACES = re.compile(r"[ \n\t\r\f\v]+")
# "back pain , or" -> "back pain, or". Only , and . (and CJK full stops): French and others
# write a space before : ; ! ? on purpose.
_SPACE_BEFORE_PUNCT = re.compile(r" +([,.])(?=\s|$|[^\w.])| +([，。、；：！？])")
_ELLIPSIS_END = re.compile(r"\s*(?:\.{3,}|…+)\s*$")
_PARAGRAPH_SPLIT = re.compile(r"\n\s*\n")
_CJK_CHAR = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\u3040-\u30ff]")
# What word_count counts as one word each: kana, Han and Hangul characters.
_CJK_RANGES = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_COUNTED = re.compile(f"[{_CJK_RANGES}]")
_WORD = re.compile(r"\w+")
# Scripts written without spaces between words: Thai, Lao, Myanmar (and its extensions),
# Khmer. A run of them counts one word per _UNSPACED_PER_WORD code points, rounded up (vowel
# and tone marks are code points too): "หน้าแรก" (home page) 2, "ข่าวล่าสุด วันนี้" (today's
# latest news) 3, a 37-point headline of five to seven dictionary words 7.
_UNSPACED_RANGES = r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\ua9e0-\ua9ff\uaa60-\uaa7f"
_UNSPACED = re.compile(f"[{_UNSPACED_RANGES}]+")
_UNSPACED_PER_WORD = 6
# Either kind of script: the cheap test before the slow count.
_COUNTED_APART = re.compile(f"[{_CJK_RANGES}{_UNSPACED_RANGES}]")


def clean_inline(text: str | None) -> str:
    """Normalize one line or paragraph: NFC, no odd spaces, single spaces, trimmed."""
    if not text:
        return ""
    if text.isascii():  # NFC is the identity; no zero-width or non-ASCII space (same result)
        text = _ASCII_SPACES.sub(" ", text).strip()
        if " ," not in text and " ." not in text:
            return text
        return _SPACE_BEFORE_PUNCT.sub(_punct, text)
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = _SPACES.sub(" ", text).strip()
    return _SPACE_BEFORE_PUNCT.sub(_punct, text)


def _punct(m: re.Match) -> str:
    return m.group(1) or m.group(2)


def clean_paragraphs(paragraphs) -> str:
    """Normalize each paragraph, drop empty ones, join with a blank line."""
    out = []
    for p in paragraphs:
        p = clean_inline(p)
        if p:
            out.append(p)
    return "\n\n".join(out)


def clean_body(text: str | None) -> str:
    """Normalize a body that already uses blank lines between paragraphs."""
    if not text:
        return ""
    return clean_paragraphs(_PARAGRAPH_SPLIT.split(text.replace("\r\n", "\n")))


def clean_snippet(text: str | None) -> tuple[str, bool]:
    """Normalize a teaser snippet; a trailing '...' or '…' marks it truncated and is removed."""
    text = clean_inline(text)
    stripped = _ELLIPSIS_END.sub("", text)
    return stripped, stripped != text


def word_count(text: str) -> int:
    """Words in text; each CJK character counts as one word, and a run of Thai, Lao, Myanmar
    or Khmer letters as one word per _UNSPACED_PER_WORD of its characters."""
    if text.isascii() or not _COUNTED_APART.search(text):
        return len(text.split())
    unspaced, text = unspaced_words(text)
    cjk = len(text) - len(_CJK_COUNTED.sub("", text))  # a C loop, not a Python one per char
    return unspaced + cjk + len(_WORD.findall(_CJK_CHAR.sub(" ", text)))


def unspaced_words(text: str) -> tuple[int, str]:
    """(words in the text's runs of Thai, Lao, Myanmar or Khmer letters, the text with those
    runs blanked), for counters whose other scripts split on spaces or \\w."""
    if not _UNSPACED.search(text):
        return 0, text
    words = sum(-(-len(run) // _UNSPACED_PER_WORD) for run in _UNSPACED.findall(text))
    return words, _UNSPACED.sub(" ", text)


def first_line(el) -> str:
    """An element's text up to its first <br> child: a byline's own line ("Von <a>A</a> und
    <a>B</a><br>Kakuma / Kenia": the next line is a place or a dateline, not a name)."""
    if el.find("br") is None:
        return el.text_content()
    parts = [el.text or ""]
    for child in el:
        if child.tag == "br":
            break
        parts += [child.text_content() if isinstance(child.tag, str) else "", child.tail or ""]
    return "".join(parts)
