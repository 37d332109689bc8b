"""The spider's backlog (crawler/spiders/health.py): new URLs become Requests only up to the
pending limit, the rest wait as strings; drips of several callbacks share one backlog."""
from __future__ import annotations

from scrapy.utils.test import get_crawler

from common.default_settings import project_defaults
from crawler.spiders.health import HealthSpider

BASE = "http://127.0.0.1:8765/"


def make_spider(limit: int) -> HealthSpider:
    crawler = get_crawler(HealthSpider, project_defaults({
        "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS": "127.0.0.1", "HEALTHCRAWL_LEDGER": False,
        "HEALTHCRAWL_EXTRACT_WORKERS": 0}))
    spider = HealthSpider.from_crawler(crawler, url=BASE, generic=True)
    spider._pending_limit = limit
    return spider


def test_links_past_the_pending_limit_wait_in_the_backlog() -> None:
    spider = make_spider(limit=2)
    urls = [f"{BASE}blog/2020/01/article-{i}.html" for i in range(5)]
    requests = list(spider._follow(urls))
    assert [r.url for r in requests] == urls[:2]
    assert list(spider._backlog) == urls[2:]
    assert spider._pending == 2
    assert all(url in spider._seen for url in urls)  # admitted once: not queued again later
    assert list(spider._follow(urls)) == [] and len(spider._backlog) == 3
    # A response comes back: one slot frees, one backlog URL becomes a Request.
    spider._pending -= 1
    assert [r.url for r in spider._top_up()] == urls[2:3]
    assert spider._pending == 2 and list(spider._backlog) == urls[3:]


def test_interleaved_drips_share_the_backlog() -> None:
    # Generic pages' callbacks resume after the worker in any order: two drips started with
    # the same backlog must not pop from it once it is empty.
    spider = make_spider(limit=100)
    urls = [f"{BASE}blog/2020/01/article-{i}.html" for i in range(3)]
    spider._backlog.extend(urls)
    first, second = spider._drip(3), spider._drip(3)
    got = [next(first).url, next(second).url, next(second).url]
    assert list(first) == [] and list(second) == []
    assert got == urls and spider._pending == 3


def test_the_href_cache_stays_bounded(monkeypatch) -> None:
    from crawler import links

    monkeypatch.setattr(links, "RESOLVED_CACHE", 4)
    spider = make_spider(limit=100)
    hrefs = ["/menu/", *[f"/blog/a-{i}.html" for i in range(10)], "/menu/", "other.html"]
    urls = spider._hrefs.resolve(hrefs, f"{BASE}blog/x.html")
    assert urls == [f"{BASE}menu/", *[f"{BASE}blog/a-{i}.html" for i in range(10)],
                    f"{BASE}blog/other.html"]
    assert 0 < len(spider._hrefs.cache) <= 4
    assert "other.html" not in spider._hrefs.cache  # relative: depends on the page, never cached
