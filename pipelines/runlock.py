"""One run per store at a time: a lock file beside the store, with the owner's pid.

A lock left by a process that no longer exists (kill -9, power cut) is detected and cleared.
"""
from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

import orjson

logger = logging.getLogger(__name__)


class StoreLocked(RuntimeError):
    """Another live process holds the store."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (killed, not yet reaped) holds nothing any more
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


class RunLock:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.held = False

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        me = orjson.dumps({"pid": os.getpid(), "host": socket.gethostname()})
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                owner = self._owner()
                if owner and owner.get("host") == socket.gethostname() \
                        and not _alive(int(owner.get("pid", 0))):
                    logger.warning("Clearing a stale lock %s (pid %s is gone)", self.path,
                                   owner.get("pid"))
                    self.path.unlink(missing_ok=True)
                    continue
                raise StoreLocked(f"{self.path} is held by {owner or 'an unreadable lock'}; "
                                  "another run is using this output folder") from None
            with os.fdopen(fd, "wb") as fh:
                fh.write(me)
            self.held = True
            return
        raise StoreLocked(f"could not take {self.path}")

    def _owner(self) -> dict | None:
        try:
            return orjson.loads(self.path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None

    def release(self) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False
