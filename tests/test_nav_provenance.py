"""Provenance of navigation items (cleaners.generic.navigation.explain_navigation): each
related link and teaser names the acceptance path that produced it; find_navigation returns
the same items without it."""
from __future__ import annotations

from cleaners.generic.navigation import explain_navigation, find_navigation
from cleaners.html import drop_non_content, parse_html

_PROSE = "<p>" + "The study followed patients for two years and found fewer relapses. " * 4 \
    + "</p>"
PAGE = f"""<html><head><title>Sleep and memory</title>
<link rel="next" href="/health/2024/05/03/diet-and-mood-12346.html"></head><body>
<article><h1>Sleep and memory</h1>{_PROSE}{_PROSE}
<div class="related-posts">
 <div class="item"><a href="/health/2024/05/01/walking-helps-the-heart-12341.html">Walking
  every day helps the heart stay strong</a></div>
 <div class="item"><a href="/health/2024/05/02/coffee-and-the-liver-12342.html">Coffee and
  the liver: what the new trials show</a></div>
</div>
<h3>Read also</h3>
<ul><li><a href="/health/2024/04/01/naps-for-older-adults-12343.html">Short naps help
  older adults remember names</a></li>
 <li><a href="/health/2024/04/02/screens-before-bed-12344.html">Screens before bed cut
  deep sleep by a third</a></li></ul>
<p class="nav"><a rel="prev" href="/health/2024/05/02/stress-at-work-12345.html">Stress at
  work and what helps</a></p>
</article></body></html>"""
URL = "https://health.example/health/2024/05/02/sleep-and-memory-12340.html"


def _root():
    root, _warnings = parse_html(PAGE.encode())
    drop_non_content(root)
    return root


def test_every_item_names_its_path():
    links, teasers, _elements, why = explain_navigation(_root(), URL)
    paths = {link.url.rsplit("/", 1)[-1]: why[id(link)] for link in links}
    assert paths["stress-at-work-12345.html"] == "prevnext:REL"
    assert paths["diet-and-mood-12346.html"] == "prevnext:head"
    assert paths["walking-helps-the-heart-12341.html"] == "class:related-posts"
    assert paths["naps-for-older-adults-12343.html"] == "heading:cards Read also"
    assert all(id(t) in why for t in teasers)


def test_find_navigation_returns_the_same_items():
    links, teasers, _elements, _why = explain_navigation(_root(), URL)
    assert find_navigation(_root(), URL)[:2] == (links, teasers)
