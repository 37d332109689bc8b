"""Update dates printed on the publication's own line (round 9, docs/metadata-annotation.md)."""
from __future__ import annotations

import pytest

from cleaners.dates import parse_date
from cleaners.html import parse_html
from cleaners.metadata import read_metadata

TEXT = "<p>" + "Flu cases rose sharply in the first weeks of March across the region. " * 3 + "</p>"


def _dates(body: str) -> tuple[str | None, str | None]:
    html = (f"<html><head><title>Flu</title></head><body><article>"
            f"<h1>Flu season peaks early</h1>{body}{TEXT}</article></body></html>")
    root, _ = parse_html(html.encode())
    meta = read_metadata(root, "https://news.example/flu")
    return parse_date(meta["published"] or ""), parse_date(meta["modified"] or "")


@pytest.mark.parametrize("line,published,modified", [
    # a template pads the line with tabs (the text is then longer than a short line)
    ("<small>postado em 04/05/2022 05:49" + "\t" * 40 + "/ atualizado em 04/05/2022 06:50"
     "</small>", "2022-05-04", "2022-05-04"),
    ("<p>Publié le 03/05/2024 | Mis à jour le 04/05/2024</p>", "2024-05-03", "2024-05-04"),
    ("<p>Veröffentlicht am 03.05.2024, aktualisiert am 06.05.2024</p>", "2024-05-03",
     "2024-05-06"),
])
def test_the_update_on_the_publications_line(line: str, published: str, modified: str) -> None:
    assert _dates(line) == (published, modified)
