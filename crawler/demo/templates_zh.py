"""Chinese portal pages (under /zh/), written as GBK with <meta charset="gbk">.

Article: <h1>, an info line, div#text with "　　"-indented paragraphs (or <br><br> between
them) and "（责任编辑：…）" at the end; then `上一篇：<a>…</a>` / `下一篇：<a>…</a>` (the first
article says "上一篇：没有了" with no link), then a 推荐阅读 block of title + snippet items.
Listings: /zh/list_1.shtml, list_2.shtml, ...; channel pages /zh/<channel>/.
"""
from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import datetime

from .articles_zh import CHANNELS, SOURCES
from .chrome import ICONS, THEME_SCRIPT, analytics, esc, page_window, stylesheet, svg_sprite
from .health import health_for
from .model import DemoArticle

PER_PAGE = 30
PORTAL = "康宁健康网"
INDENT = "\u3000\u3000"  # Chinese editors indent each paragraph with two ideographic spaces


def list_path(page: int) -> str:
    return f"/zh/list_{page}.shtml"


class PortalTemplates:
    def __init__(self, articles: list[DemoArticle], seed: int) -> None:
        self.articles = articles
        rng = random.Random(f"zh-chrome-{seed}")
        self.newest_first = articles[::-1]
        channels = "".join(f'<li><a href="/zh/{s}/">{n}</a></li>' for s, n in CHANNELS)
        self.head = (
            '<meta charset="gbk">\n<meta name="renderer" content="webkit">\n'
            '<link rel="stylesheet" href="/static/zh.css">\n'
            f"<style>\n{stylesheet(rng, 220)}\n</style>\n"
            f"<script>\n{analytics('e05b9d3c4a1f6b72')}</script>\n"
        )
        self.header = (
            f"{svg_sprite(rng, ICONS)}\n<!-- 顶部 -->\n"
            '<div class="top"><div class="wrap">欢迎访问康宁健康网！<a href="/about.html">关于我们'
            '</a> | <a href="/about.html#contact">联系我们</a> | <a href="/">网站首页</a></div>'
            '</div>\n<div class="header"><div class="wrap"><div class="logo"><a href="'
            f'{list_path(1)}"><img src="/static/zh-logo.png" alt="{PORTAL}"></a></div><form '
            'class="search" action="/search/" method="get"><input type="text" name="q" '
            'placeholder="搜索疾病、症状、药品"><button type="submit">搜索</button></form></div>'
            '</div>\n<!-- 导航 -->\n<div class="nav"><div class="wrap"><ul class="menu"><li><a '
            f'href="/">首页</a></li><li><a href="{list_path(1)}">健康频道</a></li>{channels}'
            "</ul></div></div>\n"
        )
        self.sidebar_tail = (
            f'<div class="box"><h3>热门栏目</h3><ul class="cats">{channels}</ul></div>\n'
            '<div class="box ad"><script>var cpro_id = "u1234567";</script></div>\n'
        )
        self.footer = (
            '<!-- 底部 -->\n<div class="footer"><div class="wrap"><p><a href="/about.html">关于'
            '我们</a> | <a href="/about.html#contact">联系我们</a> | <a href="/about.html#'
            'privacy">免责声明</a> | <a href="/sitemap.xml">网站地图</a></p>\n<p class="'
            'disclaimer">本站内容仅供参考，不能作为诊断及医疗的依据，如有不适请及时就医。部分文章来源'
            '于网络，如有侵权请联系我们删除。</p>\n<p class="copyright">Copyright &copy; 2012-2025 '
            f"{PORTAL} 版权所有 京ICP备00000000号</p></div></div>\n"
            f"<script>{THEME_SCRIPT}</script>\n"
        )

    def page(self, title: str, head_extra: str, position: str, main: str,
             rng: random.Random) -> str:
        n = len(self.articles)
        hot = "".join(f'<li><a href="{a.path}" title="{esc(a.title)}">{esc(a.title)}</a></li>'
                      for a in (self.articles[i] for i in rng.sample(range(n), min(10, n))))
        return (
            "<!DOCTYPE html>\n<html>\n<head>\n" + self.head
            + f"<title>{esc(title)}_健康频道_{PORTAL}</title>\n{head_extra}</head>\n<body>\n"
            + self.header
            + f'<div class="wrap main">\n<div class="position">当前位置：{position}</div>\n'
            f'<div class="left">\n{main}\n</div>\n<!-- 右侧 -->\n<div class="right">\n'
            f'<div class="box"><h3>热门文章</h3><ul class="hot">{hot}</ul></div>\n'
            f"{self.sidebar_tail}</div>\n</div>\n" + self.footer + "</body>\n</html>\n"
        )

    def article(self, art: DemoArticle) -> str:
        rng = art.rng
        when = datetime.fromisoformat(art.published)
        prev = (f'<a href="{art.prev.path}">{esc(art.prev.title)}</a>' if art.prev else "没有了")
        next_ = (f'<a href="{art.next.path}">{esc(art.next.title)}</a>' if art.next
                 else "没有了")
        items = "\n".join(
            f'<li><a href="{t.path}" target="_blank" title="{esc(t.title)}">{esc(t.title)}</a>'
            f"<p>{esc(t.teaser_text)}</p></li>" for t in art.teasers)
        main = (
            f'<div class="article">\n<h1>{esc(art.title)}</h1>\n<div class="info"><span '
            f'class="time">{when:%Y-%m-%d %H:%M}</span> <span class="source">来源：'
            f"{rng.choice(SOURCES)}</span> 作者：<span class=\"author\">{art.author[1]}</span> "
            f'<span class="views">阅读：<em>{rng.randint(100, 50000)}</em></span></div>\n'
            f'<div class="summary"><b>导读：</b>{esc(art.teaser_text)}</div>\n<!-- 正文开始 -->\n'
            f'<div class="article-content" id="text">\n{_content(art)}\n'
            f'<p class="editor">（责任编辑：{art.author[1]}）</p>\n</div>\n<!-- 正文结束 -->\n'
            f"{_health_html(art)}"
            '<div class="share">分享到：<a href="#" class="wechat">微信</a> <a href="#" '
            'class="weibo">微博</a> <a href="#" class="qzone">QQ空间</a></div>\n'
            f'<div class="pre-next">\n<p>上一篇：{prev}</p>\n<p>下一篇：{next_}</p>\n</div>\n'
            '</div>\n<!-- 推荐阅读 -->\n<div class="tjyd">\n<div class="hd"><h3>推荐阅读</h3>'
            f'</div>\n<ul>\n{items}\n</ul>\n</div>'
        )
        head = (f'<meta name="keywords" content="{esc(art.title)},{art.category[1]}">\n'
                f'<meta name="description" content="{esc(art.teaser_text)}">\n'
                f'<meta property="article:published_time" content="{art.published}">\n')
        return self.page(art.title, head, _position(art.category), main, rng)

    def _listing(self, title: str, position: str, items: Sequence[DemoArticle], pager: str,
                 rng: random.Random) -> str:
        rows = "\n".join(
            f'<li><h2><a href="{a.path}" target="_blank">{esc(a.title)}</a></h2><p>'
            f'{esc(a.teaser_text)}</p><span class="date">{a.published[:10]}</span></li>'
            for a in items)
        return self.page(title, "", position, f'<div class="list">\n<ul>\n{rows}\n</ul>\n'
                         f"{pager}</div>", rng)

    def pages(self, seed: int) -> Iterator[tuple[str, str]]:
        for art in self.articles:
            yield art.path, self.article(art)
        newest = self.newest_first
        last = max(1, -(-len(newest) // PER_PAGE))
        home = '<a href="/">首页</a>'
        for page in range(1, last + 1):
            rng = random.Random(f"zh-list-{seed}-{page}")
            items = newest[(page - 1) * PER_PAGE: page * PER_PAGE]
            yield list_path(page), self._listing(f"健康频道 第{page}页", f"{home} &gt; 健康频道",
                                                 items, _pager(page, last), rng)
        for slug, name in CHANNELS:
            rng = random.Random(f"zh-channel-{seed}-{slug}")
            items = [a for a in newest if a.category[0] == slug][:PER_PAGE]
            yield f"/zh/{slug}/", self._listing(name, _position((slug, name), leaf=""), items,
                                                "", rng)


def _health_html(art: DemoArticle) -> str:
    """This family's style: an expert review line with the date, a "参考文献" list and a
    boxed notice."""
    h = health_for(art)
    out = []
    if h.reviewer:
        name, cred, href = h.reviewer
        out.append(f'<p class="shenhe">审核专家：<a href="{href}">{name}</a>，{cred} '
                   f"审核日期：{h.last_reviewed}</p>\n")
    if h.references:
        items = "".join(f'<li><a href="{r["url"]}">{esc(r["text"])}</a></li>' if r["url"]
                        else f'<li>{esc(r["text"])}</li>' for r in h.references)
        out.append(f'<div class="cankao"><h3>参考文献</h3><ol>{items}</ol></div>\n')
    if h.disclaimer:
        out.append(f'<div class="mianze"><p>{h.disclaimer}</p></div>\n')
    return "".join(out)


def _position(category: tuple[str, str], leaf: str = "正文") -> str:
    trail = (f'<a href="/">首页</a> &gt; <a href="{list_path(1)}">健康频道</a> &gt; '
             f'<a href="/zh/{category[0]}/">{category[1]}</a>')
    return f"{trail} &gt; {leaf}" if leaf else trail


def _content(art: DemoArticle) -> str:
    parts = []
    for block in art.blocks:
        text = esc(block.text, quote=False)
        parts.append(f"<strong>{text}</strong>" if block.kind == "h2" else INDENT + text)
    if art.layout == "br":
        return "<br>\n<br>\n".join(parts)
    return "\n".join(f"<p>{p}</p>" for p in parts)


def _pager(page: int, last: int) -> str:
    links = [f'<a href="{list_path(1)}">首页</a>']
    if page > 1:
        links.append(f'<a href="{list_path(page - 1)}">上一页</a>')
    for n in page_window(page, last):
        links.append(f"<b>{n}</b>" if n == page else f'<a href="{list_path(n)}">{n}</a>')
    if page < last:
        links.append(f'<a href="{list_path(page + 1)}">下一页</a>')
    links.append(f'<a href="{list_path(last)}">尾页</a>')
    return f'<div class="pages">{" ".join(links)}</div>\n'
