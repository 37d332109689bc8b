"""Keeps the fast test set fast: `make test-fast` runs the tests not marked `slow` (unit and
fixture tests: no crawl, no server, no child process). A test outside the slow set that asks
for a server fixture, or that starts a process or binds or connects a socket (seen through
Python's audit hooks, whatever library does it), fails with a message saying to mark it slow,
in `make test` as in `make test-fast`, so the split cannot rot.

Loaded by tests/conftest.py; a pytest plugin of its own so that tests/test_fast_guard.py can
run it on test files of its own.
"""
from __future__ import annotations

import sys
import threading

import pytest

# Fixtures that start a server (or a crawl against one), directly or through others.
SERVER_FIXTURES = frozenset({"demo_server", "demo_output"})
# Audit events (docs.python.org/3/library/audit_events.html) of what a fast test must not do.
EVENTS = {"subprocess.Popen": "starts a process", "os.system": "starts a process",
          "os.posix_spawn": "starts a process", "os.spawn": "starts a process",
          "os.exec": "runs a program", "os.fork": "forks", "os.forkpty": "forks",
          "socket.bind": "binds a socket", "socket.connect": "connects a socket"}
HINT = "mark it (or its module) @pytest.mark.slow"

_state: dict[str, object] = {"item": None, "seen": []}
_installed = False


def _importing() -> bool:
    """Inside an import: a library probing at import time (urllib3 binds ::1 to learn whether
    IPv6 works) is no server of the test's."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back
    return False


def _audit(event: str, args: tuple) -> None:
    item = _state["item"]
    if item is None or event not in EVENTS:
        return
    # Only the test's own thread: a server thread that a slow test left running is not this
    # test's doing.
    if threading.current_thread() is not threading.main_thread() or _importing():
        return
    what = f"{item} {EVENTS[event]} ({event} {args[:2]!r})"
    _state["seen"].append(what)
    raise RuntimeError(f"fast test {what}: {HINT}")


def pytest_configure(config: pytest.Config) -> None:
    global _installed
    if not _installed:  # audit hooks cannot be removed: one per process
        sys.addaudithook(_audit)
        _installed = True


def _is_fast(item: pytest.Item) -> bool:
    return item.get_closest_marker("slow") is None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _state["item"], _state["seen"] = (item.nodeid if _is_fast(item) else None), []
    if _state["item"]:
        servers = sorted(SERVER_FIXTURES & set(getattr(item, "fixturenames", ())))
        if servers:
            pytest.fail(f"fast test {item.nodeid} uses the server fixture(s) "
                        f"{', '.join(servers)}: {HINT}", pytrace=False)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem) -> None:
    # Setup and call only: a teardown also ends the module and session fixtures of the tests
    # before (a slow test's server stopping is not this test's doing).
    _state["item"] = None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    outcome = yield
    report = outcome.get_result()
    seen = _state["seen"]
    if seen and _state["item"] == item.nodeid:
        # The audit hook raised, but code under test may have caught the error.
        if report.passed:
            report.outcome = "failed"
            report.longrepr = "\n".join(f"fast test {s}: {HINT}" for s in seen)
        _state["seen"] = []
