"""Unlabelled card rails, base URLs and the cards that are no articles (cleaners.generic),
on small pages written after real layouts (a bottom "zone" of story cards, a sidebar of
latest news, a tabbed ranking, a partner widget)."""
from __future__ import annotations

from nav_pages import find_in_body

from cleaners.html import parse_html
from cleaners.metadata import read_metadata

URL = "https://news.example.org/health/2024/05/sleep-and-blood-pressure.html"
PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 6 + "</p>"
HEADLINES = ["Why your heart rate rises in the morning hours",
             "Five small habits that lower blood pressure for good",
             "What a home monitor tells you and what it does not"]


def _find(body: str, url: str | None = URL, head: str = ""):
    return find_in_body(body, url, head)


def _cards(item_class: str = "story-card", hosts=("news.example.org",) * 3) -> str:
    return "".join(f'<div class="{item_class}"><a href="https://{host}/health/2024/05/{i}.html">'
                   f"{title}</a><span>2 min read</span></div>"
                   for i, (title, host) in enumerate(zip(HEADLINES, hosts, strict=True)))


def _article(after: str, sidebar: str = "") -> str:
    return (f'<header class="site-header"><a href="/">Home</a></header><main><article>'
            f"<h1>Sleep and blood pressure</h1>{PROSE}</article>{after}</main>{sidebar}")


def test_unlabelled_rail_of_story_cards_under_the_article():
    links, teasers, elements = _find(_article(f'<section id="bottom-zone">{_cards()}</section>'))
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", title, f"https://news.example.org/health/2024/05/{i}.html")
        for i, title in enumerate(HEADLINES)]
    assert len(elements) == 1 and elements[0].get("id") == "bottom-zone"


def test_rails_headed_as_site_wide_lists_are_not_taken():
    for heading in ("Most read", "Latest news", "Meistgelesen", "Les plus lus"):
        links, teasers, _elements = _find(_article(
            f'<section class="more-stories"><h2>{heading}</h2>{_cards()}</section>'))
        assert (links, teasers) == ([], []), heading


def test_sidebars_and_tabs_are_not_rails():
    for box in (f'<aside class="sidebar"><div class="stories">{_cards()}</div></aside>',
                f'<div class="tab-body"><div class="stories">{_cards()}</div></div>',
                f'<div class="v-sld"><div>{_cards(item_class="x1")}</div></div>',
                f'<div class="blog-grid"><div>{_cards(item_class="x1")}</div></div>'):
        links, teasers, _elements = _find(_article(box))
        assert (links, teasers) == ([], []), box


def test_cards_of_other_sites_are_partner_links_not_related():
    partners = ("ads.other.com", "ads.other.com", "news.example.org")
    links, teasers, _elements = _find(_article(
        f'<section id="bottom-zone">{_cards(hosts=partners)}</section>'))
    assert (links, teasers) == ([], [])  # a rail needs three articles of the site
    links, _teasers, _elements = _find(_article(
        f'<div class="related"><h2>Related</h2>{_cards(hosts=partners)}</div>'))
    assert [x.title for x in links] == [HEADLINES[2]]


def test_items_with_and_without_a_snippet_in_one_block():
    links, teasers, _elements = _find(_article(
        "<h2>Related articles</h2><ul>"
        f'<li><a href="/health/1.html">{HEADLINES[0]}</a>'
        "<p>Cortisol and a rising sympathetic tone push the pulse up after waking.</p></li>"
        f'<li><a href="/health/2.html">{HEADLINES[1]}</a></li>'
        f'<li><a href="/author/jane">Jane Doe, health editor</a></li>'
        f'<li><a href="{URL}">Sleep and blood pressure: what the studies say</a></li></ul>'))
    assert [t.title for t in teasers] == [HEADLINES[0]]
    assert [x.title for x in links] == [HEADLINES[1]]  # no author page, not the page itself


def test_relative_links_of_a_saved_page_resolve_against_base_or_canonical():
    body = _article('<p>Next article: <a href="/health/next.html">Salt and the kidneys</a></p>')
    links, _teasers, _elements = _find(
        body, None, '<link rel="canonical" href="https://news.example.org/health/a.html">')
    assert [x.url for x in links] == ["https://news.example.org/health/next.html"]
    links, _teasers, _elements = _find(body, URL, '<base href="https://mirror.example.net/">')
    assert [x.url for x in links] == ["https://mirror.example.net/health/next.html"]


def test_page_two_of_the_same_article_is_no_next_article():
    links, _teasers, _elements = _find(_article(
        '<p class="pager"><a rel="next" href="/health/2024/05/sleep-and-blood-pressure-2.html">'
        "Next page</a></p>"))
    assert links == []


def test_breadcrumb_positions_written_as_numbers_and_strings():
    """JSON-LD breadcrumbs with "position": 1 and "position": "2" on one page (a real CMS
    mixes them) used to crash the extraction with a TypeError."""
    html = ('<html><head><script type="application/ld+json">{"@type": "BreadcrumbList", '
            '"itemListElement": [{"@type": "ListItem", "position": "2", "name": "Health"}, '
            '{"@type": "ListItem", "position": 1, "name": "Home"}]}</script></head>'
            "<body><p>x</p></body></html>")
    root, _warnings = parse_html(html.encode("utf-8"))
    assert read_metadata(root, URL)["breadcrumbs"] == ["Home", "Health"]


# --- rails without a class name (the fifth round, bench/README.md) ---------------------------

def _plain(heading: str = "", before: str = "") -> str:
    head = f"<div>{heading}</div>" if heading else ""
    return f"{before}<div>{head}<div>{_cards(item_class='x1')}</div></div>"


def test_a_list_without_a_name_right_after_the_article_is_a_rail():
    # no class name says "stories": the rail follows the article's last paragraph
    expected = [("related", title, f"https://news.example.org/health/2024/05/{i}.html")
                for i, title in enumerate(HEADLINES)]
    for box in (_plain(), _plain("Health"), _plain("関連ニュース")):
        links, teasers, _elements = _find(_article(box))
        assert teasers == [], box
        assert [(x.rel, x.title, x.url) for x in links] == expected, box


def test_a_list_without_a_name_under_a_site_list_heading_is_not_a_rail():
    for heading in ("Recent stories", "社会の新着 記事一覧", "速報", "Web Stories"):
        links, teasers, _elements = _find(_article(_plain(heading)))
        assert (links, teasers) == ([], []), heading


def test_a_list_without_a_name_after_another_run_of_links_is_not_a_rail():
    # its nearest text is a ticker of links, not a heading of its own nor the article's end
    ticker = "<div>" + "".join(
        f'<a href="https://news.example.org/ticker/{i}.html">Breaking update number {i} on '
        "the storm</a> " for i in range(3)) + "</div>"
    links, teasers, _elements = _find(_article(_plain(before=ticker)))
    assert [x.url for x in links if "/2024/05/" in x.url] == []
    assert teasers == []


def test_a_list_without_a_name_of_excerpt_cards_is_not_a_rail():
    # items with a long excerpt: a listing of posts, not a rail of headlines
    items = "".join(f'<div class="x1"><a href="https://news.example.org/health/2024/05/{i}.html">'
                    f"{title}</a><p>{PROSE}</p></div>" for i, title in enumerate(HEADLINES))
    links, teasers, _elements = _find(_article(f"<div><div>{items}</div></div>"))
    assert (links, teasers) == ([], [])


def _zone(n: int) -> str:
    """A band of card rails, one per section of the site, each under the article."""
    return "".join(
        f'<section id="zone-{z}">' + "".join(
            f'<div class="story-card"><a href="https://news.example.org/s{z}/2024/05/{i}.html">'
            f"{title} (part {z})</a><span>2 min read</span></div>"
            for i, title in enumerate(HEADLINES)) + "</section>"
        for z in range(n))


def test_a_page_of_many_rails_is_laid_out_like_a_front_page():
    links, _teasers, _elements = _find(_article(_zone(3)))
    assert len(links) == 9  # up to three lists of more stories: the article's
    links, teasers, _elements = _find(_article(_zone(5)))
    assert (links, teasers) == ([], [])  # a list per section of the site: the site's


def test_a_numbered_top_list_without_its_heading_is_a_ranking_not_a_rail():
    # "1 Headline", "2 Headline", ...: a "most read" widget whose heading is an image or
    # script-filled; the same cards without ranks stay a rail (the first test)
    ranked = "".join(
        f'<div class="story-card"><span class="rank">{i + 1}</span>'
        f'<a href="https://news.example.org/health/2024/05/{i}.html">{title}</a></div>'
        for i, title in enumerate(HEADLINES))
    links, teasers, _elements = _find(_article(f'<section id="bottom-zone">{ranked}</section>'))
    assert (links, teasers) == ([], [])
    # a headline that opens with a number is no rank ("3 ways ...", "10 tips ...")
    counts = zip((5, 3, 10), HEADLINES, strict=True)
    numbered = "".join(
        f'<div class="story-card"><a href="https://news.example.org/health/2024/05/{i}.html">'
        f"{n} {title}</a></div>" for i, (n, title) in enumerate(counts))
    links, _teasers, _elements = _find(_article(f'<section id="bottom-zone">{numbered}</section>'))
    assert len(links) == 3
