"""Shapes met on the navigation pool's round-12 tune pages (docs/annotation.md, Coverage),
written as small pages after their layouts: site-wide lists and shop boxes beside the
article that are no related block, and the related blocks beside them."""
from __future__ import annotations

from nav_pages import find_in_body

URL = "https://www.example.de/news,140000.html"
PROSE = "<p>" + "Der Tarif kostet im ersten Jahr deutlich weniger als zuvor. " * 6 + "</p>"
HEADLINES = ["Neue Schadsoftware bestiehlt Nutzer von Android-Telefonen",
             "Roadmap verrät kommende Bildschirmfreigabe für Videokonferenzen",
             "Raumsonde zeigt ein ungewöhnliches Foto vom roten Planeten",
             "Neuer Ärger für Drohnenhersteller in den USA: Flugverbot droht",
             "Update bringt den letzten Feinschliff für das neue Betriebssystem"]


def _links(headlines=HEADLINES, path="/news,{}.html") -> str:
    return "".join(f'<li><a href="{path.format(140010 + i)}">{title}</a></li>'
                   for i, title in enumerate(headlines))


def _page(column: str) -> str:
    return (f'<div id="content"><div class="maincontent"><h1>Tarif für 5,99 Euro</h1>{PROSE}'
            f'</div><div id="rightWrap">{column}</div></div>')


def test_a_column_box_headed_as_the_sites_new_stories_is_no_rail():
    for label in ("Neue Nachrichten", "Neueste Nachrichten", "Neueste Meldungen"):
        box = f'<div class="rightBx generic_box"><div>{label}</div><ul>{_links()}</ul></div>'
        links, teasers, _elements = find_in_body(_page(box), URL)
        assert (links, teasers) == ([], []), label


def test_short_headlines_of_dated_articles_are_no_topic_list():
    # a "related" box whose headlines are short quotes: article URLs (a dated folder), not
    # the topic pages of a list of subjects
    base = "https://www.example.it/2025/04/"
    items = [("16/wichtiger-schritt/", "„Wichtiger Schritt“"),
             ("16/der-tod-des-baeckermeisters/", "Der Tod des Bäckermeisters"),
             ("16/enger-zusammenruecken/", "„Müssen enger zusammenrücken“"),
             ("15/starkes-netz/", "„Starkes Netz“")]
    box = "".join(f'<li class="related_item"><h3><a href="{base}{path}">{title}</a></h3></li>'
                  for path, title in items)
    body = (f'<div class="post"><h1>„Unermüdlicher Einsatz“</h1>{PROSE}</div>'
            f'<h4 class="related_box_title">Ähnliche Artikel</h4>'
            f'<div class="related_box"><ul>{box}</ul></div>')
    links, teasers, _elements = find_in_body(body, base + "01/unermuedlicher-einsatz/")
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", title, base + path) for path, title in items]


def test_short_titles_of_topic_pages_stay_a_topic_list():
    box = "".join(f'<li><a href="/gesundheit/{t.lower()}/">{t}</a></li>'
                  for t in ("Diabetes", "Herz", "Schlaf", "Ernährung"))
    body = (f'<div class="post"><h1>Blutdruck</h1>{PROSE}</div>'
            f'<div class="related-topics-box"><h4>Ähnliche Artikel</h4><ul>{box}</ul></div>')
    links, teasers, _elements = find_in_body(body, "https://www.example.de/2025/04/blutdruck/")
    assert (links, teasers) == ([], [])


def _cards_under(heading: str, snippets: bool) -> str:
    dek = "<p>Die Zentralbank hält den Leitzins stabil und verweist auf die Inflation.</p>"
    cards = "".join(f'<article class="tile"><a href="/wirtschaft/{140010 + i}.html">'
                    f"<h3>{title}</h3>{dek if snippets else ''}</a></article>"
                    for i, title in enumerate(HEADLINES[:4]))
    return (f'<div class="post"><h1>Tarif für 5,99 Euro</h1>{PROSE}</div>'
            f'<section class="box"><h2>{heading}</h2><div class="list">{cards}</div></section>')


def test_headings_of_the_article_s_own_block_and_its_section():
    for heading in ("Passend zum Artikel", "Aus dem Ressort", "Our readers read next"):
        links, teasers, _elements = find_in_body(_cards_under(heading, snippets=False), URL)
        assert teasers == [], heading
        assert [x.title for x in links] == HEADLINES[:4], heading
        links, teasers, _elements = find_in_body(_cards_under(heading, snippets=True), URL)
        assert links == [] and [t.title for t in teasers] == HEADLINES[:4], heading


def test_a_heading_box_with_a_linked_copy_and_an_all_articles_link():
    # one heading shown on wide screens, a linked copy with "Alle Artikel zum Thema" (the
    # topic page) on small ones, then the cards
    head = ('<div class="headline-box"><h3 class="hide-mobile">Mehr zum Thema Nahost</h3>'
            '<a href="/themen/nahost"><h3 class="show-mobile">Mehr zum Thema Nahost</h3>'
            '<span class="hide-mobile">Alle Artikel zum Thema</span></a></div>')
    dek = "<p>Die Verhandlungen über eine Waffenruhe gehen in die nächste Runde.</p>"
    cards = "".join(f'<div class="row"><div class="widget"><article><div class="teaser">'
                    f'<a href="/international/{t[:12].lower().replace(" ", "-")}-ld.'
                    f'{1839650 + i}"><h2>{t}</h2></a>{dek}</div></article></div></div>'
                    for i, t in enumerate(HEADLINES[:4]))
    body = (f'<div class="post"><h1>Krieg in Nahost</h1>{PROSE}</div>'
            f'<section class="pageelement">{head}{cards}</section>')
    links, teasers, _elements = find_in_body(body, "https://www.example.ch/international/x-ld.1")
    assert links == []
    assert [t.title for t in teasers] == HEADLINES[:4]


def test_cards_in_a_text_whose_layout_box_is_named_with_sidebar():
    # "withSidebar" names the layout that has a sidebar beside the text, not a sidebar: the
    # one-item lists between the paragraphs are cards in the text
    url = "https://www.example.ca/news/world/ceasefire-talks-1.7287711"
    items = [("https://www.example.ca/news/world/who-leads-the-group-1.7280676",
              "Who leads the group, and what happens to the talks now?"),
             ("https://www.example.ca/news/world/commander-killed-1.7281995",
              "Military commander killed last month, army says")]
    text = PROSE.join(f'<div dir="ltr"><ul class="similarLinks"><li><a href="{href}">'
                      f"<span>{title}</span></a></li></ul></div>" for href, title in items)
    body = (f'<div class="detailBodyContainer withSidebar"><div class="detailMainCol">'
            f'<h1>What is next for the talks?</h1><div class="story">{PROSE}{text}{PROSE}'
            f'</div></div><aside class="sidebar"></aside></div>')
    links, teasers, _elements = find_in_body(body, url)
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [("related", t, h) for h, t in items]


def test_a_paid_card_with_its_badge_beside_the_headline_is_no_related_link():
    def card(href: str, badge: str, topic: str, title: str) -> str:
        return (f'<div class="inline-list"><p class="inline-list__headline">Lesen Sie auch</p>'
                f'<article class="teaser"><header><a href="{href}"><img src="x.jpg"></a>'
                f'</header><div class="teaser__container"><div class="teaser__overline">'
                f'{badge}<span class="teaser__topic">{topic}</span></div>'
                f'<h4 class="teaser__headline"><a href="{href}">{title}</a></h4></div>'
                f'</article></div>')
    paid = card("/kaufberatung/angebote/article250276216/Kreditkarten.html",
                '<span class="badge"><span class="visually-hidden">Artikeltyp:</span>'
                "Advertorial</span>", "Kreditkarten", "Mehr von dem, was du liebst: Die Karte")
    news = card("/politik/deutschland/article253195868/Studie-Erstwaehler.html", "",
                "Landtagswahlen", "Viele Erstwähler haben Angst vor den Grünen")
    body = f'<div class="post"><h1>Wahlkampf</h1>{PROSE}{paid}{PROSE}{news}{PROSE}</div>'
    links, teasers, _elements = find_in_body(body, "https://www.example.de/politik/article1.html")
    assert teasers == []
    assert [x.title for x in links] == ["Viele Erstwähler haben Angst vor den Grünen"]


def _tw_card(i: int, kicker: str, title: str) -> str:
    # a linked card: picture, a kicker line, the headline in an <h3> styled by utilities
    return (f'<article class="pt-4 border-t"><a class="flex gap-4 group" href="/article/'
            f'{10028888 + i}"><div class="w-[128px]"><img src="p.jpg"></div><div class="flex-1">'
            f'<div class="flex gap-1"><span class="text-sub-caption">{kicker}</span></div>'
            f'<h3 class="text-black font-bold tracking-[0.4px]group-hover:text-gray-500">'
            f"{title}</h3></div></a></article>")


def test_a_pair_of_cards_between_paragraphs_with_utility_classed_headlines():
    url = "https://www.example.de/article/es-geht-um-unser-leben-10035612"
    titles = ["„Kinder? Für mich keine Option“ – wie Jüngere mit Zukunftsangst leben",
              "Kinderlosigkeit: „Ich mag Kinder – aber ich will keines in diese Welt setzen“"]
    pair = "".join(_tw_card(i, "Demografie", t) for i, t in enumerate(titles))
    body = (f'<div class="article"><h1>Es geht um unser Leben</h1>{PROSE}'
            f'<div class="flex flex-col gap-4">{pair}</div>{PROSE}</div>')
    links, teasers, _elements = find_in_body(body, url)
    assert teasers == []
    assert [(x.rel, x.title) for x in links] == [("related", t) for t in titles]


def test_the_second_pane_of_a_slider_under_a_site_list_heading_is_no_rail():
    # a portal's picture-story slider: one heading, then two panes of the same list kind
    # ("<ul class='img a'>", "<ul class='img b'>"); the heading names a site-wide list
    url = "https://news.example.cn/c/2019-09-10/doc-iicezuev8310012.shtml"
    titles = ["东方菇娘种出美好生活的故事在这里", "大熊猫首次落户高原城市西宁动物园",
              "九零后法国新锐赛车手为赛而生的一生", "一片叶子致富一个村庄的山区新路"]

    def pane(cls: str, offset: int) -> str:
        return f'<ul class="img {cls}">' + "".join(
            f'<li><a href="https://news.example.cn/z/slide_1_{64237 + offset + i}_3940.html">'
            f'<span class="img-span"></span><span class="title">{t}</span></a></li>'
            for i, t in enumerate(titles)) + "</ul>"
    side = ('<div class="img-story"><div class="right-tlt"><h3>图片故事</h3></div>'
            f'<div class="focus-box"><div class="picBox">{pane("lead", 0)}{pane("more", 10)}'
            '</div></div></div>')
    prose = "<p>" + "新华社消息，当地时间九日，有关部门发布了最新的统计数据和说明。" * 5 + "</p>"
    body = (f'<div class="article-content"><div class="article-content-left"><h1>标题</h1>'
            f'{prose}</div><div class="article-content-right">{side}</div></div>')
    links, teasers, _elements = find_in_body(body, url)
    assert (links, teasers) == ([], [])


def test_a_line_of_links_inside_an_inline_element_is_no_rail():
    # "<strong>You Can Also Check: <a>…</a> | <a>…</a></strong>" after the text: service
    # pages in a line of the article, not a list of story items
    url = "https://www.example.in/city/bhopal/newborns-left-in-dustbins/articleshow/130278578.cms"
    links = " | ".join(f'<a href="https://www.example.in/business/{p}">{t}</a>' for p, t in (
        ("gold-rates-today/gold-price-in-bhopal", "Gold Rate in Bhopal"),
        ("silver-rates-today/silver-price-in-bhopal", "Silver Rate in Bhopal"),
        ("bank-holidays/madhya-pradesh", "Bank Holidays in Bhopal"),
        ("public-holidays/madhya-pradesh", "Public Holidays in Bhopal")))
    body = (f'<div class="article"><h1>Newborns left in dustbins</h1>{PROSE}'
            f"<div><strong>You Can Also Check: {links}</strong></div></div>")
    found, teasers, _elements = find_in_body(body, url)
    assert (found, teasers) == ([], [])


def test_a_rail_headed_by_a_link_to_another_section_is_that_section_s_promotion():
    url = "https://www.example.co.uk/news/politics/interview-on-the-war-b1189828.html"
    guides = ["Best electric showers for your home this year",
              "Best vitamin supplements tested by our editors",
              "Best smart casual trainers for men to buy now"]

    def column(head_href: str, folder: str) -> str:
        items = "".join(f'<a href="{folder}{i}-{t[:10].lower().replace(" ", "-")}-b10{i}.html">'
                        f"{t}</a>" for i, t in enumerate(guides))
        return (f'<div class="column"><a href="{head_href}">Shopping Best Buys</a>'
                f'<div class="list">{items}</div></div>')
    for head_href, folder, kept in (("/shopping/best", "/shopping/best/home/", 0),
                                    ("/news/politics", "/news/politics/", 3)):
        body = (f'<main><div class="article"><h1>Interview</h1>{PROSE}</div>'
                f"{column(head_href, folder)}</main>")
        links, teasers, _elements = find_in_body(body, url)
        assert teasers == [] and len(links) == kept, head_href


def test_a_trending_tab_beside_the_sections_tab_is_not_the_blocks():
    url = "https://www.example.ca/news/11862251/missile-attack-on-the-capital/"
    stories = "".join(f'<li><a href="/news/1186{i}686/story-{i}/">{t}</a></li>'
                      for i, t in enumerate(HEADLINES[:4]))
    videos = "".join(f'<li><a href="/video/1186{i}464/video-{i}/">{t}</a></li>'
                     for i, t in enumerate(HEADLINES[1:5]))
    box = ('<div class="c-tabs"><div class="c-tabs__tabContainer"><h3>More on World</h3>'
           '</div><div class="c-tabs__content">'
           f'<ul class="c-infoBox__ul">{stories}</ul>'
           f'<ul class="c-posts c-posts--articleTrending">{videos}</ul></div></div>')
    body = f'<div class="article"><h1>Missile attack</h1>{PROSE}{box}{PROSE}</div>'
    links, teasers, _elements = find_in_body(body, url)
    assert teasers == []
    assert [x.url for x in links] == [f"https://www.example.ca/news/1186{i}686/story-{i}/"
                                      for i in range(4)]


def test_a_french_keyword_page_is_no_article():
    from cleaners.vocab import NON_ARTICLE_URL
    for path in ("/motcle/trottinette-electrique", "/mot-cle/velo", "/mots-cles/sante/"):
        assert NON_ARTICLE_URL.search(path), path
    assert not NON_ARTICLE_URL.search("/politique/montreal/568297/motcle-des-trottinettes")


def test_a_related_box_whose_header_links_its_section_keeps_all_its_cards():
    url = "https://www.example.lu/headlines/der-tag-naht-demonstration/"
    cards = "".join(
        f'<div class="grid__item"><article class="post-teaser"><a class="post-teaser__link" '
        f'href="https://www.example.lu/headlines/story-{i}/"><div class="post-teaser__content">'
        f'<h2 class="post-teaser__title">{t}</h2></div></a></article></div>'
        for i, t in enumerate(HEADLINES[:4]))
    box = ('<div class="related-posts"><div class="related-posts__container">'
           '<div class="related-posts__header"><h2 class="related-posts__title">'
           '<a href="https://www.example.lu/category/headlines/">Headlines</a></h2></div>'
           f'<div class="related-posts__body"><div class="grid"><div class="grid__list">{cards}'
           '</div></div></div></div></div>')
    body = f'<div class="post"><h1>Der Tag naht</h1>{PROSE}</div>{box}'
    links, teasers, _elements = find_in_body(body, url)
    assert teasers == []
    assert [x.url for x in links] == [f"https://www.example.lu/headlines/story-{i}/"
                                      for i in range(4)]


def test_a_grid_of_ad_slot_fallback_stories_and_plain_cards_keeps_both():
    url = "https://www.example.de/wirtschaft/geld/zahlungssystem-33420056.html"

    def card(i: int, title: str) -> str:
        return (f'<article class="teaser teaser--card"><a href="/politik/story-{33415166 + i}'
                f'.html"><h3 class="teaser__headline">{title}</h3></a></article>')
    slots = "".join(f'<div class="group group--adtag-with-fallbackcontent">{card(i, t)}</div>'
                    for i, t in enumerate(HEADLINES[:3]))
    plain = "".join(card(3 + i, t) for i, t in enumerate(HEADLINES[3:5] + HEADLINES[:1]))
    grid = f'<div class="group-teaserblock"><div class="group-teaserblock__items">{slots}{plain}'
    body = f'<main><article><h1>Zahlungssystem</h1>{PROSE}</article>{grid}</div></div></main>'
    links, teasers, _elements = find_in_body(body, url)
    assert teasers == []
    assert len(links) == 6
