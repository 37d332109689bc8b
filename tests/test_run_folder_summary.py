"""run.json contents and the exit code: pure functions over a stats dict."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipelines.quality import Thresholds, breaches, exit_code, ratios
from pipelines.run_folder import list_files, point_latest, write_json_atomic
from pipelines.summary import build_summary, collect_counts

STATS = {
    "healthcrawl/pages": 200,
    "healthcrawl/outcome/not_article": 12,
    "healthcrawl/outcome/robots_denied": 3,
    "healthcrawl/outcome/failed/http_404": 4,
    "healthcrawl/outcome/failed/timeout": 1,
    "healthcrawl/outcome/dropped/body_too_short": 2,
    "healthcrawl/outcome/dropped/duplicate_url": 30,
    "healthcrawl/outcome/stored": 150,
    "healthcrawl/change/new": 100,
    "healthcrawl/change/changed": 20,
    "healthcrawl/change/unchanged": 30,
    "healthcrawl/warning/boilerplate_leak": 1,
    "healthcrawl/warning/charset_guessed": 5,
    "healthcrawl/export/records": 150,
    "item_scraped_count": 150,
}


def summary_of(stats: dict, reason: str = "finished", thresholds: Thresholds | None = None,
               config_error: str | None = None) -> dict:
    summary = build_summary(stats, run_id="20261126T121500Z-ab12", site="demo",
                            started_at="2026-11-26T12:15:00.000Z",
                            finished_at="2026-11-26T12:16:00.000Z", elapsed_s=60.0,
                            finish_reason=reason, files={"articles.jsonl": 10},
                            thresholds=thresholds or Thresholds(), config_error=config_error)
    summary["exit_code"] = exit_code(summary, thresholds or Thresholds())
    return summary


def test_counts_from_stats() -> None:
    counts = collect_counts(STATS)
    assert counts == {
        "stored": 150, "new": 100, "changed": 20, "unchanged": 30, "not_article": 12,
        "robots_denied": 3, "off_site": 0,
        "dropped": {"body_too_short": 2, "duplicate_url": 30},
        "failed": {"http_404": 4, "timeout": 1},
    }
    assert collect_counts({})["dropped"] == {} and collect_counts({})["off_site"] == 0


def test_good_run() -> None:
    summary = summary_of(STATS)
    assert summary["status"] == "complete" and summary["exit_code"] == 0
    assert summary["warnings"] == {"boilerplate_leak": 1, "charset_guessed": 5}
    assert summary["pages"] == 200 and summary["records"] == 150
    # Duplicates are reported but are not extraction failures.
    assert summary["quality"] == {"failure_ratio": 0.025, "drop_ratio": 0.01,
                                  "leak_ratio": 0.005, "breaches": []}
    assert summary["thresholds"] == {"max_failure_ratio": 0.05, "max_drop_ratio": 0.05,
                                     "max_leak_ratio": 0.01}


@pytest.mark.parametrize(("extra", "breach"), [
    ({"healthcrawl/outcome/failed/timeout": 7}, "failure_ratio"),
    ({"healthcrawl/outcome/dropped/missing_title": 9}, "drop_ratio"),
    ({"healthcrawl/warning/boilerplate_leak": 3}, "leak_ratio"),
])
def test_below_quality_bar_is_exit_2(extra: dict, breach: str) -> None:
    summary = summary_of({**STATS, **extra})
    assert summary["status"] == "complete"
    assert summary["exit_code"] == 2
    assert [b.split()[0] for b in summary["quality"]["breaches"]] == [breach]


def test_thresholds_are_settings_and_exit_code_is_recomputable() -> None:
    strict = Thresholds(max_failure_ratio=0.01)
    summary = summary_of(STATS, thresholds=strict)
    assert summary["exit_code"] == 2
    # A scheduler can recompute the verdict from run.json alone.
    assert exit_code(summary, summary["thresholds"]) == 2
    assert exit_code(summary, {"max_failure_ratio": 1}) == 0


def test_interrupted_and_errors() -> None:
    for reason in ("shutdown", "cancelled", "export_failed", "closespider_timeout"):
        summary = summary_of(STATS, reason=reason)
        assert (summary["status"], summary["exit_code"]) == ("interrupted", 3)
    summary = summary_of({**STATS, "healthcrawl/export/errors": 1})
    assert (summary["status"], summary["exit_code"]) == ("interrupted", 3)
    assert summary["errors"] == {"export": 1, "store": 0}
    summary = summary_of(STATS, config_error="start URL private_host")
    assert (summary["status"], summary["exit_code"]) == ("error", 1)
    assert summary["config_error"] == "start URL private_host"


def test_nothing_parsed_but_failures_is_a_breach() -> None:
    summary = summary_of({"healthcrawl/outcome/failed/http_503": 1})
    assert summary["exit_code"] == 2
    assert ratios(summary)["failure_ratio"] == 1.0
    # a complete run that exported nothing (robots.txt unreachable, ...) is not a good run
    assert breaches(summary_of({}), Thresholds()) == ["records 0: the run exported nothing"]
    assert breaches(summary_of({"healthcrawl/export/records": 1}), Thresholds()) == []


def test_thresholds_from_settings() -> None:
    from scrapy.settings import Settings

    from common.default_settings import project_defaults

    t = Thresholds.from_settings(Settings(project_defaults({"HEALTHCRAWL_MAX_LEAK_RATIO": "0.2"})))
    assert t == Thresholds(max_leak_ratio=0.2)
    assert (t.max_failure_ratio, t.max_drop_ratio) == (0.05, 0.05)
    with pytest.raises(ValueError):
        Thresholds.from_settings(Settings(project_defaults({"HEALTHCRAWL_MAX_DROP_RATIO": -1})))


def test_run_json_atomic_and_latest(tmp_path: Path) -> None:
    run = tmp_path / "r1"
    run.mkdir()
    (run / "articles.jsonl").write_bytes(b"{}\n")
    (run / "articles.csv.part").write_bytes(b"id\r\n")
    write_json_atomic(run / "run.json", {"a": "中文"})
    assert (run / "run.json").read_text(encoding="utf-8") == '{\n  "a": "中文"\n}\n'
    assert list_files(run) == ({"articles.jsonl": 3}, ["articles.csv.part"])
    point_latest(tmp_path, "r1")
    assert os.readlink(tmp_path / "latest") == "r1"
    (tmp_path / "r2").mkdir()
    point_latest(tmp_path, "r2")
    assert os.readlink(tmp_path / "latest") == "r2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest", "r1", "r2"]
