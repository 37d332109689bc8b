"""Teaser and related cards found and left out (cleaners/generic/teasers.py, nav_embeds.py,
nav_rails.py, nav_dom.in_chrome), on small pages written after real layouts: a related card
in a body's widget area, a card under an introducing line, a heading wrapped in a dummy
link, the main column's own <footer>, a lead story's grid above more of a site-wide list, a
ranking nested in its first item's box; and cards that are no articles (shop products, a
"Sponsored" card, a native slot, a newsletter card)."""
from __future__ import annotations

import pytest
from nav_pages import find_in_body

from cleaners.html import parse_html
from cleaners.vocab import RELATED_HEADING, SITE_LIST_START

URL = "https://news.example.org/health/2024/05/sleep-and-blood-pressure.html"
PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 3 + "</p>"
BASE = "https://news.example.org/health/2024/04/"
HEADLINES = ["Why your heart rate rises in the morning hours",
             "Five small habits that lower blood pressure for good",
             "What a home monitor tells you and what it does not",
             "How salt and sleep work together on your arteries"]
DEK = "Doctors explain the cortisol peak that wakes the heart before the alarm rings."


def _find(body: str):
    return find_in_body(body, URL)


def _article(inside: str = "", after: str = "") -> str:
    return (f"<header class='site-header'><a href='/'>Home</a></header><main><article>"
            f"<h1>Sleep and blood pressure</h1>{PROSE}{inside}{PROSE}</article>{after}</main>"
            "<footer class='site-footer'><a href='/about'>About us</a></footer>")


def _url(i: int) -> str:
    return f"{BASE}story-{i}.html"


def _items(cards):
    links, teasers, _elements = cards
    return ([(x.rel, x.title, x.url) for x in links],
            [(t.title, t.snippet, t.url) for t in teasers])


def test_related_card_in_the_bodys_widget_area_is_a_teaser():
    # the body's blocks are "article-widget"s: a widget named for related articles holds the
    # article's own card, not a site-wide list
    card = (f"<div class='article-widget article-widget-related_articles'><div class='wrap'>"
            f"<a href='{_url(0)}'><h3>{HEADLINES[0]}</h3><div class='synopsis'>{DEK}</div>"
            "</a></div></div>")
    body = _article(f"<div class='article-widgets'>{PROSE}{card}{PROSE}</div>")
    assert _items(_find(body)) == ([], [(HEADLINES[0], DEK, _url(0))])


def test_a_card_under_a_line_that_introduces_it_is_embedded():
    # the card closes the text: the line above it stands between it and the last paragraph
    card = (f"<div class='box'><em>Follow the outbreak day by day in our live blog:</em></div>"
            f"<div class='box'><article><h3><a href='{_url(1)}'>{HEADLINES[1]}</a></h3>"
            f"<div>{DEK}</div></article></div>")
    body = (f"<main><article><h1>Sleep and blood pressure</h1><div class='text'>{PROSE}{PROSE}"
            f"{card}</div></article><div class='topic'><a href='/health'>Health</a></div></main>")
    assert _items(_find(body)) == ([], [(HEADLINES[1], DEK, _url(1))])


def test_heading_wrapped_in_a_dummy_link_opens_a_block():
    assert RELATED_HEADING.match("Suggested articles")
    cards = "".join(f"<div class='col'><article><figure><a href='{_url(i)}'><img src='x.jpg'>"
                    f"</a></figure><h2><a href='{_url(i)}'>{HEADLINES[i]}</a></h2>"
                    "<time>August 21, 2019</time></article></div>" for i in range(3))
    body = _article(after=f"<div class='c-post-list-slider'><h3 class='c-section-title'>"
                          f"<a href='#'><span>Suggested articles</span></a></h3>"
                          f"<div class='o-row'>{cards}</div></div>")
    assert _items(_find(body)) == ([("related", HEADLINES[i], _url(i)) for i in range(3)], [])


def test_german_heading_similar_alone_opens_a_block():
    assert RELATED_HEADING.match("Ähnliche:") and RELATED_HEADING.match("Ähnliche Nachrichten")
    assert not RELATED_HEADING.match("Ähnliche Themen")  # topics: a tag list


def test_footer_of_the_main_column_holds_the_articles_blocks():
    items = "".join(f"<li><a href='{_url(i)}'><span>Kicker</span> {HEADLINES[i]}</a></li>"
                    for i in range(3))
    body = _article(after=f"<footer><aside class='more-on-the-subject'>"
                          f"<h2>Mehr zum Thema: Gesundheit</h2><ul>{items}</ul></aside></footer>")
    links, _teasers = _items(_find(body))
    assert [url for _rel, _title, url in links] == [_url(i) for i in range(3)]


def test_a_footer_after_a_nested_main_is_the_sites_footer():
    items = "".join(f"<li><a href='{_url(i)}'>{HEADLINES[i]}</a></li>" for i in range(3))
    body = (f"<main class='page'><main><article><h1>Sleep and blood pressure</h1>{PROSE}"
            f"</article></main><footer><h2>Related articles</h2><ul>{items}</ul></footer></main>")
    assert _items(_find(body)) == ([], [])


def _lead_then_more(label: str) -> str:
    lead = (f"<div class='grid'><article class='lead'><a href='{_url(0)}'>{HEADLINES[0]}</a>"
            f"<div>{DEK}</div></article></div>")
    more = "".join(f"<article class='further'><a href='{_url(i)}'>{HEADLINES[i]}</a>"
                   f"<p>{DEK}</p></article>" for i in range(1, 4))
    return (f"<div class='module'><p>{label}</p><div class='col-12'>{lead}"
            f"<div class='grid'>{more}</div></div></div>")


def test_more_cards_under_a_site_wide_list_heading_past_its_lead_grid_are_not_taken():
    assert SITE_LIST_START.match("Topmeldungen") and SITE_LIST_START.match("Top-Themen")
    body = _article(after=f"<div class='teaser-zone'>{_lead_then_more('Topmeldungen')}</div>")
    assert _items(_find(body)) == ([], [])


def test_a_ranking_nested_in_its_first_items_box_keeps_its_heading():
    def entry(i: int) -> str:  # headline, kicker and the headline again for screen readers
        return (f"<article><a href='{_url(i)}'>{HEADLINES[i]}</a><em>Kicker line</em>"
                f"<span>{HEADLINES[i]}</span></article>")
    more = "".join(f"<div class='entry'>{entry(i)}</div>" for i in range(1, 4))
    ranking = (f"<section class='content-list'><span>Meistgelesen</span><div class='col'>"
               f"<div class='list-body'><div class='entry'>{entry(0)}</div><div class='entry'>"
               f"<div class='col'><div class='list-body'>{more}</div></div></div></div></div>"
               "</section>")
    assert _items(_find(_article(after=f"<div class='w-full'>{ranking}</div>"))) == ([], [])


def test_shop_products_under_a_related_heading_are_no_articles():
    products = "".join(
        f"<div class='product--box'><a class='product--title' href='{_url(i)}'>{HEADLINES[i]}"
        "</a><div class='product--price'><span class='price--default'>10,49 €</span></div>"
        "</div>" for i in range(3))
    body = _article(after=f"<div class='related'><h3>You may also like</h3>{products}</div>")
    assert _items(_find(body)) == ([], [])


def test_sponsored_card_and_native_slot_in_a_related_block_are_left_out():
    cards = "".join(f"<div class='related-item'><a href='{_url(i)}'>{HEADLINES[i]}</a></div>"
                    for i in range(2))
    cards += (f"<div class='related-item'><a href='{_url(2)}'><div><div>Sponsored</div>"
              f"<img src='x.jpg'></div><div><p>{HEADLINES[2]}</p></div></a></div>")
    cards += (f"<div id='af-native-left' class='related-item'><a href='{_url(3)}'>"
              f"{HEADLINES[3]}</a><p>{DEK}</p></div>")
    body = _article(after=f"<div class='related'><h3>Read more</h3>{cards}</div>")
    assert _items(_find(body)) == ([("related", HEADLINES[i], _url(i)) for i in range(2)], [])


@pytest.mark.parametrize("path", ["service/newsletter-morning-briefing-1.5249977",
                                  "newsletters/morning-briefing"])
def test_a_newsletter_card_between_paragraphs_is_no_teaser(path):
    card = (f"<figure class='teaser'><a href='https://news.example.org/{path}'>"
            f"<span>Newsletter</span><strong>Your morning briefing on health</strong>"
            f"<span>{DEK}</span></a></figure>")
    assert _items(_find(_article(card))) == ([], [])


def test_a_card_covered_by_an_empty_link_is_titled_by_its_heading():
    # Bootstrap's "stretched-link": the card's own links are its category labels
    cards = "".join(
        f"<div class='col'><article><figure><img src='x.jpg'></figure><h2>{HEADLINES[i]}</h2>"
        "<p>In <a href='/news/news'>News</a>, <a href='/news/europe'>Europe</a> - 26 Sep 2022"
        f"</p><a href='{_url(i)}' aria-label='{HEADLINES[i]}' class='stretched-link'></a>"
        "</article></div>" for i in range(3))
    body = _article(after=f"<div class='row'><h4><span>Related articles</span></h4>"
                          f"<div class='row'>{cards}</div></div>")
    assert _items(_find(body)) == ([("related", HEADLINES[i], _url(i)) for i in range(3)], [])



def test_cards_with_their_own_headings_under_a_heading_box():
    # <div class=secthead><h2>…</h2><ul class=toolbar></ul></div>: the climbed box keeps the
    # <h2>'s rank, so the cards' <h4> kicker and <h3> headline do not end the block
    dek = DEK + " " + DEK  # cards longer than a bare rail's headlines
    items = "".join(f"<li><a href='{_url(i)}'><h4>Kicker</h4><h3>{HEADLINES[i]}</h3>"
                    f"<p>{dek}</p></a></li>" for i in range(3))
    body = _article(after=f"<div class='rack'><div class='secthead'><h2><a name='x'>"
                          f"<span>Mehr zum Thema</span></a></h2><ul class='toolbar'></ul></div>"
                          f"<ul class='sectbody'>{items}</ul></div>")
    assert _items(_find(body)) == ([], [(HEADLINES[i], dek, _url(i)) for i in range(3)])


def test_recommended_from_a_desk_is_a_related_heading():
    assert RELATED_HEADING.match("Recommended from Editorial")
    items = "".join(f"<li class='item'><a href='{_url(i)}'>{HEADLINES[i]}</a></li>"
                    for i in range(2))
    body = _article(after=f"<section class='topic'><div class='title h2'>Recommended from "
                          f"Editorial</div><ol>{items}</ol></section>")
    links, _teasers = _items(_find(body))
    assert [url for _rel, _title, url in links] == [_url(0), _url(1)]


def test_a_link_around_a_whole_card_between_paragraphs_is_a_teaser():
    long_dek = DEK + " " + DEK  # the link's whole text is longer than a headline
    card = (f"<div class='inline-teaser__wrapper'><a class='teaser' href='{_url(2)}'>"
            f"<figure><img src='x.jpg'></figure><div><h2><span>Kicker</span>"
            f"<span class='visually-hidden'>:</span><div><span>{HEADLINES[2]}</span></div></h2>"
            f"<p class='teaser__description'>{long_dek}</p></div></a></div>")
    _links, teasers = _items(_find(_article(card)))
    assert [(url, snippet) for _title, snippet, url in teasers] == [(_url(2), long_dek)]


def test_voucher_pages_in_the_main_columns_footer_are_no_articles():
    deals = "".join(f"<li><a href='https://news.example.org/gutscheine/shop-{i}?utm_medium=leiste'>"
                    f"Shop {i} Gutscheine für jede Kategorie und Rabatt</a></li>" for i in range(4))
    body = _article(after=f"<footer><section class='deals'><h2>Mehr zum Thema Sparen</h2>"
                          f"<ul>{deals}</ul></section></footer>")
    assert _items(_find(body)) == ([], [])


def test_two_dummy_links_in_one_heading_are_a_tab_bar_not_a_heading():
    from cleaners.generic.teasers import _in_link  # the label test of find_blocks
    root, _warnings = parse_html(
        b"<html><body><h4><a href='#'><span>Related articles</span></a>"
        b"<a href='#'>More from author</a></h4><h3><a href='#'><span>Suggested articles"
        b"</span></a></h3></body></html>")
    tabs, single = root.iter("span")
    assert _in_link(tabs)  # "Related articles | More from author": tabs of one box
    assert not _in_link(single)  # a heading dressed as a dummy link


def test_text_colour_utility_classes_name_no_excerpt():
    from cleaners.generic.nav_cards import class_says
    assert not class_says("block text-black-muted dark:text-white-muted", "excerpt")
    assert class_says("item-text", "excerpt") and class_says("md:text-excerpt", "excerpt")
    # a kicker in a span styled "text-…" above the headline is no summary: a related link
    items = "".join(
        f"<li class='entry'><article><div class='grid'><a class='absolute inset-0' "
        f"href='{_url(i)}'><span class='sr-only'>{HEADLINES[i]}</span></a><div class="
        f"'contents'><header><span class='flex text-black-solid'><span class='block "
        f"text-black-muted'><em>Kultband beim Song Contest der Woche?</em></span><span "
        f"class='mt-1'>{HEADLINES[i]}</span></span></header></div></div></article></li>"
        for i in range(3))
    body = _article(after=f"<section class='list'><h2>Zum Thema</h2><ul>{items}</ul></section>")
    assert _items(_find(body)) == ([("related", HEADLINES[i], _url(i)) for i in range(3)], [])


def test_a_lead_card_beside_a_box_of_more_cards_is_opened():
    titles = [*HEADLINES, "Why cold showers do not lower your blood pressure"]

    def card(i: int) -> str:
        return (f"<div class='entry'><article><a href='{_url(i)}'>{titles[i]}</a>"
                f"<em>Kicker</em><span>{DEK} {DEK} {DEK}</span></article></div>")
    more = [f"{BASE}story-{i}.html" for i in range(5)]
    columns = "".join(f"<div class='column'><div class='body'>{card(2 * c + 1)}"
                      f"{card(2 * c + 2)}</div></div>" for c in range(2))
    body = _article(after=f"<section class='list'><h2>Zum Thema</h2><div class='body'>"
                          f"{card(0)}<div class='entry'><div class='wrap'>{columns}</div>"
                          "</div></div></section>")
    links, teasers = _items(_find(body))
    assert [url for _title, _snippet, url in teasers] + [u for _r, _t, u in links] == more


def test_a_box_opening_with_its_own_linked_label_ends_the_block():
    top = "".join(f"<div class='teaser'><a href='{_url(i)}'>{HEADLINES[i]}</a></div>"
                  for i in range(2, 4))
    body = _article(after=f"<div class='column'><h3>Related</h3><ul><li><a "
                          f"href='{_url(0)}'>{HEADLINES[0]}</a></li><li><a href='{_url(1)}'>"
                          f"{HEADLINES[1]}</a></li></ul><section class='top'><div class="
                          f"'headline'><a href='/'>Top Stories</a></div>{top}</section></div>")
    links, _teasers = _items(_find(body))
    assert [url for _rel, _title, url in links] == [_url(0), _url(1)]


def test_topic_pages_under_all_about_are_no_articles():
    from cleaners.vocab import NON_ARTICLE_URL
    assert NON_ARTICLE_URL.search("/all-about/uk-riots")


def test_a_section_heading_that_links_to_its_section_opens_a_block():
    # "<h3><a href='/sci-tech'>More News from Sci-Tech</a></h3>": the heading's whole text is
    # one link to the section's listing, and the cards below it are the section's stories
    assert RELATED_HEADING.match("More News from Sci-Tech")
    cards = "".join(f"<div class='col'><div class='teaser'><a href='{_url(i)}'><img src='x.jpg'>"
                    f"</a><h2><a href='{_url(i)}'>{HEADLINES[i]}</a></h2></div></div>"
                    for i in range(3))
    body = _article(after=f"<div class='splitter'><h3><a href='https://news.example.org/health'>"
                          f"More News from Sci-Tech</a></h3><div class='row'>{cards}</div></div>")
    assert _items(_find(body)) == ([("related", HEADLINES[i], _url(i)) for i in range(3)], [])


def test_a_heading_link_beside_other_words_is_no_heading():
    # a linked label inside a longer line is a link of the line, not the line's heading
    cards = "".join(f"<li><a href='{_url(i)}'>{HEADLINES[i]}</a></li>" for i in range(3))
    body = _article(after=f"<div class='x'><h3>Read <a href='https://news.example.org/health'>"
                          f"More News from Sci-Tech</a> and the archive</h3><ul>{cards}</ul></div>")
    assert _items(_find(body)) == ([], [])


@pytest.mark.parametrize("label", ["Weitere Inhalte laden", "Mehr laden", "Charger plus"])
def test_a_load_more_button_is_no_card(label):
    cards = "".join(f"<li><a href='{_url(i)}'>{HEADLINES[i]}</a></li>" for i in range(3))
    more = f"<li><a href='{BASE}box-more.html'>{label}</a></li>"
    body = _article(after=f"<div class='box'><h2>Mehr zum Thema</h2><ul>{cards}{more}</ul></div>")
    assert _items(_find(body)) == ([("related", HEADLINES[i], _url(i)) for i in range(3)], [])
