"""Author shapes met on the tune pages of round 11 (bench/data/metadata, docs/
metadata-annotation.md "Eleventh batch" and the older tune misses read again), on
hand-written pages."""
from __future__ import annotations

from byline_pages import authors as _authors
from byline_pages import page


def test_a_script_hook_class_naming_related_is_no_related_block() -> None:
    # the article's section carries a JavaScript hook "js-truncate-related-to-my-size"; the
    # author box after the text sits inside it
    tail = ("<footer><h2>Autor</h2><div class='article__author'><h3 class='article__author-name'>"
            "<a href='/autorzy/7-ann-lee'>Ann Lee Berg</a></h3></div></footer>")
    html = page(tail=tail, lang="pl").replace(
        "<article>", "<article><section class='article__content js-truncate-related-to-my-size'>"
    ).replace("</article>", "</section></article>")
    assert _authors(html) == [("Ann Lee Berg", "https://news.example/autorzy/7-ann-lee")]


def test_a_related_stories_block_still_hides_its_bylines() -> None:
    tail = ("<aside class='related-posts'><div class='teaser'><h3>Other story</h3>"
            "<span class='author'><a href='/author/tom-roe'>Tom Roe</a></span></div></aside>")
    assert _authors(page(tail=tail)) == []


def test_an_agency_beside_a_writer_is_no_second_author() -> None:
    byline = "<div class='article-authors'>von Ann Lee, Deutsche Presse-Agentur</div>"
    assert [n for n, _ in _authors(page(byline=byline, lang="de"))] == ["Ann Lee"]
    head = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
            "[{\"@type\": \"Person\", \"name\": \"Reuters\"}, {\"@type\": \"Person\", "
            "\"name\": \"Tom Roe\"}]}</script>")
    assert [n for n, _ in _authors(page(head=head))] == ["Tom Roe"]


def test_the_site_or_its_desk_beside_a_writer_is_no_second_author() -> None:
    # the site's regional desk after the writer ("von David Straub, MDR THÜRINGEN" on mdr.de)
    byline = "<p class='author'>von Ann Lee, NEWS BAYERN</p>"
    assert [n for n, _ in _authors(page(byline=byline, lang="de"))] == ["Ann Lee"]
    # JSON-LD naming the writer and the site itself (an Organization)
    head = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
            "[{\"@type\": \"Person\", \"name\": \"Ann Lee\"}, {\"@type\": \"Organization\", "
            "\"name\": \"News Example\"}]}</script>")
    assert [n for n, _ in _authors(page(head=head))] == ["Ann Lee"]


def test_an_agency_or_the_desk_alone_stays_the_author() -> None:
    byline = "<p class='author'>Von Deutsche Presse-Agentur</p>"
    assert [n for n, _ in _authors(page(byline=byline, lang="de"))] == [
        "Deutsche Presse-Agentur"]


def test_the_site_named_as_author_in_another_spelling_gives_way_to_the_byline() -> None:
    # JSON-LD author and <meta name=author> write the site "El Example", the publisher
    # "ElExample.com", og:site_name "www.elexample.com": the house account, not the writer
    from cleaners.extract import extract_article
    head = ("<meta property='og:site_name' content='www.elexample.com'>"
            "<meta name='author' content='El Example'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
            "{\"@type\": \"Person\", \"name\": \"El Example\"}, \"publisher\": {\"@type\": "
            "\"Organization\", \"name\": \"ElExample.com\"}}</script>")
    byline = "<div class='byline'>Por <a href='/autores/ann-lee-berg'>Ann Lee Berg</a></div>"
    # (the site's name is printed on the page: the JSON-LD author is "shown")
    html = page(byline=byline, head=head, lang="es",
                tail="<p class='copyright'>© El Example, todos los derechos reservados</p>")
    found = extract_article(html, "https://www.elexample.com/noticias/2024/flu").authors
    assert [a["name"] for a in found] == ["Ann Lee Berg"]


def test_a_byline_inside_a_link_to_another_story_is_that_storys() -> None:
    # a "most read" list whose every card is one link holding the story's author
    tail = ("<div class='topicarea'><h3>Viel gelesen</h3><ul><li><a href='/other/story.html'>"
            "<h4 class='item__title'>Another story</h4><span class='item__metainfo'>"
            "<span class='item__author'>Tom Roe Berg</span></span></a></li></ul></div>")
    assert _authors(page(tail=tail, lang="de")) == []


def test_a_social_networks_front_page_is_no_profile_link() -> None:
    # the template links the name to the network with an empty handle
    byline = ("<div class='author'><a class='handle' href='https://twitter.com/'>Ann Lee Berg"
              "</a></div>")
    assert _authors(page(byline=byline)) == [("Ann Lee Berg", None)]
