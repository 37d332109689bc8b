"""kill -9 of a real crawl at several points, then the same command again: the resumed run's
exports equal an uninterrupted run's, record by record (0 lost, 0 duplicated)."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from conftest import FAST, ROOT

pytestmark = pytest.mark.slow  # crawls against the demo server

VOLATILE = ("fetched_at", "run_id", "http_status")
# Slow enough that a kill lands mid-crawl, fast enough for the suite.
PACED = [*FAST, "-s", "CONCURRENT_REQUESTS=4", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4",
         "-s", "DOWNLOAD_DELAY=0.004", "-s", "HEALTHCRAWL_LEDGER_FLUSH_S=0.05",
         "-s", "HEALTHCRAWL_STORE_FLUSH_S=0.05", "-s", "HEALTHCRAWL_STORE_BATCH_SIZE=20"]


def crawl_cmd(base_url: str, out: Path) -> list[str]:
    return [sys.executable, "-m", "scrapy", "crawl", "health", "-a", "site=demo",
            "-a", f"url={base_url}", *PACED, "-s", f"HEALTHCRAWL_OUTPUT_DIR={out}"]


def run(cmd) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=300)


def finished_urls(out: Path, errors: list[str]) -> int:
    db = out / "healthcrawl.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM ledger WHERE outcome IS NOT NULL"
                                ).fetchone()[0]
    except sqlite3.Error as exc:  # e.g. the tables do not exist yet
        errors.append(str(exc))
        return 0


def kill_when(cmd, out: Path, finished: int) -> None:
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    errors: list[str] = []
    seen = 0
    while proc.poll() is None and time.monotonic() < deadline:
        seen = finished_urls(out, errors)
        if seen >= finished:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, (
        f"the crawl ended before the kill point (exit {proc.returncode}, saw {seen} finished "
        f"URLs, read errors: {sorted(set(errors))[:3]})")


def records(run_dir: Path) -> dict[str, dict]:
    out = {}
    for line in (run_dir / "articles.jsonl").read_bytes().splitlines():
        rec = orjson.loads(line)
        assert rec["id"] not in out, f"duplicated record {rec['url']}"
        out[rec["id"]] = {k: v for k, v in rec.items() if k not in VOLATILE}
    return out


@pytest.fixture(scope="module")
def clean_run(demo_server, tmp_path_factory):
    out = tmp_path_factory.mktemp("clean")
    proc = run(crawl_cmd(demo_server.base_url, out))
    assert proc.returncode == 0, proc.stderr[-2000:]
    return records(out / "latest")


@pytest.mark.parametrize("kill_at", [1, 120, 290])
def test_kill_9_then_resume_equals_clean_run(kill_at, demo_server, clean_run, tmp_path):
    out = tmp_path / "out"
    cmd = crawl_cmd(demo_server.base_url, out)
    kill_when(cmd, out, kill_at)
    assert not (out / "latest").exists()  # nothing looks complete after the kill
    lock = out / ".healthcrawl.lock"
    assert lock.exists()  # left behind by the dead process; the resume must clear it

    proc = run(cmd)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Resuming interrupted run" in proc.stderr
    run_dirs = [p for p in out.iterdir() if p.is_dir() and not p.is_symlink()]
    assert len(run_dirs) == 1, "a resumed run is the same run: one folder"
    resumed = records(out / "latest")
    assert resumed.keys() == clean_run.keys()  # 0 lost, and records() asserts 0 duplicated
    for rid, rec in clean_run.items():
        assert resumed[rid] == rec, rec["url"]
    summary = json.loads((out / "latest" / "run.json").read_text())
    counts = summary["counts"]
    assert counts["pending"] == 0
    total = sum(v if isinstance(v, int) else sum(v.values()) for k, v in counts.items()
                if k not in ("discovered", "pending", "new", "changed"))
    assert total == counts["discovered"]
    assert counts["new"] == len(clean_run) and summary["records"] == len(clean_run)
    assert not lock.exists()
    assert not list((out / "latest").glob("*.part"))


def test_fresh_starts_over_and_lock_refuses_a_second_run(demo_server, tmp_path):
    out = tmp_path / "out"
    cmd = crawl_cmd(demo_server.base_url, out)
    kill_when(cmd, out, 50)
    proc = run([*cmd, "-s", "HEALTHCRAWL_FRESH=1"])
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Resuming" not in proc.stderr
    assert len([p for p in out.iterdir() if p.is_dir() and not p.is_symlink()]) == 2

    # A live process holding the lock (an flock on it): a second run refuses (exit 1).
    holder = subprocess.Popen(
        [sys.executable, "-c", ("import fcntl, sys, time; f = open(sys.argv[1], 'w'); "
         "fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)"),
         str(out / ".healthcrawl.lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        cli = run([sys.executable, "-m", "crawler.cli", "crawl", "demo", "--base-url",
                   demo_server.base_url, "--out", str(out), "--allow-private-hosts",
                   "127.0.0.1"])
        assert cli.returncode == 1
        assert "another run is using this output folder" in cli.stderr
    finally:
        holder.kill()
        holder.wait()
