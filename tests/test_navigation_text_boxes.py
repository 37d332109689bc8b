"""Small boxes of further reading between the article's paragraphs: two or three headline
links (cleaners/generic/nav_text_boxes.py), on small pages written after real layouts (a
German news site's bulleted "<strong>US-Politik:</strong> <a>…</a>" box, a Puerto Rican
paper's "Relacionados:" aside, a forestry site's event search links)."""
from __future__ import annotations

from nav_pages import find_in_body

from cleaners.generic.nav_text_boxes import find_text_boxes
from cleaners.html import parse_html

URL = "https://news.example.org/politik/ausland/id_100/nato-gipfel-in-den-haag.html"
PROSE = "<p>" + "Die Verbündeten beraten in Den Haag über höhere Ausgaben für die Verteidigung. " \
    * 3 + "</p>"
STORIES = [("US-Politik:", "Alle Entwicklungen im Newsblog zum Weißen Haus",
            "/politik/ausland/id_101/newsblog-usa.html"),
           ("Neue Allianz?", "Europäer reagieren auf die Drohung mit dem Austritt",
            "/politik/ausland/id_102/europa-reagiert.html")]


def _box(stories=STORIES, label: str = "") -> str:
    items = "".join(f'<li><strong>{kicker}</strong> <a href="{href}">{title}</a></li>'
                    for kicker, title, href in stories)
    return f'<div class="px-24">{label}<ul class="text-18">{items}</ul></div>'


def _page(box: str) -> str:
    return (f'<header class="site-header"><a href="/">Home</a></header><main><article>'
            f"<h1>Nato-Gipfel in Den Haag</h1>{PROSE}{box}{PROSE}</article></main>")


def test_a_box_of_two_headline_links_between_paragraphs_is_related():
    links, teasers, elements = find_in_body(_page(_box()), URL)
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("related", title, f"https://news.example.org{href}") for _k, title, href in STORIES]
    assert any(next(el.iter("ul"), None) is not None for el in elements)


def test_a_box_under_a_site_wide_list_label_is_not_related():
    links, teasers, _elements = find_in_body(_page(_box(label="<b>Meistgelesen</b>")), URL)
    assert (links, teasers) == ([], [])


def test_links_to_a_search_are_no_articles():
    searches = [(k, t, f"/termine?suche={t.split()[0]}&ort=Berlin") for k, t, _h in STORIES]
    links, teasers, _elements = find_in_body(_page(_box(searches)), URL)
    assert (links, teasers) == ([], [])


def test_a_box_of_four_links_is_left_to_the_rails():
    more = STORIES + [("Gipfel:", "Was die Verbündeten in Den Haag beschlossen haben",
                       "/politik/ausland/id_103/beschluesse.html"),
                      ("Analyse:", "Warum die Ausgaben so stark steigen sollen",
                       "/politik/ausland/id_104/analyse.html")]
    root, _warnings = parse_html(f"<html><body>{_page(_box(more))}</body></html>".encode())
    assert find_text_boxes(root, URL, set()) == []


def test_a_box_between_deeply_nested_modules_of_the_article_is_related():
    # a public broadcaster's modules: each paragraph five boxes deep under the <article>,
    # the box of further reading a module of its own between two of them
    def module(inner: str) -> str:
        return (f'<div class="con"><div class="modCon"><div class="mod"><div class="boxCon">'
                f'<div class="box">{inner}</div></div></div></div></div>')

    links, _teasers, _elements = find_in_body(
        '<header class="site-header"><a href="/">Home</a></header><main><article>'
        f'<h1>Nato-Gipfel in Den Haag</h1>{module(PROSE)}{module(_box())}{module(PROSE)}'
        "</article></main>", URL)
    assert [(x.rel, x.title) for x in links] == [("related", t) for _k, t, _h in STORIES]
