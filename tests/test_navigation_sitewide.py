"""Card rails and embedded cards that are the site's own lists, not about the article
(cleaners/generic/nav_sitewide.py), on small pages written after real layouts: a rail of
stories from all over the site below a recipe, a category listing whose excerpts pass for
paragraphs between cards."""
from __future__ import annotations

from urllib.parse import quote

from nav_pages import find_in_body

URL = "https://news.example.org/health/2024/05/sleep-and-blood-pressure.html"
PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 6 + "</p>"
HEADLINES = ["Why your heart rate rises in the morning hours",
             "Five small habits that lower blood pressure for good",
             "What a home monitor tells you and what it does not",
             "The quiet hours when the body repairs its blood vessels"]


def _article(after: str) -> str:
    return (f'<header class="site-header"><a href="/">Home</a></header><main><article>'
            f"<h1>Sleep and blood pressure</h1>{PROSE}</article>{after}</main>")


def _rail(folders: list[str]) -> str:
    """A rail without a class name: plain boxes, one headline link each."""
    items = "".join(f'<div class="x1"><a href="https://news.example.org/{folder}/2024/05/{i}.html">'
                    f"{HEADLINES[i]}</a><span>2 min read</span></div>"
                    for i, folder in enumerate(folders))
    return f"<div><div>{items}</div></div>"


def test_a_rail_without_a_name_in_the_articles_section_is_taken():
    links, _teasers, _elements = find_in_body(_article(_rail(["health"] * 3 + ["travel"])), URL)
    assert [x.title for x in links] == HEADLINES


def test_a_rail_without_a_name_of_stories_from_other_sections_is_not_taken():
    # the site's stories at large ("/garten/", "/trends/" beside a "/rezepte/" article)
    for folders in (["travel", "garden", "cars", "travel"], ["health", "garden", "cars", "money"]):
        links, teasers, _elements = find_in_body(_article(_rail(folders)), URL)
        assert (links, teasers) == ([], []), folders


def test_a_named_rail_of_other_sections_stays_a_rail():
    # a class name says what it is ("more-stories"): the section test is not asked
    box = _rail(["travel", "garden", "cars", "money"]).replace(
        "<div><div>", '<div class="more-stories"><div>', 1)
    links, _teasers, _elements = find_in_body(_article(box), URL)
    assert [x.title for x in links] == HEADLINES


def _text_with_cards(n: int) -> str:
    cards = "".join(f'{PROSE}<p><a href="https://news.example.org/health/2024/04/{i}.html">'
                    f"Story number {i} about the heart and its rhythm</a></p>" for i in range(n))
    return (f"<main><article><h1>Sleep and blood pressure</h1><div class='body-copy'>{cards}"
            f"{PROSE}</div></article></main>")


def test_a_few_cards_between_paragraphs_are_embedded_cards():
    links, _teasers, _elements = find_in_body(_text_with_cards(4), URL)
    assert len(links) == 4


def test_many_cards_between_paragraphs_are_a_listing_not_embedded_cards():
    links, teasers, elements = find_in_body(_text_with_cards(9), URL)
    assert (links, teasers, elements) == ([], [], [])


def test_an_embedded_card_to_a_page_named_by_one_word_is_no_article():
    for href, taken in (("/live/football/premier-league/table/", False),
                        ("/user/Marianne1.html", False),
                        ("/world/%E6%96%B0%E9%97%BB", False),  # "/world/新闻", escaped
                        ("/world/" + quote("中国经济发展报告"), True),  # a title
                        ("/health/2024/04/story.html", True),
                        ("/health/heart-rate-in-the-morning", True),
                        ("/health/story?id=12", True)):
        page = (f"<main><article><h1>Sleep and blood pressure</h1><div class='body-copy'>{PROSE}"
                f'<p><a href="https://news.example.org{href}">The table of the league after the '
                f"match day</a></p>{PROSE}</div></article></main>")
        links, _teasers, _elements = find_in_body(page, URL)
        assert bool(links) == taken, href


def test_a_rails_card_to_a_page_named_by_one_word_is_no_item():
    rail = _rail(["health"] * 4).replace("/health/2024/05/3.html", "/health/results/")
    links, _teasers, _elements = find_in_body(_article(rail), URL)
    assert [x.title for x in links] == HEADLINES[:3]


def test_a_dated_address_has_no_section_folder():
    # WordPress-like permalinks: related posts of other years are no other section
    url = "https://blog.example.org/2024/05/19/sleep-and-blood-pressure/"
    items = "".join(f'<div class="x1"><a href="https://blog.example.org/{2020 + i}/03/0{i + 1}/'
                    f'post-{i}/">{HEADLINES[i]}</a><span>2 min read</span></div>'
                    for i in range(4))
    links, _teasers, _elements = find_in_body(_article(f"<div><div>{items}</div></div>"), url)
    assert [x.title for x in links] == HEADLINES
