"""Generic extraction in a worker process, so that a generic crawl uses the second core.

The generic analysis of a page (~2-3 ms) costs more than everything else the crawl does for
it; handed to a worker, it runs while the crawl process keeps downloading and storing.
Profiled crawls stay inline (their extraction is cheap and a worker costs memory).
"""
from __future__ import annotations

import os

from cleaners.extract import extract_article
from cleaners.html import parse_html
from cleaners.record import to_record
from crawler.links import HREFS
from crawler.worker_pool import WorkerPool


def analyze(body: bytes, url: str, charset: str | None, site: str,
            run_id: str, status: int, fetched_at: str) -> tuple[list[str], dict | None, str | None]:
    """(hrefs of the page, its record or None when it is not an article, the extraction
    error or None). Plain values in and out: in a worker they are pickled. An extraction
    error still returns the page's links, so the crawl goes on past a broken page.
    Article or not is `page_kind` (cleaners/page_kind.py): listings, home and other pages
    are no records."""
    root, warnings = parse_html(body, charset)
    hrefs = list(HREFS(root))
    try:
        article = extract_article(root, url, None)
    except Exception as exc:  # reported as failed/extraction_error, links still followed
        return hrefs, None, f"{type(exc).__name__}: {exc}"
    if article.page_kind != "article":
        return hrefs, None, None
    article.warnings[:0] = warnings
    return hrefs, to_record(article, url=url, site=site, fetched_at=fetched_at,
                            http_status=status, run_id=run_id), None


def workers_for(setting: int, generic: bool) -> int:
    """HEALTHCRAWL_EXTRACT_WORKERS: -1 (auto: one worker for generic crawls that may run on
    2+ cores), 0 (inline) or a number of processes. The cores are those this process may
    run on (`taskset`, containers): on one, a worker cannot run beside the crawl and only
    adds pickling and a second interpreter's memory."""
    if setting >= 0:
        return setting
    return 1 if generic and _usable_cores() >= 2 else 0


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class ExtractWorkers:
    """`analyze` in worker processes (crawler/worker_pool.py: a dead worker is restarted and
    its page retried once, workers ignore Ctrl-C and die with the crawl)."""

    def __init__(self, processes: int):
        self.pool = WorkerPool(processes, f"{__name__}:analyze")

    async def analyze(self, *args) -> tuple[list[str], dict | None, str | None]:
        return await self.pool.run(*args, label=args[1])

    def close(self) -> None:
        self.pool.close()
