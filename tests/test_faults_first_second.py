"""A run that dies in its first second (kill -9, or a full disk) must not empty the next
snapshot: the run after it holds every article and logs no removal.

Before: the resumed run found "0 URLs known, 0 pending", ended `complete` with 0 records,
moved `latest` to it and logged all articles as removed. Now a resume also requests the
start URLs it does not know yet, and removals need evidence (pipelines/snapshot.py).
Real crawls of the 300-article demo site; the full disk is a real tmpfs (root only).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import orjson
import pytest
from conftest import ROOT
from test_resume import crawl_cmd, run

pytestmark = pytest.mark.slow  # crawls against the demo server


def ids(run_dir: Path) -> set[str]:
    return {orjson.loads(line)["id"] for line in (run_dir / "articles.jsonl").read_bytes()
            .splitlines()}


def changes(run_dir: Path) -> list[dict]:
    return [orjson.loads(line) for line in (run_dir / "changes.jsonl").read_bytes()
            .splitlines()]


@pytest.fixture(scope="module")
def first(demo_server, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("first") / "out"
    proc = run(crawl_cmd(demo_server.base_url, out))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(ids(out / "latest")) == 300
    return out


def assert_next_run_holds_everything(cmd: list[str], out: Path, first_ids: set[str]) -> None:
    proc = run(cmd)
    assert proc.returncode == 0, proc.stderr[-3000:]
    latest = (out / "latest").resolve()
    summary = json.loads((latest / "run.json").read_text())
    assert summary["status"] == "complete" and summary["exit_code"] == 0, summary["quality"]
    assert ids(latest) == first_ids
    assert [c for c in changes(latest) if c["change"] == "removed"] == []
    assert summary["counts"]["pending"] == 0


def runs(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM runs").fetchone()[0]
    except sqlite3.Error:
        return 0


# Seconds after the start of the process, as an operator's kill would land; "begin" is the
# moment the second run's row appears in the store, before its first ledger commit: the
# window that lost everything (on a busy machine the timed kills may land before it).
@pytest.mark.parametrize("when", ["begin", 0.2, 0.8, 1.5])
def test_kill_9_in_the_first_second(when, first, demo_server, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(first, out, symlinks=True)
    first_ids = ids(out / "latest")
    cmd = crawl_cmd(demo_server.base_url, out)
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if when == "begin":
        deadline = time.monotonic() + 60
        while runs(out / "healthcrawl.sqlite") < 2 and time.monotonic() < deadline:
            time.sleep(0.002)
    else:
        time.sleep(when)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert_next_run_holds_everything(cmd, out, first_ids)


def _mount_tmpfs(path: Path, size: int) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_full_disk_at_the_start_of_a_run(first, demo_server, tmp_path):
    disk = tmp_path / "disk"
    used = sum(f.stat().st_size for f in first.rglob("*") if f.is_file() and not f.is_symlink())
    if not _mount_tmpfs(disk, used + 256 * 1024):
        pytest.skip("cannot mount a tmpfs here")
    try:
        out = disk / "out"
        shutil.copytree(first, out, symlinks=True)
        first_ids = ids(out / "latest")
        filler = disk / "filler"
        try:  # fill the disk to the last block
            with open(filler, "wb") as fh:
                while True:
                    fh.write(b"\0" * 4096)
                    fh.flush()
        except OSError:
            pass
        good = (out / "latest").resolve()
        cmd = crawl_cmd(demo_server.base_url, out)
        full = run(cmd)
        # Whatever the full disk broke, nothing claims a good run: latest is unchanged.
        assert (out / "latest").resolve() == good, full.stderr[-2000:]
        filler.unlink(missing_ok=True)
        subprocess.run(["mount", "-o", f"remount,size={used * 4 + 64 * 2**20}", str(disk)],
                       check=True)
        assert_next_run_holds_everything(cmd, out, first_ids)
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
