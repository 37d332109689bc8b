"""The baseline of the crawl benchmark: plain Scrapy + trafilatura, as most people write it.

    scrapy runspider bench/baseline_spider.py -a start=http://127.0.0.1:PORT/ \
        -s FEEDS='{"out.jsonl": {"format": "jsonlines"}}'

Follows every <a href> with `response.follow` (Scrapy's own dupefilter drops repeats,
allowed_domains keeps it on 127.0.0.1) and yields {url, text} with `trafilatura.extract`
for every page. Run it outside the project folder, so scrapy.cfg does not load healthcrawl's
settings and pipelines.
"""
from __future__ import annotations

import scrapy
import trafilatura

NOT_FOLLOWED = ("mailto:", "tel:", "javascript:", "data:")


class BaselineSpider(scrapy.Spider):
    name = "baseline"
    allowed_domains = ["127.0.0.1"]

    def __init__(self, start: str = "http://127.0.0.1:8765/", **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [start]

    def parse(self, response):
        if not isinstance(response, scrapy.http.TextResponse):
            return
        for href in response.css("a::attr(href)").getall():
            if not href.startswith(NOT_FOLLOWED):  # response.follow raises on mailto: links
                yield response.follow(href, callback=self.parse)
        yield {"url": response.url, "text": trafilatura.extract(response.text)}
