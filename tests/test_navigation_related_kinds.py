"""A related heading that names the kind of the site's pieces ("Related recipes", "Related
tutorials") opens a block as "Related articles" does, while lists that lead to no article
("Related topics", "Related searches") stay out; and the block under such a heading ends
where the article goes on in a box of its own (a recipe card headed by the dish's name), so
that box's links are no related items. Small pages written after real recipe-blog markup."""
from __future__ import annotations

import pytest

from cleaners.generic.nav_scan import related_heading
from cleaners.generic.navigation import find_navigation
from cleaners.html import drop_non_content, parse_html
from cleaners.vocab import LABEL_SCAN, non_article_path

SITE = "https://recipes.example.org"
URL = f"{SITE}/oat-porridge/"
PROSE = "<p>" + "Oats cooked slowly in milk keep their bite and make a filling breakfast. " * 3 + \
    "</p>"
TITLES = ["Baked Apple Oatmeal", "Overnight Oats with Berries", "Banana Oat Pancakes"]
HREFS = [f"{SITE}/baked-apple-oatmeal/", f"{SITE}/overnight-oats/", f"{SITE}/banana-pancakes/"]
LIST = "<ul>" + "".join(f'<li><a href="{h}"><strong>{t}</strong></a></li>'
                        for h, t in zip(HREFS, TITLES, strict=True)) + "</ul>"
# The recipe card: the dish's name as a heading of the same rank, a print link, a shop link
# and the steps, several hundred characters long.
STEPS = "".join(f"<li>Step {i}: stir the oats and the milk over a low heat.</li>"
                for i in range(1, 12))
RECIPE_CARD = (
    '<div class="recipe-container"><div class="recipe"><div class="recipe-buttons">'
    f'<a href="{SITE}/print/1234">Print Recipe</a></div><h2>Oat Porridge</h2><ul>{STEPS}</ul>'
    f'<div class="notes"><a href="{SITE}/cookbooks/">Order the cookbook here!</a></div>'
    "</div></div>"
)


def _navigate(text: str, url: str = URL) -> tuple[list, list]:
    """(related links as tuples, teasers) of an article whose text after two paragraphs is
    `text`."""
    html = (f"<html><head><title>Oat Porridge</title></head><body><main><article>"
            f"<h1>Oat Porridge</h1>{PROSE}{PROSE}{text}</article></main></body></html>")
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    links, teasers, _elements = find_navigation(root, url)
    return [(x.rel, x.title, x.url) for x in links], teasers


def _links(heading: str, after_list: str = "") -> list:
    return _navigate(f"<h2>{heading}</h2><p>Once you have made a pot or two, try one of these"
                     f" other breakfasts with oats from the archive.</p>{LIST}{after_list}")[0]


@pytest.mark.parametrize("heading", ["Related Recipes", "Related tutorials", "RELATED GUIDES",
                                     "Related Questions", "Related Articles", "Similar recipes",
                                     "SIMILAR DISHES FOR YOU TO TRY OUT"])
def test_related_heading_naming_a_kind_of_piece(heading):
    assert related_heading(heading)


@pytest.mark.parametrize("text", ["Related topics", "Related Searches", "Related tags",
                                  "Related products", "Related Conditions", "Similar products",
                                  "Related", "Related 2024s"])
def test_related_lists_that_lead_to_no_article_are_no_block_heading(text):
    # a lone "Related" was always a heading; the kinds here are not articles
    assert related_heading(text) == (text == "Related")


def test_block_under_related_recipes_is_its_list():
    assert _links("Related Recipes") == [("related", t, h)
                                         for h, t in zip(HREFS, TITLES, strict=True)]


def test_block_ends_before_the_recipe_card():
    # before, the block ran on into the card: its list and the card's boxes were two kinds
    # of items, and the card's print and shop links came out as the related links
    got = _links("Related Recipes", RECIPE_CARD)
    assert got == [("related", t, h) for h, t in zip(HREFS, TITLES, strict=True)]
    assert not any("/print/" in u or "/cookbooks/" in u for _rel, _t, u in got)


def test_related_topics_list_stays_out():
    assert _links("Related topics") == []


@pytest.mark.parametrize("heading", ["Siehe auch", "Siehe auch:", "Mehr lesen:", "Weiterlesen",
                                     "Für dich empfohlen", "Empfohlen für Sie"])
def test_german_see_also_and_read_more_labels(heading):
    assert related_heading(heading)
    # the page scan finds the line (cleaners.vocab.LABEL_SCAN: its stem)
    assert LABEL_SCAN.search("\x00body.\x00" + heading.lower() + "\x00")


def test_a_paragraph_of_links_one_per_line_under_a_label():
    # "<p>Siehe auch<br><a>…</a><br><a>…</a>…</p>": a paragraph long enough to pass for prose
    # held links taken for links inside a sentence
    lines = "".join(f'<br> <a href="{h}" title="Permanenter Link: {t}">{t}</a>'
                    for h, t in zip(HREFS, TITLES, strict=True))
    links, teasers = _navigate(f"<p>Siehe auch{lines}</p>")
    assert teasers == []
    assert links == [("related", t, h) for h, t in zip(HREFS, TITLES, strict=True)]


def test_in_a_web_archive_copy_other_sites_stay_other_sites():
    # every link of a Wayback copy is on web.archive.org; the archived addresses tell the
    # blog's own posts from the newspapers it quotes
    wayback = "https://web.archive.org/web/20131110121040/"
    page = wayback + "http://www.blog.example.de/schulnoten/"
    own = [(wayback + f"http://www.blog.example.de/{s}/", t) for s, t in
           (("dichter-und-denker", "Dichter und Denker zu Schule und Bildung"),
            ("teenager-handbuch", "Das Teenager-Befreiungs-Handbuch"),
            ("dreimal-gut", "Dreimal gut gelaufen mit der Klasse"))]
    other = [(wayback + "http://www.zeitung.example.com/politik/article109581679/hochbegabung",
              "Die Zeitung: Hochbegabung ist mehr als gute Schulnoten"),
             (wayback + "http://radio.example.org/sendungen/616019/",
              "Das Radio: Macht Mozart schlau? Eine Sendung")]
    items = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in own + other)
    links, _teasers = _navigate(f"<h3>Verwandte Artikel:</h3><ul>{items}</ul>", page)
    assert [(title, u) for _rel, title, u in links] == [(t, h) for h, t in own]


def test_a_page_file_deep_under_a_topic_folder_is_a_page():
    # public bodies' CMSs keep every page under "themen": "/DE/themen/…/schutz/messen.html" is
    # a page; "/thema/radon/" stays the topic's hub
    assert non_article_path("/thema/radon/") and non_article_path("/themen/radon")
    assert not non_article_path("/DE/themen/ion/umwelt/radon/schutz/messen.html")
    assert not non_article_path("/themen/vatikan/2021-11-19/das-liegt-schon-seit-monaten-da")
    assert non_article_path("/recht/themen/recht/k/krieg")  # a topic hub, short segments
    # a headline slug and the article's id under the topic folder: an article
    assert not non_article_path("/thema/wird-fuer-e-autos-genug-strom-da-sein/496716289")
    assert non_article_path("/thema/tesla/12345")  # a topic and a page number or id
    base = "https://www.amt.example.de/DE/themen/ion/umwelt/radon/"
    items = "".join(f'<li><a href="{base}{p}">{t}</a></li>' for p, t in (
        ("einfuehrung/einfuehrung_node.html", "Was ist Radon und woher kommt es?"),
        ("schutz/schutz_node.html", "Wie kann ich mich vor Radon schützen?"),
        ("schutz/messen.html", "Wie kann ich Radon messen lassen?")))
    links, _teasers = _navigate(f"<h2>Zum Thema</h2><ul>{items}</ul>",
                                "https://www.amt.example.de/SharedDocs/Pressemitteilungen/DE/"
                                "2022/008.html")
    assert [t for _rel, t, _u in links] == ["Was ist Radon und woher kommt es?",
                                            "Wie kann ich mich vor Radon schützen?",
                                            "Wie kann ich Radon messen lassen?"]


def test_a_wikis_category_file_and_help_pages_are_no_articles():
    # MediaWiki namespaces: the category links at the foot of every entry (hidden ones too:
    # their display:none comes from a stylesheet) lead to category pages, not entries
    for path in ("/wiki/Category:Articles_with_short_description", "/wiki/Kategorie:Schlaf",
                 "/wiki/Datei:Herz.png", "/wiki/Spezial:Suche", "/wiki/Help:Contents",
                 "/wiki/Template%3ACite_web", "/wiki/User:Jane"):
        assert non_article_path(path), path
    assert not non_article_path("/wiki/Sleep_apnea")
    assert not non_article_path("/wiki/Star_Wars:_A_New_Hope")  # a colon in a title
    site = "https://en.wiki.example.org"
    cats = "".join(f'<li><a href="{site}/wiki/Category:{c}">{c.replace("_", " ")}</a></li>'
                   for c in ("All_articles_with_unsourced_statements",
                             "Articles_with_short_description",
                             "Use_American_English_from_January_2019"))
    links, teasers = _navigate(f'<div class="catlinks"><div id="mw-hidden-catlinks">Hidden '
                               f'categories: <ul>{cats}</ul></div></div>',
                               f"{site}/wiki/Porridge")
    assert (links, teasers) == ([], [])


def test_a_forum_posts_reactions_are_no_article():
    # XenForo: "Anna, Ben and 1 other person" under each post links the post's reactions
    assert non_article_path("/forums/posts/53693/reactions")
    assert non_article_path("/community/posts/12/likes/")
    assert not non_article_path("/threads/patch-notes-reactions-to-the-update.9912/")

