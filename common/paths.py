"""Where a crawl's files go, worked out from its settings in one place each."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .default_settings import DEFAULTS

STORE_FILENAME = "healthcrawl.sqlite"
# scheme:// at the start: a server store URL, never a file name (pipelines/store/__init__.py).
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def output_dir(settings: Any) -> Path:
    """HEALTHCRAWL_OUTPUT_DIR; set empty it means the default."""
    return Path(settings.get("HEALTHCRAWL_OUTPUT_DIR") or DEFAULTS["HEALTHCRAWL_OUTPUT_DIR"])


def store_path(settings: Any) -> Path:
    """The store file: HEALTHCRAWL_STORE_PATH, else `healthcrawl.sqlite` in the output folder.
    Whether the store is on at all is HEALTHCRAWL_STORE_ENABLED, for the caller to ask."""
    return Path(settings.get("HEALTHCRAWL_STORE_PATH") or output_dir(settings) / STORE_FILENAME)


def store_location(settings: Any) -> str | Path:
    """The store: HEALTHCRAWL_STORE (a file path or a server URL such as postgresql://...),
    else HEALTHCRAWL_STORE_PATH, else `healthcrawl.sqlite` in the output folder. A URL is
    returned as text, a file as a Path."""
    location = settings.get("HEALTHCRAWL_STORE") or settings.get("HEALTHCRAWL_STORE_PATH") or ""
    if location and _SCHEME.match(str(location)):
        return str(location)
    return Path(location) if location else output_dir(settings) / STORE_FILENAME
