"""The switches of bench/nav_audit.py: a Patch swaps module attributes of cleaners for one
run and restores them; a Rule names what it switches off. Here the vocabulary rules (heading
word groups and entries, regex alternatives, prev/next labels) and tightened alternatives;
the structural rules are in bench/nav_audit_structural.py."""
from __future__ import annotations

import io
import re
import sys
import tokenize
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NEVER = re.compile(r"(?!x)x")  # a pattern that matches nothing: a vocabulary switched off

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
