"""Generic crawls of the demo site that learn each template (crawler/learning.py): records
say `learned:<host>` and are the generator's expected records; the templates go to the
store and the next run starts with them; a template that stops agreeing (the site changes
its markup halfway through the crawl) is dropped and learned again, records still right."""
from __future__ import annotations

import re
import sqlite3

import orjson
import pytest
from conftest import run_scrapy

pytestmark = pytest.mark.slow  # crawls the demo site

LEARNED = "learned:127.0.0.1 "


def _crawl(server, out, *settings):
    args = ["-a", "site=demo", "-a", f"url={server.base_url}", "-s", "HEALTHCRAWL_GENERIC=1",
            # learning is on by default; pages fetched in full and analysed, never replayed
            "-s", "HEALTHCRAWL_CONDITIONAL=0"]
    for setting in settings:
        args += ["-s", setting]
    proc = run_scrapy(args, out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = (out / "latest" / "articles.jsonl").read_bytes().splitlines()
    return proc, {r["url"]: r for r in map(orjson.loads, lines)}


def _stat(stderr: str, name: str) -> int:
    found = re.search(rf"'healthcrawl/learned/{name}': (\d+)", stderr)
    return int(found.group(1)) if found else 0


def _templates(out) -> dict[str, dict]:
    with sqlite3.connect(out / "healthcrawl.sqlite") as conn:
        return {key: orjson.loads(text) for key, text in
                conn.execute("SELECT key, template FROM templates")}


@pytest.fixture(scope="module")
def expected(demo_site, demo_server):
    from crawler.demo.generator import load_expected

    return {e["url"]: e for e in load_expected(demo_site, demo_server.base_url)}


def _assert_records_right(records, expected, urls=None):
    for url in urls or expected:
        record, exp = records[url], expected[url]
        for field in ("title", "related_links", "teasers"):
            assert record[field] == exp[field], (url, field, record["extractor"])
        for teaser in exp["teasers"]:
            assert teaser["title"] not in record["body"], url


def test_learned_records_and_the_next_run_starts_learned(demo_site, demo_server, expected,
                                                           tmp_path):
    proc, records = _crawl(demo_server, tmp_path)
    assert set(records) == set(expected)
    learned = [u for u, r in records.items() if r["extractor"].startswith(LEARNED)]
    # at least three of the four families learn (the Chinese portal's generic body varies
    # from page to page: its template may be learned late, or dropped)
    assert len(learned) >= len(records) // 2, len(learned)
    _assert_records_right(records, expected, learned)
    assert _stat(proc.stderr, "hosts") >= 3
    assert _stat(proc.stderr, "verified") >= 3
    stored = _templates(tmp_path)
    assert len(stored) >= 3
    assert all(t["netloc"] == demo_server.base_url.split("/")[2] for t in stored.values())

    again, records2 = _crawl(demo_server, tmp_path)
    assert set(records2) == set(expected)
    assert _stat(again.stderr, "loaded") == len(stored)
    assert f"Starting with {len(stored)} learned templates" in again.stderr
    learned2 = [u for u, r in records2.items() if r["extractor"].startswith(LEARNED)]
    # no samples to take this time: more pages come from the templates
    assert len(learned2) > len(learned)
    _assert_records_right(records2, expected, learned2)
    for url in expected:  # the same records as the first run, field by field
        for field in ("title", "related_links", "teasers", "published", "authors"):
            assert records2[url][field] == records[url][field], (url, field)
        # a body may differ only where this run's template gives the expected body (the
        # Chinese portal's generic body takes the byline line and the summary; a template
        # learned late in the first run extracts its text alone from the start here)
        # Where a check dropped a template in this run (the portal's generic body varies, so
        # its template may be dropped at a different page than in the first run), the page
        # has the generic analysis' body.
        bodies = (records[url]["body"], expected[url]["body"])
        if not records2[url]["extractor"].startswith(LEARNED) \
                and records2[url]["body"] not in bodies:
            bodies = (_generic_body(demo_site, expected[url]),)
        assert records2[url]["body"] in bodies, url


def _generic_body(site, exp: dict) -> str:
    from cleaners.analyze import analyze_page
    from crawler.demo.routes import file_for

    return analyze_page((site / file_for(exp["path"])).read_bytes(), exp["url"]).record["body"]


class _RedesignedServer:
    """The demo server; after `after` blog articles it serves the blog with its body
    container renamed (<div class="entry-content"> becomes <div class="post-body">), as a
    site does when it changes its theme in the middle of a crawl."""

    def __init__(self, site, after: int):
        from crawler.demo.server import DemoServer

        outer = self

        class Server(DemoServer):
            def respond(self, method, target, host=None):
                status, ctype, body, extra = super().respond(method, target, host)
                if status == 200 and re.match(r"/blog/\d{4}/", target):
                    outer.served += 1
                    if outer.served > after:
                        body = body.replace(b"entry-content", b"post-body")
                        outer.redesigned.add(target)
                return status, ctype, body, extra

        self.served = 0
        self.redesigned: set[str] = set()  # paths served with the new markup
        self.server = Server(site)

    def __enter__(self):
        return self.server.start()

    def __exit__(self, *exc):
        self.server.stop()


def test_a_template_that_stops_agreeing_is_dropped_and_records_stay_right(
        demo_site, tmp_path):
    from crawler.demo.generator import load_expected

    redesign = _RedesignedServer(demo_site, after=30)
    with redesign as server:
        expected = {e["url"]: e for e in load_expected(demo_site, server.base_url)}
        proc, records = _crawl(server, tmp_path)
    assert set(records) == set(expected)
    blog = [u for u in expected if "/blog/" in u]
    _assert_records_right(records, expected, blog)
    assert _stat(proc.stderr, "dropped") >= 1
    assert "Dropped the learned template of" in proc.stderr
    # learned again on the new markup
    stored = [t["selectors"] for t in _templates(tmp_path).values() if "/blog|" in t["group"]]
    # What the learner said about its templates, should relearning not happen.
    said = [line for line in proc.stderr.splitlines()
            if "template" in line and ("/blog|" in line or "No template" in line)]
    assert stored and stored[0]["body"] == "div.post-body", "\n".join(said[-40:])
    # pages of the new markup from a template: the new one (the old one finds no body)
    relearned = [u for u in blog if records[u]["extractor"].startswith(LEARNED)
                 and u[len(server.base_url.rstrip("/")):] in redesign.redesigned]
    # Should no blog page after the relearning come from it, say when the learner spoke.
    assert relearned, "\n".join(said[-40:] + [f"learned/{k}: {_stat(proc.stderr, k)}" for k in
                                              ("pages", "dropped", "stale_samples")])
