"""A rail named only by its items' class names ("teaser", "tsr-Base") gives its items when
every item is a teaser card (headline and a summary), as the annotation counts them
(docs/annotation.md); a rail of bare headlines so named still gives none, and a box of the
site's next posts none either. Small pages written after real layouts (a regional news
site's unlabelled "contentbox" of three teasers under the article, a "further topics" grid
of teaser articles, a news portal's "more about" list)."""
from __future__ import annotations

from nav_pages import find_in_body

URL = "https://news.example.org/health/2024/05/sleep-and-blood-pressure.html"
PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 6 + "</p>"
HEADLINES = ["Why your heart rate rises in the morning hours",
             "Five small habits that lower blood pressure for good",
             "What a home monitor tells you and what it does not"]
SUMMARY = ("Doctors explain what the numbers mean, when a change matters and which questions "
           "to bring to the next appointment.")


def _cards(summary: bool = True) -> str:
    return "".join(
        f'<div class="teaser"><div class="teaser-image"><img src="/img/{i}.jpg" alt=""></div>'
        f'<h2><a href="https://news.example.org/health/2024/05/{i}.html">{title}</a></h2>'
        + (f"<p>{SUMMARY}</p>" if summary else "<span>2 min read</span>") + "</div>"
        for i, title in enumerate(HEADLINES))


def _page(box: str) -> str:
    return f"<main><article><h1>Sleep and blood pressure</h1>{PROSE}</article></main>{box}"


def test_a_rail_of_teaser_cards_named_only_by_its_items_gives_them():
    links, teasers, elements = find_in_body(_page(f'<div class="band">{_cards()}</div>'), URL)
    assert links == []
    assert [(t.title, t.url) for t in teasers] == [
        (title, f"https://news.example.org/health/2024/05/{i}.html")
        for i, title in enumerate(HEADLINES)]
    assert all(t.snippet == SUMMARY for t in teasers)
    assert [el.get("class") for el in elements] == ["band"]


def test_a_rail_of_bare_headlines_named_only_by_its_items_still_gives_none():
    page = _page(f'<div class="band">{_cards(summary=False)}</div>')
    links, teasers, elements = find_in_body(page, URL)
    assert (links, teasers) == ([], [])
    assert [el.get("class") for el in elements] == ["band"]


def test_a_box_of_next_posts_gives_no_teasers():
    for box in ('<div id="next-post-thumbnails">{}</div>', '<div class="newer-posts">{}</div>'):
        links, teasers, _elements = find_in_body(_page(box.format(_cards())), URL)
        assert (links, teasers) == ([], []), box
