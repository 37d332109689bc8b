"""Exporter: the chosen writers of one run folder behind one write/close/abort interface.
Usable without Scrapy (tests, benchmarks, re-exporting from the store)."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from cleaners.record_fields import RECORD_FIELDS
from common.default_settings import DEFAULTS

from . import csvfiles, jsonl

logger = logging.getLogger(__name__)

DEFAULT_FORMATS = tuple(DEFAULTS["HEALTHCRAWL_FORMATS"].split(","))
# Parquet's constants live here: parquet.py imports pyarrow (~85 MB of RSS), which only a run
# writing Parquet loads, when it closes (Exporter below, parquet_spool.py).
PARQUET_FILENAME = "articles.parquet"
DEFAULT_ROW_GROUP = DEFAULTS["HEALTHCRAWL_PARQUET_ROW_GROUP"]
DEFAULT_ROW_GROUP_BYTES = int(DEFAULTS["HEALTHCRAWL_PARQUET_ROW_GROUP_MB"] * 2**20)
FORMAT_FILES: dict[str, tuple[str, ...]] = {
    "jsonl": (jsonl.FILENAME,),
    "csv": csvfiles.FILENAMES,
    "parquet": (PARQUET_FILENAME,),
}


class Writer(Protocol):
    def write(self, record: dict) -> None: ...
    def commit(self) -> list[Path]: ...
    def abort(self) -> None: ...


def parse_formats(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """"jsonl, CSV" -> ("jsonl", "csv"); unknown names are a configuration error."""
    items = value.split(",") if isinstance(value, str) else list(value or ())
    formats = tuple(dict.fromkeys(f.strip().lower() for f in items if f and f.strip()))
    unknown = [f for f in formats if f not in FORMAT_FILES]
    if unknown:
        raise ValueError(f"unknown export format(s) {', '.join(unknown)}; "
                         f"known: {', '.join(FORMAT_FILES)}")
    return formats


class Exporter:
    def __init__(self, run_dir: Path, formats: Iterable[str] = DEFAULT_FORMATS,
                 csv_excel: bool = False, row_group_size: int = DEFAULT_ROW_GROUP,
                 row_group_bytes: int = DEFAULT_ROW_GROUP_BYTES):
        self.run_dir = Path(run_dir)
        self.formats = parse_formats(formats)
        self.records = 0
        self.writers: list[Writer] = []
        try:
            for fmt in self.formats:
                if fmt == "jsonl":
                    self.writers.append(jsonl.JsonlWriter(self.run_dir))
                elif fmt == "csv":
                    self.writers.append(csvfiles.CsvWriter(self.run_dir, excel=csv_excel))
                else:
                    # Spooled: pyarrow is imported only when the file is written at close
                    # (parquet_spool.py).
                    from .parquet_spool import SpooledParquetWriter

                    self.writers.append(SpooledParquetWriter(
                        self.run_dir, row_group_size, row_group_bytes=row_group_bytes))
        except BaseException:
            self.abort()
            raise

    def write(self, record: dict) -> None:
        # Exactly the schema fields, in schema order, whatever else the dict carries.
        row = {name: record.get(name) for name in RECORD_FIELDS}
        for writer in self.writers:
            writer.write(row)
        self.records += 1

    def close(self) -> dict[str, Path]:
        """Finish every file and give it its final name; {file name: path}."""
        paths: dict[str, Path] = {}
        try:
            for writer in self.writers:
                for path in writer.commit():
                    paths[path.name] = path
        except BaseException:
            # Files committed before the failure keep their names; the rest stay `.part`,
            # and the run is reported as not complete.
            self.abort()
            raise
        return paths

    def abort(self) -> None:
        for writer in self.writers:
            try:
                writer.abort()
            except Exception:
                logger.exception("Could not close %s", type(writer).__name__)
