"""Induce a host's template from a few generic analyses of its pages (pure, no I/O).

Input: sample pages of one host and URL shape (cleaners/learned.py `group_of`), each with
the record the generic extractor made of it. For every field the generic extractor found,
the elements that hold it are located in each sample's tree (the title's element, the
paragraphs of the body and the element holding most of them, the <a> of each
prev/next/related link, the item around each teaser), and the simplest CSS selector built
from stable ids and classes (tag, tag.class, tag#id, an ancestor's token before it) that
selects exactly those elements on *every* sample is kept. Blocks inside the body container
that the generic body left out on every sample (share bars, ad slots, headings of teaser
blocks: what repeats on every page around the text) become `body_drop` rules. Finally the
template is applied to each sample through the profile code path and must agree with the
generic record (`learned.disagreement`); if any field has no selector, or any sample
disagrees, there is no template and the host stays generic. `refine` adds drop rules from
a later page whose body container holds a block the samples did not have.
"""
from __future__ import annotations

from typing import NamedTuple

from .analyze import analyze_page
from .encoding import decode_html
from .html import drop_non_content, parse_html
from .learned import FIELDS, Template, disagreement
from .template_select import (
    TEXT_BLOCKS,
    Page,
    anchors,
    candidates,
    norm,
    pick,
    select,
    tokens,
)
from .template_teasers import teaser_selectors

_HEADINGS = ("h1", "h2", "h3", "h4")
MAIN_SHARE = 0.6  # of the body paragraphs the container must hold (_main_container)


class Sample(NamedTuple):
    body: bytes
    url: str
    charset: str | None
    record: dict  # the generic extractor's record of the page


# -- title ---------------------------------------------------------------------------------
def _title_element(page: Page):
    title = page.record.get("title") or ""
    if not title:
        return None
    fallback = None
    for el in page.root.iter(*_HEADINGS, "div", "span", "p", "a", "strong"):
        if norm(el) == title:
            if el.tag in _HEADINGS:
                return el
            fallback = fallback if fallback is not None else el
    return fallback


def _title_selector(pages: list[Page]) -> str | None:
    targets = [_title_element(p) for p in pages]
    if any(t is None for t in targets):
        return None

    def works(css):
        return all((found := select(css, p.root)) and found[0] is t
                   for p, t in zip(pages, targets, strict=True))
    return pick([candidates(t) for t in targets], works)


# -- body ----------------------------------------------------------------------------------
def _paragraph_elements(page: Page) -> list:
    """The deepest element holding each body paragraph (None where none holds it alone)."""
    paragraphs = [p for p in (page.record.get("body") or "").split("\n\n") if p]
    wanted = set(paragraphs)
    found: dict[str, object] = {}
    for el in page.root.iter(*TEXT_BLOCKS):
        text = norm(el)
        if text in wanted:
            found[text] = el  # later in document order = deeper for nested holders
    missing = [p for p in paragraphs if p not in found]
    if missing:  # paragraphs parted by <br><br>, not elements: the element around them
        for el in page.root.iter(*TEXT_BLOCKS):
            text = norm(el)
            for p in missing:
                if p in text and len(text) < 4 * len(p) + 4000:
                    found[p] = el  # later in document order = deeper, as above
    # one entry per paragraph (an element holding several is there several times)
    return [found[p] for p in paragraphs if p in found], len(paragraphs)


def _main_container(elements: list):
    """The deepest element holding at least MAIN_SHARE of the body's paragraph elements: a
    byline or summary line the generic body took from above the text does not widen the
    container to the whole article column."""
    counts: dict = {}
    depth: dict = {}
    for el in elements:
        for n, anc in enumerate(reversed([el, *el.iterancestors()])):
            counts[anc] = counts.get(anc, 0) + 1
            depth[anc] = n
    need = MAIN_SHARE * len(elements)
    held = [anc for anc, c in counts.items() if c >= need]
    return max(held, key=depth.__getitem__) if held else None


def _body(pages: list[Page]) -> tuple[str, list[str]] | None:
    containers, holders = [], []
    for page in pages:
        elements, total = _paragraph_elements(page)
        if not total or len(elements) * 2 < total:
            return None
        container = _main_container(elements)
        if container is None or container.tag in ("html", "body"):
            return None
        if len(elements) == 1:  # one paragraph: its parent is the container
            container = container.getparent()
        containers.append(container)
        holders.append(list(dict.fromkeys(e for e in elements if e is container or
                                          container in set(e.iterancestors()))))

    def works(css):
        return all((found := select(css, p.root)) and found[0] is c
                   for p, c in zip(pages, containers, strict=True))
    css = pick([candidates(c) for c in containers], works)
    if css is None:
        return None
    paragraphs = frozenset(p for page in pages for p in
                           (page.record.get("body") or "").split("\n\n") if p)
    drops = _body_drops(containers, holders, paragraphs=paragraphs)
    return (css, drops) if drops is not None else None


def _boilerplate(container, holders: list, paragraphs: frozenset = frozenset()) -> list:
    """The largest subtrees of the container that hold text but no body paragraph (nor a
    piece of one: a <strong> heading between <br>s of a paragraph holder)."""
    hold = set(holders)
    mixed = {a for h in holders for a in h.iterancestors()}
    out, todo = [], list(container)
    while todo:
        el = todo.pop()
        if not isinstance(el.tag, str) or el in hold:
            continue
        if el in mixed:
            todo.extend(el)
        elif (text := norm(el)) and not any(text in p for p in paragraphs):
            out.append(el)
    return out


def _protected(container, held: list, paragraphs: frozenset) -> set:
    """What a drop rule may not remove: the paragraph holders, their ancestors and what is
    inside them. A container that holds paragraphs itself (text between <br>s) protects only
    the elements inside it whose text is part of a paragraph (and those without text), so an
    editor's line or a share bar after its text can still get a rule."""
    out = set()
    for h in held:
        out.update((h, *h.iterancestors()))
        if h is container and paragraphs:
            out.update(x for x in h.iterdescendants()
                       if not (text := norm(x)) or any(text in p for p in paragraphs))
        else:
            out.update(h.iterdescendants())
    return out


def _body_drops(containers: list, holders: list[list], drops: list[str] | None = None,
                bare: bool = True, paragraphs: frozenset = frozenset()) -> list[str] | None:
    """Drop rules for the boilerplate of every sample's container; each may remove no body
    paragraph (nor an element around or inside one) on any sample. None: some boilerplate
    has no such rule. `drops`: rules already known; bare=False: no bare-tag rules (a rule
    learned from one page must name a class or id)."""
    drops = list(drops or ())
    protected = [_protected(container, held, paragraphs)
                 for container, held in zip(containers, holders, strict=True)]
    for container, held in zip(containers, holders, strict=True):
        for el in _boilerplate(container, held, paragraphs):
            if any(el in select(css, container) for css in drops):
                continue
            for css in (tokens(el) if bare else tokens(el)[:-1]):
                if not any(x in safe for c, safe in zip(containers, protected, strict=True)
                           for x in select(css, c)):
                    drops.append(css)
                    break
            else:
                return None
    return drops


# -- navigation ----------------------------------------------------------------------------
def _link_selector(pages: list[Page], rel: str) -> str | None:
    """Selector of the <a> elements of one kind of related link ("" when no sample has
    any; None when no selector fits). A URL linked twice on a page (a sidebar and the
    prev arrow) may be found through either <a>, but exactly once."""
    targets = []  # per page: url -> the <a> elements leading there
    for page in pages:
        wanted = {}
        for link in page.record.get("related_links") or ():
            if link["rel"] == rel:
                found = anchors(page, link["url"], link["title"])
                if not found:
                    return None
                wanted[link["url"]] = found
        targets.append(wanted)
    if not any(targets):
        return ""

    def works(css):
        for page, wanted in zip(pages, targets, strict=True):
            found = select(css, page.root)
            if len(found) != len(wanted):
                return False
            owners = {u for el in found for u, els in wanted.items() if el in els}
            if len(owners) != len(wanted):
                return False
        return True
    per_page = [list(dict.fromkeys(c for els in wanted.values() for el in els
                                     for c in candidates(el))) for wanted in targets if wanted]
    return pick(per_page, works)


# -- the template --------------------------------------------------------------------------
def _parse(sample: Sample) -> Page:
    text, _encoding, _warnings = decode_html(sample.body, sample.charset)
    root, _ = parse_html(text)
    drop_non_content(root)
    return Page(root, sample.url, sample.record)


def induce(netloc: str, group: str, samples: list[Sample],
           pages: list[Page] | None = None) -> tuple[Template | None, str]:
    """A template that reproduces the generic records of every sample, or (None, why not).
    pages: the samples already parsed (`_parse`; induction only reads the trees)."""
    pages = [_parse(s) for s in samples] if pages is None else pages
    if not pages:
        return None, "no samples"
    selectors: dict = {}
    title = _title_selector(pages)
    if title is None:
        return None, "title"
    selectors["title"] = title
    body = _body(pages)
    if body is None:
        return None, "body"
    selectors["body"], selectors["body_drop"] = body
    for rel in ("prev", "next", "related"):
        css = _link_selector(pages, rel)
        if css is None:
            return None, rel
        selectors[rel] = css
    teasers = teaser_selectors(pages)
    if teasers is None:
        return None, "teasers"
    selectors.update(teasers)
    template = Template(netloc, group, {k: selectors.get(k, "") for k in FIELDS}, len(samples),
                        dated=any(s.record.get("published") for s in samples))
    for sample in samples:
        learned = analyze_page(sample.body, sample.url, charset=sample.charset,
                               profile=template.profile, every_page=True)
        why = "no record" if learned.record is None else \
            disagreement(sample.record, learned.record)
        if why is not None:
            return None, f"check: {why}"
    return template, ""


def induce_leaving_one_out(netloc: str, group: str,
                           samples: list[Sample]) -> tuple[Template | None, str]:
    """The first template induced from the samples but one, leaving out each in turn (the
    oldest first); each sample is parsed once."""
    pages = [_parse(s) for s in samples]
    why = "no samples"
    for left in range(len(samples)):
        template, why = induce(netloc, group, samples[:left] + samples[left + 1:],
                               pages[:left] + pages[left + 1:])
        if template is not None:
            return template, ""
    return None, why


def refine(template: Template, sample: Sample) -> Template | None:
    """The template with drop rules for blocks of a later page's body container that the
    generic body left out (an ad slot none of the samples had), if that makes it agree
    with the generic record of that page exactly in body; else None."""
    page = _parse(sample)
    found = select(template.selectors["body"], page.root)
    if not found:
        return None
    container = found[0]
    wanted = {p for p in (sample.record.get("body") or "").split("\n\n") if p}
    holders = [el for el in container.iter(*TEXT_BLOCKS) if norm(el) in wanted]
    known = list(template.selectors.get("body_drop") or ())
    drops = _body_drops([container], [holders], known, bare=False,
                        paragraphs=frozenset(wanted))
    if not drops or drops == known:
        return None
    refined = Template(template.netloc, template.group,
                       {**template.selectors, "body_drop": drops}, template.samples + 1,
                       template.dated)
    learned = analyze_page(sample.body, sample.url, charset=sample.charset,
                           profile=refined.profile, every_page=True)
    if learned.record is None or disagreement(sample.record, learned.record) is not None \
            or learned.record["body"] != sample.record.get("body"):
        return None
    return refined
