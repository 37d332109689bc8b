"""Chinese portal structures of the tenth round of navigation work (bench/README.md), on
small pages written after the markup of zh-dev tune pages."""
from __future__ import annotations

from nav_pages import find_in_body

SITE = "news.example.com.cn"
URL = f"https://{SITE}/c/2019-11-25/doc-iihnzahi3275702.shtml"
PROSE = "<p>" + "说这话的大叔是个加拿大人，已在中国生活十多年，最近推荐了一个去处。" * 4 + "</p>"
TITLES = ("东方姑娘种出美好生活", "大熊猫首次落户高原城市西宁", "九零后赛车手为赛而生",
          "一片叶子致富一个村")
STORIES = [(f"https://{SITE}/c/2019-11-24/doc-iihnzhfz139536{i}.shtml", t)
           for i, t in enumerate(TITLES)]


def _find(body: str, url: str = URL):
    return find_in_body(body, url, "<meta charset='utf-8'>")


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


def _feed(n: int) -> str:
    cards = "".join(
        f'<div class="ty-card"><div class="ty-card-l"><a href="{h}"><img src="x.jpg"></a></div>'
        f'<div class="ty-card-r"><h3 class="ty-card-tt"><a href="{h}">{t}</a></h3>'
        f'<p class="ty-card-tip2"><span class="ty-card-time">今天 02:41</span>'
        f'<span><a href="http://tags.example.com.cn/a">摄像头</a><a href="http://tags.example'
        f'.com.cn/b">安卓手机</a><a href="http://tags.example.com.cn/c">新品发布会</a></span>'
        f"</p></div></div>"
        for h, t in ((f"https://{SITE}/t/2019-09-11/doc-iicezueu49{i:05d}.shtml",
                      f"新手机第{i}次发布会上公布售价与发货日期") for i in range(n)))
    return (f"<div class=article><h1>新手机正式发布</h1>{PROSE}{PROSE}</div>"
            f'<div class="blk-related" id="tab_related"><div class="tab-related">'
            f'<a href="javascript:;">相关新闻</a></div>'
            f'<div id="tycard_list">{cards}</div></div>')


def test_a_long_related_news_feed_is_taken_whole():
    # sina tech: forty topic cards behind the "相关新闻" tab, a feed like "为您推荐"
    links, teasers, _elements = _find(_feed(25))
    assert len(links) == 25 and teasers == []


def test_a_time_and_tag_links_under_a_headline_make_no_summary():
    # "今天 02:41" written against the tag words ("02:41摄像头…"): a meta line, not a summary
    links, teasers, _elements = _find(_feed(3))
    titles = [f"新手机第{i}次发布会上公布售价与发货日期" for i in range(3)]
    assert [x.title for x in links] == titles
    assert teasers == []


def test_a_headline_cut_by_the_site_stays_the_cards_title():
    # toutiao "相关推荐": <div class="title-box"><a>…事情蹊跷……</a></div>, then the source link
    titles = ("台州老伯突然找家人拼命：杀了我孙子和外孙！事情蹊跷……", "绑架男童嫌犯一审被判死刑",
              "八旬老人摔倒忘记回家路")
    cards = "".join(
        f'<li><div class="single-mode"><a href="https://www.example.com/group/67{i}/">'
        f'<img src="x.jpg"></a><div class="title-box"><a href="https://www.example.com/group/'
        f'67{i}/">{t}</a></div><div class="footer-bar"><a href="/c/user/token/{i}/">'
        f"台州晚报 ⋅</a><a href=\"https://www.example.com/group/67{i}//#comment\">12评论 ⋅</a>"
        f"</div></div></li>" for i, t in enumerate(titles))
    body = (f"<div class=article-box><h1>海螺沟寻子一个月</h1>{PROSE}{PROSE}</div>"
            f"<div class=detail-feed><div class=title>相关推荐</div><ul>{cards}</ul></div>")
    links, teasers, _elements = _find(body, "https://www.example.com/a6734571327/")
    assert teasers == []
    assert [x.title for x in links] == list(titles)


def test_a_digest_of_one_story_per_channel_is_site_wide():
    # sina's right column "推荐新闻": 【新闻】, 【军事】, 【财经】 … each a channel's front page
    channels = (("news", "新闻"), ("mil.news", "军事"), ("finance", "财经"), ("sports", "体育"))
    items = "".join(
        f'<li><span>【<a href="https://{host}.example.com.cn/">{name}</a>】</span>'
        f'<a href="https://{host}.example.com.cn/c/2019-11-24/doc-iihnzhfz1395{i}.shtml">'
        f"{name}频道今天最受关注的一条新闻标题</a></li>"
        for i, (host, name) in enumerate(channels))
    body = (f"<div class=article><h1>中国人习以为常的地方</h1>{PROSE}{PROSE}</div>"
            f'<div class="news-box"><h3>推荐新闻</h3><ul class="recommend_news2">{items}</ul>'
            f"</div>")
    links, teasers, _elements = _find(f"<div class=wrap>{body}</div>",
                                      "https://news.example.com.cn/c/2019-11-25/doc-x.shtml")
    assert (links, teasers) == ([], [])


def test_a_digest_is_told_by_its_items_even_where_cut_headlines_give_no_card():
    # sina's second copy of "推荐新闻": most headlines cut ("…写..."), two whole ones left
    channels = (("news", "新闻", "一个月内九旬老人第二次给他们写..."),
                ("mil.news", "军事", "国庆阅兵坦克真的简配了吗"),
                ("finance", "财经", "员工不买房将被除名吗"),
                ("sports", "体育", "阿扎尔助攻克罗斯进球 皇马夺首..."))
    items = "".join(
        f'<li><span>【<a href="http://{host}.example.com.cn">{name}</a>】</span>'
        f'<a href="https://{host}.example.com.cn/c/2019-10-22/doc-iicezuev40711{i}.shtml">{t}</a>'
        f"</li>" for i, (host, name, t) in enumerate(channels))
    body = (f"<div class=article><h1>中国人习以为常的地方</h1>{PROSE}{PROSE}</div>"
            f'<div class="news-box"><ul class="recommend_news2">{items}</ul></div>')
    links, teasers, _elements = _find(f"<div class=wrap>{body}</div>",
                                      "https://news.example.com.cn/c/2019-11-25/doc-x.shtml")
    assert (links, teasers) == ([], [])


def test_one_story_with_a_tracking_query_and_a_tracking_fragment_is_one_item():
    # 163: the in-text "延伸阅读" links "…html?f=relatedArticle", the "为您推荐" feed below
    # the same story as "…html#f=post1603_tab_news"
    site = "https://news.example.com"
    paths = [f"/20/0229/15/F6II8HLU0001{i}B3E.html" for i in range(3)]
    titles = ["上海零新增我很担心 这么多人进来怎会是零", "最终战胜疫情的曙光就要出现了",
              "滞留人员睡地下通道被子被冲湿"]
    inline = "".join(f'<li><a href="{site}{p}?f=relatedArticle">{t}</a></li>'
                     for p, t in zip(paths, titles, strict=True))
    feed = "".join(f'<li><a href="{site}{p}#f=post1603_tab_news"><img src="x.jpg"></a>'
                   f'<h3><a href="{site}{p}#f=post1603_tab_news">{t}</a></h3>'
                   f"<span>新华社</span><span>3小时前</span></li>"
                   for p, t in zip(paths, titles, strict=True))
    body = (f"<div class=post_main><h1>联防联控机制要求严格管控</h1><div class=post_body>{PROSE}"
            f"{PROSE}<div class=related_article><div class=related_article_title>延伸阅读</div>"
            f"<ul>{inline}</ul></div></div>"
            f"<div class=post_recommend><div class=post_recommend_h2>为您推荐</div>"
            f"<ul>{feed}</ul></div></div>")
    links, _teasers, _elements = _find(body, f"{site}/20/0229/16/F6IMLTDR00019B3E.html")
    assert [x.url for x in links] == [f"{site}{p}?f=relatedArticle" for p in paths]


def _related_lines(extra: str = "") -> str:
    return (f"<div class=article><h1>苹果发布新手机</h1>{PROSE}"
            "<p><strong>相关新闻：</strong></p>"
            '<p><strong><a href="http://live.example.com.cn/tech/apple2019">'
            "直播2019年苹果发布会(英文原声+中文字幕)</a></strong></p>"
            '<p><strong><a href="http://tech.example.com.cn/zt_d/apple2019/">'
            "苹果2019年秋季新品发布会：谈色彩 致创新</a></strong></p>"
            f"{extra}{PROSE}</div>")


def test_a_link_to_a_topic_hub_is_no_related_article():
    # sina's "/zt_d/apple2019/", ifeng's "/special/nbzz/": a topic's page (专题), not a story
    links, _teasers, _elements = _find(_related_lines())
    assert [x.url for x in links] == ["http://live.example.com.cn/tech/apple2019"]


def test_a_link_wrapped_in_a_span_inside_prose_is_part_of_the_sentence():
    # the paragraph after the lines: "新浪科技讯 …<span><a>苹果</a></span>2019秋季发布会开幕…"
    prose = ('<p>新浪科技讯 北京时间9月11日凌晨消息，<span id="usstock_AAPL">'
             '<a href="http://stock.example.com.cn/usstock/quotes/AAPL.html">苹果</a></span>'
             "2019秋季发布会开幕，新品为第一个出场的硬件产品，采用双摄像头，有六种配色。</p>")
    links, _teasers, _elements = _find(_related_lines(prose))
    assert [x.url for x in links] == ["http://live.example.com.cn/tech/apple2019"]
