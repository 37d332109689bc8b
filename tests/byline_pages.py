"""The hand-written news page the byline tests put their bylines into (tests/test_bylines.py,
tests/test_byline_shapes.py, tests/test_byline_round7.py)."""
from __future__ import annotations

from cleaners.extract import extract_article

URL = "https://news.example/2024/03/flu-season/"
TEXT = "<p>" + "Flu cases rose sharply in the first weeks of March across the region. " * 3 + "</p>"


def page(byline: str = "", head: str = "", tail: str = "", lang: str = "en") -> str:
    """A page whose article holds `byline` after its headline and `tail` after its text."""
    return (f"<html lang='{lang}'><head><title>Flu</title>{head}</head><body>"
            "<nav><a href='/'>Home</a> <a href='/health/'>Health</a></nav><article>"
            f"<h1>Flu season peaks early</h1>{byline}{TEXT * 5}{tail}</article>"
            "<footer>© News Example</footer></body></html>")


def authors(html: str) -> list[tuple[str, str | None]]:
    """(name, profile link) of each author the extractor finds."""
    return [(a["name"], a["url"]) for a in extract_article(html, URL).authors]
