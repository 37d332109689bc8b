"""German "further news" headings (bench/README.md, "Related-link recall, round 4"): a box
headed "Weitere Nachrichten" beside the article, a blog sidebar's "Weitere Einträge der
Kategorie …" list. Small pages written after the tune pages' markup (a portal's table box,
a WordPress sidebar widget); "Weitere Themen" stays no related heading."""
from __future__ import annotations

import pytest

from cleaners.generic.nav_scan import related_heading
from cleaners.generic.navigation import find_navigation
from cleaners.html import drop_non_content, parse_html

URL = "https://www.boerse.example.de/nachrichten/fonds-sparplaene-werden-beliebter/24437626"
SITE = "https://www.boerse.example.de"
PROSE = "<p>" + "Immer mehr junge Anleger sparen monatlich in breit gestreute Fonds. " * 4 + "</p>"
HEADLINES = ["Zinsen für Tagesgeld steigen bei mehreren Direktbanken",
             "Inflation in der Eurozone geht im Herbst leicht zurück",
             "Ölpreis fällt nach Einigung der Förderländer deutlich"]
HREFS = [f"{SITE}/nachrichten/meldung-{i}/2443{i}600" for i in range(3)]
PAIRS = list(zip(HREFS, HEADLINES, strict=True))


def _find(side: str):
    html = (f"<html><head><title>t</title></head><body><div class=wrapper><main><article>"
            f"<h1>Fonds-Sparpläne werden beliebter</h1>{PROSE}{PROSE}</article></main>"
            f"<div class=col_300>{side}</div></div></body></html>")
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    links, teasers, _elements = find_navigation(root, URL)
    return [(x.rel, x.title, x.url) for x in links], teasers


def _table_box(heading: str) -> str:
    rows = "".join(f'<tr class=z1><td>09:4{i}</td><td><a href="{h}">{t}</a></td></tr>'
                   for i, (h, t) in enumerate(PAIRS))
    return f'<div class=contentBox><h2>{heading}</h2><table class=newsliste>{rows}</table></div>'


def _widget(heading: str) -> str:
    items = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in PAIRS)
    return f'<ul><li id=side-related><h2>{heading}</h2><ul>{items}</ul></li></ul>'


@pytest.mark.parametrize("box", [_table_box("Weitere Nachrichten"),
                                 _widget("Weitere Einträge der Kategorie Geldanlage")])
def test_further_news_heading_opens_a_block(box):
    links, teasers = _find(box)
    assert teasers == []
    assert links == [("related", t, h) for h, t in PAIRS]


@pytest.mark.parametrize("text", ["Weitere Nachrichten", "Weitere News", "Mehr Meldungen",
                                  "Weitere Einträge der Kategorie Guides"])
def test_further_news_wordings(text):
    assert related_heading(text)


@pytest.mark.parametrize("text", ["Weitere Themen", "Nachrichten", "Weitere Informationen"])
def test_other_weitere_headings_are_not_related(text):
    assert not related_heading(text)
