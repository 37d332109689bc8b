"""The fault-injection site: a home page linking to one page per failure case, and the
outcome each case must end in (the key in run.json `counts`).

Three servers take part in the main crawl:
- main (127.0.0.1:P): the home page and every case page; robots.txt answers 404 (allow all);
- trap_port (127.0.0.1:Q): another port on the same host, off-site: must get no request;
- trap_host (127.0.0.2:R): a loopback address outside HEALTHCRAWL_ALLOW_PRIVATE_HOSTS:
  must get no request.
"""
from __future__ import annotations

import gzip
import html
import random
from dataclasses import dataclass

from .server import (
    FaultServer,
    dribble,
    flaky,
    gzip_bomb,
    huge,
    never,
    page,
    redirect,
    reset_mid_body,
    status,
    truncated,
)

MB = 1024 * 1024
HUGE = 50 * MB  # above DOWNLOAD_MAXSIZE (16 MB in crawler/settings.py)
DEEP = 5000  # nesting levels: lxml's default limit is ~2,046
DOWNLOAD_TIMEOUT = 3  # seconds; the crawl settings below
RETRY_TIMES = 1
SP = "crawler/spiders/health.py"


@dataclass(frozen=True)
class Case:
    name: str  # pytest id
    path: str  # on the main server ("" for a case that is only a link)
    outcome: str  # run.json counts key: "stored", "failed/http_500", "refused/private_host"
    requests: int | None  # requests the main server must see for `path` (None: not checked)
    what: str  # the fault, for docs/failure-modes.md
    now: str | None = None  # the outcome the crawler gives today, when it is a known bug
    bug: str | None = None  # where the bug is (the per-case test is a strict xfail)


# -- page bodies -------------------------------------------------------------------------
SENTENCES = [
    ("Regular physical activity lowers blood pressure and improves the way the body handles "
    "insulin, and even short daily walks make a measurable difference over a few months."),
    ("Doctors recommend at least one hundred and fifty minutes of moderate exercise a week, "
    "spread over several days, together with two sessions that strengthen the main muscles."),
    ("Sleep matters as much as training: adults who sleep less than six hours a night recover "
    "more slowly, feel more hungry and are more likely to catch common infections in winter."),
    ("Drinking enough water is simple advice that many people forget; thirst is a late signal, "
    "so older adults in particular should drink small amounts regularly during the day."),
]


def article_html(title: str, paragraphs: list[str], *, charset: str | None = "utf-8",
                 lang: str = "en", head_title: str | None = None, extra: str = "") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    head_title = title if head_title is None else head_title
    title_tag = f"<title>{html.escape(head_title)}</title>" if head_title else ""
    h1 = f"<h1>{html.escape(title)}</h1>" if title else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head>{meta}{title_tag}</head><body>'
            f'<header><nav><a href="/">Home</a></nav></header>'
            f"<main><article>{h1}{body}{extra}</article></main>"
            f"<footer><p>Fault-injection test site</p></footer></body></html>")


def good_article(n: int) -> tuple[str, list[str]]:
    title = f"Healthy habits, part {n}: what the evidence says"
    paragraphs = [f"Part {n}. {s}" for s in SENTENCES[n % 4:] + SENTENCES[:n % 4]]
    return title, paragraphs


UTF8_TITLE = "Café, crème brûlée und Gesundheit: 咖啡与健康的关系"
UTF8_BODY = [
    ("Über die Wirkung von Koffein auf das Herz wird viel gestritten; eine Tasse Kaffee am "
    "Morgen ist für die meisten gesunden Erwachsenen unbedenklich, sagt die Ärztin."),
    ("咖啡中的咖啡因会让心跳加快，但对于大多数健康的成年人来说，每天喝一到两杯咖啡并不会增加心脏病的风险。"
    "专家建议孕妇和有心律失常的人减少摄入。"),
    ("À forte dose, la caféine provoque nervosité et insomnie : mieux vaut éviter le café "
    "après seize heures, même si l'on pense bien le supporter."),
]
GBK_TITLE = "高血压患者的饮食建议：少盐多菜"
GBK_BODY = [
    ("高血压是一种常见的慢性病，饮食控制是治疗的重要组成部分。每天食盐的摄入量应该控制在五克以内，"
    "同时要多吃新鲜蔬菜和水果。"),
    ("医生提醒，腌制食品、咸菜和加工肉类含盐量很高，应尽量少吃。烹饪时可以用醋、柠檬汁和香料来代替一部分盐，"
    "既保留了味道，又减少了钠的摄入。"),
    "此外，坚持适量运动、控制体重、戒烟限酒，也能帮助血压保持在正常范围内。",
]
FORMULA_TITLE = '=HYPERLINK("http://evil.example/","click me")'
FORMULA_BODY = [
    ("+1 555 0100 is the number the page tells readers to call, a line that starts with a plus "
    "sign and that a spreadsheet would happily evaluate as a formula if it were not escaped."),
    ("-2+3 is how the second paragraph starts, with a minus sign, and it goes on long enough "
    "to be a real paragraph of the article body rather than a stray line."),
    ("@SUM(1+1) opens the third paragraph: the at sign is Lotus-style formula syntax that Excel "
    "still accepts, so it must be escaped as well when the cell is written."),
    ("\tA tab opens the last paragraph, which common escaping libraries forget to handle, and "
    "this sentence only exists to make the paragraph long enough."),
]
# Teaser and link titles that a spreadsheet would run (related_links.csv, teasers.csv).
FORMULA_RELATED = ('<aside class="related"><h2>Related articles</h2><ul>'
                   '<li><a href="/health/good-1">-5 ways to sleep better at night</a></li>'
                   '<li><a href="/health/good-2">@home workouts that really work</a></li>'
                   '<li><a href="/health/good-3">+10 minutes of walking a day</a></li>'
                   "</ul></aside>")


# An image and a PDF as servers send them: a header, then compressed data (random bytes
# stand for it; seeded, the same on every run).
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4000)
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + random.Random(8).randbytes(4000)


def deep_html(levels: int) -> bytes:
    title, paragraphs = "Nested too deep: the text at the bottom", SENTENCES
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>" + "<div>" * levels + inner
            + "</div>" * levels + "</article></body></html>").encode()


# -- the cases ---------------------------------------------------------------------------
# Every page the main crawl can reach, with its outcome. `requests` counts retries:
# RETRY_TIMES=1 means a retried failure is requested twice.
CASES: list[Case] = [
    *(Case(f"good-{n}", f"/health/good-{n}", "stored", 1, "a normal article (control)")
      for n in range(1, 5)),
    Case("http-500", "/health/error-500", "failed/http_500", 1 + RETRY_TIMES,
         "server answers 500 (retried, then given up)"),
    Case("http-503", "/health/error-503", "failed/http_503", 1 + RETRY_TIMES,
         "server answers 503 (retried, then given up)"),
    Case("http-404", "/health/error-404", "failed/http_404", 1, "server answers 404 (not retried)"),
    Case("timeout-never", "/health/never-answers", "failed/timeout", 1 + RETRY_TIMES,
         "server accepts the connection and never answers"),
    Case("timeout-slow-body", "/health/slow-body", "failed/timeout", 1 + RETRY_TIMES,
         "headers at once, body one byte per second (slower than DOWNLOAD_TIMEOUT)"),
    Case("reset-mid-body", "/health/reset", "failed/data_loss", 1 + RETRY_TIMES,
         "headers + half the body, then TCP RST (SO_LINGER 0)"),
    Case("truncated", "/health/truncated", "failed/data_loss", 1 + RETRY_TIMES,
         "Content-Length larger than the body sent, then a clean close"),
    Case("too-large-declared", "/health/huge-declared", "failed/too_large", 1,
         "50 MB response with Content-Length (refused before the body is read)"),
    Case("too-large-streamed", "/health/huge-streamed", "failed/too_large", 1,
         "50 MB response without Content-Length (cut off at DOWNLOAD_MAXSIZE)"),
    Case("gzip-bomb", "/health/gzip-bomb", "failed/too_large", 1,
         "64 KB gzip body that inflates to 64 MB (Content-Encoding: gzip)"),
    Case("non-html-pdf", "/health/vitamin-d-guide", "failed/non_html", 1,
         "application/pdf on an article-like URL"),
    Case("non-html-png", "/health/skin-rash-photo", "failed/non_html", 1,
         "image/png on an article-like URL"),
    Case("binary-as-html", "/health/heart-scan", "failed/non_html", 1,
         "a PNG image sent as text/html"),
    Case("binary-untyped", "/health/flu-leaflet", "failed/non_html", 1,
         "a PDF sent without a Content-Type"),
    Case("gzip-twice", "/health/gzip-twice", "stored", 1,
         "an article gzip-compressed twice, Content-Encoding: gzip once"),
    Case("utf16-no-bom", "/health/utf16", "stored", 1,
         "an article in UTF-16 (little-endian) without a BOM, no charset anywhere"),
    Case("charset-utf8-header-latin1", "/health/coffee-and-health", "stored", 1,
         "UTF-8 bytes + <meta charset=utf-8>, header says charset=iso-8859-1"),
    Case("charset-gbk-header-latin1", "/health/gbk-meta", "stored", 1,
         "GBK bytes + <meta charset=gbk>, header says charset=iso-8859-1"),
    Case("charset-gbk-header-utf8-no-meta", "/health/gbk-no-meta", "stored", 1,
         "GBK bytes, no <meta>, header says charset=utf-8 (statistical guess)"),
    Case("deep-nesting", "/health/deep", "stored", 1,
         f"HTML nested {DEEP} levels deep, the text at the bottom"),
    Case("csv-formula", "/health/formula", "stored", 1,
         "title `=HYPERLINK(...)`, paragraphs starting with + - @ TAB"),
    # Generic crawls (no site profile) call a page an article only if it has a title and
    # enough main text (cleaners/page_kind.py): a broken article page is "not_article".
    # The drops below happen on a site with a profile (PROFILE_CASES).
    Case("no-title", "/health/no-title", "not_article", 1,
         "an article page without <title> or <h1> (generic crawl)"),
    Case("empty-body", "/health/empty-body", "not_article", 1,
         "an article page with a title and no text (generic crawl)"),
    Case("one-line-body", "/health/one-line", "not_article", 1,
         "an article page with a title and one short line (generic crawl)"),
    Case("short-body", "/health/short-body", "not_article", 1,
         "an article page with one 95-character paragraph (generic crawl)"),
    Case("redirect-file", "/health/go-file", "refused/unsafe_scheme", 1,
         "302 to file:///etc/passwd"),
    Case("redirect-data", "/health/go-data", "refused/unsafe_scheme", 1,
         "302 to a data: URL"),
    Case("redirect-private", "/health/go-private", "refused/private_host", 1,
         "302 to http://127.0.0.2:PORT/ (loopback, not allowed)"),
    Case("redirect-other-port", "/health/go-other-port", "off_site", 1,
         "302 to another port on 127.0.0.1"),
    Case("redirect-same-site", "/health/moved", "stored", 1,
         "301 to another page of the same site (control)"),
    Case("retry-succeeds", "/health/flaky", "stored", 1 + RETRY_TIMES,
         "first request times out, the retry gets the page"),
    Case("redirect-then-retry", "/health/moved-flaky", "stored", 1,
         "301 to a page whose first request times out (the retry must not count as a "
         "duplicate)"),
    Case("link-private", "", "refused/private_host", None,
         "plain <a href> to http://127.0.0.2:PORT/"),
    Case("link-other-port", "", "off_site", None, "plain <a href> to another port on 127.0.0.1"),
    Case("home", "/", "not_article", 1, "the home page: a list of links"),
    Case("sitemap", "/sitemap.xml", "not_article", 1, "sitemap.xml listing the good articles"),
]
CASE_BY_NAME = {c.name: c for c in CASES}

# The same broken pages on a site with a profile (`-a site=demo`: its keepto profile says
# /keepto/<cat>/<n>.html is an article, title `div.article > h1`, body
# `div.article > div.content`): validation drops them, each for its reason.
PROFILE_CASES: list[Case] = [
    Case("profile-good", "/keepto/health/1.html", "stored", 1, "a good article (control)"),
    Case("profile-no-title", "/keepto/health/2.html", "dropped/missing_title", 1,
         "an article URL whose page has no <h1> and no <title>"),
    Case("profile-empty-body", "/keepto/health/3.html", "dropped/missing_body", 1,
         "an article URL whose page has a title and an empty body"),
    Case("profile-short-body", "/keepto/health/4.html", "dropped/body_too_short", 1,
         "an article URL whose body is one 95-character paragraph "
         "(< HEALTHCRAWL_MIN_BODY_CHARS = 150)"),
    Case("profile-home", "/", "not_article", 1, "the home page"),
]
PROFILE_CASE_BY_NAME = {c.name: c for c in PROFILE_CASES}
SHORT = "A short paragraph of about one hundred characters that is not quite long enough."


def build_main(main: FaultServer, trap_port: FaultServer, trap_host: FaultServer) -> None:
    """Fill the routes of the (already started) main server; the traps stay empty."""
    r = main.routes
    for n in range(1, 5):
        r[f"/health/good-{n}"] = page(article_html(*good_article(n)).encode())
    r["/health/error-500"] = status(500)
    r["/health/error-503"] = status(503)
    r["/health/error-404"] = status(404)
    r["/health/never-answers"] = never()
    slow = article_html("Slow page", SENTENCES).encode()
    r["/health/slow-body"] = dribble(slow, interval=1.0)
    r["/health/reset"] = reset_mid_body(article_html("Reset page", SENTENCES * 20).encode())
    short = article_html("Truncated page", SENTENCES).encode()
    r["/health/truncated"] = truncated(short, claimed=len(short) + 5000)
    r["/health/huge-declared"] = huge(HUGE, declare_length=True)
    r["/health/huge-streamed"] = huge(HUGE, declare_length=False)
    r["/health/gzip-bomb"] = page(gzip_bomb(64 * MB),
                                  extra=(("Content-Encoding", "gzip"),))
    r["/health/vitamin-d-guide"] = page(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
                                        content_type="application/pdf")
    r["/health/skin-rash-photo"] = page(b"\x89PNG\r\n\x1a\n" + bytes(64),
                                        content_type="image/png")
    r["/health/heart-scan"] = page(PNG_BYTES)
    r["/health/flu-leaflet"] = page(PDF_BYTES, content_type=None)
    title, paragraphs = good_article(8)
    r["/health/gzip-twice"] = page(
        gzip.compress(gzip.compress(article_html(title, paragraphs).encode())),
        extra=(("Content-Encoding", "gzip"),))
    title, paragraphs = good_article(9)
    r["/health/utf16"] = page(article_html(title, paragraphs, charset=None).encode("utf-16-le"),
                              content_type="text/html")
    r["/health/coffee-and-health"] = page(
        article_html(UTF8_TITLE, UTF8_BODY, lang="de").encode("utf-8"),
        content_type="text/html; charset=iso-8859-1")
    r["/health/gbk-meta"] = page(
        article_html(GBK_TITLE, GBK_BODY, charset="gbk", lang="zh").encode("gbk"),
        content_type="text/html; charset=iso-8859-1")
    r["/health/gbk-no-meta"] = page(
        article_html(GBK_TITLE + "（二）", GBK_BODY[::-1], charset=None, lang="zh").encode("gbk"),
        content_type="text/html; charset=utf-8")
    r["/health/deep"] = page(deep_html(DEEP))
    r["/health/formula"] = page(
        article_html(FORMULA_TITLE, FORMULA_BODY, extra=FORMULA_RELATED).encode())
    r["/health/no-title"] = page(article_html("", SENTENCES, head_title="").encode())
    r["/health/empty-body"] = page(article_html("An article with no text", []).encode())
    r["/health/one-line"] = page(
        article_html("An article of one line", ["Just one short line."]).encode())
    r["/health/short-body"] = page(
        article_html("An article that is too short", [SHORT]).encode())
    r["/health/go-file"] = redirect("file:///etc/passwd")
    r["/health/go-data"] = redirect("data:text/html;base64,PGgxPnB3bmVkPC9oMT4=")
    r["/health/go-private"] = redirect(trap_host.url("/health/private-redirect"))
    r["/health/go-other-port"] = redirect(trap_port.url("/health/other-port-redirect"))
    r["/health/moved"] = redirect("/health/moved-target", code=301)
    title, paragraphs = good_article(5)
    r["/health/moved-target"] = page(article_html(title, paragraphs).encode())
    title, paragraphs = good_article(6)
    r["/health/flaky"] = flaky(never(), page(article_html(title, paragraphs).encode()))
    r["/health/moved-flaky"] = redirect("/health/flaky-target", code=301)
    title, paragraphs = good_article(7)
    r["/health/flaky-target"] = flaky(never(), page(article_html(title, paragraphs).encode()))
    r["/robots.txt"] = status(404)
    r["/sitemap.xml"] = page(sitemap([main.url(f"/health/good-{n}") for n in range(1, 5)]),
                             content_type="application/xml")

    links = [c.path for c in CASES if c.path and c.path != "/"]
    links += [trap_host.url("/health/private-link"), trap_port.url("/health/other-port-link"),
              "file:///etc/passwd", "data:text/html,<h1>x</h1>"]
    home = "<!DOCTYPE html><html><head><title>Fault site</title></head><body><ul>" + "".join(
        f'<li><a href="{html.escape(u)}">{html.escape(u)}</a></li>' for u in links
    ) + "</ul></body></html>"
    r["/"] = page(home.encode())


def sitemap(urls: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{html.escape(u)}</loc></url>" for u in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
            f'"http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>').encode()


def build_small(server: FaultServer, robots) -> None:
    """A small site: robots.txt answers with the route `robots`, no sitemap, two articles."""
    r = server.routes
    r["/robots.txt"] = robots
    for n in (1, 2):
        r[f"/health/good-{n}"] = page(article_html(*good_article(n)).encode())
    r["/"] = page(b'<html><body><a href="/health/good-1">1</a>'
                  b'<a href="/health/good-2">2</a></body></html>')


def keepto_html(title: str, paragraphs: list[str]) -> bytes:
    """The keepto layout of the demo site, as far as its profile's selectors look."""
    head = f"<title>{html.escape(title)}</title>" if title else ""
    h1 = f"<h1>{html.escape(title)}</h1>" if title else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head><body>'
            f'<div class="wrap"><div class="article">{h1}<div class="content">{body}</div>'
            "</div></div></body></html>").encode()


def build_profile(server: FaultServer) -> None:
    r = server.routes
    r["/robots.txt"] = status(404)
    r["/keepto/health/1.html"] = page(keepto_html(*good_article(1)))
    r["/keepto/health/2.html"] = page(keepto_html("", SENTENCES))
    r["/keepto/health/3.html"] = page(keepto_html("An article with no text", []))
    r["/keepto/health/4.html"] = page(keepto_html("An article that is too short", [SHORT]))
    r["/"] = page(("<html><body>" + "".join(
        f'<a href="{c.path}">{c.name}</a>' for c in PROFILE_CASES if c.path != "/")
        + "</body></html>").encode())
