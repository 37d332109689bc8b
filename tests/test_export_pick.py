"""Which run `healthcrawl export` picks from the store's runs (crawler/commands/export.py)."""
from __future__ import annotations

import pytest

from crawler.commands.export import pick_run
from crawler.run import UsageError
from pipelines.store import StoredRun

RUNS = [StoredRun("r1", "k", "complete", "2026-12-01T00:00:00Z", "2026-12-01T01:00:00Z"),
        StoredRun("r2", "k", "complete", "2026-12-02T00:00:00Z", "2026-12-02T01:00:00Z"),
        StoredRun("r3", "k", "interrupted", "2026-12-03T00:00:00Z", None),
        StoredRun("r4", "k", "shrank", "2026-12-04T00:00:00Z", "2026-12-04T01:00:00Z")]


def test_default_is_the_newest_complete_run() -> None:
    # Neither the interrupted run nor the one whose snapshot shrank: they are not what
    # `latest` would point at.
    assert pick_run(RUNS, None).run_id == "r2"


def test_a_named_run_is_taken_whatever_its_status() -> None:
    assert pick_run(RUNS, "r3").status == "interrupted"
    assert pick_run(RUNS, "r1").run_id == "r1"


def test_unknown_or_missing_run_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="no run 'r9' in the store"):
        pick_run(RUNS, "r9")
    with pytest.raises(UsageError, match="no complete run"):
        pick_run(RUNS[2:], None)
    with pytest.raises(UsageError, match="no complete run"):
        pick_run([], None)
