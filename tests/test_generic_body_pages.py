"""Generic body: the hidden pages of a paged article (cleaners/generic/body_pages.py). The
page is written here by hand after a gallery layout seen on a real page (one page shown,
the others display:none, each a sibling of the same class)."""
from __future__ import annotations

from cleaners.extract import extract_article

ITEM = ("Number {n} on our list is a lamp shaped like a cloud, which glows softly and "
        "changes colour with the weather outside, so a rainy morning feels a bit brighter. ")


def _section(n: int, shown: bool) -> str:
    state = ("class='gallery-section' style='display: block;'" if shown else
             "class='gallery-section hidden' style='display: none;'")
    return (f"<div id='section-{n}' {state}><h2>{n}. Cloud lamp</h2>"
            f"<p>{ITEM.format(n=n) * 2}</p><p>{ITEM.format(n=n)}</p></div>")


def _page(sections: str) -> str:
    return ("<html><body><header class='site-header'><a href='/'>Home</a></header><main>"
            "<article><div class='gallery-text'><h1>Things we never knew we wanted</h1>"
            + sections + "</div></article></main>"
            "<footer><p>Copyright, all rights reserved.</p></footer></body></html>")


def test_the_hidden_pages_of_a_gallery_are_the_article_too():
    page = _page(_section(0, True) + "".join(_section(n, False) for n in range(1, 6)))
    body = extract_article(page, "https://example.org/gallery").body
    for n in range(6):
        assert f"Number {n} on our list" in body
    assert body.index("Number 1 on") < body.index("Number 5 on")


def test_a_hidden_copy_of_the_shown_page_is_not_repeated():
    copy = _section(0, False).replace("section-0", "section-1")
    body = extract_article(_page(_section(0, True) + copy), "https://example.org/g").body
    assert body.count("Number 0 on our list") == 3


def test_a_hidden_paragraph_without_a_class_stays_hidden():
    hidden = f"<p style='display: none;'>{ITEM.format(n=7)}</p>"
    page = _page(f"<p>{ITEM.format(n=1) * 3}</p>{hidden}<p>{ITEM.format(n=2) * 3}</p>")
    body = extract_article(page, "https://example.org/p").body
    assert "Number 1 on" in body and "Number 7 on" not in body
