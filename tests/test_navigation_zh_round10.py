"""Chinese portal structures of the tenth round of navigation work (bench/README.md), on
small pages written after the markup of zh-dev tune pages."""
from __future__ import annotations

from cleaners.generic.navigation import find_navigation
from cleaners.html import drop_non_content, parse_html

SITE = "news.example.com.cn"
URL = f"https://{SITE}/c/2019-11-25/doc-iihnzahi3275702.shtml"
PROSE = "<p>" + "说这话的大叔是个加拿大人，已在中国生活十多年，最近推荐了一个去处。" * 4 + "</p>"
TITLES = ("东方姑娘种出美好生活", "大熊猫首次落户高原城市西宁", "九零后赛车手为赛而生",
          "一片叶子致富一个村")
STORIES = [(f"https://{SITE}/c/2019-11-24/doc-iihnzhfz139536{i}.shtml", t)
           for i, t in enumerate(TITLES)]


def _find(body: str, url: str = URL):
    html = f"<html><head><meta charset='utf-8'><title>t</title></head><body>{body}</body></html>"
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    return find_navigation(root, url)


def _rail(heading: str) -> str:
    items = "".join(f'<li><a href="{h}"><img src="x.jpg"></a><a href="{h}">{t}</a></li>'
                    for h, t in STORIES)
    return (f"<div class=article-main><h1>中国人习以为常的地方</h1>{PROSE}{PROSE}</div>"
            f"<div class=news-box><h3>{heading}</h3><ul class=img>{items}</ul></div>")


def test_a_sidebar_of_picture_stories_or_hot_blogs_is_site_wide():
    # sina: the right column's "图片故事" and "热点博客" lists are the same on every article
    for heading in ("图片故事", "热点博客", "好书精选"):
        links, teasers, _elements = _find(f"<div class=wrap>{_rail(heading)}</div>")
        assert (heading, links, teasers) == (heading, [], [])


def test_the_same_rail_under_a_section_name_is_still_taken():
    links, _teasers, _elements = _find(f"<div class=wrap>{_rail('国内新闻')}</div>")
    assert [(x.title, x.url) for x in links] == [(t, h) for h, t in STORIES]
