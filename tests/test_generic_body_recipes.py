"""Generic body: the recipe a page declares in its structured data (cleaners/generic/ld_body.py
declared_lines, body_recipe.py declared_boxes). Ingredient lists are short lines without
prose in a box of their own, which the block scorer never picks. Each page is written here
by hand after layouts seen on real recipe pages; the expected text is read off the page."""
from __future__ import annotations

import json

from cleaners.extract import extract_article
from cleaners.generic.ld_body import declared_lines, line_key

STEPS = [
    ("Heat the milk in a small pan, stir in the butter and let it melt slowly over a "
     "low flame."),
    ("Mix the flour with the yeast in a large bowl, pour in the warm milk and knead "
     "everything into a smooth dough."),
    ("Cover the bowl with a cloth and leave the dough to rise in a warm place for an "
     "hour, until it has doubled."),
    ("Shape twelve small rolls, set them on a tray and bake them for twenty minutes "
     "until golden brown.")]
INGREDIENTS = ["500 g wheat flour (type 550)", "1 packet dry yeast", "250 ml whole milk",
               "60 g soft butter", "1 pinch of sea salt"]


def _ld(ingredients=INGREDIENTS, steps=STEPS) -> str:
    recipe = {"@context": "https://schema.org", "@type": "Recipe", "name": "Milk rolls",
              "recipeIngredient": ingredients,
              "recipeInstructions": [{"@type": "HowToStep", "text": s} for s in steps]}
    return f"<script type='application/ld+json'>{json.dumps(recipe)}</script>"


def _steps() -> str:
    return "<div class='preparation'><h2>Preparation</h2>" + "".join(
        f"<p>{s}</p>" for s in STEPS) + "</div>"


def _page(ingredients_box: str, head: str = "", extra: str = "") -> str:
    return ("<html><head><title>Milk rolls</title>" + head + "</head><body>"
            "<nav><a href='/'>Home</a> <a href='/recipes'>Recipes</a></nav>"
            "<article class='recipe'><h1>Milk rolls</h1>" + ingredients_box + _steps()
            + "</article>" + extra + "<footer><p>Copyright, all rights reserved.</p></footer>"
            "</body></html>")


def _list_box(cls: str = "ingredients") -> str:
    return (f"<section class='{cls}'><h2>Ingredients</h2><ul>"
            + "".join(f"<li>{i}</li>" for i in INGREDIENTS) + "</ul></section>")


def test_declared_lines_are_the_ingredients_and_the_steps():
    objects = [json.loads(_ld()[len("<script type='application/ld+json'>"):-len("</script>")])]
    lines = declared_lines(objects)
    assert line_key("500 g Wheat flour, type 550") in lines
    assert line_key(STEPS[0]) in lines
    assert declared_lines([{"@type": "NewsArticle", "articleBody": "Text."}]) == frozenset()


def test_the_declared_ingredient_list_beside_the_steps_is_kept():
    body = extract_article(_page(_list_box(), _ld()), "https://example.org/milk-rolls").body
    lines = body.split("\n\n")
    for ingredient in INGREDIENTS:
        assert ingredient in lines
    assert lines.index(INGREDIENTS[0]) < lines.index(STEPS[0])  # page order
    assert STEPS[-1] in lines
    assert "Copyright" not in body


def test_an_ingredient_table_with_a_chrome_looking_name_is_kept():
    # a table whose class reads as chrome ("table-header"): the declared lines in it say
    # it is the recipe's
    rows = "".join(f"<tr><td>{i.split(' ', 2)[0]} {i.split(' ', 2)[1]}</td>"
                   f"<td>{i.split(' ', 2)[2]}</td></tr>" for i in INGREDIENTS)
    box = f"<table class='ingredients table-header'><tbody>{rows}</tbody></table>"
    body = extract_article(_page(box, _ld()), "https://example.org/milk-rolls").body
    assert "500 g wheat flour (type 550)" in body
    assert "1 pinch of sea salt" in body


def test_an_ingredient_printed_apart_from_its_amount_is_found_by_its_name():
    items = "".join(f"<dt>{i.split(' ', 2)[0]} {i.split(' ', 2)[1]}</dt>"
                    f"<dd><div class='ingredient-name'>{i.split(' ', 2)[2]}</div></dd>"
                    for i in INGREDIENTS)
    box = f"<dl class='ingredient-list'>{items}</dl>"
    body = extract_article(_page(box, _ld()), "https://example.org/milk-rolls").body
    assert "dry yeast" in body
    assert "of sea salt" in body


def test_without_a_declared_recipe_the_list_is_left_as_before():
    body = extract_article(_page(_list_box()), "https://example.org/milk-rolls").body
    assert INGREDIENTS[0] not in body
    assert STEPS[0] in body


def test_a_second_copy_for_small_screens_is_not_added():
    # the same ingredients again in a box shown on phones only: the recipe once
    copy = ("<div class='recipe-mobile'>" + _list_box("ingredients-mobile")
            + "<p>Like the recipe? Put the ingredients in your basket.</p></div>")
    body = extract_article(_page(_list_box(), _ld(), extra=copy),
                           "https://example.org/milk-rolls").body
    assert body.split("\n\n").count(INGREDIENTS[0]) == 1
    assert "Like the recipe?" not in body


def test_ingredients_marked_in_microdata_are_kept():
    # no JSON-LD: the list items carry itemprop="ingredients" inside a Recipe item
    box = ("<div class='ingredients-box'><h2>Ingredients</h2><ul>"
           + "".join(f"<li itemprop='ingredients'>{i}</li>" for i in INGREDIENTS)
           + "</ul></div>")
    page = _page(box).replace("<article class='recipe'>",
                              "<article class='recipe' itemscope "
                              "itemtype='https://schema.org/Recipe'>")
    body = extract_article(page, "https://example.org/milk-rolls").body.split("\n\n")
    assert INGREDIENTS[0] in body
    assert INGREDIENTS[-1] in body
    assert STEPS[0] in body


def test_a_shop_widget_naming_the_ingredients_among_its_offers_is_not_added():
    # a grocer's widget under the recipe lists each declared ingredient on a card with a
    # linked offer and a basket button: the declared lines are a small share of the
    # widget's text, so it is the shop's box, not the recipe's
    offer = ("Fresh from our partner's shelves this week, delivered to your door within "
             "two hours")
    cards = "".join(f"<div class='offer-card'><p class='offer-name'>{i}</p>"
                    f"<p class='offer-text'><a href='/shop/{n}'>{offer}</a></p>"
                    f"<p class='offer-price'><a href='/basket/{n}'>Add to basket</a></p></div>"
                    for n, i in enumerate(INGREDIENTS))
    shop = ("<div class='partner-shop'><h3>Shop the recipe</h3>"
            f"<div class='offers'>{cards}</div></div>")
    body = extract_article(_page("", _ld(), extra=shop), "https://example.org/milk-rolls").body
    assert STEPS[0] in body and STEPS[-1] in body
    assert "Fresh from our partner" not in body


def test_two_declared_lines_in_a_shop_box_are_not_the_recipe():
    # no ingredient list in the markup; a shop's box names two declared ingredients: too
    # few lines to say the box shows the recipe
    shop = ("<div class='partner-box'><h3>From our shop</h3><ul>"
            f"<li>{INGREDIENTS[0]}</li><li>{INGREDIENTS[1]}</li></ul></div>")
    body = extract_article(_page("", _ld(), extra=shop), "https://example.org/milk-rolls").body
    assert STEPS[0] in body
    assert INGREDIENTS[0] not in body and INGREDIENTS[1] not in body


def test_ingredients_split_around_the_steps_are_both_kept():
    # the dough's ingredients before the steps, the glaze's after them, in one recipe box
    # with the steps: each list is a box of its own, not the whole recipe box
    glaze = ["2 tablespoons of honey", "1 egg yolk for brushing"]
    box = ("<div class='recipe-box'><div class='part-dough'><h3>For the dough</h3><ul>"
           + "".join(f"<li>{i}</li>" for i in INGREDIENTS) + "</ul></div>" + _steps()
           + "<div class='part-glaze'><h3>For the glaze</h3><ul>"
           + "".join(f"<li>{i}</li>" for i in glaze) + "</ul></div></div>")
    page = ("<html><head><title>Milk rolls</title>" + _ld(INGREDIENTS + glaze)
            + "</head><body><article class='recipe'><h1>Milk rolls</h1>" + box
            + "</article></body></html>")
    body = extract_article(page, "https://example.org/milk-rolls").body
    assert INGREDIENTS[0] in body and INGREDIENTS[-1] in body
    assert glaze[0] in body and glaze[1] in body
    assert STEPS[-1] in body


def test_short_words_ending_declared_lines_are_no_ingredients():
    # the recipe's keywords under it ("Yeast", "Butter", "Milk") end declared lines too,
    # but a word that short names no ingredient printed apart from its amount
    words = "".join(f"<li>{w}</li>" for w in ("Yeast", "Butter", "Milk", "Baking"))
    extra = f"<div class='keywords'><h3>Keywords</h3><ul>{words}</ul></div>"
    body = extract_article(_page(_list_box(), _ld(), extra=extra),
                           "https://example.org/milk-rolls").body
    assert INGREDIENTS[0] in body and STEPS[-1] in body
    assert "Butter" not in body.split("\n\n")
    assert "Baking" not in body
