"""The store lock (pipelines/runlock.py) is an flock held for the whole run: a lock file left
by a dead process never blocks, whatever it contains, and two runs never both get it.
Unit tests with real processes, then real crawls that start over a leftover lock file."""
from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import subprocess
import sys

import orjson
import pytest
from conftest import ROOT
from faults import harness
from faults.server import FaultServer, status
from faults.site import build_small

from pipelines.runlock import RunLock, StoreLocked
from pipelines.runstate import LOCK_FILENAME

pytestmark = pytest.mark.slow  # child processes racing for the lock

HOST = socket.gethostname()
RACE_TRIALS = 50
RACERS = 8


def _sleeper() -> subprocess.Popen:
    """Another live process of ours (what a reused pid looks like after a reboot)."""
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])


@pytest.mark.parametrize("content", [b"", b"\x00\x00\x00", b'{"pid": ', b"[1, 2]"],
                         ids=["empty", "nul-bytes", "truncated-json", "not-an-object"])
def test_leftover_lock_file_of_any_content_does_not_block(tmp_path, content):
    path = tmp_path / LOCK_FILENAME
    path.write_bytes(content)
    lock = RunLock(path)
    lock.acquire()
    assert orjson.loads(path.read_bytes())["pid"] == os.getpid()
    lock.release()
    assert not path.exists()


def test_stale_lock_naming_a_live_pid_does_not_block(tmp_path):
    path = tmp_path / LOCK_FILENAME
    other = _sleeper()
    try:
        path.write_bytes(orjson.dumps({"pid": other.pid, "host": HOST}))
        lock = RunLock(path)
        lock.acquire()  # the pid is alive, but it holds no lock
        lock.release()
    finally:
        other.kill()
        other.wait()


def test_a_held_lock_blocks_until_its_holder_is_killed(tmp_path):
    path = tmp_path / LOCK_FILENAME
    hold = ("import sys, time; from pipelines.runlock import RunLock; "
            "RunLock(sys.argv[1]).acquire(); print('locked', flush=True); time.sleep(120)")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(path)], stdout=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLocked, match="another run is using this output folder"):
            RunLock(path).acquire()
        holder.send_signal(signal.SIGKILL)  # no release(): the kernel drops the flock
        holder.wait(30)
        assert path.exists()
        lock = RunLock(path)
        lock.acquire()
        lock.release()
    finally:
        holder.kill()
        holder.wait()


def _race(path: str, barrier, results, done) -> None:
    lock = RunLock(path)
    barrier.wait(30)
    try:
        lock.acquire()
    except StoreLocked:
        results.put(False)
        return
    results.put(True)
    done.wait(30)  # hold it while the others try
    lock.release()


def test_many_processes_at_once_exactly_one_wins(tmp_path):
    """RACERS processes start acquire() at the same instant over a stale lock file (a pid
    that is gone), RACE_TRIALS times: each time exactly one gets the lock."""
    ctx = multiprocessing.get_context("fork")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    winners = []
    for trial in range(RACE_TRIALS):
        path = tmp_path / f"trial-{trial}" / LOCK_FILENAME
        path.parent.mkdir()
        path.write_bytes(orjson.dumps({"pid": gone.pid, "host": HOST}))
        barrier, results, done = ctx.Barrier(RACERS), ctx.Queue(), ctx.Event()
        procs = [ctx.Process(target=_race, args=(str(path), barrier, results, done))
                 for _ in range(RACERS)]
        for p in procs:
            p.start()
        try:
            outcome = [results.get(timeout=60) for _ in procs]
        finally:
            done.set()
            for p in procs:
                p.join(30)
                if p.is_alive():
                    p.kill()
        winners.append(sum(outcome))
    assert winners == [1] * RACE_TRIALS


# -- real crawls over a leftover lock ------------------------------------------------------
def test_crawls_start_over_leftover_locks(tmp_path):
    """A 0-byte lock (disk full when it was written) and a lock naming the pid of another
    live process (a reboot reused it): both crawls run to the end and store the site."""
    server = FaultServer({}).start()
    other = _sleeper()
    try:
        build_small(server, status(404))
        crawls = {}
        for name, content in (("empty", b""),
                              ("live-pid", orjson.dumps({"pid": other.pid, "host": HOST}))):
            out = tmp_path / name
            out.mkdir()
            (out / LOCK_FILENAME).write_bytes(content)
            crawls[name] = harness.start(server.url("/"), out)
        for name, crawl in crawls.items():
            harness.finish(crawl)
            assert crawl.returncode == 0, (name, crawl.stderr[-2000:])
            assert crawl.summary["status"] == "complete", name
            assert crawl.counts["stored"] == 2, name
            assert not (crawl.out / LOCK_FILENAME).exists(), name
    finally:
        other.kill()
        other.wait()
        server.stop()
