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
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .nav_audit_patch import Rule, prevnext_word_rules, vocabulary_rules
from .nav_audit_structural import finer_rules, structural_rules
from .nav_metric import Counts, items_of, match, nav_record
from .navigation import DEFAULT_TRUTH, default_data, load_truth, page_path

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


def navigated(truth: dict, data: Path):
    """(prepared root, base URL, links, teasers, accepted elements) of a truth page as the
    extractor navigates it (`explain_navigation` on `prepare`'s tree); None when absent."""
    from cleaners.generic.nav_pages import base_url
    from cleaners.generic.navigation import explain_navigation

    path = page_path(data, truth)
    if not path.exists():
        return None
    url = truth.get("url") or None
    root = prepare(gzip.decompress(path.read_bytes()), url)
    url = base_url(root, url)
    links, teasers, elements, _why = explain_navigation(root, url)
    return root, url, links, teasers, elements


def navigate(page: Page) -> tuple[dict, list[str]]:
    """(record with related_links and teasers, each record item's path) for one page."""
    from cleaners.generic import navigation

    links, teasers, _elements, why = navigation.explain_navigation(page.root, page.url)
    record = nav_record(links, teasers)
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
    check = d["check"]
    if not (check["tp"] or check["fp"] or check["fn"]):
        return "no check effect"
    if check["f1"] > 0:
        return "OFF raises check F1"
    if check["f1"] < 0:
        return "keep"
    return "check F1 flat"


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
