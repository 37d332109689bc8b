"""`healthcrawl demo`: generate and serve the demo site on 127.0.0.1, crawl it, export,
write the run report, print where the files are and a one-screen summary."""
from __future__ import annotations

import sys
import time

from crawler.demo.generator import ensure_site
from crawler.demo.server import DemoServer
from crawler.run import FAST_LOCAL, crawl
from crawler.summary import format_summary
from pipelines.export.report import write_report


def run_demo(pages: int, overrides: dict) -> int:
    started = time.monotonic()
    print(f"Preparing the demo site ({pages} articles)...", file=sys.stderr)
    site_dir = ensure_site(pages)
    with DemoServer(site_dir) as server:
        print(f"Serving it at {server.base_url}; crawling...", file=sys.stderr)
        settings = {**FAST_LOCAL, "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS": "127.0.0.1",
                    "HEALTHCRAWL_PROGRESS": True, "LOG_LEVEL": "WARNING", **overrides}
        result = crawl("demo", settings, base_url=server.base_url)
    if result.summary:
        print(format_summary(result.summary, result.run_dir), file=sys.stderr)
        print(f"report: {write_report(result.run_dir)}", file=sys.stderr)
    print(f"demo finished in {time.monotonic() - started:.1f}s, exit code {result.exit_code}",
          file=sys.stderr)
    if result.run_dir:
        print(result.run_dir)
    return result.exit_code
