"""Generic body: where the article is and what belongs to it (cleaners/generic/body.py,
boilerplate.py, fallback.py). Each page is written here by hand to show one layout seen on
real pages; the expected text is read off the page."""
from __future__ import annotations

from cleaners.extract import extract_article
from cleaners.generic.boilerplate import chrome_name


SENTENCE = ("Researchers followed {n} hundred adults for two years, and those who walked "
            "daily reported less knee pain, better sleep, and fewer visits to a doctor. ")


def _para(n: int, times: int = 2) -> str:
    return f"<p>{SENTENCE.format(n=n) * times}</p>"


def test_a_layout_setting_in_a_class_name_is_not_a_role():
    # block editors write where a box's parts sit: "header-content-align-left" places the
    # header of a recipe card, it does not make the card a page header
    assert not chrome_name("recipe-card is-style-default header-content-align-left")
    assert not chrome_name("has-text-align-center")
    assert chrome_name("site-header")
    assert chrome_name("nav-links")


def test_a_recipe_card_with_an_alignment_class_keeps_its_steps():
    steps = "".join(f"<li>Step {n}: stir the pan well and wait a minute.</li>"
                    for n in range(1, 7))
    card = ("<div class='recipe-card is-style-default header-content-align-left'>"
            "<h2>Noodles with tofu</h2><h3>Directions</h3>"
            f"<ol class='directions'>{steps}</ol></div>")
    page = ("<html><body><article><h1>Noodles with tofu</h1><div class='entry-content'>"
            + _para(1, 3) + _para(2, 3) + card + "</div></article>"
            "<footer><p>Copyright, all rights reserved.</p></footer></body></html>")
    body = extract_article(page, "https://example.org/noodles").body
    assert "Researchers followed 1 hundred adults" in body
    assert "Step 1: stir the pan well" in body
    assert "Step 6: stir the pan well" in body
    assert "Copyright" not in body
