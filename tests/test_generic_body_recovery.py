"""Generic body: pages where the article used to be lost (cleaners/generic/body.py, blocks.py,
boilerplate.py, fallback.py; cleaners/html.py for <noscript>). Each page is written here by
hand to show one layout; the expected text is read off the page."""
from __future__ import annotations

from cleaners.extract import extract_article
from cleaners.generic.body import BodyResult, find_body
from cleaners.html import parse_html

SENTENCE = ("Researchers followed {n} hundred adults for two years, and those who walked "
            "daily reported less knee pain, better sleep, and fewer visits to a doctor. ")


def _para(n: int, times: int = 2) -> str:
    return f"<p>{SENTENCE.format(n=n) * times}</p>"


def test_ruby_readings_are_not_read_into_the_text():
    # Japanese easy-news pages print the reading of each kanji above it in <rt>
    page = ("<html><body><h1>ニュース</h1><p><ruby>子<rt>こ</rt></ruby>どもへの"
            "<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための"
            "<ruby>法律<rt>ほうりつ</rt></ruby>ができて、体罰を禁止することになりました。"
            "</p></body></html>")
    body = extract_article(page, "https://example.jp/news").body
    assert "子どもへの虐待をなくすための法律ができて" in body
    assert "ぎゃくたい" not in body and "(" not in body


def test_an_unclosed_noscript_holding_the_page_is_read():
    # <noscript> never closed: the parser puts the whole rest of the page inside it
    page = ("<html><body><noscript><img src='pixel.gif'><h1>Walking and knee pain</h1>"
            + _para(1) + _para(2) + "</body></html>")
    root, _ = parse_html(page)
    assert root.find(".//noscript") is not None  # the page really parses that way
    body = extract_article(page, "https://example.org/walking").body
    assert "Researchers followed 1 hundred adults" in body
    assert "Researchers followed 2 hundred adults" in body


def test_a_small_noscript_fallback_is_still_dropped():
    page = ("<html><body><h1>Walking</h1>" + _para(1)
            + "<noscript><p>Please enable JavaScript to see the comments.</p></noscript>"
            + "</body></html>")
    body = extract_article(page, "https://example.org/walking").body
    assert "Researchers followed 1 hundred adults" in body
    assert "enable JavaScript" not in body


def test_an_article_in_a_modal_overlay_wins_over_the_teaser_stream():
    # a news front page with the article opened in an overlay whose class says "modal",
    # holding well under a tenth of the page's text and under half of its prose
    links = "".join(f"<li><h3><a href='/s{n}'>Headline of story number {n} in the stream of "
                    "the front page</a></h3></li>" for n in range(200))
    teasers = "".join(f"<li><p>Teaser {n}: a summary of another story in a sentence or two, "
                      "with commas, and a full stop, as front pages show them.</p></li>"
                      for n in range(8))
    page = ("<html><head><title>Walking helps knees</title></head><body>"
            f"<ul class='stream'>{links}</ul><ul class='picks'>{teasers}</ul>"
            "<div class='modal-open overlay-modal'><div class='Mstart--modalWidth'>"
            "<article><h1>Walking helps knees</h1>" + _para(1) + _para(2) + _para(3)
            + "</article></div></div></body></html>")
    root, _ = parse_html(page)
    modal = root.find(".//article").getparent()
    assert len(modal.text_content()) < 0.1 * len(root.find("body").text_content())
    body = extract_article(page, "https://example.org/news/").body
    assert "Researchers followed 1 hundred adults" in body
    assert "Researchers followed 3 hundred adults" in body
    assert "Teaser" not in body


def test_a_link_inside_a_sentence_stays_whatever_its_class():
    page = ("<html><body><h1>Bartleby</h1><p>I am a <a href='javascript:void(0)' "
            "class='popup'>rather elderly</a> man. The nature of my avocations for the "
            "last thirty years has brought me into more than ordinary contact with what "
            "would seem an interesting and somewhat singular set of men.</p>"
            "<p><a class='share-link' href='/share'>Share</a></p></body></html>")
    body = extract_article(page, "https://example.org/bartleby").body
    assert body.startswith("I am a rather elderly man. The nature of my avocations")
    assert "Share" not in body


def test_paragraphs_set_as_minor_headings_are_the_article():
    # a theme that sets the whole (short) article as <h3>/<h4>, next to related-post cards
    long_heading = ("The poster competition for children takes place for the sixth time this "
                    "year, and children between six and twelve are invited to take part.")
    cards = "".join(f"<div class='card'><h4><a href='/p{n}'>Post {n}</a></h4><p>Card {n}: "
                    "a short teaser of another post, with commas, and a full stop, "
                    "and a few more words.</p></div>" for n in range(3))
    page = ("<html><body><article><h1>Keep our waters clean</h1>"
            f"<blockquote><h3>{long_heading}</h3><h4>{long_heading.replace('sixth', 'next')}"
            f"</h4></blockquote></article><section class='more'>{cards}</section>"
            "</body></html>")
    body = extract_article(page, "https://example.org/clean-waters").body
    assert "The poster competition for children takes place for the sixth time" in body
    assert "Card 0" not in body


def test_sections_headed_by_h1_inside_the_article_are_one_article():
    # Medium-style: the article is split into sibling sections, each opened by an <h1>
    def section(title: str, first: int) -> str:
        return (f"<div class='sec'><h1>{title}</h1>" + _para(first, 3) + _para(first + 1, 3)
                + "</div>")

    page = ("<html><head><title>Profiling in production</title></head><body><article>"
            + section("Profiling in production", 1) + "<div class='hr'></div>"
            + section("Taking a profile", 3) + "<div class='hr'></div>"
            + section("Reading the flame graph", 5) + "</article></body></html>")
    body = extract_article(page, "https://example.org/profiling").body
    for n in (1, 3, 5, 6):
        assert f"Researchers followed {n} hundred adults" in body


def test_prose_share_says_how_much_of_the_page_was_kept():
    article = "<h1>Walking</h1>" + _para(1) + _para(2) + _para(3)
    whole = parse_html(f"<html><body><article>{article}</article></body></html>")[0]
    title_el = whole.find(".//h1")
    assert find_body(whole, "Walking", title_el).prose_share > 0.9
    # the same article and a wordier box of hidden text: hidden text does not count
    hidden = "<div style='display:none'>" + _para(7, 6) + "</div>"
    page = parse_html(f"<html><body><article>{article}</article>{hidden}</body></html>")[0]
    assert find_body(page, "Walking", page.find(".//h1")).prose_share > 0.9
    # ... but a wordier visible sidebar does: the article is then a small part of the page
    box = "<aside>" + "".join(f"<div>{_para(n, 3)}</div>" for n in range(7, 12)) + "</aside>"
    page = parse_html(f"<html><body><article>{article}</article>{box}</body></html>")[0]
    found = find_body(page, "Walking", page.find(".//h1"))
    assert "Researchers followed 7" not in " ".join(b.text for b in found.blocks)
    assert found.prose_share < 0.4


def test_a_small_choice_asks_trafilatura_and_takes_a_longer_answer(monkeypatch):
    import cleaners.generic as generic

    paras = "".join(_para(n) for n in range(1, 7))
    page = (f"<html><body><article><h1>Walking</h1>{paras}</article></body></html>")

    def small_choice(root, title, headline):
        first = find_body(root, title, headline)
        # keep only the first paragraph, as a wrong block choice would
        return BodyResult(first.container, first.blocks[:1], first.all_blocks, 0.15)

    monkeypatch.setattr(generic, "find_body", small_choice)
    article = extract_article(page, "https://example.org/walking")
    assert "trafilatura_fallback" in article.warnings
    assert "Researchers followed 6 hundred adults" in article.body

    def small_but_trusted(root, title, headline):
        first = small_choice(root, title, headline)
        return BodyResult(first.container, first.blocks, first.all_blocks, 0.9)

    monkeypatch.setattr(generic, "find_body", small_but_trusted)
    article = extract_article(page, "https://example.org/walking")
    assert "trafilatura_fallback" not in article.warnings
    assert "Researchers followed 6 hundred adults" not in article.body
