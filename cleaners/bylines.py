"""Visible bylines: a labelled byline line ("Von: A, B", "By Jane Roe", "Autor/in: X", read by
cleaners/health_meta.py's pass over the page's texts) and byline elements (rel=author,
itemprop=author, class*=author|byline, an author-page link) with the date printed on their line.
"""
from __future__ import annotations

import re

from lxml import etree

from .dates import parse_date
from .headline import headline, in_teaser_card
from .names import BY_PHRASE, looks_like_person, split_names
from .page_scans import from_headline
from .text import clean_inline, first_line

# A byline label at the start of a small element: "Von:", "By", "Par", "Autor/in:", "โดย"
# (Thai has no capitals: a Thai consonant after the label stands in for one).
BYLINE_LABEL = re.compile(
    rf"^(?i:{BY_PHRASE}|by|von|par|por|escribe|autor(?:in|/in|en|a|e)?|authors?|auteur(?:es|e|s)?|"
    r"text(?: und (?:fotos?|interview))?|interview|"
    r"автор(?:ы)?|作者|(?:เขียน)?โดย)"
    r"(?:\s*[:：]\s*|\s+(?=[A-ZÀ-ÖØ-ÞА-Я\u0e01-\u0e2e])|\s*$)")
# (td and font: table-layout portals print "时间：… 作者：…" in a cell; dt: a metadata box as a
# definition list, "<dt>Auteur</dt><dd>Name</dd>")
BYLINE_TAGS = {"span", "p", "div", "li", "strong", "b", "em", "i", "address", "small", "dt", "dd",
               "td", "font"}
# Byline elements: rel / itemprop / class, an agency feed's <byline> element, or a link to
# an author page ("/autor/frank_g");
# not inside a comment (readers' letters: "leserbrief", "kommentar"), a bio or a teaser, nor
# in the page's own <footer> (one outside any <article> / <main>): it credits the site, its
# theme's maker ("Theme: <a class=theme-author>…</a>") or the publisher, not this article's
# writer; an article's <footer> may hold its byline.
_AUTHOR_WORDS = ("author", "authors", "autor", "autoren", "auteur", "autore")
# (every word starts with "aut": the one "/aut" test turns most links away before the six;
# the same below for class names. The XPath runs on every element of every page: a quarter
# less time, the same elements, on 1,835 demo and pool pages)
_AUTHOR_HREF = 'contains(@href,"/aut") and (' + \
    " or ".join(f'contains(@href,"/{w}/")' for w in _AUTHOR_WORDS) + ")"
# the class in either case ("author", "Author": "liveArticleAuthorDateBlock"; two contains()
# tests are cheaper than a translate() on every element, and they run only on elements with a
# class: the XPath costs what it did with one spelling); a button or a follow control
# ("followAuthorBtn", "author-follow") is not a byline
_CLASS_WORDS = ("author", "Author", "autor", "Autor")
_CLASS = '(contains(@class,"aut") or contains(@class,"Aut")) and (' + \
    " or ".join(f'contains(@class,"{w}")' for w in _CLASS_WORDS) + ")"
_BYLINE_PRED = (
    '[@rel="author" or @itemprop="author" or self::byline or '
    f'(@class and (contains(@class,"byline") or {_CLASS})) or (@href and ({_AUTHOR_HREF}))]'
    '[not(self::button or contains(@class,"follow") or contains(@class,"Follow"))]'
    '[not(ancestor-or-self::*['
    'contains(@class,"comment") or contains(@class,"affiliation") or contains(@class,"avatar")'
    ' or contains(@class,"bio")'
    ' or contains(@class,"leserbrief") or contains(@class,"kommentar")])]'
    '[not(ancestor::footer[not(ancestor::article or ancestor::main)])]')
_BYLINE_ALL = etree.XPath("//*" + _BYLINE_PRED, smart_strings=False)
_RELATED_ANCESTOR = etree.XPath('ancestor-or-self::*[contains(@class,"related")]/@class',
                                smart_strings=False)
# a class token naming related stories ("related-posts", "relatedArticles"); a script hook's
# token ("js-…-related-…") styles nothing and names no block
_RELATED_TOKEN = re.compile(r"(?:^|\s)(?!js-)\S*related")


def _byline_elements(root) -> list:
    """Byline elements (`_BYLINE_PRED`) outside a block of related stories."""
    return [el for el in _BYLINE_ALL(root)
            if not any(_RELATED_TOKEN.search(c) for c in _RELATED_ANCESTOR(el))]
_MAX_BYLINE_NAMES = 8  # sibling author elements beyond this are a list of staff, not a byline


# a label standing alone before the name's element: a "by" word in any case ("von <a>…"), a
# noun with a colon ("Text:", "author:"), capitalised ("<dt>Auteur</dt><dd>…", a credits
# box's "Interview") or not in Latin letters ("作者"); not a tab or a word in running text
# ("<li>Text</li><li>Video</li>", "<b>author</b>, release date")
_BY_WORD = re.compile(r"(?i:by|von|par|por)")


def alone_label(text: str) -> bool:
    text = text.strip()
    if not BYLINE_LABEL.fullmatch(text):
        return False
    word = text.rstrip(" :：")
    return text.endswith((":", "：")) or bool(_BY_WORD.fullmatch(word)) or not word.isascii() \
        or (word[:1].isupper() and word.casefold() != "text")


# a line with a question after a by-word is a title or a teaser ("Von Viren und Menschen?", a
# menu's "Wer schreibt für …?"), and a name with a colon a title's part ("Von Kopf bis Fuß:
# …"); a structured or classed "Verein: …" is not read here
_QUESTION = re.compile(r"[?¿]")


def label_byline(el, text: str) -> list[dict]:
    """'Von: <a>A</a>, <a>B</a>' / 'By Jane Roe' / 'Autor/in: X' in one small element."""
    full = clean_inline(first_line(el))
    if len(full) > 100:
        return []
    links = [a for a in el.iter("a") if clean_inline(a.text_content())]
    names = split_names(full)
    alone = not names and alone_label(text)
    tail = clean_inline(el.tail or "") if alone else ""
    if tail:  # "<span>Autor:</span> Name<br>": the name in the label's tail, before the <br>
        names = split_names(tail) if len(tail) < 100 else []
    elif alone and el.getnext() is not None:
        nxt = el.getnext()
        if nxt.tag == "a":  # "<b>Por: </b><a>A</a>, <a>B</a> y <a>C</a>": each linked name
            links = _linked_run(nxt)
            names = [n for a in links for n in split_names(clean_inline(a.text_content()))]
        else:
            names = split_names(clean_inline(nxt.text_content())) if len(
                clean_inline(nxt.text_content())) < 100 else []
            links = list(nxt.iter("a"))
    urls = {clean_inline(a.text_content()): a.get("href") for a in links}
    if _QUESTION.search(full):
        return []
    return [{"name": n, "url": urls.get(n)} for n in names
            if ":" not in n and not _QUESTION.search(n)]


# what joins two linked names in a byline: a comma or "and" in its languages, nothing else
_JOINER = re.compile(r"\s*(?:[,;&、，]|(?i:and|und|et|y|e|и|og|och))\s*")


def _only_links(text: str, link_texts: list[str]) -> bool:
    """Whether an element's text is its links' texts and nothing but joiners between them."""
    for link_text in link_texts:
        text = text.replace(link_text, " ", 1)
    return all(_JOINER.fullmatch(w) for w in text.split())


def _linked_run(first) -> list:
    """The link after a byline label and the sibling links joined to it by a comma or "and"
    (at most 8: more is a list of staff)."""
    run = [first]
    node = first
    while len(run) < _MAX_BYLINE_NAMES and node.tail and _JOINER.fullmatch(node.tail):
        node = node.getnext()
        if node is None or node.tag != "a":
            break
        run.append(node)
    return run


# an author box around a labelled byline: the label's element or one of its 3 ancestors
_AUTHOR_BOX = etree.XPath('ancestor-or-self::*[position() <= 4][contains(@class,"author") or '
                          'contains(@class,"autor") or contains(@class,"contributor")]',
                          smart_strings=False)


def in_author_box(el) -> bool:
    return el is not None and bool(_AUTHOR_BOX(el))


_LINK_ABOVE = etree.XPath("ancestor::a[@href][1]/@href", smart_strings=False)
_AUTHOR_PAGE = re.compile("/(?:" + "|".join(_AUTHOR_WORDS) + ")/")


def _in_story_link(el) -> bool:
    """Inside a link to another page that is no author page: a card whose whole box links a
    story ("<a href=/story><h4>…</h4><span class=item__author>…</span></a>")."""
    href = _LINK_ABOVE(el)
    return bool(href) and not _AUTHOR_PAGE.search(href[0])


def visible_bylines(root) -> list[dict]:
    """Bylines from rel=author / itemprop=author / class*=author|byline elements: the first
    one that names someone, plus its siblings of the same kind ("<a rel=author>A</a> and
    <a rel=author>B</a>": one element per author)."""
    found: list[dict] = []
    first = None
    head = headline(root)
    for el in from_headline(root, _byline_elements):
        if el.tag in ("meta", "link", "script", "body", "html", "article", "main"):
            continue
        if first is not None and (el.getparent() is not first.getparent() or el is first):
            continue
        people = _byline_people(el)
        if people and (in_teaser_card(el, head) or _in_story_link(el)):
            continue
        if first is None and people:
            first, found = el, people
        elif first is not None:
            found += [p for p in people if p["name"] not in {f["name"] for f in found}]
    if len(found) > _MAX_BYLINE_NAMES:  # a list of staff beside the first byline
        return _byline_people(first)
    return found


# a paragraph that is only a bold name, after a paragraph of text: the writer signs the end
_SIGNATURE = etree.XPath("//p[count(*) = 1][strong or b][string-length(normalize-space()) <= 40]"
                         "[preceding-sibling::p[1][string-length(normalize-space()) > 120]]",
                         smart_strings=False)


def end_signature(root) -> list[dict]:
    """The writer's name signing the end of the text ("<p><strong>Ann Lee</strong></p>" after
    the last paragraph), or []."""
    found = _SIGNATURE(root)
    if not found or _IN_CARD(found[-1]):
        return []
    text = clean_inline(found[-1].text_content())
    return [{"name": text, "url": None}] if looks_like_person(text) else []


_IN_CARD = etree.XPath('ancestor-or-self::*[contains(@class,"comment") or '
                       'contains(@class,"teaser") or contains(@class,"related")]',
                       smart_strings=False)


def byline_date(root) -> str | None:
    """A date printed on the byline's own line, after the author's name: "<a href=/autor/…>
    Name</a> / 22.04.2020 / 06:15", "VON <a>NAME</a> am 21. April 2020", "<a>Name</a>, 21. Jan.
    2015" (the first byline element after the headline that names someone: its own text, its
    tail, else its parent's, each at most 100 characters)."""
    head = headline(root)
    for el in from_headline(root, _byline_elements)[:6]:
        if el.tag in ("meta", "link", "script", "body", "html", "article", "main") \
                or not _byline_people(el) or in_teaser_card(el, head):
            continue
        parent = el.getparent()
        for text in (el.text_content(), el.tail or "",
                     parent.text_content() if parent is not None else ""):
            line = clean_inline(text)
            found = parse_date(line) if line and len(line) <= 100 else None
            if found:
                return found
        return None
    return None


def _byline_people(el) -> list[dict]:
    text = clean_inline(el.text_content())
    if not text or len(text) > 120:
        return []
    links = [(a, t) for a in el.iter("a") if (t := clean_inline(a.text_content()))]
    if len(links) == 1 and el.tag != "a":  # "<a>Name</a> Chefredakteur": the link names
        text = links[0][1]
    elif 1 < len(links) <= _MAX_BYLINE_NAMES and _only_links(text, [t for _, t in links]):
        # one link per writer side by side ("<div class=bylines><a>A</a><a>B</a></div>"):
        # the element's text glues the names together, each link holds one
        return [{"name": n, "url": a.get("href")} for a, t in links for n in split_names(t)]
    names = split_names(text)
    link = el if el.tag == "a" else next(el.iter("a"), None)
    url = link.get("href") if link is not None and len(names) == 1 else None
    return [{"name": n, "url": url} for n in names]


