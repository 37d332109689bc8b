"""What looks like navigation to another article but is none, on small pages written after
real CMS markup (the sixth round of cleaners/generic navigation work, bench/README.md): a
gallery's rel=next arrow inside the article; links that carry the page's own article id; a
card leading to paid content; a list without a name outside the article's top box; the
entries of one live article; a menu box under its own heading after a related heading; a
subtitle or byline under a card's headline, which is no snippet; a card's section link; job
ads, subscription offers and titles without words; links to this page with a query and an
anchor; a text block that repeats the headline after a label; a call to action alone on its
line; the next item of a card's list as its snippet; page 2 of this article ("/seite-2").
And what is: a topic box listing this
article among its three stories; cards of one kind in a row after a paragraph; a list without
a name whose cards name their excerpts."""
from __future__ import annotations

from nav_pages import find_in_body

URL = "https://news.example.org/health/2024/05/sleep-and-blood-pressure-4711.html"
SITE = "https://news.example.org"
PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 4 + "</p>"


def _find(body: str, head: str = "", url: str = URL):
    return find_in_body(body, url, head)


def _article(after: str = "", inside: str = "") -> str:
    return (f'<header class="site-header"><a href="/">Home</a></header><main><article>'
            f"<h1>Sleep and blood pressure</h1>{PROSE}{inside}{PROSE}</article>{after}</main>")


def test_gallery_arrow_with_rel_next_is_no_next_article():
    # Stern-like: an inline gallery (a custom element) whose arrow carries rel="next" and
    # leads to the gallery's own page of pictures
    gallery = (f'<ws-gallery class="ws-gallery"><figure><img src="a.jpg" alt=""></figure>'
               f'<a class="ws-gallery__button" rel="next" '
               f'href="{SITE}/politics/sleep-in-pictures-fotos_123-456.html"></a></ws-gallery>')
    links, teasers, _elements = _find(_article(inside=gallery))
    assert (links, teasers) == ([], [])


def test_rel_next_outside_a_gallery_is_still_next():
    nxt = (f'<div class="post-nav"><a rel="next" href="{SITE}/health/2024/05/next-story.html">'
           f"Why naps help the heart</a></div>")
    links, _teasers, _elements = _find(_article(after=nxt))
    assert [(x.rel, x.url) for x in links] == [("next", f"{SITE}/health/2024/05/next-story.html")]


def test_links_carrying_the_pages_article_id_are_about_this_article():
    # Nikkan-like picture page of this article between paragraphs; Yomiuri-like "report on
    # this article" form; a translation of it: none leads to another article
    url = f"{SITE}/articles/view/health/367061"
    pictures = (f'<div class="photo-box"><figure>'
                f'<a href="{SITE}/articles/image/health/367061/2871">'
                f"<img src=x.jpg>Doctors measure blood pressure at night in the sleep lab "
                f"(photo)</a></figure></div>")
    report = (f'<div class="uservoice"><a href="{SITE}/voc/report?i=367061">'
              f"Send us a report about this article here</a></div>")
    body = (f"<main><article><h1>Sleep and blood pressure</h1>{PROSE}{pictures}{PROSE}"
            f"{report}{PROSE}</article></main>")
    links, teasers, _elements = _find(body, url=url)
    assert (links, teasers) == ([], [])


def test_another_article_with_a_longer_id_is_still_related():
    url = f"{SITE}/articles/view/health/367061"
    card = (f'<aside class="card"><a href="{SITE}/articles/view/health/3670612">'
            f"<h3>Five small habits that lower blood pressure for good</h3></a></aside>")
    body = f"<main><article><h1>Sleep and blood pressure</h1>{PROSE}{card}{PROSE}</article></main>"
    links, _teasers, _elements = _find(body, url=url)
    assert [x.url for x in links] == [f"{SITE}/articles/view/health/3670612"]


def test_a_post_named_by_its_query_id_is_another_article_not_a_page_of_this_one():
    # WordPress without permalinks: the post is "/?p=2895", its neighbours "/?p=2866" and
    # "/?p=2905"; a page number on such a page is another key ("/?p=2895&page=2")
    from cleaners.generic.nav_pages import other_article

    url = f"{SITE}/?p=2895"
    assert other_article(f"{SITE}/?p=2866", url)
    assert not other_article(f"{SITE}/?p=2895&page=2", url)
    assert not other_article(f"{SITE}/articles/sleep.html?p=2", f"{SITE}/articles/sleep.html")
    pager = (f'<div class="pageNav"><div class="prev"><a href="{SITE}/?p=2866">« Vorheriger '
             f'Beitrag</a></div><div class="next"><a href="{SITE}/?p=2905">Nachfolgender '
             "Beitrag »</a></div></div>")
    body = f"<main><article><h1>Sleep and blood pressure</h1>{PROSE}{PROSE}</article>{pager}</main>"
    links, _teasers, _elements = _find(body, url=url)
    assert [(x.rel, x.url) for x in links] == [("prev", f"{SITE}/?p=2866"),
                                               ("next", f"{SITE}/?p=2905")]


def test_card_to_paid_content_between_paragraphs_is_no_related_link():
    # Dagbladet-like: preview cards between paragraphs; one leads to the paid folder
    def card(href, title):
        return f'<article class="preview"><a href="{href}"><h3>{title}</h3></a></article>'
    paid = card(f"{SITE}/annonse/cheap-trips-to-the-sun/81329020?id=12",
                "How to travel south for less this winter")
    real = card(f"{SITE}/health/2024/04/story-1.html", "Why naps help the heart more than coffee")
    links, teasers, _elements = _find(_article(inside=paid + PROSE + real))
    assert teasers == []
    assert [x.url for x in links] == [f"{SITE}/health/2024/04/story-1.html"]


def _plain_rail(heading: str) -> str:
    # items in the article's section folder ("/health/"): a list of other folders' stories is
    # no rail by itself (nav_sitewide.off_section)
    items = "".join(f'<li><h3><a href="{SITE}/health/{770 + i}4900">{t}</a></h3></li>' for i, t in
                    enumerate(("Bank reports a quarterly profit of ten billion",
                               "Cloud provider completes a large leasing project",
                               "Post office makes pension delivery more modern")))
    return f"<div><p>{heading}</p><ul>{items}</ul></div>"


def test_a_list_without_a_name_outside_the_articles_top_box_is_not_a_rail():
    # Kommersant-like: "<div class=layout>" with the article, then another top-level band
    # of company news between it and the footer
    page = (f'<div class="layout"><main><article><h1>Sleep and blood pressure</h1>{PROSE}'
            f'</article></main></div><div class="band">{_plain_rail("Company news")}</div>'
            f"<footer>(c) news</footer>")
    links, teasers, _elements = _find(page)
    assert (links, teasers) == ([], [])
    # the same list in the article's own top box stays a rail
    page = (f'<div class="layout"><main><article><h1>Sleep and blood pressure</h1>{PROSE}'
            f"</article>{_plain_rail('Health')}</main></div><footer>(c) news</footer>")
    links, _teasers, _elements = _find(page)
    assert len(links) == 3


def test_entries_of_one_live_article_are_no_rail():
    # Seznam-like: a list of a live article's latest entries, each linking to the live
    # article's path with another entry in its query
    live = f"{SITE}/article/live-tariffs-on-imports-273085"
    items = "".join(f'<li><a href="{live}?timeline--pageItem={27367 + i}">{t}</a></li>'
                    for i, t in enumerate(("Asian shares recover after a historic drop",
                                           "Billionaire tried to talk the president out of it",
                                           "China says it will not give in to blackmail")))
    box = f'<div class="summary"><ul>{items}</ul></div>'
    links, teasers, _elements = _find(_article(after=box))
    assert (links, teasers) == ([], [])


def test_a_box_under_its_own_heading_ends_a_related_heading_region():
    # Seznam-like: "You might also like" (filled by script, empty in the saved page), then
    # a services menu under a heading of its own rank: its links are no related articles
    services = "".join(f'<li><a href="{SITE}/campus/p/{i}">{t}</a></li>' for i, t in
                       enumerate(("How to choose a secondary school",
                                  "Where to study medicine after school",
                                  "What an apprenticeship pays in the first year")))
    box = (f'<aside class="main-end"><h6>You might also like</h6><div class="slot"></div>'
           f"<nav><h6>More services</h6><div><ul>{services}</ul></div></nav></aside>")
    links, teasers, _elements = _find(_article(after=box))
    assert (links, teasers) == ([], [])


def test_a_related_heading_region_still_holds_its_list():
    items = "".join(f'<li><a href="{SITE}/health/2024/04/story-{i}.html">{t}</a></li>'
                    for i, t in enumerate(("Why naps help the heart more than coffee",
                                           "Five small habits that lower blood pressure")))
    box = f"<section><h6>You might also like</h6><div><ul>{items}</ul></div></section>"
    links, _teasers, _elements = _find(_article(after=box))
    assert [x.url for x in links] == [f"{SITE}/health/2024/04/story-{i}.html" for i in range(2)]


def test_a_short_subtitle_or_byline_under_a_headline_is_no_snippet():
    # Kleine-Zeitung-like cards: a subtitle line, a byline, a real summary
    def card(i, title, line):
        return (f'<li class="related-item"><a href="{SITE}/health/2024/04/story-{i}.html">'
                f"<h3>{title}</h3></a><p>{line}</p></li>")
    box = ('<ul class="related-articles">'
           + card(0, "Mayor says the fire is not out yet", "After explosions at the landfill")
           + card(1, "Digital payments raise six billion for the state",
                  "By Daily News Reporter in Dodoma")
           + card(2, "Why naps help the heart more than coffee",
                  "A study of 3,000 adults finds that a short nap lowers blood pressure "
                  "more than a cup of coffee does.")
           + "</ul>")
    links, teasers, _elements = _find(_article(after=box))
    assert [x.url for x in links] == [f"{SITE}/health/2024/04/story-{i}.html" for i in (0, 1)]
    assert [(t.url, t.snippet[:12]) for t in teasers] == [
        (f"{SITE}/health/2024/04/story-2.html", "A study of 3")]


def test_a_link_to_the_folder_of_another_card_is_its_section():
    # France-Culture-like "À écouter aussi" box: the show's page above its episode
    show = f"{SITE}/shows/the-health-hour"
    box = (f'<aside class="bounce"><span class="bounce-title">Read also</span>'
           f'<div><a href="{show}"><span>The Health Hour</span></a>'
           f'<div><a href="{show}/sleep-and-the-heart-part-two">Sleep and the heart, part two: '
           f"the night shift</a></div></div></aside>")
    links, teasers, _elements = _find(_article(after=box))
    assert teasers == []
    assert [x.url for x in links] == [f"{show}/sleep-and-the-heart-part-two"]


def test_job_ads_subscription_offers_and_bare_durations_are_no_related_articles():
    # FAZ-like job scroller in a related box, a Freie-Presse-like app offer, a WDR-like
    # audio card whose only text is its length
    jobs = "".join(f'<li><a href="https://jobs.example.org/job/{t.lower()[:8]}.{i}.html">{t}</a></li>'
                   for i, t in enumerate(("Head of Controlling (m/w/d) in Frankfurt",
                                          "Managing Director (w/m/d) for a hospital group")))
    real = "".join(f'<li><a href="{SITE}/health/2024/04/story-{i}.html">{t}</a></li>'
                   for i, t in enumerate(("Why naps help the heart more than coffee",
                                          "Five small habits that lower blood pressure")))
    offer = (f'<li><a href="{SITE}/abo-service/news-app">You are reading the second best way: '
             f"get the app</a></li>")
    audio = f'<li><a href="{SITE}/audio/sleep-podcast-100.html">45:47</a></li>'
    box = f'<ul class="related-articles">{jobs}{offer}{audio}{real}</ul>'
    links, teasers, _elements = _find(_article(after=box))
    assert teasers == []
    assert [x.url for x in links] == [f"{SITE}/health/2024/04/story-{i}.html" for i in range(2)]


def test_links_to_this_pages_path_with_a_query_and_an_anchor_are_this_page():
    # Zeit-like comment thread: "+ 7 more replies" links to this page's path with a
    # comment id in the query and an anchor
    replies = "".join(f'<li class="thread"><a href="{URL}?cid={51160 + i}#cid-{51150 + i}">'
                      f"+ {7 + i} more replies to this comment shown</a></li>" for i in range(3))
    links, teasers, _elements = _find(_article(after=f'<ul class="more-stories">{replies}</ul>'))
    assert (links, teasers) == ([], [])


def test_a_block_repeating_the_headline_after_a_label_is_no_snippet():
    # Nine-like "READ MORE: <headline>" and ZDF-like "<kicker>:<headline>" text blocks
    def card(i, title, text):
        return (f'<li class="related-item"><a href="{SITE}/health/2024/04/story-{i}.html">'
                f"<h3>{title}</h3></a><p>{text}</p></li>")
    t0 = "Woman in her nineties found alive five days after the quake"
    t1 = "Nahost experts see no appetite for a wider war"
    box = ('<ul class="related-articles">' + card(0, t0, f"READ MORE: {t0}")
           + card(1, t1, f"After the attack on the border:{t1}") + "</ul>")
    links, teasers, _elements = _find(_article(after=box))
    assert teasers == []
    assert [x.title for x in links] == [t0, t1]


def test_a_call_to_action_line_between_paragraphs_is_no_card():
    # Creative-Commons-like "Learn more about our Affiliate Network" alone on its line
    cta = (f'<p><a href="{SITE}/about/global-affiliate-network/">'
           "Learn more about our network</a></p>")
    links, teasers, _elements = _find(_article(inside=cta))
    assert (links, teasers) == ([], [])


def _topic_box(n_others: int) -> str:
    here = f'<li><a href="{URL}">Sleep and blood pressure: what the night tells the heart</a></li>'
    others = "".join(f'<li><a href="{SITE}/health/2024/04/story-{i}.html">Another story number '
                     f"{i} about the heart at night</a></li>" for i in range(n_others))
    return f"<div><div>Heart health</div><ul>{here}{others}</ul></div>"


def test_a_topic_box_listing_this_article_among_three_is_a_rail():
    # Les-Echos-like: the section's three latest stories, this one marked active
    links, teasers, _elements = _find(_article(after=_topic_box(2)))
    assert teasers == []
    assert [x.url for x in links] == [f"{SITE}/health/2024/04/story-{i}.html" for i in range(2)]


def test_a_box_of_this_article_and_one_other_is_no_rail():
    links, teasers, _elements = _find(_article(after=_topic_box(1)))
    assert (links, teasers) == ([], [])


def test_cards_of_one_kind_in_a_row_after_a_paragraph_are_all_embedded():
    # futurezone-like <teaserparagraph> cards in a row after the last paragraph: each but
    # the first has only its like beside it
    def card(i, title):
        return (f'<teaserparagraph><a class="teaser-title" href="{SITE}/b2b/story-{i}/40043297{i}">'
                f"<h2>{title}</h2></a><p>Tech</p></teaserparagraph>")
    cards = "".join(card(i, t) for i, t in enumerate(("Ride-hailing firm loses a case in court",
                                                      "Robotaxi maker asks carmakers for money",
                                                      "Rival ride firm raises billions on debut")))
    body = (f'<main><article><h1>Sleep and blood pressure</h1><div class="paragraphs">{PROSE}'
            f"{cards}</div></article></main>")
    links, _teasers, _elements = _find(body)
    assert [x.url for x in links] == [f"{SITE}/b2b/story-{i}/40043297{i}" for i in range(3)]


def test_the_next_item_of_a_cards_list_is_not_its_snippet():
    # Postmedia-like list: an ad slot fills the <li> after a card
    titles = ("Why naps help the heart more than coffee",
              "Five small habits that lower blood pressure",
              "What a home monitor tells you and what it does not")
    items = [f'<li class="item"><a href="{SITE}/health/2024/04/story-{i}.html">'
             f"<span>{t}</span></a></li>" for i, t in enumerate(titles)]
    ad = ('<li class="item"><div class="native">Advertisement. Story continues below. This '
          "advertisement has not loaded yet, but your article continues below.</div></li>")
    box = f'<ol class="related-articles">{items[0]}{ad}{items[1]}{items[2]}</ol>'
    links, teasers, _elements = _find(_article(after=box))
    assert teasers == []
    assert [x.url for x in links] == [f"{SITE}/health/2024/04/story-{i}.html" for i in range(3)]


def test_page_two_of_this_article_named_in_words_is_no_next_article():
    # Zeit-like <link rel=next> to ".../seite-2" of the same article
    head = f'<link rel="next" href="{URL.removesuffix(".html")}/seite-2">'
    links, teasers, _elements = _find(_article(), head=head)
    assert (links, teasers) == ([], [])


def test_a_list_without_a_name_of_cards_with_named_excerpts_is_a_rail():
    # MexicoNewsDaily-like (a WordPress theme's module grid): no rail class name, but each
    # card names its excerpt; items too long for a bare-headline rail; items in the article's
    # section folder, as there ("/news/" beside a "/news/" article)
    titles = ("Drought paralyzes northern states water deliveries to the US",
              "Justice department returns thirteen convicted nationals",
              "US announces a tariff on tomatoes starting in July")
    items = "".join(
        f'<div class="span4"><div class="wrap"><h3 class="entry-title"><a href="{SITE}/health/'
        f'story-{i}/">{t}</a></h3><div class="meta">April 15, 2025</div><div class="td-excerpt">'
        f"In the past five years the state has sent less than a third of the water it owes; "
        f"farmers on both sides of the border worry about the next season.</div></div></div>"
        for i, t in enumerate(titles))
    links, teasers, _elements = _find(_article(after=f'<div><div class="row">{items}</div></div>'))
    assert links == []
    assert [t.url for t in teasers] == [f"{SITE}/health/story-{i}/" for i in range(3)]
