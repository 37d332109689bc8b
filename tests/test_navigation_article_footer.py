"""A rail in the article's own footer (a box named "footer" inside the <article>, or named
for the article's footer beside it) is a rail: the article's footer belongs to the article,
as `nav_dom.in_chrome` already says; another box named "footer" outside the article is
still the site's (bench/README.md, "Whole groups (tenth session)")."""
from __future__ import annotations

from nav_pages import find_in_body

URL = "https://news.example.org/health/2024/05/sleep-and-blood-pressure.html"
PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 6 + "</p>"
HEADLINES = ["Why your heart rate rises in the morning hours",
             "Five small habits that lower blood pressure for good",
             "What a home monitor tells you and what it does not"]


def _cards() -> str:
    return "".join(f'<li><a href="https://news.example.org/health/2024/05/{i}.html">{title}</a>'
                   f"</li>" for i, title in enumerate(HEADLINES))


def _page(inside: str = "", outside: str = "") -> str:
    return (f'<header class="site-header"><a href="/">Home</a></header><main><article>'
            f"<h1>Sleep and blood pressure</h1>{PROSE}{inside}</article></main>{outside}"
            f'<footer class="site-footer"><a href="/imprint">Imprint</a></footer>')


def test_rail_in_the_articles_own_footer_gives_its_links():
    links, teasers, _elements = find_in_body(_page(
        inside=f'<div class="article-footer"><ul class="stories">{_cards()}</ul></div>'), URL)
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", title, f"https://news.example.org/health/2024/05/{i}.html")
        for i, title in enumerate(HEADLINES)]


def test_rail_in_a_footer_box_outside_the_article_gives_none():
    links, teasers, _elements = find_in_body(_page(
        outside=f'<div id="contentsfooter"><ul class="stories">{_cards()}</ul></div>'), URL)
    assert (links, teasers) == ([], [])


def test_rail_in_a_box_named_for_the_articles_footer_beside_the_article_gives_its_links():
    # "article-footer" after the <article> element, not inside it: its name still says whose
    # footer it is
    box = f'<div class="article-footer"><ul class="stories">{_cards()}</ul></div>'
    links, teasers, _elements = find_in_body(_page(outside=box), URL)
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", title, f"https://news.example.org/health/2024/05/{i}.html")
        for i, title in enumerate(HEADLINES)]
    # the site's footer so named is still the site's
    links, teasers, _elements = find_in_body(_page(
        outside=box.replace("article-footer", "page-footer")), URL)
    assert (links, teasers) == ([], [])
