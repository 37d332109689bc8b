"""Meta-refresh redirects (crawler/middlewares/meta_refresh.py): the project's settings
replace Scrapy's middleware with one that leaves pages without the word "refresh" in their
first bytes unread, and still follows every refresh Scrapy's would."""
from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler import settings as project_settings
from crawler.middlewares.meta_refresh import QuickMetaRefreshMiddleware

URL = "https://example.org/old-page.html"
PROSE = "<p>" + "Walking daily eases knee pain in older adults. " * 40 + "</p>"


@pytest.fixture
def middleware():
    return QuickMetaRefreshMiddleware.from_crawler(get_crawler())


def _response(head: str, encoding: str = "utf-8") -> HtmlResponse:
    page = f"<html><head>{head}</head><body>{PROSE}</body></html>"
    return HtmlResponse(URL, body=page.encode(encoding), encoding=encoding)


def test_the_project_settings_use_it_in_place_of_scrapys():
    mws = project_settings.DOWNLOADER_MIDDLEWARES
    assert mws["scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware"] is None
    assert mws["crawler.middlewares.meta_refresh.QuickMetaRefreshMiddleware"] == 580


@pytest.mark.parametrize("head", [
    '<meta http-equiv="refresh" content="0; url=/new-page.html">',
    "<META HTTP-EQUIV='Refresh' CONTENT='0;URL=/new-page.html'>",
])
def test_a_refresh_is_followed(middleware, head):
    out = middleware.process_response(Request(URL), _response(head))
    assert isinstance(out, Request) and out.url == "https://example.org/new-page.html"


def test_a_refresh_in_a_utf16_page_is_followed_as_scrapy_follows_it(middleware):
    # its bytes spell the word with NULs between the letters: the check defers to Scrapy's
    head = '<meta http-equiv="refresh" content="0; url=/new-page.html">'
    assert b"refresh" not in _response(head, "utf-16").body
    out = middleware.process_response(Request(URL), _response(head, "utf-16"))
    scrapys = MetaRefreshMiddleware.from_crawler(get_crawler()).process_response(
        Request(URL), _response(head, "utf-16"))
    assert isinstance(out, Request) and out.url.startswith("https://example.org/new-page.html")
    assert out.url == scrapys.url


def test_a_page_without_the_word_passes_undecoded(middleware):
    response = _response('<meta charset="utf-8"><title>Walking</title>')
    assert middleware.process_response(Request(URL), response) is response
    assert response._cached_ubody is None  # Scrapy's would have decoded the whole body


def test_the_word_elsewhere_is_read_and_not_a_redirect(middleware):
    response = _response("<title>Refresh your morning walk</title>")
    assert middleware.process_response(Request(URL), response) is response
