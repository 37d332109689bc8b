"""Byline shapes met on the tune pages of round 7 (bench/data/metadata, docs/
metadata-annotation.md "Round 7"), on hand-written pages."""
from __future__ import annotations

from byline_pages import TEXT
from byline_pages import authors as _authors


def test_a_teaser_classed_header_beside_the_headlines_teaser_block() -> None:
    # no <h1>: the headline is an <h2> inside the CMS's "teaser_blog_text" block; the byline
    # block "teaser_text_meta" is that block's sibling; the cards below are other stories
    card = ("<div class='teaser'><div class='teaser_text_meta'><a href='/autor/doe_j'>John "
            "Doe</a> / 03.11.2021</div><div class='teaser_text'><h2><a href='/artikel/x'>"
            "Another story on the flu</a></h2></div></div>")
    html = ("<html><head><title>Flu season peaks early | News Example</title></head><body>"
            "<div class='beitrag'><div class='teaser_text_meta'><a href='/autor/roe_j'>Jane "
            "Roe</a> / 22.04.2020 / 06:15</div><div class='teaser_blog_text'><div><h2>Flu "
            f"season peaks early</h2></div>{TEXT * 5}</div></div>"
            f"<div class='more'>{card * 3}</div></body></html>")
    assert _authors(html) == [("Jane Roe", "https://news.example/autor/roe_j")]


def test_a_label_term_and_the_name_in_its_definition() -> None:
    # a metadata box as a definition list: "<dt>Auteur</dt><dd><a>Name</a></dd>"
    box = ("<dl class='post-meta'><dt>Date</dt><dd>2 mars 2020</dd><dt>\n  Auteur\n  </dt>"
           "<dd><a href='/fr/staff/jeanne-roe/'>\n  Jeanne Roe</a></dd></dl>")
    html = ("<html lang='fr'><head><title>Grippe</title></head><body><article>"
            f"<h1>La grippe arrive tôt</h1>{box}{TEXT * 5}</article></body></html>")
    assert _authors(html) == [("Jeanne Roe", "https://news.example/fr/staff/jeanne-roe/")]


def test_one_labelled_author_box_per_writer() -> None:
    # "Geschrieben von" opens each writer's box: the label reading stops at the first box, the
    # author-classed boxes name both; the translator's box is no author
    def box(kind: str, label: str, slug: str, name: str) -> str:
        return (f"<div class='{kind} contributor'><div class='avatar-container'><a href='/author/"
                f"{slug}/'><img alt='' src='/a.png'></a></div><div class='contributor-name'><span "
                f"class='credit-label'>{label}</span><a href='/author/{slug}/'>{name}</a></div>"
                "</div>")
    credit = ("<div class='credit'>" + box("author", "Geschrieben von", "jane-roe", "Jane Roe")
              + box("author", "Geschrieben von", "latam-desk", "Latin America Desk")
              + box("translator", "Übersetzt von", "john-doe", "John Doe") + "</div>")
    html = ("<html lang='de'><head><title>Grippe</title></head><body><article>"
            f"<h1>Die Grippe kommt früh</h1>{credit}{TEXT * 5}</article></body></html>")
    assert _authors(html) == [("Jane Roe", "https://news.example/author/jane-roe/"),
                              ("Latin America Desk", "https://news.example/author/latam-desk/")]


def test_the_sites_home_page_as_a_persons_url_is_no_profile() -> None:
    def page(person_url: str) -> str:
        ld = ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flu", '
              f'"author": [{{"@type": "Person", "name": "Jane Roe", "url": "{person_url}"}}]}}')
        return ("<html><head><title>Flu</title>"
                f"<script type='application/ld+json'>{ld}</script></head><body><article>"
                "<h1>Flu season peaks early</h1><p>Von <a href='/de/autoren/jane-roe'>Jane Roe</a>"
                f"</p>{TEXT * 5}</article></body></html>")
    # the JSON-LD names the site's home page: the byline's author-page link is the profile
    assert _authors(page("https://news.example")) == [
        ("Jane Roe", "https://news.example/de/autoren/jane-roe")]
    # a writer's own site (another host) is their profile
    assert _authors(page("https://janeroe.example/")) == [("Jane Roe", "https://janeroe.example/")]
