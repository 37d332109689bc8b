"""Scrapy's meta-refresh redirects, looked for only where a page can hold one.

Scrapy's MetaRefreshMiddleware decodes every HTML response whole (`response.text`) to read
`<meta http-equiv="refresh">` in its first 4,096 characters: ~1.4% of a crawl's CPU on the
demo site, for a tag few pages carry (bench/README.md, "Meta refresh"). A page whose first
bytes do not spell "refresh" cannot hold it and passes unread; the page analysis decodes the
bytes on its own (cleaners/encoding.py), so nothing else needs that text.
"""
from __future__ import annotations

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse

# Scrapy reads 4,096 characters: at most 4 bytes each in UTF-8.
_HEAD_BYTES = 4 * 4096


class QuickMetaRefreshMiddleware(MetaRefreshMiddleware):
    def process_response(self, request, response):
        if not isinstance(response, HtmlResponse):
            return response  # (Scrapy's reads HTML only)
        head = response.body[:_HEAD_BYTES]
        # a NUL byte: UTF-16 or UTF-32, where the word is not spelled in single bytes
        if b"\x00" not in head and b"refresh" not in head.lower():
            return response
        return super().process_response(request, response)
