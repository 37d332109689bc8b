"""Boilerplate subtrees removed before the main text is looked for.

Signals, in order of trust: tags that never hold article text (nav, aside, footer, form
controls), hidden elements (but for the hidden steps of a slideshow, tabs or accordion
beside a shown one), then class/id vocabulary (share, comments, related, cookie...).
Marking is cheap and local; whether a marked element really is chrome is decided later, by
how much of the page's prose it holds (themes write "modal-enabled" or "widget" on the
content wrapper), see body.py.
"""
from __future__ import annotations

import re
from itertools import islice

# Tags never holding article text: skipped outright, wherever they are. <rt> and <rp> are
# ruby annotations (the reading printed above Japanese kanji): read inline they would
# repeat every annotated word.
SKIP_TAGS = frozenset(
    "button select input textarea option label figcaption map canvas video audio picture "
    "datalist meter progress rt rp".split()
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
    "navbar", "navigation", "pagination", "pager", "byline", "caption", "toolbar",
    "recommend", "trending", "mostpopular", "mostread", "morestories",
    "authorbio", "aboutauthor", "skiplink", "jumplink", "screenreader", "sronly",
    "visuallyhidden", "offscreen", "postmeta", "entrymeta", "articlemeta", "dateline",
    "timestamp", "printonly", "hiddenprint", "reply", "replies", "respond", "kommentar",
    "comentario",
)
# Whole tokens only (class "nav" yes, "canvas" no); tokens split at spaces, "-" and "_".
# "legend": a picture's or a chart's caption, as "caption" is. "button", "btn": a link set
# as a button (a call to action between paragraphs, "Sign up »"), never a sentence of text.
# "disclosure": an advertiser's or an affiliate disclosure above or below the text ("We may
# receive compensation..."), not the article.
# Not "hidden": Bootstrap's "hidden-xs" and Drupal's "field--label-hidden" mark content.
CHROME_TOKENS = frozenset(
    "nav menu menus ad ads adv tag tags meta bio aside widget rail credit credits "
    "header topbar banner skip print email tools utility utilities overlay breaking "
    "alert alerts dropdown submenu search account author authors "
    "carousel slider slideshow lightbox legend button btn disclosure".split()
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
# WordPress's post_class() names the post's taxonomy values ("tag-winter",
# "category-slider", "format-standard"): values, not roles, so they are not read as words
# when the element carries the post markers ("hentry", "type-post", "post-123").
_POST_MARKER = re.compile(r"(?<![\w-])(?:hentry|type-\w+|post-\d+)(?![\w-])")
_TAXONOMY_CLASS = re.compile(r"(?<!\S)(?:tag|category|format|status|product_(?:cat|tag))-\S*")
# A class token of many dashed parts is a slug ("product-name--happy-coffee-sidamo-bio"),
# not a list of roles: its parts are not read as separate words.
_SLUG_PARTS = 5
# Nor is a token that sets an alignment ("header-content-align-left", "has-text-align-center",
# "block-alignment-left"): a block editor's layout setting names the parts it places,
# which are not the element's role.
_SETTING_PARTS = frozenset("align aligned alignment justify justified justification".split())
# A page builder's name for every box it places, whatever the box holds: Elementor calls
# each one a widget ("elementor-widget-wrap", "elementor-widget-text-editor"), so the word
# names no role there; the parts after it still do ("elementor-widget-nav-menu").
_BUILDER_BOX = ["elementor", "widget"]
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Class tokens that only say whether a step of a slideshow or tabs is shown, and how many
# children of a box are read for its shown steps (the first is, mostly).
_STATE_TOKENS = frozenset(
    "hidden hide active show shown visible open current selected in is-active is-hidden "
    "is-open is-visible d-none d-block collapse collapsed".split()
)
_MAX_STEPS = 100

# A heading's id holding this many words of its own text is an anchor (a slug of the text)
_ANCHOR_WORDS = 2
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_WORD = re.compile(r"\w+")

# Never removed, whatever their class says.
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})

def attr_text(el) -> str:
    cls, eid = el.get("class"), el.get("id")
    if cls and eid:
        return f"{cls} {eid}"
    return cls or eid or ""


def is_hidden(el, keys) -> bool:
    if "aria-hidden" in keys and el.get("aria-hidden") == "true":
        return True
    if "hidden" in keys or "style" in keys and _HIDDEN_STYLE.search(el.get("style")):
        return not _shown_in_turn(el)
    return False


def _shown_in_turn(el) -> bool:
    """Is el one step of a slideshow, tabs or accordion whose other step is shown: a
    sibling of the same tag and class, not hidden ("gallery-section" shown, "gallery-section
    hidden" with display:none)? Script shows such steps one at a time; a reader reaches each,
    so they are text, not hidden chrome."""
    base = _base_class(el)
    parent = el.getparent()
    if not base or parent is None:
        return False
    return (el.tag, base) in _shown_steps(parent)


# The last parent read by `_shown_steps`, its child count and its shown children's (tag,
# class) pairs: a box may hide hundreds of children, each asking about the same siblings
# (it holds one page's tree until another page asks).
_last_steps: list = [None, -1, frozenset()]


def _shown_steps(parent) -> frozenset:
    """(tag, class without state words) of the parent's children that are not hidden, among
    its first _MAX_STEPS; read once per parent (again if children were dropped since)."""
    last = _last_steps
    if last[0] is not parent or last[1] != len(parent):
        shown = frozenset(
            (child.tag, _base_class(child)) for child in islice(parent, _MAX_STEPS)
            if isinstance(child.tag, str) and child.get("hidden") is None
            and not _HIDDEN_STYLE.search(child.get("style") or ""))
        last[:] = [parent, len(parent), shown]
    return last[2]


def _base_class(el) -> frozenset:
    """Class tokens without the ones that only say whether a step is shown."""
    return frozenset((el.get("class") or "").lower().split()) - _STATE_TOKENS


_verdicts: dict[str, bool] = {}  # class/id strings repeat across a page and a site


def chrome_name(attr: str) -> bool:
    """Do these class/id names say chrome? Cached: class strings repeat across pages."""
    verdict = _verdicts.get(attr)
    if verdict is None:
        low = attr.lower()
        if "-" in low and _POST_MARKER.search(low):
            low = _TAXONOMY_CLASS.sub(" ", low)
        glued = low.translate(_GLUE)
        verdict = bool(_CHROME_STEM.search(glued) or not CHROME_TOKENS.isdisjoint(_words(low))) \
            and not _CONTENT_STEM.search(glued)
        if len(_verdicts) > 100_000:
            _verdicts.clear()
        _verdicts[attr] = verdict
    return verdict


def is_header(el) -> bool:
    """A header element (<header>, class "article-header"): chrome for its kicker, byline
    and date, but an article's lead paragraph often sits in it too (body.py)."""
    return el.tag == "header" or "header" in (el.get("class") or "").lower()


def _words(low: str) -> list[str]:
    """Words of class/id names: tokens split at "-" and "_", slugs and layout settings left
    whole."""
    out: list[str] = []
    for token in low.split():
        parts = token.translate(_SEPARATORS).split()
        if parts[:2] == _BUILDER_BOX:
            parts = parts[2:]  # "elementor-widget-text-editor": a text box
        whole = len(parts) > _SLUG_PARTS or len(parts) > 1 and not _SETTING_PARTS.isdisjoint(parts)
        out.extend((token,) if whole else parts)
    return out


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
    attr = _class_and_anchor(el) if tag in _HEADING_TAGS else attr_text(el)
    return bool(attr) and chrome_name(attr)


def _class_and_anchor(heading) -> str:
    """A heading's names, its id left out when the id is an anchor spelling the heading's
    own words ("nav_a_new_method__1" on "A new method", for a table of contents): a
    slug of its text, not a role."""
    eid = heading.get("id")
    if not eid:
        return heading.get("class") or ""
    words = set(_WORD.findall(heading.text_content().lower()))
    parts = eid.lower().translate(_SEPARATORS).split()
    if sum(part in words for part in parts) >= _ANCHOR_WORDS:
        return heading.get("class") or ""
    return attr_text(heading)
