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

# Class/id words, matched anywhere in the lowercased attribute: rare inside content names.
_STRONG = (
    r"comment|disqus|sharing|share(?:bar|tools|-?buttons|this|daddy|box|-icons)?|social"
    r"|related|sidebar|newsletter|subscri|cookie|consent|gdpr|breadcrumb|advert|sponsor"
    r"|promo|outbrain|taboola|popup|modal|signup|sign-up|login|footer|masthead|navbar"
    r"|navigation|pagination|pager|byline|caption|toolbar|paywall|recommend|trending"
    r"|most-?popular|most-?read|read-?more|readmore|more-?stories|author-?bio|about-?author"
    r"|skip-?link|jump-?link|screen-?reader|sr-only|visually-?hidden|offscreen|off-screen"
    r"|post-?meta|entry-?meta|article-?meta|dateline|timestamp|print-?only|hidden-print"
)
# Whole tokens only (class "nav" yes, "canvas" no).
_TOKENS = (
    r"nav|menu|menus|ad|ads|adv|tag|tags|meta|bio|aside|widget|hidden|hide|rail|credit|credits"
    r"|header|top-bar|topbar|banner|skip|print|email|tools|utility|utilities|overlay"
    r"|breaking|ticker|alert|alerts|dropdown|submenu|accordion|search|login|account|share"
)
BOILERPLATE_ATTR = re.compile(
    rf"(?:{_STRONG})|(?:^|[\s_-])(?:{_TOKENS})(?:$|[\s_-])", re.IGNORECASE
)
# Names that say "this is the article": keep such an element even if a bad word matched
# ("article-body has-sidebar", "entry-content-read-more").
CONTENT_ATTR = re.compile(
    r"article-?body|articlebody|story-?body|post-?body|entry-?content|post-?content"
    r"|article-?content|article-?text|main-?content|body-?text|field-?name-?body",
    re.IGNORECASE,
)
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
    """Do these class/id names say chrome? Cached: the regex is the hot spot."""
    verdict = _verdicts.get(attr)
    if verdict is None:
        verdict = bool(BOILERPLATE_ATTR.search(attr)) and not CONTENT_ATTR.search(attr)
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
