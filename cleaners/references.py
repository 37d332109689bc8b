"""The article's own list of sources, read after its heading ("Sources", "Quellen",
"参考文献", ...; cleaners/health_meta.py finds the heading), from one "Quelle: ..."
paragraph, from a footnotes block or from numbered endnotes ("[1] …", "[2] …"), as
{text, url, doi, pmid} items.

Without a heading that says "sources", the lines must cite something (`citing`): a
"Quelle: dpa" line credits an agency, and a footnote that explains a term cites nothing."""
from __future__ import annotations

import re

from lxml import etree

from .text import clean_inline

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_PMID_URL = re.compile(r"(?:pubmed\.ncbi\.nlm\.nih\.gov/|list_uids=|pubmed/)(\d{5,9})")
_PMID_TEXT = re.compile(r"\bPMID:?\s*(\d{5,9})")
_MAX_REF_ITEMS = 400
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BACKLINKS = " ↩\ufe0e\ufe0f↑"  # a footnote's link back to its mark in the text
_ROWS = etree.XPath("./tr|./tbody/tr", smart_strings=False)
# the few <ol> of a page are tested, not every element (a `//*[@class…]` scan costs ~1 ms)
_FOOTNOTES = etree.XPath('(.//ol[ancestor::*[contains(@class,"footnotes") or '
                         '@role="doc-endnotes"]])[1]/li', smart_strings=False)
# A line that cites: a link, a DOI or PubMed id, a year, "et al.", a volume or page number.
_CITES = re.compile(r"https?://|\bwww\.|\b(?:1[5-9]|20)\d\d\b|\bet al\b|\bdoi\b|\bpmid\b|"
                    r"\bibid\b|\bop\.? cit\b|\bvol\.|\bpp?\.\s*\d", re.IGNORECASE)
# Endnotes without a heading: paragraphs "[1] …", "[2] …" in a row (a word processor's export)
# (paragraphs and list items only: a div's string value holds all it contains, and
# normalize-space over every div of a page cost a quarter of a millisecond)
_FIRST_NOTE = etree.XPath('(.//p|.//li)[starts-with(normalize-space(.), "[1]")]',
                          smart_strings=False)
_NOTE_MARK = re.compile(r"\[(\d{1,3})\]\s*")
# Notes tied to their marks by a pair of anchors: the mark in the text links to its note and
# is itself the target of the note's link back ("<a href=#nb1 id=nh1>1</a>" … "<div id=nb1>
# <p><a href=#nh1>1</a> Author, Title, 2017.</p>"; SPIP's notes, a word processor's
# "#_ftn1" / "#_ftnref1" by `name`, a wiki's "<sup id=cite_ref-1><a href=#cite_note-1>").
_NOTE_NUMBER = re.compile(r"[(\[]?\d{1,3}[)\]]?")  # "1", "(1)", "[1]": not a comment's reply link
_NOTE_BLOCK = etree.XPath("ancestor::*[self::p or self::li or self::div or self::dd][1]",
                          smart_strings=False)
# "Quelle: Smith et al. 2021 …" in one paragraph.
REF_INLINE = re.compile(
    r"^(?:quellen?|sources?|references?|fuentes?|источники?|来源|[źz]r[óo]d[łl]o)\s*:\s*(\S.*)",
    re.IGNORECASE | re.DOTALL)


def inline_refs(el) -> list[dict]:
    text = clean_inline(el.text_content())
    body = REF_INLINE.match(text)
    rest = body.group(1) if body else text
    parts = re.findall(r"\(([^()]{3,})\)", rest) if rest.startswith("(") else [rest]
    links = [a.get("href") for a in el.iter("a") if a.get("href")]
    items = [reference(p, links[0] if len(parts) == 1 and links else None) for p in parts]
    # "Quellen: (A) (B)" is a list however short its items; one name alone may be a credit
    return items if len(items) > 1 else citing(items)


def citing(items: list[dict]) -> list[dict]:
    """The items, if at least half of them cite something; else none."""
    return items if 2 * sum(map(_cites, items)) >= len(items) else []


def _cites(item: dict) -> bool:
    return bool(item["url"] or item["doi"] or item["pmid"] or _CITES.search(item["text"]))


def linked_list(items: list[dict]) -> list[dict]:
    """The leading items that link somewhere (a photo credit after them is no source), if
    two or more; else none."""
    run = next((i for i, r in enumerate(items) if not (r["url"] or r["doi"])), len(items))
    return items[:run] if run >= 2 else []


def footnotes(body) -> list[dict]:
    """The numbered notes of a footnotes block without a heading (Markdown renderers and
    WordPress plugins print `<div class="footnotes"><ol><li>…`; `role=doc-endnotes`)."""
    return citing([_ref_from(li) for li in _FOOTNOTES(body)[:_MAX_REF_ITEMS]])


def endnotes(body) -> list[dict]:
    """Numbered endnotes without a heading: the block that starts with "[1]" and its next
    siblings "[2]", "[3]", … (empty ones skipped), two at least."""
    first = next(iter(_FIRST_NOTE(body)), None)
    if first is None:
        return []
    notes, want = [first], 2
    for sib in first.itersiblings():
        text = clean_inline(sib.text_content()) if isinstance(sib.tag, str) else ""
        if not text:
            continue
        m = _NOTE_MARK.match(text)
        if m is None or int(m.group(1)) != want or len(notes) >= _MAX_REF_ITEMS:
            break
        notes.append(sib)
        want += 1
    if len(notes) < 2:
        return []
    return citing([_ref_from(n) for n in notes])


def anchored_notes(body) -> list[dict]:
    """Notes whose back link points to the mark that links to them (in-page links), one
    item per note block; none unless one of them cites."""
    # (a tag walk, not an XPath: a fifth of the cost over a large page; "#" alone is a button)
    links = [a for a in body.iter("a") if (a.get("href") or "").startswith("#")
             and len(a.get("href")) > 1]
    if len(links) < 2:
        return []
    marks = {}  # anchor name -> (the target the mark at that anchor links to, its position)
    for i, a in enumerate(links):
        parent = a.getparent()
        names = [n for n in (a.get("id"), a.get("name"),
                             parent.get("id") if parent is not None and parent.tag == "sup"
                             else None) if n]
        if names and _NOTE_NUMBER.fullmatch(clean_inline(a.text_content())):
            marks.update(dict.fromkeys(names, (a.get("href")[1:], i)))
    notes: list = []
    for i, a in enumerate(links):
        target, at = marks.get(a.get("href")[1:], (None, i))
        # (the back link comes after its mark: a word processor's pair is symmetric)
        if not target or at >= i or len(notes) >= _MAX_REF_ITEMS \
                or target not in _anchor_names(a):
            continue
        block = _NOTE_BLOCK(a)
        if block and block[0] not in notes:
            notes.append(block[0])
    items = [_ref_from(n) for n in notes]
    # an apparatus of paired anchors is the article's notes: all of them count once one cites
    # (a scholarly text's notes mix sources and remarks)
    return items if any(map(_cites, items)) else []


def _anchor_names(el) -> set[str]:
    """The anchors at a note's back link: its own id / name, its ancestors' ids (three up)."""
    names = {el.get("id"), el.get("name")}
    for depth, anc in enumerate(el.iterancestors()):
        if depth == 3:
            break
        names.add(anc.get("id"))
    return names - {None}


def list_after(head) -> list[dict]:
    """The items following a sources heading: the first <ol>/<ul> among the next siblings
    (of the heading or of its block parent), else the following paragraphs up to the next
    heading."""
    anchor = head
    if anchor.getnext() is None and anchor.getparent() is not None and \
            clean_inline(anchor.getparent().text_content()) == clean_inline(head.text_content()):
        anchor = anchor.getparent()
    paragraphs = []
    for i, sib in enumerate(anchor.itersiblings()):
        if not isinstance(sib.tag, str) or i > 12:
            break
        if sib.tag in HEADING_TAGS or (sib.tag in ("strong", "b") and paragraphs):
            break
        lists = [sib] if sib.tag in ("ol", "ul") else sib.xpath(".//ol|.//ul")
        if lists and len(paragraphs) >= 2:
            break  # the sources were the paragraphs; the list is the next thing (share links)
        if lists:
            items = [li for li in lists[0].iterchildren("li")]
            return [_ref_from(li) for li in items[:_MAX_REF_ITEMS]]
        tables = [sib] if sib.tag == "table" else sib.xpath(".//table")
        if tables:  # one row per item ("[1] | Author. Title. Journal, 2008.")
            rows = [tr for tr in _ROWS(tables[0]) if clean_inline(tr.text_content())]
            return [_ref_from(tr) for tr in rows[:_MAX_REF_ITEMS]]
        text = clean_inline(sib.text_content())
        if text and len(paragraphs) >= 2 and all(map(_links_out, paragraphs)) \
                and not _links_out(sib):
            break  # a run of linked sources ended (a tag or a photo credit follows)
        if text:
            paragraphs.append(sib)
    if len(paragraphs) == 1:  # one block of bare links ("1 https://… 2 https://…")
        links = [a for a in paragraphs[0].iter("a") if (a.get("href") or "").startswith("http")]
        if len(links) > 1:
            return [_ref_from(a) for a in links]
    if not paragraphs and anchor.tail is None:
        links = [a for a in anchor.itersiblings("a") if (a.get("href") or "").startswith("http")]
        if links:
            return [_ref_from(a) for a in links[:_MAX_REF_ITEMS]]
    block = anchor.getparent()
    if not paragraphs and block is not None and block.tag == "p" and block[0] is anchor \
            and not (block.text or "").strip():
        # "<p><strong>Literatur:</strong><br>First item</p><p>Second item</p>…": the heading
        # opens a paragraph holding the first item; the next paragraphs hold the others
        first = clean_inline(block.text_content())[len(clean_inline(head.text_content())):]
        rest = list_after(block)
        return ([reference(first.strip(), None, [])] if first.strip() else []) + rest
    return [_ref_from(p) for p in paragraphs[:_MAX_REF_ITEMS]]


def _links_out(el) -> bool:
    return any((a.get("href") or "").startswith("http") for a in el.iter("a"))


def _ref_from(el) -> dict:
    text = clean_inline(el.text_content()).rstrip(_BACKLINKS)
    hrefs = [el.get("href")] if el.tag == "a" else [a.get("href") for a in el.iter("a")]
    hrefs = [h for h in hrefs if h and h.startswith("http")]
    return reference(text, hrefs[0] if hrefs else None, hrefs)


def reference(text: str, url: str | None, hrefs: list[str] | None = None) -> dict:
    """{text, url, doi, pmid}: DOI and PubMed id read from the text and the links."""
    from urllib.parse import unquote

    doi = pmid = None
    for source in [text, *(unquote(h) for h in (hrefs or ([url] if url else [])))]:
        doi = doi or (_DOI.search(source).group(1).rstrip(".,;)") if _DOI.search(source) else None)
        m = _PMID_URL.search(source) or _PMID_TEXT.search(source)
        pmid = pmid or (m.group(1) if m else None)
    doi_url = next((h for h in hrefs or [] if "doi.org/" in h), None)
    return {"text": text[:500], "url": doi_url or url, "doi": doi, "pmid": pmid}
