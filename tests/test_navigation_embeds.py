"""Cards embedded between an article's paragraphs (cleaners/generic/nav_embeds.py), on small
pages written after real layouts: a preview card with a kicker heading, an aside with a dek,
a line holding only a labelled link; and what is no such card (a link inside a sentence, a
grid of excerpt cards, a shop on another host of the site, the next-article box)."""
from __future__ import annotations

from cleaners.generic.navigation import find_navigation
from cleaners.html import drop_non_content, parse_html

URL = "https://news.example.org/health/2024/05/sleep-and-blood-pressure.html"
PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 3 + "</p>"
OTHER = "https://news.example.org/health/2024/04/why-your-heart-rate-rises.html"
DEK = "Doctors explain the cortisol peak that wakes the heart before the alarm rings."


def _find(body: str):
    html = ("<html><head><title>t</title></head><body><main><article>"
            f"<h1>Sleep and blood pressure</h1><div class='body-copy'>{body}</div>"
            "</article></main></body></html>")
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    return find_navigation(root, URL)


def test_preview_card_between_paragraphs_is_a_related_link_titled_by_its_headline():
    links, teasers, elements = _find(
        f'{PROSE}<div class="preview"><a href="{OTHER}"><img src="x.jpg" alt="">'
        f"<h5>News</h5><h4>Why your heart rate rises in the morning</h4></a></div>{PROSE}")
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", "Why your heart rate rises in the morning", OTHER)]
    assert [el.get("class") for el in elements] == ["preview"]


def test_aside_card_with_a_dek_is_a_teaser_and_the_next_paragraph_is_no_snippet():
    links, teasers, _elements = _find(
        f'{PROSE}<aside><a href="{OTHER}">Why your heart rate rises in the morning</a>'
        f"<div>{DEK}</div></aside>" + PROSE)
    assert links == []
    assert [(t.title, t.snippet, t.url) for t in teasers] == [
        ("Why your heart rate rises in the morning", DEK, OTHER)]


def test_an_embedded_card_with_a_short_line_beside_its_title_is_a_related_link():
    links, teasers, _elements = _find(
        f'{PROSE}<aside><a href="{OTHER}">Why your heart rate rises in the morning</a>'
        "<div>By Jane Doe, health desk</div></aside>" + PROSE)
    assert teasers == []
    assert [(x.rel, x.title) for x in links] == [
        ("related", "Why your heart rate rises in the morning")]


def test_a_line_with_only_a_labelled_link_is_a_related_link():
    links, _teasers, _elements = _find(
        f'{PROSE}<p>MORE: <a href="{OTHER}">Why your heart rate rises in the morning</a></p>'
        f"{PROSE}")
    assert [(x.rel, x.title) for x in links] == [
        ("related", "Why your heart rate rises in the morning")]


def test_a_link_inside_a_sentence_is_running_text():
    links, teasers, _elements = _find(
        f'{PROSE}<div>As we wrote, <a href="{OTHER}">your heart rate rises in the morning'
        "</a> for several reasons.</div>" + PROSE)
    assert (links, teasers) == ([], [])


def test_another_host_of_the_site_and_the_next_article_box_are_no_embedded_cards():
    links, teasers, _elements = _find(
        f'{PROSE}<div class="promo"><a href="https://shop.example.org/health/monitors/1">'
        "Buy the blood pressure monitor our doctors use</a></div>" + PROSE +
        f'<div class="next-post"><a href="{OTHER}">Why your heart rate rises in the morning'
        "</a></div>" + PROSE)
    assert teasers == []
    assert [(x.rel, x.url) for x in links] == [("next", OTHER)]


def test_a_grid_of_excerpt_cards_is_not_a_row_of_embedded_cards():
    cards = "".join(
        f'<article class="post post-{i}"><h2><a href="https://news.example.org/health/{i}.html">'
        f"Story number {i} about the heart and sleep</a></h2>{PROSE}</article>"
        for i in range(3))
    links, teasers, _elements = _find(PROSE + PROSE + f'<div class="grid">{cards}</div>')
    assert (links, teasers) == ([], [])


def test_card_in_wrappers_of_its_own_with_a_tracked_image_link():
    links, _teasers, _elements = _find(
        f'{PROSE}<div class="embed"><div class="inner"><article class="card">'
        f'<a href="{OTHER}#utm_content=ribbon"><img src="x.jpg" alt=""></a>'
        f'<a href="{OTHER}">Why your heart rate rises in the morning</a><span>23. 12. 2024</span>'
        f"</article></div></div>{PROSE}")
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", "Why your heart rate rises in the morning", OTHER)]


def _recirc() -> str:
    return ('<section class="footer-recirc"><div class="footer-recirc__header">Read more stories'
            '</div><div class="footer-recirc__stories">' + "".join(
                f'<article class="recirc-story"><a href="https://news.example.org/health/{i}.html">'
                f'<div class="recirc-story__headline">Story number {i} about the heart</div>'
                f'<div class="recirc-story__dek">What story {i} tells about the heart at night.'
                f"</div></a></article>"
                for i in range(2)) + "</div></section>")


def test_a_footer_named_box_inside_main_is_the_articles_own_footer():
    html = ("<html><head><title>t</title></head><body><main><article>"
            f"<h1>Sleep and blood pressure</h1>{PROSE}</article>{_recirc()}</main>"
            "</body></html>")
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    _links, teasers, _elements = find_navigation(root, URL)
    assert [(t.title, t.snippet) for t in teasers] == [
        ("Story number 0 about the heart", "What story 0 tells about the heart at night."),
        ("Story number 1 about the heart", "What story 1 tells about the heart at night.")]


def test_a_footer_named_box_outside_main_is_site_chrome():
    html = ("<html><head><title>t</title></head><body><main><article>"
            f"<h1>Sleep and blood pressure</h1>{PROSE}</article></main>{_recirc()}"
            "</body></html>")
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    links, teasers, _elements = find_navigation(root, URL)
    assert (links, teasers) == ([], [])


def test_a_wordpress_short_link_to_a_post_is_an_article_not_the_home_page():
    links, _teasers, _elements = _find(
        f'{PROSE}<p>ALSO READ:<strong><a href="https://news.example.org/?p=36843"> Solar firm '
        f"to boost clean energy uptake </a></strong></p>{PROSE}")
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", "Solar firm to boost clean energy uptake",
         "https://news.example.org/?p=36843")]


def test_a_card_after_a_short_line_and_a_picture_closing_the_text_is_a_related_link():
    # the text's last paragraph, a contact line and a picture, then the card at the end of
    # the text (a tabloid's "read more" aside after "Do you have a story to tell? Email: …")
    links, teasers, _elements = _find(
        f"{PROSE}{PROSE}<p><b><i>Do you have a story to tell? Email: desk@example.org</i></b></p>"
        '<figure><img src="p.jpg" alt=""><figcaption>Photo: Jane Doe</figcaption></figure>'
        f'<aside class="more"><a href="{OTHER}"><img src="x.jpg" alt=""></a>'
        f'<div><a href="{OTHER}">Why your heart rate rises in the morning</a></div></aside>')
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", "Why your heart rate rises in the morning", OTHER)]


def test_a_card_after_a_list_of_links_closing_the_text_is_no_embed():
    # a run of links between the prose and the card is no furniture: the card follows a list
    links, teasers, _elements = _find(
        f'{PROSE}{PROSE}<div><a href="/a">Share</a> <a href="/b">Print</a></div>'
        f'<aside class="more"><a href="{OTHER}">Why your heart rate rises in the morning</a>'
        "</aside>")
    assert (links, teasers) == ([], [])


def test_a_heading_of_a_label_and_a_link_between_paragraphs_is_a_related_link():
    """"<h3>SEE: <a>Headline</a></h3>" in the text points to another article like a
    "<p>MORE: <a>…</a></p>" line; a heading that is only a link stays no embedded card (the
    title of a card of a list)."""
    links, teasers, _elements = _find(
        f'{PROSE}<h3>SEE: <a href="{OTHER}">Why your heart rate rises in the morning</a></h3>'
        f"{PROSE}")
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", "Why your heart rate rises in the morning", OTHER)]
    links, teasers, _elements = _find(
        f'{PROSE}<h3><a href="{OTHER}">Why your heart rate rises in the morning</a></h3>'
        f"{PROSE}")
    assert (links, teasers) == ([], [])


def test_a_card_box_written_into_a_paragraph_is_a_related_link():
    # "<p>prose<section class=teaser>card</section>prose</p>": libxml2 keeps the box inside
    # the <p> (an HTML5 parser would close the paragraph before it, leaving the box between
    # two paragraphs, the shape of the first test)
    card = ('<section class="box teaser teaser--inline"><a href="/health/2024/04/salt.html" '
            'title="Drohen weitere Salzverbote?"><figure><img src="/s.jpg"></figure>'
            '<div class="teaser__content"><span class="teaser__headline">'
            "How much salt is too much for your heart</span></div></a></section>")
    text = "Most adults eat far more salt than the body needs, often without noticing it. "
    links, teasers, _elements = _find(f"{PROSE}<p>{text * 2}{card}{text}</p>{PROSE}")
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", "How much salt is too much for your heart",
         "https://news.example.org/health/2024/04/salt.html")]
