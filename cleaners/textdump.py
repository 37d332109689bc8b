"""The plain-text dump form of a page (see tests/fixtures/seed): blocks separated by blank lines.

Layout: title (often twice), body paragraphs, optional "<<: prev" / ">>: next" lines, then a
teaser heading ("Recommend", "推荐阅读", ...) followed by alternating title and snippet blocks.
"""
from __future__ import annotations

import re

from .article import Article, Link, Teaser
from .text import clean_inline, clean_paragraphs, clean_snippet
from .vocab import NEXT_PREFIX, PREV_PREFIX, TEASER_HEADING

_BLOCKS = re.compile(r"\n[ \t\u00a0]*\n")
# In a dump only explicit arrow/label prefixes mark navigation; a body paragraph that merely
# starts with "Next," must stay in the body.
_DUMP_PREV = re.compile(r"^\s*(?:<<|«|←|上一篇|previous\s*(?:article|post)?\s*[:：])",
                        re.IGNORECASE)
_DUMP_NEXT = re.compile(r"^\s*(?:>>|»|→|下一篇|next\s*(?:article|post)?\s*[:：])",
                        re.IGNORECASE)


def split_blocks(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [b.strip() for b in _BLOCKS.split(text) if b.strip()]


def extract_text_dump(text: str) -> Article:
    blocks = split_blocks(text)
    article = Article(extractor="textdump")
    if not blocks:
        article.warnings.append("empty_input")
        return article
    article.title = clean_inline(blocks[0])
    i = 1
    # The dump repeats the headline (page <title> then <h1>).
    while i < len(blocks) and clean_inline(blocks[i]) == article.title:
        i += 1

    body: list[str] = []
    while i < len(blocks) and not _is_nav(blocks[i]) and not TEASER_HEADING.match(blocks[i]):
        body.append(blocks[i])
        i += 1
    article.body = clean_paragraphs(body)

    while i < len(blocks) and _is_nav(blocks[i]):
        block = blocks[i]
        if _DUMP_PREV.match(block):
            article.related_links.append(Link("prev", _nav_title(PREV_PREFIX, block)))
        else:
            article.related_links.append(Link("next", _nav_title(NEXT_PREFIX, block)))
        i += 1

    if i < len(blocks) and TEASER_HEADING.match(blocks[i]):
        items = blocks[i + 1:]
        for j in range(0, len(items) - 1, 2):
            snippet, truncated = clean_snippet(items[j + 1])
            article.teasers.append(Teaser(clean_inline(items[j]), snippet, truncated))
        if len(items) % 2:
            article.teasers.append(Teaser(clean_inline(items[-1])))
    return article


def _is_nav(block: str) -> bool:
    return bool(_DUMP_PREV.match(block) or _DUMP_NEXT.match(block))


def _nav_title(prefix: re.Pattern, block: str) -> str:
    return clean_inline(prefix.sub("", block, count=1))
