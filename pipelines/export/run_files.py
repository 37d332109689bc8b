"""The files of a run folder, without Scrapy: what is finished and what is left `.part`,
`run.json` written atomically, and the `latest` pointer of the output folder. Used by the
RunFolder extension (pipelines/run_folder.py), `healthcrawl reprocess` and the loader."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import orjson

from .atomic import PART_SUFFIX, atomic_write, fsync_dir

logger = logging.getLogger(__name__)

SUMMARY_FILENAME = "run.json"
LATEST = "latest"


def list_files(run_dir: Path, prefix: str = "") -> tuple[dict[str, int], list[str]]:
    """({finished file: bytes}, [left-over .part files]); run.json itself is not listed.
    Files in sub-folders (feeds/) are listed as `folder/name`."""
    files: dict[str, int] = {}
    partial: list[str] = []
    for entry in sorted(os.scandir(run_dir), key=lambda e: e.name):
        name = prefix + entry.name
        if entry.is_dir() and not prefix:
            sub_files, sub_partial = list_files(Path(entry.path), prefix=f"{entry.name}/")
            files.update(sub_files)
            partial.extend(sub_partial)
            continue
        if not entry.is_file() or name == SUMMARY_FILENAME:
            continue
        if entry.name.endswith(PART_SUFFIX):
            partial.append(name)
        else:
            files[name] = entry.stat().st_size
    return files, partial


def write_json_atomic(path: Path, data: Any) -> None:
    with atomic_write(path) as fh:
        fh.write(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))


def point_latest(out: Path, run_id: str) -> None:
    """`out/latest -> run_id` (relative, so the output folder can move), swapped atomically:
    a reader sees the old target or the new one, never no link."""
    link = out / LATEST
    tmp = out / f".{LATEST}.{run_id}.tmp"
    try:
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        os.symlink(run_id, tmp, target_is_directory=True)
        os.replace(tmp, link)
        fsync_dir(out)
    except OSError:
        # e.g. `latest` is a real folder, or symlinks are not allowed (Windows without the
        # privilege): the run itself is fine, only the pointer is stale.
        logger.exception("Could not point %s at %s", link, run_id)
        if tmp.is_symlink():
            tmp.unlink()
