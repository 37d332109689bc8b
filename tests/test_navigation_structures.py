"""Related blocks and what is none, on small pages written after real CMS markup (the fourth
round of cleaners/generic navigation work, bench/README.md): class names the scan missed
("more-posts", "relations"), a related box that also holds a job scroller, rails of
stretched card links, headings in an article's own <footer> or in a named anchor, kicker
headings inside card links, embedded cards with section kickers, bylines and kicker lines;
and the lists that stay out (a compound "…-Aktuell" heading, an author's latest, a sidebar
block after an empty "Leggi anche", guillemet quotes in a menu, a link to a home page)."""
from __future__ import annotations

from nav_pages import find_in_body

URL = "https://news.example.org/health/2024/05/sleep-and-blood-pressure.html"
SITE = "https://news.example.org"
PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 4 + "</p>"
HEADLINES = ["Why your heart rate rises in the morning hours",
             "Five small habits that lower blood pressure for good",
             "What a home monitor tells you and what it does not"]
HREFS = [f"{SITE}/health/2024/04/story-{i}.html" for i in range(3)]
PAIRS = list(zip(HREFS, HEADLINES, strict=True))


def _find(body: str, head: str = ""):
    return find_in_body(body, URL, head)


def _article(after: str = "", inside: str = "") -> str:
    return (f'<header class="site-header"><a href="/">Home</a></header><main><article>'
            f"<h1>Sleep and blood pressure</h1>{PROSE}{inside}{PROSE}</article>{after}</main>")


def _related(links) -> list[tuple[str, str, str]]:
    return [(x.rel, x.title, x.url) for x in links]


def test_more_posts_box_is_a_related_block():
    # Metro-like: <aside class="more-posts"> with an image link and a title link per item
    items = "".join(f'<li class="item"><a href="{h}"><img src="x.jpg" alt=""></a>'
                    f'<a href="{h}"><h3>{t}</h3></a></li>' for h, t in PAIRS)
    links, teasers, _elements = _find(_article(
        f'<aside class="more-posts more-posts-main widget"><ul>{items}</ul></aside>'))
    assert teasers == []
    assert _related(links) == [("related", t, h) for h, t in PAIRS]


def test_relations_list_of_a_topic_widget_is_a_related_block():
    # NRK-like: a topic link heading, then <div class="relations"> of <div class="relation">
    items = "".join(f'<div class="col relation"><div class="plug"><a href="{h}">'
                    f'<figure></figure><div class="plug-teaser"><h2 class="title">{t}</h2>'
                    f"</div></a></div></div>" for h, t in PAIRS)
    links, teasers, _elements = _find(_article(
        f'<div class="universe widget"><h3><a href="{SITE}/topic/sleep-1.2">Sleep</a></h3>'
        f'<div class="flow-content container-widget relations">{items}</div></div>'))
    assert teasers == []
    assert _related(links) == [("related", t, h) for h, t in PAIRS]


def test_related_section_keeps_its_article_cards_beside_a_job_scroller():
    # Sermitsiaq-like: section.related holds a job scroller (another site) and rows of
    # <article> cards
    jobs = "".join(f'<li><a href="https://jobs.example.net/job/{i}"><h3>Nurse wanted for the '
                   f"night shift at the hospital number {i}</h3></a></li>" for i in range(8))
    rows = "".join(f'<div class="row"><article class="col"><a href="{h}"><h2>{t}</h2></a>'
                   f"</article><article class=\"col\"><a href=\"{h}x\"><h2>{t} (2)</h2></a>"
                   f"</article></div>" for h, t in PAIRS[:2])
    links, teasers, _elements = _find(_article(
        f'<section class="related"><div class="row"><div class="scroller">'
        f'<h2><a href="https://jobs.example.net/">See all jobs</a></h2><ul>{jobs}</ul></div>'
        f"</div>{rows}</section>"))
    assert teasers == []
    assert _related(links) == [
        ("related", HEADLINES[0], HREFS[0]), ("related", HEADLINES[0] + " (2)", HREFS[0] + "x"),
        ("related", HEADLINES[1], HREFS[1]), ("related", HEADLINES[1] + " (2)", HREFS[1] + "x")]


def _stretched_rail(heading: str) -> str:
    # MotorSport-Magazin-like: an empty link over each card, its headline in the title
    items = "".join(f'<article><a href="{h}" title="{t}"></a><figure></figure>'
                    f"<header><strong>{t}</strong></header></article>"
                    for h, t in PAIRS)
    return (f'<aside class="news-list news-box"><strong class="bhl">{heading}</strong>{items}'
            f'<div><a href="{SITE}/health/news.html">All {heading}</a></div></aside>')


def test_rail_of_stretched_card_links_takes_the_title_attribute():
    links, teasers, _elements = _find(_article(inside=_stretched_rail("Health News")))
    assert teasers == []
    assert _related(links) == [("related", t, h) for h, t in PAIRS]


def test_rail_headed_by_a_compound_ending_in_a_site_list_word_is_site_wide():
    items = "".join(f'<article><a href="{h}">{t}</a></article>' for h, t in PAIRS)
    for heading in ("Motorsport-Aktuell", "Sport aktuell", "Gesundheit - Neueste Artikel"):
        links, teasers, _elements = _find(_article(
            inside=f'<aside class="news-list"><strong>{heading}</strong>{items}</aside>'))
        assert (links, teasers) == ([], []), heading
    links, _teasers, _elements = _find(_article(
        inside=f'<aside class="news-list"><strong>Health News</strong>{items}</aside>'))
    assert len(links) == 3


def test_a_script_filled_related_box_does_not_take_the_next_titled_block():
    # IlGiornale-like sidebar: "Leggi anche" with an empty body, then "Rubriche"
    cards = "".join(f'<article class="card"><a href="{h}" class="card__title">{t}</a>'
                    f"</article>" for h, t in PAIRS)
    sidebar = ('<aside class="article-sidebar"><section class="block block--stack">'
               '<div class="section-title"><div class="section-title__title"><span>Leggi '
               'anche</span></div></div><div class="block__content"><div class="loader">'
               '</div></div></section><section class="block block--stack block--opinion">'
               '<div class="section-title"><div class="section-title__title"><span>Rubriche'
               f'</span></div></div><div class="block__content">{cards}</div></section>'
               "</aside>")
    links, teasers, _elements = _find(_article(after=sidebar))
    assert (links, teasers) == ([], [])


def test_a_label_row_opens_the_grid_row_of_cards_after_it():
    # Bootstrap grid under the article: a row holding the label "Lies auch", the next row
    # holding the cards, each with a kicker line before its headline. The kicker is the
    # cards' line, not the title of another block of the label's kind. One headline is
    # short, so the row is no unlabelled rail of headlines: only the label makes it a block.
    pairs = [*PAIRS[:2], (f"{SITE}/health/2024/04/salt.html", "Salt at night")]
    cards = "".join(f'<div class="col-md-4"><article class="teaser"><div class="teaser-head">'
                    f'<span class="teaser-kicker">Kicker {i}</span><span class="teaser-title">'
                    f'<a href="{h}">{t}</a></span></div></article></div>'
                    for i, (h, t) in enumerate(pairs))
    bottom = ('<aside class="article-bottom"><div class="row"><div class="col-xs-12">'
              '<div class="main-title">Lies auch</div></div></div>'
              f'<div class="row">{cards}</div></aside>')
    links, teasers, _elements = _find(_article(after=bottom))
    assert _related(links) == [("related", t, h) for h, t in pairs] and teasers == []


def test_a_layout_naming_its_header_and_sidebar_is_the_page_not_a_sidebar():
    # Drupal-like: the whole page sits in "layout-width-header-and-sidebar"; the teaser list
    # after the text is a rail of the article, not a sidebar's or a header's list
    cards = "".join(f'<article class="node node--teaser"><a href="{h}"><header><h3>{t}</h3>'
                    f'</header><div class="field--summary">A summary of the story in one '
                    f"sentence, number {i}.</div></a></article>"
                    for i, (h, t) in enumerate(PAIRS))
    body = ('<div class="panel-display layout-width-header-and-sidebar"><main><article>'
            f"<h1>Sleep and blood pressure</h1>{PROSE}{PROSE}</article>"
            f'<div class="content-list--teaser"><div class="field--content-list">{cards}</div>'
            "</div></main></div>")
    links, teasers, _elements = _find(body)
    assert links == [] and [(t.title, t.url) for t in teasers] == [(t, h) for h, t in PAIRS]


def test_a_box_named_for_the_footer_that_holds_the_headline_is_no_footer():
    # the whole page in "<div class=above-footer>": its "Related:" line is the article's
    h, t = PAIRS[0]
    body = ('<div class="above-footer"><div class="post-content"><section class="article-content">'
            f"<h1>Sleep and blood pressure</h1>{PROSE}{PROSE}"
            f'<p><strong>Related:</strong> <a href="{h}">{t}</a></p></section></div></div>'
            '<footer class="site-footer"><p><strong>Related:</strong> <a href="/about/">About '
            "the newsroom and its editors</a></p></footer>")
    links, teasers, _elements = _find(body)
    assert _related(links) == [("related", t, h)] and teasers == []


def test_a_header_element_that_holds_the_whole_page_is_no_site_header():
    # a theme that opens <header id=page-header> and closes it after the article: its
    # "Mehr zum Thema" box is the article's
    cards = "".join(f'<div class="teaser"><a href="{h}"><h2 class="teaser-title">{t}</h2>'
                    f'<p class="excerpt">A summary of the story in one sentence, number {i}.'
                    "</p></a></div>" for i, (h, t) in enumerate(PAIRS))
    body = ('<header id="page-header"><div class="wrapper"><h1>Sleep and blood pressure</h1>'
            f'{PROSE}{PROSE}<div class="grid-box"><h2 class="boxtitle"><span>Mehr zum Thema'
            f"</span></h2>{cards}</div></div></header>")
    links, teasers, _elements = _find(body)
    assert links == [] and [(t.title, t.url) for t in teasers] == [(t, h) for h, t in PAIRS]


def test_teasers_in_the_main_menus_flyouts_are_the_sites_not_the_articles():
    # a sports portal's mega menu: each section's flyout shows "Die Redaktion empfiehlt" cards
    cards = "".join(f'<div class="teaser"><a href="{h}">{t}</a></div>' for h, t in PAIRS)
    menu = ('<div class="header-wrap"><nav class="menu"><ul id="mainmenu"><li class="has-kids">'
            '<a href="/formel-1/">Formel 1</a><div class="sub-menu-container"><div '
            'class="menu-teasers"><div class="block-title">Die Redaktion empfiehlt</div>'
            f"{cards}</div></div></li></ul></nav></div>")
    links, teasers, _elements = _find(menu + _article())
    assert (links, teasers) == ([], [])


def test_a_box_named_for_the_articles_own_footer_is_no_site_footer():
    # "<footer class=single-article-footer>" after the article's <div> (no <article>
    # element shields it): its "das könnte Ihnen auch gefallen" block is the article's
    cards = "".join(f'<article class="item"><div class="content"><a href="{h}"><img '
                    f'src="t.jpg" alt=""><span class="title">{t}</span></a></div></article>'
                    for h, t in PAIRS)
    body = ('<div class="primary"><div class="entry"><h1>Sleep and blood pressure</h1>'
            f'{PROSE}{PROSE}</div><footer class="single-article-footer"><div class="read-more">'
            '<div class="scroll-title"><h4>das könnte Ihnen auch gefallen</h4></div>'
            f'<div class="scroll">{cards}</div></div></footer></div><footer class="site-footer">'
            '<h4>Lesen Sie auch</h4><a href="/about/">About the newsroom and its editors</a>'
            "</footer>")
    links, teasers, _elements = _find(body)
    assert _related(links) == [("related", t, h) for h, t in PAIRS] and teasers == []


def test_a_related_classed_box_of_the_sites_videos_is_its_media_feed():
    # a games site's "related-wrapper" slider: every card leads into /video/; a box of
    # stories so classed stays a related block
    videos = "".join(f'<div class="slide"><a href="{SITE}/video/clip-{i}/">{t}</a></div>'
                     for i, (_h, t) in enumerate(PAIRS))
    stories = "".join(f'<div class="slide"><a href="{h}">{t}</a></div>' for h, t in PAIRS)
    links, teasers, _elements = _find(_article(f'<div class="related-wrapper">{videos}</div>'))
    assert (links, teasers) == ([], [])
    links, _teasers, _elements = _find(_article(f'<div class="related-wrapper">{stories}</div>'))
    assert _related(links) == [("related", t, h) for h, t in PAIRS]


def test_a_rail_of_the_authors_latest_articles_is_not_related():
    items = "".join(f'<li class="recirculation-item"><a href="{h}">{t}</a></li>'
                    for h, t in PAIRS)
    links, teasers, _elements = _find(_article(
        f'<aside class="recirculation-block recirculation-block--more-content-from-the-author">'
        f'<ul class="recirculation-list">{items}</ul></aside>'))
    assert (links, teasers) == ([], [])


def test_a_more_from_heading_naming_the_byline_author_is_not_related():
    items = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in PAIRS)
    byline = f'<p class="byline">By <a href="{SITE}/author/jane-doe/">Jane Doe</a></p>'
    links, teasers, _elements = _find(_article(
        inside=byline, after=f"<section><h2>More from Jane Doe</h2><ul>{items}</ul></section>"))
    assert (links, teasers) == ([], [])
    # the same list under a section name is related (docs/annotation.md)
    links, _teasers, _elements = _find(_article(
        inside=byline, after=f"<section><h2>More from Health</h2><ul>{items}</ul></section>"))
    assert _related(links) == [("related", t, h) for h, t in PAIRS]


def test_guillemet_quotes_in_a_menu_are_no_prev_next_arrows():
    # LeMonde-like header menu: article links whose titles open and close with « »
    menu = (f'<div class="Nav__content"><a class="article" href="{HREFS[0]}"><p>« “Barbie” et '
            f'“Bien trop petit” partagent une expérience estivale »</p></a><a class="article" '
            f'href="{HREFS[1]}"><p>« Zahia Ziouani, un temps d’avance », sur MyCanal</p></a>'
            "</div>")
    links, teasers, _elements = _find(_article(inside=menu))
    assert (links, teasers) == ([], [])


def test_a_next_classed_link_to_a_home_page_is_no_next_article():
    modal = ('<section class="capping"><p>Vous lisez sur un autre appareil</p><a class="button '
             'capping__cta--next" href="https://account.example.org">Découvrir les offres '
             "multicomptes</a></section>")
    links, _teasers, _elements = _find(_article(after=modal))
    assert links == []


def test_a_kicker_heading_inside_a_card_link_is_not_its_title():
    # rechtambild-like: <a><h4>Kicker</h4>Headline</a>
    items = "".join(f'<div class="column"><a href="{h}"><h4 class="schlagwort">Topic</h4>{t}'
                    f"</a></div>" for h, t in PAIRS)
    links, teasers, _elements = _find(_article(
        f'<div class="box-related"><h3>Ähnliche Beiträge</h3>{items}</div>'))
    assert teasers == []
    assert _related(links) == [("related", t, h) for h, t in PAIRS]


def test_a_related_list_in_the_articles_own_footer_is_taken():
    # SZ-like: <footer class="endofarticle"> holds "Mehr zum Thema" (a site <footer> does not)
    items = "".join(f'<li><a href="{h}"><strong>{t}</strong></a></li>'
                    for h, t in PAIRS)
    block = (f'<aside class="more-on-the-subject"><span>Mehr zum Thema</span><ul>{items}</ul>'
             "</aside>")
    links, _teasers, _elements = _find(
        f'<div id="wrapper"><main><article><h1>Sleep</h1>{PROSE}{PROSE}</article></main>'
        f'<footer class="endofarticle">{block}</footer></div>')
    assert _related(links) == [("related", t, h) for h, t in PAIRS]
    links, teasers, _elements = _find(
        f'<main><article><h1>Sleep</h1>{PROSE}{PROSE}</article></main>'
        f'<footer class="site">{block}</footer>')
    assert (links, teasers) == ([], [])


def test_a_heading_inside_a_named_anchor_opens_its_block():
    # taz-like: <h2><a name="Mehr zum Thema"><span>Mehr zum Thema</span></a></h2>
    dek = "Ministries agreed on a draft that goes to the associations next week for comment."
    items = "".join(f'<li><a href="{h}"><h3>{t}</h3><p>{dek}</p></a></li>'
                    for h, t in PAIRS)
    links, teasers, _elements = _find(_article(
        '<div class="sect"><div class="secthead"><h2><a name="Mehr%20zum%20Thema"><span>Mehr '
        f'zum Thema</span></a></h2></div><ul class="directory">{items}</ul></div>'))
    assert links == []
    assert [(t.title, t.snippet, t.url) for t in teasers] == [
        (t, dek, h) for h, t in PAIRS]


def test_an_embedded_card_with_a_byline_link_is_a_related_link():
    # Vogue-like: label, linked headline, "Von <a>author</a>"
    card = (f'<div class="embed"><div class="embed-text"><div class="rubric">Lesen Sie mehr'
            f'</div><a class="hed-link" href="{HREFS[0]}"><span>{HEADLINES[0]}</span></a>'
            f'<div class="bylines"><p class="byline">Von <a href="{SITE}/redaktion/jane-doe">'
            f'Jane Doe</a></p></div></div><a href="{HREFS[0]}"></a></div>')
    links, teasers, _elements = _find(_article(inside=card))
    assert teasers == []
    assert _related(links) == [("related", HEADLINES[0], HREFS[0])]


def test_embedded_teaser_with_a_section_kicker_and_a_linked_summary():
    # futurezone-like custom elements inside <article class="article-ad-marker">
    dek = "The ride-hailing service lost its motion against the taxi dispatcher in court."
    card = (f'<teaserparagraph><teaser class="article-media"><div class="media">'
            f'<div class="teaser-image"><a class="image" href="{HREFS[0]}"></a></div>'
            f'<p class="teaser-tagLine"><a href="/digital-life">Digital Life</a></p>'
            f'<a class="teaser-title" href="{HREFS[0]}"><h2><span>{HEADLINES[0]}</span></h2>'
            f'</a><a class="teaser-text" href="{HREFS[0]}"><p>{dek}</p></a></div></teaser>'
            "</teaserparagraph>")
    html = ('<main><article class="article article-ad-marker"><h1>Sleep</h1>'
            f'<div class="article-paragraphs">{PROSE}{card}{PROSE}</div></article></main>')
    links, teasers, _elements = _find(html)
    assert links == []
    assert [(t.title, t.snippet, t.url) for t in teasers] == [(HEADLINES[0], dek, HREFS[0])]


def test_a_kicker_line_above_an_embedded_cards_headline():
    # MDR-like: <div class="teaser"><span>Kicker</span><h2><a>Headline</a></h2></div>
    card = (f'<div><div class="contentbox list"><div class="teaser"><div class="teaserimage">'
            f'</div><div class="teaserpadding"><span class="kicker">Zum Anhören</span>'
            f'<div class="headlinewrapper"><h2><a href="{HREFS[0]}">{HEADLINES[0]}</a></h2>'
            "</div></div></div></div></div>")
    links, teasers, _elements = _find(_article(inside=card))
    assert teasers == []
    assert _related(links) == [("related", HEADLINES[0], HREFS[0])]


def test_an_item_of_a_popular_posts_widget_is_no_embedded_card():
    # Blogger-like "Popular Posts" widget: thumbnail, title and a blurb per item
    blurb = ("Klapptext: They said I was not good enough for them, that she and I could never "
             "work out. They said she had...")
    items = "".join(f'<li><div class="item-content"><div class="item-thumbnail"><a href="{h}">'
                    f'</a></div><div class="item-title"><a href="{h}">{t}</a></div>'
                    f'<div class="item-snippet">{blurb}</div></div><div></div></li>'
                    for h, t in zip(HREFS, [HEADLINES[0], "Femtasy", HEADLINES[2]], strict=True))
    # (the one-word item beside a card reads like prose to the embedded-card search)
    widget = f'<div class="widget-content popular-posts"><ul>{items}</ul></div>'
    page = (f'<div class="blog-title"><h1>Plenty of life</h1></div><div id="main"><h2>Sleep</h2>'
            f'{PROSE}{PROSE}</div>'
            f'<div class="sidebar-wrapper"><div class="widget"><h2>Popular Posts</h2>{widget}'
            "</div></div>")
    links, teasers, _elements = _find(page)
    assert (links, teasers) == ([], [])
