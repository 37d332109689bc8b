"""The Scrapy add-on (ADDONS in crawler/settings.py) that turns a crawl into one worker of a
shared crawl when HEALTHCRAWL_FRONTIER is set, from any entry point (`healthcrawl crawl
--frontier`, `scrapy crawl health -s HEALTHCRAWL_FRONTIER=...`, scrapyd). An add-on runs after
every setting is in, command-line ones too; without HEALTHCRAWL_FRONTIER it is
NotConfigured and the crawl is the single-process one, unchanged.

What it changes: the scheduler (crawler/frontier/scheduler.py), robots.txt shared through
Redis, cluster-wide host slots, and where files go: each worker writes its own (archive,
its run.json, no exports) under `<out>/workers/<host>-<pid>/`, and the run's last worker
builds `<out>/<run-id>/` from the store (crawler/frontier/finish.py). A SQLite store left
at its default stays `<out>/healthcrawl.sqlite`.
"""
from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

from scrapy.exceptions import NotConfigured

from common.paths import STORE_FILENAME, output_dir

from .connect import frontier_url

SCHEDULER = "crawler.frontier.scheduler.FrontierScheduler"
ROBOTS = "crawler.middlewares.robots.StrictRobotsTxtMiddleware"
FRONTIER_ROBOTS = "crawler.frontier.robots.FrontierRobotsTxtMiddleware"
POLITENESS = "crawler.frontier.politeness.ClusterPoliteness"
POLITENESS_ORDER = 960  # after the archive (950): closest to the network
RUN_FOLDER = "crawler.frontier.finish.FrontierRunFolder"
RUN_FOLDER_ORDER = 505  # its spider_closed after RunFolder's (500) run.json
WORKERS_DIR = "workers"


def worker_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


class FrontierAddon:
    @classmethod
    def from_crawler(cls, crawler: Any) -> FrontierAddon:
        if not frontier_url(crawler.settings):
            raise NotConfigured
        return cls()

    def __init__(self) -> None:
        self.formats: str | None = None  # the run's export formats (HEALTHCRAWL_FORMATS)

    def update_settings(self, settings: Any) -> None:
        # At the priority each setting already has (project, from crawler/settings.py, or
        # the command line's): "addon" is below "project" and would not take.
        def put(name: str, value: Any) -> None:
            settings.set(name, value, priority=settings.getpriority(name) or 0)

        put("SCHEDULER", SCHEDULER)
        middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
        order = middlewares.pop(ROBOTS, None)
        if order is not None:
            middlewares[ROBOTS] = None
            middlewares[FRONTIER_ROBOTS] = order
        middlewares[POLITENESS] = POLITENESS_ORDER
        put("DOWNLOADER_MIDDLEWARES", middlewares)
        extensions = settings.getdict("EXTENSIONS")
        extensions[RUN_FOLDER] = RUN_FOLDER_ORDER
        put("EXTENSIONS", extensions)

        out = output_dir(settings)
        if not settings.get("HEALTHCRAWL_FRONTIER_OUT"):
            put("HEALTHCRAWL_FRONTIER_OUT", str(out))
            put("HEALTHCRAWL_OUTPUT_DIR", str(Path(out) / WORKERS_DIR / worker_name()))
        if not (settings.get("HEALTHCRAWL_STORE") or settings.get("HEALTHCRAWL_STORE_PATH")):
            put("HEALTHCRAWL_STORE_PATH", str(Path(out) / STORE_FILENAME))
        # A worker's own export would hold its part of the run only: none; the last
        # worker's export from the store is the run's, in these formats.
        self.formats = settings.get("HEALTHCRAWL_FORMATS")
        put("HEALTHCRAWL_FORMATS", "")
