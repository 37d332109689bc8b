"""Real database servers for the tests: PostgreSQL (initdb + pg_ctl) and redis-server, each
started in a temporary folder on 127.0.0.1 with a free port, and stopped after. Debian's
packages (`make postgresql`, `make redis`; `make test` installs them when missing).

initdb and postgres refuse to run as root: as root, the server runs as the unprivileged
user `nobody`, in a folder it owns outside pytest's root-only temporary folder.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

UNPRIVILEGED = "nobody"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin() -> Path | None:
    """The folder of initdb / pg_ctl / postgres: Debian's versioned folder (newest first),
    else the PATH."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name), reverse=True):
        if (Path(folder) / "initdb").is_file():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", UNPRIVILEGED, "--", *cmd] if os.geteuid() == 0 else cmd


def _server_folder(prefix: str) -> Path:
    if os.geteuid() != 0:
        return Path(tempfile.mkdtemp(prefix=prefix))
    # In /tmp, not $TMPDIR: `nobody` must be able to reach it, whatever root's TMPDIR is.
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    shutil.chown(folder, UNPRIVILEGED)
    return folder


class PostgresServer:
    """A throwaway cluster: superuser `healthcrawl`, trust authentication, TCP on 127.0.0.1
    only (no Unix socket), fsync off (test data need not survive a power cut)."""

    USER = "healthcrawl"

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.folder = _server_folder("healthcrawl-pg-")
        self.data = self.folder / "data"
        self.port = free_port()
        self._names = itertools.count()

    def _run(self, *args: str, timeout: float = 60) -> None:
        subprocess.run(_as_server_user([str(self.bindir / args[0]), *args[1:]]), check=True,
                       capture_output=True, timeout=timeout)

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", self.USER, "--auth=trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        self._pg_ctl("start")

    def pause(self) -> None:
        """Stop the server (its sessions end) until `resume`."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        self._pg_ctl("start")

    def restart(self) -> None:
        """Stop (ending every session, as a crash or an upgrade does) and start again."""
        self._pg_ctl("restart", "-m", "fast")

    def _pg_ctl(self, action: str, *args: str) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                  "-w", "-t", "60", *args, "-o",
                  f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories='' "
                  "-c fsync=off -c full_page_writes=off -c synchronous_commit=off", action,
                  timeout=90)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.USER}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self) -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class RedisServer:
    """redis-server on 127.0.0.1, append-only persistence in its own folder."""

    def __init__(self, binary: str):
        self.binary = binary
        self.folder = Path(tempfile.mkdtemp(prefix="healthcrawl-redis-"))
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--bind", "127.0.0.1", "--port", str(self.port), "--dir",
             str(self.folder), "--appendonly", "yes", "--save", "", "--daemonize", "no",
             "--logfile", str(self.folder / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {self.folder / 'redis.log'}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not answer PING within 30 s")

    def restart(self) -> None:
        """Stop the server (SIGTERM: it writes its append-only file and exits; clients lose
        their connections) and start it again on the same port and data folder."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.start()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"
