"""JSON-LD `citation` lists (docs/metadata-annotation.md "Round 11"): a list that links only
the site's own pages is the CMS's related stories, not sources."""
from __future__ import annotations

import json

from cleaners.extract import extract_article

URL = "https://www.news.example/politica/20250113/123/juez-cita.html"
TEXT = "<p>" + "The judge summoned the prosecutor to testify later this month. " * 3 + "</p>"


def _page(citation: list) -> str:
    ld = json.dumps({"@type": "NewsArticle", "headline": "Juez cita", "citation": citation})
    return (f"<html lang='es'><head><title>Juez</title><script type='application/ld+json'>{ld}"
            f"</script></head><body><article><h1>Juez cita</h1>{TEXT * 5}</article></body></html>")


def test_citations_of_the_sites_own_articles_are_no_source_list() -> None:
    own = ["https://www.news.example/politica/20241223/1/juez-ordena.html",
           "https://news.example/politica/20241229/2/fiscal-general.html"]
    assert extract_article(_page(own), URL).references == []


def test_citations_of_other_sites_stay_sources() -> None:
    cited = ["https://www.news.example/politica/20241223/1/juez-ordena.html",
             "https://doi.org/10.1000/xyz123"]
    refs = extract_article(_page(cited), URL).references
    assert [r["url"] for r in refs] == cited
