"""The archive files of a run: `<run folder>/archive/<prefix>-NNNNN.warc.gz`.

Written as `<name>.open` (Heritrix's convention) and renamed when complete: at the size
limit (the next file starts), at the end of the run, or when a resumed run repairs it. A
file starts with a `warcinfo` record; each record is one gzip member, and a response is
written with its request in one `os.write` straight to the file (no Python buffer), so a
`kill -9` can only leave a cut-off last member, which `repair` trims.
"""
from __future__ import annotations

import logging
import os
import re
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from common.default_settings import DEFAULTS

from . import records as rec

logger = logging.getLogger(__name__)

SUFFIX = ".warc.gz"
OPEN_SUFFIX = ".open"
ARCHIVE_DIR = "archive"
DEFAULT_MAX_BYTES = DEFAULTS["HEALTHCRAWL_ARCHIVE_MAX_BYTES"]  # 1 GB, as ISO 28500 suggests
_SERIAL = re.compile(r"-(\d{5})\.warc\.gz(?:\.open)?$")
READ_CHUNK = 1 << 20


class ArchiveWriter:
    def __init__(self, directory: Path, prefix: str, info: list[tuple[str, str]],
                 max_bytes: int = DEFAULT_MAX_BYTES, level: int = rec.DEFAULT_LEVEL):
        self.directory = Path(directory)
        self.prefix = prefix
        self.info = info
        self.max_bytes = max_bytes
        self.level = level
        self.fd: int | None = None
        self.path: Path | None = None
        self.size = 0
        self.warcinfo_id: bytes = b""
        self.bytes_written = 0
        self.files_closed: list[Path] = []
        self._serial = next_serial(self.directory)

    def write(self, data: bytes) -> None:
        """Append whole records (gzip members) in one write; a new file starts first when
        there is none or this one has reached `max_bytes` (so a file may pass the limit by
        one record pair, as Heritrix's do)."""
        if self.fd is None or self.size >= self.max_bytes:
            self._roll()
        good = self.size
        try:
            self._write_all(data)
        except OSError:
            self._abandon(good)
            raise

    def _abandon(self, good: int) -> None:
        """After a failed write (disk full, file gone): cut the file back to its last whole
        record and finish it, if the file still allows; the next write starts a new one."""
        fd, self.fd = self.fd, None
        try:
            os.ftruncate(fd, good)
            os.close(fd)
            os.replace(self.path, self.path.with_name(self.path.name[:-len(OPEN_SUFFIX)]))
        except OSError:
            logger.warning("Archive file %s left as it is after a write error", self.path)

    def _roll(self) -> None:
        self.close()
        self.directory.mkdir(parents=True, exist_ok=True)
        name = f"{self.prefix}-{self._serial:05d}{SUFFIX}"
        self._serial += 1
        self.path = self.directory / (name + OPEN_SUFFIX)
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND,
                          0o644)
        self.size = 0
        self.warcinfo_id = rec.record_id()
        self._write_all(rec.warcinfo_record(
            rid=self.warcinfo_id, date=rec.warc_date(time.time()), filename=name,
            info=self.info, level=self.level))

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]
        self.size += len(data)
        self.bytes_written += len(data)

    def close(self) -> None:
        """Finish the current file: fsync, rename to its final name."""
        if self.fd is None:
            return
        fd, path = self.fd, self.path
        self.fd = None
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        final = path.with_name(path.name[:-len(OPEN_SUFFIX)])
        os.replace(path, final)
        self.files_closed.append(final)


def next_serial(directory: Path) -> int:
    serials = [int(m.group(1)) for p in _files(directory) if (m := _SERIAL.search(p.name))]
    return max(serials, default=-1) + 1


def _files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir()
                  if p.name.endswith(SUFFIX) or p.name.endswith(SUFFIX + OPEN_SUFFIX))


def archive_files(directory: Path) -> list[Path]:
    """The finished archive files of a folder, in order."""
    return [p for p in _files(directory) if p.name.endswith(SUFFIX)]


# -- reading members back (repair on resume) ---------------------------------------------------
def iter_members(fh) -> Iterator[tuple[bytes, bytes]]:
    """(compressed bytes, decompressed bytes) of each complete gzip member, in order; stops
    silently at a cut-off or corrupt member (the caller sees what it got)."""
    raw = bytearray()
    out: list[bytes] = []
    d = zlib.decompressobj(31)
    while chunk := fh.read(READ_CHUNK):
        data = chunk
        while data:
            try:
                out.append(d.decompress(data))
            except zlib.error:
                return
            if not d.eof:
                raw += data
                break
            used = len(data) - len(d.unused_data)
            raw += data[:used]
            yield bytes(raw), b"".join(out)
            raw, out = bytearray(), []
            data = d.unused_data
            d = zlib.decompressobj(31)


def parse_head(record: bytes) -> dict[bytes, bytes] | None:
    """WARC header fields of one decompressed record (lower-cased names), or None when the
    record is not whole: no WARC/ line, or a block shorter than its Content-Length."""
    end = record.find(rec.END)
    if not record.startswith(b"WARC/") or end < 0:
        return None
    fields: dict[bytes, bytes] = {}
    for line in record[:end].split(rec.CRLF)[1:]:
        name, _, value = line.partition(b":")
        fields[name.strip().lower()] = value.strip()
    try:
        length = int(fields.get(b"content-length", b""))
    except ValueError:
        return None
    if record[end + 4 + length:end + 8 + length] != rec.END:
        return None
    return fields


def ledger_url(fields: dict[bytes, bytes]) -> str:
    """The URL the run ledger knows this record by (first URL of a redirect chain)."""
    uri = fields.get(rec.DISCOVERED_URI.lower()) or fields.get(b"warc-target-uri") or b""
    return uri.decode("utf-8", "replace")


class Repair:
    """What `repair` did to a folder: records kept per type, dropped, bytes cut off."""

    def __init__(self) -> None:
        self.kept: dict[str, int] = {}
        self.dropped = 0
        self.truncated_bytes = 0
        self.files: list[Path] = []

    def count(self, kind: str, n: int = 1) -> None:
        self.kept[kind] = self.kept.get(kind, 0) + n


def repair(directory: Path, keep: Callable[[str], bool]) -> Repair:
    """Make a resumed run's archive folder whole and exactly-once: every file (finished or
    `.open`) is read; a cut-off tail is dropped, and so is every record whose ledger URL
    `keep` rejects (its page is fetched again). A file that needs neither keeps its bytes;
    others are rewritten from the kept members (copied compressed, not recompressed)."""
    result = Repair()
    for stale in directory.glob("*.tmp") if directory.is_dir() else ():
        stale.unlink()  # a rewrite cut short by a crash; its source file is still there
    for path in _files(directory):
        size = path.stat().st_size
        kept: list[bytes] = []
        kinds: dict[str, int] = {}
        changed = path.name.endswith(OPEN_SUFFIX)
        read = 0
        with open(path, "rb") as fh:
            for raw, data in iter_members(fh):
                fields = parse_head(data)
                if fields is None:  # a member without a whole record: the tail
                    break
                read += len(raw)
                kind = fields.get(b"warc-type", b"").decode("ascii", "replace")
                if kind != "warcinfo" and not keep(ledger_url(fields)):
                    result.dropped += 1
                    changed = True
                    continue
                kept.append(raw)
                kinds[kind] = kinds.get(kind, 0) + 1
        if read < size:
            changed = True
            result.truncated_bytes += size - read
        final = path.with_name(path.name.removesuffix(OPEN_SUFFIX))
        if len(kept) <= 1:  # nothing but the warcinfo record: no file at all
            path.unlink()
            continue
        for kind, n in kinds.items():
            result.count(kind, n)
        if changed:
            _rewrite(path, final, kept)
        result.files.append(final)
    if result.dropped or result.truncated_bytes:
        logger.warning("Archive %s repaired: %d records of unfinished pages dropped, %d bytes "
                       "cut off", directory, result.dropped, result.truncated_bytes)
    return result


def _rewrite(path: Path, final: Path, members: Iterable[bytes]) -> None:
    tmp = path.with_name(final.name + ".tmp")
    with open(tmp, "wb") as out:
        for raw in members:
            out.write(raw)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, final)
    if path != final:
        path.unlink(missing_ok=True)
