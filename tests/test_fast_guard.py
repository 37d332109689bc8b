"""tests/fast_guard.py fails a test outside the slow set that uses a server fixture, starts a
process or binds a socket (even when the test catches the error), and lets slow tests, plain
unit tests and import-time probes of libraries be. Run on test files of its own, by pytest
in a child process."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # pytest in a child process

TESTS = Path(__file__).resolve().parent

CONFTEST = '''
import pytest

@pytest.fixture(scope="session")
def demo_server():
    yield "a server would run here"

@pytest.fixture
def crawl(demo_server):
    return demo_server
'''

PROBE = '''
import socket
with socket.socket() as sock:  # at import, as urllib3 does
    sock.bind(("127.0.0.1", 0))
'''

CASES = '''
import socket
import subprocess
import sys

import pytest


def test_plain_unit():
    assert sum([1, 2]) == 3


def test_server_fixture(demo_server):
    pass


def test_server_fixture_through_another(crawl):
    pass


def test_child_process():
    subprocess.run([sys.executable, "-c", "pass"], check=True)


def test_caught_bind():
    try:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
    except RuntimeError:
        pass


def test_import_time_probe():
    import probe  # noqa: F401


@pytest.mark.slow
def test_slow_may_do_all(demo_server):
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
'''


def test_the_guard_fails_fast_tests_that_start_servers_or_processes(tmp_path):
    (tmp_path / "conftest.py").write_text(textwrap.dedent(CONFTEST))
    (tmp_path / "probe.py").write_text(PROBE)
    (tmp_path / "test_cases.py").write_text(CASES)
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    slow: slow\n")
    env = {**os.environ,
           "PYTHONPATH": os.pathsep.join((str(TESTS), str(tmp_path)))}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "fast_guard", "-p",
                           "no:cacheprovider", "-p", "no:randomly", "-rA", "test_cases.py"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    outcomes = dict((name, what) for what, name in
                    re.findall(r"^(PASSED|FAILED|ERROR) test_cases\.py::(\w+)", proc.stdout,
                               re.MULTILINE))
    assert outcomes == {
        "test_plain_unit": "PASSED",
        "test_server_fixture": "ERROR",  # failed in setup, before the fixture runs
        "test_server_fixture_through_another": "ERROR",
        "test_child_process": "FAILED",
        "test_caught_bind": "FAILED",
        "test_import_time_probe": "PASSED",
        "test_slow_may_do_all": "PASSED",
    }, proc.stdout[-4000:]
    assert proc.returncode == 1
    assert "uses the server fixture(s) demo_server: mark it" in proc.stdout
    assert "test_child_process starts a process (subprocess.Popen" in proc.stdout
    assert "test_caught_bind binds a socket" in proc.stdout
