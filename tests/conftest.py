"""Shared fixtures: the generated demo site and a real HTTP server for it on 127.0.0.1."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from fast_guard import (  # noqa: F401 (hooks: a test outside the slow set starts no server)
    pytest_configure,
    pytest_runtest_makereport,
    pytest_runtest_setup,
    pytest_runtest_teardown,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    from crawler.demo.generator import ensure_site

    return ensure_site(300, tmp_path_factory.mktemp("demo-sites"))


@pytest.fixture(scope="session")
def demo_server(demo_site):
    from crawler.demo.server import DemoServer

    server = DemoServer(demo_site)
    server.start()
    yield server
    server.stop()


FAST = ["-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0",
        "-s", "CONCURRENT_REQUESTS=32", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=32",
        "-s", "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS=127.0.0.1", "-s", "LOG_LEVEL=INFO"]


def run_scrapy(args: list[str], out_dir: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """`scrapy crawl health ...` in a child process (a Twisted reactor cannot restart)."""
    cmd = [sys.executable, "-m", "scrapy", "crawl", "health", *args, *FAST,
           "-s", f"HEALTHCRAWL_OUTPUT_DIR={out_dir}"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)


def run_cli(args: list[str], timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "crawler.cli", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, **kwargs)


@pytest.fixture(scope="session")
def demo_output(demo_server, tmp_path_factory) -> Path:
    """The output folder of one real `scrapy crawl health` of the demo site (the run folder
    is `latest`), shared by the tests of what a run writes for analysts and downstream sites."""
    out = tmp_path_factory.mktemp("demo-output")
    proc = run_scrapy(["-a", "site=demo", "-a", f"url={demo_server.base_url}"], out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (out / "latest" / "run.json").is_file(), proc.stderr[-3000:]
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the session (tests/servers.py); skipped only when its
    binaries are absent (`make postgresql` installs them)."""
    from servers import PostgresServer, postgres_bin

    bindir = postgres_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (initdb not found): run `make postgresql`")
    server = PostgresServer(bindir)
    server.start()
    yield server
    server.stop()


def started_redis():
    """A started real redis-server (tests/servers.py), stopped after; the test is skipped
    only when redis-server is absent (`make redis` installs it)."""
    import shutil

    from servers import RedisServer

    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed: run `make redis`")
    server = RedisServer(binary)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server():
    """A real redis-server for the session."""
    yield from started_redis()
