"""Child processes that run one function on task after task, for the crawl's event loop, and
that neither lose work nor outlive the crawl.

- A worker ignores SIGINT and SIGTERM: Ctrl-C (or `timeout`, systemd) signals the whole
  process group, and the crawl must shut down gracefully with its pages in flight finished,
  not find its worker dead first. The worker ends when the crawl closes its task pipe.
- A worker that dies anyway (kill -9, the OOM killer) is restarted and the task it held is
  run again, at most MAX_ATTEMPTS times in all; then the task fails with WorkerDied.
- A task that runs longer than the pool's time limit (a pathological page, a regex that
  backtracks without end: C code no alarm interrupts) gets its worker killed; it fails at
  once with TaskTimedOut (not retried), the worker is restarted and the tasks sent behind
  it are run again.
- A worker dies with the crawl: PR_SET_PDEATHSIG (Linux) kills it when the crawl is killed,
  even in the middle of a task, and a closed task pipe (the crawl's end of it closes when the
  crawl dies, on any system) ends it at the next task. The signal comes when the *thread*
  that started the worker ends: a pool is made in the crawl's main thread, and a restarted
  worker is started by its read thread, which ends only after that worker has.
- Plain subprocess and pipes, no multiprocessing: no resource tracker process that could
  outlive a crash.

Tasks and results are pickled, each frame behind an 8-byte length, on two pipes of their
own (the worker's stdout and stderr stay the crawl's, for tracebacks).
"""
from __future__ import annotations

import asyncio
import contextlib
import ctypes
import importlib
import logging
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
from collections import deque
from pathlib import Path

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 2  # a task whose worker died is run once more, then fails
IN_FLIGHT = 3  # tasks sent ahead to one worker
_HEAD = struct.Struct("<Q")
_PR_SET_PDEATHSIG = 1
_STOP = None
_ROOT = str(Path(__file__).resolve().parent.parent)


class WorkerDied(RuntimeError):
    """The worker process died (killed, out of memory) on this task, every time it ran."""


class TaskTimedOut(WorkerDied):
    """The task ran past the pool's time limit: its worker was killed."""


class TaskFailed(RuntimeError):
    """The function raised in the worker; the message is its type and text."""


# -- the worker side -----------------------------------------------------------------------
def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the crawl died before prctl: nobody to work for
        os._exit(0)


def _read_exact(fh, n: int) -> bytes | None:
    data = fh.read(n)
    return data if len(data) == n else None


def worker_main(argv: list[str]) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    tasks_fd, results_fd, parent, target = int(argv[0]), int(argv[1]), int(argv[2]), argv[3]
    _die_with_parent(parent)
    module, _, name = target.partition(":")
    func = getattr(importlib.import_module(module), name)
    with os.fdopen(tasks_fd, "rb") as tasks, os.fdopen(results_fd, "wb") as results:
        while True:
            head = _read_exact(tasks, _HEAD.size)
            if head is None:
                return 0  # the crawl closed the pipe, or died
            frame = _read_exact(tasks, _HEAD.unpack(head)[0])
            if frame is None:
                return 0
            try:
                reply = (True, func(*pickle.loads(frame)))
            except Exception as exc:  # the task's own error goes back to the caller
                reply = (False, f"{type(exc).__name__}: {exc}")
            data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
            results.write(_HEAD.pack(len(data)) + data)
            results.flush()


# -- the crawl side ------------------------------------------------------------------------
class _Task:
    __slots__ = ("args", "label", "future", "loop", "attempts", "timed_out")

    def __init__(self, args: tuple, label: str, future: asyncio.Future,
                 loop: asyncio.AbstractEventLoop):
        self.args, self.label, self.future, self.loop = args, label, future, loop
        self.attempts = 0
        self.timed_out = False

    def resolve(self, ok: bool, value) -> None:
        def settle() -> None:
            if self.future.done():  # cancelled: the crawl stopped waiting for it
                return
            if ok:
                self.future.set_result(value)
            else:
                self.future.set_exception(value)
        self.loop.call_soon_threadsafe(settle)


class _Worker:
    """One process, a thread that sends it tasks (up to IN_FLIGHT ahead, so that it never
    waits for the busy crawl process to hand it the next one) and a thread that reads its
    results and restarts it when it dies."""

    def __init__(self, pool: WorkerPool, index: int):
        self.pool = pool
        self.proc: subprocess.Popen | None = None
        self._tasks = self._results = None
        self._lock = threading.Lock()  # inflight, the pipes and the process change together
        self._inflight: deque[_Task] = deque()  # sent, in the order the results come back
        self._head_since = 0.0  # when the worker began the first task of _inflight
        self._slots = threading.Semaphore(IN_FLIGHT)
        self._writer_done = False
        self.broken = False  # could not be restarted: its tasks fail at once
        self._start()
        self.threads = [threading.Thread(target=self._write_loop, name=f"worker-{index}-send",
                                         daemon=True),
                        threading.Thread(target=self._read_loop, name=f"worker-{index}-read",
                                         daemon=True)]

    def _start(self) -> None:
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        env = {**os.environ,
               "PYTHONPATH": os.pathsep.join(p for p in (_ROOT, os.environ.get("PYTHONPATH"))
                                             if p)}
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", __name__, str(task_r), str(result_w), str(os.getpid()),
                 self.pool.target],
                pass_fds=(task_r, result_w), stdin=subprocess.DEVNULL, env=env)
        finally:
            os.close(task_r)
            os.close(result_w)
        # Our ends are not inherited by later workers (os.pipe() is close-on-exec).
        self._tasks = os.fdopen(task_w, "wb")
        self._results = os.fdopen(result_r, "rb")

    def _stop_process(self) -> int | None:
        for fh in (self._tasks, self._results):
            if fh is not None:
                with contextlib.suppress(OSError):
                    fh.close()
        self._tasks = self._results = None
        if self.proc is None:
            return None
        try:
            return self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()

    def _write_loop(self) -> None:
        pool = self.pool
        while True:
            task = pool.queue.get()
            if task is _STOP:
                break
            if task.future.done():
                continue
            if pool.closing or self.broken:  # nobody waits for the result, or no worker
                task.resolve(False, WorkerDied("the extraction worker was stopped" if
                                               pool.closing else "no extraction worker"))
                continue
            try:
                data = pickle.dumps(task.args, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # not the worker's fault: no restart
                task.resolve(False, TaskFailed(f"cannot send the task: {exc!r}"))
                continue
            self._slots.acquire()
            with self._lock:
                task.attempts += 1
                if not self._inflight:
                    self._head_since = time.monotonic()
                self._inflight.append(task)
                tasks = self._tasks
            try:
                tasks.write(_HEAD.pack(len(data)) + data)
                tasks.flush()
            except (OSError, ValueError, AttributeError):
                pass  # the worker died: the reader takes the task back with the others
        with self._lock:  # the worker finishes what it holds, then reads EOF and exits
            self._writer_done = True
            if self._tasks is not None:
                with contextlib.suppress(OSError):
                    self._tasks.close()

    def _read_loop(self) -> None:
        while True:
            with self._lock:
                results = self._results
            try:
                head = results and _read_exact(results, _HEAD.size)
                frame = head and _read_exact(results, _HEAD.unpack(head)[0])
            except (OSError, ValueError):
                frame = None
            if frame:
                ok, value = pickle.loads(frame)
                with self._lock:
                    task = self._inflight.popleft()
                    self._head_since = time.monotonic()  # the next one's start, if any
                self._slots.release()
                task.resolve(ok, value if ok else TaskFailed(value))
                continue
            # End of the results: the worker exited, after our task pipe was closed or not.
            with self._lock:
                held = list(self._inflight)
                self._inflight.clear()
                pid = self.proc.pid if self.proc else None
                code = self._stop_process()
                stopping = self._writer_done or self.pool.closing
                if not stopping:
                    try:
                        self._start()  # under the lock: the writer sends to the new one only
                    except OSError as exc:  # out of processes or descriptors
                        logger.error("Cannot restart the extraction worker: %s", exc)
                        self.broken = stopping = True
            for _ in held:
                self._slots.release()
            if stopping:
                why = "could not be restarted" if self.broken else "was stopped"
                for task in held:
                    task.resolve(False, WorkerDied(f"the extraction worker {why}"))
                return
            self.pool.restarts += 1
            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            if not held:  # killed between pages: nothing to retry, but never a silent restart
                logger.warning("Extraction worker %s died (%s) while idle: restarting it",
                               pid, how)
            for task in held:
                self._retry(task, pid, how)

    def overdue(self, limit: float) -> None:
        """Kill the worker when its current task has run longer than `limit` seconds; the
        read loop then fails that task and restarts the worker."""
        with self._lock:
            if not self._inflight or self.proc is None or self._inflight[0].timed_out or \
                    time.monotonic() - self._head_since <= limit:
                return
            task, pid = self._inflight[0], self.proc.pid
            task.timed_out = True
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        logger.error("Extraction worker %s spent more than %.0f s on %s: killed it, giving the "
                     "page up", pid, limit, task.label)

    def _retry(self, task: _Task, pid: int | None, how: str) -> None:
        if task.timed_out:
            task.resolve(False, TaskTimedOut(
                f"the analysis took longer than {self.pool.time_limit:.0f} s"))
        elif task.attempts < MAX_ATTEMPTS:
            logger.warning("Extraction worker %s died (%s) on %s: restarting it, retrying "
                           "the page", pid, how, task.label)
            self.pool.queue.put(task)
        else:
            logger.error("Extraction worker %s died (%s) on %s, %d times: giving the page up",
                         pid, how, task.label, task.attempts)
            task.resolve(False, WorkerDied(f"extraction worker died ({how}) "
                                           f"{task.attempts} times on this page"))


class WorkerPool:
    def __init__(self, processes: int, target: str, time_limit: float = 0.0):
        """target: "module:function", imported in each worker process. time_limit: seconds
        one task may run before its worker is killed (0: no limit)."""
        self.target = target
        self.time_limit = time_limit
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self.closing = False
        self.restarts = 0
        self.workers = [_Worker(self, i) for i in range(processes)]
        for worker in self.workers:
            for thread in worker.threads:
                thread.start()
        if time_limit > 0:
            threading.Thread(target=self._watch, name="worker-watchdog", daemon=True).start()

    def _watch(self) -> None:
        """Checks the running tasks' time a few times per limit (at most every second)."""
        step = min(1.0, self.time_limit / 4)
        while not self.closing:
            time.sleep(step)
            for worker in self.workers:
                worker.overdue(self.time_limit)

    async def run(self, *args, label: str = "") -> object:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self.queue.put(_Task(args, label, future, loop))
        return await future

    def pids(self) -> list[int]:
        return [w.proc.pid for w in self.workers if w.proc is not None]

    def close(self, timeout: float = 10.0) -> None:
        self.closing = True
        for _ in self.workers:
            self.queue.put(_STOP)
        for worker in self.workers:
            for thread in worker.threads:
                thread.join(timeout)


if __name__ == "__main__":
    sys.exit(worker_main(sys.argv[1:]))
