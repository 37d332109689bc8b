"""Run `scrapy crawl health` in a child process, as tests/conftest.py's `run_scrapy` does (same
command line and FAST settings), but started with Popen so that several crawls run at
once; the child's own peak RSS is read from /proc while it runs (wait4's ru_maxrss is no
measure of it: Linux starts a child's at the parent's RSS at fork)."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from conftest import FAST, ROOT

from .site import DOWNLOAD_TIMEOUT, RETRY_TIMES

# After FAST, so these win (Scrapy keeps the last -s of a name).
FAULT_SETTINGS = ["-s", f"DOWNLOAD_TIMEOUT={DOWNLOAD_TIMEOUT}", "-s", f"RETRY_TIMES={RETRY_TIMES}",
                  "-s", "CONCURRENT_REQUESTS=64", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=64",
                  "-s", "HEALTHCRAWL_FORMATS=jsonl,csv,parquet"]


@dataclass
class Crawl:
    url: str
    out: Path
    proc: subprocess.Popen
    started: float
    returncode: int | None = None
    maxrss_mb: float = 0.0  # wait4's ru_maxrss: at least the test process's RSS at fork
    peak_mb: float = 0.0  # the crawl process's own peak RSS (VmHWM, polled)
    watcher: threading.Thread | None = None
    elapsed_s: float = 0.0
    stderr: str = ""
    summary: dict = field(default_factory=dict)
    records: list[dict] = field(default_factory=list)

    @property
    def run_dir(self) -> Path:
        return self.out / self.summary["run_id"]

    @property
    def counts(self) -> dict:
        return self.summary["counts"]

    def ledger(self) -> dict[str, str | None]:
        """url -> outcome of every URL this run discovered (the run ledger in the store)."""
        db = sqlite3.connect(self.out / "healthcrawl.sqlite")
        try:
            return dict(db.execute("SELECT url, outcome FROM ledger WHERE run_id = ?",
                                   (self.summary["run_id"],)))
        finally:
            db.close()


def start(url: str, out: Path, extra: list[str] = ()) -> Crawl:
    out.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "scrapy", "crawl", "health", "-a", f"url={url}",
           *FAST, *FAULT_SETTINGS, *extra, "-s", f"HEALTHCRAWL_OUTPUT_DIR={out}"]
    # tests/ too: a test may put one of tests/faults' components into the crawl.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join((str(ROOT), str(ROOT / "tests")))}
    with open(out / "stderr.log", "wb") as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
    crawl = Crawl(url, out, proc, time.monotonic())
    # polled while the crawl runs, whenever finish() is called: a zombie has no VmHWM
    crawl.watcher = threading.Thread(target=_watch_peak, args=(crawl,), daemon=True)
    crawl.watcher.start()
    return crawl


def _watch_peak(crawl: Crawl) -> None:
    while (now := _vm_hwm_mb(crawl.proc.pid)) > 0:
        crawl.peak_mb = max(crawl.peak_mb, now)
        time.sleep(0.02)


def _vm_hwm_mb(pid: int) -> float:
    """The process's peak RSS so far (VmHWM of /proc/PID/status); 0 once it has ended (a
    zombie has none)."""
    try:
        with open(f"/proc/{pid}/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except (OSError, ValueError):
        pass
    return 0.0


def finish(crawl: Crawl, timeout: float = 120) -> Crawl:
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(crawl.proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            crawl.proc.kill()
            pid, status, usage = os.wait4(crawl.proc.pid, 0)
            break
        time.sleep(0.05)
    if crawl.watcher is not None:
        crawl.watcher.join()
    crawl.proc.returncode = crawl.returncode = os.waitstatus_to_exitcode(status)
    crawl.elapsed_s = time.monotonic() - crawl.started
    crawl.maxrss_mb = usage.ru_maxrss / 1024  # Linux: kilobytes
    crawl.stderr = (crawl.out / "stderr.log").read_text(errors="replace")
    runs = [p for p in crawl.out.iterdir()
            if not p.is_symlink() and (p / "run.json").is_file()]
    if len(runs) == 1:
        crawl.summary = json.loads((runs[0] / "run.json").read_text())
        jsonl = runs[0] / "articles.jsonl"
        if jsonl.is_file():
            crawl.records = [orjson.loads(line) for line in jsonl.read_bytes().splitlines()]
    return crawl
