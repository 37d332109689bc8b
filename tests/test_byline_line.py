"""The learned byline line (cleaners/byline_line.py) on hand-written pages: a byline no
reader of ours reads is found; interface words, a photo credit and a related story's byline
are no candidates."""
from __future__ import annotations

from byline_pages import authors, page

from cleaners.byline_line import candidates
from cleaners.html import parse_html


def _candidate_names(html: str) -> list[list[str]]:
    root, _w = parse_html(html)
    return [names for names, _f, _u in candidates(root, set())]


def test_an_unlabelled_byline_line_under_the_headline_names_the_writer() -> None:
    # "| By " in a screen-reader span, the name in a plain span: no reader's label or class
    byline = ("<div class='post-meta'><span>Trending</span> <span>| By </span>"
              "<span>Jane Roe</span> | <time>April 13, 2020</time></div>")
    assert authors(page(byline=byline)) == [("Jane Roe", None)]


def test_an_author_box_after_the_text_names_the_writer() -> None:
    tail = ("<div class='author-box'><h3>Jane Roe</h3>"
            "<p><a href='/author/jane'>More from Jane Roe</a></p></div>")
    assert authors(page(tail=tail)) == [("Jane Roe", None)]


def test_interface_words_and_photo_credits_are_no_candidates() -> None:
    byline = ("<div class='byline'><a href='/author/login'>Log In</a></div>"
              "<div class='byline'><a href='/author/jr'>Jane RoeFollow</a></div>"
              "<p class='byline'>Bild: Ann Lee / Unsplash</p>"
              "<p class='byline'>Tom Berg</p>")
    found = _candidate_names(page(byline=byline))
    assert ["Tom Berg"] in found
    assert not any(n in names for names in found for n in ("Log In", "Ann Lee", "Jane Roe"))


def test_a_related_story_card_is_no_candidate() -> None:
    card = "<div><h3>Other story</h3><p class='byline'>By Tom Roe | May 2, 2024</p></div>"
    assert ["Tom Roe"] in _candidate_names(page(tail=card))
    related = _candidate_names(page(tail=f"<div class='related-posts'>{card}</div>"))
    assert ["Tom Roe"] not in related
    assert authors(page(tail=f"<div class='related-posts'>{card}</div>")) == []


def test_a_label_after_a_separator_in_its_own_text_node_is_read() -> None:
    # the zones' quick mark test looks at text nodes: " — By " starts a part after the dash
    byline = "<p><span>12 May 2024</span> — By <b>Jane Roe</b></p>"
    assert ["Jane Roe"] in _candidate_names(page(byline=byline))


def test_zones_without_any_byline_mark_give_no_candidate() -> None:
    # capitalised names under the headline, but no label, byline class or author link
    assert _candidate_names(page(byline="<p>Jane Roe</p><p>Tom Berg and Ann Lee</p>")) == []
