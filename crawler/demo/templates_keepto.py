"""keepto-like pages (English, under /keepto/): the layout of the seed example.

Article: <h1> title, paragraphs in div.content, then the arrows exactly as keepto writes them,
`<p>&lt;&lt;:&nbsp; <a href="...">Previous title</a></p>` / `<p>&gt;&gt;:&nbsp; <a ...>`,
then a "Recommend" block of 12 items: linked title + first 49 characters of the target's
first paragraph and "...". Listings: /keepto/list_1.html, list_2.html, ...
"""
from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator, Sequence

from .articles_en import KEEPTO_CATEGORIES
from .chrome import ICONS, THEME_SCRIPT, analytics, esc, page_window, stylesheet, svg_sprite
from .health import health_for, human_date
from .model import DemoArticle

PER_LIST_PAGE = 20
SITE_NAME = "Keepto Health"
Link = tuple[str, str]  # (href, text)


def list_path(page: int) -> str:
    return f"/keepto/list_{page}.html"


class KeeptoChrome:
    """The parts of every keepto page that do not depend on the article."""

    def __init__(self, seed: int, latest: dict[str, list[DemoArticle]] | None = None) -> None:
        rng = random.Random(f"keepto-chrome-{seed}")
        self.head = (
            '<meta charset="utf-8">\n<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            '<link rel="stylesheet" href="/static/keepto.css">\n'
            f"<style>\n{stylesheet(rng, 170)}\n</style>\n"
            f"<script>\n{analytics('a3f9c2e81b7d4c05')}</script>\n"
        )
        latest = latest or {}
        menu = []
        for slug, name in KEEPTO_CATEGORIES:
            sub = "".join(f'<li><a href="{a.path}">{esc(a.title)}</a></li>'
                          for a in latest.get(slug, ())[:3])
            menu.append(f'<li class="menu-item"><a href="/keepto/{slug}/">{esc(name)}</a>'
                        f'<ul class="sub">{sub}</ul></li>')
        self.header = (
            f"{svg_sprite(rng, ICONS)}\n<!-- top bar -->\n"
            '<div class="top"><div class="wrap"><span>Welcome to Keepto Health, your daily '
            'guide to a healthier life</span><span class="top-links"><a href="/about.html">'
            'About us</a> | <a href="/about.html#contact">Contact</a></span></div></div>\n'
            '<div class="header"><div class="wrap"><div class="logo"><a href="/"><img '
            'src="/static/keepto-logo.png" alt="Keepto Health" width="180" height="48"></a></div>'
            '<form class="search" action="/search/" method="get"><input type="text" name="q" '
            'placeholder="Search symptoms, diseases, medicines"><button type="submit">'
            '<svg class="icon"><use href="#icon-search"></use></svg> Search</button></form>'
            "</div></div>\n<!-- main navigation -->\n"
            '<div class="nav"><div class="wrap"><a class="menu-toggle" href="#">Menu</a>'
            '<ul class="menu"><li class="menu-item"><a href="/">Home</a></li>'
            f'<li class="menu-item"><a href="{list_path(1)}">Health</a></li>'
            + "".join(menu) + "</ul></div></div>\n"
        )
        cats = "".join(f'<li><a href="/keepto/{s}/">{esc(n)}</a></li>'
                       for s, n in KEEPTO_CATEGORIES)
        self.sidebar_tail = (
            f'<div class="box"><h3>Categories</h3><ul class="cats">{cats}</ul></div>\n'
            '<div class="box ad"><ins class="adsbygoogle" style="display:block" '
            'data-ad-client="ca-pub-0000000000000000" data-ad-slot="1234567890"></ins></div>\n'
        )
        self.footer = (
            "<!-- footer -->\n<div class=\"footer\"><div class=\"wrap\"><p class=\"links\">"
            '<a href="/about.html">About us</a> | <a href="/about.html#contact">Contact us</a>'
            ' | <a href="/about.html#privacy">Privacy policy</a> | <a href="/health-tips.html">'
            'Health tips</a> | <a href="/sitemap.xml">Site map</a></p>\n'
            '<p class="disclaimer">The content of this website is for reference only and cannot'
            " replace the diagnosis and treatment of a doctor. If you feel unwell, please see a "
            "doctor in time. Some articles are collected from the Internet; if there is any "
            "infringement, please contact us and we will delete it as soon as possible.</p>\n"
            '<p class="copyright">Copyright &copy; 2015-2025 keepto.example All Rights Reserved'
            "</p></div></div>\n"
            f"<script>{THEME_SCRIPT}</script>\n"
        )

    def page(self, title: str, description: str, crumbs: Sequence[Link], main: str,
             popular: Sequence[Link], body_class: str) -> str:
        trail = " &gt; ".join(f'<a href="{h}">{esc(t)}</a>' for h, t in crumbs)
        pop = "".join(f'<li><span class="num">{i}</span><a href="{h}" title="{esc(t)}">'
                      f"{esc(t)}</a></li>" for i, (h, t) in enumerate(popular, 1))
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n' + self.head
            + f"<title>{esc(title)}</title>\n"
            f'<meta name="description" content="{esc(description)}">\n</head>\n'
            f'<body class="{body_class}">\n' + self.header
            + f'<div class="wrap main">\n<div class="crumbs">{trail} &gt; <span>{esc(title)}'
            f"</span></div>\n<div class=\"left\">\n{main}\n</div>\n<!-- sidebar -->\n"
            f'<div class="right">\n<div class="box"><h3>Popular</h3><ul class="hot">{pop}'
            f"</ul></div>\n{self.sidebar_tail}</div>\n</div>\n" + self.footer
            + "</body>\n</html>\n"
        )


def article_main(title: str, paragraphs_html: str, prev: Link | None, next_: Link | None,
                 teasers: Sequence[tuple[str, str, str]], views: int,
                 health_html: str = "") -> str:
    """The article column; teasers are (href, title, snippet as displayed)."""
    arrows = ""
    if prev:
        arrows += f'<p>&lt;&lt;:&nbsp; <a href="{prev[0]}">{esc(prev[1])}</a></p>\n'
    if next_:
        arrows += f'<p>&gt;&gt;:&nbsp; <a href="{next_[0]}">{esc(next_[1])}</a></p>\n'
    items = "\n".join(f'<li><a href="{h}" title="{esc(t)}" target="_blank">{esc(t)}</a>'
                      f"<p>{esc(s)}</p></li>" for h, t, s in teasers)
    return (
        f'<div class="article">\n<h1>{esc(title)}</h1>\n<div class="info"><span>Source: '
        f"{SITE_NAME}</span> <span>Views: {views}</span> <span class=\"font-size\">Font: "
        '<a href="#" data-size="14">S</a> <a href="#" data-size="16">M</a> <a href="#" '
        'data-size="18">L</a></span></div>\n<!-- content start -->\n<div class="content">\n'
        f"{paragraphs_html}\n</div>\n<!-- content end -->\n{health_html}{arrows}</div>\n"
        '<div class="recommend">\n<div class="title"><h3>Recommend</h3></div>\n'
        f'<ul class="tj">\n{items}\n</ul>\n</div>'
    )


def _paragraphs(art: DemoArticle) -> str:
    out = []
    for i, block in enumerate(art.blocks):
        text = block.text
        quirk = art.quirks.get(i)
        if quirk == "space-before-comma":
            text = text.replace(", ", " , ", 1)
        elif quirk == "nfd":
            text = unicodedata.normalize("NFD", text)
        out.append("<p><strong>Note:</strong></p>" if text == "Note:"
                   else f"<p>{esc(text, quote=False)}</p>")
        if art.rng.random() < 0.08:  # editors leave empty paragraphs behind
            out.append("<p>&nbsp;</p>")
    return "\n".join(out)


def _health_html(art: DemoArticle) -> str:
    """This family's style: a review line, a numbered "References" list, a small-print
    disclaimer, all below the text."""
    h = health_for(art)
    out = []
    if h.reviewer:
        name, cred, href = h.reviewer
        out.append(f'<p class="review">Medically reviewed by <a href="{href}">{esc(name)}, '
                   f"{esc(cred)}</a> on {human_date(h.last_reviewed)}</p>\n")
    if h.references:
        items = "".join(f'<li><a href="{r["url"]}">{esc(r["text"])}</a></li>' if r["url"]
                        else f'<li>{esc(r["text"])}</li>' for r in h.references)
        out.append(f'<div class="refs"><h3>References</h3><ol>{items}</ol></div>\n')
    if h.disclaimer:
        out.append(f'<p class="disclaimer"><small>{esc(h.disclaimer)}</small></p>\n')
    return "".join(out)


class KeeptoTemplates:
    def __init__(self, articles: list[DemoArticle], seed: int) -> None:
        self.articles = articles
        latest: dict[str, list[DemoArticle]] = {}
        for art in reversed(articles):
            latest.setdefault(art.category[0], []).append(art)
        self.latest = latest
        self.chrome = KeeptoChrome(seed, latest)

    def _popular(self, rng: random.Random) -> list[Link]:
        n = len(self.articles)
        picks = rng.sample(range(n), min(10, n))
        return [(self.articles[i].path, self.articles[i].title) for i in picks]

    def article(self, art: DemoArticle) -> str:
        rng = art.rng
        main = article_main(
            art.title, _paragraphs(art),
            (art.prev.path, art.prev.title) if art.prev else None,
            (art.next.path, art.next.title) if art.next else None,
            [(t.path, t.title, t.teaser_text) for t in art.teasers], rng.randint(120, 98000),
            _health_html(art))
        crumbs = [("/", "Home"), (list_path(1), "Health"),
                  (f"/keepto/{art.category[0]}/", art.category[1])]
        return self.chrome.page(art.title, art.teaser_text, crumbs, main, self._popular(rng),
                                "article-page")

    def _listing(self, title: str, crumbs: list[Link], items: Sequence[DemoArticle],
                 pager: str, rng: random.Random) -> str:
        rows = "\n".join(
            f'<li><h2><a href="{a.path}">{esc(a.title)}</a></h2><p>{esc(a.teaser_text)}</p>'
            f'<span class="cat"><a href="/keepto/{a.category[0]}/">{esc(a.category[1])}</a>'
            "</span></li>" for a in items)
        main = f'<div class="list">\n<ul>\n{rows}\n</ul>\n{pager}</div>'
        return self.chrome.page(title, f"{title} - {SITE_NAME}", crumbs, main,
                                self._popular(rng), "list-page")

    def pages(self, seed: int) -> Iterator[tuple[str, str]]:
        """(path, html) of every keepto page: articles, listings, category pages."""
        for art in self.articles:
            yield art.path, self.article(art)
        newest_first = self.articles[::-1]
        last = max(1, -(-len(newest_first) // PER_LIST_PAGE))
        for page in range(1, last + 1):
            rng = random.Random(f"keepto-list-{seed}-{page}")
            items = newest_first[(page - 1) * PER_LIST_PAGE: page * PER_LIST_PAGE]
            yield list_path(page), self._listing(
                f"Health articles - page {page}", [("/", "Home")], items,
                _pager(page, last), rng)
        for slug, name in KEEPTO_CATEGORIES:
            rng = random.Random(f"keepto-cat-{seed}-{slug}")
            yield f"/keepto/{slug}/", self._listing(
                name, [("/", "Home"), (list_path(1), "Health")],
                self.latest.get(slug, [])[:30], "", rng)


def _pager(page: int, last: int) -> str:
    links = []
    if page > 1:
        links.append(f'<a href="{list_path(1)}">First</a>')
        links.append(f'<a href="{list_path(page - 1)}">Prev</a>')
    for n in page_window(page, last):
        links.append(f'<span class="current">{n}</span>' if n == page
                     else f'<a href="{list_path(n)}">{n}</a>')
    if page < last:
        links.append(f'<a href="{list_path(page + 1)}">Next</a>')
        links.append(f'<a href="{list_path(last)}">Last</a>')
    return f'<div class="pages">{" ".join(links)}</div>\n'
