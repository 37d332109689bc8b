"""analyze_page (cleaners/analyze.py), the one page analysis of the crawl, its worker,
`healthcrawl extract` and reprocessing, on saved pages. Expected values are read from the
pages themselves."""
import json

from conftest import FIXTURES

from cleaners.analyze import ARTICLE, URL_PATTERN, analyze_page
from crawler.sites import get_site

SEED = FIXTURES / "seed"  # keepto-like article: <<: / >>: arrows, a "Recommend" block
ZH = FIXTURES / "sites" / "demo-zh" / "first-article"  # GBK, <meta charset="gbk">
LISTING = FIXTURES / "page_kind" / "en-wp-astra-category"  # a category archive of cards


def _page(case):
    return (case / "page.html").read_bytes(), json.loads((case / "meta.json").read_text())["url"]


def test_generic_article():
    body, url = _page(SEED)
    analysis = analyze_page(body, url, charset="utf-8", links=True, site="example",
                            run_id="run1", http_status=200, fetched_at="2024-05-12T00:00:00Z")
    assert analysis.is_article and analysis.kind == ARTICLE
    assert analysis.page_kind == "article" and analysis.error is None
    assert analysis.encoding == "utf-8" and not analysis.charset_guessed
    assert analysis.extractor == "generic"
    record = analysis.record
    # <h1>Lumbar disc herniation and leg weakness
    assert record["title"] == "Lumbar disc herniation and leg weakness"
    # <p>&lt;&lt;:&nbsp; <a href="10420.html">Lumbar disc herniation fusion surgery</a></p>
    assert {"rel": "prev", "title": "Lumbar disc herniation fusion surgery",
            "url": "http://127.0.0.1/keepto/orthopedics/10420.html"} in record["related_links"]
    assert {"rel": "next", "title": "Minimally invasive treatment for lumbar disc herniation",
            "url": "http://127.0.0.1/keepto/orthopedics/10422.html"} in record["related_links"]
    assert len(record["teasers"]) == 12  # the twelve items under "Recommend"
    assert (record["site"], record["run_id"], record["http_status"]) == ("example", "run1", 200)
    assert record["fetched_at"] == "2024-05-12T00:00:00Z"
    # raw hrefs in page order, the arrows among them
    assert analysis.hrefs.index("10420.html") < analysis.hrefs.index("10422.html")


def test_links_only_when_asked():
    body, url = _page(SEED)
    assert analyze_page(body, url).hrefs == []


def test_listing_is_not_an_article():
    body, url = _page(LISTING)
    analysis = analyze_page(body, url, links=True)
    assert not analysis.is_article
    assert analysis.kind == analysis.page_kind == "listing"
    assert analysis.record is None and analysis.error is None
    # its cards lead to the articles, which a crawl follows
    assert "https://fitkitchen.blog/fibre-the-forgotten-nutrient/" in analysis.hrefs


def test_every_page_gives_a_listing_a_record_without_body():
    body, url = _page(LISTING)
    analysis = analyze_page(body, url, every_page=True)
    assert analysis.kind == "listing"
    record = analysis.record
    assert record["page_kind"] == "listing"
    assert record["body"] == "" and record["body_html"] is None and record["teasers"] == []
    # <h1 class="page-title ast-archive-title">Nutrition ...; <title>Nutrition Archives - ...
    assert record["title"].startswith("Nutrition")
    assert record["url"] == "https://fitkitchen.blog/category/nutrition/"


def test_profiled_gbk_article():
    body, url = _page(ZH)
    profile = get_site("demo").profile_for(url)
    analysis = analyze_page(body, url, charset="GBK", profile=profile, links=True, site="demo")
    assert analysis.kind == ARTICLE
    assert analysis.encoding == "gb18030"  # GBK read as its superset (WHATWG)
    assert not analysis.charset_guessed
    assert analysis.extractor.startswith("profile")
    record = analysis.record
    assert record["title"] == "干眼症的日常护理要点"  # <h1>
    # <p>下一篇：<a href="/zh/jibing/2020/0321/100004.shtml">青光眼患者多喝温水有好处吗</a></p>
    assert {"rel": "next", "title": "青光眼患者多喝温水有好处吗",
            "url": "http://127.0.0.1:8765/zh/jibing/2020/0321/100004.shtml"} \
        in record["related_links"]
    # 推荐阅读: eight <li> items, the first 冠心病的日常护理要点
    assert len(record["teasers"]) == 8
    assert record["teasers"][0]["title"] == "冠心病的日常护理要点"
    assert "/zh/jibing/2020/0321/100004.shtml" in analysis.hrefs


def test_undeclared_charset_is_guessed():
    body, url = _page(ZH)
    body = body.replace(b'<meta charset="gbk">', b"", 1)
    analysis = analyze_page(body, url, site="demo")
    assert analysis.charset_guessed
    assert analysis.record["title"] == "干眼症的日常护理要点"
    assert "charset_guessed" in analysis.record["warnings"]


def test_url_pattern_rules_a_page_out_but_its_links_are_read():
    body, url = _page(ZH)
    analysis = analyze_page(body, url, charset="GBK", extract=False, links=True)
    assert analysis.kind == URL_PATTERN and analysis.record is None
    assert analysis.page_kind is None and analysis.extractor is None
    assert "/zh/jibing/2020/0321/100004.shtml" in analysis.hrefs
    # nothing wanted from the page: not even parsed
    assert analyze_page(body, url, extract=False).encoding is None
