"""Author shapes of round 14 (docs/metadata-annotation.md "Round 14"), on hand-written pages."""
from __future__ import annotations

from byline_pages import authors as _authors
from byline_pages import page

_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
       '"BlogPosting", "headline": "Flu", "author": {"@type": "Person", "name": "Isa Poster"}}'
       "</script>")
# a WordPress theme's copy of the structured author for search engines, hidden by its class
_SNIPPET = ("<div class='fusion-meta-info'><span class='vcard rich-snippet-hidden'>"
            "<span class='fn'><a href='/author/isa/' rel='author'>Isa Poster</a></span></span>"
            "</div>")
_BYLINE = "<p><strong>Von Max Schreiber</strong></p>"


def test_a_structured_author_shown_only_in_hidden_copies_yields_to_the_byline() -> None:
    assert _authors(page(byline=_SNIPPET + _BYLINE, head=_LD, lang="de")) \
        == [("Max Schreiber", None)]
    hidden = "<div style='display: none'><span>Isa Poster</span></div>"
    assert _authors(page(byline=hidden + _BYLINE, head=_LD, lang="de")) \
        == [("Max Schreiber", None)]


def test_a_structured_author_the_reader_sees_stays() -> None:
    # the poster is printed where the reader sees it as well: the structured author stays
    shown = "<p class='meta'>Isa Poster</p>"
    assert _authors(page(byline=_SNIPPET + shown + _BYLINE, head=_LD, lang="de")) \
        == [("Isa Poster", "https://news.example/author/isa/")]
