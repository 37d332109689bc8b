"""No exported URL field has a scheme other than http/https: script and data URLs in related
links, teasers and <link rel=canonical>, in every spelling a browser still runs, are dropped
where records are built (cleaners/record.py -> cleaners/safe_url.py). Unit tests per
obfuscation, then a real generic crawl of a page carrying all of them, read back from JSONL,
CSV, Parquet and the feeds."""
from __future__ import annotations

import csv
import html
import json
import re

import pyarrow.parquet as pq
import pytest
from faults import harness
from faults.server import FaultServer, page, status
from faults.site import SENTENCES, article_html

from cleaners.article import Article, Link, Teaser
from cleaners.extract import extract_article
from cleaners.record import to_record
from cleaners.safe_url import safe_http_url

# (id, href as written in the page's HTML source)
OBFUSCATED = [
    ("plain", "javascript:alert(1)"),
    ("mixed-case", "JavaScript:alert(1)"),
    ("leading-spaces", "   javascript:alert(1)"),
    ("tab-in-scheme", "java\tscript:alert(1)"),
    ("newline-in-scheme", "java\nscript:alert(1)"),
    ("tab-entity", "java&#9;script:alert(1)"),
    ("newline-entity", "java&#10;script:alert(1)"),
    ("hex-entity-letter", "jav&#x61;script:alert(1)"),
    ("entity-first-letter", "&#106;avascript:alert(1)"),
    ("control-prefix", "&#1;javascript:alert(1)"),
    ("vbscript", "vbscript:msgbox(1)"),
    ("vbscript-upper", "VBScript:msgbox(1)"),
    ("data-html", "data:text/html,<script>alert(1)</script>"),
    ("data-base64", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
]
# The same strings after an HTML parser has read the attribute (entities decoded once).
PARSED = {name: html.unescape(src) for name, src in OBFUSCATED}
# Encoded twice in the page: the parser leaves one entity, a renderer decodes it later.
TWICE = ["java&amp;#9;script:alert(1)", "&amp;#106;avascript:alert(1)"]
SAFE_SCHEME = re.compile(r"https?://", re.IGNORECASE)


@pytest.mark.parametrize("name", [n for n, _ in OBFUSCATED])
def test_script_urls_are_not_http(name):
    assert safe_http_url(PARSED[name]) is None
    assert safe_http_url(dict(OBFUSCATED)[name]) is None  # also with the entity left in


@pytest.mark.parametrize("href", [html.unescape(h) for h in TWICE] + ["", None, "/relative",
                                                                     "//host/x", "ftp://h/x",
                                                                     "mailto:a@b.org"])
def test_other_non_http_urls_are_dropped(href):
    assert safe_http_url(href) is None


@pytest.mark.parametrize("url, kept", [
    ("http://example.org/a", "http://example.org/a"),
    ("HTTPS://example.org/a?b=1&c=2", "HTTPS://example.org/a?b=1&c=2"),
    ("  https://example.org/a\n", "https://example.org/a"),
    ("https://example.org/caf\u00e9", "https://example.org/caf\u00e9"),
])
def test_http_urls_are_kept(url, kept):
    assert safe_http_url(url) == kept


@pytest.mark.parametrize("name", [n for n, _ in OBFUSCATED])
def test_records_drop_script_links_and_fall_back_to_the_page_url(name):
    bad = PARSED[name]
    article = Article(title="t", body="b", canonical_url=bad,
                      related_links=[Link("next", "bad", bad),
                                     Link("prev", "good", "http://example.org/p")],
                      teasers=[Teaser("bad teaser", "s", False, bad),
                               Teaser("good teaser", "s", False, "http://example.org/t")])
    record = to_record(article, url="http://example.org/page", site="x", fetched_at="")
    assert record["canonical_url"] == "http://example.org/page"
    assert record["related_links"] == [{"rel": "prev", "title": "good",
                                        "url": "http://example.org/p"}]
    # A teaser keeps its title and snippet; only its link goes.
    assert [(t["title"], t["url"]) for t in record["teasers"]] == [
        ("bad teaser", None), ("good teaser", "http://example.org/t")]


def test_a_script_page_url_gives_no_url():
    record = to_record(Article(title="t", body="b"), url=" javascript:alert(1)", site="x",
                       fetched_at="")
    assert record["url"] is None and record["canonical_url"] is None


# -- a real crawl --------------------------------------------------------------------------
HOSTILE = "/health/script-links"
GOOD = "/health/good-link"


def hostile_page() -> bytes:
    """An article whose related blocks, teaser blocks and canonical link use every spelling
    above (written into the HTML source as is: entities stay entities), plus one good link
    in each kind of block as a control. Blocks of four: the generic extractor takes a long
    list of links for a menu."""
    hrefs = [src for _, src in OBFUSCATED] + TWICE
    attr = [h.replace('"', "&quot;").replace("<", "&lt;") for h in hrefs] + [GOOD]
    chunks = [attr[i:i + 4] for i in range(0, len(attr), 4)]
    extra = "".join(
        '<aside class="related"><h2>Related articles</h2><ul>' + "".join(
            f'<li><a href="{a}">Related story {k}{i} about sleeping well</a></li>'
            for i, a in enumerate(chunk)) + "</ul></aside>"
        for k, chunk in enumerate(chunks))
    # Teaser blocks mix the hostile links with ordinary on-site cards, as a real rail would
    # (a block of mostly foreign links is not taken for navigation at all).
    extra += "".join(
        "<h2>You might also like</h2><ul>" + "".join(
            f'<li><a href="{a}">Ten ways to lower your cholesterol, part {k}{i}</a>'
            f"<p>Oats, beans and walking after dinner all help, tip {k}{i}.</p>"
            "</li>" for i, a in enumerate([*chunk, *(f"/health/tip-{k}-{j}" for j in range(3))]))
        + "</ul>" for k, chunk in enumerate(chunks))
    doc = article_html("Script links everywhere", SENTENCES * 2, extra=extra)
    return doc.replace("<head>", '<head><link rel="canonical" href="java&#9;script:alert(0)">'
                       ).encode()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    server = FaultServer({}).start()
    try:
        r = server.routes
        r["/robots.txt"] = status(404)
        r[HOSTILE] = page(hostile_page())
        r[GOOD] = page(article_html("Walking every day", SENTENCES).encode())
        r["/"] = page(f'<html><body><a href="{HOSTILE}">x</a></body></html>'.encode())
        out = tmp_path_factory.mktemp("urls")
        done = harness.finish(harness.start(server.url("/"), out,
                                            ["-s", "HEALTHCRAWL_EXTRACT_WORKERS=0"]))
        assert done.summary, done.stderr[-3000:]
        done.server_url = server.url(HOSTILE)
        yield done
    finally:
        server.stop()


def test_the_page_really_has_script_links():
    """The control: the extractor itself hands script URLs over (the record must not)."""
    article = extract_article(hostile_page(), "http://127.0.0.1:1" + HOSTILE, None)
    urls = [link.url for link in article.related_links] + [t.url for t in article.teasers]
    assert sum(1 for u in urls if u and not SAFE_SCHEME.match(u)) >= 5
    assert not SAFE_SCHEME.match(article.canonical_url)


def _url_cells(row: dict) -> list[str]:
    return [v for k, v in row.items() if k == "url" or k.endswith("_url")]


@pytest.mark.slow  # a crawl of a fault server
def test_no_exported_url_has_another_scheme(crawl):
    run_dir = crawl.run_dir
    record = next(r for r in crawl.records if r["url"] == crawl.server_url)
    assert record["canonical_url"] == crawl.server_url
    good = crawl.server_url.replace(HOSTILE, GOOD)
    related = [link["url"] for link in record["related_links"]]
    assert good in related and len(related) == 3  # + the two entities encoded twice: http
    teaser_urls = [t["url"] for t in record["teasers"]]
    # The hostile teasers either keep their title and snippet with no URL, or are not taken
    # as navigation at all; never with their script URL.
    assert len([u for u in teaser_urls if u]) >= 12  # the on-site cards
    assert all(u is None or SAFE_SCHEME.match(u) for u in teaser_urls), teaser_urls

    values: list[str | None] = []
    for rec in crawl.records:  # JSONL
        values += [rec["url"], rec["canonical_url"]]
        values += [x["url"] for x in rec["related_links"] + rec["teasers"]]
    for name in ("articles.csv", "related_links.csv", "teasers.csv"):
        with (run_dir / name).open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert rows, name
        values += [cell for row in rows for cell in _url_cells(row)]
    table = pq.read_table(run_dir / "articles.parquet").to_pylist()
    for rec in table:
        values += [rec["url"], rec["canonical_url"]]
        values += [x["url"] for x in (rec["related_links"] or []) + (rec["teasers"] or [])]
    feeds = list((run_dir / "feeds").glob("*.json"))
    assert feeds
    for feed in feeds:
        items = json.loads(feed.read_text())["items"]
        values += [item.get("url") for item in items]
    present = [v for v in values if v]
    assert len(present) > 10
    assert all(SAFE_SCHEME.match(v) for v in present), [v for v in present
                                                        if not SAFE_SCHEME.match(v)]
    for atom in (run_dir / "feeds").glob("*.atom"):
        hrefs = re.findall(r'href="([^"]*)"', atom.read_text())
        assert hrefs and all(SAFE_SCHEME.match(html.unescape(h)) for h in hrefs)
