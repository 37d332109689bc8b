"""Microdata and RDFa as metadata sources (cleaners/structured.py), and the page's own time
zone kept when JSON-LD writes the same instant in UTC."""
from __future__ import annotations

from cleaners.html import parse_html
from cleaners.metadata import read_metadata
from cleaners.structured import read_structured

URL = "https://health.example/news/2024/flu-season/"
TEXT = "<p>Flu season started early this year in the northern regions.</p>" * 5


def _root(body: str, head: str = ""):
    root, _ = parse_html(f"<html><head>{head}</head><body>{body}</body></html>")
    return root


def test_microdata_article_author_and_dates() -> None:
    root = _root(
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Flu season starts early</h1>'
        '<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<a itemprop="url" href="/staff/ines-varga"><span itemprop="name">Ines Varga</span></a>'
        '</span><time itemprop="datePublished" datetime="2024-10-02T09:00:00+02:00">2 Oct'
        '</time>' + TEXT +
        # a related-article card is an item of its own: its author is not the page's
        '<div itemscope itemtype="https://schema.org/Article"><span itemprop="author">'
        'Tom Hale</span></div>'
        # a comment's author neither
        '<div itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
        '<span itemprop="author">reader42</span></div></article>')
    got = read_structured(root)
    assert got["authors"] == [{"name": "Ines Varga", "url": "/staff/ines-varga",
                               "credentials": None}]
    assert got["published"] == "2024-10-02T09:00:00+02:00"
    assert got["title"] == "Flu season starts early"
    meta = read_metadata(root, URL)
    assert meta["author_objects"] == [{"name": "Ines Varga",
                                       "url": "https://health.example/staff/ines-varga"}]


def test_rdfa_lite_and_dublin_core() -> None:
    root = _root(
        '<div vocab="https://schema.org/" typeof="MedicalWebPage">'
        '<h1 property="headline">Flu shots for adults</h1>'
        '<p>By <a property="author" href="https://health.example/team/ko">Dr. Min-jun Ko</a>'
        '</p><p>Reviewed by <span property="reviewedBy" typeof="Person">'
        '<span property="name">Ana Ruiz</span></span> on '
        '<span property="lastReviewed" content="2024-09-30">30 September 2024</span></p>'
        + TEXT + '</div>')
    got = read_structured(root)
    assert [a["name"] for a in got["authors"]] == ["Dr. Min-jun Ko"]
    assert got["authors"][0]["url"] == "https://health.example/team/ko"
    assert [r["name"] for r in got["reviewed_by"]] == ["Ana Ruiz"]
    assert got["last_reviewed"] == "2024-09-30"
    dc = _root('<p>Written by <span property="dc:creator">Lea Bauer</span>, '
               '<span property="dcterms:created" content="2023-05-04">4 May 2023</span></p>'
               + TEXT)
    got = read_structured(dc)
    assert [a["name"] for a in got["authors"]] == ["Lea Bauer"]
    assert got["published"] == "2023-05-04"


def test_no_attributes_no_metadata() -> None:
    got = read_structured(_root(TEXT))
    assert got == {"authors": [], "reviewed_by": [], "published": None, "modified": None,
                   "last_reviewed": None, "title": None, "recipe_lines": []}


def test_utc_jsonld_date_takes_the_pages_own_zone() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2022-04-22T04:11:44+00:00"}</script>'
            '<meta property="article:published_time" content="2022-04-21T22:11:44-06:00">')
    meta = read_metadata(_root(TEXT, head), URL)
    assert meta["published"] == "2022-04-21T22:11:44-06:00"
    other = head.replace("22:11:44-06:00", "20:00:00-06:00")  # not the same instant
    assert read_metadata(_root(TEXT, other), URL)["published"] == "2022-04-22T04:11:44+00:00"


def test_author_link_to_an_anchor_on_the_page_is_no_profile() -> None:
    head = ('<script type="application/ld+json">{"@type": "Article", "author": '
            f'{{"@type": "Person", "name": "Marta Diaz", "url": "{URL}#auth-1"}}}}</script>')
    meta = read_metadata(_root(TEXT, head), URL)
    assert meta["author_objects"] == [{"name": "Marta Diaz", "url": None}]


def test_opengraph_author_url_is_no_name() -> None:
    """OpenGraph's article:author is a profile URL; parsers put stray <meta> tags in the
    body, where the RDFa reader sees them."""
    root = _root('<meta property="article:author" content="https://www.facebook.com/x/">'
                 '<span property="dc:creator" content="https://health.example/u/7">x</span>'
                 + TEXT)
    assert read_structured(root)["authors"] == []


def _ld_head(published: str, modified: str | None = None, meta: str = "") -> str:
    modified = f', "dateModified": "{modified}"' if modified else ""
    return ('<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"datePublished": "{published}"{modified}}}</script>{meta}')


def test_a_utc_meta_tag_a_fraction_of_a_second_off_is_the_same_instant() -> None:
    # an Arc / Fusion page: JSON-LD in the site's offset, <meta> in UTC with milliseconds, and
    # the server-rendered header printing the UTC day; the site's own day is the JSON-LD's
    head = _ld_head("2022-05-05T21:00:00-05:00", meta='<meta property="article:published_time" '
                    'content="2022-05-06T02:00:00.824Z">')
    body = '<div class="Datetime">6 May 2022 - 2:00 a. m.</div><h1>Flu season</h1>' + TEXT
    assert read_metadata(_root(body, head), URL)["published"] == "2022-05-05T21:00:00-05:00"


def test_a_utc_timestamp_one_day_after_the_printed_day_takes_the_printed_day() -> None:
    # JSON-LD in GMT (RFC 2822 form) at 00:25, the page printing the evening before
    head = _ld_head("Wed, 04 May 2022 00:25:56 GMT", "Wed, 04 May 2022 00:25:56 GMT")
    body = ('<h1>Flu season</h1><time class="com-date" datetime="3 de mayo de 2022">'
            '3 de mayo de 2022</time><time class="com-hour">21:25</time>' + TEXT)
    meta = read_metadata(_root(body, head), URL)
    assert (meta["published"], meta["modified"]) == ("2022-05-03", "2022-05-03")
    # the same in ISO form
    head = _ld_head("2022-05-04T03:37:37+00:00")
    assert read_metadata(_root(body, head), URL)["published"] == "2022-05-03"


def test_a_printed_day_no_zone_reaches_leaves_the_utc_timestamp() -> None:
    body = ('<h1>Flu season</h1><time class="com-date" datetime="3 de mayo de 2022">'
            '3 de mayo de 2022</time>' + TEXT)
    for value in ("2022-05-04T15:25:56Z",    # 15:25 UTC is the 4th from UTC-12 on
                  "2022-05-05T00:25:56Z",    # two days off
                  "2022-05-02T20:51:06Z",    # a printed day after the UTC day: the page's
                  #                            "today" in a header as often as an eastern zone
                  "2022-05-04T00:25:56-03:00"):  # the site's own offset, not UTC
        assert read_metadata(_root(body, _ld_head(value)), URL)["published"] == value
