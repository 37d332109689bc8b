"""Author shapes met on the tune pages of round 10 (bench/data/metadata, docs/
metadata-annotation.md "Ninth batch"), on hand-written pages."""
from __future__ import annotations

from byline_pages import authors as _authors
from byline_pages import page

from cleaners.names import split_names


def test_two_writers_joined_by_a_slash_are_two_authors() -> None:
    # "Por Laura Jordán / Javier Urbina": each side two to four capitalised words
    byline = "<p class='news-author'>Por Ann Lee Berg / Tom Roe</p>"
    assert [n for n, _ in _authors(page(byline=byline, lang="es"))] == ["Ann Lee Berg", "Tom Roe"]


def test_a_slash_before_anything_but_a_second_name_still_ends_the_byline() -> None:
    assert split_names("Jane Roe / 12.05.2022") == ["Jane Roe"]
    assert split_names("Anna Berg / dpa") == ["Anna Berg"]
    assert split_names("Jane Roe / skrifar frá Akureyri") == ["Jane Roe"]
    assert split_names("Jane Roe | Publicado hace 3 horas") == ["Jane Roe"]
