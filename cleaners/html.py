"""Parsing helpers on lxml (the hot path): one parse per page, shared by every field."""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .encoding import decode_html

# libxml2 stops building the tree at 2,048 levels of nesting even with huge_tree (256
# without): everything below, usually the article text, is silently lost. It
# reports an ERR_RESOURCE_LIMIT error, and then the page is parsed again with the excess
# wrapper levels removed by `flatten_deep` (warning `deep_nesting_flattened`).
# Levels kept at the top and at the bottom of a flattened page: the result stays well within
# the generic extractor's recursion guard (cleaners/generic/blocks.py reads deeper subtrees
# flat, losing paragraph breaks).
KEEP_LEVELS = 100
_PARSER = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
# lxml.html chooses each element's class in Python (FormElement for <form>, InputElement for
# <input>, ...) every time an element is first touched from Python, ~240 times a page. Nothing
# here uses the form classes; a lookup done in C gives every element the same HtmlElement
# (text_content, drop_tree, cssselect all stay) and makes extraction ~6% cheaper (bench/README.md).
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
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
        if _too_deep(_PARSER):
            for keep in (KEEP_LEVELS, 32):
                root = lxml_html.document_fromstring(flatten_deep(source, keep, keep),
                                                     parser=_PARSER)
                if not _too_deep(_PARSER):
                    break
            warnings.append("deep_nesting_flattened")
    except (etree.ParserError, ValueError):
        root = lxml_html.fromstring("<html><body></body></html>")
        warnings.append("unparseable_html")
    return root, warnings


def _too_deep(parser) -> bool:
    log = parser.error_log.filter_types((etree.ErrorTypes.ERR_RESOURCE_LIMIT,))
    return any("depth" in e.message for e in log)


# Markup tokens for `flatten_deep`: comments, then start/end tags (quoted attribute values
# may hold ">"). Doctype, processing instructions and stray "<" are text to it.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)|<(/?)([A-Za-z][^\s/>]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>", re.S)
_VOID_TAGS = frozenset("area base br col embed hr img input keygen link meta param source "
                       "track wbr".split())
_RAW_TEXT_TAGS = frozenset("script style textarea title xmp iframe noembed noframes".split())
_CLOSE_SEARCH = 256  # how far down the open elements an end tag looks for its start tag


def flatten_deep(source: str, keep_top: int = KEEP_LEVELS,
                 keep_bottom: int = KEEP_LEVELS) -> str:
    """Remove the start and end tags of elements nested deeper than `keep_top` levels whose
    subtree is more than `keep_bottom` levels high, keeping all text and every other tag:
    the outer layout and the innermost markup (paragraphs, links) survive, the wrapper
    levels in between go. Along any path at most keep_top + keep_bottom elements remain.

    Depth is counted on the tags as written (no implied end tags), which over-counts on
    sloppy markup; so this is only for pages the real parser gave up on."""
    spans: list[tuple[int, int, int]] = []  # (start, end, element) of every tag token
    depth: list[int] = []  # per element: its nesting level
    height: list[int] = []  # per element: levels of its subtree, itself included
    stack: list[tuple[str, int]] = []  # open elements: (tag name, element)

    def close(n: int) -> None:
        while len(stack) > n:
            _, el = stack.pop()
            if stack:
                parent = stack[-1][1]
                height[parent] = max(height[parent], height[el] + 1)

    pos = 0
    while (m := _MARKUP.search(source, pos)) is not None:
        pos = m.end()
        if m.group(2) is None:  # a comment
            continue
        name = m.group(2).lower()
        if m.group(1):  # an end tag: closes its start tag and whatever was left open in it
            for i in range(len(stack) - 1, max(len(stack) - _CLOSE_SEARCH, 0) - 1, -1):
                if stack[i][0] == name:
                    el = stack[i][1]
                    close(i)
                    spans.append((m.start(), m.end(), el))
                    break
            continue  # a stray end tag stays; the parser ignores it as before
        if name in _VOID_TAGS or m.group(3).rstrip().endswith("/"):
            continue
        el = len(depth)
        depth.append(len(stack))
        height.append(1)
        spans.append((m.start(), m.end(), el))
        if name in _RAW_TEXT_TAGS:  # text up to its end tag, never markup
            end = re.compile(rf"</{name}\s*>", re.I).search(source, pos)
            if end is not None:
                spans.append((end.start(), end.end(), el))
                pos = end.end()
            if stack:
                parent = stack[-1][1]
                height[parent] = max(height[parent], 2)
            continue
        stack.append((name, el))
    close(0)

    out: list[str] = []
    last = 0
    for start, end, el in spans:
        if depth[el] >= keep_top and height[el] > keep_bottom:
            out.append(source[last:start])
            last = end
    out.append(source[last:])
    return "".join(out)


NON_CONTENT_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object")


# A <noscript> the page leaves unclosed swallows the rest of the page (the parser reads all
# that follows as its content): one holding this share of the body's text is the page itself,
# not a fallback image or tracking pixel, and is unwrapped instead of removed.
PAGE_NOSCRIPT_SHARE = 0.5
_MIN_PAGE_NOSCRIPT = 500  # characters; a real <noscript> fallback is far shorter


# An article shipped as an HTML template for a script to render (<script type="text/template">
# in the post's body: Blogger's themes) is the article: its markup is read as the page's,
# where the template sits in the declared article body (itemprop="articleBody"). Other
# templates are widgets' (a cookie box's template may hold more text than the article), and
# so are templates with placeholders ("{{title}}", "<%= name %>", "${url}") or this little
# text: all are dropped with the other scripts.
_HTML_TEMPLATE_TYPES = frozenset({"text/template", "text/x-template", "text/html"})
_TEMPLATE_CODE = re.compile(r"\{\{|\{%|<%|\$\{")
_TEMPLATE_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
MIN_TEMPLATE_TEXT = 200  # characters of text, markup left out


def drop_non_content(root) -> None:
    """Remove script/style-like elements in place (read JSON-LD before calling this)."""
    _unwrap_page_noscript(root)
    _unwrap_html_templates(root)
    etree.strip_elements(root, *NON_CONTENT_TAGS, with_tail=False)


def _unwrap_html_templates(root) -> None:
    body = root.find("body")
    if body is None:
        return
    for el in list(body.iter("script")):
        text = el.text
        if not text or (el.get("type") or "").strip().lower() not in _HTML_TEMPLATE_TYPES \
                or "<" not in text or _TEMPLATE_CODE.search(text):
            continue
        size = len(" ".join(_TEMPLATE_TAG.sub(" ", text).split()))
        if size < MIN_TEMPLATE_TEXT or \
                not any(a.get("itemprop") == "articleBody" for a in el.iterancestors()):
            continue
        try:
            content = lxml_html.fragment_fromstring(text, create_parent="div", parser=_PARSER)
        except (etree.ParserError, ValueError):
            continue
        content.tail = el.tail
        el.getparent().replace(el, content)


def _unwrap_page_noscript(root) -> None:
    body = None
    for el in root.iter("noscript"):
        n = len(el.text_content())
        if n < _MIN_PAGE_NOSCRIPT:
            continue
        if body is None:
            found = root.find("body")
            body = len((found if found is not None else root).text_content())
        if n >= PAGE_NOSCRIPT_SHARE * body:
            el.drop_tag()
            return  # at most one holds half of the page


def text_of(el) -> str:
    """All text under an element (call `drop_non_content` on the tree first)."""
    return "" if el is None else "".join(el.itertext())


# Elements that start a new paragraph when a container is turned into text.
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr section article "
    "header footer aside figure figcaption main nav address details summary hr form".split()
)


def block_texts(el) -> list[str]:
    """Split an element's text into paragraphs at block boundaries and <br><br>.
    Iterative (an explicit stack): a page nested thousands of levels deep must not hit
    Python's recursion limit."""
    paragraphs: list[str] = []
    buf: list[str] = []
    flush = None  # marker on the stack: end the current paragraph
    todo: list = [el]  # elements to enter, text to append (str), or `flush`
    while todo:
        item = todo.pop()
        if item is flush:
            if buf:
                paragraphs.append("".join(buf))
                buf.clear()
            continue
        if isinstance(item, str):
            buf.append(item)
            continue
        if item.text:
            buf.append(item.text)
        steps: list = []
        for child in item:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in BLOCK_TAGS:
                steps += (flush, child, flush)
            elif tag == "br":
                steps.append("\n")
            elif tag:
                steps.append(child)
            if child.tail:
                steps.append(child.tail)
        todo.extend(reversed(steps))
    if buf:
        paragraphs.append("".join(buf))
    out = []
    for p in paragraphs:
        # a <br><br> inside one block separates paragraphs, as on many CMS pages
        out.extend(part for part in re.split(r"\n\s*\n", p) if part.strip())
    return out
