"""The demo site generator: deterministic bytes, family split, sitemap, GBK, routes, cache."""
from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from lxml import etree

from crawler.demo import generator
from crawler.demo.generator import ensure_site, family_sizes, generate
from crawler.demo.routes import file_for, load_routes

ARTICLE_FILES = ("*.html", "*.shtml")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("demo-gen") / "site", 300)


@pytest.fixture(scope="module")
def records(site) -> list[dict]:
    return [orjson.loads(line) for line in (site / "expected.jsonl").read_bytes().splitlines()]


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_same_input_same_bytes(tmp_path):
    a = _tree(generate(tmp_path / "a", 45))
    b = _tree(generate(tmp_path / "b", 45))
    assert a.keys() == b.keys()
    assert a == b


@pytest.mark.slow  # two child interpreters
def test_same_bytes_across_processes_and_hash_seeds(tmp_path):
    """No set/dict-order or hash dependence: another interpreter writes the same site."""
    root = Path(__file__).resolve().parent.parent
    code = ("import sys; from pathlib import Path; from crawler.demo import generate; "
            "generate(Path(sys.argv[1]), 30)")
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", code, str(tmp_path / seed)], cwd=root,
                       check=True, timeout=60,
                       env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)})
    assert _tree(tmp_path / "1") == _tree(tmp_path / "2")


def test_a_different_size_is_a_different_site(tmp_path):
    small = _tree(generate(tmp_path / "a", 30))
    assert small != _tree(generate(tmp_path / "b", 33))


@pytest.mark.parametrize("articles, sizes", [(300, (75, 75, 75, 75)), (7, (2, 2, 2, 1)),
                                             (1, (1, 0, 0, 0)), (0, (0, 0, 0, 0))])
def test_articles_split_evenly(articles, sizes):
    assert tuple(family_sizes(articles).values()) == sizes


def test_counts_per_family(records):
    families = [r["family"] for r in records]
    assert {f: families.count(f) for f in set(families)} == {"keepto": 75, "wp": 75, "zh": 75,
                                                             "ghost": 75}
    assert {r["profile"] for r in records} == {"demo-keepto", "demo-wp", "demo-zh",
                                               "demo-ghost"}
    assert len({r["path"] for r in records}) == 300


def test_every_article_file_exists(site, records):
    for r in records:
        assert (site / file_for(r["path"])).is_file(), r["path"]


def test_url_layout(records):
    for r in records:
        path = r["path"]
        if r["family"] == "keepto":
            assert path.startswith("/keepto/") and path.endswith(".html")
        elif r["family"] == "wp":
            assert path.startswith("/blog/") and path.endswith("/")
            assert path[6:10].isdigit() and path[11:13].isdigit()  # /blog/YYYY/MM/slug/
        elif r["family"] == "ghost":
            assert path.startswith("/journal/") and path.count("/") == 3  # /journal/slug/
        else:
            assert path.startswith("/zh/") and path.endswith(".shtml")


def test_listing_and_site_pages_exist(site):
    for path in ("/", "/about.html", "/404.html", "/private/secret.html", "/robots.txt",
                 "/sitemap.xml", "/keepto/list_1.html", "/keepto/list_4.html", "/blog/",
                 "/blog/page/8/", "/blog/tag/sleep/", "/zh/list_1.shtml", "/zh/list_3.shtml",
                 "/journal/", "/journal/page/9/", "/journal/tag/sleep/",
                 "/journal/author/jane-doe/"):
        assert (site / file_for(path)).is_file(), path
    assert not (site / file_for("/keepto/list_5.html")).exists()  # 75 articles, 20 a page
    assert not (site / file_for("/health-tips.html")).exists()  # the deliberate dead link


def test_home_links_listings_shortlinks_private_and_dead_link(site):
    home = (site / "index.html").read_text()
    for href in ("/keepto/list_1.html", "/blog/", "/zh/list_1.shtml", "/about.html",
                 "/private/secret.html", "/health-tips.html", "/go/1", "/go/5"):
        assert f'href="{href}"' in home, href


def test_sitemap_lists_every_article(site, records):
    root = etree.fromstring((site / "sitemap.xml").read_bytes())
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    base = load_routes(site)["base_placeholder"]
    assert sorted(locs) == sorted(base + r["path"] for r in records)


def test_robots_disallows_private(site):
    robots = (site / "robots.txt").read_text()
    assert "Disallow: /private/" in robots
    assert "Sitemap: http://127.0.0.1:8765/sitemap.xml" in robots


def test_zh_pages_are_gbk_bytes(site, records):
    for r in records:
        if r["family"] != "zh":
            continue
        data = (site / file_for(r["path"])).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        text = data.decode("gbk")
        assert '<meta charset="gbk">' in text
        assert r["title"] in text and "上一篇" in text and "推荐阅读" in text


def test_article_pages_are_30_to_60_kb(site, records):
    sizes = [(site / file_for(r["path"])).stat().st_size for r in records]
    assert min(sizes) >= 30_000 and max(sizes) <= 60_000, (min(sizes), max(sizes))


def test_routes(site, records):
    routes = load_routes(site)
    paths = {r["path"] for r in records}
    assert routes["redirect_status"] == 301
    shortlinks = {k: v for k, v in routes["redirects"].items() if k.startswith("/go/")}
    assert len(shortlinks) == 5 and set(shortlinks.values()) <= paths
    assert routes["charsets"]["/zh/"] == "GBK"
    assert routes["not_found"] == ["/health-tips.html"]
    assert routes["rewrite_base"] == ["/robots.txt", "/sitemap.xml"]


def test_keepto_arrows_and_teasers_as_on_keepto(site, records):
    first, second = records[0], records[1]  # keepto articles come first, in family order
    assert first["family"] == second["family"] == "keepto"
    page = (site / file_for(second["path"])).read_text()
    prev, next_ = second["related_links"]
    assert f'<p>&lt;&lt;:&nbsp; <a href="{prev["url"]}">{html.escape(prev["title"])}</a></p>' \
        in page
    assert f'<p>&gt;&gt;:&nbsp; <a href="{next_["url"]}">{html.escape(next_["title"])}</a>' \
        in page
    assert "<h3>Recommend</h3>" in page
    assert len(second["teasers"]) == 12
    assert [link["rel"] for link in first["related_links"]] == ["next"]  # the first: no prev
    assert all(t["truncated"] and len(t["snippet"]) <= 49 for t in second["teasers"])


def test_expected_records_use_normalized_text(records):
    for r in records:
        assert " ," not in r["body"] and "\u00a0" not in r["body"]
        assert "\u200b" not in r["body"] and "\n\n\n" not in r["body"]
        for t in r["teasers"]:
            assert not t["snippet"].endswith(("...", "\u2026"))


def test_ensure_site_reuses_a_matching_site(tmp_path):
    site = ensure_site(12, tmp_path)
    stamp = site / generator.STAMP_FILE
    first = stamp.stat().st_mtime_ns
    assert ensure_site(12, tmp_path) == site
    assert stamp.stat().st_mtime_ns == first  # not regenerated
    assert ensure_site(15, tmp_path) != site  # another size is another site
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp leftovers


def test_ensure_site_regenerates_after_a_version_bump(tmp_path, monkeypatch):
    old = ensure_site(12, tmp_path)
    monkeypatch.setattr(generator, "GENERATOR_VERSION", generator.GENERATOR_VERSION + 1)
    new = ensure_site(12, tmp_path)
    assert new != old and (new / generator.STAMP_FILE).is_file()
    assert not old.exists()  # the stale version was pruned


def test_ensure_site_replaces_an_unfinished_folder(tmp_path):
    unfinished = tmp_path / f"12-v{generator.GENERATOR_VERSION}"
    unfinished.mkdir()
    (unfinished / "index.html").write_text("half a site")
    site = ensure_site(12, tmp_path)
    assert site == unfinished and (site / "expected.jsonl").is_file()
