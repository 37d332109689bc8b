"""One atomic-write helper (pipelines/export/atomic.py): a file written in one go appears
complete under its name or not at all, and a writer that fails midway leaves neither the
file nor its `.part` behind. Streamed exports keep their `.part` on abort on purpose
(tests/test_export_files.py `test_abort_leaves_only_part_files`)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson
import pytest

from pipelines.changes import FILENAME as CHANGES_FILENAME
from pipelines.changes import write_changes_jsonl
from pipelines.export.atomic import atomic_write
from pipelines.export.run_files import write_json_atomic
from pipelines.store import open_store
from pipelines.synthetic import synthetic_record


class Boom(RuntimeError):
    pass


def test_success_writes_the_file_and_no_part(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    with atomic_write(path, text=True) as fh:
        fh.write("héllo\r\n")
        assert not path.exists()  # not under its name before the block ends
    assert path.read_bytes() == "héllo\r\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_raise_midway_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.bin"
    with pytest.raises(Boom), atomic_write(path) as fh:
        fh.write(b"x" * 4_000_000)  # more than the buffer: bytes reached the .part file
        assert (tmp_path / "out.bin.part").stat().st_size > 0
        raise Boom
    assert list(tmp_path.iterdir()) == []


def test_raise_keeps_the_older_file(tmp_path: Path) -> None:
    path = tmp_path / "run.json"
    write_json_atomic(path, {"run": 1})
    with pytest.raises(TypeError):
        write_json_atomic(path, {"run": 2, "bad": {1, 2}})  # orjson cannot encode a set
    assert orjson.loads(path.read_bytes()) == {"run": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.json"]


def test_changes_writer_failing_midway_leaves_nothing(tmp_path: Path) -> None:
    """A real store whose change log has a corrupt row after good ones: changes.jsonl is
    being written when the row is read, and the failure leaves no file at all."""
    path = tmp_path / "healthcrawl.sqlite"
    records = [synthetic_record(i) for i in range(3)]
    with open_store(path) as store:
        for record in records:
            store.upsert(record, "r1")
    last = max(r["id"] for r in records)  # rows come in id order: this one is read last
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE changes SET fields = 'not json' WHERE id = ?", (last,))
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    with open_store(path) as store, pytest.raises(orjson.JSONDecodeError):
        write_changes_jsonl(store, "r1", run_dir)
    assert list(run_dir.iterdir()) == []
    # The same store without the corrupt row writes the file (the failure was the row).
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE changes SET fields = '[]' WHERE id = ?", (last,))
    with open_store(path) as store:
        assert write_changes_jsonl(store, "r1", run_dir) == {"added": 3, "changed": 0,
                                                              "removed": 0}
    lines = (run_dir / CHANGES_FILENAME).read_bytes().splitlines()
    assert [orjson.loads(line)["id"] for line in lines] == sorted(r["id"] for r in records)
    assert sorted(p.name for p in run_dir.iterdir()) == [CHANGES_FILENAME]
