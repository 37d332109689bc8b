"""The pipelines and the RunFolder extension inside a real Scrapy crawl.

Each test runs this file as a script in a child process (a Twisted reactor cannot restart):
a CrawlerProcess with a spider that yields records from a JSON Lines file and sets the
outcome stats a real spider would, and healthcrawl's ITEM_PIPELINES and EXTENSIONS. The
test then reads the run folder with pandas/pyarrow and the store with sqlite3.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import orjson
import pandas as pd
import pyarrow.parquet as pq
import pytest

pytestmark = pytest.mark.slow  # crawls in child processes

ROOT = Path(__file__).resolve().parents[1]
RUN1, RUN2 = "20261126T120000Z-aaaa", "20261127T120000Z-bbbb"
# Written beside the exports at the end of every run (pipelines/publish.py); the feeds are
# named after the records' site.
PUBLISHED = ["changes.jsonl", "data-dictionary.md", "feeds/health.example.atom",
             "feeds/health.example.json", "schema.json"]
EXPORTS = ["articles.csv", "articles.jsonl", "articles.parquet", "authors.csv", "references.csv",
           "related_links.csv", "reviewed_by.csv", "teasers.csv"]


# -- the child process -------------------------------------------------------------------
def crawl_main(config: dict) -> None:
    import scrapy
    from scrapy.crawler import CrawlerProcess

    from common.default_settings import project_defaults
    from pipelines import EXTENSIONS, ITEM_PIPELINES

    class ListSpider(scrapy.Spider):
        """Yields the records from one callback (a `data:` URL: no network), in order."""

        name = "list"

        async def start(self):
            for key, value in config.get("stats", {}).items():
                self.crawler.stats.set_value(key, value)
            yield scrapy.Request("data:,", callback=self.parse_records)

        def parse_records(self, response):
            lines = Path(config["records"]).read_bytes().splitlines()
            for i, line in enumerate(lines):
                if i == config.get("sigkill_at"):
                    os.kill(os.getpid(), signal.SIGKILL)  # kill -9: no close, no cleanup
                if i == config.get("raise_at"):
                    # A BaseException escapes the reactor: the process dies with a
                    # traceback, nothing is closed.
                    raise KeyboardInterrupt("crash")
                if i == config.get("double_sigint_at"):
                    # Ctrl-C twice: Scrapy's "forcing unclean shutdown".
                    os.kill(os.getpid(), signal.SIGINT)
                    os.kill(os.getpid(), signal.SIGINT)
                if i == config.get("sigint_at"):
                    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C once: graceful shutdown
                yield orjson.loads(line)

    process = CrawlerProcess(project_defaults({
        "ITEM_PIPELINES": ITEM_PIPELINES, "EXTENSIONS": EXTENSIONS,
        "HEALTHCRAWL_OUTPUT_DIR": config["out"], "HEALTHCRAWL_RUN_ID": config["run_id"],
        "LOG_LEVEL": "INFO", "TELNETCONSOLE_ENABLED": False, **config.get("settings", {})}))
    crawler = process.create_crawler(ListSpider)
    process.crawl(crawler)
    process.start()


# -- helpers -----------------------------------------------------------------------------
def run_crawl(tmp: Path, out: Path, run_id: str, records: list[dict],
              **config) -> subprocess.CompletedProcess:
    path = tmp / f"{run_id}.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    config = {"out": str(out), "run_id": run_id, "records": str(path), **config}
    return subprocess.run([sys.executable, __file__, json.dumps(config)], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
                          text=True, timeout=60)


def read_jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def outcome_stats(pages: int, **extra: int) -> dict:
    return {"healthcrawl/pages": pages, "healthcrawl/outcome/not_article": 7,
            "healthcrawl/outcome/robots_denied": 1, "healthcrawl/outcome/failed/http_404": 2,
            "healthcrawl/warning/charset_guessed": 3, **extra}


def store_rows(out: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(out / "healthcrawl.sqlite")
    rows = conn.execute("SELECT id, first_run, last_run, content_hash FROM articles")
    result = {r[0]: r[1:] for r in rows}
    conn.close()
    return result


# -- two runs ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    from pipelines.synthetic import synthetic_record, tricky_records

    tmp = tmp_path_factory.mktemp("crawl")
    out = tmp / "output"
    good = tricky_records(RUN1) + [synthetic_record(i, RUN1) for i in range(30)]
    bad = [
        {**synthetic_record(100), "title": ""},                             # missing_title
        {**synthetic_record(101), "body": "Cookies. Accept."},              # body_too_short
        {**good[20], "title": "same URL again"},                            # duplicate_url
        {**good[21], "id": "f" * 16, "url": "https://health.example/p"},    # duplicate_content
    ]
    # Invalid records in the middle; duplicates after their originals (the first one wins).
    first = run_crawl(tmp, out, RUN1, good[:10] + bad[:2] + good[10:] + bad[2:],
                      stats=outcome_stats(pages=200))
    assert first.returncode == 0, first.stderr[-3000:]
    # Run 2: 5 records changed, 3 new, 10 gone, the rest unchanged; many failures.
    second_records = [
        {**r, "body": r["body"] + "\n\nUpdated.", "content_hash": "0" * 63 + str(i)}
        if i < 5 else r for i, r in enumerate(good[10:])
    ] + [synthetic_record(i, RUN2) for i in range(200, 203)]
    second = run_crawl(tmp, out, RUN2, second_records,
                       stats=outcome_stats(pages=100, **{"healthcrawl/outcome/failed/timeout": 9}))
    assert second.returncode == 0, second.stderr[-3000:]
    return out, good, second_records, first, second


def test_first_run_folder(two_runs) -> None:
    out, good, *_ = two_runs
    run_dir = out / RUN1
    assert sorted(str(p.relative_to(run_dir)) for p in run_dir.rglob("*") if p.is_file()) == \
        sorted([*EXPORTS, *PUBLISHED, "run.json"])
    summary = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert summary["status"] == "complete" and summary["exit_code"] == 0
    assert summary["finish_reason"] == "finished"
    assert summary["run_id"] == RUN1 and summary["schema_version"] == 2
    assert summary["counts"] == {
        "stored": len(good), "new": len(good), "changed": 0, "unchanged": 0,
        "not_article": 7, "robots_denied": 1, "off_site": 0,
        "dropped": {"body_too_short": 1, "duplicate_content": 1, "duplicate_url": 1,
                    "missing_title": 1},
        "failed": {"http_404": 2},
    }
    assert summary["warnings"] == {"charset_guessed": 3}
    assert summary["pages"] == 200 and summary["records"] == len(good)
    assert summary["files"] == {name: (run_dir / name).stat().st_size
                                for name in EXPORTS + PUBLISHED}
    assert summary["elapsed_s"] > 0 and summary["started_at"] < summary["finished_at"]


def test_first_run_exports_equal_input(two_runs) -> None:
    from pipelines.export import csv_unescape

    out, good, *_ = two_runs
    run_dir = out / RUN1
    jsonl = read_jsonl(run_dir / "articles.jsonl")
    assert jsonl == good  # in order, nothing dropped that should not be
    assert pq.read_table(run_dir / "articles.parquet").to_pylist() == good
    df = pd.read_csv(run_dir / "articles.csv", keep_default_na=False, dtype=str)
    assert [csv_unescape(t) for t in df["title"]] == [r["title"] for r in good]
    assert [csv_unescape(b) for b in df["body"]] == [r["body"] for r in good]
    teasers = pd.read_csv(run_dir / "teasers.csv", keep_default_na=False, dtype=str)
    assert len(teasers) == sum(len(r["teasers"]) for r in good)


def test_second_run_changes_and_latest(two_runs) -> None:
    out, good, second_records, *_ = two_runs
    summary = json.loads((out / RUN2 / "run.json").read_text(encoding="utf-8"))
    counts = summary["counts"]
    assert (counts["new"], counts["changed"], counts["unchanged"]) == (3, 5, len(good) - 15)
    assert counts["stored"] == len(second_records)
    # 11 failures over 100 pages: finished, but below the 5% bar.
    assert summary["status"] == "complete" and summary["exit_code"] == 2
    assert summary["quality"]["breaches"] == ["failure_ratio 0.11 > 0.05"]
    # latest follows the newest complete run, as a relative link.
    assert os.readlink(out / "latest") == RUN2
    rows = store_rows(out)
    assert len(rows) == len(good) + 3
    first_only = [r["id"] for r in good[:10]]
    assert all(rows[i][:2] == (RUN1, RUN1) for i in first_only)
    assert all(rows[r["id"]][:2] == (RUN1, RUN2) for r in second_records[:20])


def test_logs_one_line_per_drop(two_runs) -> None:
    *_, first, _ = two_runs
    for reason in ("missing_title", "body_too_short", "duplicate_url", "duplicate_content"):
        lines = [line for line in first.stderr.splitlines() if f"({reason})" in line]
        assert len(lines) == 1, (reason, lines)
    assert "Traceback" not in first.stderr


# -- runs that do not complete -----------------------------------------------------------
@pytest.mark.parametrize("crash", ["sigkill_at", "raise_at", "double_sigint_at"])
def test_crash_leaves_only_part_files(tmp_path: Path, crash: str) -> None:
    from pipelines.synthetic import synthetic_record

    out = tmp_path / "output"
    records = [synthetic_record(i) for i in range(400)]
    proc = run_crawl(tmp_path, out, RUN1, records, stats=outcome_stats(pages=400),
                     **{crash: 300})
    assert "Spider closed" not in proc.stderr  # the crawl really died before its close
    run_dir = out / RUN1
    assert sorted(p.name for p in run_dir.iterdir()) == sorted(f"{n}.part" for n in EXPORTS)
    assert not (out / "latest").exists()
    # The store is consistent: whole committed batches (200 each), readable.
    assert len(store_rows(out)) in (0, 200)


def test_graceful_interrupt(tmp_path: Path) -> None:
    from pipelines.synthetic import synthetic_record

    out = tmp_path / "output"
    proc = run_crawl(tmp_path, out, RUN1, [synthetic_record(i) for i in range(50)],
                     stats=outcome_stats(pages=50), sigint_at=10)
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads((out / RUN1 / "run.json").read_text(encoding="utf-8"))
    assert summary["finish_reason"] == "shutdown"
    assert (summary["status"], summary["exit_code"]) == ("interrupted", 3)
    assert not (out / "latest").exists()  # an interrupted run is never "latest"
    # What was exported is well-formed and says so in run.json.
    assert len(read_jsonl(out / RUN1 / "articles.jsonl")) == summary["records"]


def test_export_failure_stops_the_crawl(tmp_path: Path) -> None:
    from pipelines.synthetic import synthetic_record

    out = tmp_path / "output"
    records = [synthetic_record(i) for i in range(30)]
    records[5]["word_count"] = "many"  # Parquet cannot take it; validation is off
    proc = run_crawl(tmp_path, out, RUN1, records, stats=outcome_stats(pages=30),
                     settings={"HEALTHCRAWL_VALIDATE_ENABLED": False,
                               "HEALTHCRAWL_PARQUET_ROW_GROUP": 4})
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads((out / RUN1 / "run.json").read_text(encoding="utf-8"))
    assert summary["finish_reason"] == "export_failed"
    assert (summary["status"], summary["exit_code"]) == ("interrupted", 3)
    assert summary["errors"]["export"] == 1 and sorted(summary["files"]) == PUBLISHED
    assert summary["partial_files"] == sorted(f"{n}.part" for n in EXPORTS)
    assert not (out / "latest").exists()


def test_unknown_format_is_a_config_error(tmp_path: Path) -> None:
    proc = run_crawl(tmp_path, tmp_path / "output", RUN1, [],
                     settings={"HEALTHCRAWL_FORMATS": "jsonl,xml"})
    assert "unknown export format(s) xml" in proc.stderr
    assert not (tmp_path / "output" / RUN1 / "run.json").exists()


def test_formats_setting_and_excel(tmp_path: Path) -> None:
    from pipelines.synthetic import tricky_records

    out = tmp_path / "output"
    proc = run_crawl(tmp_path, out, RUN1, tricky_records(RUN1), stats=outcome_stats(pages=99),
                     settings={"HEALTHCRAWL_FORMATS": "csv", "HEALTHCRAWL_CSV_EXCEL": True,
                               "HEALTHCRAWL_STORE_ENABLED": False})
    assert proc.returncode == 0, proc.stderr[-3000:]
    names = sorted(p.name for p in (out / RUN1).iterdir())
    # No store: no change log and no feeds.
    assert names == ["articles.csv", "authors.csv", "data-dictionary.md", "references.csv",
                     "related_links.csv", "reviewed_by.csv", "run.json", "schema.json",
                     "teasers.csv"]
    assert (out / RUN1 / "articles.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not (out / "healthcrawl.sqlite").exists()
    summary = json.loads((out / RUN1 / "run.json").read_text(encoding="utf-8"))
    assert summary["counts"]["stored"] == 0 and summary["exit_code"] == 0


if __name__ == "__main__":
    crawl_main(json.loads(sys.argv[1]))
