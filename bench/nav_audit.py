"""Audit of the navigation rules: which acceptance path found each item, and what each rule
is worth on the tune and on the check split.

    python -m bench.nav_audit [--truth DIR] [--data DIR] [--jobs N] [--only SUBSTR]
                              [--verify] [--no-ablations]

The truth files and pages are those of bench/navigation.py, scored the same way
(bench/nav_metric.py). Each page is parsed and prepared once as extract_article does
(metadata read, the disclaimer element and non-content dropped); navigation then runs on the
prepared trees with cleaners.generic.navigation.explain_navigation, which also names each
item's acceptance path (`why`). --verify checks once that this gives, page by page, the
items of extract_article (bench.navigation's figures).

1. Attribution: per path ("prevnext:REL", "class", "heading:cards", "rail", "embed", ...)
   the tp and fp of the items it produced, per split and per pool.
2. Ablation: each rule switched off in-process (a module constant or function swapped for
   the run and restored: no switch in product code), the split totals recomputed; a rule is
   an acceptance path, a filter, a sub-rule, or a vocabulary group or entry (the related
   heading words by their comment groups in cleaners/vocab_headings.py, and each entry or
   RELATED_CLASS alternative that produced an item). Reported: tune and check tp/fp/fn and
   F1 with the rule off, and the deltas to all rules on.

stdout: one JSON object; stderr: the tables.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
import tokenize
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .nav_metric import Counts, items_of, match
from .navigation import DEFAULT_TRUTH, default_data, load_truth, page_path

NEVER = re.compile(r"(?!x)x")  # a pattern that matches nothing: a vocabulary switched off
SPLITS = ("tune", "check")


# --- pages ---------------------------------------------------------------------------------

@dataclass(slots=True)
class Page:
    truth: dict
    items: list  # truth items (nav_metric.Item)
    url: str | None
    root: object = None
    html: bytes = b""


def prepare(html: bytes, url: str | None):
    """The tree extract_article hands to find_navigation (cleaners/extract.py)."""
    from cleaners.html import drop_non_content, parse_html
    from cleaners.metadata import read_metadata

    root, _warnings = parse_html(html)
    meta = read_metadata(root, url)
    disclaimer = meta.pop("disclaimer_element", None)
    if disclaimer is not None and disclaimer.getparent() is not None:
        disclaimer.drop_tree()
    drop_non_content(root)
    return root


def load_pages(truth_dir: Path, data: Path) -> list[Page]:
    pages = []
    for truth in load_truth(truth_dir):
        path = page_path(data, truth)
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes())
        url = truth.get("url") or None
        pages.append(Page(truth, items_of(truth), url, prepare(html, url), html))
    return pages


def navigate(page: Page) -> tuple[dict, list[str]]:
    """(record with related_links and teasers, each record item's path) for one page."""
    from cleaners.generic import navigation

    links, teasers, _elements, why = navigation.explain_navigation(page.root, page.url)
    record = {"related_links": [{"rel": x.rel, "title": x.title, "url": x.url} for x in links],
              "teasers": [{"title": t.title, "url": t.url} for t in teasers]}
    whys = [why.get(id(x), "?") for x in links] + [why.get(id(t), "?") for t in teasers]
    return record, whys


def path_of(why: str) -> str:
    """The acceptance path of a provenance string, without its label or class token."""
    head = why.split(" ", 1)[0]
    if head.startswith("class:"):
        return "class"
    if head.startswith("prevnext:") and " " in why:
        return f"{head} {why.split(' ', 1)[1]}"
    return head


# --- scoring -------------------------------------------------------------------------------

@dataclass(slots=True)
class Totals:
    split: dict = field(default_factory=dict)  # split -> Counts
    pool: dict = field(default_factory=dict)  # (split, pool) -> Counts
    paths: dict = field(default_factory=dict)  # (split, pool, path) -> [tp, fp]
    whys: dict = field(default_factory=dict)  # (split, why) -> [tp, fp]

    def summary(self) -> dict:
        out = {}
        for s in SPLITS:
            c = self.split.get(s, Counts())
            out[s] = {**c.as_dict(), "by_pool": {
                pool: v.as_dict() for (sp, pool), v in sorted(self.pool.items()) if sp == s}}
        return out


def evaluate(pages: list[Page], attribute: bool = False) -> Totals:
    totals = Totals()
    for page in pages:
        record, whys = navigate(page)
        found = items_of(record)
        pairs = match(found, page.items)
        split = page.truth.get("split") or "?"
        pool = page.truth.get("pool") or "navigation-pool"
        tp = len(pairs)
        for key, store in ((split, totals.split), ((split, pool), totals.pool)):
            store.setdefault(key, Counts()).add(tp, len(found) - tp, len(page.items) - tp)
        if attribute:
            hit = {i for i, _ in pairs}
            for i, why in enumerate(whys):
                col = 0 if i in hit else 1
                totals.paths.setdefault((split, pool, path_of(why)), [0, 0])[col] += 1
                totals.whys.setdefault((split, why), [0, 0])[col] += 1
    return totals


def verify(pages: list[Page]) -> list[str]:
    """Page ids whose items differ from extract_article's (bench.navigation's record)."""
    from .navigation import extract_record

    bad = []
    for page in pages:
        record, _ = navigate(page)
        full = extract_record(page.html, page.url)
        if items_of(record) != items_of(full):
            bad.append(page.truth["id"])
    return bad


# --- switching rules off -------------------------------------------------------------------

def _modules():
    return [m for name, m in list(sys.modules.items())
            if m is not None and (name == "cleaners" or name.startswith("cleaners."))]


class Patch:
    """Module attributes swapped for one run: (module, name, value) triples, or every binding
    of an object in the cleaners modules (`everywhere`: a compiled vocabulary imported by
    name into several modules)."""

    def __init__(self, sets=(), everywhere=(), defaults=()):
        self.sets, self.everywhere, self.defaults = list(sets), list(everywhere), list(defaults)
        self._undo: list = []

    def __enter__(self):
        import importlib

        for mod, name, value in self.sets:
            module = importlib.import_module(mod)
            self._undo.append((module, name, getattr(module, name)))
            setattr(module, name, value)
        for old, new in self.everywhere:
            for module in _modules():
                for name, value in list(vars(module).items()):
                    if value is old:
                        self._undo.append((module, name, old))
                        setattr(module, name, new)
        for func, values in self.defaults:
            self._undo.append((func, "__defaults__", func.__defaults__))
            func.__defaults__ = values
        _clear_caches()
        return self

    def __exit__(self, *exc):
        for target, name, value in reversed(self._undo):
            setattr(target, name, value)
        self._undo.clear()
        _clear_caches()


def _clear_caches() -> None:
    from cleaners.generic import nav_cards

    nav_cards.class_says.cache_clear()


@dataclass(slots=True)
class Rule:
    name: str
    kind: str  # path | filter | sub-rule | vocabulary
    where: str
    patch: Callable[[], Patch]


def _const(value):
    return lambda *a, **k: value


def _identity(first, *a, **k):
    return first


def _without_strength(test):
    from cleaners.generic import navigation

    orig_c, orig_t = navigation.candidates, navigation.titled
    return [("cleaners.generic.navigation", "candidates",
             lambda hits: [c for c in orig_c(hits) if not test(c)]),
            ("cleaners.generic.navigation", "titled",
             lambda root: [c for c in orig_t(root) if not test(c)])]


def split_alternatives(pattern: str) -> list[str]:
    """Top-level alternatives of a regex source ("a|b(?:c|d)|e" -> a, b(?:c|d), e)."""
    out, depth, start, i = [], 0, 0, 0
    in_class = False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def word_groups(module_file: Path, tuple_name: str) -> list[tuple[str, str]]:
    """(comment group, entry) of a word tuple, in order: each entry under the last comment
    line above it (vocab_headings.py groups its words by language so)."""
    src = module_file.read_text(encoding="utf-8")
    out: list[tuple[str, str]] = []
    inside, depth, group = False, 0, ""
    prev = None
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if not inside:
            if tok.type == tokenize.OP and tok.string == "(" and prev == tuple_name:
                inside, depth = True, 1
            elif tok.type == tokenize.NAME:
                prev = tok.string if tok.string == tuple_name else prev
            elif tok.type == tokenize.OP and tok.string == "=":
                pass
            else:
                prev = None if tok.type not in (tokenize.NL, tokenize.NEWLINE) else prev
            continue
        if tok.type == tokenize.COMMENT:
            group = tok.string.lstrip("# ").strip()[:60]
        elif tok.type == tokenize.STRING:
            out.append((group, eval(tok.string)))  # noqa: S307 (a literal of our own file)
        elif tok.type == tokenize.OP and tok.string in "([":
            depth += 1
        elif tok.type == tokenize.OP and tok.string in ")]":
            depth -= 1
            if depth == 0:
                break
    return out


def heading_patterns(related: tuple, site: tuple) -> dict:
    """vocab.py's heading patterns built from other word tuples (the same expressions)."""
    from cleaners import vocab as V

    alt = V._alt
    return {
        "RELATED_HEADING": re.compile(
            rf"{V._DECOR_HEAD}{V._TAG_HEADINGS}(?:{alt(related)}){V._DECOR_TAIL}", re.IGNORECASE),
        "TEASER_HEADING": re.compile(
            rf"{V._DECOR_HEAD}(?:{alt(related + site)}){V._DECOR_TAIL}", re.IGNORECASE),
        "SITE_LIST_START": re.compile(rf"{V._DECOR_HEAD}(?:{alt(site)})", re.IGNORECASE),
        "SITE_LIST_END": re.compile(
            rf"[\s\-–—|]+(?:{alt(site)}){V._DECOR_TAIL}", re.IGNORECASE),
    }


def _vocab_patch(related: tuple, site: tuple) -> Patch:
    from cleaners import vocab as V

    new = heading_patterns(related, site)
    return Patch(everywhere=[(getattr(V, name), pat) for name, pat in new.items()])


def _regex_without(pattern: re.Pattern, drop: set[int]) -> re.Pattern:
    alts = split_alternatives(pattern.pattern)
    kept = [a for i, a in enumerate(alts) if i not in drop]
    return re.compile("|".join(kept), pattern.flags) if kept else NEVER


def vocabulary_rules(used_why: set[str]) -> list[Rule]:
    """The related heading words by comment group and, for entries that produced an item,
    one by one; the site-list words by group; RELATED_CLASS alternatives that named a block;
    the zh-only vocabularies."""
    from cleaners import vocab as V
    from cleaners import vocab_headings as H
    from cleaners import vocab_zh as Z

    rules: list[Rule] = []
    related = word_groups(Path(H.__file__), "RELATED_WORDS")
    site = word_groups(Path(H.__file__), "SITE_LIST_WORDS")
    assert tuple(e for _, e in related) == H.RELATED_WORDS, "vocab_headings.py parse drifted"
    base = heading_patterns(H.RELATED_WORDS, H.SITE_LIST_WORDS)
    assert all(base[n].pattern == getattr(V, n).pattern for n in base), "vocab.py drifted"
    rel_all, site_all = H.RELATED_WORDS, H.SITE_LIST_WORDS
    for group in dict.fromkeys(g for g, _ in related):
        keep = tuple(e for g, e in related if g != group)
        rules.append(Rule(f"related words: {group}", "vocabulary", "vocab_headings.RELATED_WORDS",
                          lambda keep=keep: _vocab_patch(keep, site_all)))
    labels = {w.split(" ", 1)[1] for w in used_why if w.startswith("heading:") and " " in w}
    for entry in rel_all:
        one = re.compile(rf"{V._DECOR_HEAD}(?:{entry}){V._DECOR_TAIL}", re.IGNORECASE)
        if any(one.match(label) for label in labels):
            keep = tuple(e for e in rel_all if e != entry)
            rules.append(Rule(f"related word: {entry}", "vocabulary", "RELATED_WORDS entry",
                              lambda keep=keep: _vocab_patch(keep, site_all)))
    for group in dict.fromkeys(g for g, _ in site):
        keep = tuple(e for g, e in site if g != group) if group else ()
        rules.append(Rule(f"site-list words: {group or '(first group)'}", "vocabulary",
                          "vocab_headings.SITE_LIST_WORDS",
                          lambda keep=keep: _vocab_patch(rel_all, keep)))
    zh_site = tuple(e for e in site_all if e not in Z.ZH_SITE_LIST_WORDS)
    rules.append(Rule("zh site-list words (ZH_SITE_LIST_WORDS)", "vocabulary", "vocab_zh",
                      lambda: _vocab_patch(rel_all, zh_site)))
    for_you = re.compile(V.FOR_YOU_HEADING.pattern.replace(f"|{V._alt(Z.ZH_LONG_FEED_WORDS)}", ""),
                         V.FOR_YOU_HEADING.flags)
    rules.append(Rule("zh long feed words (ZH_LONG_FEED_WORDS)", "vocabulary", "vocab_zh",
                      lambda: Patch(everywhere=[(V.FOR_YOU_HEADING, for_you)])))
    hub = V.NON_ARTICLE_URL.pattern.removesuffix("|" + Z.ZH_TOPIC_HUB_PATH)
    rules.append(Rule("zh topic hub path (ZH_TOPIC_HUB_PATH)", "vocabulary", "vocab_zh",
                      lambda: Patch(everywhere=[(V.NON_ARTICLE_URL,
                                                 re.compile(hub, V.NON_ARTICLE_URL.flags))])))
    tag_free = re.compile(V.RELATED_HEADING.pattern.replace(V._TAG_HEADINGS, ""),
                          V.RELATED_HEADING.flags)
    rules.append(Rule("tag headings excluded (_TAG_HEADINGS)", "filter", "vocab.RELATED_HEADING",
                      lambda: Patch(everywhere=[(V.RELATED_HEADING, tag_free)])))
    tokens = {w.split(":", 1)[1] for w in used_why if w.startswith("class:")}
    for i, alt in enumerate(split_alternatives(V.RELATED_CLASS.pattern)):
        one = re.compile(alt)
        if any(one.search(t) for t in tokens):
            rules.append(Rule(f"related class: {alt}", "vocabulary", "vocab.RELATED_CLASS",
                              lambda i=i: Patch(everywhere=[
                                  (V.RELATED_CLASS, _regex_without(V.RELATED_CLASS, {i}))])))
    for name in ("CLASS_EXCLUDE", "NAV_EXCLUDE", "NO_ARTICLE", "SITE_LIST_CLASS", "AD_CLASS",
                 "SPONSORED_TEXT", "JOB_AD_TITLE", "CALL_TO_ACTION", "NOT_RAIL_CLASS",
                 "RAIL_CLASS", "CHROME_CLASS"):
        rules.append(Rule(f"{name} off", "filter" if name != "RAIL_CLASS" else "sub-rule",
                          f"vocab.{name}",
                          lambda name=name: Patch(everywhere=[(getattr(V, name), NEVER)])))
    return rules


def structural_rules() -> list[Rule]:
    from cleaners.generic import (
        nav_block,
        nav_candidates,
        nav_dom,
        nav_embeds,
        nav_rails,
        navigation,
        teasers,
    )

    NAV, TEA, RAI, EMB = ("cleaners.generic.navigation", "cleaners.generic.teasers",
                          "cleaners.generic.nav_rails", "cleaners.generic.nav_embeds")
    CAN, NOT = "cleaners.generic.nav_candidates", "cleaners.generic.nav_not_articles"
    BLK, CRD = "cleaners.generic.nav_block", "cleaners.generic.nav_cards"
    C = nav_candidates
    big = 10 ** 6
    orig_acceptable, orig_chrome = navigation._acceptable, nav_dom.in_chrome
    orig_hinted = nav_rails._hinted
    r = []

    def add(name, kind, where, *sets, defaults=()):
        import importlib

        if all(hasattr(importlib.import_module(m), n) for m, n, _ in sets):
            r.append(Rule(name, kind, where, lambda sets=sets: Patch(sets, defaults=defaults)))
        # else: the rule is gone from the product (dropped by an audit): nothing to switch

    def add_fn(name, kind, where, factory):
        r.append(Rule(name, kind, where, lambda: Patch(factory())))

    # prev/next: acceptance paths
    add_fn("prevnext: REL (rel=prev/next on <a>)", "path", "nav_candidates.candidates",
           lambda: _without_strength(lambda c: c.strength == C.REL))
    add_fn("prevnext: CLASS (nav-previous boxes)", "path", "nav_candidates.candidates",
           lambda: _without_strength(lambda c: c.strength == C.CLASS))
    add_fn("prevnext: WORD label on link/line", "path", "nav_candidates._from_text",
           lambda: _without_strength(lambda c: c.strength == C.WORD and not c.why))
    add_fn("prevnext: WORD line without link", "path", "nav_candidates._from_text",
           lambda: _without_strength(lambda c: c.why == "line"))
    add_fn("prevnext: ARROW only", "path", "nav_candidates._from_text",
           lambda: _without_strength(lambda c: c.strength == C.ARROW))
    add("prevnext: titled (title attribute)", "path", "nav_candidates.titled",
        (NAV, "titled", _const([])))
    add("prevnext: <link rel> in head", "path", "navigation._with_head_links",
        (NAV, "_with_head_links", lambda nav, hits, url, why: nav))
    add("prevnext: all", "path", "navigation", (NAV, "_resolve", lambda *a: ([], [])),
        (NAV, "_with_head_links", lambda nav, hits, url, why: nav))
    # prev/next: filters and helpers
    add("prevnext filter: arrows only in pairs", "filter", "navigation._pairs_only_for_arrows",
        (NAV, "_pairs_only_for_arrows", _identity))
    add("prevnext filter: in chrome", "filter", "navigation._acceptable",
        (NAV, "in_chrome", _const(False)))
    add("prevnext filter: same article page", "filter", "navigation._acceptable",
        (NAV, "page_of_same_article", _const(False)))
    add("prevnext filter: home page", "filter", "navigation._acceptable",
        (NAV, "home_page", _const(False)))
    add("prevnext filter: read more", "filter", "navigation._acceptable",
        (NAV, "read_more", _const(False)))
    add("prevnext filter: in pager", "filter", "nav_flips.in_pager",
        (NAV, "in_pager", _const(False)))
    add("prevnext filter: hidden", "filter", "navigation._acceptable",
        (NAV, "hidden", _const(False)))
    add("prevnext filter: in media box", "filter", "nav_flips.in_media_box",
        (NAV, "in_media_box", _const(False)))
    add("prevnext filter: in calendar", "filter", "nav_flips.in_calendar",
        (NAV, "in_calendar", _const(False)))
    add("prevnext filter: weak link inside a block", "filter", "navigation._acceptable",
        (NAV, "_acceptable", lambda cand, in_blocks, url: orig_acceptable(cand, set(), url)))
    add("prevnext: title nearby", "sub-rule", "navigation._title_nearby",
        (NAV, "_title_nearby", _const("")))
    add("prevnext filter: quoted guillemets", "filter", "nav_candidates._QUOTED",
        (CAN, "_QUOTED", NEVER))
    add("prevnext filter: nav line slack", "filter", "nav_candidates._is_nav_line",
        (CAN, "_is_nav_line", lambda line, label, a: line is not None))
    # blocks: acceptance paths
    add("block: class seeds", "path", "teasers._class_seeds", (TEA, "_class_seeds", _const([])))
    add("block: heading (all shapes)", "path", "teasers._from_heading",
        (TEA, "_from_heading", _const(None)))
    add("block: heading inline label", "path", "teasers._inline", (TEA, "_inline", _const(None)))
    add("block: heading text pairs", "path", "nav_text_pairs.text_pairs",
        (TEA, "text_pairs", _const([])))
    add("block: rails", "path", "nav_rails.find_rails", (TEA, "find_rails", _const([])))
    add("block: embeds", "path", "nav_embeds.find_embeds", (TEA, "find_embeds", _const([])))
    # blocks: teasers.py sub-rules and filters
    add("class: item seeds stand for parent", "sub-rule", "teasers._class_seeds",
        (TEA, "_class_seeds", lambda els: list(dict.fromkeys(els))))
    add("class filter: site-list heading", "filter", "teasers._site_list",
        (TEA, "_site_list", _const(False)))
    add("heading filter: More from <author>", "filter", "teasers._author_names",
        (TEA, "_author_names", _const(set())))
    add("heading filter: label is a link", "filter", "teasers._in_link",
        (TEA, "_in_link", _const(False)))
    add("heading filter: ad widget", "filter", "teasers._in_ad", (TEA, "_in_ad", _const(False)))
    add("heading filter: in header/footer", "filter", "teasers.find_blocks",
        (TEA, "in_chrome", lambda el, menus=True: menus and orig_chrome(el)))
    add("class filter: in chrome", "filter", "teasers.find_blocks",
        (TEA, "in_chrome", lambda el, menus=True: not menus and orig_chrome(el, menus=False)))
    add("heading: listing links beside heading", "sub-rule", "teasers._listing_links",
        (TEA, "_listing_links", _const(0)))
    add("heading filter: cards under site list", "filter", "teasers._under_site_list",
        (TEA, "_under_site_list", _const(False)))
    add("heading: region cut at prose", "sub-rule", "teasers._trim_region",
        (TEA, "_trim_region", _identity))
    add("block: for-you feed may be long", "sub-rule", "teasers._max_cards",
        (TEA, "_max_cards", _const(nav_block.MAX_CARDS)))
    add("block filter: >20 cards is a feed", "filter", "nav_block.make_block",
        (TEA, "_max_cards", _const(big)), defaults=[(nav_block.make_block, (big,))])
    add("block filter: hidden block", "filter", "teasers._take",
        (TEA, "hidden", _const(False)))
    add("embed: newsletter path", "filter", "teasers._NEWSLETTER_PATH",
        (TEA, "_NEWSLETTER_PATH", NEVER))
    add("embed: two links one article", "sub-rule", "teasers._from_embed",
        (TEA, "_from_embed", _embed_without_merge(teasers)))
    # nav_block / nav_not_articles filters
    add("card filter: not an article (all)", "filter", "nav_not_articles.not_an_article",
        (BLK, "not_an_article", _const(False)))
    add("card filter: sections/channel digest", "filter", "nav_not_articles.without_sections",
        (BLK, "without_sections", _identity))
    add("card filter: channel digest", "filter", "nav_not_articles._channel_digest",
        (NOT, "_channel_digest", _const(False)))
    add("block filter: topic list", "filter", "nav_block._topic_like",
        (BLK, "_topic_like", _const(False)))
    add("block filter: hidden cards", "filter", "nav_block.make_block",
        (BLK, "hidden", _const(False)))
    add("card filter: sponsored badge", "filter", "nav_not_articles._sponsored_badge",
        (NOT, "_sponsored_badge", _const(False)))
    add("card filter: priced (shop)", "filter", "nav_not_articles._priced",
        (NOT, "_priced", _const(False)))
    add("card filter: native slot", "filter", "nav_not_articles._NATIVE_SLOT",
        (NOT, "_NATIVE_SLOT", NEVER))
    add("card filter: section path", "filter", "nav_not_articles._SECTION_PATH",
        (NOT, "_SECTION_PATH", NEVER))
    add("card filter: other site", "filter", "nav_not_articles.same_site",
        (NOT, "same_site", _const(True)))
    add("card filter: non-article URL", "filter", "nav_not_articles.NON_ARTICLE_URL",
        (NOT, "NON_ARTICLE_URL", NEVER))
    add("items filter: page itself (not_itself)", "filter", "nav_merge.not_itself",
        (NAV, "own_title_keys", _const(set())))
    # nav_cards
    add("card: byline links", "filter", "nav_cards._byline", (CRD, "_byline", _const(False)))
    add("card: stretched link", "sub-rule", "nav_cards._stretched",
        (CRD, "_stretched", _const([])))
    add("card: image-link title", "sub-rule", "nav_cards._unlinked_title",
        (CRD, "_unlinked_title", _const(None)))
    # rails
    add("rail filter: apart from article", "filter", "nav_rails._apart_from_article",
        (RAI, "_apart_from_article", _const(False)))
    add("rail filter: site-list heading", "filter", "nav_rail_heads.site_list_heading",
        (RAI, "site_list_heading", _const(False)))
    add("rail filter: plain rail heading", "filter", "nav_rail_heads.plain_rail_heading",
        (RAI, "plain_rail_heading", _const(True)))
    add("rail filter: other section", "filter", "nav_rail_heads.other_section",
        (RAI, "other_section", _const(False)))
    add("rail filter: heading leads away", "filter", "nav_rail_heads.heading_leads_away",
        (RAI, "heading_leads_away", _const(False)))
    add("rail filter: in nav", "filter", "nav_rails._in_nav", (RAI, "_in_nav", _const(False)))
    add("rail filter: in chrome", "filter", "nav_rails.in_chrome",
        (RAI, "in_chrome", _const(False)))
    add("rail filter: not-rail boxes", "filter", "nav_rails._not_rail_box",
        (RAI, "_not_rail_box", _const(False)))
    add("rail: unhinted rails (class hint needed)", "path", "nav_rails._hinted",
        (RAI, "_hinted", lambda el: orig_hinted(el) or None))
    add("rail: items' own names hint", "sub-rule", "nav_rails._items_hinted",
        (RAI, "_items_hinted", _const(False)))
    add("rail: excerpt cards allow long items", "sub-rule", "nav_rails._excerpt_cards",
        (RAI, "_excerpt_cards", _const(False)))
    add("rail: plain items short", "filter", "nav_rails._MAX_PLAIN_ITEM",
        (RAI, "_MAX_PLAIN_ITEM", 600))
    add("rail: article itself counts", "sub-rule", "nav_rails._leads_here",
        (RAI, "_leads_here", _const(False)))
    # embeds
    add("embed filter: site list/comments", "filter", "nav_embeds._in_site_list",
        (EMB, "_in_site_list", _const(False)))
    add("embed filter: ad", "filter", "nav_embeds._in_ad", (EMB, "_in_ad", _const(False)))
    add("embed filter: in chrome", "filter", "nav_embeds.in_chrome",
        (EMB, "in_chrome", _const(False)))
    add("embed filter: hidden", "filter", "nav_embeds.hidden", (EMB, "hidden", _const(False)))
    add("embed: kicker link", "sub-rule", "nav_embeds._kicker_link",
        (EMB, "_kicker_link", _const(False)))
    add("embed: label line before card", "sub-rule", "nav_embeds._label_line",
        (EMB, "_label_line", _const(False)))
    add("embed: group of cards beside prose", "sub-rule", "nav_embeds._between_prose",
        (EMB, "_between_prose", lambda card, url: nav_embeds._prose_beside(card, url)))
    add("embed filter: same host", "filter", "nav_embeds._same_host",
        (EMB, "_same_host", _const(True)))
    add("embed filter: call to action", "filter", "nav_embeds.CALL_TO_ACTION",
        (EMB, "CALL_TO_ACTION", NEVER))
    add("embed filter: portal (>300 links)", "filter", "nav_embeds._MAX_LINKS",
        (EMB, "_MAX_LINKS", big))
    return r



def _trim_variant(cut_prose: bool = True, cut_loose: bool = True, pop_tail: bool = True):
    """teasers._trim_region with one of its three cuts switched off."""
    from cleaners.generic import teasers
    from cleaners.generic.nav_block import BLOCK_SLACK, loose_text
    from cleaners.generic.nav_dom import text_len

    def trim(region, cards):
        holders = set()
        for card in cards:
            for el in (card.el, card.extra):
                node = el
                while node is not None and node not in holders:
                    holders.add(node)
                    node = node.getparent()
        used = []
        for el in region:
            if el in holders:
                if cut_loose and loose_text(el, cards) > BLOCK_SLACK:
                    break
            elif cut_prose and text_len(el, teasers._INLINE_SLACK) > teasers._INLINE_SLACK:
                break
            used.append(el)
        while pop_tail and used and used[-1] not in holders:
            used.pop()
        return used
    return trim


def _alternative_rules(label: str, pattern: re.Pattern, where: str) -> list[Rule]:
    """One rule per top-level alternative of a compiled vocabulary (every binding swapped)."""
    out = []
    for i, alt in enumerate(split_alternatives(pattern.pattern)):
        out.append(Rule(f"alt {label}: {alt}", "vocabulary", where,
                        lambda i=i: Patch(everywhere=[(pattern, _regex_without(pattern, {i}))])))
    return out


# Tightened alternatives, each found on tune pages (bench/README.md, navigation audit): "side"
# as a name of its own or a name's first part ("sidebar", "c-list-title--side"), not inside a
# word ("aside", "inside") nor a layout's modifier ("has-sidebar", "no-sidebars"); "hidden"
# not as the clipping utility "overflow-hidden".
TIGHT_SIDE = r"(?<![a-z])(?<!has-)(?<!with-)(?<!no-)side"
TIGHT_HIDDEN = r"(?<!overflow-)(?<!overflow-x-)(?<!overflow-y-)hidden"


def _tightened(name: str, alt: str, tight: str) -> Rule | None:
    """A vocabulary's alternative replaced by a tighter one (not switched off)."""
    from cleaners import vocab as V

    pattern = getattr(V, name)
    alts = split_alternatives(pattern.pattern)
    if alt not in alts:
        return None
    new = re.compile("|".join(tight if a == alt else a for a in alts), pattern.flags)
    return Rule(f"tighten {name}: {alt} -> {tight}", "tightening", f"vocab.{name}",
                lambda: Patch(everywhere=[(pattern, new)]))

_PREVNEXT_TUPLES = ("PREV_SYMBOLS", "NEXT_SYMBOLS", "PREV_CJK", "NEXT_CJK", "PREV_PHRASES",
                    "NEXT_PHRASES", "PREV_WORDS", "NEXT_WORDS")


def _prevnext_patterns(name: str, entry: str) -> list[tuple]:
    """(old, new) compiled patterns of cleaners/vocab_prevnext.py rebuilt without one entry
    of one of its word tuples: its source re-run from the first pattern builder on."""
    from cleaners import vocab_prevnext as P

    src = Path(P.__file__).read_text(encoding="utf-8")
    tail = src[src.index("_SEP_AHEAD = "):]
    ns = dict(vars(P))
    ns[name] = tuple(e for e in getattr(P, name) if e != entry)
    exec(compile(tail, P.__file__, "exec"), ns)  # noqa: S102 (our own module's source)
    return [(value, ns[key]) for key, value in vars(P).items()
            if isinstance(value, re.Pattern) and ns.get(key) is not value and
            ns[key].pattern != value.pattern]


def prevnext_word_rules() -> list[Rule]:
    """Each prev/next label of cleaners/vocab_prevnext.py switched off on its own."""
    from cleaners import vocab_prevnext as P

    return [Rule(f"prevnext word {name}: {entry}", "vocabulary", f"vocab_prevnext.{name}",
                 lambda name=name, entry=entry: Patch(everywhere=_prevnext_patterns(name, entry)))
            for name in _PREVNEXT_TUPLES for entry in getattr(P, name)]

def finer_rules() -> list[Rule]:
    """Parts of the rules whose switch-off moved the check split: the region's three cuts,
    the alternatives of the class vocabularies, the parts of the embed site-list filter."""
    from cleaners import vocab as V
    from cleaners.generic import nav_dom, nav_embeds

    TEA, EMB = "cleaners.generic.teasers", "cleaners.generic.nav_embeds"
    orig_chrome = nav_dom.in_chrome
    r = [Rule("heading trim: cut at prose between cards", "sub-rule", "teasers._trim_region",
              lambda: Patch([(TEA, "_trim_region", _trim_variant(cut_prose=False))])),
         Rule("heading trim: cut at a card box with loose text", "sub-rule",
              "teasers._trim_region",
              lambda: Patch([(TEA, "_trim_region", _trim_variant(cut_loose=False))])),
         Rule("heading trim: drop trailing non-card elements", "sub-rule", "teasers._trim_region",
              lambda: Patch([(TEA, "_trim_region", _trim_variant(pop_tail=False))])),
         Rule("class filter: chrome without bare menu", "filter", "teasers.find_blocks",
              lambda: Patch([(TEA, "in_chrome", lambda el, menus=True: orig_chrome(el, False))])),
         Rule("embed filter: comment threads", "filter", "nav_embeds._COMMENTS",
              lambda: Patch([(EMB, "_COMMENTS", NEVER)])),
         Rule("embed filter: site-list class", "filter", "nav_embeds._SITE_LIST_CLASS",
              lambda: Patch([(EMB, "_SITE_LIST_CLASS", NEVER)]))]
    r += _alternative_rules("RAIL_CLASS", V.RAIL_CLASS, "vocab.RAIL_CLASS")
    r += _alternative_rules("CLASS_EXCLUDE", V.CLASS_EXCLUDE, "vocab.CLASS_EXCLUDE")
    r += _alternative_rules("NOT_RAIL_CLASS", V.NOT_RAIL_CLASS, "vocab.NOT_RAIL_CLASS")
    r += _alternative_rules("embed site list", nav_embeds._SITE_LIST_CLASS,
                            "nav_embeds._SITE_LIST_CLASS")
    r.append(Rule("heading trim: both cuts (prose, loose card box)", "sub-rule",
                  "teasers._trim_region", lambda: Patch([(TEA, "_trim_region", _trim_variant(
                      cut_prose=False, cut_loose=False))])))
    r += [x for x in (_tightened("NOT_RAIL_CLASS", "side", TIGHT_SIDE),
                      _tightened("NOT_RAIL_CLASS", "hidden", TIGHT_HIDDEN)) if x is not None]
    names = split_alternatives(V._CHROME_NAMES)
    for i, alt in enumerate([*names, "menu"]):
        kept = "|".join(a for j, a in enumerate(names) if j != i)
        menu = "|menu" if alt != "menu" else ""
        loose = re.compile(rf"(?<![a-z])(?:{kept}{menu})(?![a-z])")
        strict = re.compile(rf"(?<![a-z])(?:{kept})(?![a-z])") if alt != "menu" else \
            V.CHROME_CLASS_STRICT
        r.append(Rule(f"alt CHROME_CLASS: {alt}", "vocabulary", "vocab._CHROME_NAMES",
                      lambda loose=loose, strict=strict: Patch(everywhere=[
                          (V.CHROME_CLASS, loose), (V.CHROME_CLASS_STRICT, strict)])))
    return r

def _embed_without_merge(teasers):
    """_from_embed without its "headline and summary each linked" merge: two cards to one
    article stay two (and the embed is then refused: one card only)."""
    orig = teasers._from_embed

    def from_embed(el, url, nav_anchors):
        cards = teasers.find_cards([el], nav_anchors)
        if len(cards) > 1 and len({c.href for c in cards}) == 1:
            return None
        return orig(el, url, nav_anchors)
    return from_embed


# --- running -------------------------------------------------------------------------------

_PAGES: list[Page] = []
_RULES: dict[str, Rule] = {}


def _run_rule(name: str) -> tuple[str, dict]:
    rule = _RULES[name]
    with rule.patch():
        totals = evaluate(_PAGES)
    return name, totals.summary()


def _f1(d: dict) -> float:
    return d["f1"] or 0.0


def _delta(off: dict, base: dict) -> dict:
    out = {}
    for s in SPLITS:
        o, b = off[s], base[s]
        out[s] = {"tp": o["tp"] - b["tp"], "fp": o["fp"] - b["fp"], "fn": o["fn"] - b["fn"],
                  "f1": round(_f1(o) - _f1(b), 4),
                  "by_pool": {p: {"tp": v["tp"] - b["by_pool"].get(p, {}).get("tp", 0),
                                  "fp": v["fp"] - b["by_pool"].get(p, {}).get("fp", 0)}
                              for p, v in o["by_pool"].items()}}
    return out


def _verdict(d: dict) -> str:
    tune, check = d["tune"], d["check"]
    if not (check["tp"] or check["fp"] or check["fn"]):
        return "no check effect"
    if check["f1"] > 0:
        return "OFF raises check F1"
    if check["f1"] < 0:
        return "keep"
    return "check F1 flat" if tune["f1"] else "check F1 flat"


def _paths_table(totals: Totals) -> str:
    rows: dict = {}
    for (split, pool, path), (tp, fp) in totals.paths.items():
        rows.setdefault(path, {}).setdefault(split, [0, 0])
        rows[path][split][0] += tp
        rows[path][split][1] += fp
        rows[path].setdefault(f"{split}:{pool}", [0, 0])
        rows[path][f"{split}:{pool}"][0] += tp
        rows[path][f"{split}:{pool}"][1] += fp
    pools = sorted({pool for (_s, pool, _p) in totals.paths})
    head = f"{'path':28}{'tune tp/fp':>12}{'check tp/fp':>13}" + "".join(
        f"{'chk ' + p[:10]:>16}" for p in pools)
    lines = ["acceptance paths (items found, tp/fp):", head]
    for path in sorted(rows):
        t = rows[path].get("tune", [0, 0])
        c = rows[path].get("check", [0, 0])
        cells = "".join(f"{'/'.join(map(str, rows[path].get('check:' + p, [0, 0]))):>16}"
                        for p in pools)
        lines.append(f"{path:28}{t[0]:>7}/{t[1]:<4}{c[0]:>8}/{c[1]:<4}{cells}")
    return "\n".join(lines)


def _ablation_table(base: dict, results: list[dict]) -> str:
    lines = ["ablation (rule OFF minus all on; tp/fp/fn deltas, F1 delta):",
             (f"{'rule':52}{'tune tp/fp/fn':>16}{'tune F1':>9}{'check tp/fp/fn':>17}"
              f"{'check F1':>9}  verdict")]
    for row in results:
        d = row["delta"]
        t, c = d["tune"], d["check"]
        lines.append(f"{row['rule'][:52]:52}{t['tp']:>+6}/{t['fp']:+d}/{t['fn']:+d}"
                     .ljust(68) + f"{t['f1']:>+9.4f}" +
                     f"{c['tp']:>+8}/{c['fp']:+d}/{c['fn']:+d}".ljust(17) +
                     f"{c['f1']:>+9.4f}  {row['verdict']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.nav_audit",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--truth", type=Path, default=DEFAULT_TRUTH)
    ap.add_argument("--data", type=Path, default=default_data())
    ap.add_argument("--jobs", type=int, default=2, help="processes for the ablation runs")
    ap.add_argument("--only",
                    help="ablate only rules whose name contains one of these (comma-separated)")
    ap.add_argument("--verify", action="store_true",
                    help="check the prepared-tree items against extract_article's")
    ap.add_argument("--no-ablations", action="store_true")
    args = ap.parse_args(argv)

    global _PAGES, _RULES
    _PAGES = load_pages(args.truth, args.data)
    report: dict = {"benchmark": "nav_audit", "pages": len(_PAGES)}
    if args.verify:
        bad = verify(_PAGES)
        report["verify_differs"] = bad
        sys.stderr.write(f"verify: {len(bad)} pages differ from extract_article {bad[:10]}\n")
    base_totals = evaluate(_PAGES, attribute=True)
    base = base_totals.summary()
    report["all_rules_on"] = base
    report["paths"] = [{"split": s, "pool": p, "path": path, "tp": v[0], "fp": v[1]}
                       for (s, p, path), v in sorted(base_totals.paths.items())]
    report["whys"] = [{"split": s, "why": w, "tp": v[0], "fp": v[1]}
                      for (s, w), v in sorted(base_totals.whys.items())]
    sys.stderr.write(f"all rules on: tune {base['tune']} \ncheck {base['check']}\n")
    sys.stderr.write(_paths_table(base_totals) + "\n")
    results = []
    if not args.no_ablations:
        used = {w for (_s, w) in base_totals.whys}
        rules = (structural_rules() + vocabulary_rules(used) + finer_rules() +
                 prevnext_word_rules())
        if args.only:
            wanted = [w for w in args.only.split(",") if w]
            rules = [x for x in rules if any(w in x.name for w in wanted)]
        _RULES = {x.name: x for x in rules}
        names = list(_RULES)
        if args.jobs > 1:
            import multiprocessing as mp

            with mp.get_context("fork").Pool(args.jobs) as pool:
                done = dict(pool.imap_unordered(_run_rule, names))
        else:
            done = dict(map(_run_rule, names))
        for name in names:
            rule, off = _RULES[name], done[name]
            delta = _delta(off, base)
            results.append({"rule": name, "kind": rule.kind, "where": rule.where,
                            "off": off, "delta": delta, "verdict": _verdict(delta)})
        report["ablations"] = results
        sys.stderr.write(_ablation_table(base, results) + "\n")
    sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
