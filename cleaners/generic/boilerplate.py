"""Boilerplate subtrees removed before the main text is looked for.

Signals, in order of trust: tags that never hold article text (nav, aside, footer, form
controls), hidden elements, then class/id vocabulary (share, comments, related, cookie...).
Marking is cheap and local; whether a marked element really is chrome is decided later, by
how much of the page's prose it holds (themes write "modal-enabled" or "widget" on the
content wrapper), see body.py.
"""
from __future__ import annotations

import re

# Tags never holding article text: skipped outright, wherever they are.
SKIP_TAGS = frozenset(
    "button select input textarea option label figcaption map canvas video audio picture "
    "datalist meter progress".split()
)
# Tags of page chrome: marked, but released when they hold most of the page's prose (some
# themes put the whole article in a <header> or <aside>). <header> inside an article holds
# the headline, kicker and byline, which are not body text.
CHROME_TAGS = frozenset("nav aside footer header dialog menu".split())

# Class/id vocabulary. Names are lowercased and "-"/"_" removed before matching, so one
# stem covers "read-more", "read_more" and "readMore".
# Stems matched anywhere in a name: rare inside names of content wrappers.
CHROME_STEMS = (
    "comment", "disqus", "sharing", "share", "social", "related", "sidebar", "newsletter",
    "subscri", "cookie", "consent", "gdpr", "breadcrumb", "advert", "sponsor", "promo",
    "outbrain", "taboola", "popup", "modal", "signup", "login", "footer", "masthead",
    "navbar", "navigation", "pagination", "pager", "byline", "caption", "toolbar", "paywall",
    "recommend", "trending", "mostpopular", "mostread", "readmore", "morestories",
    "authorbio", "aboutauthor", "skiplink", "jumplink", "screenreader", "sronly",
    "visuallyhidden", "offscreen", "postmeta", "entrymeta", "articlemeta", "dateline",
    "timestamp", "printonly", "hiddenprint", "reply", "replies", "respond", "kommentar",
    "comentario",
)
# Whole tokens only (class "nav" yes, "canvas" no); tokens split at spaces, "-" and "_".
# Not "hidden": Bootstrap's "hidden-xs" and Drupal's "field--label-hidden" mark content.
CHROME_TOKENS = frozenset(
    "nav menu menus ad ads adv tag tags meta bio aside widget rail credit credits "
    "header topbar banner skip print email tools utility utilities overlay breaking "
    "alert alerts dropdown submenu accordion search account author authors "
    "carousel slider slideshow lightbox".split()
)
# Names that say "this is the article": keep such an element even if a chrome word matched
# ("article-body has-sidebar", "entry-content-read-more").
CONTENT_STEMS = (
    "articlebody", "storybody", "postbody", "entrycontent", "postcontent", "articlecontent",
    "articletext", "maincontent", "bodytext", "fieldnamebody",
)
_CHROME_STEM = re.compile("|".join(CHROME_STEMS))  # plain alternation: ~1 us per name
_CONTENT_STEM = re.compile("|".join(CONTENT_STEMS))
_SEPARATORS = str.maketrans("-_", "  ")
_GLUE = str.maketrans("", "", "-_")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Never removed, whatever their class says.
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})

def attr_text(el) -> str:
    cls, eid = el.get("class"), el.get("id")
    if cls and eid:
        return f"{cls} {eid}"
    return cls or eid or ""


def is_hidden(el, keys) -> bool:
    if "hidden" in keys or "aria-hidden" in keys and el.get("aria-hidden") == "true":
        return True
    return "style" in keys and bool(_HIDDEN_STYLE.search(el.get("style")))


_verdicts: dict[str, bool] = {}  # class/id strings repeat across a page and a site


def chrome_name(attr: str) -> bool:
    """Do these class/id names say chrome? Cached: class strings repeat across pages."""
    verdict = _verdicts.get(attr)
    if verdict is None:
        low = attr.lower()
        glued = low.translate(_GLUE)
        verdict = bool(_CHROME_STEM.search(glued)
                       or not CHROME_TOKENS.isdisjoint(low.translate(_SEPARATORS).split())) \
            and not _CONTENT_STEM.search(glued)
        if len(_verdicts) > 100_000:
            _verdicts.clear()
        _verdicts[attr] = verdict
    return verdict


def is_boilerplate(el) -> bool:
    """True when tag, visibility or class/id names mark the element as page chrome."""
    tag = el.tag
    if tag in CHROME_TAGS:
        return True
    keys = el.keys()  # one call; most elements have no attribute worth reading
    if not keys:
        return False
    if is_hidden(el, keys):
        return True
    if tag in _KEEP_TAGS:
        return False
    attr = attr_text(el)
    return bool(attr) and chrome_name(attr)
