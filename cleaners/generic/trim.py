"""Block filters inside the chosen container: what is chrome only in context.

The container is right about where the article is; these rules remove what sits inside it
without being article text: link lists, captions and credits, labels of empty sections,
ad markers, and promo or credit lines at the end. Short labelled lines ("Note: ...") are
kept: a label is not boilerplate when prose follows it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .blocks import Block, is_prose_heading

LINK_DENSE = 0.5
ANNOUNCING_CHARS = 80  # a paragraph this long ending in a colon announces the link after it
LINK_RUN = 3  # this many link-dense blocks in a row are a link list, not inline links
FURNITURE_CHARS = 150  # a line above the headline this short is furniture (kicker, date)
TEXT_ABOVE_HEADLINE = 2  # paragraphs above the headline that make it a heading in the text

# Whole-line boilerplate, any language we crawl (matched on the full block text).
BOILERPLATE_LINE = re.compile(
    r"^(?:advert(?:isement)?s?|anzeige|publicidad|publicité|реклама|广告|sponsored(?: content)?"
    r"|comments?|\d+ comments?|leave a (?:comment|reply)|add (?:a )?comment|kommentare?"
    r"|commentaires?|comentarios?|share(?: this)?(?: (?:article|story|post))?:?|teilen"
    r"|partager|compartir|print|email|tweet|pin it|whatsapp|facebook|twitter|linkedin"
    r"|image \d+ of \d+|\d+ (?:-|of) \d+(?: of \d+)?"
    r"|photo:.*|image:.*|credit:.*|getty images|shutterstock|\(?image credit:.*"
    # a picture's credit or caption label in German; a credit line ("© Name/Agency"), or a
    # caption ending in one ("Lee Elder in 1975. | © Agency")
    r"|fotos?:.*|bild:.*|abbildung:.*|©.{0,80}|.{0,200}\| ?©[^|]{0,80}"
    r"|tell us what you think\W*|you (?:may|might) also like\W*|don'?t miss\W*"
    r"|read more\W*|see more\W*|more:?|related(?: \w+)?:?|recommended(?: for you)?:?"
    r"|most (?:read|popular)\W*|trending(?: now)?\W*|close|schließen"
    r"|fermer|cerrar|закрыть|关闭"
    # reading time ("4 min read", "Lesezeit: 3 Minuten"), a download of the page as PDF,
    # how long a broadcaster keeps its video online
    r"|\d+[ -]min(?:ute)?s?\.? read|(?:lesezeit|lesedauer|reading time|temps de lecture"
    r"|tiempo de lectura):? (?:ca\. )?\d+ ?min\w*\.?"
    r"|(?:[\w ]{0,30} )?(?:als pdf (?:herunterladen|downloaden)|download (?:as )?(?:a )?pdf)"
    r"|(?:video|audio|sendung) verfügbar bis\b.*"
    r"|\[[^\]]*(?:button|caption|embed)[^\]]*\].*)$",
    re.IGNORECASE,
)
# A CMS shortcode the site failed to render: "[button url=...]Click[/button]".
SHORTCODE = re.compile(r"^\[\w+(?:\s[^\]]*)?\].*\[/\w+\]$")
# Lines that close an article but are not part of it: credits, newsletter and social pushes.
TRAILING_LINE = re.compile(
    r"^\(?(?:additional )?reporting by\b|\bcontributed (?:reporting|to this report)\b"
    r"|^editing by\b|^(?:e-?mail|contact) .{1,60}(?:@| at )"
    r"|\bfollow (?:us|him|her|them|(?:[\w@.&'-]+ ){1,3})on (?:twitter|facebook|instagram)"
    # rating and sharing prompts under the article ("Was this article helpful?")
    r"|^(?:was|is) this (?:article|page|post|answer|information) (?:helpful|useful)\b"
    r"|^did you (?:find|like|enjoy) this (?:article|page|post)\b"
    r"|^war (?:der|dieser|die|diese|das|dieses) \w+ (?:hilfreich|nützlich)\b"
    r"|^(?:möchten|wollen) sie (?:den|diesen|die|diese|das|dieses) \w+ teilen\b"
    r"|^cet article vous a-t-il été utile\b|^¿?(?:te|le) (?:ha )?(?:resultado|sido|parecido) útil"
    r"|^(?:how (?:would|do) you rate|rate) this (?:article|page|post)\b"
    r"|^wie (?:bewerten|fanden) sie (?:diesen|den|dieses|das|diese) \w+\b"
    r"|^\(?(?:noch )?keine bewertungen\b|^\(?no ratings yet\b"
    r"|^(?:loading|wird geladen|chargement|cargando)\W*$"
    r"|\b(?:click|tap) here\b|\bhier klicken\b|\bcliquez ici\b"
    r"|^sign up\b|^subscribe\b|\bsubscribe to (?:our|the)\b"
    # a site footer's row of legal links ("Impressum | Datenschutz | Copyright ...")
    r"|^(?=[^|]*\|[^|]*\|)(?=.*\b(?:impressum|imprint|datenschutz|privacy|copyright|agb"
    r"|terms|disclaimer|cookies|mentions légales|aviso legal)\b)"
    r"|\b(?:sign up|subscribe|register|join)\b.{0,60}\bnewsletters?\b"
    r"|\b(?:melde dich|melden sie sich|abonniere|abonnieren sie)\b.{0,60}\bnewsletter"
    r"|\bnewsletter\b.{0,20}\b(?:abonnieren|anmelden|an)\W*$"
    # the label of a link list that was removed ("Weiterführende Links")
    r"|^(?:weiterführende[rn]? links?|further links?|liens? utiles)\W*$"
    r"|^(?:copyright|©)|\ball rights reserved\b"
    r"|^[（(]?(?:责任编辑|编辑|来源|作者)[:：]"
    r"|^[\w.+-]+@[\w-]+\.[\w.]+$|^(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com/\S+$"
    r"|^@\w+$|^(?:page )?(?:last )?(?:medically )?(?:reviewed|updated)(?: on| by)?\b.{0,80}$"
    r"|^next review due\b"
    # an appeal for support, a licence, a suggested citation, an opinion disclaimer
    r"|^while you(?:'re| are) here\b|\bif you (?:enjoyed|liked|value|appreciate)(?: reading)? "
    r"(?:this|our) (?:post|article|story|work|journalism)\b"
    r"|^(?:this (?:work|article|post) is )?licensed under\b|^lizenziert unter\b"
    r"|^(?:suggested citation|cite (?:this|as)|zitiervorschlag|zitierweise)\b"
    r"|^(?:dieser|der) beitrag gibt (?:\w+ )?die (?:meinung|ansicht) de[rs] \w+ wieder\b"
    r"|^the views (?:and opinions )?expressed\b.{0,60}\b(?:author|writer)",
    re.IGNORECASE,
)
# The label of an author's bio after the text; the bio under it is at most
# ABOUT_AUTHOR_CHARS long, and the label among the last ABOUT_AUTHOR_BLOCKS blocks.
ABOUT_AUTHOR = re.compile(
    r"^(?:about the authors?|über (?:den autor|die autorin|die autoren)|zum autor|zur autorin"
    r"|à propos de l'auteur|sobre el autor|o autorze)\W*$",
    re.IGNORECASE,
)
ABOUT_AUTHOR_CHARS = 800
ABOUT_AUTHOR_BLOCKS = 4
# Labels that turn a link into a teaser for another page: "Read more: <title>".
TEASER_LABEL = re.compile(
    r"^\W*(?:(?:read|see|watch|listen|click)(?: (?:more|also|next|this))?|more|related|also(?=\s*:)"
    r"|also read|recommended|don'?t miss|must read|top stories|trending|popular"
    r"|lesen sie (?:auch|mehr)|mehr zum thema|lire aussi|à lire aussi|voir aussi|lee también"
    r"|leer más|ver también|te puede interesar|leggi anche|читайте также|смотрите также"
    r"|相关阅读|推荐阅读|延伸阅读)\b\W*",
    re.IGNORECASE,
)
# A previous/next label on a line of its own ("- Next Auto News", "Previous article"); the
# link it labels usually follows. navigation.py takes these first; this is the fallback.
NAV_LABEL = re.compile(
    r"^\W*(?:next|previous|prev|older|newer|上一篇|下一篇|nächster|vorheriger|suivant|précédent"
    r"|siguiente|anterior)\b[\w ]{0,30}?\W*$",
    re.IGNORECASE,
)
# An error message PHP printed into the page ("Warning: Creating default object from empty
# value in /www/htdocs/wp-includes/classes.php on line 407"): the server's, not the author's.
# It may run into the text it interrupted, so it is cut out of its block.
SERVER_MESSAGE = re.compile(
    r"(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable )?Fatal error"
    r"|Parse error): .{1,400}? in (?:/|[A-Za-z]:\\)\S+ on line \d+\s*")
_CLICK_HERE = re.compile(r"\b(?:click|tap)(?:ing)? here\b|\bhier klicken\b|\bcliquez ici\b",
                         re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。！？…:;\"”’»)]\s*$")
# A date (and time) on a line of its own: "March 3, 2021 - 09:15 CET", "2021-03-03".
_TIME = r"(?:\s*[-–|,]?\s*\d{1,2}:\d{2}(?:\s*\w{1,4})?)?"
# It may carry its label: "Aktualisiert: 11.04.2020, 10:27", "Published on 3 March 2021".
_DATE_LABEL = (r"(?:(?i:updated|published|posted|aktualisiert|veröffentlicht|erschienen"
               r"|stand|mis à jour|publié|actualizado|publicado)(?: (?i:am|on|le|el))?:? )?")
_DATE_LINE = re.compile(
    rf"^{_DATE_LABEL}(?:\w+,? )?(?:\d{{1,2}}\.? \w+|\w+ \d{{1,2}}),? \d{{4}}{_TIME}$"
    rf"|^{_DATE_LABEL}\d{{4}}-\d{{2}}-\d{{2}}(?:[ T]\d{{1,2}}:\d{{2}}\S*)?$"
    rf"|^{_DATE_LABEL}\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}{_TIME}$"
)


def _link_dense(b: Block) -> bool:
    return b.link_density > LINK_DENSE


def _link_item(b: Block) -> bool:
    """Link-dense and not a sentence: an entry of a link list. A long sentence whose words
    happen to be mostly linked is still a paragraph."""
    return _link_dense(b) and not (len(b.text) > 100 and _SENTENCE_END.search(b.text))


def drop_link_lists(blocks: list[Block]) -> list[Block]:
    """Link-dense headings go (teaser titles); other link-dense blocks go when they come
    in runs (a list of links), and stay alone between paragraphs (an inline shop link
    or a source link is part of the text)."""
    out: list[Block] = []
    i, n = 0, len(blocks)
    while i < n:
        b = blocks[i]
        if not _link_item(b):
            out.append(b)
            i += 1
            continue
        j = i
        while j < n and _link_item(blocks[j]):
            j += 1
        if j - i < LINK_RUN:
            out.extend(x for x in blocks[i:j] if not _teaser(x))
        i = j
    return out


def _teaser(b: Block) -> bool:
    """A link-dense block that points elsewhere: a linked heading, a labelled teaser, or
    several links in a line that is not a sentence."""
    return b.heading or bool(TEASER_LABEL.match(b.text) or _CLICK_HERE.search(b.text)) or \
        b.links >= LINK_RUN and not _SENTENCE_END.search(b.text)


def drop_nav_lines(blocks: list[Block]) -> list[Block]:
    """Drop previous/next label lines and what each one labels: the link lines after it,
    and a short unpunctuated excerpt of the linked article."""
    out: list[Block] = []
    after_label = False
    for b in blocks:
        if len(b.text) <= 40 and NAV_LABEL.match(b.text):
            after_label = True
            continue
        if after_label and (_link_dense(b) or len(b.text) < 200
                            and not _SENTENCE_END.search(b.text)):
            continue
        after_label = False
        out.append(b)
    return out


def is_boilerplate_line(b: Block) -> bool:
    text = b.text
    if len(text) > 120:
        return len(text) < 400 and bool(SHORTCODE.match(text))
    return bool(BOILERPLATE_LINE.match(text) or _DATE_LINE.match(text) or SHORTCODE.match(text))


# a <p> holding a picture and a short line is more often a list entry than a caption
_NO_CAPTION_TAGS = frozenset({"p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})


def is_caption(b: Block, alone: set) -> bool:
    """A short unpunctuated line that is the only text of an element holding a picture:
    its caption or credit. alone: the owners with a single block."""
    text = b.text
    if len(text) > 150 or _SENTENCE_END.search(text) or b.tag in _NO_CAPTION_TAGS:
        return False
    owner = b.owner
    return owner in alone and owner.find(".//img") is not None


def drop_server_messages(blocks: list[Block]) -> list[Block]:
    """Cut the server's error messages (SERVER_MESSAGE) out of the blocks; a block holding
    nothing else goes."""
    out: list[Block] = []
    for b in blocks:
        if " on line " not in b.text:  # the cheap test first: almost every block
            out.append(b)
            continue
        text = SERVER_MESSAGE.sub("", b.text).strip()
        if text == b.text:
            out.append(b)
        elif text:
            out.append(replace(b, text=text, link_chars=min(b.link_chars, len(text)),
                               whole=False))
    return out


def _announced(blocks: list[Block], i: int) -> bool:
    """Does a paragraph of the text announce the link line at i ("... please sign this
    petition:")? Then the link is what the article points its reader to."""
    if i == 0:
        return False
    before = blocks[i - 1]
    return len(before.text) >= ANNOUNCING_CHARS and not _link_dense(before) and \
        before.text.rstrip().endswith(":")


def _about_author(blocks: list[Block]) -> int:
    """Where an "About the author" section closes the text (the label, then a short bio),
    or len(blocks)."""
    for i in range(len(blocks) - 1, max(-1, len(blocks) - 1 - ABOUT_AUTHOR_BLOCKS), -1):
        if ABOUT_AUTHOR.match(blocks[i].text):
            after = sum(len(b.text) for b in blocks[i + 1:])
            return i if after <= ABOUT_AUTHOR_CHARS else len(blocks)
    return len(blocks)


def trim_tail(blocks: list[Block]) -> list[Block]:
    """Drop credit and promo lines (and link-dense lines) at the end of the article, and an
    author's bio under its label."""
    blocks = blocks[:_about_author(blocks)]
    end = len(blocks)
    while end > 0:
        b = blocks[end - 1]
        if _link_dense(b) and not b.heading and _announced(blocks, end - 1):
            break
        if b.heading or _link_dense(b) or len(b.text) < 400 and TRAILING_LINE.search(b.text):
            end -= 1
        else:
            break
    return blocks[:end]


def drop_empty_headings(blocks: list[Block]) -> list[Block]:
    """A heading (or a short label line) with no text under it labels a removed section.
    A heading of prose length is a paragraph set as a heading (a standfirst in <h4> above
    the first section's heading): it labels nothing."""
    out: list[Block] = []
    for i, b in enumerate(blocks):
        if b.heading and not is_prose_heading(b):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is None or nxt.heading and _level(nxt) <= _level(b):
                continue
        out.append(b)
    return out


def _level(b: Block) -> int:
    return int(b.tag[1]) if len(b.tag) == 2 and b.tag[0] == "h" else 7


def trim(blocks: list[Block], headline=None, alone: frozenset | set = frozenset()
         ) -> list[Block]:
    """All filters, in an order where each sees the result of the previous one.
    alone: elements that own exactly one block of the page."""
    blocks = drop_server_messages(blocks)  # first: a printed error is no prose above a headline
    if headline is not None:
        blocks = _after_headline(blocks, headline)
    blocks = drop_link_lists(drop_nav_lines(blocks))
    blocks = [b for b in blocks if not is_boilerplate_line(b) and not is_caption(b, alone)]
    blocks = trim_tail(blocks)
    return drop_empty_headings(blocks)


def _after_headline(blocks: list[Block], headline) -> list[Block]:
    """The headline is the title field; short lines above it (kicker, date, category) are
    page furniture. Prose above it stays (some layouts put the lead first). Above a
    headline with paragraphs of text before it (TEXT_ABOVE_HEADLINE: a lead is one), the
    heading taken for the headline is a section's inside the text (a closing "Summary: ..."
    that repeats the page's title), and the short lines above it are the text's own:
    its subheadings, list items and table rows."""
    for i, b in enumerate(blocks):
        if b.owner is headline:
            above = blocks[:i]
            if sum(len(x.text) > FURNITURE_CHARS for x in above) >= TEXT_ABOVE_HEADLINE:
                return above + blocks[i + 1:]
            return [x for x in above if len(x.text) > FURNITURE_CHARS] + blocks[i + 1:]
    return blocks
