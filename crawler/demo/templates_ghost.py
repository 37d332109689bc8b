"""Ghost-like journal pages (English, under /journal/<slug>/), modelled on the Casper theme.

Article: JSON-LD Article + BreadcrumbList, <article class="article post"> with
h1.article-title, a byline with the author link and <time>, section.gh-content holding
paragraphs, <h2> subheadings and lists, a newsletter sign-up box (dropped), a rel=prev/next
post navigation, then a "Read next" rail of post cards (<a class="post-card-content-link">
wrapping the <h2> title and the excerpt) outside the article.
Non-articles: the journal home /journal/ with a large first card, paginated
/journal/page/N/, tag pages with a description and author pages with a bio.
"""
from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence

from .articles_en import WP_AUTHORS, WP_CATEGORIES
from .chrome import analytics, esc, stylesheet
from .model import DemoArticle
from .templates_wp import human_date

PER_PAGE = 9
SITE = "Plain Living Journal"
ROOT = "/journal/"
_TAG_BLURB = "Everything we have written about {name}, newest first: evidence read carefully."
_AUTHOR_BIO = ("{name} writes for the journal about everyday health. Before that, {name} "
               "worked for ten years in community care.")


def list_path(page: int) -> str:
    return ROOT if page == 1 else f"{ROOT}page/{page}/"


def _minutes(art: DemoArticle) -> int:
    return max(1, round(sum(len(b.text.split()) for b in art.blocks) / 220))


class GhostTemplates:
    def __init__(self, articles: list[DemoArticle], seed: int) -> None:
        self.articles = articles
        self.newest_first = articles[::-1]
        rng = random.Random(f"ghost-chrome-{seed}")
        self.head = (
            '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, '
            'initial-scale=1">\n<meta name="generator" content="Ghost 5.82">\n'
            f"<style>\n{stylesheet(rng, 270)}\n</style>\n"  # Casper inlines its theme CSS
            '<link rel="stylesheet" href="/static/ghost.css">\n'
            f"<script>\n{analytics('b2f6a9c04d1e7730')}</script>\n")
        menu = "".join(f'<li class="nav-{s}"><a href="{ROOT}tag/{s}/">{esc(n)}</a></li>'
                       for s, n in WP_CATEGORIES[:4])
        self.header = (
            '<div class="viewport">\n<header id="gh-head" class="gh-head outer"><div '
            f'class="gh-head-inner inner"><div class="gh-head-brand"><a class="gh-head-logo" '
            f'href="{ROOT}">{SITE}</a></div><nav class="gh-head-menu"><ul class="nav"><li '
            f'class="nav-home"><a href="/">Home</a></li><li class="nav-journal"><a '
            f'href="{ROOT}">Journal</a></li>{menu}<li class="nav-about"><a href="/about.html">'
            'About</a></li></ul></nav><div class="gh-head-actions"><a class="gh-head-button" '
            'href="#/portal/signup" data-portal="signup">Subscribe</a></div></div></header>\n'
            '<div class="site-content">\n')
        self.footer = (
            '</div>\n<footer class="site-footer outer"><div class="inner"><section '
            f'class="copyright"><a href="{ROOT}">{SITE}</a> &copy; 2024</section><nav '
            'class="site-footer-nav"><ul class="nav"><li><a href="/about.html#privacy">Privacy'
            '</a></li><li><a href="https://ghost.org/" target="_blank" rel="noopener">Powered '
            "by Ghost</a></li></ul></nav></div></footer>\n</div>\n")

    def page(self, title: str, head_extra: str, main: str, body_class: str) -> str:
        return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n' + self.head
                + f"<title>{esc(title)}</title>\n{head_extra}</head>\n"
                f'<body class="{body_class}">\n' + self.header + main + self.footer
                + "</body>\n</html>\n")

    def article(self, art: DemoArticle) -> str:
        head = [f'<link rel="canonical" href="{art.path}">\n',
                '<meta property="og:type" content="article">\n',
                f'<meta property="og:title" content="{esc(art.title)}">\n',
                f'<meta property="article:published_time" content="{art.published}">\n',
                f'<script type="application/ld+json">{_json_ld(art)}</script>\n']
        tag_slug, tag_name = art.category
        main = (
            '<main id="site-main" class="site-main">\n<article class="article post '
            f'tag-{tag_slug}">\n<header class="article-header gh-canvas"><section '
            f'class="article-tag"><a href="{ROOT}tag/{tag_slug}/">{esc(tag_name)}</a></section>'
            f'<h1 class="article-title">{esc(art.title)}</h1><div class="article-byline">'
            f'<div class="article-byline-meta"><h4 class="author-name"><a href="{ROOT}author/'
            f'{art.author[0]}/">{esc(art.author[1])}</a></h4><div class="byline-meta-content">'
            f'<time class="byline-meta-date" datetime="{art.published}">'
            f"{human_date(art.published)}</time><span class=\"byline-reading-time\"><span "
            f'class="bull">&bull;</span> {_minutes(art)} min read</span></div></div></div>'
            "</header>\n"
            f'<section class="gh-content gh-canvas">\n{_content(art)}\n</section>\n'
            '<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">'
            f'Sign up for {SITE}</h2><a class="footer-cta-button" href="#/portal" '
            'data-portal><div class="footer-cta-input">Enter your email</div><span>Subscribe'
            "</span></a></div></section>\n"
            + _post_navigation(art) + "</article>\n</main>\n" + _read_next(art))
        return self.page(art.title, "".join(head), main, f"post-template tag-{tag_slug}")

    def _feed(self, items: Sequence[DemoArticle], large_first: bool) -> str:
        cards = []
        for n, a in enumerate(items):
            size = " post-card-large" if large_first and n == 0 else ""
            cards.append(
                f'<article class="post-card post tag-{a.category[0]}{size}"><a '
                f'class="post-card-image-link" href="{a.path}"><img class="post-card-image" '
                f'src="/static/blog-photo.png?g={a.index}" alt="" loading="lazy"></a><div '
                f'class="post-card-content"><a class="post-card-content-link" href="{a.path}">'
                f'<header class="post-card-header"><div class="post-card-tags"><span '
                f'class="post-card-primary-tag">{esc(a.category[1])}</span></div><h2 '
                f'class="post-card-title">{esc(a.title)}</h2></header><div '
                f'class="post-card-excerpt">{esc(a.teaser_text)}</div></a><footer '
                f'class="post-card-meta"><time class="post-card-meta-date" datetime="'
                f'{a.published[:10]}">{human_date(a.published)}</time><span '
                f'class="post-card-meta-length">{_minutes(a)} min read</span></footer></div>'
                "</article>")
        return '<div class="post-feed">' + "\n".join(cards) + "</div>"

    def _listing(self, heading: str, intro: str, items: Sequence[DemoArticle], pager: str,
                 title: str, body_class: str, head_extra: str = "") -> str:
        header = (f'<section class="post-card post-card-large"><div class="post-card-content">'
                  f'<header class="post-card-header"><h1 class="post-card-title">{esc(heading)}'
                  f'</h1></header><div class="post-card-excerpt">{esc(intro)}</div></div>'
                  "</section>") if heading else ""
        main = (f'<main id="site-main" class="site-main outer"><div class="inner posts">'
                f"{header}{self._feed(items, not heading)}{pager}</div></main>\n")
        return self.page(title, head_extra, main, body_class)

    def pages(self) -> Iterator[tuple[str, str]]:
        for art in self.articles:
            yield art.path, self.article(art)
        newest = self.newest_first
        last = max(1, -(-len(newest) // PER_PAGE))
        site_ld = ('<script type="application/ld+json">{"@context":"https://schema.org",'
                   f'"@type":"WebSite","name":"{SITE}","url":"{ROOT}"}}</script>\n'
                   '<meta property="og:type" content="website">\n')
        for page in range(1, last + 1):
            items = newest[(page - 1) * PER_PAGE: page * PER_PAGE]
            pager = ('<nav class="pagination">'
                     + (f'<a class="newer-posts" href="{list_path(page - 1)}">&larr; Newer '
                        "Posts</a>" if page > 1 else "")
                     + f'<span class="page-number">Page {page} of {last}</span>'
                     + (f'<a class="older-posts" href="{list_path(page + 1)}">Older Posts '
                        "&rarr;</a>" if page < last else "") + "</nav>")
            yield list_path(page), self._listing(
                "", "", items, pager, SITE if page == 1 else f"{SITE} (Page {page})",
                "home-template" if page == 1 else "paged", site_ld if page == 1 else "")
        for slug, name in WP_CATEGORIES:
            items = [a for a in newest if a.category[0] == slug][:PER_PAGE]
            yield f"{ROOT}tag/{slug}/", self._listing(
                name, _TAG_BLURB.format(name=name.lower()), items, "", f"{name} - {SITE}",
                f"tag-template tag-{slug}")
        for slug, name in WP_AUTHORS:
            items = [a for a in newest if a.author and a.author[0] == slug][:PER_PAGE]
            yield f"{ROOT}author/{slug}/", self._listing(
                name, _AUTHOR_BIO.format(name=name), items, "", f"{name} - {SITE}",
                f"author-template author-{slug}")


def _content(art: DemoArticle) -> str:
    out: list[str] = []
    in_list = False
    for block in art.blocks:
        if block.kind == "li":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{esc(block.text, quote=False)}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        tag = "h2" if block.kind == "h2" else "p"
        out.append(f"<{tag}>{esc(block.text, quote=False)}</{tag}>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def _post_navigation(art: DemoArticle) -> str:
    links = ""
    if art.prev:
        links += (f'<a class="post-nav-prev" href="{art.prev.path}" rel="prev"><span '
                  f'class="post-nav-arrow" aria-hidden="true">&larr;</span> {esc(art.prev.title)}'
                  "</a>")
    if art.next:
        links += (f'<a class="post-nav-next" href="{art.next.path}" rel="next">'
                  f'{esc(art.next.title)} <span class="post-nav-arrow" aria-hidden="true">&rarr;'
                  "</span></a>")
    return f'<nav class="post-nav gh-canvas">{links}</nav>\n'


def _read_next(art: DemoArticle) -> str:
    if not art.teasers:
        return ""
    cards = "".join(
        f'<article class="post-card post"><a class="post-card-image-link" href="{t.path}">'
        f'<img class="post-card-image" src="/static/blog-photo.png?g={t.index}" alt="" '
        f'loading="lazy"></a><div class="post-card-content"><a class="post-card-content-link" '
        f'href="{t.path}"><header class="post-card-header"><h2 class="post-card-title">'
        f'{esc(t.title)}</h2></header><div class="post-card-excerpt">{esc(t.teaser_text)}'
        f'</div></a><footer class="post-card-meta"><time class="post-card-meta-date" '
        f'datetime="{t.published[:10]}">{human_date(t.published)}</time></footer></div>'
        "</article>" for t in art.teasers)
    return ('<aside class="read-more-wrap outer"><div class="read-more inner"><h2 '
            f'class="read-more-title">Read next</h2><div class="post-feed">{cards}</div></div>'
            "</aside>\n")


def _json_ld(art: DemoArticle) -> str:
    crumbs = [("/", "Home"), (ROOT, "Journal"),
              (f"{ROOT}tag/{art.category[0]}/", art.category[1])]
    graph = [
        {"@type": "Article", "headline": art.title, "datePublished": art.published,
         "author": {"@type": "Person", "name": art.author[1],
                    "url": f"{ROOT}author/{art.author[0]}/"},
         "mainEntityOfPage": art.path, "publisher": {"@type": "Organization", "name": SITE}},
        {"@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": href}
            for n, (href, name) in enumerate(crumbs, 1)]},
    ]
    data = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    return data.replace("</", "<\\/")
