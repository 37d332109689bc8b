"""Scrapy item pipelines, the article store, the exports and the run folder.

Wire them into a crawl with the two constants below (crawler/settings.py or `-s`)::

    from pipelines import EXTENSIONS, ITEM_PIPELINES

together with the HEALTHCRAWL_* defaults (common/default_settings.py), which they read
without a fallback of their own.

Order matters: a record is validated, then de-duplicated within the run, then upserted into
the SQLite store, then streamed to the export files. The RunFolder extension writes
`run.json` and moves `latest` after every pipeline has closed (Scrapy closes item pipelines
before it sends `spider_closed`), so the summary sees final file sizes.

This module imports nothing heavy: reading the constants must not pull in pyarrow.
"""
from __future__ import annotations

VALIDATE = "pipelines.validate.ValidatePipeline"
DEDUPE = "pipelines.dedupe.DedupePipeline"
STORE = "pipelines.store.StorePipeline"
EXPORT = "pipelines.export.ExportPipeline"
RUN_FOLDER = "pipelines.run_folder.RunFolder"

ITEM_PIPELINES: dict[str, int] = {VALIDATE: 100, DEDUPE: 200, STORE: 300, EXPORT: 400}
EXTENSIONS: dict[str, int] = {RUN_FOLDER: 500}

__all__ = ["DEDUPE", "EXPORT", "EXTENSIONS", "ITEM_PIPELINES", "RUN_FOLDER", "STORE",
           "VALIDATE"]
