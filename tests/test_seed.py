"""The seed example: its text dump and the keepto-template HTML page it comes from."""
from __future__ import annotations

import json
from pathlib import Path

from cleaners import extract_text_dump
from cleaners.extract import extract_article
from crawler.sites.demo import KEEPTO

SEED = Path(__file__).parent / "fixtures" / "seed"
FIELDS = ("title", "body", "related_links", "teasers")


def _fields(article) -> dict:
    record = article.to_dict()
    return {name: record[name] for name in FIELDS}


def test_text_dump_matches_the_seed_record():
    text = (SEED / "000_eff75851b7f1e136.txt").read_text(encoding="utf-8")
    expected = json.loads((SEED / "000_eff75851b7f1e136.expected.json").read_text())
    got = _fields(extract_text_dump(text))
    for name in FIELDS:
        assert got[name] == expected[name], name


def test_html_page_matches_the_seed_record_with_urls():
    meta = json.loads((SEED / "meta.json").read_text())
    expected = json.loads((SEED / "expected-html.json").read_text())
    assert meta["profile"] == KEEPTO.key
    article = extract_article((SEED / "page.html").read_bytes(), meta["url"], KEEPTO,
                              meta.get("header_charset"))
    got = _fields(article)
    for name in FIELDS:
        assert got[name] == expected[name], name


def test_html_expectation_is_the_seed_record_plus_urls():
    seed = json.loads((SEED / "000_eff75851b7f1e136.expected.json").read_text())
    html = json.loads((SEED / "expected-html.json").read_text())
    strip = [{**item, "url": None} for item in html["related_links"]]
    assert strip == seed["related_links"]
    assert [{**t, "url": None} for t in html["teasers"]] == seed["teasers"]
    assert (html["title"], html["body"]) == (seed["title"], seed["body"])
    assert all(t["url"].startswith("http://127.0.0.1/keepto/") for t in html["teasers"])
