"""Run one crawl in this process and turn its run.json into an exit code.

Used by `healthcrawl crawl` and `healthcrawl demo`; `scrapy crawl health` goes through the
same settings module, pipelines and run summary.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from common.exits import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from crawler.preflight import SetupError, check_setup
from crawler.sites import all_sites
from crawler.urlpolicy import refusal

logger = logging.getLogger(__name__)


# What the demo and benchmark use: a local server that is not rate limited.
FAST_LOCAL = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "RETRY_TIMES": 1,
    "DOWNLOAD_TIMEOUT": 15,
    # The demo site has no <meta http-equiv="refresh">; MetaRefreshMiddleware would scan
    # every response for one (0.17 ms/page, ~4% of a local crawl's CPU).
    "METAREFRESH_ENABLED": False,
}


class UsageError(Exception):
    """A mistake in the command: exit code 1, no crawl."""


@dataclass
class RunResult:
    exit_code: int
    run_dir: Path | None
    summary: dict | None


def build_settings(overrides: dict | None = None) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def spider_args(target: str, base_url: str | None = None) -> dict:
    """`demo` / a site key -> site=KEY; an http(s) URL -> url=URL."""
    if target in all_sites():
        return {"site": target, **({"url": base_url} if base_url else {})}
    if target.startswith(("http://", "https://")):
        if refusal(target, frozenset()) == "bad_url":
            raise UsageError(f"{target!r} is no URL to crawl: it has no host, or a bad port")
        return {"url": target}
    known = ", ".join(sorted(all_sites()))
    raise UsageError(f"{target!r} is neither a known site ({known}) nor an http(s) URL")


def crawl(target: str, overrides: dict | None = None, base_url: str | None = None) -> RunResult:
    from crawler.run_context import RunContext
    from crawler.spiders.health import HealthSpider

    args = spider_args(target, base_url)
    settings = build_settings(overrides)
    try:
        check_setup(settings)
    except SetupError as exc:
        raise UsageError(str(exc)) from None
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(HealthSpider)
    process.crawl(crawler, **args)
    process.start()

    run = RunContext.find(crawler)  # None: the crawl did not get as far as its run
    if run is not None and run.config_error is not None:
        logger.error("Configuration error: %s", run.config_error)
        return RunResult(EXIT_USAGE, None, None)
    if run is None or crawler.spider is None:
        return RunResult(EXIT_INTERRUPTED, None, None)
    shared = getattr(run, "frontier_outcome", None)  # a shared crawl (crawler/frontier/)
    if shared is not None:
        code, folder = shared
        if folder is None:
            return RunResult(code, None, None)
        return RunResult(code, *read_outcome(folder)[1:])
    # The run context decided the run id: a new one, or the interrupted run it resumes.
    run_dir = run.output_dir / run.run_id
    state = run.run_state
    if state is not None and not state.last_worker:
        # A worker of a shared run (a PostgreSQL store) that finished its part while others
        # go on: the last of them writes run.json and decides the exit code.
        logger.warning("Run %s goes on in other workers; the last to finish writes %s",
                       run.run_id, run_dir / "run.json")
        return RunResult(EXIT_OK, run_dir, None)
    return RunResult(*read_outcome(run_dir))


def read_outcome(run_dir: Path) -> tuple[int, Path | None, dict | None]:
    """Exit code from run.json; no run.json means the run never finished: interrupted."""
    try:
        summary = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        logger.error("No run summary in %s: the run did not complete", run_dir)
        return EXIT_INTERRUPTED, run_dir if run_dir.exists() else None, None
    return int(summary.get("exit_code", EXIT_INTERRUPTED)), run_dir, summary
