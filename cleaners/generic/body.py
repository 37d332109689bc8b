"""Main-text detection: score text blocks, find the densest cluster of prose, filter it.

0. The page's one main landmark (<main>, role="main") bounds the search when it holds the
   headline (body_region.py).
1. Every block gets a weight: prose (long, punctuated, few links) is positive, link lists
   and menus are negative, short neutral lines count for nothing.
2. Elements marked as chrome (boilerplate.py) are dropped with their blocks, unless one
   holds most of the page's prose: then its name describes a wrapper, not chrome.
3. Prose weight flows to the ancestors of each block with decay (Readability's scheme):
   the element directly holding many paragraphs wins over a page-wide wrapper, and a card
   with one teaser snippet stays weak. Candidates pay for their link density.
4. The winner widens to an ancestor whose added text is prose too (an article split over
   lead, body boxes and columns), climbs through wrappers that add no text, and to the
   level where an article split into repeated sections (same tag and class) has its
   siblings; those sections, sibling paragraphs and sibling boxes of prose are merged,
   with the heading right before each of them when there are several. A page builder
   nests each section's text deep under the section: the climb goes up through ancestors
   adding no prose to where the sections are siblings, when the headline's own box sits
   among them (an <h1> heading a section beside that box heads no other story).
5. Prose between the headline and the container is the lead (often inside <header>; a
   heading of paragraph length there is a standfirst).
6. The kept blocks lose what looks like chrome in context (trim.py).
7. The share of the page's visible prose they hold is reported (prose_share): a low one asks
   trafilatura for a second opinion (fallback.py).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

from lxml import etree

from .blocks import HEADING_TAGS, Block, Page, linearize
from .body_extent import (
    LEAD_WEIGHT,
    card_rail,
    lead,
    outer_list,
    post_messages,
    signature,
    under_headline,
)
from .body_recipe import with_recipe
from .body_region import declared_body, main_region
from .body_weights import block_weight, released_marks
from .boilerplate import is_header, is_hidden
from .trim import trim

_BODY = etree.XPath("//body", smart_strings=False)
DECLARED_SHARE = 0.25  # the declared body must hold this share of the page's prose
# Owners that are one paragraph: their score goes to the element holding them.
PARAGRAPH_TAGS = frozenset("p li td th pre blockquote dd dt h1 h2 h3 h4 h5 h6".split())
_DECAY = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12)
_CANDIDATES = 5
WIDEN_LEVELS = 3
BUILDER_LEVELS = 8  # the deepest nesting of a builder's text box in its section
BUILDER_ADDED = 1.25  # ... and the text its section adds to it (a heading), as a factor
SIBLING_SHARE = 0.2  # a sibling box with this share of the winner's prose continues it
WIDEN_SHARE = 0.2  # added prose, as a share of the chosen container's, to widen to a parent
WIDEN_LINKS = 0.25  # the most link text the added part may have
# ... when the winner is the headline's header (a lead and nothing else): the article it
# heads is around it, with its download, share and author links
HEADER_WIDEN_LINKS = 0.4


@dataclass(slots=True)
class BodyResult:
    container: object | None
    blocks: list[Block]  # kept, in document order
    all_blocks: list[Block]
    # the kept blocks' prose weight over the page's (chrome included): low when a small
    # block won over a larger text-dense region, a choice worth a second opinion
    prose_share: float = 1.0
    # a short text right under the headline, in the headline's own container: a short post
    # (set for short texts only, body_extent.py; fallback.py keeps it against a stranger)
    short_post: bool = False


def _other_headline(el, headline) -> bool:
    """Does el show an <h1> that is not the page's headline?"""
    return any(h1 is not headline for h1 in el.iter("h1"))


def _untitled(el) -> bool:
    """Does el show no title heading (<h1>-<h3>)? A post of a thread has none; a story and
    a card have one."""
    return next(el.iter("h1", "h2", "h3"), None) is None


def _prefix(values) -> list:
    return [0, *accumulate(values)]


class Layout:
    """Content blocks of a page with prefix sums: subtree totals in O(1) via spans."""

    def __init__(self, page: Page, weights: list[float], content: list[bool]) -> None:
        self.page = page
        self.spans = page.spans
        self.weights = weights
        self.content = content
        self.headline = None  # the page's headline element, when known
        blocks = page.blocks
        self._chars = _prefix(len(b.text) if c else 0 for b, c in zip(blocks, content, strict=True))
        self._links = _prefix(b.link_chars if c else 0
                              for b, c in zip(blocks, content, strict=True))
        self._prose = _prefix(w if c and w > 0 else 0.0
                              for w, c in zip(weights, content, strict=True))

    def _total(self, sums: list, el) -> float:
        span = self.spans.get(el)
        return sums[span[1]] - sums[span[0]] if span else 0

    def chars(self, el) -> int:
        return self._total(self._chars, el)

    def prose(self, el) -> float:
        return self._total(self._prose, el)

    def link_density(self, el) -> float:
        chars = self.chars(el)
        return self._total(self._links, el) / chars if chars else 0.0

    def scores(self) -> dict:
        """Readability's scheme: a paragraph's weight goes to its parent, decaying upwards."""
        scores: dict = {}
        for b, w, c in zip(self.page.blocks, self.weights, self.content, strict=True):
            if w <= 0 or not c:
                continue
            el = b.owner.getparent() if b.leaf or b.tag in PARAGRAPH_TAGS else b.owner
            if el not in self.spans:  # a paragraph right under the root: score the root
                el = b.owner
            for decay in _DECAY:
                if el is None or el not in self.spans:
                    break
                scores[el] = scores.get(el, 0.0) + w * decay
                el = el.getparent()
        return scores

    def winner(self, headline=None):
        """The best candidate by score times (1 - link density). A candidate showing a
        headline other than the page's own is another story (endless scroll): it counts
        for half."""
        ranked = sorted(self.scores().items(), key=lambda kv: kv[1], reverse=True)
        best, best_score = None, 0.0
        for el, s in ranked[:_CANDIDATES]:
            s *= 1.0 - self.link_density(el)
            if headline is not None and _other_headline(el, headline):
                s *= 0.5
            if s > best_score:
                best, best_score = el, s
        return best

    def _section(self, sib, sig: tuple) -> bool:
        """Is sib another section of the article whose section has signature sig? Not when
        it has a headline of its own or is a titled <article>: then it is another story
        (the next one of an endless-scroll page, a card of a list). Untitled <article>
        siblings are the posts of one thread (a forum's replies under its first post)."""
        return bool(sig[1]) and signature(sib) == sig \
            and self.prose(sib) > 0 and self.link_density(sib) < 0.5 \
            and (sig[0] != "article" or _untitled(sib)) \
            and not self._other_story(sib)  # (the subtree walks last)

    def _other_story(self, sib) -> bool:
        """Does sib show an <h1> of another story? Not when sib sits in the <article> that
        holds the page's headline: there an <h1> heads a section (Medium's layout)."""
        if sib.find(".//h1") is None:
            return False
        headline = self.headline
        if headline is None:
            return True
        if self._beside_headline(sib):
            return False
        article = next(sib.iterancestors("article"), None)
        return article is None or not any(el is article for el in headline.iterancestors())

    def _beside_headline(self, sib) -> bool:
        """Is the page's headline a box of its own among sib's siblings (not inside one of
        sib's kind)? Then the <h1> in sib heads a section under that headline (a page
        builder sets every section heading as <h1>); the next story of an endless-scroll
        page holds its headline in a sibling of its own kind."""
        parent = sib.getparent()
        el = self.headline
        while el is not None and el.getparent() is not parent:
            el = el.getparent()
        return el is not None and signature(el) != signature(sib)

    def _repeats(self, el) -> bool:
        """Does el have a sibling that is another section of the same article?"""
        parent = el.getparent()
        if parent is None:
            return False
        sig = signature(el)
        if el.tag == "article" and not _untitled(el):
            return False
        return any(sib is not el and self._section(sib, sig) for sib in parent)

    def climb(self, winner):
        """Up through wrappers that add no text; then to the level where an article split
        into repeated sections (same tag and class) shows its siblings."""
        parent = winner.getparent()
        while parent is not None and parent.tag != "body" and \
                self.chars(parent) == self.chars(winner):
            winner, parent = parent, parent.getparent()
        el = winner
        for _ in range(3):
            if self._repeats(el):
                return el
            el = el.getparent()
            if el is None or el.tag == "body":
                break
        section = self._builder_section(winner)
        return winner if section is None else section

    def _builder_section(self, winner):
        """A page builder nests each section's text deep (section > container > row >
        column > wrappers > text box): up through ancestors that add no prose (a section
        heading, an image, a short label) to the level where the article's sections are
        siblings, under the headline's own box among them."""
        prose, chars = self.prose(winner), self.chars(winner)
        el = winner.getparent()
        for _ in range(BUILDER_LEVELS):
            if el is None or el.tag == "body" or self.prose(el) > prose or \
                    self.chars(el) > BUILDER_ADDED * chars:
                return None
            if self._beside_headline(el) and self._repeats(el):
                return el
            el = el.getparent()
        return None

    def widen(self, winner, headline=None):
        """Up to an ancestor whose added text is prose too: an article split over several
        containers (lead, body boxes, a second column) is taken whole. The added part must
        carry a fair share of prose, few links, and no other story's headline."""
        el, levels = winner, 0
        while levels < WIDEN_LEVELS:
            parent = el.getparent()
            if parent is None or parent.tag in ("body", "html") or parent not in self.spans:
                break
            added_prose = self.prose(parent) - self.prose(el)
            added_chars = self.chars(parent) - self.chars(el)
            if added_chars <= 0:  # a wrapper adding no text is no level
                el = parent
                continue
            levels += 1
            added_links = self._total(self._links, parent) - self._total(self._links, el)
            lead_only = headline is not None and is_header(el) and \
                any(a is el for a in headline.iterancestors())
            if added_prose < WIDEN_SHARE * self.prose(el) or added_links > (
                    HEADER_WIDEN_LINKS if lead_only else WIDEN_LINKS) * added_chars or \
                    headline is not None and _other_headline(parent, headline):
                break
            el = parent
            if lead_only:
                break  # the article the header heads, and no further (its page's rails)
        return el

    def members(self, winner) -> list:
        """The winner and its siblings that continue the article."""
        parent = winner.getparent()
        if parent is None:
            return [winner]
        sig = signature(winner)
        out, headings = [], []
        heading = None  # the heading seen last, when only textless elements followed it
        for sib in parent:
            if not isinstance(sib.tag, str):
                continue
            if sib is winner or self.prose(sib) and (
                    self._section(sib, sig) or self._is_prose(sib) or self._prose_box(sib, winner)):
                if heading is not None:
                    headings.append(heading)
                out.append(sib)
            elif not self.chars(sib):
                continue  # a rule (<hr>), an image: the heading still heads what follows
            heading = sib if self._section_heading(sib) else None
        if len(out) < 2 or not headings:
            return out
        # an article split into sibling boxes, each under its heading (an accordion per
        # chapter): the headings are the article's too
        keep = set(out) | set(headings)
        return [sib for sib in parent if sib in keep]

    def _section_heading(self, el) -> bool:
        """A heading of the article's own (not the page's headline, not a linked card
        title), which heads the sibling that follows it."""
        return el.tag in HEADING_TAGS and el is not self.headline and \
            self.link_density(el) <= 0.5

    def _prose_box(self, sib, winner) -> bool:
        """A sibling container of prose (Readability's sibling rule): a fair share of the
        winner's prose, few links, no headline of another story."""
        return self.prose(sib) >= SIBLING_SHARE * self.prose(winner) \
            and self.link_density(sib) < WIDEN_LINKS and not self._other_story(sib) \
            and not card_rail(sib)

    def _is_prose(self, el) -> bool:
        """A paragraph of prose (not a widget): a leaf block with few links."""
        span = self.spans.get(el)
        if not span or span[1] - span[0] != 1:
            return False
        block = self.page.blocks[span[0]]
        if block.owner is not el or not block.leaf:
            return False
        chars = self.chars(el)
        return chars > 80 and self.link_density(el) < 0.25


def find_body(root, title: str = "", headline=None, lines: frozenset = frozenset()
              ) -> BodyResult:
    """headline: the element showing the title (title.headline_element), or None; lines:
    the recipe the page declares (ld_body.declared_lines)."""
    body = _BODY(root)
    top = main_region(root, headline)
    if top is None:
        top = body[0] if body else root
    keep = set(headline.iterancestors()) if headline is not None else frozenset()
    page = linearize(top, keep=keep)
    result = _find_body(page, title, headline, declared_body(root, page), lines)
    if not result.blocks:
        # every reasonable container was skipped as small chrome: read the whole page
        result = _find_body(linearize(top, skip_small_chrome=False), title, headline,
                            lines=lines)
    return result


def _find_body(page: Page, title: str, headline, declared=None, lines=frozenset()
               ) -> BodyResult:
    blocks = page.blocks
    weights = [block_weight(b) for b in blocks]
    released = released_marks(blocks, weights, headline)
    if declared is not None:  # chrome-looking wrappers around the declared body are not
        released.update(declared.iterancestors())
    content = [all(m in released or w >= LEAD_WEIGHT and is_header(m) for m in b.marks)
               for b, w in zip(blocks, weights, strict=True)]
    layout = Layout(page, weights, content)
    layout.headline = headline
    trusted = declared is not None and \
        layout.prose(declared) >= DECLARED_SHARE * layout.prose(page.root)
    if trusted:
        members = [declared]
    else:
        winner = layout.winner(headline)
        if winner is None:
            return BodyResult(None, [], blocks)
        chosen = layout.widen(outer_list(winner), headline)
        section = layout.climb(chosen)
        members = post_messages(layout.members(section), section, chosen)
    kept = lead(page, weights, content, headline, members)
    for el in members:
        start, end = page.spans.get(el, (0, 0))
        kept.extend(b for b, c in zip(blocks[start:end], content[start:end], strict=True) if c)
    if lines:
        kept = with_recipe(page, kept, content, members, lines)
    if headline is None and kept and title and kept[0].heading and kept[0].text == title:
        kept = kept[1:]  # the headline is the title field, not body text
    owners = Counter(b.owner for b in blocks)
    kept = trim(kept, headline, {el for el, n in owners.items() if n == 1})
    return BodyResult(members[0], kept, blocks,
                      1.0 if trusted else _prose_share(kept, blocks, weights),
                      under_headline(page, kept, headline))


def _prose_share(kept: list[Block], blocks: list[Block], weights: list[float]) -> float:
    """The kept blocks' prose over the page's. Hidden text is no region a reader sees: it
    does not make a choice suspicious."""
    page_prose = sum(w for b, w in zip(blocks, weights, strict=True)
                     if w > 0 and not any(m.keys() and is_hidden(m, m.keys()) for m in b.marks))
    kept_prose = sum(w for w in map(block_weight, kept) if w > 0)
    return kept_prose / page_prose if page_prose else 1.0
