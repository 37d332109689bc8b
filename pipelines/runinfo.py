"""Where a run's files go, and which run this is. Shared by the export pipeline and the
RunFolder extension, which may start in either order (Scrapy opens item pipelines before it
sends `spider_opened`), so every helper here is idempotent."""
from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Any

from common.clock import utc_now_dt

logger = logging.getLogger(__name__)


def new_run_id() -> str:
    # Sortable by time.
    return utc_now_dt().strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def run_id_of(spider: Any, settings: Any = None) -> str:
    """The spider's run id (the spider sets it); else the setting; else a new one, stored on
    the spider so that every component of this crawl agrees on it."""
    run_id = getattr(spider, "run_id", None)
    if not run_id:
        run_id = (settings.get("HEALTHCRAWL_RUN_ID") if settings is not None else None) \
            or new_run_id()
        logger.warning("Spider %s has no run_id; using %s", getattr(spider, "name", "?"), run_id)
        spider.run_id = run_id
    if "/" in run_id or "\\" in run_id or run_id in (".", ".."):
        raise ValueError(f"run_id {run_id!r} is not a plain folder name")
    return run_id


def ensure_run_dir(out: Path, run_id: str) -> Path:
    path = out / run_id
    path.mkdir(parents=True, exist_ok=True)
    return path
