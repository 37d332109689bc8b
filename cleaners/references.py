"""The article's own list of sources, read after its heading ("Sources", "Quellen",
"参考文献", ...; cleaners/health_meta.py finds the heading) or from one "Quelle: ..."
paragraph, as {text, url, doi, pmid} items."""
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
    return [reference(p, links[0] if len(parts) == 1 and links else None) for p in parts]


def footnotes(body) -> list[dict]:
    """The numbered notes of a footnotes block without a heading (Markdown renderers and
    WordPress plugins print `<div class="footnotes"><ol><li>…`; `role=doc-endnotes`)."""
    return [_ref_from(li) for li in _FOOTNOTES(body)[:_MAX_REF_ITEMS]]


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
        if lists:
            items = [li for li in lists[0].iterchildren("li")]
            return [_ref_from(li) for li in items[:_MAX_REF_ITEMS]]
        tables = [sib] if sib.tag == "table" else sib.xpath(".//table")
        if tables:  # one row per item ("[1] | Author. Title. Journal, 2008.")
            rows = [tr for tr in _ROWS(tables[0]) if clean_inline(tr.text_content())]
            return [_ref_from(tr) for tr in rows[:_MAX_REF_ITEMS]]
        text = clean_inline(sib.text_content())
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
