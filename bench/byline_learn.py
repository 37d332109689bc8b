"""A learned byline line: can a small logistic model, trained on the tune truth, find the line
that names a page's writers where no reader of ours does (docs/metadata-annotation.md "Tried
and not shipped: a learned byline line", then "A learned byline line, shipped")?

    python -m bench.byline_learn [--eval-check] [--pool]

Candidates (cleaners/byline_line.py, cleaners/byline_zones.py): the rendered lines of <= 100
characters of the headline's and the article text's containers (no related, comment, menu or
teaser blocks), in the header zone (from just above the `<h1>` to the first prose paragraph)
and the tail zone (the last lines of the article text and the lines after it), which
`cleaners/names.py` `split_names` turns into 1-3 capitalised names, one person-like, and which
show a byline's mark (a byline label, a byline class word, an author-page link); no interface
words, photo credits or source lines. Label (tune only): every name of the line is a truth
author (names compared as `bench.metadata` compares them). Features: general ones only
(position, length, capitals, the label, an author link's URL shape, class words, a date on the
line, menu / footer, the site's name, a name linked elsewhere). Model: L2 logistic regression
in numpy, chosen by leave-one-site-out cross-validation on tune. The page-level effect is
simulated on the pages our readers leave without a writer (the gate, `weak`): the best
candidate above the threshold replaces their authors (`read_metadata` without the model gives
the authors before). `--eval-check` then scores the chosen model once on the clean check pages
and prints counts and rates only. `--pool` runs it on the unannotated tune pages of body-dev,
zh-dev and article-extraction-dev (`bench/pools.py`) and prints each page's best line scoring
>= 0.3 with its score (tune pages only), the share of pages the gate passes and how many lists
the shipped threshold changes. The printed `WEIGHTS` table goes into cleaners/byline_line.py.
"""
from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from urllib.parse import urlsplit

import numpy as np

from cleaners.byline_line import (
    FEATURES,
    best_line,
    candidates,
    learned_authors,
    weak,
)

from .metadata import DEFAULT_POOLS, DEFAULT_TRUTH, _norm_name, healthcrawl, load

# ---------------------------------------------------------------- the model

def fit(x: np.ndarray, y: np.ndarray, l2: float, iters: int = 30) -> np.ndarray:
    """L2 logistic regression by Newton's method (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 1e-6
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def predict(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ w)))


# ---------------------------------------------------------------- the pages

def site_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host or url


@contextmanager
def without_model():
    """`read_metadata` as it is without the learned line (the authors the model may replace);
    yields a dict that holds, after each `read_metadata`, the site keys it handed the model."""
    import cleaners.metadata as md

    saved, seen = md.learned_authors, {}

    def record(_root, _authors, keys):
        seen["keys"] = keys
        return []

    md.learned_authors = record
    try:
        yield seen
    finally:
        md.learned_authors = saved


def gather(groups: set[str]) -> list[dict]:
    from cleaners.html import parse_html

    pages, missing = load(DEFAULT_TRUTH, DEFAULT_POOLS, groups)
    if missing:
        print(f"{len(missing)} pages not found", file=sys.stderr)
    out = []
    for truth, html in pages:
        url = truth.get("url") or ""
        with without_model() as seen:
            got = healthcrawl(html, url)
        root, _w = parse_html(html)
        keys = seen["keys"]
        cands = candidates(root, keys)
        want = {_norm_name(a["name"]) for a in truth["authors"]}
        out.append({"site": site_of(url) if url else truth["id"], "want": want,
                    "have": [_norm_name(n) for n in got["authors"]], "authors": got["authors"],
                    "keys": keys, "cands": cands,
                    "labels": [float(all(_norm_name(n) in want for n in names))
                               for names, _f, _u in cands]})
    return out


def tally(pages: list[dict], chosen: dict[int, list[str]]) -> tuple[int, int, int]:
    """(tp, have, want) over the pages with `chosen` authors replacing ours."""
    tp = have = want = 0
    for k, page in enumerate(pages):
        names = {_norm_name(n) for n in chosen[k]} if k in chosen else set(page["have"])
        tp += len(names & page["want"])
        have += len(names)
        want += len(page["want"])
    return tp, have, want


def rates(t: tuple[int, int, int]) -> str:
    tp, have, want = t
    return (f"tp {tp} fp {have - tp} fn {want - tp}  P {tp / max(1, have):.3f} "
            f"R {tp / max(1, want):.3f}")


def choose(pages: list[dict], scores: list[np.ndarray], thr: float, mode: str
           ) -> dict[int, list[str]]:
    chosen = {}
    for k, page in enumerate(pages):
        if not page["cands"] or not weak(page["authors"], page["keys"], mode):
            continue
        best = int(np.argmax(scores[k]))
        if scores[k][best] >= thr:
            chosen[k] = page["cands"][best][0]
    return chosen


def loso_scores(pages: list[dict], cols: list[int], l2: float) -> list[np.ndarray]:
    """Each page's candidate scores from a model fitted without its site's pages."""
    sites = sorted({p["site"] for p in pages})
    out: list[np.ndarray] = [np.zeros(0)] * len(pages)
    xs = [np.array([f for _n, f, _u in p["cands"]])[:, cols] if p["cands"] else None for p in pages]
    for site in sites:
        train = [k for k, p in enumerate(pages) if p["site"] != site and p["cands"]]
        x = np.vstack([xs[k] for k in train])
        y = np.concatenate([pages[k]["labels"] for k in train])
        w = fit(x, y, l2)
        for k, p in enumerate(pages):
            if p["site"] == site and p["cands"]:
                out[k] = predict(xs[k], w)
    return out


def _cand_rates(pages: list[dict], scores: list[np.ndarray]) -> str:
    """Candidate-level precision / recall at 0.5 (every candidate of every page)."""
    y = np.concatenate([p["labels"] for p in pages if p["cands"]])
    s = np.concatenate([scores[k] for k, p in enumerate(pages) if p["cands"]])
    tp = int(((s >= 0.5) & (y == 1)).sum())
    return f"P {tp / max(1, (s >= 0.5).sum()):.3f} R {tp / max(1, y.sum()):.3f}"


def pool_changes() -> int:
    """The unannotated tune pool pages: how many the gate passes, each list the model changes."""
    from pathlib import Path

    from cleaners.html import parse_html
    from cleaners.metadata import read_metadata

    from .pools import _LOADERS, load_pools

    annotated = {p.stem for p in Path(DEFAULT_TRUTH).glob("*.json")}
    pool, _missing = load_pools(list(_LOADERS))
    n = gated = changed = 0
    for page in pool:
        if page.split != "tune" or f"{page.pool}--{page.id}" in annotated:
            continue
        source = page.source if isinstance(page.source, bytes) else page.source.encode()
        root, _w = parse_html(source)
        with without_model() as seen:
            authors = read_metadata(root, page.url)["authors"]
        n += 1
        keys = seen["keys"]
        gated += weak(authors, keys, GATE)
        new = [p["name"] for p in learned_authors(root, authors, keys)]
        if new:
            changed += 1
        best = best_line(root, authors, keys)
        if best and best[2] >= 0.3:  # (the lists a lower threshold would change too)
            print(f"{best[2]:.2f}\t{page.pool}--{page.id}\t{authors} -> {best[0]}")
    print(f"tune pool: {n} pages, {gated} pass the gate, {changed} lists changed", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval-check", action="store_true",
                    help="score the chosen model once on the clean check pages (counts only)")
    ap.add_argument("--pool", action="store_true",
                    help="the author lists it changes on the unannotated tune pool pages")
    args = ap.parse_args(argv)
    if args.pool:
        return pool_changes()
    pages = gather({"tune"})
    n_cands = sum(len(p["cands"]) for p in pages)
    n_pos = sum(sum(p["labels"]) for p in pages)
    print(f"tune: {len(pages)} pages, {n_cands} candidates, {int(n_pos)} positive", file=sys.stderr)
    base = tally(pages, {})
    print(f"tune today: {rates(base)}", file=sys.stderr)
    for mode in MODES:
        gated = [k for k, p in enumerate(pages) if weak(p["authors"], p["keys"], mode)]
        reach = sum(1 for k in gated if any(pages[k]["labels"]))
        print(f"gate {mode}: {len(gated)} pages, {reach} with a right candidate", file=sys.stderr)
    cols = list(range(len(FEATURES)))
    for l2 in (0.1, 1.0, 3.0, 10.0):
        scores = loso_scores(pages, cols, l2)
        print(f"l2 {l2}: candidate {_cand_rates(pages, scores)}", file=sys.stderr)
        for mode in MODES:
            for thr in (0.3, 0.5, 0.7, 0.8, 0.9):
                chosen = choose(pages, scores, thr, mode)
                print(f"  {mode:6} thr {thr}: {len(chosen):3} pages  "
                      f"{rates(tally(pages, chosen))}", file=sys.stderr)
    w = fit(np.array([f for p in pages for _n, f, _u in p["cands"]]),
            np.concatenate([p["labels"] for p in pages if p["cands"]]), L2)
    insample = [predict(np.array([f for _n, f, _u in p["cands"]]), w) if p["cands"]
                else np.zeros(0) for p in pages]
    print(f"tune in-sample (l2 {L2}, threshold {THRESHOLD}, gate {GATE}): "
          f"{rates(tally(pages, choose(pages, insample, THRESHOLD, GATE)))}", file=sys.stderr)
    # the table cleaners/byline_line.py holds as WEIGHTS
    cells = [f'"{n}": {v:.3f}' for n, v in zip(FEATURES, w, strict=True)]
    print("WEIGHTS = {\n" + "".join("    " + ", ".join(cells[i:i + 4]) + ",\n"
                                     for i in range(0, len(cells), 4)) + "}")
    if args.eval_check:
        check = gather({"check_clean"})
        scores = [predict(np.array([f for _n, f, _u in p["cands"]]), w) if p["cands"]
                  else np.zeros(0) for p in check]
        chosen = choose(check, scores, THRESHOLD, GATE)
        print(f"check_clean ({len(check)} pages) today: {rates(tally(check, {}))}",
              file=sys.stderr)
        print(f"check_clean with the model: {len(chosen)} pages changed, "
              f"{rates(tally(check, chosen))}", file=sys.stderr)
    return 0


# chosen by leave-one-site-out on tune (the table main() prints)
L2, THRESHOLD, GATE = 3.0, 0.5, "named"
MODES = ("empty", "site", "person", "named")


if __name__ == "__main__":
    sys.exit(main())
