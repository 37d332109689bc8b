"""Health metadata read from the visible page: bylines, "Medically reviewed by … on …",
publication / update / review dates, the article's source list and a medical disclaimer.

One pass over block and inline elements, looking only at each element's own leading text
(`el.text`, C-level, cheap); byline elements and labelled byline lines are read in
cleaners/bylines.py. Structured data (JSON-LD, meta tags) is read in cleaners/metadata.py;
`merge_health` there decides which source wins.
Vocabularies: English, German, French, Spanish, Russian, Chinese, Polish.
"""
from __future__ import annotations

import re

from lxml import etree

from .byline_zh import HINT as ZH_HINT
from .byline_zh import LEAD_HINT, label_alone, lead_byline, zh_byline
from .bylines import BYLINE_LABEL, BYLINE_TAGS, alone_label, label_byline
from .dates import parse_date
from .headline import headline
from .names import BYLINE_PREFIX, NOT_NAME
from .page_scans import from_headline
from .references import (
    REF_INLINE,
    anchored_notes,
    endnotes,
    footnotes,
    inline_refs,
    linked_list,
    list_after,
)
from .text import clean_inline
from .visible_dates import CJK_DATE_HINT, labelled_inside, updated_after

# Headings that open the article's own list of sources.
REF_HEADING = re.compile(
    r"(?:sources?|references?|bibliography|literature|further reading|citations?|"
    r"quellen?(?:angaben|verzeichnis)?|literatur(?:verzeichnis|hinweise|angaben)?|"
    r"originalpublikation|originalver[öo]ffentlichung|studie|einzelnachweise|"
    r"r[ée]f[ée]rences?(?: bibliographiques)?|bibliographie|fuentes?|referencias?|"
    r"bibliograf[íi]a|источники|список литературы|литература|参考文献|参考资料|资料来源|"
    r"[źz]r[óo]d[łl]a|bibliografia)(?:\s*\([^()]{1,12}\))?\s*:?",  # ("Literatur (u.a.):")
    re.IGNORECASE)
# A word for sources inside a longer line that ends with a colon
SOURCES_WORD = re.compile(r"\b(?:quellen?|sources?|references?|literatur|fuentes?|"
                          r"r[ée]f[ée]rences?|источники|参考文献|参考资料)\b", re.IGNORECASE)
DISCLAIMER = re.compile(
    r"not (?:intended (?:to be |as )?|meant (?:to be |as )?)?a substitute for "
    r"(?:professional )?medical|"
    r"(?:does not|do not|is not intended to|are not intended to) (?:replace|provide|constitute) "
    r"(?:professional |individual )?medical (?:advice|care)|for informational purposes only.{0,80}"
    r"(?:medical|doctor|physician)|"
    r"ersetz\w* (?:nicht|keine?n?) (?:die |den |eine |einen )?(?:ärztlich|arzt|konsultation|besuch|"
    r"medizinisch|fachärztlich|persönlich)|"
    r"ne (?:remplace|se substitue) (?:en aucun cas )?pas (?:à )?(?:un |une |l['’]|la |le )?"
    r"(?:avis|consultation|diagnostic|médecin)|"
    r"no (?:sustituye|reemplaza|sustituyen|reemplazan) (?:a )?(?:la |el |una |un )?"
    r"(?:consulta|consejo|"
    r"diagn[óo]stico|atenci[óo]n|opini[óo]n|médico)|"
    r"не (?:заменяет|является заменой|заменяют) (?:консультаци|врач|медицинск)|"
    r"不能(?:替代|代替)(?:医生|医师|专业|医疗|就医)|"
    r"nie zast[ęe]puje (?:porady|konsultacji|wizyty)",
    re.IGNORECASE)
REVIEW_LINE = re.compile(
    r"(?:medically |medical(?:ly)? |fact[- ]checked (?:and )?|clinically )?reviewed by|"
    r"fact[- ]checked by|(?:medically )?verified by|"
    r"(?:(?:medizinisch|fachlich|ärztlich|redaktionell) )?(?:geprüft|überprüft) (?:von|durch)|"
    r"(?:médicalement )?(?:relu|révisé|vérifié|validé) par|"
    r"(?:revisado|verificado) (?:médicamente |por un médico )?por|"
    r"(?:медицинский )?(?:рецензент|проверено|проверил[аи]?)\s*:?|"
    r"审核(?:专家|医生)?[:：]|审校[:：]",
    re.IGNORECASE)
DATE_LABEL = re.compile(
    r"^(?:(?:first )?published(?: on)?|posted(?: on)?|created|ver[öo]ffentlicht(?: am)?|publiziert|"
    r"erschienen(?: am)?|erscheinungsdatum|erstellt(?: am)?|datum|publi[ée](?: le)?|cr[ée]{1,2}|"
    r"publicado(?: el| em)?|postado(?: em)?|fecha|опубликовано|"
    r"(?:发布|发表)?(?:时间|日期)|发布|发表于|"
    r"opublikowano|"
    r"data publikacji|pubblicato(?: il)?|publisert|yay[ıi]n(?:lanma)?(?: tarihi)?|"
    r"公開日(?:時)?|投稿日(?:時)?|掲載日)\s*[:：-]?\s*",
    re.IGNORECASE)
# (an update note in the text may name what was updated: "Article mis à jour le …",
# "Artikel aktualisiert am …", "Story updated …")
_WHAT = r"(?:(?:article|artikel|beitrag|story|post|page|nota|noticia|статья)\s+)?"
_UPDATE_WORDS = (
    r"(?:(?:last )?updated(?: on)?|last modified|modified|aktualisiert(?: am)?|"
    r"zuletzt (?:aktualisiert|geändert|bearbeitet)(?: am)?|letzte (?:änderung|aktualisierung)|"
    r"stand(?: des artikels)?|mis à jour(?: le)?|actualizado(?: el)?|"
    r"обновлено|更新(?:时间|日期)?|zaktualizowano|aktualizacja|atualizad[oa](?: em)?|"
    r"última (?:atualização|actualización)|(?:sist )?oppdatert|güncelle(?:me|ndi)(?: tarihi)?|"
    r"最終更新(?:日)?|更新日(?:時)?|modifié(?: le)?|dernière mise à jour(?: le)?|"
    r"aggiornato(?: il)?|ultima modifica)\s*[:：-]?\s*")
UPDATE_LABEL = re.compile(r"^" + _WHAT + _UPDATE_WORDS, re.IGNORECASE)
# the update on the publication's line, after a separator: "postado em DATE / atualizado em
# DATE", "Publié le DATE | Mis à jour le DATE", "Veröffentlicht am DATE, aktualisiert am DATE"
_UPDATE_IN_LINE = re.compile(r"(?:[|/•·,;(–—]\s*|\s)" + _UPDATE_WORDS, re.IGNORECASE)
# a template's padding inside a line (25 tabs between a date and its update)
_PADDING = re.compile(r"\s{8}")
_TEXT_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "p", "div", "span", "li",
              "dt", "small", "time", "header", "section", "aside", "footer", "address", "td",
              "font", "br")  # (br: for its tail, "…<br>Erschienen am: 01.11.2023")
# a metadata box's small heading over the name: "<h4>Autor</h4><p><a>…</a></p>",
# "<h5>Autor: </h5>Name" (the label alone only: "<h4>Von A bis Z</h4>" is a title)
_LABEL_HEADINGS = {"h4", "h5", "h6"}
# A labelled byline ("Par X") inside a related-story card (also a BEM card's element,
# "podcast-card__authors") or a comment is that card's; inside a code listing it is code
# ("GROUP BY period" highlighted, "BY" alone in its span). (Any class holding "card" moved 4
# tune pages of 1,299, 3 of them wrongly: author boxes named "…card".)
_IN_CARD = etree.XPath('ancestor::*[self::pre or self::code or contains(@class,"comment") or '
                       'contains(@class,"teaser") or contains(@class,"related") or '
                       'contains(@class,"card__")]',
                       smart_strings=False)
# a "byline" that is a link's own text is a menu entry or a headline ("PAR LES TEMPS QUI
# COURENT", a radio show's name in the site menu), unless the link is an author page
_IN_LINK = etree.XPath('ancestor::a[@href][not(contains(@href,"/author") or '
                      'contains(@href,"/autor") or contains(@href,"/auteur"))]',
                      smart_strings=False)
# A review line beside another story's headline link is that story's card ("Medically
# reviewed by …" under each related article), not the page's: checked up to 4 ancestors whose
# whole text is short.
_CARD_LINKS = etree.XPath(".//a[@href]", smart_strings=False)
_HEADING_LIKE = {"h2", "h3", "h4", "h5", "h6", "strong", "b"}
# Date-bearing elements when neither structured data nor a labelled line gives a date: the
# first few under the headline, then anywhere.
_DATE_PRED = ('[self::time or @itemprop="datePublished" or contains(@class,"date") or '
              'contains(@class,"datum") or contains(@class,"data") or contains(@class,"time")]')
_DATE_X = etree.XPath("//body//*" + _DATE_PRED, smart_strings=False)
# a teaser's or a comment's date is that card's, not the page's
_IN_TEASER = etree.XPath('ancestor-or-self::*[contains(@class,"teaser") or '
                         'contains(@class,"related") or contains(@class,"comment")]',
                         smart_strings=False)
# the text leaves next to the headline (the first 8 after it, then the 3 just before it, which
# a CSS layout may show below it): a dateline without label or class
# ("<div data-testid=…>08. Februar 2022</div>")
_LEAF = "*[not(*)][normalize-space()][not(self::style or self::script or self::a)]"
# (a comment's or a teaser's date under the headline is theirs: "KnackigeKälte 28.02.2018")
# (not <body> / <article> / <main>: "post … commented" flags the article itself)
# (checked on the few leaves found, not inside the `following::` XPath: there it would run on
# every later leaf of the page)
_IN_CARD_OR_COMMENT = etree.XPath(
    'ancestor-or-self::*[not(self::body or self::article or self::main)]'
    '[contains(@class,"comment") or contains(@class,"teaser") or contains(@class,"related")]',
    smart_strings=False)
# a dateline with its time may carry the source too: "2005年03月21日 11:21 《理财周刊》"
_CLOCK = re.compile(r"\d{4}\D{1,3}\d{1,2}\D{1,3}\d{1,2}\D{0,2}\s*\d{1,2}:\d\d")
_LEAVES_AFTER = etree.XPath(f"following::{_LEAF}[position() <= 8]", smart_strings=False)
_LEAVES_BEFORE = etree.XPath(f"preceding::{_LEAF}[position() <= 3]", smart_strings=False)
# (an element's leading text only: " on August 11, 2024" after a reviewer's link is the tail
# of a review line, not a dateline)
_TEXTS_AFTER = etree.XPath("following::text()[normalize-space()][not(preceding-sibling::*)]"
                           "[not(parent::script or parent::style or parent::a)][position() <= 10]")
# cheap gate before the full disclaimer expression runs on an element's whole text
# (matched on the lowercased text: an IGNORECASE alternation scans a paragraph ~8 times
# slower, and this gate runs on the text of most elements of every page)
_DISCLAIMER_HINT = re.compile(r"substitut|replace|ersetz|remplace|sustitu|reemplaz|заменя|"
                              r"替代|代替|zast[ęe]puj|medical advice")


def read_visible(root) -> dict:
    """Visible health metadata of a page (before drop_non_content; the tree is not changed).
    Keys: authors [{name, url}], published, modified, last_reviewed, reviewed_by,
    references [{text, url, doi, pmid}], medical_disclaimer, disclaimer_element, byline_element
    (the element of the labelled byline line)."""
    out: dict = {"authors": [], "published": None, "modified": None, "last_reviewed": None,
                 "reviewed_by": [], "references": [], "medical_disclaimer": None,
                 "disclaimer_element": None, "byline_element": None}
    body = root.find("body")
    if body is None:
        return out
    ref_heads: list = []
    loose_heads: list = []  # a longer line naming sources: only before a list of links
    label_names: list[dict] = []
    for el in body.iter(_TEXT_TAGS):
        tail = el.tail
        if tail and len(tail) < 80 and (DATE_LABEL.match(tail.strip())
                                        or UPDATE_LABEL.match(tail.strip())):
            # a labelled date after a <br> or an icon: "…<br>Erschienen am: 01.11.2023"
            _dates(el, tail.strip(), out)
        if tail and not label_names and ZH_HINT.search(tail):
            # "<span>来源：某报</span> 作者：<a>张三</a>": the label between two elements
            line = el.getparent()
            if line is not None and not _IN_CARD(line):
                # (or the tail alone, a line of its own in a long post: "…<br>文：眉间尺")
                label_names = [{"name": n, "url": None}
                               for n in zh_byline(clean_inline(line.text_content()))
                               or zh_byline(clean_inline(tail))]
        text = el.text
        if not text or not text.strip():
            # a heading whose words follow an anchor: <b><a name="ref"></a>References</b>
            if el.tag in _HEADING_LIKE and len(el) == 1 and not out["references"] \
                    and REF_HEADING.fullmatch(clean_inline(el.text_content())[:41]):
                ref_heads.append(el)
            continue
        text = text.strip()
        if len(text) <= 40 and REF_HEADING.fullmatch(text) and not out["references"]:
            ref_heads.append(el)
            continue
        if 40 < len(text) <= 80 and text.endswith(":") and SOURCES_WORD.search(text):
            loose_heads.append(el)  # "Weitere genutzte Quellen in englischer Sprache:"
            continue
        if not out["references"] and len(text) > 12:
            m = REF_INLINE.match(text)
            if m and el.tag in ("p", "div", "li", "small", "em"):
                out["references"] = inline_refs(el)
                continue
        if out["medical_disclaimer"] is None and el.tag in ("p", "li", "small", "div", "em",
                                                             "span", "strong", "aside"):
            # the gate reads the element's own leading text only (cheap); the phrase then has
            # to match on its whole text
            full = el.text_content() if len(text) > 8 and _DISCLAIMER_HINT.search(text.lower()) \
                else ""
            if full and len(full) < 1200 and DISCLAIMER.search(full := clean_inline(full)):
                out["medical_disclaimer"], out["disclaimer_element"] = full, el
                continue
        if not out["reviewed_by"] and len(text) < 200 and REVIEW_LINE.match(text):
            if not _in_story_card(el):
                _review_line(el, out)
            continue
        if not label_names and el.tag in ("p", "div", "td", "font") \
                and LEAD_HINT.search(text, 0, 40) and (lead := lead_byline(text)) \
                and not _IN_CARD(el):  # (the XPath last: most hinted lines are no lead byline)
            label_names = [{"name": n, "url": None} for n in lead]
        if 80 <= len(text) < 400 and _PADDING.search(text):
            text = " ".join(text.split())  # a short line padded by the template's tabs
        if len(text) < 80:
            if not label_names and (el.tag in BYLINE_TAGS or el.tag in _LABEL_HEADINGS
                                    and alone_label(text)):
                # (the card test is an XPath: only for lines that look like a byline)
                if ZH_HINT.search(text):  # "作者：张三 李四", "本报记者 张三、李四"
                    if not _IN_CARD(el):
                        label_names = [{"name": n, "url": None}
                                       for n in _zh_line(el, text)]
                elif BYLINE_LABEL.match(text) and not _IN_CARD(el) and not _IN_LINK(el):
                    label_names = label_byline(el, text)
                    out["byline_element"] = el
                if label_names:
                    _dates(el, text, out)  # "作者：某人 时间：2019年10月31日" on the same line
                    continue
            _dates(el, text, out)
    for head in ref_heads:
        items = list_after(head)
        if items:
            out["references"] = items
            break
    for head in loose_heads if not out["references"] else ():
        out["references"] = linked_list(list_after(head))
        if out["references"]:
            break
    if not out["references"]:  # footnotes without a heading (Markdown's div.footnotes)
        out["references"] = footnotes(body) or endnotes(body) or anchored_notes(body)
    out["authors"] = label_names
    return out


def _zh_line(el, text: str) -> list[str]:
    """A Chinese byline in an element; a label alone in it ("<td><b>作者：</b><a>某</a>
    <b>时间：</b>…</td>") is read with its line, the parent's text."""
    names = zh_byline(clean_inline(el.text_content()))
    if names or len(el) or not label_alone(text) or el.getparent() is None:
        return names
    return zh_byline(clean_inline(el.getparent().text_content()))


def date_element(root, printed: bool = False) -> str | None:
    """The first parseable date in a date-like element (class *date*/*time*, <time>,
    itemprop=datePublished): the last resort for `published`. `printed`: the date as the
    reader sees it (the element's text, not its datetime / content attribute)."""
    for el in from_headline(root, _DATE_X)[:12]:
        if _IN_TEASER(el):
            continue
        value = None if printed else el.get("datetime") or el.get("content")
        text = value if value else el.text_content()
        if len(text) <= 100:
            found = parse_date(text)
            if found:
                return found
    head = headline(root)
    if head is None:
        return None
    # the leaves near the headline, then its next text nodes (a dateline that shares its
    # element with other markup: "<font>2005年3月11日12:12<br>…</font>")
    texts = [el.text_content() for el in _LEAVES_AFTER(head) + _LEAVES_BEFORE(head)[::-1]
             if not _IN_CARD_OR_COMMENT(el)]
    texts += [str(t) for t in _TEXTS_AFTER(head) if not _IN_CARD_OR_COMMENT(t.getparent())]
    for text in texts:
        text = text.strip()
        if len(text) <= 30 or len(text) <= 60 and _CLOCK.search(text):
            found = parse_date(text)
            if found:
                return found
    return None


def _dates(el, text: str, out: dict) -> None:
    m = DATE_LABEL.match(text)
    key = "published"
    if m is None:
        m = UPDATE_LABEL.match(text)
        key = "modified"
    if m is None:  # a label after the date or inside the line (cleaners/visible_dates.py)
        if not CJK_DATE_HINT.search(text):  # (a cheap gate: this runs on most short texts)
            return
        out["modified"] = out["modified"] or updated_after(text)
        for field, value in labelled_inside(text):
            out[field] = out[field] or value
        return
    if out[key]:
        return
    rest = text[m.end():] or clean_inline(el.text_content())[:80]
    value = parse_date(rest)
    if value is None and el.tail and el.tail.strip():
        # the label alone in its element, the date in its tail: "<span>Datum:</span> 19.11.2021"
        value = parse_date(el.tail.strip()[:80])
    if value is None and el.getnext() is not None:
        value = parse_date(clean_inline(el.getnext().text_content())[:80])
    if value:
        out[key] = value
    if key == "published" and not out["modified"] and (up := _UPDATE_IN_LINE.search(rest)):
        out["modified"] = parse_date(rest[up.end():][:60])


def _in_story_card(el) -> bool:
    own = set(el.iter("a")) | set(el.iterancestors("a"))
    node = el
    for _ in range(4):
        node = node.getparent()
        if node is None or len(node.text_content()) > 400:
            return False
        for a in _CARD_LINKS(node):
            href = a.get("href")
            if a not in own and not href.startswith(("#", "javascript:", "mailto:")) \
                    and len(a.text_content().split()) >= 3:
                return True
    return False


def _review_line(el, out: dict) -> None:
    """'Medically reviewed by Jane Roe, MD — Written by … on May 2, 2024'."""
    full = clean_inline(el.text_content())
    m = REVIEW_LINE.search(full)
    if m is None:
        return
    rest = full[m.end():].strip(" :：-—")
    links = [a for a in el.iter("a") if clean_inline(a.text_content())] or \
        list(el.iterancestors("a"))[:1]  # the whole line links the reviewer's profile
    # the name ends at "on DATE", a dash, a digit or the next "label：" (审核日期：…)
    name_part = re.split(r"\s(?:on|am|le|el|от)\s|\s[—–|]\s|\s-\s|\s\d|\s(?=\S+[:：])",
                         rest, maxsplit=1)[0]
    name, _, cred = re.sub(r"[，,]\s*", ",", name_part, count=1).partition(",")
    name = clean_inline(BYLINE_PREFIX.sub("", name))
    if links and links[0] not in el.iterancestors("a"):
        first = clean_inline(links[0].text_content())
        if first and first in rest[: len(name_part) + 5]:
            name = re.split(r"[，,]", first)[0].strip()
    if name and not NOT_NAME.search(name) and len(name.split()) <= 6:
        url = links[0].get("href") if links else None
        out["reviewed_by"] = [{"name": name, "credentials": clean_inline(cred) or None,
                               "url": url}]
    out["last_reviewed"] = parse_date(rest[len(name_part):]) or out["last_reviewed"]
