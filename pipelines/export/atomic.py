"""Files that only get their real name once complete: written under a temporary name in
the same folder (`<name>.part`), flushed, fsynced and renamed, so that no reader ever sees
a half-written file under the real name. The one place that does it:

- `atomic_write(path)`: a file written in one go (run.json, schema.json, changes.jsonl,
  feeds, report.html). On any exception inside the block the `.part` file is deleted and
  the exception propagates: the final name is never created, and nothing is left behind.
- `PartFile`: an export streamed over a whole crawl (articles.jsonl, the CSV files;
  articles.parquet uses `part_path` / `commit_part`). `commit()` renames it; `abort()`
  closes it and keeps the `.part` file on purpose: after a crash or a failed export only
  `.part` files exist, run.json lists them as `partial_files`, and nothing half-written
  looks like a finished export (pipelines/README.md, "Files and guarantees").
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
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


def _publish(part: Path, final: Path) -> Path:
    os.replace(part, final)  # atomic on one filesystem: the part is in the same folder
    fsync_dir(final.parent)
    return final


def commit_part(part: Path, final: Path) -> Path:
    """fsync a finished `part` written by someone else (pyarrow) and rename it to `final`."""
    with open(part, "rb+") as fh:
        os.fsync(fh.fileno())
    return _publish(part, final)


def _open(part: Path, text: bool, encoding: str) -> IO[Any]:
    if text:
        # newline="": the csv module writes its own "\r\n" and must see raw newlines.
        return open(part, "w", encoding=encoding, newline="",  # noqa: SIM115
                    buffering=BUFFER_BYTES)
    return open(part, "wb", buffering=BUFFER_BYTES)  # noqa: SIM115


def _finish(fh: IO[Any], part: Path, final: Path) -> Path:
    fh.flush()
    os.fsync(fh.fileno())
    fh.close()
    return _publish(part, final)


@contextlib.contextmanager
def atomic_write(path: str | Path, text: bool = False,
                 encoding: str = "utf-8") -> Iterator[IO[Any]]:
    """`with atomic_write(path) as fh: fh.write(...)`: `path` appears, complete, when the
    block ends; if the block (or the rename) raises, neither `path` nor its `.part` exists
    afterwards (an older `path` is left as it was)."""
    path = Path(path)
    part = part_path(path)
    fh = _open(part, text, encoding)
    try:
        yield fh
        _finish(fh, part, path)
    except BaseException:
        with contextlib.suppress(OSError):
            fh.close()
        with contextlib.suppress(OSError):
            part.unlink()
        raise


class PartFile:
    """An open `.part` file of a streamed export; `commit()` gives it its final name,
    `abort()` closes it and leaves the `.part` (see the module docstring)."""

    def __init__(self, path: Path, text: bool = False, encoding: str = "utf-8"):
        self.path = path
        self.part = part_path(path)
        self.fh: IO[Any] = _open(self.part, text, encoding)

    def commit(self) -> Path:
        return _finish(self.fh, self.part, self.path)

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.fh.close()
