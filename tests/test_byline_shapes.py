"""Byline shapes met on the tune pages of round 6 (bench/data/metadata, docs/
metadata-annotation.md "Round 6"), on hand-written pages: upper- and title-case joiners,
co-writers in brackets, an outlet after "For", the byline's own line ending at a <br>."""
from __future__ import annotations

import json

import pytest
from byline_pages import authors as _authors
from byline_pages import page as _page


@pytest.mark.parametrize("byline,names", [
    ("<p class='byline'>By JANE ROE AND JOHN DOE</p>", ["JANE ROE", "JOHN DOE"]),
    ("<p class='byline'>By Jane Roe And John Doe For The Daily Paper</p>",
     ["Jane Roe", "John Doe"]),
    ("<p>Par Marie Dubois (avec Jean Martin et Paul Roy)</p>",
     ["Marie Dubois", "Jean Martin", "Paul Roy"]),
    ("<p>By Jane Roe (with John Doe)</p>", ["Jane Roe", "John Doe"]),
])
def test_joiners_in_any_case_and_bracketed_co_writers(byline: str, names: list[str]) -> None:
    assert [n for n, _ in _authors(_page(byline))] == names


def test_a_jsonld_byline_string_with_title_case_joiner_and_outlet() -> None:
    ld = {"@type": "NewsArticle", "headline": "Flu",
          "author": {"@type": "Person", "name": "By Jane Roe And John Doe For The Daily Paper"}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    byline = ("<p class='byline'>By <a href='/search?q=x'>"
              "Jane Roe And John Doe For The Daily Paper</a></p>")
    # a fact box inside the text carries another story's byline: not this page's
    tail = "<div class='factbox'><p>By Ann Lee for Example Online</p></div>"
    assert [n for n, _ in _authors(_page(byline, head=head, tail=tail))] == [
        "Jane Roe", "John Doe"]


def test_microdata_author_with_bracketed_co_writers() -> None:
    byline = ("<div itemscope itemtype='https://schema.org/NewsArticle'>"
              "<span itemprop='author'><a href='/journaliste/marie-dubois/'>Marie Dubois</a>"
              " (avec Jean Martin et Paul Roy)</span></div>")
    assert _authors(_page(byline, lang="fr")) == [
        ("Marie Dubois", "https://news.example/journaliste/marie-dubois/"),
        ("Jean Martin", None), ("Paul Roy", None)]


def test_a_labelled_byline_ends_at_its_line_break() -> None:
    byline = ("<p>Von <strong><a href='https://anna.example/'>Anna Berg</a></strong> und "
              "<strong><a href='https://max.example/'>Max Kurz</a></strong><br/>"
              "<span id='more-1'></span><br/>Kakuma / Kenia</p>")
    assert _authors(_page(byline, lang="de")) == [("Anna Berg", "https://anna.example/"),
                                                  ("Max Kurz", "https://max.example/")]


def test_jsonld_creator_names_the_writer_when_the_author_is_the_site() -> None:
    ld = {"@type": "NewsArticle", "headline": "Flu", "creator": ["Jane Roe"],
          "author": {"@type": "Organization", "name": "News Example"},
          "publisher": {"@type": "Organization", "name": "News Example"}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert [n for n, _ in _authors(_page(head=head))] == ["Jane Roe"]
    ld["creator"] = ["News Example"]  # the site again: the organisation stays the author
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert [n for n, _ in _authors(_page(head=head))] == ["News Example"]


@pytest.mark.parametrize("lead,names", [
    ("<p>\u3000【ソウル＝山田太郎】韓国の大統領は３日夜、緊急談話を出した。</p>", ["山田太郎"]),
    ("<p>【ワシントン＝山田太郎、鈴木はな】米政府は４日、発表した。</p>", ["山田太郎", "鈴木はな"]),
    ("<p>【速報】韓国の大統領は３日夜、緊急談話を出した。</p>", []),  # a label, no writer
])
def test_japanese_lead_bylines(lead: str, names: list[str]) -> None:
    assert [n for n, _ in _authors(_page(lead, lang="ja"))] == names


def test_an_agency_feeds_byline_element() -> None:
    byline = "<p>Quelle: dpa-AFX</p><byline>Von Anna Berg, dpa</byline>"
    head = "<meta name='author' content='news.example'>"
    assert [n for n, _ in _authors(_page(byline, head=head, lang="de"))] == ["Anna Berg"]


def _ld_author(person: dict) -> str:
    ld = {"@type": "NewsArticle", "headline": "Flu", "author": person}
    return f'<script type="application/ld+json">{json.dumps(ld)}</script>'


def test_a_jsonld_same_as_profile_gives_way_to_the_pages_author_link() -> None:
    head = _ld_author({"@type": "Person", "name": "Jane Roe",
                       "sameAs": "https://twitter.com/janeroe"})
    byline = "<p class='byline'>By <a href='/author/jane/'>Jane Roe</a></p>"
    assert _authors(_page(byline, head=head)) == [
        ("Jane Roe", "https://news.example/author/jane/")]
    # no link on the page: the social profile is the only one
    assert _authors(_page(head=head)) == [("Jane Roe", "https://twitter.com/janeroe")]


def test_an_upper_case_byline_link_is_the_profile_of_a_structured_author() -> None:
    head = _ld_author({"@type": "Person", "name": "Jane Roe"})
    byline = ("<p class='meta'>By <span class='vcard'>"
              "<a href='/staff/jane-roe'>JANE ROE</a></span></p>")
    assert _authors(_page(byline, head=head)) == [
        ("Jane Roe", "https://news.example/staff/jane-roe")]


def test_a_structured_author_the_page_never_names_gives_way_to_the_byline() -> None:
    head = _ld_author({"@type": "Person", "name": "Web Desk Account"})
    byline = "<p class='byline'>By Jane Roe and John Doe / Staff Writers</p>"
    assert [n for n, _ in _authors(_page(byline, head=head))] == ["Jane Roe", "John Doe"]
    # the structured author is shown (an editor's line the page prints): it stays
    shown = byline + "<p class='posted'>Posted by Web Desk Account</p>"
    assert [n for n, _ in _authors(_page(shown, head=head))] == ["Web Desk Account"]


def test_a_label_element_followed_by_the_name_as_plain_text() -> None:
    byline = "<p><span class='label'>Autor:</span> Anna Berg</p>"
    assert [n for n, _ in _authors(_page(byline, lang="de"))] == ["Anna Berg"]


@pytest.mark.parametrize("byline,lang", [
    ("<p>Auteur : Marie Dubois</p>", "fr"), ("<p>Autora: Marie Dubois</p>", "es"),
    ("<p>Autore: Marie Dubois</p>", "it"),
])
def test_author_labels_in_french_spanish_italian(byline: str, lang: str) -> None:
    assert [n for n, _ in _authors(_page(byline, lang=lang))] == ["Marie Dubois"]


def test_a_plural_label_is_not_the_singular_label_plus_letters() -> None:
    byline = "<p>Autoren: Anna Berg und Max Kurz</p>"  # not "en: Anna Berg"
    assert [n for n, _ in _authors(_page(byline, lang="de"))] == ["Anna Berg", "Max Kurz"]
