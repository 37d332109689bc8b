"""cleaners/date_fallback.py: htmldate's search without the page's comment sections, on the
page's own tree, which it must leave as it found it."""
from lxml import etree
from lxml import html as lxml_html

from cleaners.date_fallback import fallback_published
from cleaners.html import parse_html

PAGE = ("<html><head><title>Flu</title></head><body><article><h1>Flu season peaks early</h1>"
        "<p>Doctors saw more cases this winter than in any of the five before it.</p>"
        "</article><aside>{comments}</aside>{after}</body></html>")
# nested comment elements, a tail after each, a dated reply inside
COMMENTS = ('<div id="comments"><h3>2 comments</h3><div class="comment"><p>Thanks!</p>'
            '<span class="date">28.02.2018</span></div> tail one <div class="reply">'
            '<span class="date">01.03.2018</span></div> tail two</div> after the comments ')


def test_comment_dates_are_no_publication_date_and_the_tree_is_left_as_it_was():
    root, _ = parse_html(PAGE.format(comments=COMMENTS, after="").encode())
    before = lxml_html.tostring(root)
    assert fallback_published(root, "https://news.example/flu") is None
    assert lxml_html.tostring(root) == before


def test_a_date_after_the_comments_is_still_found():
    """Text that follows a comment block stays in the page searched (as drop_tree keeps it)."""
    after = ('<p class="meta"><abbr class="published" title="2013-04-04T18:52:11+02:00">4/4'
             '</abbr></p>')
    root, _ = parse_html(PAGE.format(comments=COMMENTS, after=after).encode())
    before = lxml_html.tostring(root)
    assert fallback_published(root, "https://news.example/flu") == "2013-04-04"
    assert lxml_html.tostring(root) == before


def test_a_plain_etree_element_is_no_tree_for_htmldate():
    root = etree.fromstring(PAGE.format(comments=COMMENTS, after=""))
    before = etree.tostring(root)
    assert fallback_published(root, None) is None
    assert etree.tostring(root) == before


def test_date_search_off_reads_the_page_s_own_sources_only():
    """A learned template whose pages show no date skips the searches for an unlabelled date
    (cleaners/profile.py `date_search`): the date htmldate alone finds is not read, nor a
    bare date in a date-classed element or on the byline's line; a JSON-LD date and a
    labelled dateline still are."""
    from cleaners.metadata import read_metadata

    url = "https://news.example/flu"
    for bare in ('<p class="post-date">4 April 2013</p>',
                 '<p>By <a href="/author/jane-doe">Jane Doe</a>, 4 April 2013</p>'):
        page = PAGE.replace("</h1>", "</h1>" + bare).format(comments="", after="").encode()
        assert read_metadata(parse_html(page)[0], url)["published"] == "2013-04-04"
        assert read_metadata(parse_html(page)[0], url, date_search=False)["published"] is None
    labelled = PAGE.replace("</h1>", "</h1><p>Published: 4 April 2013</p>")
    assert read_metadata(parse_html(labelled.format(comments="", after="").encode())[0], url,
                         date_search=False)["published"] == "2013-04-04"

    after = ('<p class="meta"><abbr class="published" title="2013-04-04T18:52:11+02:00">4/4'
             '</abbr></p>')
    page = PAGE.format(comments="", after=after).encode()
    assert read_metadata(parse_html(page)[0], "https://news.example/flu")["published"] == \
        "2013-04-04"
    assert read_metadata(parse_html(page)[0], "https://news.example/flu",
                         date_search=False)["published"] is None
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2013-04-05"}</script>')
    page = PAGE.format(comments="", after=ld).encode()
    assert read_metadata(parse_html(page)[0], "https://news.example/flu",
                         date_search=False)["published"] == "2013-04-05"
