"""Crawls on a PostgreSQL store (`--store postgresql://...`, HEALTHCRAWL_STORE), against the
demo site and a real PostgreSQL server (tests/servers.py): the same run folder and records as
the SQLite default, an incremental second run, several processes joining one run, a worker
refused for other settings, bad store URLs, and the server restarted mid-crawl."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import orjson
import psycopg
import pytest
from conftest import FAST, ROOT, run_cli, run_scrapy

pytestmark = pytest.mark.slow  # real crawls, a real PostgreSQL server

# Differ from run to run by nature: when and in which run a record was fetched.
PER_RUN = ("run_id", "fetched_at")


def _cli(demo_server, out: Path, *extra: str) -> list[str]:
    return ["crawl", "demo", "--base-url", demo_server.base_url, "--out", str(out), *FAST,
            *extra]


def _records(run_dir: Path) -> dict[str, dict]:
    records = {}
    for line in (run_dir / "articles.jsonl").read_bytes().splitlines():
        record = orjson.loads(line)
        for name in PER_RUN:
            record.pop(name, None)
        assert record["id"] not in records, "a record exported twice"
        records[record["id"]] = record
    return records


def _summary(run_dir: Path) -> dict:
    return json.loads((run_dir / "run.json").read_text(encoding="utf-8"))


def _files(run_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(run_dir)) for p in run_dir.rglob("*")
                  if p.is_file() and "archive" not in p.parts)


def _site_articles(demo_site: Path) -> set[str]:
    """The paths of the demo site's articles, from the generator's expected records."""
    return {orjson.loads(line)["path"] for line in
            (demo_site / "expected.jsonl").read_bytes().splitlines()}


def _paths(records: dict[str, dict]) -> set[str]:
    return {urlsplit(r["url"]).path for r in records.values()}


def _query(url: str, sql: str, params: tuple = ()) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql, params).fetchall()


def _one_outcome_each(url: str, run_id: str) -> None:
    rows = _query(url, "SELECT url, outcome FROM ledger WHERE run_id = %s", (run_id,))
    assert rows
    assert len({u for u, _ in rows}) == len(rows)  # one row, one outcome per URL
    assert [u for u, outcome in rows if outcome is None] == []  # nothing left pending


@pytest.fixture
def pg_url(postgres_server):
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


def test_postgres_crawl_writes_what_sqlite_writes(demo_server, demo_site, pg_url, tmp_path):
    lite = run_cli(_cli(demo_server, tmp_path / "lite"))
    assert lite.returncode == 0, lite.stderr[-3000:]
    pg = run_cli(_cli(demo_server, tmp_path / "pg", "--store", pg_url))
    assert pg.returncode == 0, pg.stderr[-3000:]
    lite_run, pg_run = tmp_path / "lite" / "latest", tmp_path / "pg" / "latest"
    # nothing of the store in the output folder: no SQLite file, no lock file
    assert not (tmp_path / "pg" / "healthcrawl.sqlite").exists()
    assert not list((tmp_path / "pg").glob(".healthcrawl.lock"))

    assert _files(pg_run) == _files(lite_run)
    lite_records, pg_records = _records(lite_run), _records(pg_run)
    assert sorted(pg_records) == sorted(lite_records)
    for rid, record in lite_records.items():
        assert pg_records[rid] == record, rid
    assert _paths(pg_records) == _site_articles(demo_site)
    lite_sum, pg_sum = _summary(lite_run), _summary(pg_run)
    assert pg_sum["counts"] == lite_sum["counts"]
    assert pg_sum["records"] == lite_sum["records"] == len(lite_records)
    assert (pg_sum["status"], pg_sum["exit_code"]) == ("complete", 0)
    assert pg_sum["changes"] == lite_sum["changes"]
    assert (pg_run / "changes.jsonl").read_bytes().count(b"\n") == len(pg_records)
    # the store holds the run: ledger, pages memory, archive captures, the change log
    run_id = pg_sum["run_id"]
    _one_outcome_each(pg_url, run_id)
    assert _query(pg_url, "SELECT status FROM runs") == [("complete",)]
    assert _query(pg_url, "SELECT count(*) FROM pages")[0][0] >= len(pg_records)
    assert _query(pg_url, "SELECT count(*) FROM archive_captures")[0][0] >= len(pg_records)
    assert _query(pg_url, "SELECT count(*) FROM changes WHERE run_id = %s AND change = 'added'",
                  (run_id,))[0][0] == len(pg_records)

    # An incremental second run through `scrapy crawl` on the same store: every article
    # answers 304 and is replayed from the page memory, unchanged; the folder is still a full
    # snapshot.
    again = run_scrapy(["-a", "site=demo", "-a", f"url={demo_server.base_url}",
                        "-s", f"HEALTHCRAWL_STORE={pg_url}"], tmp_path / "pg")
    assert again.returncode == 0, again.stderr[-3000:]
    second = _summary(tmp_path / "pg" / "latest")
    assert second["run_id"] != run_id
    assert second["counts"]["unchanged"] == len(pg_records)
    assert second["counts"]["new"] == second["counts"]["changed"] == 0
    assert second["not_modified"] >= len(pg_records)
    replayed = _records(tmp_path / "pg" / "latest")
    assert {r["http_status"] for r in replayed.values()} == {304}
    assert {rid: {**r, "http_status": 200} for rid, r in replayed.items()} == pg_records
    _one_outcome_each(pg_url, second["run_id"])


def _popen(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_worker(url: str, proc: subprocess.Popen, workers: int = 1) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        try:
            rows = _query(url, "SELECT run_id FROM run_workers WHERE left_at IS NULL")
        except psycopg.Error:  # the crawl has not created the tables yet
            rows = []
        if len(rows) >= workers:
            return rows[0][0]
        time.sleep(0.1)
    raise AssertionError("the crawl never joined its run")


SLOW = ["-s", "DOWNLOAD_DELAY=0.02", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]


# Paced so that the first worker is still crawling when the second has started, on a
# loaded machine too (~15 s for the demo site).
SLOWER = ["-s", "DOWNLOAD_DELAY=0.05", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]


def test_two_processes_join_one_run(demo_server, demo_site, pg_url, tmp_path):
    out = tmp_path / "out"
    beat = ["-s", "HEALTHCRAWL_WORKER_HEARTBEAT_S=0.5"]
    first = _popen(_cli(demo_server, out, "--store", pg_url, *SLOWER, *beat))
    run_id = _wait_for_worker(pg_url, first)
    second = _popen(_cli(demo_server, out, "--store", pg_url, *SLOWER, *beat))
    assert _wait_for_worker(pg_url, second, workers=2) == run_id
    # both keep a heartbeat while they crawl
    deadline = time.monotonic() + 30
    while _query(pg_url, "SELECT count(*) FROM run_workers WHERE left_at IS NULL "
                 "AND heartbeat_at > joined_at")[0][0] < 2:
        assert time.monotonic() < deadline, "no heartbeat"
        time.sleep(0.1)
    results = [proc.communicate(timeout=300) for proc in (first, second)]
    for proc, (_stdout, stderr) in zip((first, second), results, strict=True):
        assert proc.returncode == 0, stderr[-3000:]
    joined = results[1][1]
    assert f"Joining run {run_id}" in joined
    # one run, both workers in it, ended once, by the last to leave
    assert _query(pg_url, "SELECT run_id, status FROM runs") == [(run_id, "complete")]
    assert _query(pg_url, "SELECT count(*) FROM run_workers WHERE run_id = %s AND left_at "
                  "IS NOT NULL", (run_id,))[0][0] == 2
    assert sum("goes on in other workers" in stderr for _out, stderr in results) == 1
    _one_outcome_each(pg_url, run_id)
    run_dir = out / run_id
    assert (out / "latest").resolve() == run_dir.resolve()
    summary = _summary(run_dir)
    records = _records(run_dir)
    assert _paths(records) == _site_articles(demo_site)
    assert summary["records"] == len(records)
    assert (summary["status"], summary["counts"]["pending"]) == ("complete", 0)
    assert summary["counts"]["stored"] + summary["counts"]["unchanged"] == len(records)
    assert not list(run_dir.glob("*.part"))
    # each worker archived into its own files
    assert len({p.name.rsplit("-", 1)[0] for p in (run_dir / "archive").glob("*.warc.gz")}) == 2


def test_worker_with_other_settings_or_version_is_refused(demo_server, pg_url, tmp_path):
    first = _popen(_cli(demo_server, tmp_path / "out", "--store", pg_url, *SLOW))
    try:
        run_id = _wait_for_worker(pg_url, first)
        other = tmp_path / "other"
        refused = run_cli(_cli(demo_server, other, "--store", pg_url,
                               "-s", "HEALTHCRAWL_MIN_BODY_CHARS=10"))
        assert refused.returncode == 1, refused.stderr[-3000:]
        errors = [line for line in refused.stderr.splitlines() if "ERROR" in line]
        assert errors and all("HEALTHCRAWL_MIN_BODY_CHARS='150' there, '10' here" in line
                              and run_id in line for line in errors), refused.stderr[-3000:]
        assert "Traceback" not in refused.stderr
        assert not other.exists()  # wrote nothing
        assert _query(pg_url, "SELECT count(*) FROM run_workers")[0][0] == 1
        # The open run as another healthcrawl version started it: same settings, refused.
        from cleaners.record import PACKAGE_VERSION

        _query(pg_url, "UPDATE runs SET version = '0.0.1-other' RETURNING run_id")
        refused = run_cli(_cli(demo_server, other, "--store", pg_url))
        assert refused.returncode == 1, refused.stderr[-3000:]
        errors = [line for line in refused.stderr.splitlines() if "ERROR" in line]
        assert errors and all(f"run {run_id} is open with healthcrawl 0.0.1-other, this worker "
                              f"is {PACKAGE_VERSION}" in line for line in errors), errors
        assert not other.exists()
        assert _query(pg_url, "SELECT count(*) FROM run_workers")[0][0] == 1
    finally:
        first.communicate(timeout=300)
    assert first.returncode == 0
    assert _query(pg_url, "SELECT run_id, status FROM runs") == [(run_id, "complete")]


def test_bad_store_urls_are_one_line_and_write_nothing(demo_server, postgres_server, pg_url,
                                                     tmp_path):
    from conftest import free_port

    base = postgres_server.url().rsplit("/", 1)[0]  # postgresql://healthcrawl@127.0.0.1:PORT
    cases = {
        "mysql://u@127.0.0.1/db": "unsupported scheme mysql://",
        "postgresql://u@127.0.0.1:notaport/db": 'invalid integer value "notaport"',
        f"postgresql://healthcrawl:secret@127.0.0.1:{free_port()}/db": "Connection refused",
        pg_url.replace("//healthcrawl@", "//nobody_here@"): 'role "nobody_here" does not exist',
        f"{base}/no_such_db": 'database "no_such_db" does not exist',
    }
    for url, why in cases.items():
        out = tmp_path / "out"
        proc = run_cli(_cli(demo_server, out, "--store", url))
        assert proc.returncode == 1, (url, proc.stderr[-2000:])
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and why in lines[0], (url, proc.stderr[-2000:])
        assert "secret" not in proc.stderr
        assert not out.exists(), url  # no run folder, no lock file, no SQLite file


def test_server_restart_mid_crawl_loses_nothing(demo_server, demo_site, postgres_server,
                                                pg_url, tmp_path):
    out = tmp_path / "out"
    crawl = _popen(_cli(demo_server, out, "--store", pg_url, *SLOW, "-s",
                        "HEALTHCRAWL_LEDGER_FLUSH_S=0.2", "-s", "HEALTHCRAWL_STORE_FLUSH_S=0.2"))
    try:
        run_id = _wait_for_worker(pg_url, crawl)
        deadline = time.monotonic() + 60
        while _query(pg_url, "SELECT count(*) FROM ledger WHERE outcome = 'stored'")[0][0] < 20:
            assert time.monotonic() < deadline and crawl.poll() is None
            time.sleep(0.1)
        postgres_server.pause()
        time.sleep(2)
    finally:
        postgres_server.resume()
    _stdout, stderr = crawl.communicate(timeout=300)
    assert crawl.returncode == 0, stderr[-3000:]
    assert "Traceback" not in stderr, stderr[-3000:]
    waits = [line for line in stderr.splitlines() if "server away" in line]
    assert 1 <= len(waits) <= 4, stderr[-3000:]  # one per store connection that waited
    assert "writes resume" in stderr
    summary = _summary(out / run_id)
    records = _records(out / run_id)
    assert _paths(records) == _site_articles(demo_site)  # 0 lost
    assert summary["status"] == "complete" and summary["counts"]["pending"] == 0
    _one_outcome_each(pg_url, run_id)
    assert _query(pg_url, "SELECT count(*) FROM articles")[0][0] == len(records)
