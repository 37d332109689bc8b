"""body_html from the kept blocks: exactly the body's content, as simple HTML.

A block that is the whole text of its element (the usual <p>) keeps that element's inline
markup (links, emphasis); other blocks become plain paragraphs. The caller sanitizes.
"""
from __future__ import annotations

from collections import Counter
from html import escape

from lxml import html as lxml_html

from .blocks import Block

_HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6"}
_KEEP_MARKUP = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
                          "dd", "dt", "td", "th"})


def _inner_html(el, base_url: str | None) -> str:
    if base_url:
        for a in el.iter("a", "img"):
            attr = "href" if a.tag == "a" else "src"
            value = a.get(attr)
            if value and "://" not in value[:12]:
                try:
                    a.set(attr, lxml_html.urljoin(base_url, value.strip()))
                except ValueError:
                    a.attrib.pop(attr, None)
    if not len(el):
        return escape(el.text or "", quote=False)
    # one C-level serialization; cut the element's own tags off
    html = lxml_html.tostring(el, encoding="unicode", with_tail=False)
    start, end = html.find(">") + 1, html.rfind("</")
    return html[start:end] if 0 < start <= end else escape(el.text_content(), quote=False)


def _wrap(tag: str) -> str:
    if tag in _HEADINGS:
        return _HEADINGS[tag]
    if tag in ("blockquote", "pre", "li"):
        return tag
    return "p"


def render_html(blocks: list[Block], all_blocks: list[Block], base_url: str | None) -> str:
    """blocks: the kept ones; all_blocks: every block of the page (an element whose other
    blocks were dropped must not be serialized whole)."""
    per_owner = Counter(id(b.owner) for b in all_blocks)
    out: list[str] = []
    open_list = ""  # "ul" or "ol" while list items are being written
    for b in blocks:
        tag = _wrap(b.tag)
        parent = b.owner.getparent() if b.owner is not None else None
        parent_tag = parent.tag if parent is not None else ""
        list_tag = ("ol" if parent_tag == "ol" else "ul") if tag == "li" else ""
        if open_list and list_tag != open_list:
            out.append(f"</{open_list}>")
            open_list = ""
        if list_tag and not open_list:
            out.append(f"<{list_tag}>")
            open_list = list_tag
        if b.whole and b.leaf and per_owner[id(b.owner)] == 1 and b.tag in _KEEP_MARKUP:
            content = _inner_html(b.owner, base_url)
        else:
            content = escape(b.text, quote=False)
        html = f"<{tag}>{content}</{tag}>"
        if parent_tag == "blockquote" and tag == "p":
            html = f"<blockquote>{html}</blockquote>"
        out.append(html)
    if open_list:
        out.append(f"</{open_list}>")
    return "".join(out)
