"""`healthcrawl crawl ... --frontier redis://... --store postgresql://... --workers N`: N worker
processes of one shared crawl on this machine, each the same command without `--workers`.

The command exits with the run's exit code (every worker exits with it, crawler/frontier/
finish.py). Ctrl-C reaches the workers through the terminal's process group (each stops as
a Scrapy crawl does on SIGINT); a SIGTERM to this process is passed on to them; if this
process is killed outright, the kernel sends each worker SIGTERM (PR_SET_PDEATHSIG), so no
worker is left crawling on its own.
"""
from __future__ import annotations

import contextlib
import ctypes
import logging
import signal
import subprocess
import sys
from typing import Any

from common.exits import EXIT_INTERRUPTED, EXIT_USAGE
from common.paths import store_location
from crawler.preflight import SetupError, check_setup
from crawler.run import UsageError, build_settings
from pipelines.store import is_server_url

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
STOP_WAIT_S = 60  # after passing SIGTERM on, how long the workers get before SIGKILL


def worker_argv(argv: list[str]) -> list[str]:
    """The command line of one worker: the same, without --workers N / --workers=N."""
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--workers":
            skip = True
            continue
        if arg.startswith("--workers="):
            continue
        out.append(arg)
    return out


def check_workers(n: int, overrides: dict[str, Any]) -> None:
    """UsageError unless N workers can share this crawl (before anything starts)."""
    if n < 1:
        raise UsageError(f"--workers must be at least 1, got {n}")
    settings = build_settings(overrides)
    if n > 1 and not settings.get("HEALTHCRAWL_FRONTIER"):
        raise UsageError("--workers N needs --frontier redis://HOST:PORT/DB (the queue they "
                         "share)")
    if n > 1 and not is_server_url(store_location(settings)):
        raise UsageError("--workers N needs --store postgresql://USER@HOST:PORT/DB (a SQLite "
                         "store is one process's)")
    try:
        check_setup(settings)
    except SetupError as exc:
        raise UsageError(str(exc)) from None


def _die_with_parent() -> None:
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def run_workers(n: int, overrides: dict[str, Any], argv: list[str]) -> int:
    check_workers(n, overrides)
    cmd = [sys.executable, "-m", "crawler.cli", *worker_argv(argv)]
    children = [subprocess.Popen(cmd, preexec_fn=_die_with_parent) for _ in range(n)]
    print(f"healthcrawl: {n} workers started (pids {', '.join(str(c.pid) for c in children)})",
          file=sys.stderr)

    def stop(signum: int, _frame: Any) -> None:
        for child in children:
            if child.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    child.send_signal(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        codes = _wait_all(children)
    finally:
        signal.signal(signal.SIGTERM, previous)
    return combined_exit_code(codes)


def _wait_all(children: list[subprocess.Popen]) -> list[int]:
    interrupted = 0
    while True:
        try:
            return [child.wait() for child in children]
        except KeyboardInterrupt:
            # The terminal sent SIGINT to the workers too; a second Ctrl-C kills them.
            interrupted += 1
            if interrupted >= 2:
                for child in children:
                    if child.poll() is None:
                        child.kill()


def combined_exit_code(codes: list[int]) -> int:
    """The run's exit code: the workers agree on it; if they do not (one was killed, one
    failed to start), the most serious: usage (1) over interrupted (3) over the rest."""
    codes = [EXIT_INTERRUPTED if c < 0 else c for c in codes]  # killed by a signal
    if len(set(codes)) == 1:
        return codes[0]
    for code in (EXIT_USAGE, EXIT_INTERRUPTED):
        if code in codes:
            return code
    return max(codes)


__all__ = ["check_workers", "combined_exit_code", "run_workers", "worker_argv"]
