"""Structures of the seventh round's tune pages (mostly zh-dev; cleaners/generic navigation
work, bench/README.md), on small pages written after their markup: a personalised "为您推荐"
feed of dozens of cards under the article, which is a recommendation block however long (a
feed under another name is still the site's latest, but for a portal's "相关新闻" tab: see
tests/test_navigation_zh_round10.py); a blog calendar's month arrows; a
hidden tab of latest reports beside the related one; page 2 of this article on the site's
mobile host; an excerpt in a card's own <span>; a "更多精彩内容" more-link; prev/next named
only by the links' title attributes; a lone arrow whose only partner is a script link; a
list under a "... Update" heading."""
from __future__ import annotations

from nav_pages import find_in_body

URL = "https://news.example.cn/19/0907/13/ABCDEF12345.html"
SITE = "https://news.example.cn"
PROSE = "<p>" + "近日，该公司公布了今年上半年的业绩报告，营业额同比增长。" * 6 + "</p>"


def _find(body: str, url: str = URL):
    return find_in_body(body, url)


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


def test_for_you_heading_just_before_a_related_named_box_of_dozens():
    # the heading sits before the box that a "related" class names, not inside it
    cards = "".join(
        f'<div class="col-4 related-thumb-block"><p class="related-thumb-text">'
        f'<a href="{SITE}/gesundheit/{500 + i}/beitrag-{i}">Beitrag Nummer {i}: was die '
        f"Forschung dazu sagt</a></p></div>" for i in range(1, 23))
    after = (f'<div class="nm-custom-header"><h2>Für dich empfohlen</h2></div>'
             f'<div class="row">{cards}</div>')
    links, _teasers, _elements = _find(_article(after))
    assert len(links) == 22 and {x.rel for x in links} == {"related"}
    links, _teasers, _elements = _find(_article(after.replace("Für dich empfohlen", "Neueste")))
    assert links == []


def test_feed_of_dozens_under_another_related_name_stays_the_sites_latest():
    links, _teasers, _elements = _find(_article(_feed("推荐阅读", 30)))
    assert links == []


def _calendar(table_attrs: str = "", last_day: int = 31) -> str:
    # china-pub-like blog calendar: arrows to the months around "December 2006", then a cell
    # per day (the day with a post linked)
    days = "".join(f"<td>{d}</td>" if d != 27 else f'<td><a href="{SITE}/blog?d=27">27</a></td>'
                   for d in range(1, last_day + 1))
    return (f"<table{table_attrs}><tr><td><a href='{SITE}/blog.asp?name=x&month=2006-11'>"
            f"&laquo;</a></td><td colspan=5><b>December 2006</b></td>"
            f"<td><a href='{SITE}/blog.asp?name=x&month=2007-1'>&raquo;</a></td></tr>"
            f"<tr>{days}</tr></table>")


def test_calendar_month_arrows_are_no_prev_next():
    links, _teasers, _elements = _find(f'<div class="side">{_calendar()}</div>{_article()}')
    assert links == []
    named = _calendar(' id="wp-calendar"', last_day=3)  # named: its day cells are not needed
    links, _teasers, _elements = _find(f'<div class="side">{named}</div>{_article()}')
    assert links == []


def test_cards_of_a_hidden_tab_are_not_seen():
    # csdn-like: a "relational" box with two tabs, related articles and the latest reports;
    # the second tab is display:none in the saved page (script switches tabs)
    def items(prefix: str, n: int) -> str:
        return "".join(f'<li><a href="{SITE}/article/2019-09-1{i}/{prefix}{i}">{prefix}第{i}篇：'
                       f"云计算平台跻身报告领导者位置</a></li>" for i in range(1, n + 1))
    box = (f'<div id="Tab3" class="relational"><h2><ul><li>相关文章</li><li>最新报道</li></ul></h2>'
           f'<div class="con"><div id="con_1"><ul>{items("r", 3)}</ul></div>'
           f'<div id="con_2" style="display:none"><ul>{items("n", 5)}</ul></div></div></div>')
    links, _teasers, _elements = _find(_article(box))
    assert [x.url.rsplit("/", 1)[1] for x in links] == ["r1", "r2", "r3"]


def test_next_page_on_the_sites_mobile_host_is_page_two_of_this_article():
    # gamersky-like: the saved mobile page of ".../1220000.shtml" pages on to
    # "wap.<site>/news/Content-1220000_2.html" ("下一页", page 1/2)
    url = "https://ol.example.com/news/201909/1220000.shtml"
    pager = ('<div class="btnwrap"><a href="javascript:;" class="disable">上一页</a>'
             '<span>1/2</span>'
             '<a href="https://wap.example.com/news/Content-1220000_2.html" class="page-next">'
             "下一页</a></div>")
    links, _teasers, _elements = _find(_article().replace("</div></div>", f"{pager}</div></div>"),
                                       url=url)
    assert links == []


def test_a_cards_own_span_holds_its_excerpt():
    # ednchina-like: "<li><a class=thetitle>Title</a><span class=thecon>excerpt</span></li>"
    cards = "".join(
        f'<li><a href="{SITE}/news/2019092{i}.html" class="thetitle">'
        f"拆解第{i}款手机：三摄有哪些秘密？</a>"
        f'<span class="thecon">国外著名拆解网站正式上线了这款手机的详细拆解报告。三摄有哪些秘密？'
        f"更长的续航时间是如何做到的？内部结构发生了哪些变化？</span></li>" for i in range(1, 4))
    box = f'<div class="row-title">相关推荐</div><div class="row-recommend"><ul>{cards}</ul></div>'
    links, teasers, _elements = _find(_article(box))
    assert links == [] and len(teasers) == 3
    assert teasers[0].title == "拆解第1款手机：三摄有哪些秘密？"
    assert teasers[0].snippet.startswith("国外著名拆解网站") and not teasers[0].truncated


def test_more_of_something_link_is_no_card():
    # bilibili-like: "推荐文章" with a "更多精彩内容" link to the column's home beside it
    card = (f'<a href="{SITE}/read/cv14545263" class="article-item"><div class="article-title">'
            f'圣诞马槽：速子的梦</div><div class="article-desc">作者注：尽力不让各个角色走样。'
            f"有刀但并不是完全刀。因为作者本身这几天睡觉的时候做梦极其离谱因而产生剧情灵感。</div></a>")
    box = (f'<div class="recommend-list"><div class="recommend-header"><div class="title">'
           f'推荐文章</div><a class="more" href="{SITE}/read/home"><span>更多精彩内容</span>'
           f'<i class="icon"></i></a></div><div class="recommend-article-list">{card}</div></div>')
    links, teasers, _elements = _find(_article(box))
    assert [x.title for x in links] == []
    assert [t.title for t in teasers] == ["圣诞马槽：速子的梦"]


def test_prev_next_named_by_the_links_title_attribute():
    # BlogDriver-like: the blog's bar above the post names its neighbours by their headlines;
    # only the links' title attributes say which is which
    url = "http://reader.example.cn/reader/2756656.html"
    bar = ('<div id="category"><a href="2756647.html" title="上一篇">'
           "孩子，夏令营让你得到了什么？</a>"
           '- -| <a href="index.html">回首页</a> | <a href="catalog_2005.html">2005年索引</a> | - -'
           '<a href="2756660.html" title="下一篇">浴室都安全吗?</a></div>')
    links, _teasers, _elements = _find(bar + _article(), url=url)
    assert [(x.rel, x.title, x.url.rsplit("/", 1)[1]) for x in links] == [
        ("prev", "孩子，夏令营让你得到了什么？", "2756647.html"),
        ("next", "浴室都安全吗?", "2756660.html")]


def test_arrow_pairs_only_with_a_real_link():
    # a forum's path "<a>社区</a> → <a href=>错误信息</a> → title" and a script "<< 返回上一页"
    # (history.go(-1)): the lone arrow has no partner that leads anywhere
    crumbs = (f'<div class="tableborder2"><a href="{SITE}/index1.asp">麻辣社区</a> → '
              "<a href=>错误信息</a> → 朋友,请正确客观认识凉山</div>")
    back = ('<table><tr><td><a href="javascript:history.go(-1)">&lt;&lt; 返回上一页</a></td>'
            "</tr></table>")
    links, _teasers, _elements = _find(f'<div class="forum">{crumbs}{back}</div>{_article()}')
    assert links == []


def test_list_under_an_update_heading_is_a_feed():
    # Bhaskar-like: under the article, a heading naming a subject's running feed and a plain
    # list of its latest stories from all over the site
    url = "https://news.example.in/local/bihar/news/police-caught-2-miscreants-133589711.html"
    items = "".join(f'<li><a href="https://news.example.in/local/state{i}/news/'
                    f'heavy-rain-alert-in-district-{i}-1335890{i:02d}.html">Heavy rain alert in '
                    f"district number {i} today</a></li>" for i in range(1, 9))
    page = (f'<div class="page"><div class="story"><h1>Police caught two miscreants</h1>'
            f"{PROSE}{PROSE}</div><div class=\"more\"><h2>Today Weather Update</h2>"
            f"<ul>{items}</ul></div></div>")
    links, teasers, _elements = _find(page, url=url)
    assert (links, teasers) == ([], [])
