"""The extraction worker of generic crawls (crawler/worker_pool.py) loses no page: Ctrl-C to
the process group leaves in-flight pages pending (not failed) and a resume records them all;
a worker killed with kill -9 (as the OOM killer would) is restarted and its page retried;
kill -9 of the crawl leaves no worker (and no multiprocessing resource tracker) behind.
Real generic crawls of the demo site with HEALTHCRAWL_EXTRACT_WORKERS=1."""
from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FAST, ROOT
from faults import harness

from crawler.worker_pool import MAX_ATTEMPTS, TaskFailed, TaskTimedOut, WorkerDied, WorkerPool

pytestmark = pytest.mark.slow  # crawls and worker processes

# Slow enough (about 100 pages/s) that a signal lands in the middle of the crawl.
SETTINGS = ["-s", "HEALTHCRAWL_GENERIC=1", "-s", "HEALTHCRAWL_EXTRACT_WORKERS=1",
            "-s", "DOWNLOAD_DELAY=0.01", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4",
            "-s", "RANDOMIZE_DOWNLOAD_DELAY=0"]


# -- processes -----------------------------------------------------------------------------
def _stat(pid: int) -> tuple[int, str, int] | None:
    """(ppid, state, start time) of a process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()
    return int(fields[1]), fields[0], int(fields[19])


def descendants(pid: int) -> dict[int, int]:
    """{pid: start time} of every process below pid (the whole tree, by parent links)."""
    children: dict[int, list[int]] = {}
    starts: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = _stat(int(entry))
            if st:
                children.setdefault(st[0], []).append(int(entry))
                starts[int(entry)] = st[2]
    found, todo = {}, [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found[child] = starts[child]
            todo.append(child)
    return found


def alive(pid: int, start: int) -> bool:
    """Still running as the same process (not gone, not a zombie, pid not reused)."""
    st = _stat(pid)
    return st is not None and st[1] != "Z" and st[2] == start


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def workers_started_by(parent: int) -> list[int]:
    """Every live worker process started by `parent`, wherever it now is in the process tree
    (a worker whose parent died is re-parented): found by its command line, which names the
    parent's pid (`-m crawler.worker_pool TASK_FD RESULT_FD PARENT_PID TARGET`)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            args = cmdline(int(entry)).split()
            if "crawler.worker_pool" in args:
                i = args.index("crawler.worker_pool")
                if args[i + 3:i + 4] == [str(parent)]:
                    found.append(int(entry))
    return found


def worker_pids(crawl: harness.Crawl) -> list[int]:
    """The crawl's extraction workers (ours, or a multiprocessing pool's, which are started
    with spawn_main: the tests must see any worker, whatever starts it)."""
    return [p for p in descendants(crawl.proc.pid)
            if "worker_pool" in cmdline(p) or "spawn_main" in cmdline(p)]


# -- crawls --------------------------------------------------------------------------------
def start(base_url: str, out: Path) -> harness.Crawl:
    """`scrapy crawl health` as tests/faults/harness.py starts it, in a process group of its
    own (so that a signal to the group reaches the crawl and its worker, not pytest)."""
    out.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "scrapy", "crawl", "health", "-a", "site=demo",
           "-a", f"url={base_url}", *FAST, *SETTINGS, "-s", f"HEALTHCRAWL_OUTPUT_DIR={out}"]
    with open(out / "stderr.log", "ab") as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    return harness.Crawl(base_url, out, proc, time.monotonic())


def stored_so_far(out: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{out / 'healthcrawl.sqlite'}?mode=ro", uri=True, timeout=5)
        try:
            return db.execute("SELECT count(*) FROM ledger WHERE outcome = 'stored'"
                              ).fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def retried_urls(out: Path, pid: int) -> set[str]:
    """The pages the log says worker pid held when it died (retried by a new worker)."""
    marker = f"Extraction worker {pid} died (signal 9) on "
    text = (out / "stderr.log").read_text(encoding="utf-8", errors="replace")
    return {line.split(marker, 1)[1].split(": restarting", 1)[0]
            for line in text.splitlines() if marker in line and ": restarting" in line}


def unfinished(out: Path, urls: set[str]) -> set[str]:
    """Those of urls without an outcome in the ledger yet."""
    db = sqlite3.connect(f"file:{out / 'healthcrawl.sqlite'}?mode=ro", uri=True, timeout=5)
    try:
        done = {url for url, in db.execute("SELECT url FROM ledger WHERE outcome IS NOT NULL")}
    finally:
        db.close()
    return urls - done


def wait_for(condition, timeout: float = 60, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def outcomes(out: Path) -> dict[str, int]:
    db = sqlite3.connect(out / "healthcrawl.sqlite")
    try:
        return dict(db.execute("SELECT coalesce(outcome, 'pending'), count(*) FROM ledger "
                               "GROUP BY 1"))
    finally:
        db.close()


@pytest.fixture(scope="module")
def expected_urls(demo_site, demo_server) -> set[str]:
    from crawler.demo.generator import load_expected

    return {e["url"] for e in load_expected(demo_site, demo_server.base_url)}


def assert_all_recorded(crawl: harness.Crawl, expected: set[str]) -> None:
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert crawl.summary["status"] == "complete"
    assert {r["url"] for r in crawl.records} == expected
    assert crawl.counts["pending"] == 0
    assert "extraction_error" not in crawl.counts["failed"]  # (the demo has one 404 link)


# -- the cases -----------------------------------------------------------------------------
def test_ctrl_c_to_the_group_loses_no_page(demo_server, expected_urls, tmp_path):
    out = tmp_path / "out"
    crawl = start(demo_server.base_url, out)
    wait_for(lambda: stored_so_far(out) >= 30, what="30 stored pages")
    workers = worker_pids(crawl)
    assert workers
    os.killpg(crawl.proc.pid, signal.SIGINT)  # what a terminal, `timeout` or systemd send
    harness.finish(crawl)
    assert crawl.summary["status"] == "interrupted", crawl.stderr[-3000:]  # gracefully
    assert crawl.summary["exit_code"] == 3
    assert "extraction_error" not in crawl.stderr and "Extraction failed" not in crawl.stderr
    # no page lost to the stopped worker (the demo's one broken link is a 404 of its own)
    assert not [k for k in outcomes(out) if k.startswith("failed/") and k != "failed/http_404"]
    assert "pending" in outcomes(out)

    resumed = harness.finish(start(demo_server.base_url, out))
    assert "Resuming interrupted run" in resumed.stderr
    assert_all_recorded(resumed, expected_urls)


def test_a_killed_worker_is_restarted_and_its_page_retried(demo_server, expected_urls,
                                                           tmp_path):
    out = tmp_path / "out"
    crawl = start(demo_server.base_url, out)
    killed = []
    threshold = 20
    for _ in range(2):  # twice: the restarted worker can die and restart too
        wait_for(lambda t=threshold: stored_so_far(out) >= t and worker_pids(crawl),
                 what=f"{threshold} stored pages")
        pid = worker_pids(crawl)[0]
        os.kill(pid, signal.SIGKILL)  # what the OOM killer does
        killed.append(pid)
        wait_for(lambda p=pid: worker_pids(crawl) and worker_pids(crawl) != [p],
                 what="a new worker")
        # The next kill once the pages being retried have their outcome, so it does not
        # land on one of them again (a page that kills its worker twice is given up by
        # design: the test below). Learned pages are analysed inline meanwhile.
        retried = retried_urls(out, pid)  # none if it was killed between two pages
        wait_for(lambda r=retried: not unfinished(out, r), what="the retried pages")
        threshold = stored_so_far(out) + 10
    harness.finish(crawl)
    assert_all_recorded(crawl, expected_urls)
    for pid in killed:
        assert f"Extraction worker {pid} died (signal 9)" in crawl.stderr


def test_the_worker_is_stopped_before_the_exports_are_written(demo_server, expected_urls,
                                                             tmp_path):
    """The crawl writes articles.parquet at close (pipelines/export/parquet_spool.py): its
    worker is gone by then, so the two never add up in memory."""
    crawl = harness.finish(start(demo_server.base_url, tmp_path / "out"))
    assert_all_recorded(crawl, expected_urls)
    stopped = crawl.stderr.find("Extraction worker(s) stopped")
    exported = crawl.stderr.find("Exported ")
    assert 0 <= stopped < exported, crawl.stderr[-3000:]
    assert "Extraction worker(s) stopped" not in crawl.stderr[stopped + 1:]  # once: at the end


def test_kill_9_of_the_crawl_leaves_no_process_behind(demo_server, tmp_path):
    crawl = start(demo_server.base_url, tmp_path / "out")
    wait_for(lambda: stored_so_far(crawl.out) >= 10 and worker_pids(crawl),
             what="a working worker")
    tree = descendants(crawl.proc.pid)
    assert tree  # at least the worker
    os.kill(crawl.proc.pid, signal.SIGKILL)
    harness.finish(crawl)
    wait_for(lambda: not any(alive(p, s) for p, s in tree.items()), timeout=15,
             what="the crawl's child processes to die")
    # ... including a worker restarted after the tree was read
    wait_for(lambda: not workers_started_by(crawl.proc.pid), timeout=15,
             what="every worker of the crawl to die")
    # ... and none of them had started a process of its own that lives on
    assert not any("resource_tracker" in cmdline(p) for p in tree)


# -- the pool itself -----------------------------------------------------------------------
PARENT = """
import asyncio, sys
from crawler.worker_pool import WorkerPool
pool = WorkerPool(1, "faults.hold:hold")
print(pool.pids()[0], flush=True)
asyncio.run(pool.run(sys.argv[1], 600.0))
"""


def test_a_busy_worker_dies_when_its_parent_is_killed(tmp_path):
    """The parent-death signal, not the closed task pipe: the worker is inside a 10-minute
    task (it reads no pipe) when its parent is killed with kill -9, and dies with it."""
    marker = tmp_path / "started"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join((str(ROOT), str(ROOT / "tests")))}
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(marker)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    worker = None
    try:
        worker = int(parent.stdout.readline())
        start = _stat(worker)[2]
        wait_for(marker.exists, what="the worker to start its task")
        assert workers_started_by(parent.pid) == [worker]
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        wait_for(lambda: not alive(worker, start), timeout=15,
                 what="the busy worker to die with its parent")
        assert workers_started_by(parent.pid) == []
    finally:
        parent.kill()
        parent.wait()
        parent.stdout.close()
        if worker is not None and workers_started_by(parent.pid):
            os.kill(worker, signal.SIGKILL)  # leave nothing behind when the test fails


def test_a_task_that_kills_its_worker_every_time_fails_after_the_retry():
    """os._exit as the task: the worker dies on it each time; the pool restarts it
    MAX_ATTEMPTS times, then gives the task up, and the next task still runs."""
    pool = WorkerPool(1, "os:_exit")

    async def run() -> None:
        with pytest.raises(WorkerDied, match=f"{MAX_ATTEMPTS} times"):
            await pool.run(9, label="poison")
    try:
        asyncio.run(run())
        assert pool.restarts == MAX_ATTEMPTS
    finally:
        pool.close()
    pool = WorkerPool(1, "operator:add")
    try:
        assert asyncio.run(pool.run(2, 3)) == 5
    finally:
        pool.close()


def test_an_error_in_the_task_is_no_worker_death():
    """The function raising is reported as TaskFailed; the same worker goes on."""
    pool = WorkerPool(1, "operator:truediv")
    try:
        with pytest.raises(TaskFailed, match="ZeroDivisionError"):
            asyncio.run(pool.run(1, 0))
        assert asyncio.run(pool.run(6, 3)) == 2
        assert pool.restarts == 0 and len(pool.pids()) == 1
    finally:
        pool.close()


def test_a_task_past_the_time_limit_fails_and_the_next_ones_run():
    """A task that sleeps (as a page stuck in C code would) gets its worker killed after the
    time limit: it fails with TaskTimedOut at once, without a retry; the task sent behind it
    to the same worker runs on the restarted worker, and so does a later one."""
    pool = WorkerPool(1, "time:sleep", time_limit=1.0)

    async def run() -> tuple:
        stuck = asyncio.ensure_future(pool.run(600, label="stuck"))
        await asyncio.sleep(0.1)  # the stuck task first: the next one waits behind it
        behind = asyncio.ensure_future(pool.run(0.01, label="behind"))
        started = time.monotonic()
        with pytest.raises(TaskTimedOut, match="longer than 1 s"):
            await stuck
        waited = time.monotonic() - started
        return waited, await behind, await pool.run(0, label="later")
    try:
        waited, behind, later = asyncio.run(run())
        assert 0.9 <= waited < 30
        assert behind is None and later is None  # time.sleep's result: both ran
        assert pool.restarts == 1
    finally:
        pool.close()
