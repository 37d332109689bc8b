"""WordPress-like blog pages (English, under /blog/YYYY/MM/slug/).

Article: <link rel="prev"/"next"> in <head>, JSON-LD (BlogPosting + BreadcrumbList),
<article class="post"> with h1.entry-title, time.entry-date, byline, div.entry-content holding
paragraphs, <h2> subheadings, an ad block and share buttons (to be dropped) and Jetpack-style
"Related posts" cards; then nav.post-navigation with "← Previous title" / "Next title →".
Listings: /blog/, /blog/page/2/, ...; tag, category and author pages are not articles.
"""
from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import datetime

from .articles_en import WP_AUTHORS, WP_CATEGORIES, WP_TAGS
from .chrome import (
    AD_SCRIPT,
    ICONS,
    THEME_SCRIPT,
    analytics,
    esc,
    page_window,
    stylesheet,
    svg_sprite,
)
from .health import health_for
from .model import DemoArticle

PER_PAGE = 10
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SITE = "Healthy Habits Blog"


def list_path(page: int) -> str:
    return "/blog/" if page == 1 else f"/blog/page/{page}/"


def human_date(iso: str) -> str:
    when = datetime.fromisoformat(iso)
    return f"{MONTHS[when.month - 1]} {when.day}, {when.year}"


class WordPressTemplates:
    def __init__(self, articles: list[DemoArticle], seed: int) -> None:
        self.articles = articles
        rng = random.Random(f"wp-chrome-{seed}")
        self.newest_first = articles[::-1]
        recent = "".join(f'<li><a href="{a.path}">{esc(a.title)}</a></li>'
                         for a in self.newest_first[:5])
        cats = "".join(f'<li class="cat-item"><a href="/blog/category/{s}/">{esc(n)}</a></li>'
                       for s, n in WP_CATEGORIES)
        tags = " ".join(f'<a href="/blog/tag/{t}/" class="tag-cloud-link" style="font-size: '
                        f'{rng.randint(8, 22)}pt;">{t.replace("-", " ")}</a>' for t in WP_TAGS)
        self.head = (
            '<meta charset="UTF-8">\n<meta name="viewport" content="width=device-width, '
            'initial-scale=1">\n<meta name="generator" content="WordPress 6.5.3">\n'
            f"<style id=\"wp-block-library-inline-css\">\n{stylesheet(rng, 110)}\n</style>\n"
            f"<style id=\"theme-inline-css\">\n{stylesheet(rng, 60)}\n</style>\n"
            '<link rel="stylesheet" id="theme-style-css" href="/static/wp.css" media="all">\n'
            f"<script>\n{analytics('7c1d0e5fa2b84e39')}</script>\n"
        )
        menu = "".join(f'<li class="menu-item"><a href="/blog/category/{s}/">{esc(n)}</a></li>'
                       for s, n in WP_CATEGORIES)
        self.header = (
            f"{svg_sprite(rng, ICONS)}\n<div id=\"page\" class=\"site\">\n"
            '<a class="skip-link screen-reader-text" href="#content">Skip to content</a>\n'
            '<header id="masthead" class="site-header"><div class="site-branding"><p '
            f'class="site-title"><a href="/blog/" rel="home">{SITE}</a></p><p '
            'class="site-description">Small steps to a healthier everyday life</p></div>\n'
            '<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" '
            'aria-controls="primary-menu" aria-expanded="false">Menu</button><ul '
            'id="primary-menu" class="menu"><li class="menu-item"><a href="/">Home</a></li>'
            f'<li class="menu-item"><a href="/blog/">Blog</a></li>{menu}<li class="menu-item">'
            '<a href="/about.html">About</a></li></ul></nav></header>\n'
            '<div id="content" class="site-content">\n'
        )
        self.sidebar = (
            '<aside id="secondary" class="widget-area">\n<section class="widget widget_search">'
            '<form role="search" method="get" class="search-form" action="/blog/"><label><span '
            'class="screen-reader-text">Search for:</span><input type="search" class="search-'
            'field" placeholder="Search &hellip;" name="s"></label><input type="submit" '
            'class="search-submit" value="Search"></form></section>\n<section class="widget '
            f'widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{recent}'
            '</ul></section>\n<section class="widget widget_categories"><h2 class="widget-title">'
            f'Categories</h2><ul>{cats}</ul></section>\n<section class="widget '
            'widget_tag_cloud"><h2 class="widget-title">Tags</h2><div class="tagcloud">'
            f"{tags}</div></section>\n</aside>\n"
        )
        self.footer = (
            '</div><!-- #content -->\n<footer id="colophon" class="site-footer"><div '
            'class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress'
            '</a><span class="sep"> | </span>Theme: Healthline Lite by Example Themes. '
            '<a href="/about.html#privacy">Privacy Policy</a></div></footer>\n</div><!-- #page '
            f"-->\n<script>{THEME_SCRIPT}</script>\n"
            "<script id=\"wp-emoji-settings\">window._wpemojiSettings = {\"baseUrl\":"
            "\"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/72x72\\/\",\"ext\":"
            "\".png\",\"svgUrl\":\"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/"
            "svg\\/\",\"svgExt\":\".svg\"};</script>\n"
        )

    def page(self, title: str, head_extra: str, main: str, body_class: str) -> str:
        return (
            '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n' + self.head
            + f"<title>{esc(title)} &#8211; {SITE}</title>\n{head_extra}</head>\n"
            f'<body class="{body_class}">\n' + self.header
            + f'<main id="primary" class="site-main">\n{main}\n</main>\n' + self.sidebar
            + self.footer + "</body>\n</html>\n"
        )

    def article(self, art: DemoArticle) -> str:
        rng = art.rng
        head = [f'<link rel="canonical" href="{art.path}">\n',
                f'<meta property="og:title" content="{esc(art.title)}">\n',
                f'<meta property="og:description" content="{esc(art.teaser_text)}">\n',
                '<meta property="og:locale" content="en_US">\n',
                f'<meta property="article:published_time" content="{art.published}">\n']
        if art.prev:
            head.append(f'<link rel="prev" href="{art.prev.path}">\n')
        if art.next:
            head.append(f'<link rel="next" href="{art.next.path}">\n')
        head.append(f'<script type="application/ld+json">{_json_ld(art)}</script>\n')
        post_id = 1000 + art.index
        cat_slug, cat_name = art.category
        tags = ", ".join(f'<a href="/blog/tag/{t}/" rel="tag">{t.replace("-", " ")}</a>'
                         for t in art.tags)
        main = (
            f'<article id="post-{post_id}" class="post-{post_id} post type-post status-publish '
            f'format-standard hentry category-{cat_slug}">\n<header class="entry-header">\n'
            f'<h1 class="entry-title">{esc(art.title)}</h1>\n<div class="entry-meta"><span '
            f'class="posted-on">Posted on <a href="{art.path}" rel="bookmark"><time '
            f'class="entry-date published" datetime="{art.published}">'
            f"{human_date(art.published)}</time></a></span><span class=\"byline\"> by <span "
            f'class="author vcard"><a class="url fn n" href="/blog/author/{art.author[0]}/">'
            f"{esc(art.author[1])}</a></span></span> <span class=\"cat-links\">in <a "
            f'href="/blog/category/{cat_slug}/" rel="category tag">{esc(cat_name)}</a></span>'
            f'</div>\n</header>\n<div class="entry-content">\n{self._content(art, rng)}\n'
            f"{_share(art)}\n{_related(art)}\n</div><!-- .entry-content -->\n"
            f'<footer class="entry-footer"><span class="tags-links">Tagged {tags}</span>'
            "</footer>\n" + _disclaimer(art) + "</article>\n" + _post_navigation(art)
            + _comments(post_id)
        )
        return self.page(art.title, "".join(head), main,
                         f"post-template-default single single-post postid-{post_id}")

    def _content(self, art: DemoArticle, rng: random.Random) -> str:
        out: list[str] = []
        ad_after = rng.randint(1, 2)
        in_list = False
        for i, block in enumerate(art.blocks):
            if block.kind == "li":
                if not in_list:
                    out.append('<ul class="wp-block-list">')
                    in_list = True
                out.append(f"<li>{esc(block.text, quote=False)}</li>")
                continue
            if in_list:
                out.append("</ul>")
                in_list = False
            if block.kind == "h2":
                out.append(f'<h2 class="wp-block-heading">{esc(block.text, quote=False)}</h2>')
                continue
            out.append(f"<p>{_inline(block.text, art.quirks.get(i), rng, self.articles)}</p>")
            if i == ad_after:
                out.append(
                    '<div class="code-block code-block-2" style="margin: 8px 0; clear: both;">'
                    '<span class="ad-label">Advertisement</span><ins class="adsbygoogle" '
                    'style="display:block; text-align:center;" data-ad-layout="in-article" '
                    'data-ad-format="fluid" data-ad-client="ca-pub-0000000000000000" '
                    f'data-ad-slot="2468013579"></ins><script>{AD_SCRIPT}</script></div>')
            if i == 0 and rng.random() < 0.5:
                out.append('<figure class="wp-block-image size-large"><img loading="lazy" '
                           f'src="/static/blog-photo.png?v={rng.randint(1, 40)}" alt="" '
                           'width="1024" height="576"></figure>')
        if in_list:
            out.append("</ul>")
        return "\n".join(out)

    def _listing(self, title: str, items: Sequence[DemoArticle], pager: str,
                 head_extra: str = "") -> str:
        posts = "\n".join(
            f'<article class="post type-post hentry"><header class="entry-header"><h2 '
            f'class="entry-title"><a href="{a.path}" rel="bookmark">{esc(a.title)}</a></h2>'
            f'<div class="entry-meta"><time class="entry-date published" datetime="'
            f'{a.published}">{human_date(a.published)}</time></div></header><div '
            f'class="entry-summary"><p>{esc(a.teaser_text)}</p></div><a class="more-link" '
            f'href="{a.path}">Continue reading</a></article>' for a in items)
        main = (f'<header class="page-header"><h1 class="page-title">{esc(title)}</h1>'
                f"</header>\n{posts}\n{pager}")
        return self.page(title, head_extra, main, "archive blog")

    def pages(self) -> Iterator[tuple[str, str]]:
        for art in self.articles:
            yield art.path, self.article(art)
        newest = self.newest_first
        last = max(1, -(-len(newest) // PER_PAGE))
        for page in range(1, last + 1):
            head = ""
            if page > 1:
                head += f'<link rel="prev" href="{list_path(page - 1)}">\n'
            if page < last:
                head += f'<link rel="next" href="{list_path(page + 1)}">\n'
            items = newest[(page - 1) * PER_PAGE: page * PER_PAGE]
            yield list_path(page), self._listing(
                "Blog" if page == 1 else f"Blog - Page {page}",
                items, _pager(page, last), head)
        for tag in WP_TAGS:
            items = [a for a in newest if tag in a.tags][:PER_PAGE]
            yield f"/blog/tag/{tag}/", self._listing(f"Tag: {tag.replace('-', ' ')}", items, "")
        for slug, name in WP_CATEGORIES:
            items = [a for a in newest if a.category[0] == slug][:PER_PAGE]
            yield f"/blog/category/{slug}/", self._listing(f"Category: {name}", items, "")
        for slug, name in WP_AUTHORS:
            items = [a for a in newest if a.author and a.author[0] == slug][:PER_PAGE]
            yield f"/blog/author/{slug}/", self._listing(f"Author: {name}", items, "")


def _inline(text: str, quirk: str | None, rng: random.Random,
            articles: list[DemoArticle]) -> str:
    """A paragraph as WordPress writes it: some bold or linked words, odd spaces."""
    if quirk == "nfd":
        text = unicodedata.normalize("NFD", text)
    words = text.split(" ")
    roll = rng.random()
    if len(words) > 8 and roll < 0.35:
        at = rng.randrange(1, len(words) - 4)
        span = rng.randint(2, 3)
        inner = esc(" ".join(words[at:at + span]), quote=False)
        if roll < 0.15 and articles:
            target = rng.choice(articles)
            inner = f'<a href="{target.path}">{inner}</a>'
        else:
            inner = f"<strong>{inner}</strong>"
        html_text = " ".join([esc(" ".join(words[:at]), quote=False), inner,
                              esc(" ".join(words[at + span:]), quote=False)])
    else:
        html_text = esc(text, quote=False)
    if quirk == "nbsp":
        html_text = html_text.replace(" ", "&nbsp;", 1)
    elif quirk == "zero-width":
        html_text = html_text.replace(" ", "&#8203; ", 1)
    return html_text


def _share(art: DemoArticle) -> str:
    url = f"https%3A%2F%2Fblog.example{art.path.replace('/', '%2F')}"
    return (
        '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block '
        'sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div '
        'class="sd-content"><ul><li class="share-facebook"><a rel="nofollow noopener '
        'noreferrer" class="share-facebook sd-button share-icon" href="https://www.facebook.com'
        f'/sharer/sharer.php?u={url}" target="_blank"><span>Facebook</span></a></li><li '
        'class="share-twitter"><a rel="nofollow noopener noreferrer" class="share-twitter '
        f'sd-button share-icon" href="https://x.com/intent/tweet?url={url}" target="_blank">'
        '<span>X</span></a></li><li class="share-email"><a rel="nofollow" class="share-email '
        f'sd-button share-icon" href="mailto:?subject=Health&amp;body={url}"><span>Email</span>'
        "</a></li><li class=\"share-end\"></li></ul></div></div></div>"
    )


def _related(art: DemoArticle) -> str:
    if not art.teasers:
        return ""
    cards = "".join(
        f'<div class="jp-relatedposts-post jp-relatedposts-post{n}" data-post-id="'
        f'{1000 + t.index}" data-post-format="false"><h4 class="jp-relatedposts-post-title"><a '
        f'class="jp-relatedposts-post-a" href="{t.path}" title="{esc(t.title)}" rel="nofollow">'
        f'{esc(t.title)}</a></h4><p class="jp-relatedposts-post-excerpt">{esc(t.teaser_text)}'
        f'</p><p class="jp-relatedposts-post-date">{human_date(t.published)}</p><p '
        f'class="jp-relatedposts-post-context">In &quot;{esc(t.category[1])}&quot;</p></div>'
        for n, t in enumerate(art.teasers))
    return ('<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-'
            f'headline"><em>Related posts</em></h3><div class="jp-relatedposts-items '
            f'jp-relatedposts-items-visual">{cards}</div></div>')


def _post_navigation(art: DemoArticle) -> str:
    links = ""
    if art.prev:
        links += (f'<div class="nav-previous"><a href="{art.prev.path}" rel="prev"><span '
                  f'class="meta-nav" aria-hidden="true">&larr;</span> {esc(art.prev.title)}</a>'
                  "</div>")
    if art.next:
        links += (f'<div class="nav-next"><a href="{art.next.path}" rel="next">'
                  f'{esc(art.next.title)} <span class="meta-nav" aria-hidden="true">&rarr;'
                  "</span></a></div>")
    return ('<nav class="navigation post-navigation" aria-label="Posts"><h2 '
            f'class="screen-reader-text">Post navigation</h2><div class="nav-links">{links}'
            "</div></nav>\n")


def _comments(post_id: int) -> str:
    return (
        '<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
        '<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form '
        'action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">'
        '<p class="comment-notes">Your email address will not be published. Required fields '
        'are marked <span class="required">*</span></p><p class="comment-form-comment"><label '
        'for="comment">Comment</label><textarea id="comment" name="comment" cols="45" rows="8" '
        'required></textarea></p><p class="comment-form-author"><label for="author">Name'
        '</label><input id="author" name="author" type="text" size="30" required></p><p '
        'class="comment-form-email"><label for="email">Email</label><input id="email" '
        'name="email" type="email" size="30" required></p><p class="form-submit"><input '
        'name="submit" type="submit" id="submit" class="submit" value="Post Comment"><input '
        f'type="hidden" name="comment_post_ID" value="{post_id}"></p></form></div></div>\n'
    )


def _json_ld(art: DemoArticle) -> str:
    # Rank Math style: each ListItem's "item" is an object with @id and name.
    crumbs = [("/", "Home"), ("/blog/", "Blog"),
              (f"/blog/category/{art.category[0]}/", art.category[1])]
    graph = [
        {"@type": "BlogPosting", "@id": f"{art.path}#article", "headline": art.title,
         "datePublished": art.published, "dateModified": art.published,
         "author": {"@type": "Person", "name": art.author[1],
                    "url": f"/blog/author/{art.author[0]}/"},
         "mainEntityOfPage": {"@id": art.path}, "inLanguage": "en-US",
         "articleSection": art.category[1], **_health_ld(art)},
        {"@type": "BreadcrumbList", "@id": f"{art.path}#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": n, "item": {"@id": href, "name": name}}
            for n, (href, name) in enumerate(crumbs, 1)]},
    ]
    data = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    return data.replace("</", "<\\/")


def _health_ld(art: DemoArticle) -> dict:
    """This family's style: review and sources in the JSON-LD only (Yoast/Rank Math health
    schema), the disclaimer as a box under the post."""
    h = health_for(art)
    out: dict = {}
    if h.reviewer:
        name, cred, href = h.reviewer
        out["reviewedBy"] = {"@type": "Person", "name": name, "honorificSuffix": cred,
                             "url": href}
        out["lastReviewed"] = h.last_reviewed
    if h.references:
        out["citation"] = [{"@type": "ScholarlyArticle", "name": r["text"], "url": r["url"]}
                           if r["url"] else r["text"] for r in h.references]
    return out


def _disclaimer(art: DemoArticle) -> str:
    text = health_for(art).disclaimer
    return f'<div class="medical-disclaimer"><p>{esc(text)}</p></div>\n' if text else ""


def _pager(page: int, last: int) -> str:
    links = []
    if page > 1:
        links.append(f'<a class="prev page-numbers" href="{list_path(page - 1)}">'
                     "&laquo; Previous</a>")
    for n in page_window(page, last, 2):
        links.append(f'<span aria-current="page" class="page-numbers current">{n}</span>'
                     if n == page else f'<a class="page-numbers" href="{list_path(n)}">{n}</a>')
    if page < last:
        links.append(f'<a class="next page-numbers" href="{list_path(page + 1)}">Next &raquo;'
                     "</a>")
    return ('<nav class="navigation pagination" aria-label="Posts"><h2 class="screen-reader-'
            f'text">Posts navigation</h2><div class="nav-links">{"".join(links)}</div></nav>')
