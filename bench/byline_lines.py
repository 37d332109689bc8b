"""A learned byline line (an experiment, not shipped: docs/metadata-annotation.md "Tried and
not shipped: a learned byline line (2026-12-05)"; `learned_authors` is what `read_metadata`
would call after its end-signature step). Where our readers leave a page without a person as
author (no author, or only the site's name or an organisation), the short line near the
headline or the text's end that a small logistic model scores as a byline names the writers.

The candidates are the page's rendered lines (block elements and `<br>` break them) of <= 100
characters from just above the `<h1>` to the first prose paragraph (at least 8 lines below the
h1) and around the end of the article text, which `cleaners/names.py` `split_names` turns into
1-3 names, one of them person-like. The features are general (position, length, capitals, a
byline label, an author link's URL shape, class words, a date on the line, menu / footer, the
site's name); `WEIGHTS` are fitted on the tune truth by `python -m bench.byline_learn`, which
prints them (chosen by leave-one-site-out cross-validation; docs/metadata-annotation.md
"Tried and not shipped").
"""
from __future__ import annotations

import math
import re
from urllib.parse import urlsplit

from cleaners.author_house import is_site, site_keys
from cleaners.author_links import host_names
from cleaners.bylines import BYLINE_LABEL
from cleaners.headline import headline
from cleaners.names import BYLINE_PREFIX, looks_like_person, split_names

# ---------------------------------------------------------------- lines of the page

_BLOCK = frozenset("p div li ul ol h1 h2 h3 h4 h5 h6 td th tr table dd dt dl section article "
                   "header footer nav aside main figure figcaption blockquote address form "
                   "br hr pre body center".split())
_SKIP = frozenset("script style noscript template svg select option button iframe".split())
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


class Line:
    __slots__ = ("text", "block", "links", "classes", "menu")

    def __init__(self, block, classes: str, menu: bool) -> None:
        self.text: list[str] | str = []
        self.block = block
        self.links: list = []  # the <a href> elements on the line
        self.classes = classes
        self.menu = menu


_MENU_CLASS = re.compile(r"(?i)\b(?:nav|menu|footer|sidebar|widget|breadcrumb)")


def page_lines(body) -> list[Line]:
    """The body's text as rendered lines, each with its block element, its links and the class
    / id words of the elements it sits in."""
    lines: list[Line] = []
    cur: list[Line | None] = [None]

    def new(block, classes: str, menu: bool) -> None:
        line = cur[0]
        if line.text and "".join(line.text).strip():
            lines.append(line)
            cur[0] = Line(block, classes, menu)
        else:  # (most blocks hold no text of their own: the empty line is reused)
            line.text, line.block, line.classes, line.menu = [], block, classes, menu
            line.links = []

    def walk(el, block, classes: str, menu: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:
            return
        cls, id_ = el.get("class"), el.get("id")
        own = f"{cls or ''} {id_ or ''}".strip() if cls or id_ else ""
        if own:
            classes = f"{classes} {own}"[-300:]
        menu = menu or tag in ("nav", "footer") or bool(own and _MENU_CLASS.search(own))
        is_block = tag in _BLOCK
        if is_block:
            new(el, classes, menu)
            block = el
        elif cur[0].block is not block:
            new(block, classes, menu)
        line = cur[0]
        if tag == "a" and el.get("href"):
            line.links.append(el)
        elif own and not is_block:
            line.classes = f"{line.classes} {own}"[-300:]
        if el.text:
            line.text.append(el.text)
        for child in el:
            walk(child, block, classes, menu)
            if child.tail:
                if cur[0].block is not block:
                    new(block, classes, menu)
                cur[0].text.append(child.tail)
        if is_block:
            new(block, classes, menu)

    cur[0] = Line(body, "", False)
    walk(body, body, "", False)
    new(body, "", False)
    for line in lines:
        line.text = " ".join("".join(line.text).split())
    return lines


# ---------------------------------------------------------------- candidates and features

_PROSE = 150  # a line this long is running text
_AUTHOR_URL = re.compile(r"(?i)/(?:author|autor|auteur|autore|authors|autoren|profile|profil|"
                         r"user|users|journalist|redakteur|writer|people|staff|team)s?/")
_CLASS_WORD = re.compile(r"(?i)author|autor|auteur|byline|credit|writer|signature|firma|"
                         r"redak|reporter|journalist|contributor|meta|info|source")
_DATE_LIKE = re.compile(r"\d{1,4}[./\-年]\s?\d{1,2}|\b(?:19|20)\d\d\b|\d{1,2}:\d\d")


def _zones(lines: list[Line], h1) -> list[tuple[int, str, int, int]]:
    """[(line index, zone, distance from the h1, distance from the text's end)]."""
    prose = [i for i, ln in enumerate(lines) if len(ln.text) >= _PROSE]
    if not prose:
        return []
    head = next((i for i, ln in enumerate(lines)
                 if h1 is not None and (ln.block is h1 or h1 in ln.block.iterancestors())),
                None)
    start = head if head is not None else prose[0]
    after = [i for i in prose if i > start] or prose
    first = after[0]
    # the article text: prose lines from the first one on, no gap of more than 15 lines
    last = first
    for i in after[1:]:
        if i - last > 15:
            break
        last = i
    out = []
    if head is not None:
        # from just above the h1 to the first prose line, at least 8 lines below the h1
        for i in range(max(0, head - 6), max(first, min(len(lines), head + 9))):
            if i != head:
                out.append((i, "head", i - head, last - i))
    for i in range(max(first, last - 3), min(len(lines), last + 9)):
        if i != head:
            out.append((i, "tail", i - (head if head is not None else first), i - last))
    return out


_SEGMENT = re.compile(r"\s*[|•·]\s*|\s[—–]\s")
# "Label: rest" with a short label of one to three words ("Redaktion:", "Texto:", "作者：")
_COLON_LABEL = re.compile(r"^([^\W\d_][^\W\d_ .-]*(?:[ .-][^\W\d_]+){0,2})\s*[:：]\s*(.+)$")


def _segments(text: str) -> list[tuple[str, str, str]]:
    """[(segment, label, rest)]: the line cut at its separators, each part's label before a
    colon apart ("" when none)."""
    out = []
    for seg in _SEGMENT.split(text):
        seg = seg.strip()
        if not seg:
            continue
        m = _COLON_LABEL.match(seg)
        out.append((seg, m.group(1), m.group(2)) if m else (seg, "", seg))
    return out


def _names(text: str) -> list[str]:
    """1-3 names that the splitter reads in `text`, at least one person-like; else []."""

    names = split_names(text)
    if not 1 <= len(names) <= 3:
        return []
    if not any(looks_like_person(n) or (_HAN.search(n) and 2 <= len(n) <= 4) for n in names):
        return []
    return names


FEATURES = ("bias", "zone_head", "zone_tail", "log_dist_h1", "log_dist_end", "length",
            "n_names", "name_share", "label", "other_label", "n_segments", "person_share",
            "name_linked", "author_url", "class_word", "date_on_line", "digits", "menu",
            "repeated", "site_name", "tag_p", "tag_li", "tag_heading", "tag_cell",
            "alone_in_block", "cjk", "caps_share", "sentence_end", "lower_words",
            "above_h1")


def candidates(root, url: str | None, keys: set[str]
               ) -> list[tuple[list[str], list[float], dict[str, str]]]:
    """[(names, features, {name: its link})] of the page's candidate lines (one per line: its
    first segment that names someone)."""

    body = root.find("body")
    if body is None:
        return []
    lines = page_lines(body)
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.text] = counts.get(ln.text, 0) + 1
    out = []
    for i, zone, d_h1, d_end in _zones(lines, headline(root)):
        ln = lines[i]
        text = ln.text
        if len(text) > 100:
            continue
        segs = _segments(text)
        found = next(((seg, label, names) for seg, label, rest in segs
                      if (names := _names(rest))), None)
        if found is None:
            continue
        seg, label, names = found
        words = text.split()
        name_chars = sum(len(n) for n in names)
        links = [(" ".join(a.text_content().split()), a.get("href")) for a in ln.links]
        linked = [h for t, h in links if any(n in t for n in names)]
        block_text = " ".join(ln.block.text_content().split())
        tag = ln.block.tag
        lower = sum(1 for w in words if w[:1].islower())
        known = bool(BYLINE_LABEL.match(seg) or BYLINE_PREFIX.match(seg)
                     or (label and BYLINE_LABEL.fullmatch(label + ":")))
        f = [1.0, zone == "head", zone == "tail", math.log1p(abs(d_h1)),
             math.log1p(abs(d_end)), len(text) / 100, len(names) / 3,
             min(1.0, name_chars / max(1, len(text))), known, bool(label) and not known,
             min(len(segs), 4) / 4,
             sum(looks_like_person(n) or bool(_HAN.search(n)) for n in names) / len(names),
             bool(linked), any(_AUTHOR_URL.search(urlsplit(h).path or "") for h in linked),
             bool(_CLASS_WORD.search(ln.classes)), bool(_DATE_LIKE.search(text)),
             sum(c.isdigit() for c in text) / max(1, len(text)), ln.menu, counts[text] > 1,
             any(is_site(n, keys) for n in names), tag == "p", tag == "li",
             tag in ("h2", "h3", "h4", "h5", "h6"), tag in ("td", "dd", "dt", "th"),
             block_text == text, bool(_HAN.search(text)),
             sum(1 for w in words if w[:1].isupper()) / max(1, len(words)),
             text.endswith((".", "!", "?", "。")) and len(words) > 3, lower / max(1, len(words)),
             d_h1 < 0]
        urls = {t: h for t, h in links if t in names}
        out.append((names, [float(x) for x in f], urls))
    return out


# ---------------------------------------------------------------- the gate

def site_keys_of(root, url: str | None) -> set[str]:

    names = {m.get("content", "").casefold() for m in root.iter("meta")
             if (m.get("property") or m.get("name") or "").lower() in ("og:site_name",
                                                                      "application-name")}
    return site_keys(names - {""}, host_names(url))


def weak(authors: list[str], keys: set[str], mode: str = "person") -> bool:
    """Whether our authors leave the page without a writer: none (mode "empty"), or only the
    site's name ("site"), or nobody who looks like a person ("person")."""

    if not authors:
        return True
    if mode == "empty":
        return False
    if mode == "site":
        return all(is_site(a, keys) for a in authors)
    return all(is_site(a, keys) or not (looks_like_person(a) or _HAN.search(a))
               for a in authors)


# ---------------------------------------------------------------- the model

# fitted on the 248 tune pages' 1,000 candidates by `python -m bench.byline_learn` (L2 1.0)
WEIGHTS = {
    "bias": -1.330, "zone_head": 0.250, "zone_tail": -0.250, "log_dist_h1": -0.823,
    "log_dist_end": -0.112, "length": -0.423, "n_names": -0.367, "name_share": -0.419,
    "label": 1.584, "other_label": -0.088, "n_segments": 0.461, "person_share": 0.506,
    "name_linked": 0.311, "author_url": 2.169, "class_word": 1.587, "date_on_line": 1.100,
    "digits": 0.382, "menu": -0.373, "repeated": 0.518, "site_name": 1.191,
    "tag_p": 0.749, "tag_li": -1.142, "tag_heading": -0.519, "tag_cell": 0.491,
    "alone_in_block": -0.248, "cjk": -1.183, "caps_share": 1.156, "sentence_end": -0.351,
    "lower_words": -0.033, "above_h1": -2.102,
}
THRESHOLD = 0.7  # the best candidate must score this (leave-one-site-out on tune)


def learned_authors(root, url: str | None, authors: list[str]) -> list[dict]:
    """The writers of the best-scoring byline line, when our authors name no person and a line
    scores over `THRESHOLD`; else []."""
    keys = site_keys_of(root, url)
    if not weak(authors, keys):
        return []
    best, best_score = None, THRESHOLD
    for names, feats, urls in candidates(root, url, keys):
        z = sum(WEIGHTS[n] * v for n, v in zip(FEATURES, feats, strict=True))
        score = 1 / (1 + math.exp(-z))
        if score >= best_score:
            best, best_score = (names, urls), score
    if best is None:
        return []
    names, urls = best
    return [{"name": n, "url": urls.get(n)} for n in names]
