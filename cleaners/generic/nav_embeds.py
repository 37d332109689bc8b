"""Cards embedded in the article text: one other article of the site between paragraphs.

News sites put single cards between the body's paragraphs, often with no heading and no
class name we know: "<article class=preview><a><h3>Headline</h3></a></article>", an
"<aside>" with a thumbnail and a headline, or a line holding nothing but a link
("<p><a>Headline</a></p>", "<p>ALSO: <a>Headline</a></p>"). docs/annotation.md counts them
as related links (a teaser when the card shows a summary).

A card is found from its link: a link after the page's <h1> to another article of the same
site (not a section, tag or author page) whose text is a headline (several words). Climbing
from the link, the card is the largest element around it that leads nowhere else and stays
short. It is embedded when a sibling next to it is prose (a long text with few links): that
tells a card in the text from an item of a rail or of a menu; cards of one kind in a row
after a paragraph (up to three) are looked past, and so are up to three short siblings without
a link between the card and the prose (a picture, a caption, a contact line closing the
text, an empty ad slot). A paragraph is a card only
when the link is its whole text, but for a short label ending in a separator ("MORE:").
A card may carry a kicker: a link to its section ("<a href=/digital-life>Digital Life</a>")
or a short line above its linked <h2> headline. Items of sidebar widgets and rankings
("popular-posts") and comments (a pingback in the thread) are no cards in the text.
"""
from __future__ import annotations

import re
from urllib.parse import urldefrag, urlsplit

from lxml import etree

from ..text import word_count
from ..urls import bare_host
from ..vocab import AD_CLASS, CALL_TO_ACTION, NON_ARTICLE_URL, non_article_path
from .nav_dom import (
    HEADING_TAGS,
    STOP_TAGS,
    absolute,
    hidden,
    in_chrome,
    is_inside,
    linkable,
    own_text,
    raw_text,
    squash,
)
from .nav_pages import page_of_same_article, same_page, section_of
from .nav_scan import class_kind

# Links after the first <h1> (the following:: axis skips its ancestors): one XPath pass in C.
_LINKS_AFTER_H1 = etree.XPath("(/*/body//h1)[1]/following::a[@href]")
_MAX_LINKS = 300  # a page with more links after its title is a portal, not an article
_MIN_WORDS = 4
_MIN_CJK = 10
_MAX_TITLE = 200
_MAX_CARD = 400  # characters: a headline, a kicker, a short dek
_MAX_LEVELS = 6
_MIN_PROSE = 100  # characters of a neighbouring paragraph
_MAX_RUN = 3  # cards of one kind in a row between paragraphs
_MAX_FURNITURE = 3  # pictures, captions, ad slots between a card and the prose
_MAX_LABEL = 30  # "Read also:", "MORE :" before a link alone on its line
_MAX_INTRO = 120  # a line introducing the card below it, ending in a colon
_LABEL_END = re.compile(r"[:：|»›>\-–—]\s*$")
_STOP = STOP_TAGS - {"article"}  # a card may be an <article> of its own
_INLINE = frozenset(("a", "span", "em", "strong", "b", "i", "small", "font", "u", "mark"))
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# ("withSidebar", "has-sidebar" name the layout beside a sidebar, the text's box included)
_SITE_LIST_CLASS = re.compile(
    r"widget|popular|trending|ranking|most-?read")
# Comment threads: a pingback ("Pingback: <a>Post of another blog</a>") is a comment that
# links, no card in the text ("commentary" names an opinion piece, not a thread).
_COMMENTS = re.compile(r"comment(?!ar)")
_SECTION_PATH = re.compile(r"^/[a-z][a-z0-9-]{1,24}/?$")  # "/digital-life": a section front


def find_embeds(root, url: str | None, taken: set, nav: list) -> list:
    """Embedded card elements, in page order, none inside `taken` (other blocks), none
    inside or around a prev/next box or link (`nav`), none leading where such a link
    leads."""
    if not url:
        return []
    links = _LINKS_AFTER_H1(root)
    if len(links) > _MAX_LINKS:
        return []
    out: list = []
    seen = {absolute((a.get("href") or "").strip(), url) for a in nav if a.tag == "a"}
    for a in links:
        href = _article_href(a, url)
        if href is None or href in seen:
            continue
        card = _card_of(a, href, url)
        if card is None or card in out or is_inside(card, taken) or \
                (out and is_inside(card, set(out))):
            continue
        if nav and (is_inside(card, set(nav)) or any(is_inside(n, {card}) for n in nav)):
            continue
        if not _between_prose(card, url) or in_chrome(card) or hidden(card) or \
                _in_ad(card) or _in_site_list(card):
            continue
        seen.add(href)
        out.append(card)
    return out


def _article_href(a, url: str) -> str | None:
    """The absolute URL of a link to another article of the site, by a headline text."""
    href = (a.get("href") or "").strip()
    if not linkable(href):
        return None
    text = squash(raw_text(a))
    head = next(a.iter(*HEADING_TAGS), None) if len(text) > _MAX_TITLE else None
    if head is not None:  # a link around a whole card: <a><h2>Headline</h2><p>Summary</p></a>
        text = squash(raw_text(head))
    if not text or len(text) > _MAX_TITLE or CALL_TO_ACTION.match(text) or \
            (word_count(text) < _MIN_WORDS and len(_CJK.findall(text)) < _MIN_CJK):
        return None
    href = absolute(href, url)
    path = urlsplit(href).path
    if non_article_path(path) or not _same_host(href, url) or same_page(href, url) or \
            section_of(href, url) or page_of_same_article(href, url):
        return None
    return href


def _same_host(href: str, url: str) -> bool:
    """Cards in the text lead to the site's own articles: other hosts of the same domain
    are its shop, newsletter, app or account pages ("abo.", "secure.", "company.")."""
    return bare_host(href) == bare_host(url)


def _card_of(a, href: str, url: str):
    """The largest element around the link that links only to `href` (its image link may
    add a fragment) and stays short."""
    target = urldefrag(href)[0]
    card = a
    for _ in range(_MAX_LEVELS):
        parent = card.getparent()
        if parent is None or parent.tag in _STOP or \
                len(squash(raw_text(parent))) > _MAX_CARD or _written_into(card, parent):
            break
        if any(_target(other, url) != target and not _kicker_link(other, url)
               for other in parent.iter("a") if linkable((other.get("href") or "").strip())):
            break
        card = parent
    if card.tag in _INLINE or card.tag in HEADING_TAGS and not _labelled(card, a):
        return None  # a link inside running text; the title of a card of a list
    if not _opens_card(card, a, whole=card.tag == "p" or card.tag in HEADING_TAGS, url=url):
        return None
    return card


def _labelled(line, a) -> bool:
    """Does a short label ending in a separator open the line before its link ("<h3>READ:
    <a>Headline</a></h3>")? Such a heading is a line of the text pointing to another article,
    not the title of a card."""
    text = squash(raw_text(line))
    link = squash(raw_text(a))
    label = text[:-len(link)].strip() if link and text.endswith(link) else ""
    return 0 < len(label) <= _MAX_LABEL and bool(_LABEL_END.search(label))


def _kicker_link(a, url: str) -> bool:
    """A card's kicker linking to a section, tag or topic page ("<a href=/digital-life>Digital
    Life</a>" above the headline): part of the card, no other article."""
    path = urlsplit(absolute((a.get("href") or "").strip(), url)).path
    return bool(_SECTION_PATH.match(path) or NON_ARTICLE_URL.search(path)) and \
        len(squash(raw_text(a))) <= _MAX_LABEL


def _target(a, url: str) -> str:
    return urldefrag(absolute((a.get("href") or "").strip(), url))[0]


def _opens_card(card, a, whole: bool, url: str | None = None) -> bool:
    """Does the link open the card, but for a short label before it ("MORE:")? A link in
    the middle of a sentence is running text. In a paragraph the link must also end it."""
    text = squash(raw_text(card))
    link = squash(raw_text(a))
    at = text.find(link)
    if at < 0 or (whole and at + len(link) != len(text)):
        return False
    label = text[:at].strip()
    if label and url is not None:  # the kicker link's text before the headline
        for other in card.iter("a"):
            kicker = squash(raw_text(other))
            if kicker and label == kicker and _kicker_link(other, url):
                return True
    if not whole and len(label) <= _MAX_LABEL and a.getparent() is not None and \
            a.getparent().tag in HEADING_TAGS:
        return True  # a kicker line above the card's headline (<span>Zum Anhören</span><h2><a>)
    return not label or (len(label) <= _MAX_LABEL and bool(_LABEL_END.search(label)))


def _is_card(el, url: str) -> bool:
    """Does the element open with a link to another article (a card with an excerpt)?"""
    for a in el.iter("a"):
        if _article_href(a, url) is not None and _opens_card(el, a, whole=False):
            return True
    return False


def _between_prose(card, url: str) -> bool:
    """Is the card next to prose, or is it one of a small group of cards of one kind whose
    wrapper is ("<p>…</p><div><article>card</article><article>card</article></div><p>")?"""
    if _prose_beside(card, url):
        return True
    group = card.getparent()
    if group is None or group.tag in _STOP:
        return False
    kids = [k for k in group if isinstance(k.tag, str)]
    return 2 <= len(kids) <= _MAX_RUN and all(_alike(k, card) for k in kids) and \
        _prose_beside(group, url)


def _prose_beside(card, url: str) -> bool:
    """Is the nearest element sibling before or after the card (or the wrappers that hold
    nothing else) a paragraph of prose?"""
    node, size = card, len(squash(raw_text(card)))
    for _ in range(_MAX_LEVELS):
        before, after = _neighbour(node, True), _neighbour(node, False)
        if before is not None or after is not None:
            break
        parent = node.getparent()
        if parent is None or parent.tag in _STOP:
            return False
        if len(squash(raw_text(parent))) > size:
            return _prose_around(node, parent)
        node = parent
    for sib, backwards in ((before, True), (after, False)):
        for _ in range(_MAX_RUN):  # cards in a row after a paragraph: look past their like
            if sib is None or not _alike(sib, node):
                break
            sib = _neighbour(sib, backwards)
        if backwards and _label_line(sib):  # "Mehr dazu lesen Sie in unserem Liveblog:"
            sib = _neighbour(sib, True)
        sib = _past_furniture(sib, backwards)
        if sib is None or _is_card(sib, url):
            continue  # an item of a grid or list beside its like
        text = squash(raw_text(sib))
        if len(text) < _MIN_PROSE:
            continue
        linked = sum(len(squash(raw_text(x))) for x in sib.iter("a"))
        if 4 * linked <= len(text):
            return True
    return False


def _written_into(card, parent) -> bool:
    """Is the box written into a paragraph with text of its own beside it? The paragraph is
    prose around the card, not a bigger card."""
    return parent.tag == "p" and card.tag not in _INLINE and \
        bool(own_text(parent))


def _prose_around(card, parent) -> bool:
    """Is the card a box written into a paragraph, its own text beside it ("<p>prose…
    <section class=teaser><a>card</a></section> …prose</p>": a CMS embed inside the <p>)?"""
    if parent.tag != "p" or card.tag in _INLINE:
        return False
    return len(own_text(parent)) >= _MIN_PROSE and \
        not any(k is not card and k.tag == "a" for k in parent)


def _past_furniture(sib, backwards: bool):
    """The paragraph beyond a picture, a caption or an ad slot between it and the card
    ("<p>prose</p><figure><img/><figcaption>…</figcaption></figure><div>card</div>"): up to
    `_MAX_FURNITURE` short siblings without a link of their own are looked past."""
    node = sib
    for _ in range(_MAX_FURNITURE):
        if node is None or next(node.iter("a"), None) is not None or \
                len(squash(raw_text(node))) >= _MIN_PROSE:
            return node
        node = _neighbour(node, backwards)
    return sib if node is None else node


def _label_line(el) -> bool:
    """A short line without a link of its own but for a word or two, ending in a colon:
    it introduces the card below it ("Mehr zur Lage lesen Sie in unserem Liveblog:")."""
    if el is None:
        return False
    text = squash(raw_text(el))
    linked = sum(len(squash(raw_text(a))) for a in el.iter("a"))
    return 0 < len(text) <= _MAX_INTRO and text.endswith((":", "：")) and 2 * linked < len(text)


def _alike(sib, node) -> bool:
    """The same kind of element as the card ("<teaserparagraph>" after "<teaserparagraph>")."""
    return sib.tag == node.tag and sib.get("class") == node.get("class") and \
        sib.tag not in ("p", "div", "li")


def _neighbour(el, before: bool):
    sib = el.getprevious() if before else el.getnext()
    while sib is not None and (not isinstance(sib.tag, str) or not raw_text(sib).strip()):
        sib = sib.getprevious() if before else sib.getnext()
    return sib


def _in_site_list(el) -> bool:
    """In a sidebar widget, a ranking ("widget-content popular-posts") or a comment thread:
    an item of a site-wide list beside a blurb or a comment, not a card in the article's
    text. A box named for related articles on the way up says otherwise: the body's own widgets
    ("article-widgets" > "article-widget-related_articles") hold the article's cards."""
    for level in range(_MAX_LEVELS + 1):
        if el is None or el.tag in STOP_TAGS:
            return False
        names = (el.get("class") or "").lower()
        if names and _COMMENTS.search(names):
            return True  # the thread, or the card climbed up to its box ("comments-area")
        if names and level and _SITE_LIST_CLASS.search(names):
            return True
        if names and class_kind(names) == "related":
            return False
        el = el.getparent()
    return False


def _in_ad(el) -> bool:
    for _ in range(3):
        if el is None or el.tag in STOP_TAGS:
            return False  # <article class="article-ad-marker">: the article itself
        if AD_CLASS.search(el.get("class") or ""):
            return True
        el = el.getparent()
    return False
