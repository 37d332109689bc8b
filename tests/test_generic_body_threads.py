"""Generic body, fifth round: threads, builder sections and wrappers named like chrome
(cleaners/generic/body.py). Each page is written here by hand to show one layout seen on
real pages; the expected text is read off the page."""
from __future__ import annotations

from cleaners.extract import extract_article

SENTENCE = ("My cat sleeps on the window bench every night, and for some days now the "
            "cover has been full of small dark crumbs that look like soil. ")


def _post(n: int, paragraphs: int) -> str:
    text = "".join(f"<p>Post {n}, part {k}: {SENTENCE}</p>" for k in range(paragraphs))
    return (f"<article class='message message--post js-post' id='js-post-{n}'>"
            "<div class='message-inner'><div class='message-cell message-cell--user'>"
            f"<a href='/members/{n}'>member{n}</a><span>Member since</span><span>2019</span>"
            "</div><div class='message-cell message-cell--main'><div class='message-content'>"
            f"<div class='message-userContent'><div class='bbWrapper'>{text}</div></div>"
            "</div></div></div></article>")


def test_the_replies_of_a_thread_are_its_text():
    # a forum thread: each post an untitled <article> of the same class, the first one
    # longest; the replies are the thread's text, not other stories
    similar = "".join(f"<li><a href='/t{n}'>Another thread about cats number {n}</a></li>"
                      for n in range(6))
    page = ("<html><body><div class='p-body'><h1>Crumbs on the cat's bed</h1>"
            "<div class='block block--messages'><div class='block-body'>"
            + _post(1, 3) + _post(2, 1) + _post(3, 2) + "</div></div>"
            f"<div class='block'><h3>Similar threads</h3><ul>{similar}</ul></div>"
            "</div></body></html>")
    body = extract_article(page, "https://forum.example.org/threads/crumbs.1/").body
    assert "Post 1, part 0" in body
    assert "Post 2, part 0" in body
    assert "Post 3, part 1" in body
    assert "Another thread about cats" not in body


def test_each_post_of_a_thread_gives_its_message_not_its_posters_card():
    # the poster's card (name, "Member since", year) sits beside each message in the post:
    # the chosen message's place in its post is where every post's text is
    page = ("<html><body><div class='p-body'><h1>Crumbs on the cat's bed</h1>"
            "<div class='block block--messages'><div class='block-body'>"
            + _post(1, 3) + _post(2, 1) + _post(3, 2) + "</div></div></div></body></html>")
    body = extract_article(page, "https://forum.example.org/threads/crumbs.1/").body
    assert "Post 2, part 0" in body
    assert "Member since" not in body
    assert "member2" not in body


def test_titled_article_siblings_stay_other_stories():
    # a list of stories, each an <article> with its own title: the chosen one is not
    # joined by the next
    def story(n: int, paragraphs: int) -> str:
        text = "".join(f"<p>Story {n}, part {k}: {SENTENCE}</p>" for k in range(paragraphs))
        return (f"<article class='story'><h2>Story number {n}</h2>"
                f"<div class='text'>{text}</div></article>")
    page = ("<html><body><main><h1>Story number 1</h1><div class='stream'>"
            + story(1, 4) + story(2, 2) + "</div></main></body></html>")
    body = extract_article(page, "https://news.example.org/story-1").body
    assert "Story 1, part 3" in body
    assert "Story 2, part 0" not in body


def test_a_button_in_the_article_is_no_text():
    # a landing-page builder's call-to-action buttons between the paragraphs (a link in a
    # box whose class names a button) and Bootstrap's "btn" link under the article
    text = "".join(f"<p>Part {k}: {SENTENCE}</p>" for k in range(4))
    page = ("<html><body><article><h1>Three habits of calm cats</h1>"
            f"<div class='entry'>{text}"
            "<div class='thrv_wrapper thrv-button'><a href='/signup'>SIGN UP FOR FREE »</a></div>"
            f"{text.replace('Part', 'Section')}"
            "<p><a class='btn btn-primary' href='/guide'>Get the guide »</a></p>"
            "</div></article></body></html>")
    body = extract_article(page, "https://cats.example.org/calm").body
    assert "Part 3:" in body and "Section 3:" in body
    assert "SIGN UP FOR FREE" not in body
    assert "Get the guide" not in body


def test_a_row_of_legal_links_and_a_click_prompt_close_no_article():
    # a one-page site: the footer's row of legal links and a "click here" prompt to the
    # next page are the last lines inside the article's own box
    text = "".join(f"<p>Teil {k}: Die Katze schläft jede Nacht auf der Fensterbank, und seit "
                   "einigen Tagen liegen dort kleine dunkle Krümel auf der Decke.</p>"
                   for k in range(4))
    page = ("<html><body><div class='page'><h1>Krümel auf der Decke</h1>"
            f"<div class='text'>{text}"
            "<p>Bereit für Teil 2? Dann einfach hier klicken:</p>"
            "<p>IMPRESSUM | DATENSCHUTZ | COPYRIGHT MAX MUSTER</p>"
            "</div></div></body></html>")
    body = extract_article(page, "https://katzen.example.de/kruemel").body
    assert "Teil 3:" in body
    assert "hier klicken" not in body
    assert "IMPRESSUM" not in body


def test_untitled_briefs_beside_a_titled_story_stay_other_stories():
    # a local paper's page: the story an <article> with its own title, followed by short
    # news items of the same class set without a title (one paragraph each): the titled
    # story is no post of a thread, its untitled siblings are not its replies
    def brief(n: int) -> str:
        return (f"<article class='news-item'><div class='text'><p>Brief {n}: The council "
                "met on Tuesday evening and agreed to repair the bridge over the mill "
                "stream before the winter.</p></div></article>")
    text = "".join(f"<p>Story part {k}: {SENTENCE}</p>" for k in range(4))
    page = ("<html><body><main><div class='news-list'>"
            "<article class='news-item'><h1>Cats of the harbour</h1>"
            f"<div class='text'>{text}</div></article>"
            + brief(1) + brief(2) + brief(3) + "</div></main></body></html>")
    body = extract_article(page, "https://news.example.org/cats-of-the-harbour").body
    assert "Story part 0" in body and "Story part 3" in body
    assert "Brief 1" not in body
    assert "Brief 3" not in body
