"""`healthcrawl extract FILE.warc.gz ... [--host H] [--url-pattern RE] [--site KEY] [--store S]`:
records from web archives written by anyone, on stdout as JSON Lines."""
from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

from common.exits import EXIT_OK, EXIT_QUALITY
from crawler.archive.read import iter_pages, url_filter
from crawler.archive.replay import RECORD, Mode, extract_page
from crawler.run import UsageError
from crawler.sites import get_site


def run_extract_warc(paths: list[str], site: str | None = None, host: str | None = None,
                     url_pattern: str | None = None, learned: Any = None) -> int:
    """learned: crawler/commands/learned_store.py LearnedTemplates (`--store`), or None."""
    try:
        accept = url_filter(host, url_pattern)
    except re.error as exc:
        raise UsageError(f"--url-pattern: {exc}") from None
    try:
        mode = Mode(get_site(site), site, learned=learned) if site else \
            Mode(None, "", learned=learned)
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from None
    counts: Counter[str] = Counter()
    out = sys.stdout.buffer
    failures = 0
    started = time.monotonic()
    for name in paths:
        path = Path(name)
        try:
            for page in iter_pages([path], accept):
                counts["responses"] += 1
                outcome, record = extract_page(page, mode)
                counts[outcome] += 1
                if record is not None:
                    record["source"] = page.source
                    out.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
        except (OSError, ValueError) as exc:
            failures += 1
            print(f"healthcrawl: cannot read {name}: {exc}", file=sys.stderr)
    out.flush()
    seconds = time.monotonic() - started
    others = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())
                       if k not in ("responses", RECORD))
    print(f"healthcrawl extract: {counts[RECORD]} records from {counts['responses']} responses "
          f"in {len(paths)} file(s), {seconds:.1f}s" + (f" ({others})" if others else ""),
          file=sys.stderr)
    return EXIT_QUALITY if failures else EXIT_OK
