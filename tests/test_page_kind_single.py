"""cleaners/page_kind.py: the signs that a page is one article in a blog template built for
lists (tests/fixtures/page_kind_single/<case>/: page.html and meta.json {url, kind, style},
hand-written after WordPress themes): a headline linking to the page itself, a form to
comment on it, reader comments that are no cards, a WordPress post id in the query; and a
blog index those signs must not turn into an article."""
from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from cleaners.extract import extract_article
from cleaners.html import parse_html
from cleaners.page_kind import page_signals, teaser_share
from cleaners.page_url import url_kind

CASES = sorted(p for p in (FIXTURES / "page_kind_single").iterdir()
               if (p / "meta.json").is_file())


def _case(name: str) -> tuple[str, str]:
    folder = FIXTURES / "page_kind_single" / name
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return (folder / "page.html").read_text(encoding="utf-8"), meta["url"]


def _kind(html: str, url: str) -> str:
    return extract_article(html.encode(), url).page_kind


def _signals(html: str, url: str):
    root, _ = parse_html(html.encode())
    return page_signals(root, url)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_kind(case):
    html, url = _case(case.name)
    assert _kind(html, url) == json.loads((case / "meta.json").read_text())["kind"]


CLASSIC = "de-wp-classic-short-post"
FORM = ('<form action="http://www.gartenfunk.example/wp-comments-post.php" method="post" '
        'id="commentform">')
TITLE_LINK = ('<a href="http://www.gartenfunk.example/die-ersten-tomaten/" rel="bookmark" '
              'title="Permanent link to Die ersten Tomaten">Die ersten Tomaten</a>')


def test_a_short_post_under_a_site_name_h1_is_kept_by_its_own_title_link_or_comment_form():
    # two sentences, no og:type, no JSON-LD, a slug too short to say "article": the post's
    # title links to the page itself and a comment form asks about this text
    html, url = _case(CLASSIC)
    signals = _signals(html, url)
    assert signals.self_headings == 1 and signals.comment_form
    assert signals.h1 == "gartenfunk"  # the site's name, linking home: not this page
    without_form = html.replace(FORM, '<form action="/suche/" method="get" id="nachfrage">')
    unlinked = html.replace(TITLE_LINK, "Die ersten Tomaten")
    assert _kind(without_form, url) == "article"  # the title link alone
    assert _kind(unlinked, url) == "article"  # the comment form alone
    # neither sign: two sentences and nothing else are no article
    assert _kind(unlinked.replace(FORM, '<form action="/suche/" method="get">'), url) != "article"
    # a search form is no comment form
    assert not _signals(without_form, url).comment_form


def test_the_canonical_url_names_the_page_its_title_links_to():
    # the same post fetched by its short link: its title links to the canonical slug
    html, _ = _case(CLASSIC)
    assert _signals(html, "http://www.gartenfunk.example/?p=418").self_headings == 1
    assert _signals(html, "http://www.gartenfunk.example/?p=419").self_headings == 1
    no_canonical = html.replace('<link rel="canonical" href="http://www.gartenfunk.example/'
                                'die-ersten-tomaten/" />', "")
    assert _signals(no_canonical, "http://www.gartenfunk.example/?p=418").self_headings == 0


def test_reader_comments_in_article_elements_are_no_cards():
    html, url = _case("en-wp-twentytwelve-comments")
    assert html.count('<article id="comment-') == 4
    assert _signals(html, url).articles == 1  # the post, not its four comments
    assert _kind(html, url) == "article"


def test_a_wordpress_post_id_in_the_query_is_no_pager():
    assert url_kind("https://greenlane.example.org/blog/?p=1532") == ("article", 1.0)
    assert url_kind("https://b.example.org/?p=418&replytocom=3")[0] == "article"
    assert url_kind("https://news.example.org/latest?p=2")[0] == "listing"  # a page number
    assert url_kind("https://b.example.org/?cat=4&p=12")[0] == "listing"
    html, url = _case("en-wp-default-permalink-post")
    assert _kind(html, url) == "article"


def test_a_blog_index_whose_site_title_links_to_itself_stays_a_listing():
    # /blog/ with default permalinks: the posts are /blog/?p=ID, other pages than /blog/
    html, url = _case("en-wp-blog-index-in-subfolder")
    signals = _signals(html, url)
    assert signals.linked_headings == 5 and signals.self_headings == 1
    assert _kind(html, url) == "listing"


def test_a_site_name_linking_home_on_the_home_page_is_not_the_page_titling_itself():
    case = FIXTURES / "page_kind" / "en-wp-twentytwenty-home"
    url = json.loads((case / "meta.json").read_text())["url"]
    root, _ = parse_html((case / "page.html").read_bytes())
    assert page_signals(root, url).self_headings == 0


def test_a_post_whose_linked_title_leads_elsewhere_is_not_a_teaser_of_its_own_page():
    # served at an older address: the title links to the new permalink, so the post is one
    # of four items of one markup with its three related posts; its own title names it
    html, url = _case("en-wp-post-under-an-alias")
    signals = _signals(html, url)
    assert signals.linked_headings == 4 and signals.self_headings == 0
    article = extract_article(html.encode(), url)
    assert article.title == "Cuttings in a glass of water" in signals.card_titles
    paragraphs = article.body.split("\n\n")
    assert teaser_share(paragraphs, signals) == 1.0  # as cards, every line is a teaser's
    assert teaser_share(paragraphs, signals, article.title) == 0.0
    assert article.page_kind == "article"


def test_a_tracking_query_on_the_page_url_keeps_its_own_title_link():
    # a link without a query is this page by its path; one with a query needs the same query
    html, _ = _case(CLASSIC)
    no_canonical = html.replace('<link rel="canonical" href="http://www.gartenfunk.example/'
                                'die-ersten-tomaten/" />', "")
    url = "http://www.gartenfunk.example/die-ersten-tomaten/?utm_source=newsletter"
    signals = _signals(no_canonical, url)
    plain = _signals(no_canonical, "http://www.gartenfunk.example/die-ersten-tomaten/")
    assert signals.self_headings == plain.self_headings == 1
    assert signals.linked_headings == plain.linked_headings  # the site name, the comments' link


@pytest.mark.parametrize(("url", "hint"), [
    ("https://greenlane.example.org/blog/archives/1532", "article"),  # numeric permalinks
    ("https://news.example.org/archive/63076", "article"),
    ("https://news.example.org/archives/2024/10/16/2003825372", "article"),
    ("https://example.org/presse/archiv/neue-technik-fuer-alte-kohle-73813", "article"),
    ("https://news.example.org/archive/2024", "listing"),  # a year's archive
    ("https://news.example.org/archives/2024/10/16/", "listing"),
    ("https://example.org/archive/", "listing"),
    ("https://example.org/tag/sleep/archive/12345", "listing"),  # still under a tag
])
def test_an_archive_item_is_no_archive(url, hint):
    assert url_kind(url)[0] == hint


def test_a_post_under_wordpress_numeric_permalinks_is_kept():
    html, _ = _case("en-wp-default-permalink-post")
    assert _kind(html, "https://greenlane.example.org/blog/archives/1532") == "article"
