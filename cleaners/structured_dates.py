"""Which structured publication / update date a page means: a value that reads as a date, the
same instant in the site's own offset, and the printed day deciding between sources that
disagree (used by cleaners/metadata.py).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from .dates import date_part, parse_date

_EPOCH = "1970-01-01"
_UTC = timedelta(0)
# two sources' timestamps this close are one instant written twice (an Arc / Fusion page's
# `<meta>` "02:00:00.824Z" beside its JSON-LD "21:00:00-05:00")
_SAME_INSTANT = timedelta(minutes=1)


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
    """An ISO timestamp, or the RFC 2822 form some JSON-LD writes ("Wed, 04 May 2022
    00:25:56 GMT"); a date without a time has no zone (naive)."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None


def _zoned(when: datetime | None) -> bool:
    return when is not None and when.utcoffset() not in (None, _UTC)


def same_instant(a, b) -> bool:
    """Whether two structured values are one instant (to the minute), in any zone."""
    one, two = _instant(a), _instant(b)
    return one is not None and two is not None and None not in (one.utcoffset(), two.utcoffset()) \
        and abs(one - two) < _SAME_INSTANT


def local_form(value: str | None, others: list) -> str | None:
    """A UTC timestamp (Yoast writes JSON-LD dates in UTC) as another source on the page
    writes the same instant with the site's own offset: its calendar date is the one the
    page shows (22:11 on the 21st in Belize is 04:11 on the 22nd in UTC)."""
    when = _instant(value)
    if when is None or when.utcoffset() != _UTC:
        return value
    for other in others:
        local = _instant(other)
        if _zoned(local) and abs(local - when) < _SAME_INSTANT:
            return other.strip()
    return value


def dated_days(candidates: list) -> dict[str, str]:
    """{YYYY-MM-DD: value} of the structured publication dates that read as dates; a UTC
    value that another source writes as the same instant in the site's own offset is that
    value, not a second day."""
    values = [c for c in candidates if isinstance(c, str) and dated(c)]
    local = [w for c in values if _zoned(w := _instant(c))]
    return {date_part(c): c for c in values if not _utc_copy(_instant(c), local)}


def _utc_copy(when: datetime | None, local: list[datetime]) -> bool:
    return when is not None and when.utcoffset() == _UTC \
        and any(abs(w - when) < _SAME_INSTANT for w in local)


def printed_choice(value: str | None, days: dict[str, str], printed: str | None) -> str | None:
    """Structured sources that disagree on the publication day (JSON-LD says the 3rd, the
    `<meta>` tag and microdata the 6th: a re-import, an update, a zone slip): the one whose day
    the page prints under its headline. A printed day none of them gives leaves the first
    source's value."""
    if not value or not printed or date_part(value) == printed:
        return value
    return days.get(printed, value)


def utc_morning(value) -> bool:
    """A timestamp written in UTC ("…Z", "+00:00", "GMT") before noon: the only ones
    `printed_day` may move (a cheap test before the printed date is searched)."""
    when = _instant(value)
    return when is not None and when.utcoffset() == _UTC and when.hour < 12


def printed_day(value: str | None, printed: str | None) -> str | None:
    """A UTC timestamp before noon whose calendar day is the day after the one the page prints
    under its headline: a site west of UTC shows its local day (00:25 UTC on the 4th is the
    evening of the 3rd in Buenos Aires). The printed day replaces the value; anything else
    leaves it. (Not the other way round: a day after the UTC day printed near the headline
    was, on the tune pool, the day the page was saved (a header's "today"), not an eastern
    site's local day.)"""
    when = _instant(value)
    if when is None or when.utcoffset() != _UTC or not printed or when.hour >= 12:
        return value
    try:
        shown = date.fromisoformat(printed)
    except ValueError:
        return value
    return printed if shown == when.date() - timedelta(days=1) else value
