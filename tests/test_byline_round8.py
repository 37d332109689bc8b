"""Byline shapes met on the tune pages of round 8 (bench/data/metadata, docs/
metadata-annotation.md "Seventh batch"), on hand-written pages."""
from __future__ import annotations

from byline_pages import page
from byline_pages import authors as _authors


def test_a_by_in_a_code_listing_is_no_byline() -> None:
    # SQL in a highlighted code block: "GROUP BY period" puts "BY" alone in a span and the
    # column name after it
    code = ("<pre><code><span class='k'>SELECT</span> status, <span class='k'>count</span>(*) "
            "<span class='k'>FROM</span> log <span class='k'>GROUP</span> <span class='k'>BY"
            "</span> period</code></pre>")
    head = "<meta name='author' content='Jane Roe'>"
    assert _authors(page(tail=code, head=head)) == [("Jane Roe", None)]
