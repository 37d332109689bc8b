"""Where a crawl's files go, worked out from its settings in one place each."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .default_settings import DEFAULTS

STORE_FILENAME = "healthcrawl.sqlite"


def output_dir(settings: Any) -> Path:
    """HEALTHCRAWL_OUTPUT_DIR; set empty it means the default."""
    return Path(settings.get("HEALTHCRAWL_OUTPUT_DIR") or DEFAULTS["HEALTHCRAWL_OUTPUT_DIR"])


def store_path(settings: Any) -> Path:
    """The store file: HEALTHCRAWL_STORE_PATH, else `healthcrawl.sqlite` in the output folder.
    Whether the store is on at all is HEALTHCRAWL_STORE_ENABLED, for the caller to ask."""
    return Path(settings.get("HEALTHCRAWL_STORE_PATH") or output_dir(settings) / STORE_FILENAME)
