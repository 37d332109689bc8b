"""Crawler traps (crawler/traps.py): a site whose links and sitemaps never end. The crawl
ends by itself, with the refused URLs counted as refused/trap_*, and stays small.
Unit tests of each limit, then one real crawl of a trap site."""
from __future__ import annotations

import itertools

import pytest
from faults import harness
from faults.server import FaultServer, page, status
from faults.site import article_html, good_article
from scrapy.settings import Settings

from crawler.traps import DEFAULTS, TrapGuard

# -- the limits ----------------------------------------------------------------------------
BASE = "http://example.org"


def test_defaults_are_the_documented_settings():
    settings = Settings()
    settings.setmodule("crawler.settings")
    guard = TrapGuard.from_settings(settings)
    assert (guard.depth, guard.repeat, guard.query, guard.sitemap_depth) == (16, 3, 1000, 3)
    assert {k: settings.getint(k) for k in DEFAULTS} == DEFAULTS


@pytest.mark.parametrize("path, reason", [
    ("/" + "/".join(f"s{i}" for i in range(16)), None),
    ("/" + "/".join(f"s{i}" for i in range(17)), "trap_depth"),
    ("/a/b/a/b/a/b", None),  # three times each: a real site may do that
    ("/a/b/a/b/a/b/a/b", "trap_repeat"),
    ("/2024/01/01/01/x.html", None),
    ("/x/x/x/x", "trap_repeat"),
    ("/health/heart/", None),
])
def test_path_limits(path, reason):
    assert TrapGuard().check(BASE + path) == reason


def test_query_variants_per_path():
    guard = TrapGuard(query=5)
    assert [guard.check(f"{BASE}/list?page={n}") for n in range(7)] == [None] * 5 + [
        "trap_query"] * 2
    assert guard.check(f"{BASE}/other?page=1") is None  # another path has its own count
    assert guard.check(f"{BASE}/list") is None  # no query: not a variant
    assert guard.check("http://other.example/list?page=9") is None  # another host too


def test_sitemap_nesting():
    guard = TrapGuard(sitemap_depth=2)
    guard.note_sitemap(f"{BASE}/sitemap.xml", [f"{BASE}/sm/1.xml"], is_index=True)
    assert guard.check(f"{BASE}/sm/1.xml") is None  # depth 1
    guard.note_sitemap(f"{BASE}/sm/1.xml", [f"{BASE}/sm/2.xml"], is_index=True)
    assert guard.check(f"{BASE}/sm/2.xml") is None  # depth 2
    guard.note_sitemap(f"{BASE}/sm/2.xml", [f"{BASE}/sm/3.xml", f"{BASE}/a.html"],
                       is_index=True)
    assert guard.check(f"{BASE}/sm/3.xml") == "trap_sitemap_depth"
    # a URL set (not an index) at any depth lists pages, which are admitted
    guard.note_sitemap(f"{BASE}/sm/2.xml", [f"{BASE}/b.html"], is_index=False)
    assert guard.check(f"{BASE}/b.html") is None


def test_zero_switches_a_limit_off():
    guard = TrapGuard(depth=0, repeat=0, query=0, sitemap_depth=0)
    assert guard.check(BASE + "/a" * 40) is None
    assert all(guard.check(f"{BASE}/l?p={n}") is None for n in range(2000))


# -- a real crawl --------------------------------------------------------------------------
class PrefixRoutes(dict):
    """Exact paths first, then the longest matching prefix ending in "/" (the fault server
    looks routes up with .get)."""

    def get(self, path, default=None):
        if path in self:
            return self[path]
        for prefix in sorted((k for k in self if k.endswith("/")), key=len, reverse=True):
            if path.startswith(prefix):
                return self[prefix]
        return default


def endless(make_link) -> object:
    """A page with one link that is new every time it is served (a counter)."""
    counter = itertools.count(1)

    async def route(req, w) -> None:
        body = f'<html><body><p>List</p><a href="{make_link(next(counter))}">more</a></body></html>'
        await page(body.encode())(req, w)
    return route


def endless_index(server: FaultServer, counter) -> object:
    """A sitemap index listing one more index, one level deeper every time."""

    async def route(req, w) -> None:
        loc = server.url(f"/sm/{next(counter)}.xml")
        xml = ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.'
               f'org/schemas/sitemap/0.9"><sitemap><loc>{loc}</loc></sitemap></sitemapindex>')
        await page(xml.encode(), content_type="application/xml")(req, w)
    return route


QUERY_LIMIT = 40


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    server = FaultServer({}).start()
    try:
        r = server.routes = PrefixRoutes()
        r["/robots.txt"] = status(404)
        r["/health/good-1"] = page(article_html(*good_article(1)).encode())
        r["/calendar"] = endless(lambda n: f"/calendar?page={n + 1}")  # ?page=N+1
        r["/loop/"] = endless(lambda n: "a/b/")  # relative: /loop/a/b/a/b/...
        r["/deep/"] = endless(lambda n: f"x{n}/")  # /deep/x1/x2/x3/...
        r["/sitemap.xml"] = r["/sm/"] = endless_index(server, itertools.count(1))
        r["/"] = page(b'<html><body><a href="/health/good-1">1</a><a href="/calendar">c</a>'
                      b'<a href="/loop/">l</a><a href="/deep/">d</a></body></html>')
        out = tmp_path_factory.mktemp("traps")
        done = harness.finish(harness.start(server.url("/"), out, [
            "-s", f"HEALTHCRAWL_TRAP_QUERY={QUERY_LIMIT}"]), timeout=180)
        assert done.summary, done.stderr[-3000:]
        done.requests = list(server.requests)
        yield done
    finally:
        server.stop()


@pytest.mark.slow  # a crawl of a fault server
def test_trap_crawl_ends_by_itself_with_counted_outcomes(crawl):
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert crawl.summary["status"] == "complete"
    assert crawl.summary["finish_reason"] == "finished"  # not --max-pages, not a timeout
    refused = crawl.counts["refused"]
    assert set(refused) == {"trap_depth", "trap_repeat", "trap_query", "trap_sitemap_depth"}
    assert all(n == 1 for n in refused.values()), refused  # one link per trap page
    assert crawl.counts["pending"] == 0 and crawl.counts["stored"] == 1
    ledger = crawl.ledger()
    refused_urls = {u: o for u, o in ledger.items() if o.startswith("refused/trap")}
    assert any("/loop/a/b/a/b/a/b/a/b" in u for u in refused_urls)
    # /calendar, then ?page=2 ... ?page=41 (40 variants); ?page=42 is refused
    assert any(u.endswith(f"/calendar?page={QUERY_LIMIT + 2}") for u in refused_urls)


@pytest.mark.slow  # a crawl of a fault server
def test_trap_crawl_stays_small(crawl):
    """Bounded by the limits: /calendar and its 40 query variants; /deep/ down to 16
    segments (16 pages); /loop/ and 3 expansions (a/b three times, the fourth is refused);
    the start sitemap and 3 nested ones; plus home, article, robots.txt."""
    paths = [r.path for r in crawl.requests]
    assert paths.count("/calendar") == QUERY_LIMIT + 1
    assert sum(p.startswith("/deep/") for p in paths) == 16
    assert sum(p.startswith("/loop/") for p in paths) == 4
    assert sum(p.startswith("/sm/") for p in paths) == 3
    assert len(paths) < QUERY_LIMIT + 40
    assert crawl.counts["discovered"] == len(set(crawl.ledger()))
    print(f"trap crawl: {len(paths)} requests, {crawl.counts['discovered']} URLs discovered, "
          f"{crawl.elapsed_s:.1f} s, peak RSS {crawl.peak_mb:.0f} MB")
