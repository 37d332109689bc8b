"""Byline shapes met on the tune pages of round 8 (bench/data/metadata, docs/
metadata-annotation.md "Seventh batch"), on hand-written pages."""
from __future__ import annotations

import pytest
from byline_pages import authors as _authors
from byline_pages import page


def test_a_by_in_a_code_listing_is_no_byline() -> None:
    # SQL in a highlighted code block: "GROUP BY period" puts "BY" alone in a span and the
    # column name after it
    code = ("<pre><code><span class='k'>SELECT</span> status, <span class='k'>count</span>(*) "
            "<span class='k'>FROM</span> log <span class='k'>GROUP</span> <span class='k'>BY"
            "</span> period</code></pre>")
    head = "<meta name='author' content='Jane Roe'>"
    assert _authors(page(tail=code, head=head)) == [("Jane Roe", None)]


def test_photo_credits_are_no_authors() -> None:
    # an image's credit in an author-classed element: "Cortesía" (courtesy), a Russian
    # "Фото из …" (photo from …)
    for credit in ("Cortesía", "Courtesy", "Фото из Инстаграма Анны Ли"):
        fig = f"<figure><img src='/a.jpg'><span class='img-author'>{credit}</span></figure>"
        assert _authors(page(byline=fig)) == [], credit


def test_a_sites_contributor_role_is_no_second_author() -> None:
    # "By <a>Jane Roe</a>" and the role under it in a byline-classed sibling
    byline = ("<div class='post-meta'><a class='byline' rel='author' "
              "href='/contributor/jane_roe/'>By Jane Roe</a>"
              "<div class='nb-byline'>eHow Contributor</div></div>")
    assert _authors(page(byline=byline)) == [
        ("Jane Roe", "https://news.example/contributor/jane_roe/")]


def test_a_label_then_linked_names_separated_by_commas() -> None:
    # "<strong>Por: </strong><a>A</a>, <a>B</a>, <a>C</a>": every linked name after the label
    byline = ("<div><strong>Por: </strong><a href='/autor/ana-roe/'>Ana Roe</a>, "
              "<a href='/autor/luis-doe/'>Luis Doe</a> y <a href='/autor/eva-lee/'>Eva Lee</a>"
              "</div>")
    assert _authors(page(byline=byline, lang="es")) == [
        ("Ana Roe", "https://news.example/autor/ana-roe/"),
        ("Luis Doe", "https://news.example/autor/luis-doe/"),
        ("Eva Lee", "https://news.example/autor/eva-lee/")]


def test_relative_author_links_resolve_against_the_base_element() -> None:
    head = "<base href='https://news.example/'>"
    byline = ("<p>Par <span class='vcard author'><a href='auteur/jeanne-roe'>Jeanne Roe</a>"
              "</span></p>")
    assert _authors(page(byline=byline, head=head, lang="fr")) == [
        ("Jeanne Roe", "https://news.example/auteur/jeanne-roe")]


def test_a_name_glued_to_its_screen_reader_copy_is_one_name() -> None:
    byline = ("<p class='authors'>Un documentaire de <a class='authors__name' href='/auteurs/"
              "jeanne_roe'>Jeanne Roe<span class='sr-only'>Jeanne Roe</span></a></p>")
    assert _authors(page(byline=byline, lang="fr")) == [
        ("Jeanne Roe", "https://news.example/auteurs/jeanne_roe")]


def test_a_labelled_byline_in_a_cards_element_is_that_cards() -> None:
    # another podcast's card after the page's own credit: "Par X" in "podcast-card__authors"
    card = ("<div class='podcast-card'><div class='podcast-card__content'><p class='podcast-"
            "card__title'>Une autre histoire vraie</p><p class='podcast-card__authors'>Par "
            "<a href='/auteurs/john_doe'>John Doe</a></p></div></div>")
    byline = ("<p class='authors'>Un documentaire de <a class='authors__name' href='/auteurs/"
              "jeanne_roe'>Jeanne Roe</a></p>")
    assert _authors(page(byline=byline, tail=card, lang="fr")) == [
        ("Jeanne Roe", "https://news.example/auteurs/jeanne_roe")]


def _ld_page(person: str, byline: str) -> str:
    ld = ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flu", '
          f'"author": [{person}]}}')
    return page(byline=byline, head=f"<script type='application/ld+json'>{ld}</script>")


def test_a_structured_name_links_to_the_byline_that_adds_a_handle() -> None:
    # the byline's link reads "Name @handle"; the Person's sameAs is broken
    person = ('{"@type": "Person", "name": "Jane Roe @janeroe", "sameAs": '
              '["https://twitter.com/https://twitter.com/JaneRoe"]}')
    byline = "<p>Por <a href='/author/jroe/'>Jane Roe @janeroe</a></p>"
    assert _authors(_ld_page(person, byline)) == [
        ("Jane Roe", "https://news.example/author/jroe/")]


def test_a_bare_word_as_a_persons_url_is_no_link() -> None:
    # a CMS writes the author's slug as the Person's url ("url": "jroe")
    person = '{"@type": "Person", "name": "Jane Roe", "url": "jroe"}'
    byline = "<p>Par <a href='https://twitter.com/JaneRoe'>Jane Roe</a></p>"
    assert _authors(_ld_page(person, byline)) == [("Jane Roe", "https://twitter.com/JaneRoe")]


def test_a_name_that_begins_like_a_byline_label_keeps_its_letters() -> None:
    # "Por" / "Par" / "Von" / "By" as a label end where the word does: "Portillo", "Parker",
    # "Vondra", "Byrne" are names
    byline = "<p class='byline'>By <a href='/author/ana-portillo/'>Ana Portillo</a></p>"
    assert _authors(page(byline=byline)) == [
        ("Ana Portillo", "https://news.example/author/ana-portillo/")]
    for name in ("Parker Jones", "Portillo Ana", "Vondra Max", "Byrne Sean"):
        assert _authors(page(head=f"<meta name='author' content='{name}'>")) == [(name, None)]


def test_the_sections_after_a_byline_are_no_names() -> None:
    byline = ("<p class='meta'>By TPN, in <a href='/news/news'>News</a>, <a href='/news/portugal'>"
              "Portugal</a> · 31 Jan 2025</p>")
    assert _authors(page(byline=byline)) == [("TPN", None)]


def test_a_role_of_several_words_after_the_name_is_no_second_author() -> None:
    byline = "<p>By ROBERT ROE, AP National Security Writer</p>"
    assert _authors(page(byline=byline)) == [("ROBERT ROE", None)]


@pytest.mark.parametrize("name", ["Źródło: Statista.com", "Unknown", "anónimo", "Super User"])
def test_source_lines_and_placeholder_accounts_are_no_names(name: str) -> None:
    assert _authors(page(head=f"<meta name='author' content='{name}'>")) == []


def test_a_tab_or_a_word_in_running_text_is_no_byline_label() -> None:
    tabs = "<ul class='tabs'><li class='tab'>Text</li><li class='tab'>background</li></ul>"
    assert _authors(page(byline=tabs)) == []
    prose = "<p><strong>author</strong>, release date, image DPI in there.</p>"
    assert _authors(page(tail=prose)) == []
    # a credits box's capitalised label before the name's element still reads
    credits = ("<div class='credits'><div class='label'>Interview</div><div class='text'>JANE "
               "ROE</div></div>")
    assert _authors(page(byline=credits)) == [("JANE ROE", None)]


def test_a_label_inside_a_links_text_is_a_menu_entry_or_a_headline() -> None:
    # a radio show called "Par les temps qui courent" in the site menu; a related story's
    # header link holding its own byline
    menu = ("<nav><ul><li><a href='/emissions/par-les-temps-qui-courent'><span>PAR LES TEMPS QUI "
            "COURENT</span></a></li></ul></nav>")
    teaser = ("<div><a href='/wirtschaft/rettet-die-reichen'><span>Rettet die Reichen</span>"
              "<span>Von Anna Berg, Washington</span></a></div>")
    head = "<meta name='author' content='Jane Roe'>"
    assert _authors(page(head=head, byline=menu, tail=teaser, lang="fr")) == [("Jane Roe", None)]
    # a label inside an author page's link still reads
    own = "<p><a href='/autor/jane-roe'><span>Von Jane Roe</span></a></p>"
    assert [name for name, _ in _authors(page(byline=own, lang="de"))] == ["Jane Roe"]


def test_a_job_title_naming_where_is_no_second_author() -> None:
    byline = "<p>Posted by Andrew Roe, Software Engineer on Google Play</p>"
    assert _authors(page(byline=byline)) == [("Andrew Roe", None)]
