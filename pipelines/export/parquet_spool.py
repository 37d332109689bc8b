"""articles.parquet without pyarrow in the crawl process while it crawls.

Importing pyarrow and pyarrow.parquet costs ~85 MB of RSS (its libraries' pages), and a
buffered row group some 20-35 MB more (bench/README.md, "Memory round"). A crawl keeps
both for its whole length; a generic crawl on two cores adds its extraction worker beside
them. So during the crawl the rows go to the `.part` file as JSON lines (orjson, as
articles.jsonl: ~15 µs a record), each row checked against the schema's types so that a
record Parquet cannot hold still stops the crawl at once (pipelines/export/pipeline.py).
At commit the spool is converted, row group by row group, by parquet.py's writer: the same
rows in the same order give the same file as writing them during the crawl, and the crawl
has by then stopped its extraction worker (crawler/spiders/health.py `_idle`).

After a crash or an abort `articles.parquet.part` holds the rows spooled so far, one JSON
object a line (not Parquet): a `.part` file is never a finished export (atomic.py).
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

import orjson

from cleaners.record_fields import FIELDS, Field
from common.heap import trim_heap

from .atomic import BUFFER_BYTES, part_path
from .exporter import DEFAULT_ROW_GROUP, DEFAULT_ROW_GROUP_BYTES
from .exporter import PARQUET_FILENAME as FILENAME

_INT_BITS = {"int8": 8, "int16": 16, "int32": 32, "int64": 64}


def _check(field: Field, value, where: str) -> None:
    """Raise TypeError/ValueError for a value pyarrow's conversion to the field's Arrow type
    rejects (parquet.py arrow_type); what it accepts (a float for an integer, bytes for a
    string) passes, so the check never fails a record the writer could take."""
    if value is None:
        return
    if field.kind == "strings":
        if isinstance(value, str):
            return  # pyarrow takes a string's characters as the list
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"{where}: a list of strings, not {type(value).__name__}")
        for item in value:
            if item is not None and not isinstance(item, (str, bytes)):
                raise TypeError(f"{where}: a list of strings holding {type(item).__name__}")
        return
    if field.kind == "table":
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"{where}: a list of objects, not {type(value).__name__}")
        for item in value:
            if item is None:
                continue
            if not isinstance(item, dict):
                raise TypeError(f"{where}: a list of objects holding {type(item).__name__}")
            for column, plain in _PLANS[field.name]:
                cell = item.get(column.name)
                if cell is not None and type(cell) is not plain:
                    _check(column, cell, f"{where}.{column.name}")
        return
    arrow = field.arrow
    if arrow == "string":
        if not isinstance(value, (str, bytes)):
            raise TypeError(f"{where}: a string, not {type(value).__name__}")
    elif arrow == "bool":
        if not isinstance(value, bool):
            raise TypeError(f"{where}: a boolean, not {type(value).__name__}")
    elif arrow in _INT_BITS:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{where}: an integer, not {type(value).__name__}")
        limit = 2 ** (_INT_BITS[arrow] - 1)
        if isinstance(value, int) and not -limit <= value < limit:
            raise ValueError(f"{where}: {value} does not fit {arrow}")


def _plain(field: Field) -> type | None:
    """The type that passes `_check` without a closer look (the usual case, one test)."""
    if field.kind in ("strings", "table"):
        return None
    return {"string": str, "bool": bool}.get(field.arrow)  # integers: their range too


_PLAN = [(field, _plain(field)) for field in FIELDS]
_PLANS = {field.name: [(c, _plain(c)) for c in field.columns] for field in FIELDS}


def check_row(row: dict) -> None:
    """Every schema field of the row has a type its Arrow column can take."""
    for field, plain in _PLAN:
        value = row.get(field.name)
        if value is not None and type(value) is not plain:
            _check(field, value, field.name)


class SpooledParquetWriter:
    def __init__(self, run_dir: Path, row_group_size: int = DEFAULT_ROW_GROUP,
                 compression: str = "zstd", row_group_bytes: int = DEFAULT_ROW_GROUP_BYTES):
        self.run_dir = Path(run_dir)
        self.path = self.run_dir / FILENAME
        self.part = part_path(self.path)
        self.options = {"row_group_size": row_group_size, "compression": compression,
                        "row_group_bytes": row_group_bytes}
        self._fh = open(self.part, "wb", buffering=BUFFER_BYTES)  # noqa: SIM115
        self._write = self._fh.write

    def write(self, record: dict) -> None:
        check_row(record)
        self._write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))

    def commit(self) -> list[Path]:
        # The crawl's freed heap goes back to the system before pyarrow loads on top of it:
        # the conversion is the crawl process's peak (common/heap.py).
        trim_heap()
        from .parquet import ParquetWriter  # pyarrow: only now

        self._fh.close()
        spool = self.run_dir / f".{FILENAME}.spool"
        os.replace(self.part, spool)  # the writer's `.part` is the Parquet file from here
        try:
            writer = ParquetWriter(self.run_dir, **self.options)
            try:
                with open(spool, "rb") as fh:
                    for line in fh:
                        writer.write(orjson.loads(line))
                return writer.commit()
            except BaseException:
                writer.abort()
                raise
        finally:
            with contextlib.suppress(OSError):
                spool.unlink()

    def abort(self) -> None:
        with contextlib.suppress(OSError):  # the `.part` (spooled rows) is left on purpose
            self._fh.close()
