"""Publication dates when structured data is unreadable or silent: timestamp strings in the
C / Java form, an epoch-zero date, a dated URL path."""
from __future__ import annotations

import json

import pytest

from cleaners.dates import parse_date, url_date
from cleaners.html import parse_html
from cleaners.metadata import read_metadata

TEXT = "<p>" + "Flu cases rose sharply in the first weeks of March across the region. " * 3 + "</p>"


def _published(head: str = "", body: str = "", url: str = "https://news.example/flu") -> str:
    html = (f"<html><head><title>Flu</title>{head}</head><body><article>"
            f"<h1>Flu season peaks early</h1>{body}{TEXT}</article></body></html>")
    root, _ = parse_html(html.encode())
    return parse_date(read_metadata(root, url)["published"])


@pytest.mark.parametrize("text,iso", [
    ("Fri Apr 28 19:20:36 CEST 2023", "2023-04-28"),   # Java Date.toString()
    ("Fri Feb 18 10:27:24 2022", "2022-02-18"),        # C ctime()
    ("Wed May 04 2022 00:53:27 GMT+0000", "2022-05-04"),  # JavaScript Date.toString()
])
def test_timestamp_strings(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_a_structured_date_that_reads_as_none_does_not_hide_the_visible_one() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flu",
          "datePublished": "yesterday"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert _published(head, "<p>Veröffentlicht am 18.02.2022</p>") == "2022-02-18"
    # a <meta> tag after an unreadable JSON-LD value is the next source
    head += "<meta property='article:published_time' content='2022-02-17T08:00:00+01:00'>"
    assert _published(head, "<p>Veröffentlicht am 18.02.2022</p>") == "2022-02-17"


def test_the_unix_epoch_is_no_date() -> None:
    head = "<meta property='article:published_time' content='1970-01-01T00:00:00+00:00'>"
    assert _published(head, "<p>Published on March 8, 2024</p>") == "2024-03-08"


@pytest.mark.parametrize("url,iso", [
    ("https://blog.example/2017/06/29/flu-shots/", "2017-06-29"),
    ("https://blog.example/2019-10-22/flu-shots", "2019-10-22"),
    ("https://blog.example/2014/05/flu-shots/", None),       # a month is not a date
    ("https://blog.example/articles/20170629-1234/", None),  # nor an id
])
def test_url_date(url: str, iso: str | None) -> None:
    assert url_date(url) == iso


def test_a_dated_url_is_the_last_resort() -> None:
    url = "https://blog.example/2017/06/29/flu-shots/"
    assert _published(url=url) == "2017-06-29"
    assert _published(body="<p>Published on March 8, 2024</p>", url=url) == "2024-03-08"


def test_a_labelled_date_after_a_line_break() -> None:
    # the label and date are the tail of a <br> or an icon, not an element's own text
    body = "<p>Letzte Änderung: 31.10.2023<br>Erschienen am: 01.11.2023</p>"
    html = (f"<html><head><title>Flu</title></head><body><article><h1>Flu</h1>{body}{TEXT}"
            "</article></body></html>")
    root, _ = parse_html(html.encode())
    meta = read_metadata(root, "https://news.example/flu")
    assert (meta["published"], parse_date(meta["modified"])) == ("2023-11-01", "2023-10-31")


def test_a_utc_timestamp_a_day_off_the_dated_url() -> None:
    # 02:25 UTC on the 25th is the evening of the 24th where the site dated its URL
    url = "https://news.example/2020/02/24/flu-shots/"
    head = "<meta property='article:published_time' content='2020-02-25T02:25:54+00:00'>"
    assert _published(head, url=url) == "2020-02-24"
    # with the site's own offset, or further from the URL's date, the timestamp stands
    head = "<meta property='article:published_time' content='2020-02-25T02:25:54-05:00'>"
    assert _published(head, url=url) == "2020-02-25"
    head = "<meta property='article:published_time' content='2020-02-27T02:25:54Z'>"
    assert _published(head, url=url) == "2020-02-27"


def test_json_ld_with_a_raw_line_break_inside_a_string() -> None:
    # a CMS pastes the article body into JSON-LD with its line breaks unescaped: invalid JSON
    # for strict parsers, but the object's date and author are readable
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "NewsArticle", "headline": "Flu", "articleBody": "First line.\nSecond '
            'line.\tEnd.", "datePublished": "2022-02-02T12:20:00+01:00", '
            '"author": {"@type": "Person", "name": "Jane Roe"}}</script>')
    html = (f"<html><head><title>Flu</title>{head}</head><body><article>"
            f"<h1>Flu season peaks early</h1>{TEXT}</article></body></html>")
    root, _ = parse_html(html.encode())
    meta = read_metadata(root, "https://news.example/flu")
    assert parse_date(meta["published"]) == "2022-02-02"
    assert meta["authors"] == ["Jane Roe"]


@pytest.mark.parametrize("kind", ["Recipe", "LiveBlogPosting", "DiscussionForumPosting",
                                  "HowTo", "SocialMediaPosting"])
def test_the_date_of_a_creative_work_that_is_not_an_article(kind: str) -> None:
    # a recipe, a live blog or a forum thread is the page's main work: its datePublished is the
    # page's date (a recipe site carries no Article object at all)
    ld = {"@context": "https://schema.org", "@type": kind, "name": "Porridge",
          "datePublished": "2018-07-25"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert _published(head) == "2018-07-25"


@pytest.mark.parametrize("body,iso", [
    # the label alone in its element, the date in its tail
    (('<ul class="info"><li><span>Datum:</span>26. Januar 2022</li>'
     '<li><span>Ausgabejahr:</span>2022</li></ul>'), "2022-01-26"),
    ('<div class="byline"><span>veröffentlicht</span> 28.01.2022 06:00 </div>', "2022-01-28"),
])
def test_a_date_label_whose_date_is_its_tail(body: str, iso: str) -> None:
    assert _published(body=body) == iso


@pytest.mark.parametrize("body,iso", [
    (('<div class="meta"><a href="/autor/frank_g">Gunter Frank</a> / 22.04.2020 / 06:15 /'
     '</div>'), "2020-04-22"),
    (('<div class="metadata"><p class="byline__author"> VON <a href="/autoren/gathmann">MORITZ '
     'GATHMANN</a> am 21. April 2020 </p></div>'), "2020-04-21"),
    ('<div class="author"><a href="/autoren/georg-quaas/">Georg Quaas</a>, 21. Jan. 2015</div>',
     "2015-01-21"),
])
def test_a_date_on_the_byline_line(body: str, iso: str) -> None:
    assert _published(body=body) == iso


def test_loosely_named_meta_dates() -> None:
    # a CMS's or a plugin's own <meta> names: read where no named source gives the date
    head = ('<meta name="shareaholic:article_modified_time" content="2020-06-05T10:00:00+02:00">'
            '<meta name="created" content="2022-12-30 13:49:50 +0100">')
    html = (f"<html><head><title>Flu</title>{head}</head><body><article>"
            f"<h1>Flu season peaks early</h1>{TEXT}</article></body></html>")
    root, _ = parse_html(html.encode())
    meta = read_metadata(root, "https://news.example/flu")
    assert parse_date(meta["modified"]) == "2020-06-05"
    assert parse_date(meta["published"]) == "2022-12-30"
    # the publication date the page prints wins over a "created" stamp (a first draft's)
    assert _published(head, "<p>Veröffentlicht am 18.02.2022</p>") == "2022-02-18"


def test_structured_dates_that_disagree_take_the_printed_day() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flu",
          "datePublished": "2022-01-04T07:29:00.000Z"}
    head = (f'<script type="application/ld+json">{json.dumps(ld)}</script>'
            '<meta property="article:published_time" content="2022-01-06T08:29:34+01:00">')
    dateline = '<span class="date">06.01.2022</span>'
    assert _published(head, dateline) == "2022-01-06"
    # sources that agree, or a printed day none of them gives, leave the JSON-LD date
    assert _published(head.split("<meta")[0], dateline) == "2022-01-04"
    assert _published(head, '<span class="date">07.01.2022</span>') == "2022-01-04"
    # the printed date is the update line: the structured publication date stands
    updated = head + '<meta property="article:modified_time" content="2022-01-06T09:00:00+01:00">'
    assert _published(updated, '<span class="date">Updated 06.01.2022</span>') == "2022-01-04"


def test_the_last_resort_is_htmldate_without_comment_dates() -> None:
    # an hAtom entry's date sits in a title attribute none of our own sources reads
    body = ('<p class="meta"><abbr class="published" title="2013-04-04T18:52:11+02:00">'
            '4/4</abbr></p>')
    assert _published(body=body) == "2013-04-04"
    # a reader's comment is dated, the article is not: no publication date
    comment = ('<div class="comments"><div class="comment"><p>Vielen Dank!</p>'
               '<span class="date">28.02.2018</span></div></div>')
    html = ("<html><head><title>Flu</title></head><body><article><h1>Flu season peaks early"
            f"</h1>{TEXT}</article><aside>{comment}</aside></body></html>")
    root, _ = parse_html(html.encode())
    assert read_metadata(root, "https://news.example/flu")["published"] is None


@pytest.mark.parametrize("line,field,iso", [
    ("Atualizado em 04/12/2024", "modified", "2024-12-04"),
    ("Oppdatert 04.12.2024", "modified", "2024-12-04"),
    ("Güncelleme: 04.12.2024", "modified", "2024-12-04"),
    ("最終更新日：2024年12月4日", "modified", "2024-12-04"),
    ("Dernière mise à jour le 04/12/2024", "modified", "2024-12-04"),
    ("Publisert 03.12.2024", "published", "2024-12-03"),
    ("Yayınlanma: 03.12.2024", "published", "2024-12-03"),
    ("公開日：2024年12月3日", "published", "2024-12-03"),
])
def test_date_labels_in_more_languages(line: str, field: str, iso: str) -> None:
    html = ("<html><head><title>Flu</title></head><body><article><h1>Flu season peaks early"
            f"</h1><p class='meta'>{line}</p>{TEXT}</article></body></html>")
    root, _ = parse_html(html.encode())
    assert parse_date(read_metadata(root, "https://news.example/flu")[field]) == iso


def test_the_article_nested_as_the_pages_main_entity() -> None:
    ld = {"@context": "https://schema.org", "@type": "WebPage", "name": "Flu",
          "mainEntity": {"@type": "NewsArticle", "headline": "Flu",
                         "datePublished": "Tue, 4 May 2021 19:18:00 +0200",
                         "dateModified": "Wed, 5 May 2021 05:53:00 +0200",
                         "author": {"@type": "Person", "name": "Jane Roe"}}}
    html = ("<html><head><title>Flu</title>"
            f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body>'
            f"<article><h1>Flu season peaks early</h1>{TEXT}</article></body></html>")
    root, _ = parse_html(html.encode())
    meta = read_metadata(root, "https://news.example/flu")
    assert parse_date(meta["published"]) == "2021-05-04"
    assert parse_date(meta["modified"]) == "2021-05-05"
    assert meta["authors"] == ["Jane Roe"]


def _modified(body: str) -> str | None:
    html = (f"<html lang='fr'><head><title>Flu</title></head><body><article>"
            f"<h1>Flu season peaks early</h1><p>Par Jeanne Roe, 30 septembre 2018</p>{body}"
            f"{TEXT}</article></body></html>")
    root, _ = parse_html(html.encode())
    return read_metadata(root, "https://news.example/flu")["modified"]


@pytest.mark.parametrize("note", [
    "<p><i>Article mis à jour le 7 janvier 2020.</i></p>",  # the note names what it updates
    "<div class='meta'><i>Updated: <time>Jan 7, 2020</time></i></div>",  # a label in <i>
])
def test_an_update_note_in_italics(note: str) -> None:
    assert parse_date(_modified(note)) == "2020-01-07"
