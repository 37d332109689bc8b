"""articles.parquet is spooled as JSON lines while the crawl writes and converted at close
(pipelines/export/parquet_spool.py): the same file as writing Parquet directly, pyarrow not
loaded before the close, and a record Parquet cannot hold still refused at once."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaners.record_fields import RECORD_FIELDS
from pipelines.export.parquet import SCHEMA, ParquetWriter
from pipelines.export.parquet_spool import SpooledParquetWriter, check_row
from pipelines.synthetic import synthetic_record, tricky_records

ROOT = Path(__file__).resolve().parents[1]


def rows() -> list[dict]:
    records = tricky_records() + [synthetic_record(i) for i in range(30)]
    return [{name: r.get(name) for name in RECORD_FIELDS} for r in records]


def test_spool_writes_the_same_file_as_direct_writing(tmp_path: Path) -> None:
    """The rows come back from the spool with the types they went in with."""
    direct, spooled = tmp_path / "direct", tmp_path / "spooled"
    direct.mkdir()
    spooled.mkdir()
    for folder, cls in ((direct, ParquetWriter), (spooled, SpooledParquetWriter)):
        writer = cls(folder, row_group_size=7)
        for row in rows():
            writer.write(row)
        assert [p.name for p in writer.commit()] == ["articles.parquet"]
    a = pq.ParquetFile(direct / "articles.parquet")
    b = pq.ParquetFile(spooled / "articles.parquet")
    assert a.metadata.num_row_groups == b.metadata.num_row_groups > 1
    assert b.schema_arrow.equals(a.schema_arrow, check_metadata=True)
    assert a.read().equals(b.read())
    assert b.read().to_pylist() == rows()
    assert sorted(p.name for p in spooled.iterdir()) == ["articles.parquet"]  # no spool left


def test_abort_leaves_the_spooled_rows_in_the_part_file(tmp_path: Path) -> None:
    writer = SpooledParquetWriter(tmp_path)
    for row in rows()[:5]:
        writer.write(row)
    writer.abort()
    assert [p.name for p in tmp_path.iterdir()] == ["articles.parquet.part"]
    lines = (tmp_path / "articles.parquet.part").read_bytes().splitlines()
    assert [orjson.loads(line) for line in lines] == rows()[:5]


# Values put in each field in turn; pyarrow's own conversion is the judge.
ODD_VALUES = [None, 1, 1.5, True, "x", b"x", [], ["a"], [1], [None], ("a",), {"a": 1},
              [{"x": 1}], [{"title": 5}], [{"truncated": 1}], [{"rel": None}], [7],
              2**40, 70000, -5]


def test_check_row_refuses_exactly_what_pyarrow_refuses() -> None:
    base = rows()[:3]
    refused = 0
    for row in base:
        for name in RECORD_FIELDS:
            for value in ODD_VALUES:
                candidate = {**row, name: value}
                try:
                    pa.RecordBatch.from_pylist([candidate], schema=SCHEMA)
                    arrow_takes = True
                except (pa.ArrowException, TypeError, ValueError):
                    arrow_takes = False
                try:
                    check_row(candidate)
                    checked = True
                except (TypeError, ValueError):
                    checked = False
                assert checked == arrow_takes, (name, value)
                refused += not checked
    assert refused > 100  # the cases really test refusals


def test_write_refuses_a_record_parquet_cannot_hold(tmp_path: Path) -> None:
    writer = SpooledParquetWriter(tmp_path)
    row = rows()[0]
    with pytest.raises(TypeError, match="word_count"):
        writer.write({**row, "word_count": "many"})
    with pytest.raises(ValueError, match="http_status"):
        writer.write({**row, "http_status": 70000})
    writer.abort()


PROBE = """
import sys, tempfile
from pathlib import Path
from pipelines.export import Exporter
from pipelines.synthetic import synthetic_record
tmp = Path(tempfile.mkdtemp())
exporter = Exporter(tmp, formats=("jsonl", "parquet"))
for i in range(50):
    exporter.write(synthetic_record(i))
before = "pyarrow" in sys.modules
exporter.close()
import pyarrow.parquet as pq
print(before, "pyarrow" in sys.modules, pq.read_table(tmp / "articles.parquet").num_rows)
"""


@pytest.mark.slow  # a fresh interpreter
def test_pyarrow_is_loaded_only_at_close() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         check=True)
    assert out.stdout.split() == ["False", "True", "50"], out.stdout + out.stderr
