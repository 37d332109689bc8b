"""The one UTC clock: timestamps in records (`fetched_at`), run.json, the ledger and the store
are ISO 8601 in UTC with a `Z`."""
from __future__ import annotations

from datetime import datetime, timezone


def utc_now_dt() -> datetime:
    return datetime.now(timezone.utc)


def utc_now(timespec: str = "milliseconds") -> str:
    """e.g. `2026-12-04T03:14:35.123Z`; timespec as datetime.isoformat's ("seconds", ...)."""
    return utc_now_dt().isoformat(timespec=timespec).replace("+00:00", "Z")
