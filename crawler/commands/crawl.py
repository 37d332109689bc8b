"""`healthcrawl crawl SITE|URL`: one crawl, a summary on stderr, the run's exit code."""
from __future__ import annotations

import sys

from crawler.run import crawl
from crawler.summary import format_summary


def run_crawl(target: str, overrides: dict, base_url: str | None = None) -> int:
    overrides = {"HEALTHCRAWL_PROGRESS": True, **overrides}
    result = crawl(target, overrides, base_url=base_url)
    if result.summary:
        print(format_summary(result.summary, result.run_dir), file=sys.stderr)
    return result.exit_code
