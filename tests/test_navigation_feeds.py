"""Chinese portal structures of the zh-dev tune pages (the seventh round of cleaners/generic
navigation work, bench/README.md), on small pages written after their markup: a
personalised "为您推荐" feed of dozens of cards under the article, which is a recommendation
block however long (a feed under any other name is still the site's latest)."""
from __future__ import annotations

from cleaners.generic.navigation import find_navigation
from cleaners.html import drop_non_content, parse_html

URL = "https://news.example.cn/19/0907/13/ABCDEF12345.html"
SITE = "https://news.example.cn"
PROSE = "<p>" + "近日，该公司公布了今年上半年的业绩报告，营业额同比增长。" * 6 + "</p>"


def _find(body: str, url: str = URL):
    html = f"<html><head><title>t</title></head><body>{body}</body></html>"
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    return find_navigation(root, url)


def _article(after: str = "") -> str:
    return (f'<div class="post_main"><h1>多地项目连环爆雷</h1><div class="post_body">{PROSE}'
            f"{PROSE}</div></div>{after}")


def _feed(heading: str, n: int, box: str = "post_feed") -> str:
    # 163-like: headline in an <h3>, channel link, source and time, no summary
    cards = "".join(
        f'<div class="feed_item"><a class="feed_img" href="{SITE}/19/09{i:02d}/x{i}.html">'
        f'<img src="{i}.jpg"></a><h3><a href="{SITE}/19/09{i:02d}/x{i}.html">第{i}条新闻标题：'
        f"城市建设时间表出炉</a></h3><div class=\"channel\"><a href=\"{SITE}/\">新闻</a></div>"
        f"<span>中新经纬</span><span>{i}小时前</span></div>"
        for i in range(1, n + 1))
    return (f'<div class="{box}"><div class="feed_h2">{heading}</div>'
            f'<div class="feed_news">{cards}</div></div>')


def test_recommended_for_you_feed_of_dozens_is_related():
    links, teasers, _elements = _find(_article(_feed("为您推荐", 30)))
    assert teasers == []
    assert len(links) == 30 and {x.rel for x in links} == {"related"}
    assert links[0].title == "第1条新闻标题：城市建设时间表出炉"


def test_feed_of_dozens_under_another_related_name_stays_the_sites_latest():
    links, _teasers, _elements = _find(_article(_feed("相关新闻", 30)))
    assert links == []
