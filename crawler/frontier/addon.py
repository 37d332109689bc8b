"""The Scrapy add-on (ADDONS in crawler/settings.py) that turns a crawl into one worker of a
shared crawl when HEALTHCRAWL_FRONTIER is set, from any entry point (`healthcrawl crawl
--frontier`, `scrapy crawl health -s HEALTHCRAWL_FRONTIER=...`, scrapyd). An add-on runs after
every setting is in, command-line ones too; without HEALTHCRAWL_FRONTIER it is
NotConfigured and the crawl is the single-process one, unchanged."""
from __future__ import annotations

from typing import Any

from scrapy.exceptions import NotConfigured

from .connect import frontier_url

SCHEDULER = "crawler.frontier.scheduler.FrontierScheduler"
ROBOTS = "crawler.middlewares.robots.StrictRobotsTxtMiddleware"
FRONTIER_ROBOTS = "crawler.frontier.robots.FrontierRobotsTxtMiddleware"
POLITENESS = "crawler.frontier.politeness.ClusterPoliteness"
POLITENESS_ORDER = 960  # after the archive (950): closest to the network


class FrontierAddon:
    @classmethod
    def from_crawler(cls, crawler: Any) -> FrontierAddon:
        if not frontier_url(crawler.settings):
            raise NotConfigured
        return cls()

    def update_settings(self, settings: Any) -> None:
        # At the priority the settings already have (project, from crawler/settings.py):
        # "addon" is below "project" and would not take.
        settings.set("SCHEDULER", SCHEDULER, priority=settings.getpriority("SCHEDULER") or 0)
        middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
        order = middlewares.pop(ROBOTS, None)
        if order is not None:
            middlewares[ROBOTS] = None
            middlewares[FRONTIER_ROBOTS] = order
        middlewares[POLITENESS] = POLITENESS_ORDER
        settings.set("DOWNLOADER_MIDDLEWARES", middlewares,
                     priority=settings.getpriority("DOWNLOADER_MIDDLEWARES") or 0)
