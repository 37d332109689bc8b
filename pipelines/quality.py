"""The quality bars of a run and the exit code they imply. Pure functions over a run summary
(the dict written to run.json), so a scheduler can recompute them from the file alone:

    exit_code(summary, summary["thresholds"])

0 good; 1 configuration error; 2 finished below a quality bar; 3 interrupted / not complete.
Ratios are counts over HTML pages parsed or confirmed unchanged by a 304 or by the same
bytes (`pages` + `not_modified` + `same_body`; at least 1, so a run that parsed nothing but
failed is a breach, not a division by zero).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from common.default_settings import DEFAULTS
from common.exits import EXIT_INTERRUPTED, EXIT_OK, EXIT_QUALITY, EXIT_USAGE

COMPLETE, INTERRUPTED, ERROR = "complete", "interrupted", "error"

# Duplicates say how a site links to itself, not that extraction failed: they are reported
# in run.json but do not count towards the drop ratio.
EXEMPT_DROPS = frozenset({"duplicate_url", "duplicate_content"})
LEAK_WARNING = "boilerplate_leak"
SNAPSHOT_SHRANK = "snapshot_shrank"  # pipelines/snapshot.py: the guard of unattended runs


# field of Thresholds -> its setting
SETTINGS = {"max_failure_ratio": "HEALTHCRAWL_MAX_FAILURE_RATIO",
            "max_drop_ratio": "HEALTHCRAWL_MAX_DROP_RATIO",
            "max_leak_ratio": "HEALTHCRAWL_MAX_LEAK_RATIO"}


@dataclass(frozen=True)
class Thresholds:
    max_failure_ratio: float = DEFAULTS[SETTINGS["max_failure_ratio"]]
    max_drop_ratio: float = DEFAULTS[SETTINGS["max_drop_ratio"]]
    max_leak_ratio: float = DEFAULTS[SETTINGS["max_leak_ratio"]]

    @classmethod
    def from_settings(cls, settings: Any) -> Thresholds:
        values = {}
        for field, name in SETTINGS.items():
            value = settings.getfloat(name)
            if math.isnan(value) or value < 0:
                raise ValueError(f"{name} must be >= 0, got {value}")
            values[field] = value
        return cls(**values)

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def ratios(summary: Mapping[str, Any]) -> dict[str, float]:
    counts = summary.get("counts") or {}
    # A page that answered 304, or 200 with its known bytes, was checked as much as a
    # parsed one.
    pages = max(int(summary.get("pages") or 0) + int(summary.get("not_modified") or 0)
                + int(summary.get("same_body") or 0), 1)
    failures = sum((counts.get("failed") or {}).values())
    drops = sum(n for reason, n in (counts.get("dropped") or {}).items()
                if reason not in EXEMPT_DROPS)
    leaks = (summary.get("warnings") or {}).get(LEAK_WARNING, 0)
    return {"failure_ratio": round(failures / pages, 6), "drop_ratio": round(drops / pages, 6),
            "leak_ratio": round(leaks / pages, 6)}


def breaches(summary: Mapping[str, Any],
             thresholds: Thresholds | Mapping[str, float]) -> list[str]:
    """Which bars the run missed, e.g. ["failure_ratio 0.08 > 0.05"]."""
    limits = thresholds.as_dict() if isinstance(thresholds, Thresholds) else dict(thresholds)
    found = ratios(summary)
    out = []
    if not summary.get("records"):
        # Nothing exported (e.g. robots.txt unreachable, so the whole host is disallowed):
        # complete, but not a good run for a scheduler.
        out.append("records 0: the run exported nothing")
    for name, value in found.items():
        limit = limits.get(f"max_{name}")
        if limit is not None and value > limit:
            out.append(f"{name} {value:g} > {limit:g}")
    snapshot = summary.get("snapshot") or {}
    if snapshot.get("shrank"):
        out.append(f"{SNAPSHOT_SHRANK}: " + "; ".join(snapshot.get("why") or ()))
    return out


def exit_code(summary: Mapping[str, Any], thresholds: Thresholds | Mapping[str, float]) -> int:
    status = summary.get("status")
    if status == ERROR:
        return EXIT_USAGE
    if status != COMPLETE:
        return EXIT_INTERRUPTED
    return EXIT_QUALITY if breaches(summary, thresholds) else EXIT_OK
