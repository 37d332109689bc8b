"""Teasers and related links on real pages (tests/fixtures/navigation-real/<case>/).

Each case is a saved page of the navigation or zh-dev pool's tune split (page.html.gz, bytes
as kept upstream), meta.json (url, language, source) and expected.json: the navigation truth
written by reading the page (the annotators' file, rules in docs/annotation.md), with the
blocks, what was left out and the doubts. Compared item by item: every expected related link
(with its rel) and teaser is found with its URL and title, as the right kind, and nothing
else is found; none of the titles leaks into the body.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

import pytest

from cleaners.extract import extract_article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "navigation-real"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "page.html.gz").is_file())


def _load(case: str):
    folder = FIXTURES / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return gzip.decompress((folder / "page.html.gz").read_bytes()), meta, expected


def _url(url: str | None) -> str | None:
    """Scheme, fragment and a trailing slash aside (the bench's matching rule)."""
    if not url:
        return None
    url = re.sub(r"^https?://", "", url.split("#", 1)[0])
    return url.rstrip("/")


def _title(title: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", title).split()).casefold()


def _related(items) -> list[tuple[str, str | None, str]]:
    return [(x["rel"], _url(x["url"]), _title(x["title"])) for x in items]


def _teasers(items) -> list[tuple[str | None, str]]:
    return [(_url(x["url"]), _title(x["title"])) for x in items]


def test_cases_cover_several_languages():
    languages = {_load(case)[1]["language"] for case in CASES}
    assert len(CASES) >= 4 and len(languages) >= 4


@pytest.mark.parametrize("case", CASES)
def test_related_links_and_teasers(case):
    page, meta, expected = _load(case)
    article = extract_article(page, meta["url"] or None)
    found_related = _related([{"rel": x.rel, "url": x.url, "title": x.title}
                              for x in article.related_links])
    found_teasers = _teasers([{"url": t.url, "title": t.title} for t in article.teasers])
    assert found_related == _related(expected["related_links"])
    assert found_teasers == _teasers(expected["teasers"])


@pytest.mark.parametrize("case", CASES)
def test_navigation_stays_out_of_the_body(case):
    page, meta, expected = _load(case)
    article = extract_article(page, meta["url"] or None)
    assert len(article.body) > 500  # the article itself is kept
    body = _title(article.body)
    titles = [x["title"] for x in expected["related_links"] + expected["teasers"]]
    leaked = [t for t in titles if len(t) >= 20 and _title(t) in body]
    assert leaked == []
