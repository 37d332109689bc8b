"""Generic main-text extraction and the benchmark metric it is tuned on."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from bench.metric import (
    PageScore,
    score_page,
    score_snippets,
    shingles,
    summarize,
    summarize_snippets,
    tokens,
)
from bench.splits import registered_domain, split_for_site, split_for_url
from cleaners.extract import extract_article
from cleaners.generic.blocks import Block, linearize
from cleaners.generic.title import strip_site_name
from cleaners.generic.trim import is_boilerplate_line

FIXTURES = Path(__file__).parent / "fixtures" / "generic-body"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "page.html").exists())


# --- the metric (bench/metric.py) --------------------------------------------------------

def test_tokens_are_unicode_words():
    assert tokens("Hello, wörld! 3.5 km — 東京") == ["Hello", "wörld", "3", "5", "km", "東京"]


def test_shingles_are_a_multiset_of_word_4grams():
    sh = shingles("a b c d a b c d")
    assert sh[("a", "b", "c", "d")] == 2
    assert sum(sh.values()) == 5


def test_short_text_is_one_shingle_and_empty_text_none():
    assert shingles("one two three") == {("one", "two", "three"): 1}
    assert shingles("") == {}
    assert shingles(" ... ") == {}
    assert shingles(None) == {}


def test_page_scores_count_multiset_overlap():
    s = score_page("a b c d e", "b c d e f")  # shingles: abcd bcde / bcde cdef
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(0.5)


def test_both_empty_scores_one():
    s = score_page("", "")
    assert (s.precision, s.recall) == (1.0, 1.0)


def test_identical_texts_score_one():
    text = "Back pain often eases within a few weeks, with gentle movement and rest."
    s = score_page(text, text)
    assert (s.tp, s.fp, s.fn) == (10, 0, 0)  # 13 words: 10 shingles, all shared
    assert (s.precision, s.recall) == (1.0, 1.0)
    s = score_page("Same text here.", "Same, text: here!")  # punctuation is no token
    assert (s.precision, s.recall) == (1.0, 1.0)


def test_case_makes_a_different_token():
    s = score_page("Same text here.", "same text here")  # one shingle each, not equal
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    assert (s.precision, s.recall) == (0.0, 0.0)


def test_empty_extraction_is_left_out_of_the_precision_mean():
    s = score_page("an expected article text", "")
    assert s.precision is None and s.recall == 0.0


def test_empty_expectation_is_left_out_of_the_recall_mean():
    s = score_page("", "some extracted boilerplate text")
    assert s.recall is None and s.precision == 0.0


def test_summary_means_skip_left_out_pages_and_f1_uses_the_means():
    pages = [PageScore(tp=1, fp=1, fn=0), PageScore(tp=0, fp=0, fn=3), PageScore(0, 0, 0)]
    # precisions: 0.5, left out, 1.0 -> 0.75; recalls: 1.0, 0.0, 1.0 -> 2/3
    s = summarize(pages)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
    assert summarize([]).f1 == 0.0


def test_cjk_characters_are_tokens_when_asked():
    assert tokens("东京 2024年 health", cjk=True) == ["东", "京", "2024", "年", "health"]
    assert score_page("天气很好", "天气很好", cjk=True).tp == 1


def test_snippet_scores_count_found_and_leaked_snippets():
    s = score_snippets(["the  main\ntext", "missing part"], ["Share this", "menu"],
                       "The main text. Share this")
    assert (s.tp, s.fn, s.fp, s.tn) == (0, 2, 1, 1)  # case matters; whitespace does not
    s = score_snippets(["main text"], ["menu"], "the main  text")
    assert (s.tp, s.fn, s.fp, s.tn) == (1, 0, 0, 1) and s.f1 == 1.0
    total = summarize_snippets([s, score_snippets(["a b"], [], "")])
    assert (total.tp, total.fn) == (1, 1) and total.recall == pytest.approx(0.5)
    assert total.precision == 1.0


def test_split_is_by_registered_domain():
    assert registered_domain("www.news.bbc.co.uk") == "bbc.co.uk"
    assert registered_domain("edition.cnn.com") == "cnn.com"
    # every host of one site lands on the same side
    assert split_for_url("https://www.bbc.co.uk/a") == split_for_url("http://news.bbc.co.uk/b")
    sides = {split_for_site(f"site{i}.example") for i in range(40)}
    assert sides == {"tune", "check"}


# --- fixture pages: must-contain / must-not-contain -------------------------------------

@pytest.mark.parametrize("case", CASES)
def test_fixture_page(case):
    folder = FIXTURES / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    article = extract_article((folder / "page.html").read_bytes(), meta["url"])

    assert article.extractor == "generic"
    assert article.title == expected["title"]
    assert "no_main_text" not in article.warnings
    body = article.body
    if "body_starts_with" in expected:
        assert body.startswith(expected["body_starts_with"]), body[:200]
    if "body_ends_with" in expected:
        assert body.endswith(expected["body_ends_with"]), body[-200:]
    for text in expected["must_contain"]:
        assert text in body, text
    for text in expected["must_not_contain"]:
        assert text not in body, text
    # body_html carries the same content, sanitized
    assert article.body_html and "<script" not in article.body_html
    assert expected["must_contain"][0].split()[0] in article.body_html


# --- contract and units -----------------------------------------------------------------

def test_navigation_elements_are_dropped_before_the_body_is_found(monkeypatch):
    page = (FIXTURES / "news-split-sections" / "page.html").read_text(encoding="utf-8")
    calls = []

    def fake_navigation(root, url):
        calls.append(url)
        # hand the first story paragraph over as "navigation": it must leave the body
        first = root.xpath('//div[@class="story-section"]/p')[0]
        return [], [], [first]

    import cleaners.generic as generic

    monkeypatch.setattr(generic, "find_navigation", fake_navigation)
    article = extract_article(page, "https://dailyledger.example/a")
    assert calls == ["https://dailyledger.example/a"]
    assert "Flu cases have doubled" not in article.body
    assert "Doctors say the virus" in article.body


def test_a_page_without_text_warns():
    article = extract_article("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                              "https://example.org/")
    assert article.body == ""
    assert "no_main_text" in article.warnings


def test_note_line_is_kept_and_ad_label_dropped():
    page = """<html><body><article><h1>Sleep</h1>
      <p>Adults need seven to nine hours of sleep a night, and most people who sleep less
      than six hours show measurable effects on memory and mood within a week.</p>
      <p>Advertisement</p>
      <p>Note: naps count.</p>
      <p>Keeping the same wake-up time every day, weekends included, is the single habit
      sleep doctors recommend most often to patients who struggle to fall asleep.</p>
    </article></body></html>"""
    article = extract_article(page, "https://example.org/sleep")
    assert "Note: naps count." in article.body
    assert "Advertisement" not in article.body
    assert article.title == "Sleep"


def test_blocks_split_on_double_br_and_count_links():
    el = lxml_html.fromstring(
        '<div>First line<br><br>Second <a href="/x">linked</a> line</div>')
    page = linearize(el)
    assert [b.text for b in page.blocks] == ["First line", "Second linked line"]
    assert page.blocks[1].link_chars == len("linked")
    assert page.spans[el] == (0, 2)


def test_table_rows_are_single_blocks():
    el = lxml_html.fromstring(
        "<div><table><tr><td>ACME</td><td>Acme Corp</td><td>101.50</td></tr></table></div>")
    assert [b.text for b in linearize(el).blocks] == ["ACME Acme Corp 101.50"]


def test_site_name_is_stripped_from_page_titles():
    assert strip_site_name("Knee pain on stairs | Example Health") == "Knee pain on stairs"
    assert strip_site_name("干眼症的日常护理要点_健康频道_康宁健康网") == "干眼症的日常护理要点"
    assert strip_site_name("No separator here") == "No separator here"


@pytest.mark.parametrize("line", ["Advertisement", "ADVERTISEMENT", "Image 2 of 5",
                                  "Share this:", "March 3, 2021 - 09:15 CET",
                                  # labelled dates, reading times, page furniture
                                  "Aktualisiert: 11.04.2020, 10:27",
                                  "Stand: 07.11.2023, 07:30 Uhr",
                                  "Publicado: Jueves, 21 Abril 2022 04:45",
                                  "Published on March 3, 2021", "4 Min Read",
                                  "Lesezeit: 3 Minuten", "Dieses Skript als PDF herunterladen",
                                  "Video verfügbar bis: 14.10.2020 ∙ 14:00 Uhr",
                                  # picture credits and captions
                                  "Fotos: Anna Muster", "Abbildung: Vergleich zweier Karten",
                                  "© Jane Doe/Getty Images",
                                  "Der Trainer vor dem Spiel. | © Agentur/Getty Images"])
def test_boilerplate_lines(line):
    assert is_boilerplate_line(Block(line, None, 0, "p", False, (), True))


@pytest.mark.parametrize("line", ["Note: naps count.", "Comments from patients were mixed.",
                                  "Stand: Die Messung dauert 4 Minuten.",
                                  "Published on March 3, 2021, the study found less pain.",
                                  "Bildung: Schulen öffnen wieder."])
def test_not_boilerplate_lines(line):
    assert not is_boilerplate_line(Block(line, None, 0, "p", False, (), True))


def test_next_story_of_an_endless_scroll_page_is_not_merged():
    para = ("<p>Paragraph {n} of the {which} story explains in plain words what the study "
            "found, who took part, and what it means for patients and their families.</p>")
    story = ('<div class="story-wrap"><h1>{title}</h1>'
             + "".join(para.format(n=n, which="{which}") for n in range(1, 5)) + "</div>")
    page = ("<html><head><title>Knee surgery study | Example News</title></head><body>"
            + story.format(title="Knee surgery study", which="first")
            + story.format(title="Vitamin pills review", which="second")
            + "</body></html>")
    article = extract_article(page, "https://example.org/knee")
    assert article.title == "Knee surgery study"
    assert "Paragraph 4 of the first story" in article.body
    assert "second story" not in article.body


@pytest.mark.parametrize("depth", [10, 400, 1500])
def test_deeply_nested_pages_do_not_break_the_walker(depth):
    text = "A sentence of prose that sits deep inside the page, long enough to count."
    for page in ("<html><body><div>" + "<span>" * depth + text + "</span>" * depth + "</div>",
                 "<html><body>" + "<div>" * depth + f"<p>{text}</p>" + "</div>" * depth):
        assert extract_article(page, "https://example.org/").body == text


def test_text_right_under_body_is_found():
    text = "Plain text without any tags at all, but long enough to be a paragraph of prose."
    assert extract_article(text, "https://example.org/").body == text


def test_layout_table_cells_stay_separate_blocks():
    page = ("<html><body><table><tr><td><a href='/'>Home</a><br><a href='/a'>About</a></td>"
            "<td><p>Old pages put the whole article in one table cell, with commas, and "
            "periods. Another sentence follows here, as it would in any article.</p></td>"
            "</tr></table></body></html>")
    body = extract_article(page, "https://example.org/").body
    assert body.startswith("Old pages put the whole article")
    assert "Home" not in body


def test_trafilatura_gives_a_second_opinion_when_nothing_is_found(monkeypatch):
    import cleaners.generic as generic
    from cleaners.generic.body import BodyResult

    page = (FIXTURES / "wordpress-note" / "page.html").read_bytes()
    url = "https://steadysteps.example/2024/03/plantar-fasciitis-morning-heel-pain/"
    assert "trafilatura_fallback" not in extract_article(page, url).warnings

    monkeypatch.setattr(generic, "find_body",
                        lambda root, title, headline, lines=frozenset(): BodyResult(None, [], []))
    article = extract_article(page, url)
    assert "trafilatura_fallback" in article.warnings
    assert "The pain is usually sharp at the front of the heel" in article.body
    assert article.body_html.startswith("<p>")


def test_declared_article_body_wins_over_a_wordier_sidebar():
    prose = ("A sentence about sleep and memory that is long enough to count as prose, "
             "with commas, and a full stop. ")
    page = ("<html><body><div class='main'><h1>Sleep and memory</h1>"
            f"<div itemprop='articleBody'><p>{prose * 3}</p><p>{prose * 2}</p></div></div>"
            "<div class='column'>"
            + "".join(f"<p>Teaser {n}: {prose * 3}</p>" for n in range(4))
            + "</div></body></html>")
    body = extract_article(page, "https://example.org/sleep").body
    assert body.count("sleep and memory") == 5
    assert "Teaser" not in body
