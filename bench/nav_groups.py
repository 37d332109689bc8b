"""Where the missed navigation items sit: counts per structure class, tune and check side by
side (bench/README.md, "Whole groups (tenth session)").

    python -m bench.nav_groups [--truth DIR] [--data DIR] [--detail]

The truth files and pages of bench/navigation.py, prepared and navigated as bench/nav_audit.py
does, matched as bench/nav_metric.py matches. Each missed item's link is looked up in the page
(its first anchor with that address) and classified three ways:

- place: in the site's chrome; in a side column (an `<aside>`, a box named side, rail or
  widget); before the `<h1>`; inside the `<article>`/`<main>` that holds the text (the first
  such ancestor with a paragraph of prose), among or after its prose; in a card's own
  `<article>` without prose; outside them, after the page's last paragraph of prose or
  elsewhere;
- label: the nearest text before it (previous siblings of the link and of up to five boxes
  above it): a known related heading, a site-wide list's heading, another short line (at
  most 80 characters), a longer text, or nothing;
- pipeline: what the rail path (cleaners/generic/nav_rails.py) says about the nearest list
  holding it: no page address (rails need one), no list of headline links to articles
  within seven boxes (the walk goes through a card's own `<article>`, stops at `<main>`
  and `<body>`), a list in a box with a not-rail name, a list under a related heading, a
  list under a site-wide list's heading, a list another rail filter refused.

Check is read as counts only (no page, item or label printed); --detail lists each tune
page's classified misses.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from .nav_metric import items_of, match, nav_record, norm_url
from .navigation import DEFAULT_TRUTH, default_data, load_truth

SPLITS = ("tune", "check")
_PROSE = 150  # characters: a paragraph of the text, not a caption or a card's summary
_SIDE_NAME = re.compile(r"(?<![a-z])side|rail|widget")
_LABEL_LEVELS = 6
_LIST_LEVELS = 7
_MAX_LABEL = 80


def _prose(el, squash, raw_text) -> list:
    return [p for p in el.iter("p") if len(squash(raw_text(p))) > _PROSE]


def place(a, order: dict, h1_at: int | None, root) -> str:
    from cleaners.generic.nav_dom import box_names, in_chrome, raw_text, squash

    if in_chrome(a):
        return "chrome"
    ups = list(a.iterancestors())
    if any(x.tag == "aside" for x in ups) or \
            _SIDE_NAME.search(" ".join(box_names(x) for x in ups)):
        return "side column"
    at = order[a]
    if h1_at is not None and at < h1_at:
        return "before the <h1>"
    boxes = [x for x in ups if x.tag in ("article", "main")]
    text_box = next((x for x in boxes if _prose(x, squash, raw_text)), None)
    if boxes and text_box is None:
        return "in a card's <article> without prose"
    prose = _prose(text_box if text_box is not None else root, squash, raw_text)
    after = bool(prose) and at > order[prose[-1]]
    if text_box is not None:
        return "in the text's <article>/<main>, " + ("after its prose" if after else
                                                     "among its prose")
    return "outside it, " + ("after the last prose" if after else "elsewhere")


def label(a) -> str:
    from cleaners.generic.nav_dom import STOP_TAGS, raw_text, squash
    from cleaners.generic.nav_scan import heading_label, related_heading

    node = a
    for _ in range(_LABEL_LEVELS):
        prev = node.getprevious()
        while prev is not None:
            text = squash(raw_text(prev)) if isinstance(prev.tag, str) else ""
            if text:
                if len(text) > _MAX_LABEL:
                    return "a longer text"
                if related_heading(text):
                    return "a known related heading"
                return "a site-wide list's heading" if heading_label(text) else \
                    "a short line of other words"
            prev = prev.getprevious()
        node = node.getparent()
        if node is None or node.tag in STOP_TAGS:
            break
    return "nothing"


def pipeline(a, url: str | None) -> str:
    from cleaners.generic import nav_rails as rails
    from cleaners.generic.nav_dom import STOP_TAGS, raw_text, squash
    from cleaners.generic.nav_rail_heads import heading_of
    from cleaners.generic.nav_scan import heading_label, related_heading

    if not url:
        return "no page address"
    for el in list(a.iterancestors())[:_LIST_LEVELS]:
        if el.tag in STOP_TAGS and el.tag != "article":  # a card may be an <article> of its own
            break
        if not rails._rail_items(el, url, rails._MAX_ITEM):
            continue
        if rails._hinted(el) is None:
            return "a list in a box with a not-rail name"
        head = heading_of(el)
        text = squash(raw_text(head))[:100] if head is not None else ""
        if text and related_heading(text):
            return "a list under a related heading"
        if text and heading_label(text):
            return "a list under a site-wide list's heading"
        return "a list another rail filter refused"
    return "no list of headline links to articles"


def misses(truth: dict, data: Path):
    """(page root, base URL, truth items, missed ones) of one page; None when absent."""
    from .nav_audit import navigated

    got = navigated(truth, data)
    if got is None:
        return None
    root, url, links, teasers, _elements = got
    found = items_of(nav_record(links, teasers))
    items = items_of(truth)
    hit = {j for _, j in match(found, items)}
    return root, url, items, [it for j, it in enumerate(items) if j not in hit]


def classify(truth_dir: Path, data: Path, detail: bool) -> dict:
    from cleaners.generic.nav_dom import absolute

    counts = {s: defaultdict(Counter) for s in SPLITS}
    zero = Counter()
    for truth in load_truth(truth_dir):
        split = truth.get("split")
        got = misses(truth, data) if split in SPLITS else None
        if got is None or not got[3]:
            continue
        root, url, items, missed = got
        zero[split] += len(missed) == len(items)
        order = {el: i for i, el in enumerate(root.iter())}
        h1 = next(root.iter("h1"), None)
        anchors: dict = {}
        for a in root.iter("a"):
            href = a.get("href")
            if href:
                anchors.setdefault(norm_url(absolute(href, url)), a)
                anchors.setdefault(norm_url(href), a)
        for it in missed:
            a = anchors.get(it.url) if it.url else None
            row = ("link not in the page", "-", "-") if a is None else \
                (place(a, order, order.get(h1), root), label(a), pipeline(a, url))
            c = counts[split]
            c["place"][row[0]] += 1
            c["label"][row[1]] += 1
            c["pipeline"][row[2]] += 1
            c["place x kind"][(row[0], it.kind)] += 1
            c["place x label"][(row[0], row[1])] += 1
            c["place x pipeline"][(row[0], row[2])] += 1
            if detail and split == "tune":
                sys.stderr.write(f"{truth['id']}\t{it.kind}\t{' | '.join(row)}\t{it.shown}\n")
    return {"pages_nothing_found": dict(zero),
            "counts": {s: {dim: {" / ".join(k) if isinstance(k, tuple) else k: n
                                 for k, n in c.most_common()}
                           for dim, c in counts[s].items()} for s in SPLITS}}


def _table(report: dict) -> str:
    lines = [f"pages where nothing is found: {report['pages_nothing_found']}"]
    tune, check = report["counts"]["tune"], report["counts"]["check"]
    for dim in ("place", "label", "pipeline", "place x kind", "place x label",
                "place x pipeline"):
        lines.append(f"\n{dim}: missed items, tune / check")
        keys = set(tune.get(dim, {})) | set(check.get(dim, {}))
        for k in sorted(keys, key=lambda k: (-check.get(dim, {}).get(k, 0), k)):
            lines.append(f"  {k:90s} {tune.get(dim, {}).get(k, 0):4d} "
                         f"{check.get(dim, {}).get(k, 0):4d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import json

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--truth", type=Path, default=DEFAULT_TRUTH)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--detail", action="store_true", help="list tune misses (stderr)")
    args = ap.parse_args(argv)
    report = classify(args.truth, args.data or default_data(), args.detail)
    sys.stderr.write(_table(report) + "\n")
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
