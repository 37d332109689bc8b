"""Who a crawl process is when it joins its run (pipelines/store/base.py `join_run`): its
worker id, the code version, and the fingerprint of the settings that shape the run's
records and outcomes. Workers that differ in either may not share a run: their records or
their ledger outcomes would disagree for no reason a reader of the run could see.

The run key (the spider's: site, start URL, generic flag) already keeps a profiled and a
generic crawl apart. The fingerprint adds the settings that change what a page becomes:
- validation and dedupe, and the shortest body kept (what is dropped, and why);
- the trap guards and the private hosts allowed (which URLs are `refused/...`);
- robots.txt obeyed or not (which are `robots_denied`), and Scrapy's URL length limit.
Not in it: speed and politeness (concurrency, delays, timeouts), output formats, the
archive, progress, batch sizes and HEALTHCRAWL_MAX_PAGES, which each worker may set for
itself without changing any record.
"""
from __future__ import annotations

import os
import secrets
import socket
from typing import Any

import orjson

from cleaners.record import PACKAGE_VERSION

from .store import WorkerInfo

FINGERPRINT_SETTINGS = (
    "HEALTHCRAWL_GENERIC",
    "HEALTHCRAWL_VALIDATE_ENABLED",
    "HEALTHCRAWL_MIN_BODY_CHARS",
    "HEALTHCRAWL_DEDUPE_ENABLED",
    "HEALTHCRAWL_TRAP_DEPTH",
    "HEALTHCRAWL_TRAP_REPEAT",
    "HEALTHCRAWL_TRAP_QUERY",
    "HEALTHCRAWL_TRAP_SITEMAP_DEPTH",
    "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS",
    "ROBOTSTXT_OBEY",
    "URLLENGTH_LIMIT",
)


def fingerprint(settings: Any) -> str:
    """The record-shaping settings as canonical JSON (names sorted, values as text, so that
    `-s HEALTHCRAWL_MIN_BODY_CHARS=150` and the default 150 agree)."""
    return orjson.dumps({name: _text(settings.get(name)) for name in FINGERPRINT_SETTINGS},
                        option=orjson.OPT_SORT_KEYS).decode("utf-8")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return "1" if value.lower() == "true" else "0"
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return "" if value is None else str(value)


def worker_info(settings: Any) -> WorkerInfo:
    host = socket.gethostname()
    pid = os.getpid()
    return WorkerInfo(f"{host}:{pid}:{secrets.token_hex(4)}", host, pid, PACKAGE_VERSION,
                      fingerprint(settings))
