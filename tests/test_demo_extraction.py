"""Every demo article, extracted offline with its site profile, equals the record the
generator wrote from its own data; plus the saved fixture cases of every site folder
in tests/fixtures/sites."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from cleaners.extract import extract_article
from crawler.demo import ensure_site, load_expected
from crawler.demo.expected import COMPARED_FIELDS
from crawler.demo.routes import file_for
from crawler.sites import all_sites, get_site
from crawler.sites.demo import GHOST, KEEPTO, PORTAL_ZH, SITE, WORDPRESS

BASE = "http://127.0.0.1:8765/"
CASES = Path(__file__).parent / "fixtures" / "sites"
PROFILES = {p.key: p for p in (KEEPTO, WORDPRESS, PORTAL_ZH, GHOST)}
LEAKS = ("Recommend", "<<:", ">>:", "上一篇", "下一篇", "推荐阅读", "Related posts",
         "Share this:", "Advertisement", "责任编辑")


_NO_HEALTH = {"last_reviewed": None, "reviewed_by": [], "references": [],
              "medical_disclaimer": None}


def _extract(page: bytes, url: str, profile_key: str, charset: str | None) -> dict:
    record = asdict(extract_article(page, url, PROFILES[profile_key], charset))
    return {name: record[name] for name in (*COMPARED_FIELDS, "warnings", "extractor")}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[tuple[dict, dict]]:
    site = ensure_site(300, tmp_path_factory.mktemp("demo-extract"))
    pairs = []
    for exp in load_expected(site, BASE):
        charset = "GBK" if exp["family"] == "zh" else "utf-8"
        page = (site / file_for(exp["path"])).read_bytes()
        pairs.append((exp, _extract(page, exp["url"], exp["profile"], charset)))
    return pairs


def test_registry_and_profile_routing(extracted):
    assert get_site("demo") is SITE
    for exp, _ in extracted:
        assert SITE.profile_for(exp["url"]).key == exp["profile"]
    for url in (BASE, BASE + "keepto/list_2.html", BASE + "blog/", BASE + "blog/page/3/",
                BASE + "blog/tag/sleep/", BASE + "zh/list_1.shtml", BASE + "about.html",
                BASE + "zh/news/", BASE + "journal/", BASE + "journal/page/2/",
                BASE + "journal/tag/sleep/", BASE + "journal/author/jane-doe/"):
        assert SITE.profile_for(url) is None, url


def test_follow_patterns_cover_listings_and_site_pages():
    for path, profile in (("/keepto/list_7.html", KEEPTO), ("/blog/page/2/", WORDPRESS),
                          ("/blog/", WORDPRESS), ("/zh/list_3.shtml", PORTAL_ZH)):
        assert profile.follow_re.search(path), path
    for path in ("/go/3", "/about.html", "/health-tips.html", "/private/secret.html"):
        assert all(p.follow_re.search(path) for p in PROFILES.values()), path
    assert not any(p.follow_re.search("/blog/tag/sleep/") for p in PROFILES.values())


@pytest.mark.parametrize("field", COMPARED_FIELDS)
def test_every_article_field_equals_expected(extracted, field):
    wrong = [(exp["path"], got[field], exp[field]) for exp, got in extracted
             if got[field] != exp[field]]
    assert not wrong, wrong[:3]


def test_profiles_extract_without_warnings_or_fallback(extracted):
    for exp, got in extracted:
        assert got["warnings"] == [], (exp["path"], got["warnings"])
        assert got["extractor"] == f"profile:{exp['profile']}"


def test_all_families_have_navigation_and_teasers(extracted):
    for family in ("keepto", "wp", "zh", "ghost"):
        got = [g for e, g in extracted if e["family"] == family]
        assert len(got) == 75
        assert sum(len(g["related_links"]) for g in got) == 2 * 75 - 2  # ends have one
        assert all(g["teasers"] for g in got)


def test_no_navigation_or_teaser_text_in_bodies(extracted):
    for exp, got in extracted:
        body = got["body"]
        for leak in LEAKS:
            assert leak not in body, (exp["path"], leak)
        for teaser in got["teasers"]:
            assert teaser["title"] not in body, (exp["path"], teaser["title"])
        for link in got["related_links"]:
            assert link["title"] not in body, (exp["path"], link["title"])


CASE_FILES = ("page.html", "meta.json", "expected.json")


def _cases() -> list[Path]:
    """Every case folder of every site folder under fixtures/sites. A site folder without
    cases, a case without its three files, unreadable or empty files: a collection error
    naming them, never a silently smaller test set."""
    problems, cases = [], []
    sites = sorted(p for p in CASES.iterdir() if not p.name.startswith("."))
    if not sites:
        problems.append(f"{CASES}: no site folder")
    for site in sites:
        found = sorted(p for p in site.iterdir() if not p.name.startswith(".")) \
            if site.is_dir() else []
        if not found:
            problems.append(f"{site}: not a folder of cases, or empty")
        for case in found:
            for name in CASE_FILES:
                try:
                    if not (case / name).read_bytes().strip():
                        problems.append(f"{case / name}: empty")
                except OSError as exc:
                    problems.append(f"{case / name}: {exc.strerror or exc}")
            cases.append(case)
    if problems:
        raise RuntimeError("broken site fixtures:\n" + "\n".join(problems))
    return cases


def _profile(key: str):
    profiles = {p.key: p for site in all_sites().values() for p in site.profiles}
    assert key in profiles, f"meta.json names profile {key!r}; known: {sorted(profiles)}"
    return profiles[key]


def test_fixture_cases_cover_every_demo_family():
    assert {p.parent.name for p in _cases()} >= set(PROFILES)


@pytest.mark.parametrize("case", _cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_saved_fixture_case(case):
    meta = json.loads((case / "meta.json").read_text())
    expected = json.loads((case / "expected.json").read_text())
    record = asdict(extract_article((case / "page.html").read_bytes(), meta["url"],
                                    _profile(meta["profile"]), meta.get("header_charset")))
    for name in COMPARED_FIELDS:
        # cases saved before the demo pages carried health metadata show none
        assert record[name] == expected.get(name, _NO_HEALTH.get(name)), name
