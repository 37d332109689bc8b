"""Generic prev/next and teaser detection (cleaners.generic.navigation) on hand-written pages.

Each case in tests/fixtures/generic/<case>/ is a page modelled on a real kind of health site,
with meta.json (url, language) and expected.json, written by reading the page:
- related_links, teasers: compared exactly (order is page order);
- body_must_not_contain: labels and titles that must be gone once the returned elements are
  dropped (and must not reach the body of extract_article);
- must_keep: body sentences and site chrome that must survive the drop (nothing invented,
  nothing of the main text taken).
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from cleaners.extract import extract_article
from cleaners.generic.navigation import find_navigation
from cleaners.html import drop_non_content, parse_html

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "generic"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "page.html").is_file())
LANGUAGES = {"en", "de", "fr", "es", "ru", "zh"}


def _load(case: str):
    folder = FIXTURES / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return (folder / "page.html").read_bytes(), meta, expected


def _navigation(page: bytes, url: str):
    root, _warnings = parse_html(page)
    drop_non_content(root)
    return root, find_navigation(root, url)


def test_every_language_has_a_case():
    languages = {_load(case)[1]["language"] for case in CASES}
    assert languages >= LANGUAGES


@pytest.mark.parametrize("case", CASES)
def test_links_and_teasers(case):
    page, meta, expected = _load(case)
    _root, (links, teasers, _elements) = _navigation(page, meta["url"])
    assert [asdict(link) for link in links] == expected["related_links"]
    assert [asdict(teaser) for teaser in teasers] == expected["teasers"]


@pytest.mark.parametrize("case", CASES)
def test_returned_elements_hold_navigation_and_nothing_else(case):
    page, meta, expected = _load(case)
    root, (_links, _teasers, elements) = _navigation(page, meta["url"])
    assert all(el.tag not in ("html", "body", "main", "article") for el in elements)
    for el in elements:
        el.drop_tree()
    left = " ".join(" ".join(root.itertext()).split())
    for text in expected["body_must_not_contain"]:
        assert text not in left, f"{text!r} was not dropped"
    for text in expected["must_keep"]:
        assert text in left, f"{text!r} was dropped"


@pytest.mark.parametrize("case", CASES)
def test_extract_article_keeps_navigation_out_of_the_body(case):
    page, meta, expected = _load(case)
    article = extract_article(page, meta["url"])
    assert [asdict(link) for link in article.related_links] == expected["related_links"]
    assert [asdict(teaser) for teaser in article.teasers] == expected["teasers"]
    for text in expected["body_must_not_contain"]:
        assert text not in article.body, f"{text!r} leaked into the body"


def _find(html: str, url: str = "https://example.org/a/b.html"):
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    return find_navigation(root, url)


def _page(body: str) -> str:
    prose = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 6 + "</p>"
    head = "<html><head><title>t</title></head>"
    return f"{head}<body><article><h1>Title</h1>{prose}{body}</article></body></html>"


def test_previously_is_no_label():
    links, teasers, elements = _find(_page(
        '<p>Previously, <a href="/x">doctors</a> advised bed rest.</p>'
        "<p>Prev. studies disagreed.</p>"))
    assert (links, teasers, elements) == ([], [], [])


def test_numbered_pagination_is_not_next():
    links, _teasers, _elements = _find(_page(
        '<div class="pagination"><a href="/p/1">« Previous</a> <span>2</span> '
        '<a href="/p/3">3</a> <a href="/p/4">4</a> <a href="/p/3">Next »</a></div>'))
    assert links == []


def test_comment_pages_are_not_prev():
    links, _teasers, _elements = _find(_page(
        '<div class="nav-previous"><a href="/a/b.html/comment-page-1/#comments">'
        "« Older Comments</a></div>"))
    assert links == []


def test_no_previous_article_drops_the_line_but_gives_no_link():
    links, _teasers, elements = _find(_page(
        '<ul class="context"><li>上一篇：没有了</li>'
        '<li>下一篇：<a href="/n.html">喝绿茶的五个好处</a></li></ul>'))
    assert [asdict(link) for link in links] == [
        {"rel": "next", "title": "喝绿茶的五个好处", "url": "https://example.org/n.html"}]
    assert [el.tag for el in elements] == ["ul"]


def test_labelled_lines_split_by_line_breaks():
    # one paragraph, two lines: each line's label and link is a nav line of its own (the
    # whole paragraph was measured, and held twice one line's text)
    links, _teasers, elements = _find(_page(
        '<p class="page-navigation"><b>Next:</b> <a href="/a/salt-and-sleep.html">How salt'
        ' affects your sleep</a><br><b>Previous:</b> <a href="/a/morning-peak.html">Why blood'
        " pressure peaks in the morning</a><br></p>"))
    assert [asdict(link) for link in links] == [
        {"rel": "next", "title": "How salt affects your sleep",
         "url": "https://example.org/a/salt-and-sleep.html"},
        {"rel": "prev", "title": "Why blood pressure peaks in the morning",
         "url": "https://example.org/a/morning-peak.html"}]
    assert [el.tag for el in elements] == ["p"]


def test_prose_split_by_a_line_break_is_no_nav_line():
    links, _teasers, _elements = _find(_page(
        "<p>The trial ran for two years.<br>Next: the team will test whether the"
        ' <a href="/a/dose.html">lower dose</a> works as well in older patients over a'
        " longer time.</p>"))
    assert links == []


def test_guillemet_quotes_are_not_arrows():
    links, _teasers, _elements = _find(_page(
        '<p>« <a href="/g">Le sucre</a> » est partout.</p>'
        '<p>Lisez <a href="/q">«Здоровье»</a> и <a href="/r">«Питание»</a>.</p>'))
    assert links == []


def test_a_lone_arrow_link_is_not_next():
    links, _teasers, _elements = _find(_page(
        '<p><a href="https://clinic.example/book">Book an appointment →</a></p>'))
    assert links == []


def test_head_link_only_for_missing_direction():
    html = ('<html><head><link rel="prev" href="/head-prev"><link rel="next" href="/head-next">'
            '</head><body><article><h1>T</h1><p>Body text.</p>'
            '<a rel="next" href="/body-next">Next article: Body next</a></article></body></html>')
    links, _teasers, _elements = _find(html)
    assert [(link.rel, link.title, link.url) for link in links] == [
        ("prev", "", "https://example.org/head-prev"),
        ("next", "Body next", "https://example.org/body-next"),
    ]


def test_tag_lists_are_not_related_links():
    links, teasers, _elements = _find(_page(
        '<div class="related"><h3>Related</h3><a href="/t/1">Diabetes</a> '
        '<a href="/t/2">Heart</a> <a href="/t/3">Blood pressure</a></div>'))
    assert (links, teasers) == ([], [])


def test_teasers_or_related_is_decided_per_item():
    """docs/annotation.md: in one block, items with a snippet are teasers, items without
    are related links."""
    links, teasers, _elements = _find(_page(
        "<h2>You might also like</h2><ul>"
        '<li><a href="/1">Ten ways to lower your cholesterol</a>'
        "<p>Oats, beans and walking after dinner all help more than you would think.</p></li>"
        '<li><a href="/2">Statins explained in plain words</a></li></ul>'))
    assert [(t.title, t.snippet) for t in teasers] == [
        ("Ten ways to lower your cholesterol",
         "Oats, beans and walking after dinner all help more than you would think."),
    ]
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", "Statins explained in plain words", "https://example.org/2")]


def test_word_beats_arrow_and_label_only_links_have_empty_titles():
    links, _teasers, _elements = _find(_page(
        '<div class="blog-pager"><a href="/newer.html">&#171; Newer Post</a> '
        '<a href="/older.html">Older Post &#187;</a> <a href="/">Home</a></div>'))
    assert [(link.rel, link.title, link.url) for link in links] == [
        ("next", "", "https://example.org/newer.html"),
        ("prev", "", "https://example.org/older.html"),
    ]


def test_icon_links_named_by_title_and_class_are_prev_next_without_titles():
    # Blogger's icon pager: an arrow image in a link whose title attribute and class name
    # its direction; a lone icon with only one of the two stays out
    links, _teasers, _elements = _find(_page(
        '<div class="blog-pager"><a class="blog-pager-newer-link" href="/newer.html" '
        'title="Newer Post"><img src="left.png" alt=""></a><a class="blog-pager-older-link" '
        'href="/older.html" title="Older Post"><img src="right.png" alt=""></a></div>'
        '<div class="share"><a href="/shared.html" title="Next"><img src="x.png" alt="">'
        "</a></div>"))
    assert [(link.rel, link.title, link.url) for link in links] == [
        ("next", "", "https://example.org/newer.html"),
        ("prev", "", "https://example.org/older.html"),
    ]


def test_a_buttons_direction_modifier_names_prev_next():
    # XenForo-like thread pager after the thread: "xc-button--previous" / "--next" around
    # the neighbours' titles; a share button's class still names no related block
    pager = ('<div class="block-NextPrevious"><div class="nextPreviousThread">'
             '<a class="xc-button xc-button--previous" href="/threads/moving-house.235147/">'
             "Moving house with an indoor cat</a>"
             '<a class="xc-button xc-button--next" href="/threads/unhappy-after-move.235207/">'
             "Tomcat unhappy after the move</a></div></div>"
             '<div class="recommend-button"><a href="/threads/other.1/">Recommend this '
             "thread to your friends</a></div>")
    links, _teasers, _elements = _find(_page("").replace("</article>", f"</article>{pager}"))
    assert [(link.rel, link.title) for link in links] == [
        ("prev", "Moving house with an indoor cat"), ("next", "Tomcat unhappy after the move")]


def test_labelled_link_takes_its_title_from_a_sibling_link():
    links, _teasers, _elements = _find(_page(
        '<div class="next-prev"><div class="next">'
        '<p><a class="next-btn" href="/n.html">- Next Auto News</a></p>'
        '<a href="/n.html"><img src="n.jpg" alt=""></a>'
        '<a href="/n.html"><h5>Electric crossovers finally look good</h5></a></div></div>'))
    assert [(link.rel, link.title) for link in links] == [
        ("next", "Electric crossovers finally look good")]


def test_section_link_in_a_heading_is_no_card():
    links, _teasers, _elements = _find(_page(
        '<h3>More in <a href="/white-house/">White House</a></h3><ul>'
        '<li><a href="/2019/11/ballot-box/">Decide the fate at the ballot box</a></li>'
        '<li><a href="/2019/11/testimony/">Breaking down the fallout from the testimony</a>'
        "</li></ul>"))
    assert [link.title for link in links] == [
        "Decide the fate at the ballot box", "Breaking down the fallout from the testimony"]


def test_repeated_modules_are_reported_once():
    block = ('<div class="related-posts"><ul>'
             '<li><a href="/a.html">Walking after meals lowers blood sugar</a></li>'
             '<li><a href="/b.html">Iron-rich breakfasts for runners</a></li></ul></div>')
    links, _teasers, elements = _find(_page(block + block))
    assert [link.url for link in links] == ["https://example.org/a.html",
                                            "https://example.org/b.html"]
    assert len(elements) == 2


def test_read_next_class_is_a_teaser_box_not_the_next_post():
    links, _teasers, _elements = _find(_page(
        '<div class="read-next-wrapper"><a class="read-next-link" href="/x.html">'
        "Read Next</a></div>"))
    assert links == []


def test_ad_widget_heading_does_not_take_what_follows():
    links, teasers, _elements = _find(
        "<html><body><article><h1>T</h1><p>Body text of the article, long enough.</p>"
        "</article><aside><div class=\"taboola-sidebar\"><h3>Recommended</h3></div>"
        '<div class="tabs"><a href="/photo/1.html">Tourism and medicine in rare photos</a>'
        "<p>A gallery of pictures taken by our photographers on their last trip.</p></div>"
        "</aside></body></html>")
    assert (links, teasers) == ([], [])


def test_deeply_nested_page():
    """Thousands of nested <div>s: no recursion, same answer."""
    nav = ('<div class="navigation"><div>&laquo; <a href="/a">Older title here</a></div>'
           '<div><a href="/b">Newer title here</a> &raquo;</div></div>')
    html = "<html><body>" + "<div>" * 3000 + "<p>Body text.</p>" + nav + "</div>" * 3000 + \
        "</body></html>"
    links, _teasers, _elements = _find(html)
    assert [(link.rel, link.title) for link in links] == [
        ("prev", "Older title here"), ("next", "Newer title here")]


def test_demo_site_without_profiles(demo_site):
    """No site profile: every generated demo article (keepto arrows and "Recommend", the
    WordPress theme, the GBK portal) gives the links and teasers its generator wrote."""
    from crawler.demo import load_expected
    from crawler.demo.routes import file_for

    base = "http://127.0.0.1:8765/"
    wrong = []
    for exp in load_expected(demo_site, base):
        page = (demo_site / file_for(exp["path"])).read_bytes()
        root, _warnings = parse_html(page, "GBK" if exp["family"] == "zh" else "utf-8")
        drop_non_content(root)
        links, teasers, _elements = find_navigation(root, exp["url"])
        if [asdict(link) for link in links] != exp["related_links"] or \
                [asdict(teaser) for teaser in teasers] != exp["teasers"]:
            wrong.append(exp["url"])
    assert wrong == []
