"""The items of a teaser/related block (cleaners/generic/nav_items.py), on small pages
written after real layouts: a class-named "more stories" box whose list of story cards sits
beside its linked heading and a "see all" link."""
from __future__ import annotations

from nav_pages import find_in_body

from cleaners.generic.nav_cards import find_cards
from cleaners.html import parse_html

URL = "https://news.example.org/news/texas/retired-teachers-cost-of-living-vote/"
PROSE = "<p>" + "Texas voters approved an amendment to the state constitution on Tuesday. " * 6 \
    + "</p>"
HEADLINES = ["New island emerges after undersea volcano erupts",
             "Vatican steps closer to a change in its baptism rules",
             "Stock market today: world shares advance after new data"]


def _find(body: str):
    return find_in_body(body, URL)


def _story(i: int, title: str) -> str:
    href = f"https://news.example.org/news/world/story-{i}/"
    return (f'<article class="list__article"><div class="list__text"><a href="{href}"></a>'
            f'<h3 class="list__title"><a href="{href}">{title}</a></h3></div>'
            f'<figure class="list__thumb"><a href="{href}"><img src="/i{i}.jpg"></a></figure>'
            "</article>")


def test_story_list_beside_a_see_all_link_gives_one_card_per_story():
    box = ('<aside class="post-more-stories article-list">'
           '<h2 class="list__heading"><a href="/news">More Stories</a></h2>'
           f'<div class="list__content">{"".join(_story(i, t) for i, t in enumerate(HEADLINES))}'
           '</div><div class="list__read-more"><a href="/news">More Stories</a></div></aside>')
    top = ('<aside class="post-top-stories article-list"><h2><a href="/news">Top Stories</a>'
           f'</h2><div class="list__content">{_story(7, "MoPac shut down after rollover crash")}'
           f'{_story(8, "Hemphill Elementary will not resume classes Thursday")}</div></aside>')
    links, teasers, _elements = _find(f"<main><article><h1>Retired teachers</h1>{PROSE}"
                                      f'</article><div class="extended-scroll">{top}{box}'
                                      "</div></main>")
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", title, f"https://news.example.org/news/world/story-{i}/")
        for i, title in enumerate(HEADLINES)]


def test_cards_of_a_story_list_beside_a_see_all_link():
    """The list's cards, not one card of the whole list (the "see all" box beside the list
    used to outvote it: one box of cards, one box of a link)."""
    box = ('<aside class="post-more-stories">'
           '<h2><a href="/news">More Stories</a></h2>'
           f'<div class="list__content">{"".join(_story(i, t) for i, t in enumerate(HEADLINES))}'
           '</div><div class="list__read-more"><a href="/news">More Stories</a></div></aside>')
    root, _warnings = parse_html(f"<html><body>{box}</body></html>".encode())
    aside = next(root.iter("aside"))
    cards = find_cards([aside], set())
    assert [(c.title, c.href) for c in cards] == [
        (title, f"https://news.example.org/news/world/story-{i}/")
        for i, title in enumerate(HEADLINES)]


def test_a_cards_breadcrumb_trail_is_no_card():
    card = ('<div class="post_card"><a href="/machine-learning/semi-supervised-images"></a>'
            '<div class="post_card__breadcrumbs"><a href="/blog">Engineering</a>'
            '<a href="/blog/data-science-and-databases">Data Science and Databases</a></div>'
            '<div class="post_card__title"><h3><a href="/machine-learning/semi-supervised-images">'
            "Semi-supervised Image Classification with Unlabeled Data</a></h3></div></div>")
    links, teasers, _elements = _find(f"<main><article><h1>Retired teachers</h1>{PROSE}"
                                      f'</article><aside><div class="read_next"><h2>Read Next'
                                      f"</h2>{card}</div></aside></main>")
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", "Semi-supervised Image Classification with Unlabeled Data",
         "https://news.example.org/machine-learning/semi-supervised-images")]


def test_a_most_popular_column_under_a_read_also_heading_is_not_taken():
    related = "".join(f'<article class="card"><a href="/politique/{i}/story">{t}</a></article>'
                      for i, t in enumerate(HEADLINES))
    popular = "".join(f'<li><a href="/societe/{i}/popular">{i + 1} {t}</a></li>' for i, t in
                      enumerate(["A ranking of the site everybody is reading today",
                                 "Another story of the site that many people read",
                                 "The third of the most read stories of this day"]))
    box = ('<aside class="suggested-content"><h2>À lire aussi</h2><div class="row">'
           f'<div class="col-8"><div class="stories-linked">{related}</div></div>'
           '<div class="col-6"><section class="most-popular"><h3>Les plus populaires</h3>'
           f"<ul>{popular}</ul></section></div></div></aside>")
    links, teasers, _elements = _find(f"<main><article><h1>Retired teachers</h1>{PROSE}"
                                      f"</article>{box}</main>")
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", title, f"https://news.example.org/politique/{i}/story")
        for i, title in enumerate(HEADLINES)]


def test_a_pingback_in_the_comment_thread_is_no_card():
    comment = "<p>" + "I think the amendment helps, but the fund needs more money later. " * 3 + \
        "</p>"
    thread = ('<div class="comments-area" id="comments"><h2>One comment</h2>'
              '<ol class="comment-list"><li class="pingback" id="comment-133">'
              '<div class="comment-body">Pingback: <a href="https://news.example.org/blog/'
              'what-publishers-think-of-a-news-flat-rate/">What publishers think of a news '
              'flat rate – Another Blog</a></div></li>'
              f'<li class="comment"><div class="comment-body">{comment}</div></li></ol>'
              "</div>")
    links, teasers, _elements = _find(f"<main><article><h1>Retired teachers</h1>{PROSE}"
                                      f"</article>{thread}</main>")
    assert (links, teasers) == ([], [])


def test_a_back_to_the_home_page_button_beside_a_grid_of_cards():
    """A grid of short cards (image link, headline, date, author row) and, below it, a row
    holding one button back to the home page: the button is no card, so the grid is opened
    to its cards (before, grid and button were two items of one list, and the grid became
    one card whose "snippet" was another story's headline)."""
    def card(i: int, title: str) -> str:
        href = f"https://news.example.org/polityka/story-{i}/"
        return (f'<div class="col-6"><article class="entry"><div><div class="photo">'
                f'<a href="{href}"></a><img src="/p{i}.jpg"></div><h3><a href="{href}">{title}'
                '</a></h3><p class="entry-meta">29 kwietnia 2021</p></div>'
                '<div class="row entry-autor"><h5><a href="/author/jan/">Jan Kowalski</a></h5>'
                '<a href="/category/polityka/">Polityka</a></div></article></div>')
    grid = "".join(card(i, t) for i, t in enumerate(HEADLINES))
    block = ('<div class="related"><h2 class="headline"><span>Przeczytaj również</span></h2>'
             f'<div class="row">{grid}</div><div class="row"><div class="col-12">'
             '<a href="https://news.example.org" class="button">Powrót do strony głównej</a>'
             "</div></div></div>")
    links, teasers, _elements = _find(f"<main><article><h1>Retired teachers</h1>{PROSE}"
                                      f"{block}</article></main>")
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", title, f"https://news.example.org/polityka/story-{i}/")
        for i, title in enumerate(HEADLINES)]


def _related_box(cards: str) -> tuple[list, list]:
    links, teasers, _elements = _find(f"<main><article><h1>Retired teachers</h1>{PROSE}"
                                      f'<div class="box"><h2>Mehr zum Thema</h2>{cards}</div>'
                                      "</article></main>")
    return [(x.rel, x.title, x.url) for x in links], teasers


def test_a_cards_kicker_and_headline_run_together_are_no_snippet():
    # "<span>Syrien</span><span>Russland und ...</span>": the card's inner block reads
    # "SyrienRussland und ..." -- its own headline again, not a summary
    kickers = ["Syrien", "Mittelmeer", "Nahost"]
    cards = "".join(
        f'<div class="col"><h3><a href="https://news.example.org/news/world/story-{i}/">'
        f'<span class="overline">{k}</span><span class="headline">{t}</span></a></h3></div>'
        for i, (k, t) in enumerate(zip(kickers, HEADLINES, strict=True)))
    links, teasers = _related_box(cards)
    assert teasers == []
    assert [u for _rel, _t, u in links] == [
        f"https://news.example.org/news/world/story-{i}/" for i in range(3)]


def test_another_storys_headline_in_the_same_box_is_no_snippet():
    # boxes of dated headline rows: a box is one item of the block, its longest headline the
    # title; the other rows' headlines were taken for its summary
    rows = "".join(f'<tr><td>0{i}.11.</td><td><a href="https://news.example.org/news/{i}-x/">'
                   f"{t}</a></td></tr>" for i, t in enumerate(HEADLINES))
    box = f'<table class="newsliste"><tr><th colspan="2">Rubrik: Gesundheit</th></tr>{rows}</table>'
    links, teasers = _related_box(box * 2)
    assert teasers == []
    assert links and all(rel == "related" for rel, _t, _u in links)


def test_span_items_of_a_carousels_sets_are_cards():
    # "<div class=set><span class=item><div><a><h3>…</h3></a></div></span>…</div>" x 2: each
    # set was one card (its first headline the title, the next one its "snippet"), half
    # the stories lost
    def item(i: int, title: str) -> str:
        return (f'<span class="teaserStatus"><div class="node"><a href="https://news.example.org'
                f'/news/world/story-{i}/"><span class="img"><img src="/{i}.jpg"></span>'
                f"<h3>{title}</h3></a></div></span>")
    more = ["Why morning walks help you sleep at night", "A small change at dinner that helps",
            "How doctors read a long-term blood pressure chart"]
    titles = HEADLINES + more
    sets = "".join('<div class="relatedContentSet">'
                   + "".join(item(3 * s + k, titles[3 * s + k]) for k in range(3)) + "</div>"
                   for s in range(2))
    links, teasers = _related_box(sets)
    assert teasers == []
    assert [(t, u) for _rel, t, u in links] == [
        (t, f"https://news.example.org/news/world/story-{i}/") for i, t in enumerate(titles)]


def test_a_like_buttons_count_is_no_card_title():
    # each card: a picture link with a like button ("66 Likes", its own address), then a
    # column with a kicker and the headline; the picture's half was a card titled "66 Likes"
    def card(i: int, title: str) -> str:
        href = f"https://news.example.org/news/world/story-{i}/"
        return (f'<article class="node--teaser"><div class="content"><div class="image">'
                f'<a href="{href}"><img src="/{i}.jpg"></a><div class="flag">'
                f'<a href="/flag/like/{i}?token=abc" rel="nofollow">{60 + i} <span>Likes</span>'
                f'</a></div></div><div class="right"><div class="tag"><a href="/news/world">'
                f'World</a></div><h2><a href="{href}">{title}</a></h2></div></div></article>')
    links, teasers = _related_box("".join(card(i, t) for i, t in enumerate(HEADLINES)))
    titles = [t for _rel, t, _u in links] + [t.title for t in teasers]
    assert not any("Likes" in t for t in titles)
    assert [u for _rel, _t, u in links] + [t.url for t in teasers] and \
        not any("/flag/" in u for _rel, _t, u in links)
