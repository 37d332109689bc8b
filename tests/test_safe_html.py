"""body_html is safe to render on a downstream site: an article full of hostile markup goes
through extract_article, with a site profile and through the generic extractor, and comes
out without script, style, iframe, event handlers or javascript: URLs, links absolute."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest
from lxml import html as lxml_html

from cleaners.extract import extract_article
from cleaners.profile import SiteProfile

URL = "https://health.example/articles/2024/sleep.html"
PARAGRAPH = ("Adults who sleep fewer than seven hours a night report more headaches, worse "
             "mood and slower reaction times, according to several large surveys. ")
# Each hostile construct sits inside the article body, between real paragraphs.
HOSTILE = f"""
<p>{PARAGRAPH}<a href="/articles/2024/naps.html">Short naps</a> help some people.</p>
<script>document.cookie = "stolen"; alert(1)</script>
<style>p {{ display: none }} body {{ background: url(javascript:alert(2)) }}</style>
<p>{PARAGRAPH}<img src="../img/chart.png" alt="Sleep chart" onerror="alert(3)"></p>
<iframe src="https://evil.example/frame"></iframe>
<p onclick="alert(4)" style="color:red">{PARAGRAPH}
  <a href="javascript:alert(5)">Click here</a> or
  <a href="JaVaScRiPt:alert(6)">here</a> or <a href="  javascript:alert(7)">there</a>.</p>
<object data="x.swf"></object><embed src="y.swf">
<form action="/steal"><input name="q" onfocus="alert(8)"></form>
<svg onload="alert(9)"><script>alert(10)</script></svg>
<p>{PARAGRAPH}<a href="sleep-hygiene.html" onmouseover="alert(11)">Sleep hygiene</a> and
  <a href="//cdn.example/guide.pdf">the guide</a> and <a href="#top">top</a>.</p>
<noscript><img src="x" onerror="alert(12)"></noscript>
<p>{PARAGRAPH}</p>
"""
PAGE = f"""<!doctype html><html lang="en"><head><title>How much sleep do adults need?</title>
<script src="/js/tracker.js"></script></head><body>
<header><nav><a href="/">Home</a> <a href="/articles/">Articles</a></nav></header>
<main><article class="post"><h1>How much sleep do adults need?</h1>
<div class="entry">{HOSTILE}</div></article></main>
<footer><p>© Health Example</p></footer></body></html>"""
PROFILE = SiteProfile(key="hostile", article_url=r"^/articles/", title="article.post h1",
                      body="article.post div.entry", language="en")
FORBIDDEN_TAGS = ("script", "style", "iframe", "object", "embed", "form", "input", "svg",
                  "noscript")


@pytest.mark.parametrize("profile", [PROFILE, None], ids=["profile", "generic"])
def test_body_html_is_safe(profile: SiteProfile | None) -> None:
    article = extract_article(PAGE.encode(), URL, profile)
    assert article.extractor.startswith("profile:hostile" if profile else "generic")
    assert article.body.count(PARAGRAPH.strip()) == 5  # every real paragraph is there
    body_html = article.body_html
    assert body_html
    lowered = body_html.lower()
    for needle in ("<script", "<style", "<iframe", "javascript:", "alert(", "onerror",
                   "onclick", "onload", "onmouseover", "onfocus", "style=", "display: none"):
        assert needle not in lowered, needle

    fragment = lxml_html.fragment_fromstring(body_html, create_parent="div")
    for tag in FORBIDDEN_TAGS:
        assert not fragment.findall(f".//{tag}"), tag
    for el in fragment.iter():
        assert not [name for name in el.attrib if name.lower().startswith("on")], el.tag
    hrefs = [a.get("href") for a in fragment.iter("a") if a.get("href")]
    srcs = [img.get("src") for img in fragment.iter("img")]
    # Every surviving link is absolute, resolved against the page URL.
    for link in hrefs + srcs:
        assert link.startswith(("https://", "http://")), link
    assert urljoin(URL, "/articles/2024/naps.html") in hrefs
    assert urljoin(URL, "sleep-hygiene.html") in hrefs
    assert urljoin(URL, "//cdn.example/guide.pdf") in hrefs
    assert urljoin(URL, "../img/chart.png") in srcs
