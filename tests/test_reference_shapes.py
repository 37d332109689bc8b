"""Reference-list shapes met on the tune pages of round 6 (docs/metadata-annotation.md
"Round 6"), on hand-written pages: a heading that opens a paragraph holding the first item,
a heading with a qualifier in brackets."""
from __future__ import annotations

import pytest

from cleaners.extract import extract_article

URL = "https://news.example/2021/11/fire-engines/"
TEXT = "<p>" + "The fire brigade bought its first motor pump that spring. " * 3 + "</p>"
ITEMS = ["Gebhardt, Wolfgang: Lastwagen 1903 bis 1971. Stuttgart 2007",
         "Mathieu, Axel: Lastwagenbau. Online-Publikation, abgerufen am 29.09.2021",
         "Westerwelle, Wolfgang: Profile Nr. 7 und 8. Stengelheim, 2014."]


def _page(tail: str) -> str:
    return ("<html lang='de'><head><title>Feuerwehr</title></head><body><article>"
            f"<h1>Die Fahrzeuge der Nachkriegszeit</h1>{TEXT * 5}{tail}</article>"
            "<footer>© News Example</footer></body></html>")


@pytest.mark.parametrize("heading", ["Literatur:", "Literatur (u.a.):", "Quellen (Auswahl)"])
def test_a_heading_opening_the_paragraph_of_the_first_item(heading: str) -> None:
    tail = (f"<p><strong>{heading}</strong><br/> {ITEMS[0]}</p>"
            + "".join(f"<p>{item}</p>" for item in ITEMS[1:]))
    refs = extract_article(_page(tail), URL).references
    assert [r["text"] for r in refs] == ITEMS
