"""One run per store at a time: an exclusive flock(2) on a lock file beside the store, held
for the whole run.

The kernel releases the lock when its holder dies (kill -9, OOM, power cut), so a lock left
behind never blocks: not when the file is empty or unreadable (disk full when it was
written), not when the pid written in it now belongs to another process (after a reboot),
and there is no check-then-delete race between two runs clearing a stale lock. The pid and
host in the file are for people reading it, never for the decision.
"""
from __future__ import annotations

import errno
import fcntl
import logging
import os
import socket
from pathlib import Path

import orjson

logger = logging.getLogger(__name__)


class StoreLocked(RuntimeError):
    """Another live process holds the store."""


class RunLock:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.held = False
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            # O_CLOEXEC: a child process (the extraction worker) must not inherit the lock.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise
                raise StoreLocked(f"{self.path} is held by {self._owner() or 'another process'}"
                                  "; another run is using this output folder") from None
            # The holder before us unlinks the file before it lets go: if we locked a file
            # that is no longer at the path, a newer lock file may be held; try again.
            if self._same_file(fd):
                break
            os.close(fd)
        me = orjson.dumps({"pid": os.getpid(), "host": socket.gethostname()})
        os.ftruncate(fd, 0)
        os.pwrite(fd, me, 0)
        self._fd = fd
        self.held = True

    def _same_file(self, fd: int) -> bool:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return False
        mine = os.fstat(fd)
        return (st.st_dev, st.st_ino) == (mine.st_dev, mine.st_ino)

    def _owner(self) -> dict | None:
        try:
            owner = orjson.loads(self.path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        return owner if isinstance(owner, dict) else None

    def release(self) -> None:
        if not self.held or self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)  # while still locked: see acquire()
        finally:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None
            self.held = False
