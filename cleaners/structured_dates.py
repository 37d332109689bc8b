"""Which structured publication / update date a page means: a value that reads as a date, the
same instant in the site's own offset, and the printed day deciding between sources that
disagree (used by cleaners/metadata.py).
"""
from __future__ import annotations

from datetime import datetime, timedelta

from .dates import date_part, parse_date

_EPOCH = "1970-01-01"


def dated(value) -> str | None:
    """A structured date value that reads as a date; one that does not ("Fri Apr 28" cut
    short, "0001-01-01", a free text) must not hide the next source of the date; nor must
    1970-01-01, the Unix epoch an empty timestamp prints as."""
    value = str_value(value)
    found = parse_date(value)
    return value if found and found != _EPOCH else None


def str_value(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def _instant(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value.strip()) if isinstance(value, str) else None
    except ValueError:
        return None


def local_form(value: str | None, others: list) -> str | None:
    """A UTC timestamp (Yoast writes JSON-LD dates in UTC) as another source on the page
    writes the same instant with the site's own offset: its calendar date is the one the
    page shows (22:11 on the 21st in Belize is 04:11 on the 22nd in UTC)."""
    when = _instant(value)
    if when is None or when.utcoffset() != timedelta(0):
        return value
    for other in others:
        local = _instant(other)
        if local is not None and local.utcoffset() not in (None, timedelta(0)) \
                and local == when:
            return other.strip()
    return value


def dated_days(candidates: list) -> dict[str, str]:
    """{YYYY-MM-DD: value} of the structured publication dates that read as dates."""
    return {date_part(c): c for c in candidates if isinstance(c, str) and dated(c)}


def printed_choice(value: str | None, days: dict[str, str], printed: str | None) -> str | None:
    """Structured sources that disagree on the publication day (JSON-LD says the 3rd, the
    `<meta>` tag and microdata the 6th: a re-import, an update, a zone slip): the one whose day
    the page prints under its headline. A printed day none of them gives leaves the first
    source's value."""
    if not value or not printed or date_part(value) == printed:
        return value
    return days.get(printed, value)
