"""Generic body: pages where the article used to be lost (cleaners/generic/body.py, blocks.py,
boilerplate.py, fallback.py; cleaners/html.py for <noscript>). Each page is written here by
hand to show one layout; the expected text is read off the page."""
from __future__ import annotations

from cleaners.extract import extract_article
from cleaners.generic.body import BodyResult, find_body
from cleaners.html import drop_non_content, parse_html

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

    def small_choice(root, title, headline, lines=frozenset()):
        first = find_body(root, title, headline, lines=lines)
        # keep only the first paragraph, as a wrong block choice would
        return BodyResult(first.container, first.blocks[:1], first.all_blocks, 0.15)

    monkeypatch.setattr(generic, "find_body", small_choice)
    article = extract_article(page, "https://example.org/walking")
    assert "trafilatura_fallback" in article.warnings
    assert "Researchers followed 6 hundred adults" in article.body

    def small_but_trusted(root, title, headline, lines=frozenset()):
        first = small_choice(root, title, headline)
        return BodyResult(first.container, first.blocks, first.all_blocks, 0.9)

    monkeypatch.setattr(generic, "find_body", small_but_trusted)
    article = extract_article(page, "https://example.org/walking")
    assert "trafilatura_fallback" not in article.warnings
    assert "Researchers followed 6 hundred adults" not in article.body


# A classic blog theme: the site's name in an <h1>, the post's headline an <h2> linking to
# the post, a post of three short lines, then sharing, a comment form and a sidebar whose
# Twitter widget holds the page's one long sentence.
SHORT_POST = """<html><head><title>Doing nothing is an option too | Nightnotes</title>
<meta property="og:type" content="article"></head><body class="single single-post">
<div id="wrapper"><div id="header"><h1><a href="https://nightnotes.example.org/">Nightnotes</a></h1></div>
<div id="content"><div class="post-406 post type-post" id="post-406">
<h2 class="posttitle"><a href="https://nightnotes.example.org/2013/06/14/doing-nothing/">Doing
nothing is an option too</a></h2>
<p class="commentmeta">14 June 2013 at 20:51 (<a href="/category/overheard/">Overheard</a>)</p>
<p>"I know I'm drunk and maybe shouldn't say this..."</p>
<p>- "Then don't."</p>
<p>- "Ok."</p>
<div class="sharedaddy sd-sharing"><h3 class="sd-title">Share this:</h3><ul>
<li><a href="?share=twitter">Twitter</a></li>
<li><a href="?share=facebook">Facebook</a></li></ul></div>
</div>
<div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3>
<form action="/wp-comments-post.php" method="post"><p>Fill in your details below or click an
icon to log in:</p><textarea name="comment"></textarea><input type="submit" value="Post"></form>
</div></div>
<div id="sidebar"><ul>
<li class="widget"><h2 class="widgettitle">Categories</h2><ul><li><a href="/category/overheard/">
Overheard</a></li><li><a href="/category/films/">Films</a></li></ul></li>
<li class="widget widget_twitter"><h2 class="widgettitle"><a href="https://twitter.com/nightnotes">
Twitter</a></h2><ul class="tweets"><li>At the start of the action film they should have let
everyone shoot each other, and spent the rest of the film showing beautiful landscapes instead.
<a href="https://twitter.com/nightnotes/statuses/1">6 years ago</a></li></ul></li>
</ul></div></div></body></html>"""
SHORT_POST_URL = "https://nightnotes.example.org/2013/06/14/doing-nothing/"


def test_the_site_name_in_an_h1_is_not_the_headline():
    # "Nightnotes" matches the <title> "Doing nothing is an option too | Nightnotes" word for
    # word, but it is the part of the title that names the site
    article = extract_article(SHORT_POST, SHORT_POST_URL)
    assert article.title == "Doing nothing is an option too"


def test_a_short_post_under_its_headline_is_kept_against_a_longer_block_elsewhere():
    article = extract_article(SHORT_POST, SHORT_POST_URL)
    assert article.body.split("\n\n") == [
        "\"I know I'm drunk and maybe shouldn't say this...\"", "- \"Then don't.\"", "- \"Ok.\""]
    assert "action film" not in article.body
    assert "trafilatura_fallback" not in article.warnings
    assert article.page_kind == "article"


def test_a_short_text_away_from_the_headline_still_asks_for_a_second_opinion():
    # the three lines in a sidebar widget, the post holding its headline and date alone:
    # nothing says the short text kept (whichever it is) is the post, so a longer second
    # opinion may still replace it
    lines = SHORT_POST[SHORT_POST.index('<p>"I know'):SHORT_POST.index('<div class="sharedaddy')]
    tweet = SHORT_POST[SHORT_POST.index('<li class="widget widget_twitter">'):
                       SHORT_POST.index("</ul></div></div></body>")]
    page = SHORT_POST.replace(lines, "").replace(tweet, f'<li class="widget">{lines}</li>')
    root, _ = parse_html(page)
    found = find_body(root, "Doing nothing is an option too", root.find(".//h2"))
    assert 0 < sum(len(b.text) for b in found.blocks) < 100
    assert not found.short_post
    root, _ = parse_html(SHORT_POST)
    assert find_body(root, "Doing nothing is an option too", root.find(".//h2")).short_post


def _template_page(template: str) -> str:
    return ("<html><head><title>Safer browsing | Security Blog</title></head><body>"
            "<div class='header'><a href='/.'><h2>Security Blog</h2></a></div>"
            "<div class='post' itemscope itemtype='http://schema.org/BlogPosting'>"
            "<h2 class='title'><a href='https://blog.example.com/2020/05/safer-browsing.html'>"
            "Safer browsing</a></h2><div class='post-body'><div itemprop='articleBody'>"
            f"<script type='text/template'>{template}</script></div></div></div>"
            "<div class='sidebar'><p>Archive</p></div></body></html>")


def test_an_article_shipped_as_an_html_template_is_read():
    # the post's markup is the text of a <script type="text/template"> for a script to
    # render (a blog platform's theme): it is the article, not code
    template = ("<span class='byline-author'>Posted by the browser team</span>"
                + _para(1) + _para(2) + _para(3))
    article = extract_article(_template_page(template),
                              "https://blog.example.com/2020/05/safer-browsing.html")
    for n in (1, 2, 3):
        assert f"Researchers followed {n} hundred adults" in article.body
    assert "<p>" not in article.body  # read as markup, not as text
    # the logo heading links to the front page: not the headline
    assert article.title == "Safer browsing"


def test_a_widget_template_with_placeholders_is_still_dropped():
    # a client-side widget's template: placeholders for a script to fill, not an article
    widget = ("<div class='comment'><p>{{ author }} wrote on {{ date }}:</p><p>{{ text }}</p>"
              "</div>" + _para(9))
    root, _ = parse_html(_template_page(widget))
    drop_non_content(root)
    assert root.find(".//script") is None
    assert "Researchers followed 9" not in root.text_content()
    # and a short template without placeholders is a widget's too
    root, _ = parse_html(_template_page("<p>Loading comments, please wait.</p>"))
    drop_non_content(root)
    assert "Loading comments" not in root.text_content()
    # a cookie box's template, long and without placeholders, outside the article body
    cookies = ("<div class='cookie-box'>" + "<p>Essential cookies keep the site working and "
               "remember your choices; statistics cookies count visits anonymously.</p>" * 8
               + "</div>")
    page = _template_page(_para(1)).replace(
        "<div class='sidebar'>", f"<script type='text/template'>{cookies}</script><div>")
    article = extract_article(page, "https://blog.example.com/2020/05/safer-browsing.html")
    assert "Researchers followed 1 hundred adults" in article.body
    assert "cookies" not in article.body


def test_a_lead_in_the_header_takes_the_short_article_it_heads():
    # a magazine's chart article: the header holds the headline and a long lead; the article
    # under it is one short note beside download and share links, then the author's box;
    # the page's "latest articles" rail comes after the <article>
    lead = ("After an election the news reports the winners and the large parties; the many "
            "small parties that miss parliament are summed up as others. How strong are "
            "they, taken together? Here is an overview, state by state, in one chart. ")
    rail = "".join(f"<div class='card'><h3><a href='/a/{n}'>Latest story {n}</a></h3><p>"
                   "A summary of another story of the magazine, in a sentence or two, as "
                   "rails show them.</p></div>" for n in range(4))
    page = ("<html><head><title>Small parties</title></head><body><main><article>"
            f"<header class='article-intro'><div><h1>Small parties</h1><section>{lead}"
            "</section></div></header>"
            "<div class='body'><div class='share'><a href='/chart.jpg'>Download the chart"
            "</a> <a href='/small-parties.txt'>Download the text</a> <a href='/share'>"
            "Copy the link</a></div><section class='content'><p><em>As there are so many, "
            "and many stand in a few states only, we kept to the largest.</em></p></section>"
            "</div><div class='author'><h2>Author</h2><p>Born in 1983, an editor here since "
            "2015, mostly as layouter, designer and proofreader.</p></div></article>"
            f"<div class='latest'><h2>Latest articles</h2>{rail}</div></main></body></html>")
    body = extract_article(page, "https://magazine.example.org/article/small-parties").body
    assert "How strong are they" in body
    assert "we kept to the largest" in body
    assert "Latest story" not in body and "another story of the magazine" not in body


def test_a_lead_in_the_header_takes_its_article_despite_a_row_of_download_links():
    # the header's lead wins; the article under it is one note beside a row of download
    # links, a third of the text the climb adds (more links than a widening takes
    # elsewhere, fewer than a header may take with the article it heads)
    lead = ("Every spring the town counts the swifts that come back to nest under its roofs. "
            "This year the volunteers found more nests than ever before, and a map shows "
            "where, street by street, the birds settled. ")
    rail = "".join(f"<div class='card'><h3><a href='/a/{n}'>Latest story {n}</a></h3><p>"
                   "A summary of another story of the paper, in a sentence or two, as "
                   "rails show them.</p></div>" for n in range(4))
    files = " ".join(f"<a href='/files/{k}'>{k}</a>"
                     for k in ("Download the map", "Download the data", "Copy the link"))
    page = ("<html><head><title>Swifts</title></head><body><main><article>"
            f"<header class='article-intro'><div><h1>Swifts are back</h1><section>{lead}"
            "</section></div></header>"
            f"<div class='body'><div class='downloads'>{files}</div><section class='content'>"
            "<p><em>Nests under solar panels were counted apart, as they are hard to see from "
            "the street.</em></p></section></div><div class='author'><h2>Author</h2><p>A "
            "volunteer of the bird group since 2012, writing about the town's wildlife.</p>"
            f"</div></article><div class='latest'><h2>Latest articles</h2>{rail}</div>"
            "</main></body></html>")
    body = extract_article(page, "https://paper.example.org/swifts").body
    assert "the volunteers found more nests" in body
    assert "Nests under solar panels" in body
    assert "Latest story" not in body and "another story of the paper" not in body


def test_a_caption_beside_the_headers_picture_is_no_lead():
    # the header above the text holds the headline, a standfirst and a picture with its
    # caption (the picture box's only text); the standfirst is the lead, the caption not
    walk = ("Researchers followed three hundred adults for two years, and those who walked "
            "every day slept longer and woke less often at night. ")
    text = "".join(f"<p>Part {k}: {walk}</p>" for k in range(10))
    side = "".join(f"<li><a href='/p/{n}'>Another post {n}</a></li>" for n in range(8))
    page = ("<html><body><div class='page'><div class='head'><h1>Walking and sleep</h1>"
            "<p>Lead: A daily walk may do more for a night's sleep than most remedies, a "
            "long study finds.</p><div class='photo'><img src='/walk.jpg'><p>Two women walk "
            "along a river path in the morning sun, with a dog running ahead of them on the "
            f"gravel.</p></div></div><div class='text'>{text}</div><aside><ul>{side}</ul>"
            "</aside></div></body></html>")
    body = extract_article(page, "https://health.example.org/walking-and-sleep").body
    assert "Lead: A daily walk" in body
    assert "Part 0" in body and "Part 9" in body
    assert "Two women walk" not in body


def test_a_header_holding_the_lead_is_not_released_as_the_articles_wrapper():
    # the headline's header holds a long standfirst (a third of the prose) between a
    # kicker and an audio player's label: the standfirst is the lead, but the header is no
    # wrapper of the article, so its short lines stay chrome
    walk = ("Researchers followed three hundred adults for two years, and those who walked "
            "daily reported less knee pain, better sleep, and fewer visits to a doctor. ")
    lead = ("A daily walk may do more for the knees than most remedies, a long study of "
            "adults in three towns finds, and the benefit grows with every month of "
            "walking. ") * 2
    side = "".join(f"<li><a href='/p/{n}'>Another post {n}</a></li>" for n in range(8))
    page = ("<html><body><div class='page'><article><header class='entry-header'>"
            "<p>Knee health</p><h1>Walking and knees</h1>"
            f"<p>{lead}</p><p>Listen to this story</p></header>"
            f"<div class='text'><p>{walk * 2}</p><p>{walk * 2}</p></div></article>"
            f"<aside><ul>{side}</ul></aside></div></body></html>")
    body = extract_article(page, "https://health.example.org/walking-and-knees").body
    assert body.startswith("A daily walk may do more for the knees")
    assert body.endswith("fewer visits to a doctor.")
    assert "Listen to this story" not in body
    assert "Knee health" not in body


def test_a_standfirst_set_as_a_heading_in_the_header_is_the_lead():
    # a news site's header: the headline in <h1>, the standfirst (a sentence of its own,
    # paragraph length) in <h2>, then the text in a column of its own; a short <h2> there
    # (a kicker, a section label) is no lead
    walk = ("Researchers followed three hundred adults for two years, and those who walked "
            "daily reported less knee pain, better sleep, and fewer visits to a doctor. ")
    deck = ("The study of adults in three towns, which the city council paid for, found "
            "that the benefit of a daily walk grows with every month, and that it helps "
            "people of every age and weight alike, whether they walk alone or in a group.")
    side = "".join(f"<li><a href='/p/{n}'>Another post {n}</a></li>" for n in range(8))
    page = ("<html><body><div class='wrap'><div><div class='article-header'>"
            "<h2>Health</h2><h1>Walking and knees</h1>"
            f"<h2>{deck}</h2></div></div><div class='row'><div class='article-body'>"
            + f"<p>{walk * 2}</p>" * 5 + f"<p>{walk}</p></div><aside><ul>{side}</ul></aside>"
            "</div></div></body></html>")
    body = extract_article(page, "https://news.example.org/walking-and-knees").body
    assert body.startswith(deck)
    assert "Health" not in body.split("\n\n")
    assert body.endswith("fewer visits to a doctor.")


def test_short_lines_above_a_headline_inside_the_text_are_the_texts_own():
    # no <h1>: the heading that repeats the page's title is the closing summary's, after
    # most of the text. The short lines above it are the text's subheadings, list items
    # and table rows, not a kicker or a date above a headline
    rows = "".join(f"<tr><td>Advantage {n}</td><td>Drawback {n}</td></tr>" for n in range(4))
    page = ("<html><head><title>Summary – lease or buy a company car?</title></head><body>"
            "<div class='content'><p>Menu</p><div class='text'>"
            + _para(1) + "<h2>How leasing works</h2>" + _para(2) + _para(3)
            + "<ul><li>Can the lease end early?</li><li>Who pays for repairs?</li></ul>"
            + f"<table>{rows}</table>" + _para(4)
            + "<h2>Summary – lease or buy a company car?</h2>" + _para(5)
            + "</div></div></body></html>")
    body = extract_article(page, "https://cars.example.org/lease-or-buy").body
    assert "How leasing works" in body
    assert "Can the lease end early?" in body and "Advantage 3 Drawback 3" in body
    assert "Researchers followed 5 hundred" in body
    assert "Menu" not in body


def _steps(hidden_style: str, second_class: str = "gallery-step") -> str:
    # a listicle shown one step at a time: the first step shown, the others hidden by script
    steps = "".join(
        f"<div id='step-{n}' class='{'gallery-step' if n == 1 else second_class + ' hidden'}'"
        f"{'' if n == 1 else hidden_style}><h2>Step {n}</h2>{_para(n)}</div>"
        for n in range(1, 5))
    return (f"<html><body><article><h1>Walking gear</h1>{_para(0)}"
            f"<div class='gallery'>{steps}</div></article></body></html>")


def test_hidden_steps_of_a_slideshow_beside_a_shown_step_are_the_text():
    # a reader clicks through every step: each is article text, not hidden chrome
    for style in (" style='display: none;'", " hidden"):
        body = extract_article(_steps(style), "https://example.org/gear/1/").body
        for n in range(5):
            assert f"Researchers followed {n} hundred adults" in body, (style, n)


def test_a_hidden_box_with_no_shown_sibling_of_its_kind_is_still_dropped():
    # the hidden boxes carry another class than the shown step: nothing says they are steps
    body = extract_article(_steps(" style='display:none'", "offer-box"),
                           "https://example.org/gear/1/").body
    assert "Researchers followed 1 hundred adults" in body
    for n in (2, 3, 4):
        assert f"Researchers followed {n} hundred adults" not in body
    # aria-hidden is for screen readers: a copy of something shown, never read
    hidden_step = "class='gallery-step hidden' style='display:none'"
    page = _steps(" style='display:none'").replace(hidden_step,
                                                   "class='gallery-step' aria-hidden='true'")
    assert page.count("aria-hidden") == 3
    body = extract_article(page, "https://example.org/gear/1/").body
    assert "Researchers followed 2 hundred adults" not in body
