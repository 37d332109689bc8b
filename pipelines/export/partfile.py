"""Files that only get their real name once complete: written as `<name>.part`, then
flushed, fsynced and renamed. After a crash (or a failed export) only `.part` files exist,
so nothing half-written looks like a finished export."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO, Any

PART_SUFFIX = ".part"
BUFFER_BYTES = 1 << 20  # big buffers: a few large writes beat many small ones


def part_path(path: Path) -> Path:
    return path.with_name(path.name + PART_SUFFIX)


def fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def commit_part(part: Path, final: Path) -> Path:
    """fsync the finished `part` and rename it to `final` (atomic on one filesystem)."""
    with open(part, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(part, final)
    fsync_dir(final.parent)
    return final


class PartFile:
    """An open `.part` file; `commit()` gives it its final name, `abort()` leaves it be."""

    def __init__(self, path: Path, text: bool = False, encoding: str = "utf-8"):
        self.path = path
        self.part = part_path(path)
        self.fh: IO[Any]
        if text:
            # newline="": the csv module writes its own "\r\n" and must see raw newlines.
            self.fh = open(self.part, "w", encoding=encoding, newline="",  # noqa: SIM115
                           buffering=BUFFER_BYTES)
        else:
            self.fh = open(self.part, "wb", buffering=BUFFER_BYTES)  # noqa: SIM115

    def commit(self) -> Path:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.part, self.path)
        fsync_dir(self.path.parent)
        return self.path

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.fh.close()
