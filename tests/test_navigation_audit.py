"""Rules changed by the navigation audit (bench/nav_audit.py; bench/README.md, "Navigation
audit"): each switch-off or tightening here raised check F1. Small pages written after real
layouts: a rail under a layout that "has a sidebar", a rail in a box with a clipping utility
class, a class-named related box in a column named "menu", a double-arrow link, bare "推荐"
headings, one-word post slugs, two cards in an in-text "sidebar" box; and what stays out (a
rail named only by its items gives no items, but is no part of the text either)."""
from __future__ import annotations

from nav_pages import find_in_body

from cleaners.generic.nav_scan import related_heading

URL = "https://news.example.org/health/2024/05/sleep-and-blood-pressure.html"
SITE = "https://news.example.org"
PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 6 + "</p>"
HEADLINES = ["Why your heart rate rises in the morning hours",
             "Five small habits that lower blood pressure for good",
             "What a home monitor tells you and what it does not"]
HREFS = [f"{SITE}/health/2024/04/story-{i}.html" for i in range(3)]


def _links(body: str, url: str = URL):
    links, teasers, _elements = find_in_body(body, url)
    return [(x.rel, x.title, x.url) for x in links], teasers


def _article(after: str) -> str:
    return (f'<header class="site-header"><a href="/">Home</a></header><main><article>'
            f"<h1>Sleep and blood pressure</h1>{PROSE}</article>{after}</main>")


def _cards(item_class: str = "item") -> str:
    return "".join(f'<div class="{item_class}"><a href="{h}">{t}</a><span>2 min read</span>'
                   "</div>" for h, t in zip(HREFS, HEADLINES, strict=True))


RELATED = [("related", t, h) for h, t in zip(HREFS, HEADLINES, strict=True)]


def test_a_rail_under_a_layout_that_has_a_sidebar_is_a_rail():
    # "side" names a sidebar when it opens a name or its part, not as a layout's modifier
    # ("layout--has-sidebar") nor inside a word ("aside", "inside")
    for box in ("layout--has-sidebar", "col-aside", "panel-inside"):
        links, _teasers = _links(_article(
            f'<div class="{box}"><section id="bottom-zone">{_cards()}</section></div>'))
        assert links == RELATED, box
    links, _teasers = _links(_article(
        f'<div class="single-sidebar-right"><section id="bottom-zone">{_cards()}</section>'
        "</div>"))
    assert links == []


def test_a_clipping_utility_class_does_not_hide_a_rail():
    links, _teasers = _links(_article(
        f'<div class="overflow-hidden"><section id="bottom-zone">{_cards()}</section></div>'))
    assert links == RELATED


def test_a_rail_named_only_by_its_items_gives_no_items_but_leaves_the_text():
    page = (f'<main><article><h1>Sleep and blood pressure</h1>{PROSE}</article></main>'
            f'<div class="band"><div class="grid">{_cards("tw-article-teaser")}</div></div>')
    links, teasers, elements = find_in_body(page, URL)
    assert (links, teasers) == ([], [])
    assert [el.get("class") for el in elements] == ["band"]  # no part of the article's text


def test_a_related_box_in_a_column_named_menu_is_taken():
    box = ('<div class="related-posts"><ul>' +
           "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in zip(HREFS, HEADLINES,
                                                                    strict=True)) +
           "</ul></div>")
    links, _teasers = _links(f"<main><article><h1>Sleep and blood pressure</h1>{PROSE}"
                             f'</article></main><div class="menu">{box}</div>')
    assert links == RELATED


def test_a_double_arrow_link_is_no_next_article():
    links, _teasers = _links(_article(
        f'<div class="more"><a href="{SITE}/health/2024/05/archive.html">»»</a></div>'))
    assert links == []


def test_bare_recommend_headings_in_chinese_are_no_related_headings():
    assert not related_heading("推荐")
    assert not related_heading("精彩推荐")
    assert related_heading("推荐阅读") and related_heading("编辑推荐")


def test_a_one_word_post_slug_is_an_article():
    url = "https://blog.example.org/sleep-and-memory/"
    slugs = ["insomnia", "melatonin"]
    titles = ["Insomnia and what helps you sleep", "Melatonin: how much is too much"]
    items = "".join(f'<li><a href="https://blog.example.org/{s}/">{t}</a></li>'
                    for s, t in zip(slugs, titles, strict=True))
    links, _teasers = _links(f"<main><article><h1>Sleep and memory</h1>{PROSE}</article>"
                             f"<h3>Related posts</h3><ul>{items}</ul></main>", url)
    assert [(rel, title) for rel, title, _url in links] == [
        ("related", t) for t in titles]


def test_two_cards_in_an_in_text_sidebar_box_are_embedded_cards():
    cards = "".join(f'<aside class="card"><a href="{h}">{t}</a></aside>'
                    for h, t in zip(HREFS[:2], HEADLINES[:2], strict=True))
    body = (f"<main><article><h1>Sleep and blood pressure</h1><div class='body-copy'>{PROSE}"
            f'<div class="inline-sidebar">{cards}</div>{PROSE}</div></article></main>')
    links, _teasers = _links(body)
    assert links == RELATED[:2]
