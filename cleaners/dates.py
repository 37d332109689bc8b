"""Dates as pages print them -> ISO `YYYY-MM-DD`. Regular expressions and month-name tables
(en, de, fr, es, it, pt, pl, ru, zh, th): about 100x cheaper per call than dateparser, which the
hot path cannot afford on every byline (see docs/metadata-annotation.md for the measurement).
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

_MONTHS = {
    # en
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # de
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6,
    "juli": 7, "oktober": 10, "dezember": 12, "mär": 3, "okt": 10, "dez": 12,
    # fr
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12,
    # es / it / pt
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    # pl (genitive, as dates print them)
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
    "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
    "grudnia": 12,
    # ru (genitive)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
# th: full names and the abbreviations news pages print ("12 มี.ค. 2567"), years of the
# Buddhist era (543 years ahead) or of the common era
_THAI_MONTHS = {
    "มกราคม": 1, "ม.ค.": 1, "กุมภาพันธ์": 2, "ก.พ.": 2, "มีนาคม": 3, "มี.ค.": 3,
    "เมษายน": 4, "เม.ย.": 4, "พฤษภาคม": 5, "พ.ค.": 5, "มิถุนายน": 6, "มิ.ย.": 6,
    "กรกฎาคม": 7, "ก.ค.": 7, "สิงหาคม": 8, "ส.ค.": 8, "กันยายน": 9, "ก.ย.": 9,
    "ตุลาคม": 10, "ต.ค.": 10, "พฤศจิกายน": 11, "พ.ย.": 11, "ธันวาคม": 12, "ธ.ค.": 12,
}
_THAI = re.compile(r"(\d{1,2})\s*(" + "|".join(re.escape(k) for k in _THAI_MONTHS)
                   + r")\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*((?:19|20|24|25|26)\d\d)(?!\d)")
_THAI_HINT = re.compile(r"[\u0e01-\u0e2e]")  # a Thai consonant: the full test only then
_BUDDHIST_ERA = 543
_WORD = r"([^\W\d_]{3,12})\.?"
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_CJK = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d|\d\d)\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\.?\s+(?:de\s+)?" + _WORD
                             + r",?\s+(?:de\s+)?((?:19|20)\d\d)\b")
_MONTH_DAY_YEAR = re.compile(_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
# the C / Java / JavaScript string form of a timestamp, which some CMSs put in JSON-LD or
# <meta> as is: "Fri Apr 28 19:20:36 CEST 2023", "Fri Feb 18 10:27:24 2022"
_CTIME = re.compile(r"\b([A-Za-z]{3})\s+(\d{1,2})\s+\d{1,2}:\d\d(?::\d\d)?(?:\s+[A-Z]{2,5})?"
                    r"\s+((?:19|20)\d\d)\b")
# a dated URL path: /2017/06/29/slug, /2019-10-22/slug (two-digit month and day, so that
# /2014/05/ alone or an id is no date)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)([/-])(\d\d)\2(\d\d)(?=/|[-_.]|$)")
# a timestamp written in UTC: ISO "…Z" / "+00:00", RFC 1123 "… GMT"
_UTC = re.compile(r"(?:Z|[+-]00:?00|\sGMT|\sUTC)$")
# year first with one separator throughout: 2022/01/20, 2022.01.20, 2005-5-7
_YEAR_SLASH = re.compile(r"\b((?:19|20)\d\d)([/.-])(\d{1,2})\2(\d{1,2})(?!\d|\.\d)")


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat() if 1900 <= y <= 2100 else None
    except ValueError:  # 31.02.
        return None


def parse_date(text: str | None) -> str | None:
    """The first date in `text` as YYYY-MM-DD, or None. Numeric d.m.y is read day first
    (the European and Latin-American order; US-style m/d/y pages say it in words)."""
    if not text:
        return None
    text = text[:200]
    m = _ISO.search(text)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    m = _CJK.search(text)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    m = _THAI.search(text) if _THAI_HINT.search(text) else None
    if m:
        year = int(m[3])
        return _iso(year - _BUDDHIST_ERA if year >= 2400 else year, _THAI_MONTHS[m[2]], int(m[1]))
    m = _DAY_MONTH_YEAR.search(text)
    if m and m[2].lower() in _MONTHS:
        return _iso(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    m = _MONTH_DAY_YEAR.search(text)
    if m and m[1].lower() in _MONTHS:
        return _iso(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    m = _CTIME.search(text)
    if m and m[1].lower() in _MONTHS:
        return _iso(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    m = _YEAR_SLASH.search(text)
    if m:
        return _iso(int(m[1]), int(m[3]), int(m[4]))
    m = _NUMERIC.search(text)
    if m:
        year = int(m[3]) if len(m[3]) == 4 else 2000 + int(m[3])
        return _iso(year, int(m[2]), int(m[1]))
    return None


def date_part(value: str | None) -> str | None:
    """An ISO timestamp or a printed date -> YYYY-MM-DD (the date as written, no zone shift)."""
    return parse_date(value) if value else None


def url_date(url: str | None) -> str | None:
    """The date a dated URL path spells (/2017/06/29/slug): the last resort for `published`."""
    if not url:
        return None
    m = _URL_DATE.search(urlsplit(url).path)
    return _iso(int(m[1]), int(m[3]), int(m[4])) if m else None


def zoned_by_url(value: str | None, url: str | None) -> str | None:
    """A UTC timestamp one day off the date of a dated URL path: the site dated the article
    in its own zone when it made the URL (02:25 UTC on the 25th is the evening of the 24th in
    New York: news.example/2020/02/24/…), and that is the date its pages print."""
    found = parse_date(value)
    if not found or not _UTC.search(value.strip()):
        return value
    in_url = url_date(url)
    if in_url and abs(date.fromisoformat(in_url) - date.fromisoformat(found)).days == 1:
        return in_url
    return value
