"""Components with a bug on chosen pages, put into a real crawl by the tests (settings
FAULTS_BUGGY_SPIDER_URLS / _PIPELINE_URLS, comma-separated URLs): a spider
middleware whose output processing raises (Scrapy's spider_error) and an item pipeline that
raises (item_error)."""
from __future__ import annotations

from typing import Any


def _urls(crawler: Any, name: str) -> frozenset[str]:
    return frozenset(u for u in crawler.settings.get(name, "").split(",") if u)


class RaisingSpiderMiddleware:
    def __init__(self, urls: frozenset[str]):
        self.urls = urls

    @classmethod
    def from_crawler(cls, crawler: Any) -> RaisingSpiderMiddleware:
        return cls(_urls(crawler, "FAULTS_BUGGY_SPIDER_URLS"))

    async def process_spider_output(self, response: Any, result: Any):
        if response.url in self.urls:
            raise RuntimeError(f"a bug on {response.url}")
        async for item in result:
            yield item


class RaisingPipeline:
    def __init__(self, urls: frozenset[str]):
        self.urls = urls

    @classmethod
    def from_crawler(cls, crawler: Any) -> RaisingPipeline:
        return cls(_urls(crawler, "FAULTS_BUGGY_PIPELINE_URLS"))

    def process_item(self, item: Any) -> Any:
        if item.get("url") in self.urls:
            raise RuntimeError(f"a bug on {item['url']}")
        return item
