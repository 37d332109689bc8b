"""Generic body, sixth round: an article a page builder spreads over sibling sections,
chrome named by a class, a link the text announces (cleaners/generic/body.py,
body_extent.py, boilerplate.py, trim.py). Each page is written here by hand to show one
layout seen on real pages; the expected text is read off the page."""
from __future__ import annotations

from lxml import html

from cleaners.extract import extract_article
from cleaners.generic.body_extent import signature
from cleaners.generic.boilerplate import chrome_name

SENTENCE = ("The small silver hoops go with almost everything, and a charm hung from one "
            "of them turns a plain pair into something of your own. ")
SIDEBAR = "".join(f"<li><a href='/post-{n}'>Another post of the blog number {n}</a></li>"
                  for n in range(8))


def _widget(uid: str, kind: str, inner: str) -> str:
    return (f"<div class='elementor-element elementor-element-{uid} elementor-widget "
            f"elementor-widget-{kind}'><div class='elementor-widget-container'>{inner}"
            "</div></div>")


def _section(uid: str, heading: str, paragraphs: list[str]) -> str:
    """Elementor's nesting: section > container > row > column > column-wrap >
    widget-wrap > a heading widget (set as <h1>) and a text widget."""
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<section class='elementor-element elementor-element-{uid} "
            "elementor-section-boxed elementor-section elementor-inner-section'>"
            "<div class='elementor-container elementor-column-gap-default'>"
            "<div class='elementor-row'>"
            f"<div class='elementor-element elementor-element-c{uid} elementor-column "
            "elementor-col-100 elementor-inner-column'>"
            "<div class='elementor-column-wrap elementor-element-populated'>"
            "<div class='elementor-widget-wrap'>"
            + _widget(f"h{uid}", "heading", f"<h1 class='elementor-heading-title'>{heading}</h1>")
            + _widget(f"t{uid}", "text-editor",
                      f"<div class='elementor-text-editor elementor-clearfix'>{text}</div>")
            + "</div></div></div></div></div></section>")


def _builder_page(sections: str) -> str:
    return ("<html><head><title>Ear candy</title></head><body><div class='wrap'>"
            "<div class='entry'><div class='elementor elementor-11210'>"
            "<div class='elementor-widget-wrap'>"
            + _widget("1db38ff7", "heading", "<h1 class='elementor-heading-title'>Ear candy</h1>")
            + sections + "</div></div></div>"
            f"<aside class='sidebar'><h3>More posts</h3><ul>{SIDEBAR}</ul></aside>"
            "</div></body></html>")


def test_builder_sections_under_the_headline_are_one_article():
    # a blog post built with Elementor: the headline's box, then one section per topic,
    # each nesting its heading (an <h1>) and its text box six levels deep; one section
    # holds most of the text, the others a paragraph and product lines (a section of
    # product lines alone, no prose, stays out: sections are joined when they hold prose)
    page = _builder_page(
        _section("462a275f", "Summer is here", [f"Intro: {SENTENCE}"])
        + _section("1d905f60", "Silver flash", [f"Silver: {SENTENCE * 3}", "Ring: Lui Lu",
                                                f"More silver: {SENTENCE * 2}"])
        + _section("7726e4a2", "Golden glow", [f"Gold: {SENTENCE}", "Hoop and charm: Lui Lu"])
        + _section("242d83de", "Rose gold", [f"Rose gold with longer earrings: {SENTENCE}",
                                             "Earrings: Leaf combo"]))
    body = extract_article(page, "https://blog.example.com/ear-candy/").body
    assert "Silver: " in body
    assert "Intro: " in body
    assert "Gold: " in body
    assert "Hoop and charm: Lui Lu" in body
    assert "Rose gold with longer earrings" in body
    assert "Another post of the blog" not in body


def test_section_headings_beside_the_headline_are_no_other_stories():
    # sections of one page, each headed by an <h1>, siblings of the box holding the
    # page's headline: headings of its sections, not the next stories of a stream
    def section(n: int, paragraphs: int) -> str:
        text = "".join(f"<p>Section {n}, part {k}: {SENTENCE}</p>" for k in range(paragraphs))
        return f"<div class='block text-block'><h1>Heading {n}</h1>{text}</div>"
    page = ("<html><body><div class='page'><div class='page-title'><h1>Women who build</h1>"
            "</div>" + section(1, 4) + section(2, 2) + section(3, 1) + "</div>"
            f"<aside class='sidebar'><ul>{SIDEBAR}</ul></aside></body></html>")
    body = extract_article(page, "https://news.example.org/women-who-build").body
    assert "Section 1, part 0" in body
    assert "Section 2, part 1" in body
    assert "Section 3, part 0" in body


def test_stories_of_a_stream_keep_their_own_headlines_apart():
    # the next story of an endless-scroll page holds its headline in a sibling of its own
    # kind: it stays apart
    def story(n: int, paragraphs: int) -> str:
        text = "".join(f"<p>Story {n}, part {k}: {SENTENCE}</p>" for k in range(paragraphs))
        return f"<div class='story'><h1>Story number {n}</h1>{text}</div>"
    page = ("<html><body><div class='stream'>" + story(1, 4) + story(2, 3)
            + "</div></body></html>")
    body = extract_article(page, "https://news.example.org/story-1").body
    assert "Story 1, part 3" in body
    assert "Story 2, part 0" not in body


def test_a_builders_widget_names_no_role():
    # Elementor names every box a widget: the word says nothing about what it holds; the
    # words after it still do
    assert not chrome_name("elementor-widget-container")
    assert not chrome_name("elementor-element elementor-element-73c1fb0b elementor-widget "
                           "elementor-widget-text-editor")
    assert chrome_name("elementor-element elementor-widget elementor-widget-nav-menu")
    assert chrome_name("widget widget_text")


def test_builder_box_ids_do_not_split_one_kind_of_section():
    # hexadecimal ids with letters ("1d905f60"): sections of one kind share a signature
    def el(cls: str):
        return html.fragment_fromstring(f"<section class='{cls}'></section>")
    assert signature(el("elementor-element elementor-element-1d905f60 elementor-section")) == \
        signature(el("elementor-element elementor-element-7726e4a2 elementor-section"))
    assert signature(el("et_pb_section et_pb_section_0")) == \
        signature(el("et_pb_section et_pb_section_3"))
    assert signature(el("story lead")) != signature(el("story teaser"))


def test_an_advertiser_disclosure_is_no_article_text():
    # a review site's disclosure paragraph above the text, named by its class
    text = "".join(f"<p>Review part {k}: {SENTENCE}</p>" for k in range(4))
    page = ("<html><body><div class='article-content'><h1>Two exchanges compared</h1>"
            "<div class='article-intro'><p class='disclosure-text text-block disclosure'>"
            "We recommend the best products through an independent review process, and "
            "advertisers do not influence our picks. We may receive compensation if you visit "
            "partners we recommend.</p>" + text + "</div></div></body></html>")
    body = extract_article(page, "https://money.example.com/exchanges").body
    assert "Review part 3" in body
    assert "We may receive compensation" not in body


def test_a_link_the_last_paragraph_announces_ends_the_article():
    # a short post closing with "please sign this petition:" and the petition's address
    # as a link line of its own: the link is the text's point, not a trailing link list
    page = ("<html><body><div id='main'><div class='newsentry'><h1>Clubs in danger</h1>"
            f"<div class='newstext'><p>{SENTENCE} So that the clubs can stay open next year, "
            "everyone please sign this petition:</p>"
            "<p><a href='http://petition.example.org/clubs'>http://petition.example.org/clubs"
            "</a></p></div></div><div class='nextpost'><a href='/next'>Next post</a></div>"
            "</div></body></html>")
    body = extract_article(page, "https://party.example.org/2012/05/clubs/").body
    assert body.endswith("http://petition.example.org/clubs")
    assert "Next post" not in body


def test_a_trailing_link_line_without_announcement_still_goes():
    page = ("<html><body><div id='main'><h1>Clubs in danger</h1><div class='newstext'>"
            f"<p>{SENTENCE}</p><p>{SENTENCE}</p>"
            "<p><a href='/other'>Another story on the site</a></p></div></div></body></html>")
    body = extract_article(page, "https://party.example.org/2012/05/clubs/").body
    assert "Another story on the site" not in body


def test_builder_sections_without_the_headline_among_them_stay_apart():
    # the theme prints the post's headline in its own header above the builder's content;
    # the builder's sections under it are the post's text box and, below, a section about
    # the shop with prose of its own (headed by an <h2>, no other story's <h1>): without
    # the headline's box among the sections nothing says they are one article, so the
    # post's section stands alone
    shop = ("We are a small family workshop in the old harbour quarter, where every pair is "
            "cut, polished and packed by hand before it leaves the bench. ")
    page = ("<html><head><title>Ear candy</title></head><body><div class='wrap'>"
            "<header class='entry-header'><h1 class='entry-title'>Ear candy</h1></header>"
            "<div class='entry'><div class='elementor elementor-11210'>"
            "<div class='elementor-widget-wrap'>"
            + _section("462a275f", "Summer is here", [f"Intro: {SENTENCE * 2}",
                                                      f"Silver: {SENTENCE * 3}",
                                                      f"Gold: {SENTENCE * 2}"])
            + _section("1d905f60", "Our workshop", [f"Workshop: {shop}"]).replace(
                "<h1 ", "<h2 ").replace("</h1>", "</h2>")
            + "</div></div></div>"
            f"<aside class='sidebar'><h3>More posts</h3><ul>{SIDEBAR}</ul></aside>"
            "</div></body></html>")
    body = extract_article(page, "https://blog.example.com/ear-candy/").body
    assert "Intro: " in body
    assert "Gold: " in body
    assert "Workshop: " not in body


def _rows(beside: str) -> str:
    """A theme's rows under the headline's box: the post's text nested four levels deep
    (each level adds a short label), a column beside it, then a row with the magazine's
    blurb."""
    text = "".join(f"<p>Part {k}: {SENTENCE}</p>" for k in range(5))
    return ("<html><head><title>Ear candy</title></head><body><div class='page'>"
            "<div class='title-box'><h1>Ear candy</h1></div>"
            "<div class='row'><div class='col'><span>Style</span><div class='inner'>"
            "<span>5 min</span><div class='box'><span>Photo: studio</span>"
            f"<div class='text'>{text}</div></div></div></div>{beside}</div>"
            "<div class='row'><div class='col'><div class='text'><p>Magazine: Our magazine "
            "is made by a small team of writers who love craft and care about the people "
            "behind every piece they show you.</p></div></div></div>"
            "</div></body></html>")


def test_the_climb_to_builder_sections_stops_where_links_are_added():
    # the post's row adds a column of tag links, more text than a section's heading: the
    # row is no builder section around the text, the next row is not joined
    links = "".join(f"<li><a href='/tag/{n}'>Jewellery tag number {n}</a></li>"
                    for n in range(20))
    page = _rows(f"<div class='col-links'><ul>{links}</ul></div>")
    body = extract_article(page, "https://blog.example.com/ear-candy/").body
    assert "Part 0" in body and "Part 4" in body
    assert "Magazine: " not in body


def test_the_climb_to_builder_sections_stops_where_prose_is_added():
    # the post's row adds a short bio beside the text (prose): the row is no builder
    # section around the text; neither the bio nor the next row is the post's
    page = _rows("<div class='col-side'><p>Bio: Anna has written about jewellery and small "
                 "workshops for ten years and lives by the sea.</p></div>")
    body = extract_article(page, "https://blog.example.com/ear-candy/").body
    assert "Part 0" in body and "Part 4" in body
    assert "Bio: " not in body
    assert "Magazine: " not in body
