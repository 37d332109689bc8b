"""Byline shapes met on the tune pages of round 9 (bench/data/metadata, docs/
metadata-annotation.md "Eighth batch"), on hand-written pages."""
from __future__ import annotations

from byline_pages import authors as _authors
from byline_pages import page


def test_degrees_after_a_microdata_authors_name_are_no_part_of_it() -> None:
    # an hCard / microdata author whose text carries the writer's degrees after a comma
    head = ""
    byline = ("<div itemscope itemtype='http://schema.org/BlogPosting'>"
              "<span class='entry-author'>By: <a class='author url fn' itemprop='author' "
              "href='/blog/author/jane-roe'>Jane Roe, MS, RDN</a></span></div>")
    assert _authors(page(byline=byline, head=head)) == [
        ("Jane Roe", "https://news.example/blog/author/jane-roe")]


def test_a_byline_block_with_one_link_per_writer_names_each() -> None:
    # two writers' links side by side in one byline block, nothing between them but markup
    byline = ("<div class='bylines'><div class='byline'><a class='name' "
              "href='mailto:ann@news.example'>Ann Lee</a></div><div class='byline'>"
              "<a class='name' href='mailto:tom@news.example'>Tom Roe Berg</a></div></div>")
    assert [n for n, _ in _authors(page(byline=byline))] == ["Ann Lee", "Tom Roe Berg"]


def test_a_json_ld_author_list_beside_a_shorter_byline_stays() -> None:
    head = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
            "[{\"@type\": \"Person\", \"name\": \"Ann Lee\"}, {\"@type\": \"Person\", "
            "\"name\": \"Tom Roe Berg\"}]}</script>")
    byline = "<p class='byline'><a href='/author/ann-lee/'>Ann Lee</a></p>"
    assert [n for n, _ in _authors(page(byline=byline, head=head))] == ["Ann Lee", "Tom Roe Berg"]


def test_names_joined_by_a_nordic_and_are_two_writers() -> None:
    # Danish / Norwegian "og", Swedish "och", in the byline and in one JSON-LD author string
    byline = "<div class='byline'>Ann Lee Berg og Tom Roe</div>"
    assert [n for n, _ in _authors(page(byline=byline, lang="da"))] == ["Ann Lee Berg", "Tom Roe"]
    head = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
            "[{\"@type\": \"Person\", \"name\": \"Ann Lee Berg och Tom Roe\"}]}</script>")
    assert [n for n, _ in _authors(page(head=head, lang="sv"))] == ["Ann Lee Berg", "Tom Roe"]


def test_a_cms_author_key_beats_the_site_named_as_author() -> None:
    # JSON-LD and <meta name=author> name the site itself; the CMS's own author key names the
    # agency that wrote the piece
    head = ("<meta property='og:site_name' content='News Example'>"
            "<meta name='author' content='News Example'>"
            "<meta name='articleAuthor' content='Press Agency'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
            "{\"@type\": \"Person\", \"name\": \"News Example\"}, \"publisher\": "
            "{\"@type\": \"Organization\", \"name\": \"News Example\"}}</script>")
    assert _authors(page(head=head)) == [("Press Agency", None)]


def test_an_author_page_link_around_the_author_box_is_the_profile() -> None:
    # the link wraps the whole box: the name, then the date
    head = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
            "{\"@type\": \"Person\", \"name\": \"Jane Roe\"}}</script>")
    byline = ("<a href='/author/jroe'><div class='box'><div>Jane Roe</div>"
              "<div>05 May 2024</div></div></a>")
    assert _authors(page(byline=byline, head=head)) == [
        ("Jane Roe", "https://news.example/author/jroe")]


_ORG_AUTHOR = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
               "{\"@type\": \"Organization\", \"name\": \"Example News\"}}</script>")


def test_a_writer_signing_the_end_of_the_text_beats_an_organisation_author() -> None:
    tail = "<p style='text-align:right'><strong>Ann Lee Berg</strong></p>"
    assert _authors(page(tail=tail, head=_ORG_AUTHOR)) == [("Ann Lee Berg", None)]


def test_a_bold_line_that_is_no_name_leaves_the_organisation() -> None:
    tail = "<p><strong>Read more</strong></p>"
    assert _authors(page(tail=tail, head=_ORG_AUTHOR)) == [("Example News", None)]
