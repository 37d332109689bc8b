"""cleaners/page_kind.py on hand-written non-article pages in many CMS styles and languages
(tests/fixtures/page_kind/<case>/: page.html, meta.json {url, kind}), plus saved real article
pages, and on the saved article fixtures of the generic extractor."""
from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from cleaners.extract import extract_article
from cleaners.html import parse_html
from cleaners.page_kind import KINDS, classify, page_signals, table_list_share, url_kind

CASES = sorted(p for p in (FIXTURES / "page_kind").iterdir() if (p / "meta.json").is_file())
# Known misses, kept visible (strict: a fix makes the test fail until the mark goes).
KNOWN_MISSES = {
    # a three-paragraph introduction (107 words) above six title-only tiles: as much prose
    # as a short article beside a card rail
    "en-category-long-intro": "long category introduction reads as a short article",
}
ARTICLE_PAGES = sorted(p for group in ("generic", "generic-body")
                       for p in (FIXTURES / group).iterdir() if (p / "page.html").is_file())


def _meta(case):
    return json.loads((case / "meta.json").read_text(encoding="utf-8"))


def test_enough_cases_in_many_styles():
    kinds = [_meta(c)["kind"] for c in CASES]
    assert sum(k != "article" for k in kinds) >= 40
    assert set(kinds) == set(KINDS)


@pytest.mark.parametrize("case", [
    pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_MISSES[c.name], strict=True))
    if c.name in KNOWN_MISSES else c for c in CASES], ids=[c.name for c in CASES])
def test_fixture_kind(case):
    meta = _meta(case)
    article = extract_article((case / "page.html").read_bytes(), meta["url"])
    assert article.page_kind == meta["kind"]


SHORT_ARTICLES: dict[str, str] = {}  # known misses among saved articles (none today)


@pytest.mark.parametrize("page", [
    pytest.param(p, marks=pytest.mark.xfail(reason=SHORT_ARTICLES[p.name], strict=True))
    if p.name in SHORT_ARTICLES else p for p in ARTICLE_PAGES],
    ids=[f"{p.parent.name}/{p.name}" for p in ARTICLE_PAGES])
def test_saved_articles_stay_articles(page):
    meta_file = page / "meta.json"
    url = json.loads(meta_file.read_text())["url"] if meta_file.is_file() else None
    assert extract_article((page / "page.html").read_bytes(), url).page_kind == "article"


def test_signals_are_read_before_extraction_changes_the_tree():
    case = FIXTURES / "page_kind" / "en-ghost-casper-home"
    root, _ = parse_html((case / "page.html").read_bytes())
    signals = page_signals(root, _meta(case)["url"])
    assert signals.linked_headings == 6  # six post cards: <a><header><h2>title</h2>...</a>
    assert "website" in signals.declared and signals.og_type == "website"
    kind = classify(signals, extract_article(root, _meta(case)["url"]), _meta(case)["url"])
    assert kind.kind == "home" and kind.score <= 0 and kind.reasons


@pytest.mark.parametrize(("url", "hint"), [
    ("https://example.org/", "home"),
    ("https://example.org/en/index.html", "home"),
    ("https://example.org/tag/sleep/", "listing"),
    ("https://example.org/news?page=3", "listing"),
    ("https://example.org/2024/05/why-we-sleep/", "article"),
    ("https://example.org/health/how-much-water-should-you-drink", "article"),
    ("https://example.org/news/item.php?id=88", ""),
    (None, ""),
])
def test_url_hints(url, hint):
    assert url_kind(url)[0] == hint


def test_headline_links_count_text_inside_spans():
    html = ("<html><head><title>Rubric</title></head><body><ul>"
            + "".join(f'<li><a href="/n/{i}"><span>Clinic opens a new ward number {i}</span>'
                      "</a></li>" for i in range(7))
            + '<li><a href="/about">About</a></li><li><a href="/x"><img src="x.png"></a></li>'
            "</ul></body></html>")
    root, _ = parse_html(html.encode())
    assert page_signals(root, "https://example.org/rubric/").title_links == 7


def test_a_short_post_that_declares_itself_an_article_stays_one():
    # 17 words under og:type article and a dated URL: a short post, not a listing
    html = ("<html><head><title>Frost | A Blog</title>"
            '<meta property="og:type" content="article"></head><body>'
            "<h1>Frost</h1><article><p>The pond froze overnight and the ducks walked on it,"
            " puzzled, until noon when it thawed.</p></article></body></html>")
    url = "https://blog.example.org/2019/01/12/frost/"
    assert extract_article(html.encode(), url).page_kind == "article"
    # the same page without the declaration is too little text to call an article
    plain = html.replace('<meta property="og:type" content="article">', "")
    assert extract_article(plain.encode(), url).page_kind != "article"


def test_a_page_without_headline_but_long_text_is_still_an_article():
    paragraph = ("The committee met for the third time this year to review how the new"
                 " screening programme reaches people in rural districts, where clinics"
                 " are far apart and buses are rare. ")
    html = ("<html><body><div>" + "".join(f"<p>{paragraph * 2}</p>" for _ in range(6))
            + "</div></body></html>")
    article = extract_article(html.encode(), None)
    assert not article.title and article.page_kind == "article"


def test_table_rows_of_titles_and_dates_are_a_list_and_a_text_cell_is_prose():
    rows = [f"| · | Notice on the clinic opening hours in district {i} | 2024-06-{i:02d} |"
            for i in range(1, 9)]
    assert table_list_share(rows) == 1.0
    prose_cell = ("| " + "The ministry said on Tuesday that the new rules would apply to every"
                  " hospital from next spring, after a year of talks with the unions. " * 2 + "|")
    layout = ["| Related articles |", prose_cell, prose_cell]
    assert table_list_share(layout) < 0.1
    assert table_list_share(["No table here.", "Just paragraphs."]) == 0.0
