"""Author shapes of round 13 (docs/metadata-annotation.md "Round 13"): the error types the
clean check set showed as aggregates, met again on tune pool pages, on hand-written pages."""
from __future__ import annotations

from byline_pages import authors as _authors
from byline_pages import page

# a WordPress theme's credit in the site's footer: its class names an author, its link the
# theme's repository ("Theme: Pirate Rogue von xwolf")
THEME_CREDIT = ("<ul class='credit'><li class='copyright'>© 2021 News Example</li>"
                "<li class='theme-author'>Theme: <a href='https://github.com/example/theme/' "
                "rel='nofollow'>Pirate Rogue</a> von xwolf</li></ul>")


def test_the_sites_footer_credit_is_no_byline() -> None:
    html = page().replace("<footer>© News Example</footer>", f"<footer>{THEME_CREDIT}</footer>")
    assert _authors(html) == []


def test_a_rel_author_link_in_the_sites_footer_does_not_replace_the_structured_author() -> None:
    # the JSON-LD author (the paper, not printed in the text as written) stays the author: the
    # footer's rel=author link is the site's, not a visible byline that wins over it
    ld = ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flu", '
          '"author": {"@type": "Organization", "name": "The Example Daily Shimbun"}}')
    footer = ("<footer><p>Contact: <a rel='author' href='/company/jane-roe/'>Jane Roe</a>"
              "</p></footer>")
    html = page(head=f"<script type='application/ld+json'>{ld}</script>").replace(
        "<footer>© News Example</footer>", footer)
    assert _authors(html) == [("The Example Daily Shimbun", None)]


def test_an_articles_own_footer_still_holds_its_byline() -> None:
    tail = ("<footer class='entry-footer'>Posted by <a rel='author' href='/author/ann-lee/'>"
            "Ann Lee</a></footer>")
    assert _authors(page(tail=tail)) == [("Ann Lee", "https://news.example/author/ann-lee/")]
