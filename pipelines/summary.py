"""The run summary (run.json) built from Scrapy stats: a pure function, unit-testable."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cleaners.record_fields import SCHEMA_VERSION
from common.keys import (
    ARCHIVE,
    ARCHIVE_BYTES,
    ARCHIVE_ERRORS,
    ARCHIVE_FILES,
    ARCHIVE_PAGES,
    ARCHIVE_REVISITS,
    CHANGE,
    EXPORT_ERRORS,
    LATENCY,
    LATENCY_BUCKETS,
    NOT_MODIFIED,
    OUTCOME,
    PAGES,
    RECORDS,
    SAME_BODY,
    STORE_ERRORS,
    WARNING,
)

from .quality import (
    COMPLETE,
    ERROR,
    INTERRUPTED,
    SNAPSHOT_SHRANK,
    Thresholds,
    breaches,
    ratios,
)

# Always present in run.json (as 0 or {}), so readers need no .get() defaults.
SCALAR_COUNTS = ("stored", "new", "changed", "unchanged", "not_article", "robots_denied",
                 "off_site")
GROUP_COUNTS = ("dropped", "failed")


def collect_counts(stats: Mapping[str, Any]) -> dict[str, Any]:
    """`healthcrawl/outcome/<name>` -> counts[name]; `.../<group>/<name>` ->
    counts[group][name]; `healthcrawl/change/<status>` -> counts[status]. Outcomes the
    spider adds later show up without a change here."""
    counts: dict[str, Any] = {name: 0 for name in SCALAR_COUNTS}
    counts.update({group: {} for group in GROUP_COUNTS})
    for key, value in stats.items():
        if key.startswith(OUTCOME):
            name = key[len(OUTCOME):]
        elif key.startswith(CHANGE):
            name = key[len(CHANGE):]
        else:
            continue
        group, sep, sub = name.partition("/")
        if sep:
            bucket = counts.setdefault(group, {})
            if isinstance(bucket, dict):
                bucket[sub] = bucket.get(sub, 0) + value
        elif not isinstance(counts.get(name), dict):
            counts[name] = value
    for group in GROUP_COUNTS:
        counts[group] = dict(sorted(counts[group].items()))
    return counts


def collect_latency(stats: Mapping[str, Any]) -> dict[str, int]:
    """{bucket: responses} in bucket order, every bucket present; {} when the run recorded
    no timing at all (an older spider, or no response), so readers can tell the two apart."""
    counts = {b: int(stats.get(LATENCY + b, 0)) for b in LATENCY_BUCKETS}
    return counts if any(counts.values()) else {}


def collect_archive(stats: Mapping[str, Any]) -> dict[str, int] | None:
    """The raw archive (RUN/archive/): pages archived (response and revisit records),
    revisits among them, files and bytes; None when the run kept no archive."""
    if not any(key.startswith(ARCHIVE) for key in stats):
        return None
    return {name: int(stats.get(key, 0)) for name, key in (
        ("pages", ARCHIVE_PAGES), ("revisits", ARCHIVE_REVISITS), ("files", ARCHIVE_FILES),
        ("bytes", ARCHIVE_BYTES), ("errors", ARCHIVE_ERRORS))}


def run_status(finish_reason: str, stats: Mapping[str, Any],
               config_error: Exception | str | None = None) -> str:
    if config_error:
        return ERROR
    if finish_reason != "finished" or stats.get(EXPORT_ERRORS) or stats.get(STORE_ERRORS):
        # A store or export error leaves the run's data incomplete: re-run, like a crash.
        return INTERRUPTED
    return COMPLETE


def build_summary(stats: Mapping[str, Any], *, run_id: str, site: str | None,
                  started_at: str, finished_at: str, elapsed_s: float, finish_reason: str,
                  files: Mapping[str, int], thresholds: Thresholds,
                  partial_files: list[str] | None = None,
                  counts: dict[str, Any] | None = None,
                  snapshot: dict[str, Any] | None = None,
                  config_error: Exception | str | None = None) -> dict[str, Any]:
    """Everything but `exit_code`, which quality.exit_code computes from this dict.
    `counts` from the run ledger win over the stats (they span a resumed run's attempts);
    `config_error` (pipelines/runinfo.py ConfigError) makes the status `error`."""
    summary: dict[str, Any] = {
        "run_id": run_id,
        "schema_version": SCHEMA_VERSION,
        "site": site,
        "started_at": started_at,
        "finished_at": finished_at,
        "elapsed_s": round(elapsed_s, 3),
        "finish_reason": finish_reason,
        "status": run_status(finish_reason, stats, config_error),
        "counts": counts if counts is not None else collect_counts(stats),
        "warnings": {key[len(WARNING):]: value for key, value in sorted(stats.items())
                     if key.startswith(WARNING)},
        "pages": int(stats.get(PAGES, 0)),
        "not_modified": int(stats.get(NOT_MODIFIED, 0)),
        "same_body": int(stats.get(SAME_BODY, 0)),
        "latency_ms": collect_latency(stats),
        "records": int(stats.get(RECORDS, 0)),
        "errors": {"export": int(stats.get(EXPORT_ERRORS, 0)),
                   "store": int(stats.get(STORE_ERRORS, 0))},
        "files": dict(files),
        "archive": collect_archive(stats),
        "thresholds": thresholds.as_dict(),
    }
    if config_error:
        summary["config_error"] = str(config_error)
    if partial_files:
        summary["partial_files"] = sorted(partial_files)
    if snapshot is not None:
        summary["snapshot"] = snapshot
        summary["counts"].setdefault("not_rechecked", snapshot["not_rechecked"])
        if snapshot["shrank"]:
            summary["warnings"][SNAPSHOT_SHRANK] = 1
    summary["quality"] = {**ratios(summary), "breaches": breaches(summary, thresholds)}
    return summary
