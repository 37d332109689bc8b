"""The bundled demo site (crawler/demo/): four template families on one host.

Serve it with `healthcrawl serve-demo` (default http://127.0.0.1:8765/) or `DemoServer`; the
profiles match any host, since tests and `healthcrawl demo` run it on a random port.
"""
from __future__ import annotations

from cleaners.profile import SiteProfile

from . import Site

# Pages every family links to that a crawl should visit: `/go/3` short links (301 to an
# article), "About us", the dead "Health tips" link (404) and the staff page robots.txt
# disallows -- so a demo run shows redirects, 404s and robots refusals being counted.
_SITE_PAGES = r"|^/(?:go/\d+|about\.html|health-tips\.html|private/[\w-]+\.html)$"

KEEPTO = SiteProfile(
    key="demo-keepto",
    # /keepto/digestive/1003.html
    article_url=r"^/keepto/[a-z-]+/\d+\.html$",
    # /keepto/list_2.html: "First Prev 1 2 [3] 4 Next Last"
    follow_url=r"^/keepto/list_\d+\.html$" + _SITE_PAGES,
    # <div class="article"><h1>Lumbar disc herniation and leg weakness</h1>
    title="div.article > h1",
    # <div class="content"><p>In life, many of our friends will experience leg weakness ...
    body="div.article > div.content",
    # <p>&lt;&lt;:&nbsp; <a href="...">Lumbar disc herniation fusion surgery</a></p>
    prev='div.article > p:contains("<<:")',
    # <p>&gt;&gt;:&nbsp; <a href="...">Minimally invasive treatment for lumbar ...</a></p>
    next='div.article > p:contains(">>:")',
    # <div class="recommend"><h3>Recommend</h3><ul class="tj"><li><a href="...">What are
    # the methods for intestinal cleansing?</a><p>The largest immune organ in the human body
    # is the...</p></li>
    teaser_item="div.recommend li",
    teaser_title="a",
    teaser_snippet="p",
    teaser_link="a",
    # <div class="crumbs"><a href="/">Home</a> &gt; <a href="/keepto/list_1.html">Health</a>
    # &gt; <a href="/keepto/orthopedics/">Orthopedics</a> &gt; <span>Title</span></div>
    breadcrumbs="div.crumbs a",
    # keepto pages carry no date and no author.
    # <p class="review">Medically reviewed by <a href="/experts/0.html">Dr. Helen Park, MD</a>
    # on March 3, 2024</p>
    reviewed_by="div.article p.review a",
    last_reviewed="div.article p.review",
    # <div class="refs"><h3>References</h3><ol><li><a href="https://doi.org/...">Smith A. ...
    references="div.article div.refs li",
    # <p class="disclaimer"><small>This article is for general information only ...</small>
    # (the site footer's p.disclaimer is outside div.article)
    disclaimer="div.article p.disclaimer",
    language="en",
)

WORDPRESS = SiteProfile(
    key="demo-wp",
    # /blog/2024/05/7-ways-to-ease-morning-stiffness/
    article_url=r"^/blog/\d{4}/\d{2}/[a-z0-9-]+/$",
    # /blog/ and /blog/page/2/ ("« Previous 1 2 3 Next »"); tag, category and author
    # archives repeat the same posts and are not followed.
    follow_url=r"^/blog/(?:page/\d+/)?$" + _SITE_PAGES,
    # <h1 class="entry-title">7 Ways to Ease Morning Stiffness</h1>
    title="article.post h1.entry-title",
    # <div class="entry-content"><p>...</p><h2 class="wp-block-heading">Treatment options</h2>
    body="article.post div.entry-content",
    body_drop=(
        # <div class="code-block code-block-2"><span class="ad-label">Advertisement</span>
        "div.code-block",
        # <div class="sharedaddy sd-sharing-enabled">...<h3 class="sd-title">Share this:</h3>
        "div.sharedaddy",
        # <div id="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related posts</em>
        # (its cards are read as teasers first; this removes the heading left behind)
        "div#jp-relatedposts",
    ),
    # <div class="nav-previous"><a href="..." rel="prev"><span class="meta-nav">&larr;</span>
    # Previous title</a></div>
    prev="nav.post-navigation div.nav-previous a",
    # <div class="nav-next"><a href="..." rel="next">Next title <span class="meta-nav">&rarr;
    # </span></a></div>
    next="nav.post-navigation div.nav-next a",
    # <div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a href="...">
    # Title</a></h4><p class="jp-relatedposts-post-excerpt">First words of the post…</p>
    teaser_item="div#jp-relatedposts div.jp-relatedposts-post",
    teaser_title="h4.jp-relatedposts-post-title",
    teaser_snippet="p.jp-relatedposts-post-excerpt",
    teaser_link="h4.jp-relatedposts-post-title a",
    # <time class="entry-date published" datetime="2024-05-12T08:30:00+00:00">May 12, 2024
    published="article.post time.entry-date.published",
    # <span class="byline"> by <span class="author vcard"><a class="url fn n" ...>Jane Doe</a>
    authors="article.post span.byline span.author a",
    # No visible trail: the JSON-LD BreadcrumbList ("Home", "Blog", "Sleep") is read by
    # cleaners.metadata.
    language="en",
)

PORTAL_ZH = SiteProfile(
    key="demo-zh",
    # /zh/news/2024/0512/100123.shtml
    article_url=r"^/zh/[a-z]+/\d{4}/\d{4}/\d+\.shtml$",
    # /zh/list_2.shtml: "首页 上一页 1 2 [3] 4 下一页 尾页"
    follow_url=r"^/zh/list_\d+\.shtml$" + _SITE_PAGES,
    # <div class="article"><h1>高血压的五个早期信号</h1>
    title="div.article > h1",
    # <div class="article-content" id="text"><p>　　生活中，很多朋友都会出现头晕的情况 ...
    body="div.article div#text",
    # <p class="editor">（责任编辑：王芳）</p>
    body_drop=("p.editor",),
    # <p>上一篇：<a href="...">糖尿病患者吃什么好</a></p>; the first article has
    # "上一篇：没有了" without a link, so only the <a> is taken.
    prev='div.pre-next p:contains("上一篇") a',
    # <p>下一篇：<a href="...">如何预防痛风</a></p> (last article: "下一篇：没有了")
    next='div.pre-next p:contains("下一篇") a',
    # <div class="tjyd"><div class="hd"><h3>推荐阅读</h3></div><ul><li><a href="...">标题</a>
    # <p>生活中，很多朋友都会出现头晕的情况，其实...</p></li>
    teaser_item="div.tjyd li",
    teaser_title="a",
    teaser_snippet="p",
    teaser_link="a",
    # <meta property="article:published_time" content="2024-05-12T10:30:00+08:00">
    published='meta[property="article:published_time"]',
    # 作者：<span class="author">王芳</span>
    authors="div.article div.info span.author",
    # 当前位置：<a href="/">首页</a> &gt; <a href="/zh/list_1.shtml">健康频道</a> &gt;
    # <a href="/zh/news/">健康资讯</a> &gt; 正文
    breadcrumbs="div.position a",
    # <div class="cankao"><h3>参考文献</h3><ol><li><a href="https://doi.org/...">Smith A. ...
    # (the reviewer line 审核专家：<a>王立新</a>，主任医师 is read by cleaners/health_meta.py)
    references="div.article div.cankao li",
    # <div class="mianze"><p>本文内容仅供参考，不能替代医生的诊断和治疗。</p></div>
    disclaimer="div.article div.mianze p",
    language="zh-CN",
)

GHOST = SiteProfile(
    key="demo-ghost",
    # /journal/why-a-cool-bedroom-helps-you-sleep/ (listings: /journal/page/2/, tag/, author/)
    article_url=r"^/journal/(?!page/|tag/|author/)[a-z0-9-]+/$",
    # /journal/page/2/: "← Newer Posts  Page 2 of 9  Older Posts →"
    follow_url=r"^/journal/(?:page/\d+/)?$" + _SITE_PAGES,
    # <h1 class="article-title">Why a cool bedroom helps you sleep</h1>
    title="article.post h1.article-title",
    # <section class="gh-content gh-canvas"><p>Your body temperature drops a little ...
    body="article.post section.gh-content",
    # <a class="post-nav-prev" href="..." rel="prev"><span class="post-nav-arrow">&larr;</span>
    # Title</a>
    prev="nav.post-nav a.post-nav-prev",
    # <a class="post-nav-next" href="..." rel="next">Title <span class="post-nav-arrow">&rarr;
    # </span></a>
    next="nav.post-nav a.post-nav-next",
    # <aside class="read-more-wrap"><h2 class="read-more-title">Read next</h2> ... <article
    # class="post-card post"><a class="post-card-content-link" href="..."><h2
    # class="post-card-title">Title</h2><div class="post-card-excerpt">First words…</div>
    teaser_item="aside.read-more-wrap article.post-card",
    teaser_title="h2.post-card-title",
    teaser_snippet="div.post-card-excerpt",
    teaser_link="a.post-card-content-link",
    # <time class="byline-meta-date" datetime="2024-05-12T08:30:00+00:00">May 12, 2024</time>
    published="article.post time.byline-meta-date",
    # <h4 class="author-name"><a href="/journal/author/jane-doe/">Jane Doe</a></h4>
    authors="article.post h4.author-name a",
    # No visible trail: the JSON-LD BreadcrumbList ("Home", "Journal", "Sleep") is read by
    # cleaners.metadata.
    language="en",
)

SITE = Site(key="demo", profiles=(KEEPTO, WORDPRESS, PORTAL_ZH, GHOST), start_paths=("/",),
            default_base="http://127.0.0.1:8765/")
