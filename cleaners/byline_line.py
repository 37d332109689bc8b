"""A learned byline line: where our readers leave a page without a writer (no author, only the
site's name, or only organisations of several words; a one-word pen name is a writer), the
short line near the headline or the end of the article text that a small logistic model scores
as a byline names the writers (docs/metadata-annotation.md "A learned byline line, shipped").
Called by cleaners/metadata.py after its end-signature step.

The lines are those of the headline's and the text's containers (cleaners/byline_zones.py).
The candidates are lines of <= 100 characters from just above the h1 to the first prose line
and around the text's end that `cleaners/names.py` `split_names` turns into 1-3 capitalised
names, one of them person-like, and that show a byline's mark (a byline label, a byline's class
word, a link to an author's page); interface words ("Log In", "Social Media") and photo
credits or source lines are none. The features are general (position, length, capitals, the
label, an author link's URL shape, class words, a date on the line, the site's name);
`WEIGHTS` are fitted on the tune truth by `python -m bench.byline_learn` (L2 and threshold
chosen by leave-one-site-out), which prints the table.
"""
from __future__ import annotations

import math
import re
from urllib.parse import urlsplit

from .author_house import is_site, name_key
from .byline_zones import AUTHOR_URL, Line, line_zones, zone_lines, zone_roots
from .byline_zones import HAN as _HAN
from .bylines import BYLINE_LABEL
from .headline import headline, in_teaser_card
from .names import BYLINE_PREFIX, looks_like_person, split_names

# ---------------------------------------------------------------- candidates and features

_CLASS_WORD = re.compile(r"(?i)author|autor|auteur|byline|credit|writer|signature|firma|"
                         r"redak|reporter|journalist|contributor|meta|info|source")
_DATE_LIKE = re.compile(r"\d{1,4}[./\-年]\s?\d{1,2}|\b(?:19|20)\d\d\b|\d{1,2}:\d\d")


_SEGMENT = re.compile(r"\s*[|•·]\s*|\s[—–]\s")
# "Label: rest" with a short label of one to three words ("Redaktion:", "Texto:", "作者：")
_COLON_LABEL = re.compile(r"^([^\W\d_][^\W\d_ .-]*(?:[ .-][^\W\d_]+){0,2})\s*[:：]\s*(.+)$")
# a line that is a photo credit or a source, not a byline: the credit words of
# `cleaners/names.py` NOT_NAME and `_CREDIT`, stock-photo agencies, a copyright sign
_CREDIT_LINE = re.compile(
    r"(?i)©|\(c\)|\b(?:fotos?|photos?|photograph\w*|bild(?:er)?|image[sn]?|pictures?|"
    r"фото|getty|shutterstock|istock\w*|unsplash|pixabay|pexels|fotolia|adobe\s?stock|"
    r"depositphotos|dreamstime|123rf|imago|picture[- ]alliance|keystone|credits?|crédits?|"
    r"illustrat\w*|cortes[ií]a|courtesy)\b|^(?:quelle|source|fuente|fonte|źródło|"
    r"источник|(?:文章)?(?:来源|來源|出处|出處))\s*[:：]")
# interface words: a login link, a menu's or a sharing bar's entries, a "read more" link read
# as a name ("Log In", "Social Media", "Sign Up", "Leia Mais", "Verfolgen Sie Nachrichten")
_UI_WORDS = frozenset("""
log login logout sign signin signup register registrieren anmelden abmelden einloggen
subscribe abonnieren abonnez suscríbete newsletter social share teilen partager compartir
follow folgen suivre seguir menu menü home startseite accueil inicio search suche recherche
buscar contact kontakt contacto impressum imprint datenschutz privacy cookie cookies
account konto cart warenkorb panier shop download print drucken comments kommentare
commentaires comentarios reply antworten feedback facebook twitter instagram linkedin
whatsapp pinterest youtube tiktok telegram xing rss podcast podcasts newsletters
leia lesen weiterlesen verfolgen alles
""".split())
_WORD_SPLIT = re.compile(r"[\W_]+")
# the same in Chinese, which no space splits: "作者专栏" (the authors' columns), "登录", "分享"
_UI_HAN = re.compile(r"专栏|專欄|登录|登錄|注册|註冊|首页|首頁|分享|评论|評論|订阅|訂閱|"
                     r"更多|返回|打印|关闭|關閉|收藏")
_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])")


def _not_byline(seg: str) -> bool:
    """A photo credit or interface words, whatever names it seems to hold (the line's part
    that names someone, up to a " / ": "Jane Roe / 22.04.2020 / Foto: …" is a byline)."""
    text = seg.split(" / ")[0]
    if _CREDIT_LINE.search(text):
        return True
    if _UI_HAN.search(text):
        return True
    # (a control's word glued to a name: "Jane RoeFollow")
    return any(w in _UI_WORDS for w in _WORD_SPLIT.split(_GLUED.sub(" ", text).casefold()))


def _segments(text: str, separators: re.Pattern = _SEGMENT) -> list[tuple[str, str, str]]:
    """[(segment, label, rest)]: the line cut at its separators, each part's label before a
    colon apart ("" when none)."""
    out = []
    for seg in separators.split(text):
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
    if any(n[:1].islower() for n in names):  # a byline capitalises every name
        return []
    return names


FEATURES = ("bias", "zone_head", "zone_tail", "log_dist_h1", "log_dist_end", "length",
            "n_names", "name_share", "label", "other_label", "n_segments", "person_share",
            "name_linked", "author_url", "class_word", "date_on_line", "digits", "menu",
            "repeated", "site_name", "tag_p", "tag_li", "tag_heading", "tag_cell",
            "alone_in_block", "cjk", "caps_share", "sentence_end", "lower_words",
            "above_h1", "linked_elsewhere")
_LABEL, _AUTHOR_LINK = FEATURES.index("label"), FEATURES.index("author_url")


# a byline's own class words (stricter than `_CLASS_WORD`: no "meta", "info", "credit")
_BYLINE_CLASS = re.compile(r"(?i)author|autor|auteur|byline|writer|reporter|journalist|"
                           r"contributor|redak|signature|verfasser")


def candidates(root, keys: set[str]) -> list[tuple[list[str], list[float], dict[str, str]]]:
    """[(names, features, {name: its link})] of the page's candidate lines (one per line: its
    first segment that names someone) that show a byline's mark: a byline label, a byline's
    class word or a link to an author's page (without one, on the pages our readers leave
    without a writer, a line of capitalised words is a menu entry, an infobox's value or a
    wiki's place far more often than a byline: the unannotated tune pool)."""
    body = root.find("body")
    if body is None:
        return []
    h1 = headline(root)
    roots = zone_roots(body, h1)
    if not _zones_marked(roots):
        return []
    lines = zone_lines(roots)
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.text] = counts.get(ln.text, 0) + 1
    out = []
    for i, zone, d_h1, d_end in line_zones(lines, h1):
        ln = lines[i]
        text = ln.text
        if len(text) > 100:
            continue
        segs = _segments(text)
        if not _may_be_marked(ln, segs):
            continue  # (the mark test below, before the costlier name reading)
        found = next(((seg, label, names) for seg, label, rest in segs
                      if (names := _names(rest))), None)
        if found is None or _not_byline(found[0]) or in_teaser_card(ln.block, h1):
            continue  # (a teaser card's byline is another story's, as for the byline readers)
        seg, label, names = found
        links = _links(ln)
        f = _features(ln, text, segs, seg, label, names, links, zone, d_h1, d_end,
                      counts[text] > 1, keys)
        if not (f[_LABEL] or f[_AUTHOR_LINK] or _BYLINE_CLASS.search(ln.classes)):
            continue
        out.append((names, f, {t: h for t, h in links if t in names}))
    return out


def _known_label(seg: str, label: str) -> bool:
    return bool(BYLINE_LABEL.match(seg) or BYLINE_PREFIX.match(seg)
                or (label and BYLINE_LABEL.fullmatch(label + ":")))


def _may_be_marked(ln: Line, segs: list) -> bool:
    """Whether any part of the line could show a byline's mark (`candidates`' test, which
    looks only at the part that names someone and at links on its names): most lines of a
    page without a byline fail here, before their names are read."""
    return bool(_BYLINE_CLASS.search(ln.classes)
                or any(AUTHOR_URL.search(a.get("href") or "") for a in ln.links)
                or any(_known_label(seg, label) for seg, label, _rest in segs))


# a line's part may start right after one of these (`_SEGMENT`'s separators, spaces aside)
_ANY_SEPARATOR = re.compile(r"[|•·—–]")


def _zones_marked(roots: list) -> bool:
    """Whether the zones hold any byline mark at all: a byline class or id, a link to an
    author's page, or a text node starting (or going on after a separator) with a byline
    label. Every part of a line starts a text node or follows a separator, so a page this
    says no to has no candidate; on a page without any byline it spares the line walk."""
    for root in roots:
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            if _BYLINE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
                return True
            if el.tag == "a" and AUTHOR_URL.search(el.get("href") or ""):
                return True
        for text in root.itertext():
            segs = _segments(" ".join(text.split()), _ANY_SEPARATOR)
            if any(_known_label(seg, label) for seg, label, _rest in segs):
                return True
    return False


def _links(ln: Line) -> list[tuple[str, str]]:
    return [(" ".join(a.text_content().split()), a.get("href")) for a in ln.links]


def _features(ln: Line, text: str, segs: list, seg: str, label: str, names: list[str],
              links: list[tuple[str, str]], zone: str, d_h1: int, d_end: int, repeated: bool,
              keys: set[str]) -> list[float]:
    words = text.split()
    name_chars = sum(len(n) for n in names)
    linked = [h for t, h in links if any(n in t for n in names)]
    author_link = any(AUTHOR_URL.search(urlsplit(h).path or "") for h in linked)
    block_text = " ".join(ln.block.text_content().split())
    tag = ln.block.tag
    lower = sum(1 for w in words if w[:1].islower())
    known = _known_label(seg, label)
    f = [1.0, zone == "head", zone == "tail", math.log1p(abs(d_h1)),
         math.log1p(abs(d_end)), len(text) / 100, len(names) / 3,
         min(1.0, name_chars / max(1, len(text))), known, bool(label) and not known,
         min(len(segs), 4) / 4,
         sum(looks_like_person(n) or bool(_HAN.search(n)) for n in names) / len(names),
         bool(linked), author_link,
         bool(_CLASS_WORD.search(ln.classes)), bool(_DATE_LIKE.search(text)),
         sum(c.isdigit() for c in text) / max(1, len(text)), ln.menu, repeated,
         any(is_site(n, keys) for n in names), tag == "p", tag == "li",
         tag in ("h2", "h3", "h4", "h5", "h6"), tag in ("td", "dd", "dt", "th"),
         block_text == text, bool(_HAN.search(text)),
         sum(1 for w in words if w[:1].isupper()) / max(1, len(words)),
         text.endswith((".", "!", "?", "。")) and len(words) > 3, lower / max(1, len(words)),
         d_h1 < 0,
         # a name linked to a page that is no author's (a wiki's place, a game's menu entry)
         bool(linked) and not author_link]
    return [float(x) for x in f]


# ---------------------------------------------------------------- the gate

def weak(authors: list[str], keys: set[str], mode: str = "named") -> bool:
    """Whether our authors leave the page without a writer: none ("empty"), only the site's
    name ("site"), nobody who looks like a person ("person"), or nobody but the site and
    organisations of several words ("named": a one-word pen name is a writer's name)."""
    if not authors:
        return True
    if mode == "empty":
        return False
    if mode == "site":
        return all(is_site(a, keys) for a in authors)
    if mode == "person":
        return all(is_site(a, keys) or not (looks_like_person(a) or _HAN.search(a))
                   for a in authors)
    return all(is_site(a, keys) or not (looks_like_person(a) or _HAN.search(a)
                                        or len(a.split()) == 1) for a in authors)


# ---------------------------------------------------------------- the model

# fitted on the tune pages' candidates by `python -m bench.byline_learn` (which prints this
# table), L2 and the threshold chosen by leave-one-site-out cross-validation on tune
WEIGHTS = {
    "bias": 2.187, "zone_head": 0.048, "zone_tail": -0.048, "log_dist_h1": -0.287,
    "log_dist_end": 0.159, "length": -0.044, "n_names": -0.210, "name_share": -0.337,
    "label": 0.194, "other_label": 0.125, "n_segments": 0.060, "person_share": 0.185,
    "name_linked": 0.176, "author_url": 0.670, "class_word": -0.547, "date_on_line": 0.081,
    "digits": 0.035, "menu": -0.364, "repeated": 0.256, "site_name": 0.025,
    "tag_p": -0.169, "tag_li": 0.083, "tag_heading": 0.003, "tag_cell": 0.042,
    "alone_in_block": -0.021, "cjk": -0.275, "caps_share": 0.164, "sentence_end": -0.198,
    "lower_words": -0.018, "above_h1": 0.046, "linked_elsewhere": -0.493,
}
THRESHOLD = 0.5  # the best candidate must score this
GATE = "named"  # which author lists the model may replace (`weak`)


def score(features: list[float]) -> float:
    z = sum(WEIGHTS[n] * v for n, v in zip(FEATURES, features, strict=True))
    return 1 / (1 + math.exp(-z))


def best_line(root, authors: list[str], keys: set[str]
              ) -> tuple[list[str], dict[str, str], float] | None:
    """(names, their links, score) of the best-scoring candidate line when our authors name no
    writer (`weak`), else None. keys: the site's names as `is_site` keys (`read_metadata`'s,
    from og:site_name, application-name and the domain)."""
    if not weak(authors, keys, GATE):
        return None
    best = None
    for names, feats, urls in candidates(root, keys):
        s = score(feats)
        if best is None or s > best[2]:
            best = (names, urls, s)
    return best


def learned_authors(root, authors: list[str], keys: set[str]) -> list[dict]:
    """The writers of the best-scoring byline line, when our authors name no writer (`weak`)
    and a line scores over `THRESHOLD`; else [] (also when it names the authors we have)."""
    best = best_line(root, authors, keys)
    if best is None or best[2] < THRESHOLD:
        return []
    names, urls, _s = best
    if {name_key(n) for n in names} == {name_key(a) for a in authors}:
        return []
    return [{"name": n, "url": urls.get(n)} for n in names]
