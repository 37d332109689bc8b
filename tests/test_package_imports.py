"""The store and the exports are usable without Scrapy: importing them (in a fresh
interpreter) loads no `scrapy` module. The Scrapy components keep their dotted paths."""
from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # fresh interpreters in child processes

SCRAPY_FREE = ("pipelines.store", "pipelines.store.sqlite", "pipelines.export",
               "pipelines.export.feeds", "pipelines.export.run_files", "pipelines.export.report",
               "pipelines.load", "pipelines.ledger", "pipelines.snapshot", "pipelines.changes",
               "pipelines.pages", "pipelines.publish")


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)


def test_store_and_exports_import_without_scrapy() -> None:
    proc = run_python(
        f"import {', '.join(SCRAPY_FREE)}; import sys; "
        "loaded = sorted(m for m in sys.modules if m == 'scrapy' or m.startswith('scrapy.')); "
        "assert not loaded, loaded")
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_component_paths_still_load() -> None:
    proc = run_python(
        "import sys; from pipelines import EXTENSIONS, ITEM_PIPELINES; "
        "from scrapy.utils.misc import load_object; "
        "print(' '.join(load_object(p).__name__ for p in [*ITEM_PIPELINES, *EXTENSIONS]))")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.split() == ["ValidatePipeline", "DedupePipeline", "StorePipeline",
                                   "ExportPipeline", "RunFolder"]


HEAVY = ("pyarrow", "pandas", "numpy", "psycopg", "fastwarc", "matplotlib", "trafilatura")


def test_the_crawl_command_imports_no_heavy_library() -> None:
    # Each costs tens of MB of RSS in every crawl, and in the extraction worker, whether or
    # not the run uses it: pyarrow (~85 MB) is imported when a Parquet file is opened,
    # psycopg for a postgresql:// store, fastwarc when a WARC file is read.
    proc = run_python(
        "import sys, crawler.cli, crawler.spiders.health, crawler.extract_worker, "
        "pipelines.export.pipeline, pipelines.store.pipeline; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip() == "[]"
