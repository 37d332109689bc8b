"""Reviewers, review dates, credentials, datelines and house-account authors: the metadata
rules added for pages with review lines (cleaners/metadata.py, cleaners/health_meta.py).
Inputs are small hand-written pages; every expected value is read off the input above it."""
from __future__ import annotations

import json

from cleaners.html import parse_html
from cleaners.metadata import read_metadata

_PARAS = "".join(
    f"<p>Paragraph {i} about sleep explains causes, treatment options and when a doctor should "
    "be seen, in plain words for patients and their families who need a clear guide.</p>"
    for i in range(4))


def _meta(html: str) -> dict:
    root, _ = parse_html(html)
    return read_metadata(root, "https://health.example/sleep")


def _ld(obj: dict, wrap: str = "{}") -> str:
    return f'<script type="application/ld+json">{wrap.format(json.dumps(obj))}</script>'


def test_jsonld_in_a_cdata_comment_is_read():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "datePublished": "2024-08-22T12:00:00+02:00",
         "dateModified": "2024-08-23T08:00:00+02:00"},
        {"@type": "WebPage", "lastReviewed": "2024-08-24"}]}
    meta = _meta(f"<html><head>{_ld(graph, '//<![CDATA[ {} //]]>')}</head>"
                 f"<body><h1>Sleep</h1>{_PARAS}</body></html>")
    assert meta["schema_types"] == ["NewsArticle", "WebPage"]
    assert meta["modified"] == "2024-08-23T08:00:00+02:00"
    assert meta["last_reviewed"] == "2024-08-24"


def test_review_data_on_the_articles_main_entity_of_page():
    article = {"@context": "https://schema.org", "@type": "Article",
               "datePublished": "2021-03-23", "author": {"@type": "Person", "name": "Jacob Doe"},
               "mainEntityOfPage": {"@type": "WebPage", "lastReviewed": "2022-03-28",
                                    "reviewedBy": [
                                        {"@type": "Person", "name": "Mara Fig",
                                         "url": "https://health.example/mara"},
                                        {"@type": "Person", "name": "Fer Flo",
                                         "honorificSuffix": "CAMS"}]}}
    meta = _meta(f"<html><head>{_ld(article)}</head><body><h1>Sleep</h1>{_PARAS}</body></html>")
    assert meta["reviewed_by"] == [
        {"name": "Mara Fig", "url": "https://health.example/mara", "credentials": None},
        {"name": "Fer Flo", "url": None, "credentials": "CAMS"}]
    assert meta["last_reviewed"] == "2022-03-28"
    assert meta["schema_types"] == ["Article"]  # a nested page is no top-level object


def test_a_review_line_that_is_a_profile_link():
    meta = _meta(f"<html><body><h1>Innere Ruhe</h1>{_PARAS}"
                 '<a href="/author/stefan/"><div><div>Geprüft von Dr. med. Stefan Muster</div>'
                 "</div></a></body></html>")
    assert meta["reviewed_by"] == [{"name": "Dr. med. Stefan Muster", "credentials": None,
                                    "url": "https://health.example/author/stefan/"}]


def test_a_fact_checked_by_line():
    meta = _meta(f"<html><body><h1>Sleep</h1><p>Fact checked by Fernando Flo</p>{_PARAS}"
                 "</body></html>")
    assert [r["name"] for r in meta["reviewed_by"]] == ["Fernando Flo"]


def test_review_lines_of_related_story_cards_are_not_the_pages():
    cards = "".join(
        f'<li><div><a href="/health/story-{i}">Another Story About Sleep Number {i}</a>'
        f'<section><div>Medically reviewed by Reviewer {i}, MD</div></section>'
        f"<p>Short teaser text {i}.</p></div></li>" for i in range(3))
    meta = _meta(f"<html><body><h1>Sleep</h1><p>Written by Rae Link, MS, RD</p>{_PARAS}"
                 f"<ul>{cards}</ul></body></html>")
    assert meta["reviewed_by"] == []


def test_credentials_after_a_comma_are_not_part_of_the_authors_name():
    ld = {"@context": "https://schema.org", "@type": "MedicalWebPage",
          "author": {"@type": "Person", "name": "Rae Link, MS, RD"}}
    meta = _meta(f"<html><head>{_ld(ld)}</head><body><h1>Sleep</h1>"
                 f'<p>Written by <a href="/nutrition-team">Rae Link, MS, RD</a></p>{_PARAS}'
                 "</body></html>")
    assert meta["author_objects"] == [{"name": "Rae Link",
                                       "url": "https://health.example/nutrition-team"}]
    visible = _meta(f"<html><body><h1>Sleep</h1><p>By Jane Roe, MD</p>{_PARAS}</body></html>")
    assert visible["authors"] == ["Jane Roe"]
    # a second name after the comma stays a second author
    two = _meta(f"<html><body><h1>Sleep</h1><p>By Jane Roe, Max Muster</p>{_PARAS}"
                "</body></html>")
    assert two["authors"] == ["Jane Roe", "Max Muster"]


def test_the_site_named_as_author_gives_way_to_the_byline():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "author": {"@type": "Person", "name": "Sleepmag "},
          "publisher": {"@type": "Organization", "name": "Sleepmag"}}
    meta = _meta(f"<html><head>{_ld(ld)}<meta property='og:site_name' content='Sleepmag'>"
                 f"</head><body><h1>Sleep</h1>"
                 f'<a rel="author" href="/people/shany">Shany Lit</a>{_PARAS}</body></html>')
    assert meta["author_objects"] == [{"name": "Shany Lit",
                                       "url": "https://health.example/people/shany"}]


def test_a_teasers_date_is_not_the_pages_and_a_lone_dateline_is():
    teaser = ('<ul><li class="teaser"><a href="/x">Other news</a>'
              '<em class="teaser__pubdate">04.11.2021</em></li></ul>')
    page = _meta(f"<html><body><h1>Reisehinweise</h1><span>Stand - 12.11.2021</span>{_PARAS}"
                 f"{teaser}</body></html>")
    assert page["published"] == "2021-11-12"  # the "Stand" date, not the teaser's
    lone = _meta(f"<html><body><div>08. Februar 2022</div><h1>Impfen</h1>{_PARAS}"
                 "</body></html>")
    assert lone["published"] == "2022-02-08"
