"""A date in the site's banner (a `<header>` outside the article, with the site navigation)
is the day the page was served, not the article's: the article's own dateline wins."""
from __future__ import annotations

from cleaners.dates import parse_date
from cleaners.html import parse_html
from cleaners.metadata import read_metadata

TEXT = "<p>" + "Flu cases rose sharply in the first weeks of March across the region. " * 3 + "</p>"
BANNER = ('<header class="site"><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
          '{date}</header>')


def _dates(banner_date: str, article_date: str, head: str = "") -> tuple[str, str]:
    html = (f"<html><head><title>Flu</title>{head}</head><body>"
            + BANNER.format(date=banner_date)
            + f"<main><article><h1>Flu season peaks early</h1>{article_date}{TEXT}</article>"
            "</main></body></html>")
    root, _ = parse_html(html.encode())
    meta = read_metadata(root, "https://news.example/flu")
    return parse_date(meta["published"]), parse_date(meta["modified"])


def test_banner_time_element_is_not_the_publication_date() -> None:
    published, _ = _dates('<time datetime="2023-11-01T13:56:20+01:00">1 Nov 2023</time>',
                          '<time datetime="2023-10-31">31 Oct 2023</time>')
    assert published == "2023-10-31"


def test_banner_date_does_not_decide_the_printed_day() -> None:
    # a UTC timestamp just after midnight; the article prints the local day before, the
    # banner the day the page was saved
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
          '"2019-11-19T00:04:00.000Z", "dateModified": "2019-11-19T00:04:00.000Z"}</script>')
    published, modified = _dates('<div class="date-time">November 20, 2019</div>',
                                 '<time class="timestamp">Nov. 18, 2019 7:04 pm ET</time>',
                                 head=ld)
    assert (published, modified) == ("2019-11-18", "2019-11-18")


def test_a_header_that_wraps_the_article_is_no_banner() -> None:
    html = ("<html><head><title>Flu</title></head><body><header><nav><a href='/'>Home</a></nav>"
            "<article><h1>Flu season peaks early</h1>"
            f"<time datetime='2020-11-01T03:32:06+01:00'>1 Nov 2020</time>{TEXT}</article>"
            "</header></body></html>")
    root, _ = parse_html(html.encode())
    assert parse_date(read_metadata(root, "https://news.example/flu")["published"]) \
        == "2020-11-01"
