"""Shapes met on body-dev tune pages of many CMSs and languages (docs/architecture.md,
navigation), written as small pages after their layouts."""
from __future__ import annotations

from nav_pages import find_in_body

URL = "https://news.example.org/health/2024/05/sleep-and-blood-pressure-48213.html"
PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 6 + "</p>"
HEADLINES = ["Why your heart rate rises in the morning hours",
             "Five small habits that lower blood pressure for good",
             "What a home monitor tells you and what it does not",
             "Salt, sleep and stress: the three levers doctors name first"]


def _cards(item_class: str = "story-card") -> str:
    return "".join(f'<li class="{item_class}"><a href="https://news.example.org/health/2024/05/'
                   f'{50000 + i}.html">{title}</a></li>' for i, title in enumerate(HEADLINES))


def _two_columns(right: str) -> str:
    return (f'<div class="container"><div class="content-left"><article>'
            f"<h1>Sleep and blood pressure</h1>{PROSE}</article></div>"
            f'<div class="content-right">{right}</div></div>')


def test_a_rail_in_the_right_column_is_a_sidebar():
    # "news-right", "content-right", "article-right-rail": the site's latest, most read or
    # picks beside every article (a ticker of times, a numbered top ten), whatever it is headed
    for right in (f'<ul class="news-list">{_cards()}</ul>',
                  f'<h3>Wiadomości</h3><ul class="news-list">{_cards()}</ul>',
                  f'<div class="right-main-news-list"><ul>{_cards("x")}</ul></div>'):
        links, teasers, _elements = find_in_body(_two_columns(right), URL)
        assert (links, teasers) == ([], []), right


def test_a_right_column_rail_about_the_article_stays():
    # headed by a related heading, or by a link to the article's own section
    for head in ("<h3>Related stories</h3>",
                 '<a class="title" href="https://news.example.org/health/">Health</a>'):
        links, _teasers, _elements = find_in_body(
            _two_columns(f'{head}<ul class="news-list">{_cards()}</ul>'), URL)
        assert [x.title for x in links] == HEADLINES, head


def _figures(kind: str) -> str:
    return "".join(f'<figure class="box {kind}"><a href="https://news.example.org/health/2024/05/'
                   f'{50000 + i}.html"><img src="/i{i}.jpg"></a><figcaption><h2>'
                   f'<a href="https://news.example.org/health/2024/05/{50000 + i}.html">{title}'
                   f"</a></h2></figcaption></figure>" for i, title in enumerate(HEADLINES))


def _under_article(rail: str) -> str:
    return (f"<main><article><h1>Sleep and blood pressure</h1>{PROSE}</article>"
            f'<section class="bottom-zone"><div class="group">{rail}</div></section></main>')


def test_a_rail_of_video_or_gallery_boxes_is_the_site_s_media_feed():
    # "<figure class='box boxvideo'>" x 4 ("Ver Video"), "boxgaleria": the site's video or
    # photo feed under every article, not stories related to this one
    for kind in ("boxvideo", "boxgaleria", "photo-gallery-item"):
        links, teasers, _elements = find_in_body(_under_article(_figures(kind)), URL)
        assert (links, teasers) == ([], []), kind


def test_a_rail_of_plain_story_boxes_stays():
    links, _teasers, _elements = find_in_body(_under_article(_figures("story")), URL)
    assert [x.title for x in links] == HEADLINES
