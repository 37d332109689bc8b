"""Exports: articles.jsonl, the three CSV files and articles.parquet, streamed into the run
folder (`Exporter`), the feeds (feeds.py), the run folder's files (run_files.py) and the one
way every file is written (atomic.py). Usable without Scrapy: the Scrapy item pipeline,
`pipelines.export.ExportPipeline` (pipeline.py), is imported only when asked for, and
pyarrow only by a run that writes Parquet."""
from __future__ import annotations

from typing import Any

from .csvfiles import csv_escape, csv_unescape
from .exporter import DEFAULT_FORMATS, FORMAT_FILES, Exporter, parse_formats


def __getattr__(name: str) -> Any:
    # The ITEM_PIPELINES path, without importing Scrapy for every user of the exports.
    if name == "ExportPipeline":
        from .pipeline import ExportPipeline
        return ExportPipeline
    # The Arrow schema, without importing pyarrow (~85 MB) for every user of the exports.
    if name == "PARQUET_SCHEMA":
        from .parquet import SCHEMA
        return SCHEMA
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["DEFAULT_FORMATS", "FORMAT_FILES", "PARQUET_SCHEMA", "ExportPipeline", "Exporter",
           "csv_escape", "csv_unescape", "parse_formats"]
