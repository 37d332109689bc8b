"""What is not navigation although it looks like a rail or a related block (docs/annotation.md,
"Neither"): hidden widgets, comment threads, rails headed as site-wide lists by their own
first line, rails wrapped deep inside a sidebar widget, and one article listed twice. Small
pages written after real layouts."""
from __future__ import annotations

from nav_pages import find_in_body

URL = "https://news.example.org/health/2024/05/sleep-and-blood-pressure.html"
PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 6 + "</p>"
HEADLINES = ["Why your heart rate rises in the morning hours",
             "Five small habits that lower blood pressure for good",
             "What a home monitor tells you and what it does not"]


def _find(body: str, url: str = URL):
    return find_in_body(body, url)


def _cards(item_class: str = "story-card") -> str:
    return "".join(f'<div class="{item_class}"><a href="https://news.example.org/health/2024/05/'
                   f'{i}.html">{title}</a><span>2 min read</span></div>'
                   for i, title in enumerate(HEADLINES))


def _article(after: str) -> str:
    return f"<main><article><h1>Sleep and blood pressure</h1>{PROSE}</article>{after}</main>"


def _related(links) -> list[tuple[str, str]]:
    return [(x.rel, x.url) for x in links]


def test_a_related_block_hidden_by_inline_style_is_not_navigation():
    block = (f'<div id="related-bar" style="position: fixed; display: none"><h3>Related Posts'
             f"</h3>{_cards()}</div>")
    links, teasers, _elements = _find(_article(block))
    assert (links, teasers) == ([], [])


def test_hidden_attribute_and_aria_hidden_hide_a_rail_and_a_next_link():
    for attrs in ("hidden", 'aria-hidden="true"'):
        page = _article(f'<section id="bottom-zone" {attrs}>{_cards()}</section>'
                        f'<div {attrs}><a rel="next" href="/health/2024/05/next-one.html">'
                        "Next one about sleep</a></div>")
        links, teasers, _elements = _find(page)
        assert (links, teasers) == ([], []), attrs


def test_the_same_rail_visible_is_navigation():
    links, _teasers, _elements = _find(_article(f'<section id="bottom-zone">{_cards()}</section>'))
    assert len(links) == 3


def test_a_comment_thread_is_not_a_rail():
    # each comment's permalink (this page with another query) reads like a short headline
    comments = "".join(
        f'<article class="comment"><a href="{URL}?cid={i}#cid-{i}">#{i} — vor {i} Stunden</a>'
        f"<p>Reader {i}: I agree with the author.</p></article>" for i in range(1, 5))
    page = _article(f'<div class="article-bottom"><div class="comment-section__body" '
                    f'id="js-comments-body">{comments}</div></div>')
    links, teasers, _elements = _find(page)
    assert (links, teasers) == ([], [])


def test_a_rail_whose_own_first_line_names_a_site_wide_list_is_not_taken():
    for label in ("Neueste Artikel", "Most read", "Latest news"):
        rail = f'<div class="story-list"><div class="label">{label}</div>{_cards()}</div>'
        links, teasers, _elements = _find(_article(rail))
        assert (links, teasers) == ([], []), label


def test_a_rail_deep_inside_a_sidebar_widget_is_not_taken():
    # six plain wrappers between the widget and the rail: the widget still rules it out
    rail = f'<div class="story-list">{_cards()}</div>'
    page = _article('<div class="widget-area">' + "<div>" * 5 + rail + "</div>" * 5 + "</div>")
    links, teasers, _elements = _find(page)
    assert (links, teasers) == ([], [])


def test_a_prev_link_also_in_the_related_list_is_kept_once_first_in_page_order():
    prev_url = "https://news.example.org/health/2024/05/1.html"
    related = ('<div class="related-posts"><h3>Related posts</h3><ul>' + "".join(
        f'<li><a href="https://news.example.org/health/2024/05/{i}.html">{t}</a></li>'
        for i, t in enumerate(HEADLINES)) + "</ul></div>")
    nav = (f'<div class="nav-links"><a rel="prev" href="{prev_url}">Previous article: '
           f"{HEADLINES[1]}</a></div>")
    # related block first: the prev link to its second item is dropped
    links, _teasers, _elements = _find(_article(related + nav))
    assert [x.url for x in links].count(prev_url) == 1
    assert ("prev", prev_url) not in _related(links)
    # prev link first: the related item is dropped, the prev link stays
    links, _teasers, _elements = _find(_article(nav + related))
    assert [x.url for x in links].count(prev_url) == 1
    assert ("prev", prev_url) in _related(links)


def test_one_article_under_two_tracking_queries_is_one_item():
    base = "https://news.example.org/health/2024/05/monitor.html"
    block = ('<div class="related-posts"><h3>Related</h3><ul>'
             f'<li><a href="{base}?ico=related_inline">{HEADLINES[2]}</a></li>'
             f'<li><a href="https://news.example.org/health/2024/05/0.html">{HEADLINES[0]}</a>'
             f'</li><li><a href="{base}?ico=more_from_health">{HEADLINES[2]}</a></li></ul></div>')
    links, _teasers, _elements = _find(_article(block))
    assert [x.url for x in links] == [f"{base}?ico=related_inline",
                                      "https://news.example.org/health/2024/05/0.html"]


def test_a_related_classed_box_of_dozens_of_stories_is_a_feed_not_related():
    items = "".join(f'<li><a href="https://news.example.org/health/2024/05/story-{i}.html">'
                    f"Story number {i} of the day in health news</a></li>" for i in range(30))
    links, teasers, _elements = _find(_article(f'<div class="related-news"><ul>{items}</ul>'
                                               "</div>"))
    assert (links, teasers) == ([], [])
    few = "".join(f'<li><a href="https://news.example.org/health/2024/05/story-{i}.html">'
                  f"Story number {i} of the day in health news</a></li>" for i in range(5))
    links, _teasers, _elements = _find(_article(f'<div class="related-news"><ul>{few}</ul>'
                                                "</div>"))
    assert len(links) == 5
