"""Site profiles may name the health fields: the demo keepto profile's selectors read a
review line, a source list and a disclaimer that the vocabularies of
cleaners/health_meta.py do not know, and the disclaimer leaves the body."""
from __future__ import annotations

from cleaners.extract import extract_article
from cleaners.profile import SiteProfile
from crawler.sites.demo import KEEPTO, PORTAL_ZH

URL = "http://127.0.0.1:8765/keepto/orthopedics/1003.html"
PARAGRAPH = "<p>Leg weakness can follow a lumbar disc herniation that presses on a nerve.</p>"
PAGE = (
    "<html><head><title>Lumbar disc herniation</title></head><body><div class='article'>"
    "<h1>Lumbar disc herniation and leg weakness</h1><div class='content'>"
    + PARAGRAPH * 5 +
    "<p class='disclaimer'>Talk to your own doctor before you change any treatment.</p>"
    "</div>"
    "<p class='review'>Checked for accuracy by <a href='/experts/2.html'>Dr. Amelia Grant, "
    "MD, MPH</a> on March 3, 2024</p>"
    "<div class='refs'><h3>Studies cited</h3><ol>"
    "<li><a href='https://doi.org/10.5555/demo.3.0'>Rossi K. A study of sleep duration in "
    "adults. BMJ Open. 2019;4:120.</a></li>"
    "<li>Tanaka B. A study of hydration in older adults. Nutrients. 2012;9:33.</li>"
    "</ol></div></div></body></html>")


def test_profile_names_the_health_fields() -> None:
    article = extract_article(PAGE, URL, KEEPTO)
    assert article.reviewed_by == [{"name": "Dr. Amelia Grant", "credentials": "MD, MPH",
                                    "url": "http://127.0.0.1:8765/experts/2.html"}]
    assert article.last_reviewed == "2024-03-03"
    assert article.references == [
        {"text": "Rossi K. A study of sleep duration in adults. BMJ Open. 2019;4:120.",
         "url": "https://doi.org/10.5555/demo.3.0", "doi": "10.5555/demo.3.0", "pmid": None},
        {"text": "Tanaka B. A study of hydration in older adults. Nutrients. 2012;9:33.",
         "url": None, "doi": None, "pmid": None}]
    assert article.medical_disclaimer == ("Talk to your own doctor before you change any "
                                          "treatment.")
    assert "Talk to your own doctor" not in article.body
    assert article.body.startswith("Leg weakness can follow")


def test_without_the_selectors_the_generic_reader_finds_none_of_it() -> None:
    """The page above is outside the vocabularies: what the profile test reads comes from
    the profile's selectors."""
    bare = SiteProfile(key="bare", article_url=KEEPTO.article_url, title=KEEPTO.title,
                       body=KEEPTO.body)
    article = extract_article(PAGE, URL, bare)
    assert article.reviewed_by == [] and article.references == []
    assert article.medical_disclaimer is None and article.last_reviewed is None


def test_demo_profiles_compile_their_health_selectors() -> None:
    for profile in (KEEPTO, PORTAL_ZH):
        assert profile.xp["references"] is not None and profile.xp["disclaimer"] is not None
    assert KEEPTO.xp["reviewed_by"] is not None and KEEPTO.xp["last_reviewed"] is not None
