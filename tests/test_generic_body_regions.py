"""Generic body: where the article is and what belongs to it (cleaners/generic/body.py,
boilerplate.py, fallback.py). Each page is written here by hand to show one layout seen on
real pages; the expected text is read off the page."""
from __future__ import annotations

from cleaners.extract import extract_article
from cleaners.generic.body import BodyResult, find_body
from cleaners.generic.boilerplate import chrome_name
from cleaners.generic.fallback import preferred
from cleaners.html import parse_html

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


def _accordion(chapter: int, units: int = 2) -> str:
    items = "".join(f"<li><h5>Unit {chapter}.{n}</h5><div>Unit {chapter}.{n} covers the "
                    "engine, the brakes, and the electrics, with exercises in the workshop."
                    "</div></li>" for n in range(1, units + 1))
    return f"<ul class='accordion toggles'>{items}</ul>"


def test_headings_between_sections_of_one_article_are_kept():
    # a curriculum page: the article is a row of accordions, each under a heading of its
    # own that sits beside it (not inside it), after a row of links to documents; the
    # largest accordion wins, and the links keep it from widening to the whole page
    buttons = "".join(f"<a class='btn' href='/doc{n}.pdf'>Download the plan of year {n}</a>"
                      for n in range(1, 13))
    page = ("<html><body><div class='menu'><a href='/'>Home</a></div><article class='page'>"
            f"<h2 class='entry-title'>Courses in car mechanics</h2>{buttons}<hr>"
            "<h2>Modules</h2>" + _accordion(1) + "<hr><h2>Syllabus</h2>" + _accordion(2)
            + "<h4>Second year</h4>" + _accordion(3) + "<h4>Third year</h4><hr>"
            + _accordion(4, 10) + "</article></body></html>")
    article = extract_article(page, "https://school.example.org/courses/")
    paragraphs = article.body.split("\n\n")
    assert article.title == "Courses in car mechanics"
    for heading in ("Modules", "Syllabus", "Second year", "Third year"):
        assert heading in paragraphs
    assert paragraphs.index("Second year") < paragraphs.index("Unit 3.1")
    assert "Courses in car mechanics" not in paragraphs
    assert "Home" not in article.body


def test_a_heading_beside_a_single_box_is_not_taken():
    # one box of prose: a heading before it may be a deck or a label, as before
    page = ("<html><body><h1>Walking</h1><h2>Latest</h2><div class='text'>" + _para(1)
            + _para(2) + "</div></body></html>")
    body = extract_article(page, "https://example.org/walking").body
    assert body.startswith("Researchers followed 1 hundred adults")


def _found(page: str) -> BodyResult:
    root, _ = parse_html(page)
    return find_body(root)


def test_a_second_opinion_on_an_empty_body_is_taken_however_short():
    line = _found("<html><body>\n  Test\n</body></html>")
    assert not line.blocks
    assert preferred(line, "", "Test")
    # ... unless all it found is page chrome: a menu's one link
    menu = _found("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert not preferred(menu, "", "Home")
    assert preferred(menu, "", "x" * 150)  # a real amount of text, as before
    # a body of ours is replaced only by a real amount of text, LONGER times as long
    found = BodyResult(None, [], [])
    assert not preferred(found, "A short text we found.", "A short text we found, longer.")
    assert not preferred(found, "x" * 200, "y" * 250)
    assert preferred(found, "x" * 200, "y" * 400)


def test_pages_of_one_line_or_headings_only_have_a_body():
    # readability's markup tests: a bare line of text; headings around lazy images; text
    # inside a javascript: link (scored as a menu by its link density)
    assert extract_article("<html><body>\n  Test\n</body></html>").body == "Test"
    headings = ("<html><body><article class='markdown-body'><h2>Case one</h2>"
                "<img data-src='a.jpg' alt='a'><h2>Case two</h2><img data-src='b.jpg' alt='b'>"
                "</article></body></html>")
    assert extract_article(headings).body == "Case one\n\nCase two"
    link = ("<html><body><a href='javascript:'><p>abc</p><p>def</p>ghi</a></body></html>")
    assert extract_article(link).body == "abc\n\ndef\n\nghi"


def _video_page(main: str = "<main class='main'>", end: str = "</main>") -> str:
    dialog = "".join(f"<p>Message {n}: your registration could not be completed, please "
                     "check your details and try again in a few minutes.</p>"
                     for n in range(12))
    return ("<html><body><header class='site'><a href='/'>Channel</a></header>"
            f"{main}<article class='post-page'><div class='post-header'><h1>Football in the "
            "time of the virus</h1></div><article class='video-module'><div class='item-caption'>"
            "<div class='details'><p class='item-description'>New York is the centre of the "
            "pandemic in the country. Sport has come to a standstill too, and nobody knows "
            "how the season goes on.</p><dl><dt>2 min</dt></dl></div></div></article></article>"
            f"{end}<div class='dialog login-dialog'><h2>Sign in</h2>{dialog}</div>"
            "</body></html>")


def test_the_main_landmark_holding_the_headline_is_where_the_article_is():
    # a video page: one sentence of description beside the player (in a box named
    # "caption"), and a sign-in dialog with far more text outside <main>
    body = extract_article(_video_page(), "https://tv.example.org/sport/virus-100.html").body
    assert "New York is the centre of the pandemic" in body
    assert "registration" not in body
    # role="main" declares the same
    page = _video_page("<div role='main'>", "</div>")
    body = extract_article(page, "https://tv.example.org/sport/virus-100.html").body
    assert "New York is the centre of the pandemic" in body


def test_several_main_landmarks_declare_nothing():
    # a theme writing role="main" on nested columns: the headline's column holds no text
    page = ("<html><body><div role='main' class='columns'><article>"
            "<div role='main' class='columns'><header><h1>Walking</h1></header></div>"
            "<div role='main' class='columns'><div class='entry-content'>" + _para(1)
            + _para(2) + _para(3) + "</div></div></article></div></body></html>")
    root, _ = parse_html(page)
    found = find_body(root, "Walking", root.find(".//h1"))
    text = " ".join(b.text for b in found.blocks)
    assert "Researchers followed 3 hundred adults" in text


def _ld(obj: dict) -> str:
    import json

    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


HOWTO = {"@context": "https://schema.org", "@type": "HowTo", "name": "Sew a round tablecloth",
         "description": "<p>Whatever the size and style of your table, a round cloth "
                        "softens it.</p><p>Here is how to sew one.</p>",
         "step": [{"@type": "HowToStep", "name": "Step 1: measure the table", "position": 1,
                   "itemListElement": {"@type": "HowToDirection", "text":
                                       "<p>Measure the diameter, the distance from edge to "
                                       "edge through the middle of the table.</p>"}},
                  {"@type": "HowToStep", "name": "Step 2: cut the cloth", "text":
                   "Fold the cloth in four and cut along a quarter circle."},
                  {"@type": "HowToStep", "text": "Hem the edge: fold it twice by a "
                   "centimetre, pin it all the way round, and sew it with a straight stitch "
                   "close to the fold. Press the seam with a hot iron when you are done."}],
         "comment": [{"@type": "Comment", "text": "Lovely idea, thank you for sharing!"}]}


def test_an_article_rendered_by_script_is_read_from_its_structured_data():
    # the markup holds a notice and an empty mount point; the article is in the JSON-LD
    page = ("<html><head><title>Sew a round tablecloth</title>" + _ld(HOWTO) + "</head><body>"
            "<div class='browser-notice'>Your browser is out of date. Download a newer one "
            "for free for a better experience: click on its icon!</div>"
            "<div data-react-class='ProjectPage' data-react-props='{}'></div></body></html>")
    article = extract_article(page, "https://diy.example.org/projects/20/round-tablecloth")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[:2] == [
        "Whatever the size and style of your table, a round cloth softens it.",
        "Here is how to sew one."]
    assert "Step 1: measure the table" in paragraphs
    assert ("Measure the diameter, the distance from edge to edge through the middle of the "
            "table.") in paragraphs
    assert "Fold the cloth in four and cut along a quarter circle." in paragraphs
    assert "browser is out of date" not in article.body
    assert "Lovely idea" not in article.body  # comments are not the article
    assert "structured_data_body" in article.warnings


def test_an_article_in_the_markup_keeps_its_own_text():
    text = SENTENCE.format(n=1) * 2 + SENTENCE.format(n=2) * 2
    ld = {"@type": "NewsArticle", "headline": "Walking", "articleBody": text + " Advertisement."}
    page = ("<html><head>" + _ld(ld) + "</head><body><article><h1>Walking</h1>" + _para(1)
            + _para(2) + "</article></body></html>")
    article = extract_article(page, "https://example.org/walking")
    assert "structured_data_body" not in article.warnings
    assert "Advertisement" not in article.body


def test_several_declared_articles_declare_none():
    # a listing page describing each of its stories: none of them is the page's article
    stories = "".join(_ld({"@type": "NewsArticle", "headline": f"Story {n}",
                           "articleBody": SENTENCE.format(n=n) * 8}) for n in range(3))
    page = ("<html><head>" + stories + "</head><body><h1>Latest news</h1><ul>"
            + "".join(f"<li><a href='/s{n}'>Story {n}</a></li>" for n in range(3))
            + "</ul></body></html>")
    article = extract_article(page, "https://example.org/news/")
    assert "structured_data_body" not in article.warnings
    assert "Researchers followed" not in article.body


def test_a_heading_whose_id_is_an_anchor_of_its_words_is_not_chrome():
    # a table of contents links to each subheading by an id made of its words, with a
    # prefix that reads as a role ("nav_"): the subheading is the article's
    from lxml import html

    from cleaners.generic.boilerplate import is_boilerplate

    page = ("<html><body><article><h1>Walking</h1>" + _para(1) + _para(2)
            + "<h3 class='subheading' id='nav_what_we_found__1'>What we found</h3>"
            + _para(3) + "</article></body></html>")
    body = extract_article(page, "https://example.org/walking").body
    assert "What we found" in body.split("\n\n")
    # an id naming a role keeps marking it, on a heading too
    assert is_boilerplate(html.fromstring("<h2 id='nav-menu'>Menu</h2>"))
    assert is_boilerplate(html.fromstring("<h3 id='comments-title'>3 Comments</h3>"))


def test_a_sub_list_is_taken_with_the_list_it_belongs_to():
    # an agenda: short points, one of which holds sessions of longer lines; the sessions
    # outweigh every other line, yet they are a point of the agenda, not the text
    sessions = "".join(f"<li>Session {n}: what models have you tried in your teams, and what "
                       f"did they bring and cost? ({n}0 mins)</li>" for n in range(1, 4))
    page = ("<html><body><article><h1>Meeting in April</h1><div class='entry-content'>"
            "<h2>Agenda</h2><ol><li>Two short talks (30 mins)</li>"
            f"<li>Exchange of experience<ol>{sessions}</ol></li>"
            "<li>Next meeting: when? (15 mins)</li></ol></div></article></body></html>")
    body = extract_article(page, "https://example.org/2012/04/meeting").body.split("\n\n")
    assert "Two short talks (30 mins)" in body
    assert "Next meeting: when? (15 mins)" in body
    assert any(line.startswith("Session 3: what models") for line in body)


def test_a_standfirst_set_as_a_minor_heading_is_kept():
    # a sentence in <h4> above the first section's <h4>: a paragraph in heading markup,
    # not the label of a removed section
    standfirst = ("Our reporter spent a week with a walking club in the hills to see what "
                  "daily walks do for knees, sleep and mood.")
    page = ("<html><body><article><h1>Walking</h1><div class='entry-content'>"
            f"<h4>{standfirst}</h4><h4>The first morning</h4>" + _para(1) + _para(2)
            + "<h4>Home</h4></div></article></body></html>")
    body = extract_article(page, "https://example.org/walking").body.split("\n\n")
    assert body[:2] == [standfirst, "The first morning"]
    assert "Home" not in body  # a short heading with nothing under it still goes


def test_a_chinese_standfirst_set_as_a_minor_heading_is_kept():
    # the same layout in Chinese: 40 characters carry as much as 120 letters (the block
    # weights count a CJK character as three), so the heading is prose to the filters too
    standfirst = ("记者跟随一个徒步俱乐部在山里走了一个星期，"
                  "想看看每天散步对膝盖、睡眠和情绪有什么影响。")
    para = ("<p>研究人员对两百名成年人进行了为期两年的跟踪调查，发现每天散步的人膝盖疼痛更少，"
            "睡眠更好，去医院的次数也更少。他们建议每天至少走三十分钟。</p>")
    page = ("<html><body><article><h1>散步</h1><div class='entry-content'>"
            f"<h4>{standfirst}</h4><h4>第一天早上</h4>" + para * 3
            + "<h4>首页</h4></div></article></body></html>")
    body = extract_article(page, "https://example.org/walking").body.split("\n\n")
    assert body[:2] == [standfirst, "第一天早上"]
    assert "首页" not in body


def test_php_error_messages_are_cut_out_of_the_text():
    # a broken WordPress install prints its warnings where the template runs: between the
    # paragraphs, and right before a paragraph's text in the same element
    warning = ("<br />\n<b>Warning</b>:  Creating default object from empty value in "
               "<b>/www/htdocs/w01/wp-includes/classes.php</b> on line <b>407</b><br />\n")
    strict = ("<br />\n<b>Strict Standards</b>:  Non-static method Gallery::render() should "
              "not be called statically in <b>/www/htdocs/w01/wp-content/plugins/gallery/"
              "core.php</b> on line <b>341</b><br />\n")
    page = ("<html><body><article><h1>Walking</h1><div class='entry-content'>" + warning
            + _para(1) + f"<p>{strict}Then we walked on. {SENTENCE.format(n=2)}</p>" + _para(3)
            + "</div></article></body></html>")
    article = extract_article(page, "https://example.org/walking")
    assert "on line" not in article.body and "Warning" not in article.body
    assert "\n\nThen we walked on. Researchers followed 2 hundred" in article.body
    assert "classes.php" not in article.body_html and "Then we walked on." in article.body_html


def test_an_introduction_set_as_h2_is_kept():
    # an interview opens with a paragraph in <h2>, then <h2> questions with answers; the
    # introduction is far longer than any headline or deck
    intro = ("The film opened here this week. We met one of its leading actresses, who "
             "plays a warrior and healer, and asked her how she prepared for the part, what "
             "the fight scenes demanded, and what she hopes audiences take home from it.")
    answers = "".join(f"<h2>Question {n}: what drew you to the part?</h2>" + _para(n)
                      for n in range(1, 4))
    page = ("<html><body><article><h1>An interview</h1><div class='entry-content'>"
            f"<div class='row'><h2><em>{intro}</em></h2></div><div class='row'>{answers}</div>"
            "</div></article></body></html>")
    body = extract_article(page, "https://example.org/interview").body.split("\n\n")
    assert body[0] == intro
    assert "Question 3: what drew you to the part?" in body


def test_rating_and_sharing_prompts_after_the_article_are_dropped():
    tail = ("<p>Follow The Daily Post on Twitter and Instagram @dailypost.</p>"
            "<div class='rate'><p>Möchten Sie den Artikel teilen?</p>"
            "<p>War der Artikel nützlich? (95 Stimmen: 4,7 von 5)</p>"
            "<p>Was this article helpful?</p><p>Loading...</p></div>")
    page = ("<html><body><article><h1>Walking</h1><div class='entry-content'>" + _para(1)
            + _para(2) + tail + "</div></article></body></html>")
    body = extract_article(page, "https://example.org/walking").body
    assert body.endswith("fewer visits to a doctor.")
    assert "Researchers followed 2 hundred adults" in body


def test_german_rating_newsletter_and_link_label_lines_after_the_article_are_dropped():
    tail = ("<p>Wie bewerten Sie diesen Artikel? *</p><p>(Noch keine Bewertungen) Loading...</p>"
            "<p>Lust auf mehr? Melde dich hier für unseren Newsletter an!</p>"
            "<p>Nichts Neues verpassen! - Newsletter abonnieren</p><h3>Weiterführende Links</h3>")
    page = ("<html><body><article><h1>Walking</h1><div class='entry-content'>" + _para(1)
            + _para(2) + tail + "</div></article></body></html>")
    body = extract_article(page, "https://example.org/walking").body
    assert body.endswith("fewer visits to a doctor.")


def test_an_authors_bio_under_its_label_after_the_article_is_dropped():
    bio = ("<h3>Über den Autor</h3><p>Jane Doe (born 1962) has written about health and food "
           "for more than 25 years, for magazines and for radio.</p>")
    page = ("<html><body><article><h1>Walking</h1><div class='entry-content'>" + _para(1)
            + _para(2) + bio + "</div></article></body></html>")
    body = extract_article(page, "https://example.org/walking").body
    assert body.endswith("fewer visits to a doctor.")


def test_appeals_licence_citation_and_disclaimer_after_the_article_are_dropped():
    tail = ("<p>While you are here…</p><p>If you enjoyed reading this post – would you consider "
            "supporting our work? Thanks!</p><p>Licensed under CC BY-NC-ND</p>"
            "<p>Suggested citation: Doe, Jane: Walking, Example Blog, 2020/4/9.</p>"
            "<p>Dieser Beitrag gibt die Meinung der Autorin wieder, nicht notwendigerweise die "
            "der Redaktion.</p>")
    page = ("<html><body><article><h1>Walking</h1><div class='entry-content'>" + _para(1)
            + _para(2) + tail + "</div></article></body></html>")
    body = extract_article(page, "https://example.org/walking").body
    assert body.endswith("fewer visits to a doctor.")


def test_a_last_paragraph_about_a_person_in_the_story_stays():
    # (a closing line "Name is <role> ..." is no sign of an author's bio: German capitalises
    # every noun, "Die Studie ist ein Werk der Autorin" reads like one)
    last = "<p>The study was led by Anna Berg, who walks to work every day.</p>"
    page = ("<html><body><article><h1>Walking</h1><div class='entry-content'>" + _para(1)
            + _para(2) + last + "</div></article></body></html>")
    body = extract_article(page, "https://example.org/walking").body
    assert body.endswith("who walks to work every day.")


def test_a_pictures_legend_is_not_article_text():
    # a picture box beside the text, its legend a long sentence of its own
    legend = ("<div class='media-image'><img src='/beetle.jpg'><div class='legend'><div "
              "class='content'>Species of open woods, such as the stag beetle, profit from "
              "the plan, as the photographer saw in the chestnut groves.</div></div></div>")
    page = ("<html><body><article><h1>Walking</h1><div class='entry-content'>" + _para(1)
            + legend + _para(2) + "</div></article></body></html>")
    body = extract_article(page, "https://example.org/walking").body
    assert "stag beetle" not in body
    assert "Researchers followed 2 hundred adults" in body


def _review(section: str) -> str:
    return ("<html><body><article><h1>A book on walking</h1><div class='entry-content'>"
            + _para(1) + _para(2) + section + "</div></article></body></html>")


def test_a_long_section_under_an_about_the_author_label_is_the_articles():
    # a book review's own section on the book's author under "About the author": more
    # text than a bio (three long paragraphs) is the review's, kept
    page = _review("<h3>About the author</h3>" + _para(3) + _para(4) + _para(5))
    body = extract_article(page, "https://example.org/book-on-walking").body
    assert "Researchers followed 3 hundred" in body
    assert body.endswith("fewer visits to a doctor.")
    assert "Researchers followed 5 hundred" in body


def test_an_about_the_author_label_far_from_the_end_heads_no_bio():
    # the label five short paragraphs before the end heads a section of the review, not
    # the bio closing it: kept
    lines = "".join(f"<p>Point {n}: the author walked every road of the county twice and "
                    "wrote down what each village told her.</p>" for n in range(5))
    page = _review("<h3>About the author</h3>" + lines)
    body = extract_article(page, "https://example.org/book-on-walking").body
    assert "Point 0: the author walked" in body
    assert "Point 4: the author walked" in body


def test_a_block_holding_only_a_php_message_leaves_no_empty_paragraph():
    # the warning alone in its own box between two paragraphs: the box goes whole, no
    # empty paragraph stands in the body's markup
    warning = ("<br />\n<b>Warning</b>:  Creating default object from empty value in "
               "<b>/www/htdocs/w01/wp-includes/classes.php</b> on line <b>407</b><br />\n")
    page = ("<html><body><article><h1>Walking</h1><div class='entry-content'>" + _para(1)
            + f"<div>{warning}</div>" + _para(2) + "</div></article></body></html>")
    article = extract_article(page, "https://example.org/walking")
    assert "on line" not in article.body
    assert "<p></p>" not in article.body_html
    assert article.body_html.count("<p>") == 2
