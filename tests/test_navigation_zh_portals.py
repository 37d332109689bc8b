"""Chinese portal structures (the ninth round of navigation work, bench/README.md), on small
pages written after the markup of zh-dev tune pages: bracketed previous/next labels of a
serialised book ("[上一篇] [下一篇]"), a recommendation box that lists one story under its
https and its http address, and a comment form after an empty "相关链接" heading."""
from __future__ import annotations

from nav_pages import find_in_body

from cleaners.generic.navigation import find_navigation
from cleaners.html import drop_non_content, parse_html

URL = "http://book.example.com.cn/longbook/1097399113_author/41.shtml"
PROSE = "<p>" + "他在香港时就为当时的宣传刊物改稿，从此与作者相识，两人常常通宵长谈。" * 4 + "</p>"
STORIES = [("/news/2019/0908/EOHSPFB1.html", "暴雨过后城区道路积水 市民出行受阻"),
           ("/news/2019/0908/EOHQO3GI.html", "著名地标铜牛被砸 引来更多游客合照"),
           ("/news/2019/0908/EOHVU2H2.html", "游戏公司感谢警方打假 送来限量手办")]


def _find(body: str, url: str = URL):
    return find_in_body(body, url, "<meta charset='utf-8'>")


def test_bracketed_labels_of_a_serialised_book_are_prev_and_next():
    # sina book channel: <p>[上一篇] [下一篇]</p> under the instalment, no titles shown
    body = (f"<table><tr><td><b>投身外交(3)</b>{PROSE}{PROSE}"
            "<p><a href=40.shtml>[上一篇]</a>&nbsp;&nbsp;<a href=42.shtml>【下一篇】</a></p>"
            "</td></tr></table>")
    links, teasers, _elements = _find(body)
    assert teasers == []
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("prev", "", "http://book.example.com.cn/longbook/1097399113_author/40.shtml"),
        ("next", "", "http://book.example.com.cn/longbook/1097399113_author/42.shtml")]


def test_one_story_under_https_and_http_in_a_box_is_one_item():
    # 163 "为您推荐": the feed repeats a story, once https://, once http://
    site = "news.example.com"
    hrefs = [f"https://{site}{p}" for p, _t in STORIES] + [f"http://{site}{STORIES[1][0]}"]
    titles = [t for _p, t in STORIES] + [STORIES[1][1]]
    cards = "".join(f'<li><a href="{h}"><img src="x.jpg"></a><h3><a href="{h}">{t}</a></h3>'
                    f"<span>新闻</span><span>3小时前</span></li>"
                    for h, t in zip(hrefs, titles, strict=True))
    body = (f"<div class=post_main><h1>标题</h1><div class=post_body>{PROSE}{PROSE}</div>"
            f"<div class=post_recommend><div class=post_recommend_h2>为您推荐</div>"
            f"<ul>{cards}</ul></div></div>")
    links, _teasers, _elements = _find(body, f"https://{site}/news/2019/0907/EOFBHDHQ.html")
    assert [(x.title, x.url) for x in links] == [
        (t, f"https://{site}{p}") for p, t in STORIES]


def test_comment_form_after_an_empty_related_heading_gives_no_cards():
    # sohu: "■相关链接" whose list the CMS left empty, then the "我来说两句" comment form with
    # its rules and licence links
    legal = "".join(f'<a href="http://bbs.example.com/{h}">{t}</a><br>' for h, t in (
        ("license.htm", "*经营许可证编号：京ICP00000008号"),
        ("rules1.shtml", "*《互联网电子公告服务管理规定》"),
        ("rules2.shtml", "*《全国人大常委会关于维护互联网安全的规定》")))
    body = (f"<table><tr><td><h1>工商部门初定广告属于虚假宣传</h1>{PROSE}{PROSE}</td></tr></table>"
            "<table><tr><td>■<span><strong>相关链接</strong></span></td></tr>"
            "<tr><td><table><tr><td></td></tr></table></td></tr></table>"
            "<table><tr><td><font>■ 我来说两句</font></td></tr></table>"
            "<table><tr><td><form action=/comment/post.jsp><b>用 户：</b><input name=author>"
            "<textarea name=content></textarea><input type=submit value=发表>"
            f"<table><tr><td>{legal}</td></tr></table></form></td></tr></table>")
    links, teasers, _elements = _find(body, "http://business.example.com/20050311/n224643115.shtml")
    assert links == [] and teasers == []


def test_related_item_under_the_pages_own_headline_is_the_page_itself():
    # yahoo: "相关报道" lists this story first, at another address, its "(图)" mark and
    # full-width question mark dropped
    site = "http://ent.example.com"
    items = [(f"{site}/050427/347/26pbv.html", "娱乐圈受黑社会控制? 明星挨打事件回顾"),
             (f"{site}/050427/127/26pb4.html", "娱乐圈受黑社会控制?明星挨打事件簿(图)"),
             (f"{site}/050420/158/26ogu.html", "不必担心，吴宗宪们总能化挨打为娱乐的")]
    rows = "".join(f'<div>·<a href="{h}">{t}</a><span>(2005-04-27 14:32PM)</span></div>'
                   for h, t in items)
    body = (f"<div class=title>娱乐圈受黑社会控制？ 明星挨打事件回顾(图)</div>{PROSE}{PROSE}"
            f"<table><tr><td><b>相关报道：</b>{rows}</td></tr></table>")
    html = ("<html><head><meta charset='utf-8'><title>娱乐圈受黑社会控制？ 明星挨打事件回顾(图)"
            f"</title></head><body>{body}</body></html>")
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    links, teasers, _elements = find_navigation(root, f"{site}/050427/322/26pcz.html")
    assert teasers == []
    assert [(x.title, x.url) for x in links] == [(t, h) for h, t in items[1:]]


def test_story_behind_a_redirect_address_counts_once():
    # yahoo: "延伸阅读：<a>" in the text links the story directly, "相关报道" again through the
    # portal's redirect address that carries it
    site = "http://biz.example.com"
    direct = f"{site}/041229/16/5oqt.html"
    other = f"{site}/010705/110/i40h.html"
    wrap = "http://rd.example.com/home/articlepage/relatedarticle/biz/*"
    body = (f"<div class=title>纸包不住火</div>{PROSE}"
            f"<p><font>延伸阅读：<a href='{direct}'>小学肄业 骗子演绎惊天骗局</a></font></p>{PROSE}"
            f"<table><tr><td><b>相关报道：</b></td></tr><tr><td>"
            f"·<a href='{wrap}{direct}'>小学肄业 骗子演绎惊天骗局</a><span>（2004-12-30）</span>"
            f"·<a href='{wrap}{other}'>股市三十六计之以空对空</a><span>（2001-07-05）</span>"
            f"</td></tr></table>")
    links, _teasers, _elements = _find(body, f"{site}/050105/16/5rq0.html")
    assert [x.url for x in links] == [direct, wrap + other]
