"""Parsing helpers on lxml (the hot path): one parse per page, shared by every field."""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .encoding import decode_html

# lxml silently drops the text of documents nested deeper than its limit (FIELD-NOTES);
# huge_tree lifts the limit so deep pages keep their text.
_PARSER = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse_html(source: str | bytes, header_charset: str | None = None):
    """Parse a page; return (root element, warnings). Bytes are decoded by `decode_html`."""
    warnings: list[str] = []
    if isinstance(source, bytes):
        source, _enc, warnings = decode_html(source, header_charset)
    source = _XML_DECL.sub("", source, count=1)  # lxml refuses str input with an encoding decl
    if not source.strip():
        return lxml_html.fromstring("<html><body></body></html>"), warnings + ["empty_page"]
    try:
        root = lxml_html.document_fromstring(source, parser=_PARSER)
    except (etree.ParserError, ValueError):
        root = lxml_html.fromstring("<html><body></body></html>")
        warnings.append("unparseable_html")
    return root, warnings


NON_CONTENT_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object")


def drop_non_content(root) -> None:
    """Remove script/style-like elements in place (read JSON-LD before calling this)."""
    etree.strip_elements(root, *NON_CONTENT_TAGS, with_tail=False)


def text_of(el) -> str:
    """All text under an element (call `drop_non_content` on the tree first)."""
    return "" if el is None else "".join(el.itertext())


# Elements that start a new paragraph when a container is turned into text.
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr section article "
    "header footer aside figure figcaption main nav address details summary hr form".split()
)


def block_texts(el) -> list[str]:
    """Split an element's text into paragraphs at block boundaries and <br><br>."""
    paragraphs: list[str] = []
    buf: list[str] = []

    def flush():
        if buf:
            paragraphs.append("".join(buf))
            buf.clear()

    def walk(node):
        if node.text:
            buf.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            elif tag == "br":
                buf.append("\n")
            elif tag:
                walk(child)
            if child.tail:
                buf.append(child.tail)

    walk(el)
    flush()
    out = []
    for p in paragraphs:
        # a <br><br> inside one block separates paragraphs, as on many CMS pages
        out.extend(part for part in re.split(r"\n\s*\n", p) if part.strip())
    return out
