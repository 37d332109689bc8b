"""The headline: an <h1> that agrees with the page's declared title, else that title with
its site-name suffix stripped ("Sleep and memory | Example Health" -> "Sleep and memory")."""
from __future__ import annotations

import re

from lxml import etree

from ..text import clean_inline

_H1 = etree.XPath("//h1", smart_strings=False)
_H2 = etree.XPath("//h2", smart_strings=False)
_TITLE = etree.XPath("//title", smart_strings=False)
# " | Site", " - Site", " — Site", " :: Site", " · Site", " « Site", and Chinese portals'
# "标题_频道_网站" (no spaces around "_")
_SITE_SEPARATOR = re.compile(r"\s+(?:[|\-–—:·•«»/]|::)\s+|\s*_\s*")
_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def similarity(a: str, b: str) -> float:
    """Share of the shorter text's words found in the other one (1.0 when one text holds
    the other: CJK titles have no spaces to split words at)."""
    if a and b and (a in b or b in a):
        return 1.0
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def strip_site_name(title: str) -> str:
    """Drop the site name (and a section name) from a <title>: short segments at the end
    ("Headline - Health - Example"), else one short segment at the start ("Example |
    Headline"). Long segments stay: a headline may hold " — " itself."""
    parts = _SITE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    seps = _SITE_SEPARATOR.findall(title)
    # rebuild from segments so that separators inside the headline survive; a second
    # segment goes only after the same separator ("标题_频道_网站", not "A — B - Site")
    while len(parts) > 1 and _short(parts[-1]) and len(parts[-1]) < len("".join(parts[:-1])):
        last_sep = seps[-1]
        parts, seps = parts[:-1], seps[:-1]
        if not seps or seps[-1].strip() != last_sep.strip():
            break
    if len(parts) > 1 and _short(parts[0]) and len(parts[0]) < len("".join(parts[1:])) \
            and len(parts) == len(_SITE_SEPARATOR.split(title)):
        parts, seps = parts[1:], seps[1:]
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out.strip() or title


_HOME_HREF = re.compile(r"^(?:https?://[^/?#]+)?/?\.?/?(?:index\.\w+)?$")


def _to_home(heading) -> bool:
    """A heading that links to the site's front page ("/", "/.", "https://host/") names the
    site: a logo, not a headline."""
    link = heading.find(".//a[@href]")
    if link is None:
        parent = heading.getparent()
        link = parent if parent is not None and parent.tag == "a" else None
    href = (link.get("href") or "").strip() if link is not None else ""
    return bool(href) and bool(_HOME_HREF.match(href))


def _short(segment: str) -> bool:
    """Short enough to be a site or section name."""
    segment = segment.strip()
    return bool(segment) and (len(segment) <= 30 or len(_words(segment)) <= 4)


def find_title(root, meta: dict) -> tuple[str, object | None]:
    """(headline text, the heading element showing it, or None)."""
    text = _title_text(root, meta)
    return text, headline_element(root, text)


def headline_element(root, title: str):
    """The <h1> (else <h2>) that shows the title: an anchor for where the article is."""
    if not title:
        return None
    for xp in (_H1, _H2):
        for heading in xp(root)[:10]:
            text = clean_inline(heading.text_content())
            if text and (text == title or similarity(text, title) >= 0.6):
                return heading
    return None


def _title_text(root, meta: dict) -> str:
    title_els = _TITLE(root)
    page_title = clean_inline(title_els[0].text_content()) if title_els else ""
    declared = meta.get("title") or ""
    references = [t for t in (declared, page_title) if t]
    for heading in _H1(root)[:5] + _H2(root)[:5]:
        text = clean_inline(heading.text_content())
        if not text or len(text) > 300 or _to_home(heading):
            continue  # a heading linking to the front page is the site's logo
        # an <h1> the declared title agrees with is the visible headline; a one-word <h1>
        # is more often the site's logo
        if not references or any(similarity(text, ref) >= 0.6 for ref in references) and (
                len(_words(text)) > 1 or len(text) >= 8 or text in references):
            return text
    if declared:
        return strip_site_name(declared) if declared == page_title else declared
    if page_title:
        return strip_site_name(page_title)
    for heading in _H1(root)[:1] + _H2(root)[:1]:
        text = clean_inline(heading.text_content())
        if text:
            return text
    return ""
