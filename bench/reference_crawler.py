"""The reference of the crawl benchmark: a minimal crawler hand-written for the demo site.

    python -m bench.reference_crawler http://127.0.0.1:PORT/ OUT.jsonl [--concurrency 64]

What a capable developer writes for one known site when speed is all that matters: asyncio +
aiohttp (keep-alive connection pool), selectolax (the lexbor HTML5 parser, in C) with CSS
selectors written for the site's four template families, link following with its own
seen-set, JSON Lines out with orjson. No robots.txt, no ledger, no store, no validation: it
is the floor that healthcrawl's crawls are measured against (bench/crawl.py), not a product.
Prints one JSON line of counts on stdout when done.
"""
from __future__ import annotations

import argparse
import asyncio
import re
import sys
from urllib.parse import urljoin, urlsplit

import aiohttp
import orjson
from selectolax.lexbor import LexborHTMLParser

# The site's URL plan (crawler/sites/demo.py describes the same four families).
ARTICLE_URL = {
    "keepto": re.compile(r"^/keepto/[a-z-]+/\d+\.html$"),
    "wp": re.compile(r"^/blog/\d{4}/\d{2}/[a-z0-9-]+/$"),
    "zh": re.compile(r"^/zh/[a-z]+/\d{4}/\d{4}/\d+\.shtml$"),
    "ghost": re.compile(r"^/journal/(?!page/|tag/|author/)[a-z0-9-]+/$"),
}
# Listing pages that lead to every article; everything else (tag and category archives,
# static files, the robots-disallowed /private/) is not worth a request.
FOLLOW_URL = re.compile(r"^/(?:|keepto/list_\d+\.html|blog/(?:page/\d+/)?|zh/list_\d+\.shtml"
                        r"|journal/(?:page/\d+/)?|go/\d+)$")
# Per family: title, body container, body parts to drop, prev, next, teaser items, teaser
# title / snippet / link inside an item.
SELECTORS = {
    "keepto": dict(title="div.article > h1", body="div.article > div.content", drop=(),
                   prev="div.article > p", next="div.article > p",
                   teaser="div.recommend li", t_title="a", t_snippet="p", t_link="a"),
    "wp": dict(title="article.post h1.entry-title", body="article.post div.entry-content",
               drop=("div.code-block", "div.sharedaddy", "div#jp-relatedposts"),
               prev="nav.post-navigation div.nav-previous a",
               next="nav.post-navigation div.nav-next a",
               teaser="div#jp-relatedposts div.jp-relatedposts-post",
               t_title="h4.jp-relatedposts-post-title", t_snippet="p.jp-relatedposts-post-excerpt",
               t_link="h4.jp-relatedposts-post-title a"),
    "zh": dict(title="div.article > h1", body="div.article div#text", drop=("p.editor",),
               prev="div.pre-next p", next="div.pre-next p",
               teaser="div.tjyd li", t_title="a", t_snippet="p", t_link="a"),
    "ghost": dict(title="article.post h1.article-title", body="article.post section.gh-content",
                  drop=(), prev="nav.post-nav a.post-nav-prev",
                  next="nav.post-nav a.post-nav-next",
                  teaser="aside.read-more-wrap article.post-card", t_title="h2.post-card-title",
                  t_snippet="div.post-card-excerpt", t_link="a.post-card-content-link"),
}
# keepto and zh mark prev/next by the text in front of the link.
PREV_MARK = {"keepto": "<<:", "zh": "上一篇"}
NEXT_MARK = {"keepto": ">>:", "zh": "下一篇"}
ENCODING = {"zh": "gb18030"}  # the Chinese portal's pages, when no header names a charset
LOC = re.compile(rb"<loc>\s*([^<\s]+)\s*</loc>")


def family_of(path: str) -> str | None:
    for name, pattern in ARTICLE_URL.items():
        if pattern.match(path):
            return name
    return None


def _text(node) -> str:
    return " ".join(node.text(separator=" ").split()) if node is not None else ""


def _link(node, base: str, mark: str | None) -> dict | None:
    if node is None:
        return None
    if mark is not None:
        if mark not in node.text():
            return None
        node = node.css_first("a")
        if node is None:
            return None
    href = node.attributes.get("href")
    # WordPress puts arrows (span.meta-nav) inside the link
    return {"title": _text(node).strip("←→ "), "url": urljoin(base, href)} if href else None


def _marked(tree, selector: str, base: str, mark: str | None) -> dict | None:
    if mark is None:
        return _link(tree.css_first(selector), base, None)
    for node in tree.css(selector):
        found = _link(node, base, mark)
        if found:
            return found
    return None


def extract(tree, url: str, family: str) -> dict:
    sel = SELECTORS[family]
    body = tree.css_first(sel["body"])
    teasers = []
    for item in tree.css(sel["teaser"]):
        link = item.css_first(sel["t_link"])
        href = link.attributes.get("href") if link is not None else None
        if href:
            snippet = _text(item.css_first(sel["t_snippet"]))
            teasers.append({"title": _text(item.css_first(sel["t_title"])),
                            "snippet": snippet.rstrip(".…"),
                            "truncated": snippet.endswith(("...", "…")),
                            "url": urljoin(url, href)})
    paragraphs = []
    if body is not None:
        for drop in sel["drop"]:
            for node in body.css(drop):
                node.decompose()
        # the container's children are its paragraphs (and headings, lists, bare text)
        paragraphs = [t for t in (_text(n) for n in body.iter(include_text=True)) if t]
    return {"url": url, "family": family, "title": _text(tree.css_first(sel["title"])),
            "body": "\n\n".join(paragraphs),
            "prev": _marked(tree, sel["prev"], url, PREV_MARK.get(family)),
            "next": _marked(tree, sel["next"], url, NEXT_MARK.get(family)),
            "teasers": teasers}


class Crawler:
    def __init__(self, start: str, out, concurrency: int):
        self.start, self.out, self.concurrency = start, out, concurrency
        self.origin = urlsplit(start)[:2]
        self.sitemap = urljoin(start, "/sitemap.xml")
        self.seen: set[str] = {start, self.sitemap}
        self.done: set[str] = set()  # final URLs (after redirects) already handled
        self.queue: asyncio.Queue[str] = asyncio.Queue()
        # the sitemap lists every article: the crawl is wide from the start, as healthcrawl's
        self.queue.put_nowait(self.sitemap)
        self.queue.put_nowait(start)
        self.pages = self.records = self.errors = 0

    def links(self, tree, base: str) -> None:
        self.follow(urljoin(base, href).partition("#")[0]
                    for href in (node.attributes.get("href") for node in tree.css("a[href]"))
                    if href)

    def follow(self, urls) -> None:
        for url in urls:
            if url in self.seen:
                continue
            parts = urlsplit(url)
            if (parts.scheme, parts.netloc) != self.origin:
                continue
            self.seen.add(url)
            if family_of(parts.path) or FOLLOW_URL.match(parts.path):
                self.queue.put_nowait(url)

    async def fetch(self, session: aiohttp.ClientSession, url: str) -> None:
        try:
            async with session.get(url) as response:
                body = await response.read()
                final = str(response.url)
                status = response.status
                charset = response.charset
        except (aiohttp.ClientError, asyncio.TimeoutError):
            self.errors += 1
            return
        self.pages += 1
        if status != 200 or final in self.done:
            return
        self.done.add(final)
        if url == self.sitemap:
            self.follow(loc.decode() for loc in LOC.findall(body))
            return
        path = urlsplit(final).path
        family = family_of(path)
        encoding = charset or ENCODING.get(family, "utf-8")
        tree = LexborHTMLParser(body.decode(encoding, "replace"))
        self.links(tree, final)
        if family:
            self.out.write(orjson.dumps(extract(tree, final, family)))
            self.out.write(b"\n")
            self.records += 1

    async def worker(self, session: aiohttp.ClientSession) -> None:
        while True:
            url = await self.queue.get()
            try:
                await self.fetch(session, url)
            finally:
                self.queue.task_done()

    async def run(self) -> dict:
        connector = aiohttp.TCPConnector(limit=self.concurrency)
        timeout = aiohttp.ClientTimeout(total=30)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
            workers = [asyncio.create_task(self.worker(session)) for _ in range(self.concurrency)]
            await self.queue.join()
            for task in workers:
                task.cancel()
        return {"pages": self.pages, "records": self.records, "errors": self.errors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.reference_crawler",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("start", help="start URL, e.g. http://127.0.0.1:8765/")
    ap.add_argument("out", help="JSON Lines file to write")
    ap.add_argument("--concurrency", type=int, default=64)
    args = ap.parse_args(argv)
    with open(args.out, "wb") as out:
        counts = asyncio.run(Crawler(args.start, out, args.concurrency).run())
    sys.stdout.write(orjson.dumps(counts).decode() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
