"""Generic extraction in a worker process, so that a generic crawl uses the second core.

The generic analysis of a page (~2-3 ms) costs more than everything else the crawl does for
it; handed to a worker, it runs while the crawl process keeps downloading and storing.
Profiled crawls stay inline (their extraction is cheap and a worker costs memory).
"""
from __future__ import annotations

import logging
import os

from cleaners.analyze import PageAnalysis, analyze_page
from crawler.worker_pool import WorkerPool

logger = logging.getLogger(__name__)


def analyze(body: bytes, url: str, charset: str | None, site: str,
            run_id: str, status: int, fetched_at: str) -> PageAnalysis:
    """The generic analysis of a crawled page with its links (cleaners/analyze.py), called
    with plain positional values: in a worker they arrive pickled, and so does the result."""
    return analyze_page(body, url, charset=charset, links=True, site=site, run_id=run_id,
                        http_status=status, fetched_at=fetched_at)


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
    its page retried once, a page analysed past the time limit fails and its worker is
    restarted, workers ignore Ctrl-C and die with the crawl). Closed, the pool starts again
    on the next page (the crawl closes it whenever it is idle)."""

    def __init__(self, processes: int, time_limit: float = 0.0):
        self.processes = processes
        self.time_limit = time_limit  # seconds a page's analysis may take (0: no limit)
        self.starts = 0
        self.pool: WorkerPool | None = None
        self._start()

    def _start(self) -> WorkerPool:
        self.pool = WorkerPool(self.processes, f"{__name__}:analyze", self.time_limit)
        self.starts += 1
        return self.pool

    async def analyze(self, *args) -> PageAnalysis:
        pool = self.pool or self._start()
        return await pool.run(*args, label=args[1])

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
            logger.info("Extraction worker(s) stopped")
