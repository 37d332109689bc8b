"""The structural rules of bench/nav_audit.py's ablation: each acceptance path, filter and
sub-rule of cleaners/generic's navigation switched off in-process (bench/nav_audit_patch.py's
Patch), and finer parts of the rules whose switch-off moved the check split."""
from __future__ import annotations

import re
import sys

from .nav_audit_patch import (
    NEVER,
    TIGHT_HIDDEN,
    TIGHT_SIDE,
    Patch,
    Rule,
    _alternative_rules,
    _const,
    _identity,
    _tightened,
    _without_strength,
    split_alternatives,
)


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

        gone = [f"{m}.{n}" for m, n, _ in sets if not hasattr(importlib.import_module(m), n)]
        if not gone:
            r.append(Rule(name, kind, where, lambda sets=sets: Patch(sets, defaults=defaults)))
        else:  # dropped from the product by an audit, or renamed: say so, a rename would
            # otherwise switch the rule's audit off unseen
            print(f"audit: skipped {name!r}: {', '.join(gone)} not found", file=sys.stderr)

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
    add("block: label lists", "path", "nav_label_lists.find_label_lists",
        (TEA, "find_label_lists", _const([])))
    add("block: text boxes", "path", "nav_text_boxes.find_text_boxes",
        (TEA, "find_text_boxes", _const([])))
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
    # the site's own lists (nav_sitewide.py)
    add("rail filter: items off the article's section", "filter", "nav_sitewide.off_section",
        (RAI, "off_section", _const(False)))
    add("embed filter: too many for a text", "filter", "nav_sitewide.too_many_embeds",
        (TEA, "too_many_embeds", _const(False)))
    add("rail/embed card filter: one-word page", "filter", "nav_sitewide.word_page",
        (TEA, "word_page", _const(False)))
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
        holders = teasers._holders(cards)
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
