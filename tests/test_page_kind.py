"""cleaners/page_kind.py on hand-written non-article pages in many CMS styles and languages
(tests/fixtures/page_kind/<case>/: page.html, meta.json {url, kind}), plus saved real article
pages, and on the saved article fixtures of the generic extractor."""
from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from cleaners.extract import extract_article
from cleaners.html import parse_html
from cleaners.page_kind import (
    KINDS,
    classify,
    page_signals,
    table_list_share,
    teaser_share,
    url_kind,
)

CASES = sorted(p for p in (FIXTURES / "page_kind").iterdir() if (p / "meta.json").is_file())
# Known misses, kept visible (strict: a fix makes the test fail until the mark goes).
KNOWN_MISSES: dict[str, str] = {}
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


# A short club post whose text sits mostly in a quote of the campaign it announces; the quote
# has a linked heading of its own. The sidebar shows three recent posts as cards.
QUOTED_POST = """<html><head><title>Keep our lakes clean | Sailing Club Blog</title></head><body>
<header><a href="/">Sailing Club Blog</a></header>
<main><article class="post"><h1>Keep our lakes clean</h1>
<p>The poster contest for children runs for the sixth time this year, and the club helps
again: bring your drawings to the boathouse on Saturdays.</p>
<blockquote><h4><a href="https://campaign.example.net/posters-2020/">Design a poster: keep our
lakes clean!</a></h4><p>Children between six and twelve are invited to send their ideas, in
colour, by the third of April. Think about what the water means to you and tell the people of
the city.</p><p>The best posters will hang in the underground stations all summer.</p>
</blockquote></article></main>
<aside>""" + "".join(f"""<div class="card"><h4><a href="/post-{n}/">Recent post number {n}
from the club</a></h4><p>A line about what happened at the club that week.</p></div>"""
                     for n in range(3)) + """</aside></body></html>"""


def test_a_linked_heading_inside_the_text_does_not_make_it_a_teaser():
    url = "https://club.example.org/keep-our-lakes-clean/"
    root, _ = parse_html(QUOTED_POST.encode())
    signals = page_signals(root, url)
    # the quote is a card of its own shape, found once: not a listing's repeated item
    assert signals.linked_headings == 4
    assert [bool(c) for c in signals.cards] == [False, True, True, True]
    article = extract_article(QUOTED_POST.encode(), url)
    assert "sixth time" in article.body and "underground stations" in article.body
    assert teaser_share(article.body.split("\n\n"), signals) == 0.0
    assert article.page_kind == "article"


def _section_page(hrefs: list[str], intro_paragraphs: int = 3) -> str:
    intro = ("Acne affects most teenagers and many adults; mild acne responds to creams from "
             "the pharmacy, and scars or severe acne need a doctor, who can prescribe more. ")
    tiles = "".join(f'<div class="tile"><a href="{h}"><h3>Guide to acne number {i}, and how '
                    "to treat it</h3></a></div>" for i, h in enumerate(hrefs))
    return ("<html><head><title>Acne</title></head><body><main><h1>Acne</h1>"
            + f"<p>{intro}</p>" * intro_paragraphs + f"<div class='grid'>{tiles}</div>"
            "</main></body></html>")


def test_cards_of_pages_below_this_one_make_a_section_index():
    children = [f"/acne/guide-{i}/" for i in range(6)]
    root, _ = parse_html(_section_page(children).encode())
    assert page_signals(root, "https://skin.example.org/acne/").child_headings == 6
    assert extract_article(_section_page(children).encode(),
                           "https://skin.example.org/acne/").page_kind == "listing"
    # the same cards seen from a page that is not their parent: siblings, not children
    root, _ = parse_html(_section_page(children).encode())
    assert page_signals(root, "https://skin.example.org/acne-guide/").child_headings == 0
    root, _ = parse_html(_section_page(children).encode())
    assert page_signals(root, "https://skin.example.org/").child_headings == 0  # the root
