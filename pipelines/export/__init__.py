"""Exports: articles.jsonl, the three CSV files and articles.parquet, streamed into the run
folder (`ExportPipeline`, or `Exporter` without Scrapy)."""
from .csvfiles import csv_escape, csv_unescape
from .exporter import DEFAULT_FORMATS, FORMAT_FILES, Exporter, parse_formats
from .parquet import SCHEMA as PARQUET_SCHEMA
from .pipeline import ExportPipeline

__all__ = ["DEFAULT_FORMATS", "FORMAT_FILES", "PARQUET_SCHEMA", "ExportPipeline", "Exporter",
           "csv_escape", "csv_unescape", "parse_formats"]
