"""Links that Scrapy rewrites before fetching (spaces, non-ASCII, `|`, `{`, `"`, an upper-case
host) and links too long to fetch: every discovered URL still ends in exactly one outcome,
and a complete run has `pending: 0`.

Before: the ledger recorded the URL as written, the outcome was filed under Scrapy's escaped
form, so 7 URLs stayed pending forever in a run that said `complete`, exit 0.
"""
from __future__ import annotations

import html
from urllib.parse import quote

import pytest
from faults import harness
from faults.server import FaultServer, page
from faults.site import article_html, good_article

pytestmark = pytest.mark.slow  # a crawl of a fault server

# (href as written in the page, path as Scrapy requests it)
FORMS = [
    ("/a b.html", "/a%20b.html"),
    ("/café.html", "/caf%C3%A9.html"),
    ("/中文.html", "/" + quote("中文") + ".html"),
    ("/x|y.html", "/x%7Cy.html"),
    ("/{brace}.html", "/%7Bbrace%7D.html"),
    ('/say"hi.html', "/say%22hi.html"),
]
LONG = "/" + "long-" * 430 + ".html"  # over Scrapy's URLLENGTH_LIMIT (2,083) with the origin


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    links = "".join(f'<p><a href="{html.escape(href)}">Read part {i}</a></p>'
                    for i, (href, _) in enumerate(FORMS))
    links += f'<p><a href="{LONG}">A very long link</a></p>'
    links += '<p><a href="HTTP://{host}/upper-host.html">Upper-case host</a></p>'
    routes = {"/robots.txt": page(b"", "text/plain", status=404),
              "/sitemap.xml": page(b"", "text/plain", status=404)}
    for i, (_, path) in enumerate([*FORMS, (None, "/upper-host.html")]):
        title, paragraphs = good_article(i)
        routes[path] = page(article_html(title, paragraphs).encode())
    with FaultServer(routes) as srv:
        host = srv.url("/").split("/")[2]
        routes["/"] = page(article_html("", [], head_title="Index",
                                        extra=links.replace("{host}", host.upper()))
                           .encode())
        srv.routes["/"] = routes["/"]
        run = harness.finish(harness.start(srv.url("/"), tmp_path_factory.mktemp("forms")))
        run.hits = {path: srv.hits(path) for _, path in FORMS}
        run.origin = srv.url("/").rstrip("/")
    return run


def test_complete_run_has_nothing_pending(crawl):
    assert crawl.summary["status"] == "complete", crawl.stderr[-2000:]
    assert crawl.counts["pending"] == 0
    assert all(outcome is not None for outcome in crawl.ledger().values())


@pytest.mark.parametrize("href,path", FORMS)
def test_rewritten_url_has_one_outcome(crawl, href, path):
    ledger = crawl.ledger()
    assert ledger[crawl.origin + path] == "stored"
    assert crawl.origin + href not in ledger  # the form as written is not a second row
    assert crawl.hits[path] == 1


def test_upper_case_host_is_filed_in_lower_case(crawl):
    ledger = crawl.ledger()
    assert ledger[crawl.origin + "/upper-host.html"] == "stored"
    assert not [u for u in ledger if u.startswith("http://127.0.0.1".upper())]


def test_too_long_url_is_refused_and_counted(crawl):
    ledger = crawl.ledger()
    assert ledger[crawl.origin + LONG] == "refused/url_too_long"
    assert crawl.counts["refused"] == {"url_too_long": 1}
