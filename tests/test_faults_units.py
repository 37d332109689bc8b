"""Unit tests for the fixes the fault-injection crawls led to (tests/test_faults.py runs them
end to end): deep pages keep their text, block_texts without recursion, redirects to
refused schemes, retried redirect targets."""
from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from cleaners.extract import extract_article
from cleaners.html import KEEP_LEVELS, block_texts, flatten_deep, parse_html
from common.default_settings import project_defaults
from crawler.middlewares import Refused
from crawler.middlewares.safety import SafetyMiddleware
from crawler.run_context import RunContext, RunScope
from crawler.urlpolicy import parse_allowed_hosts

PARAS = ["First paragraph of the deep page, long enough to be a paragraph of its own.",
         "Second paragraph, with a <a href='/x'>link</a> inside and a tail after it.",
         "Third paragraph at the very bottom of thousands of wrappers."]


def deep_page(levels: int, wrapper: str = "div") -> str:
    inner = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f"<html><head><title>Deep</title></head><body><header>Top</header><article>"
            f"<h1>Deep</h1>{f'<{wrapper}>' * levels}{inner}{f'</{wrapper}>' * levels}"
            f"</article><footer>After</footer></body></html>")


def depth(root) -> int:
    return max(sum(1 for _ in el.iterancestors()) for el in root.iter())


@pytest.mark.parametrize("levels", [2100, 5000, 20000])
@pytest.mark.parametrize("wrapper", ["div", "span", "section"])
def test_deep_page_keeps_text_and_paragraphs(levels, wrapper):
    root, warnings = parse_html(deep_page(levels, wrapper).encode())
    assert warnings == ["deep_nesting_flattened"]
    assert depth(root) <= 2 * KEEP_LEVELS + 5
    texts = [t.strip() for t in block_texts(root.find(".//article"))]
    assert texts == ["Deep", *(p.replace("<a href='/x'>link</a>", "link") for p in PARAS)]
    assert root.findtext(".//footer") == "After"  # the rest of the page is there too


def test_deep_article_is_extracted_with_its_paragraphs():
    article = extract_article(deep_page(5000).encode(), "http://example.org/health/deep")
    assert article.body.split("\n\n") == [p.replace("<a href='/x'>link</a>", "link")
                                          for p in PARAS]
    assert "deep_nesting_flattened" in article.warnings


def test_pages_within_the_limit_are_parsed_once_and_unchanged():
    root, warnings = parse_html(deep_page(2000).encode())
    assert warnings == [] and depth(root) > 2000


def test_flatten_keeps_text_comments_raw_text_and_void_tags():
    src = ("<html><body>" + "<div>" * 50 + "<!-- <div> --><script>if (a<b) x='</div>'"
           "</script><br><img src=x /><p title='a>b'>text</p>" + "</div>" * 50
           + "</body></html>")
    out = flatten_deep(src, 5, 5)
    for keep in ("<!-- <div> -->", "<script>if (a<b) x='</div>'</script>", "<br>",
                 "<img src=x />", "<p title='a>b'>text</p>"):
        assert keep in out
    # 3 divs at the top (html and body take 2 of the 5 levels), 4 at the bottom (the
    # innermost is 2 high: it holds <p>); plus the "<div>" of the comment and the "</div>"
    # of the script, which are text.
    assert out.count("<div>") == out.count("</div>") == 3 + 4 + 1


def test_flatten_handles_unclosed_and_stray_tags():
    src = "<html><body>" + "<span>" * 300 + "<b>bold</i>tail" + "</em>" * 10
    out = flatten_deep(src, 10, 10)
    assert "bold" in out and "tail" in out and out.count("</em>") == 10
    root, _ = parse_html(src.encode())
    assert "bold" in root.text_content() and "tail" in root.text_content()


@pytest.mark.parametrize("html, expected", [
    ("<div>a<p>b</p>c<br>d<br><br>e<span>f<b>g</b></span>h<!-- c -->i</div>",
     ["a", "b", "c\nd", "efghi"]),
    ("<div><p>one</p><p>two<br>three</p><ul><li>x<li>y</ul>z</div>",
     ["one", "two\nthree", "x", "y", "z"]),
])
def test_block_texts(html, expected):
    """The same paragraphs as the recursive version it replaced."""
    root, _ = parse_html(f"<html><body>{html}</body></html>")
    assert block_texts(root.find(".//div")) == expected


# -- the URL guard on redirects ------------------------------------------------------------
@pytest.fixture()
def guard():
    crawler = get_crawler(settings_dict=project_defaults({"HEALTHCRAWL_LEDGER": False}))
    run = RunContext.of(crawler)  # what the spider declares in from_crawler
    run.declare(RunScope("127.0.0.1:8000|http://127.0.0.1:8000/|generic=1", "127.0.0.1",
                         "http://127.0.0.1:8000/", frozenset({"http://127.0.0.1:8000"})))
    return SafetyMiddleware(MemoryStatsCollector(crawler), parse_allowed_hosts("127.0.0.1"), run)


@pytest.mark.parametrize("location, outcome", [
    ("file:///etc/passwd", "refused/unsafe_scheme"),
    ("data:text/html,<h1>x</h1>", "refused/unsafe_scheme"),
    ("ftp://example.org/", "refused/unsafe_scheme"),
])
def test_redirect_to_unfollowed_scheme_is_refused(guard, location, outcome):
    request = Request("http://127.0.0.1:8000/a")
    response = Response(request.url, status=302, headers={"Location": location},
                        request=request)
    with pytest.raises(Refused) as exc:
        guard.process_response(request, response)
    assert exc.value.outcome == outcome
    assert guard.stats.get_value(f"healthcrawl/outcome/{outcome}") == 1


@pytest.mark.parametrize("status, headers", [
    (200, {}), (304, {"Location": "file:///x"}), (302, {}), (302, {"Location": "/b"}),
])
def test_other_responses_pass(guard, status, headers):
    request = Request("http://127.0.0.1:8000/a")
    response = Response(request.url, status=status, headers=headers, request=request)
    assert guard.process_response(request, response) is response


def test_retried_redirect_target_is_not_a_duplicate(guard):
    request = Request("http://127.0.0.1:8000/target",
                      meta={"redirect_urls": ["http://127.0.0.1:8000/moved"]})
    assert guard.process_request(request) is None
    retry = request.copy()  # what RetryMiddleware sends after a timeout
    assert guard.process_request(retry) is None
    other = Request("http://127.0.0.1:8000/target",
                    meta={"redirect_urls": ["http://127.0.0.1:8000/elsewhere"]})
    with pytest.raises(Refused) as exc:  # a second redirect to the same page is one
        guard.process_request(other)
    assert exc.value.outcome == "dropped/duplicate_url"
