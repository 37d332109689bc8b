"""A learned rescue of link groups the navigation rules reject: build the examples, choose a
model by leave-one-site-out cross-validation over tune, measure it once on check
(bench/README.md, "Tried and not shipped: a learned rescue (2026-12-05, 517 tune pages)").

    python -m bench.nav_rescue_train build [--truth DIR] [--data DIR] [--cache FILE]
    python -m bench.nav_rescue_train cv [--cache FILE]          # tune only
    python -m bench.nav_rescue_train check [--cache FILE]       # once, counts only

build: each annotated page prepared as extract_article prepares it (bench/nav_audit.py),
navigated by `explain_navigation`, its other link groups enumerated with their features
(bench/nav_rescue_groups.py) and cached with the page's truth and found items. A group is
positive when half of its items or more are truth items the rules missed (matched by
normalized URL, bench/nav_metric.py); labels are read on tune pages only.

cv: L2 logistic regression (Newton steps, numpy), leave-one-site-out over the tune sites;
every (L2, threshold) pair is scored by adding the rescued groups' items to the rules' items
on each held-out page and matching them to the truth, as bench/navigation.py does. The pair
with the best tune F1 whose precision stays >= the rules' - 0.01 is chosen; the fitted
weights on all of tune are printed.

check: the chosen pair fitted on all of tune, applied once to the check pages: tp/fp/fn
before and after, together, by kind and by language (counts only: no page, item or label).
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from .nav_metric import Counts, Item, items_of, match, nav_record, norm_title, norm_url, score
from .navigation import DEFAULT_TRUTH, default_data, load_truth

CACHE = Path("/tmp/nav_rescue_cache.pkl")
# (model, setting): logistic regression by L2, boosted stumps by rounds
MODELS = (("logit", 0.01), ("logit", 0.1), ("logit", 1.0), ("logit", 10.0),
          ("stumps", 50), ("stumps", 150), ("stumps", 400))
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.05, 0.96, 0.05))
_TEASER_EXTRA = 60  # characters besides the headline in an item: a summary, so a teaser


def _site(truth: dict) -> str:
    from cleaners.generic.nav_pages import registered_domain

    host = urlsplit(truth.get("url") or "").hostname
    return registered_domain(host) if host else truth["id"].rsplit("_", 1)[0]


def build(truth_dir: Path, data: Path) -> list[dict]:
    from .nav_audit import navigated
    from .nav_rescue_groups import PageContext, candidate_groups, features

    pages = []
    for truth in load_truth(truth_dir):
        if truth.get("split") not in ("tune", "check"):
            continue
        got = navigated(truth, data)
        if got is None:
            continue
        root, url, links, teasers, elements = got
        found = items_of(nav_record(links, teasers))
        found_urls = {f.url for f in found if f.url}
        groups = candidate_groups(root, url, set(elements), found_urls, norm_url)
        ctx = PageContext(root, url, len(found))
        rows = []
        for g in groups:
            kind = "teaser" if sum(g.extras) / len(g.extras) >= _TEASER_EXTRA else "related"
            rows.append({"x": features(g, ctx), "kind": kind,
                         "items": [(norm_url(u), norm_title(t)) for u, t in
                                   zip(g.urls, g.titles, strict=True)]})
        pages.append({"id": truth["id"], "split": truth["split"], "site": _site(truth),
                      "language": truth.get("language") or "?", "truth": items_of(truth),
                      "found": found, "groups": rows})
        sys.stderr.write(".")
    sys.stderr.write("\n")
    return pages


def labels(page: dict) -> list[int]:
    """1 for a group whose items are mostly truth items the rules missed."""
    hit = {j for _, j in match(page["found"], page["truth"])}
    missed = {t.url for j, t in enumerate(page["truth"]) if j not in hit and t.url}
    return [int(2 * sum(1 for u, _ in g["items"] if u in missed) >= len(g["items"]))
            for g in page["groups"]]


# --- model ---------------------------------------------------------------------------------

def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 25) -> np.ndarray:
    """L2-regularised logistic regression by Newton steps (the bias not penalised)."""
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2)
    pen[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + pen * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def predict(x: np.ndarray, w) -> np.ndarray:
    if not len(x):
        return np.zeros(0)
    if isinstance(w, list):  # boosted stumps
        return 1.0 / (1.0 + np.exp(-predict_stumps(x, w)))
    return 1.0 / (1.0 + np.exp(-(x @ w)))


_BINS = 16


def fit_stumps(x: np.ndarray, y: np.ndarray, rounds: int, rate: float = 0.2,
               l2: float = 1.0) -> list:
    """Gradient-boosted stumps on the logistic loss: [(feature, cut, left, right)]; the
    first entry is the prior (-1, 0, f0, f0). Cuts at the features' quantiles."""
    prior = float(np.log((y.sum() + 1) / (len(y) - y.sum() + 1)))
    f = np.full(len(y), prior)
    cuts = [np.unique(np.quantile(x[:, j], np.linspace(0, 1, _BINS + 1)[1:-1]))
            for j in range(x.shape[1])]
    codes = [np.searchsorted(cj, x[:, j], side="left") for j, cj in enumerate(cuts)]
    model = [(-1, 0.0, prior, prior)]
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-f))
        g, h = p - y, p * (1 - p)
        gs, hs = g.sum(), h.sum()
        best = None
        for j, cj in enumerate(cuts):
            if not len(cj):
                continue
            gl = np.cumsum(np.bincount(codes[j], g, len(cj) + 1))[:-1]
            hl = np.cumsum(np.bincount(codes[j], h, len(cj) + 1))[:-1]
            gain = gl * gl / (hl + l2) + (gs - gl) ** 2 / (hs - hl + l2)
            k = int(np.argmax(gain))
            if best is None or gain[k] > best[0]:
                best = (gain[k], j, cj[k], -gl[k] / (hl[k] + l2),
                        -(gs - gl[k]) / (hs - hl[k] + l2))
        _gain, j, c, vl, vr = best
        model.append((j, float(c), rate * vl, rate * vr))
        f += np.where(x[:, j] <= c, rate * vl, rate * vr)
    return model


def predict_stumps(x: np.ndarray, model: list) -> np.ndarray:
    f = np.full(len(x), model[0][2])
    for j, c, vl, vr in model[1:]:
        f += np.where(x[:, j] <= c, vl, vr)
    return f


def _matrix(pages: list[dict]):
    xs, ys, owner = [], [], []
    for i, page in enumerate(pages):
        for g, y in zip(page["groups"], labels(page), strict=True):
            xs.append(g["x"])
            ys.append(y)
            owner.append(i)
    return np.array(xs, dtype=float), np.array(ys, dtype=float), np.array(owner)


# --- scoring -------------------------------------------------------------------------------

def rescued_counts(pages: list[dict], scores: list[np.ndarray], threshold: float | None):
    """Counts (together, teaser, related, by language) with the groups scoring >= threshold
    added to the rules' items; threshold None: the rules alone."""
    together, teaser, related = Counts(), Counts(), Counts()
    by_lang: dict = defaultdict(Counts)
    for page, s in zip(pages, scores, strict=True):
        found = list(page["found"])
        seen = {f.url for f in found if f.url}
        if threshold is not None:
            for g, p in zip(page["groups"], s, strict=True):
                if p < threshold:
                    continue
                for u, t in g["items"]:
                    if u not in seen:
                        seen.add(u)
                        found.append(Item(g["kind"], u, t, ""))
        r = score(found, page["truth"])
        together.add(*r.together)
        teaser.add(*r.teaser)
        related.add(*r.related)
        by_lang[page["language"]].add(*r.together)
    return together, teaser, related, by_lang


def cross_validate(pages: list[dict]) -> dict:
    tune = [p for p in pages if p["split"] == "tune"]
    x, y, owner = _matrix(tune)
    sites = np.array([tune[i]["site"] for i in owner]) if len(owner) else np.array([])
    base = rescued_counts(tune, [np.zeros(len(p["groups"])) for p in tune], None)[0].as_dict()
    sys.stderr.write(f"tune: {len(tune)} pages, {len(y)} groups, {int(y.sum())} positive; "
                     f"rules {base}\n")
    results = {}
    for spec in MODELS:
        held = np.zeros(len(y))
        for site in sorted(set(sites)):
            out = sites == site
            if y[~out].sum() == 0:
                continue
            held[out] = predict(x[out], train(x[~out], y[~out], spec))
        scores = _split_scores(tune, owner, held)
        for t in THRESHOLDS:
            c = rescued_counts(tune, scores, t)[0].as_dict()
            results[(*spec, t)] = c
            sys.stderr.write(f"{spec} t {t:.2f}: {c['tp']}/{c['fp']}/{c['fn']} "
                             f"P {c['precision']} R {c['recall']} F1 {c['f1']}\n")
    ok = {k: v for k, v in results.items() if v["precision"] >= base["precision"] - 0.01}
    best = max(ok, key=lambda k: (ok[k]["f1"], k[2])) if ok else None
    return {"rules": base, "best": best, "best_counts": results.get(best),
            "n_groups": int(len(y)), "n_positive": int(y.sum())}


def train(x: np.ndarray, y: np.ndarray, spec: tuple):
    kind, setting = spec
    return fit(x, y, setting) if kind == "logit" else fit_stumps(x, y, int(setting))


def _split_scores(pages, owner, flat):
    out = [[] for _ in pages]
    for i, s in zip(owner, flat, strict=True):
        out[i].append(s)
    return [np.array(s) for s in out]


def final_model(pages: list[dict], spec: tuple):
    x, y, _owner = _matrix([p for p in pages if p["split"] == "tune"])
    return train(x, y, spec)


def check(pages: list[dict], spec: tuple, threshold: float) -> dict:
    """The chosen model fitted on all of tune, applied once to check: counts only."""
    w = final_model(pages, spec)
    out = {}
    for split in ("tune", "check"):
        sp = [p for p in pages if p["split"] == split]
        scores = [predict(np.array([g["x"] for g in p["groups"]], dtype=float), w)
                  if p["groups"] else np.zeros(0) for p in sp]
        for name, t in (("before", None), ("after", threshold)):
            tog, tea, rel, lang = rescued_counts(sp, scores, t)
            out[f"{split} {name}"] = {"together": tog.as_dict(), "teaser": tea.as_dict(),
                                      "related": rel.as_dict(),
                                      "by_language": {k: v.as_dict() for k, v in
                                                      sorted(lang.items())}}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=("build", "cv", "check", "weights"))
    ap.add_argument("--truth", type=Path, default=DEFAULT_TRUTH)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--model", choices=("logit", "stumps"), default="logit")
    ap.add_argument("--setting", type=float, default=None, help="L2, or boosting rounds")
    ap.add_argument("--threshold", type=float, default=None)
    args = ap.parse_args(argv)
    if args.step == "build":
        pages = build(args.truth, args.data or default_data())
        args.cache.write_bytes(pickle.dumps(pages))
        sys.stderr.write(f"{len(pages)} pages, "
                         f"{sum(len(p['groups']) for p in pages)} groups -> {args.cache}\n")
        return 0
    pages = pickle.loads(args.cache.read_bytes())
    if args.step == "cv":
        json.dump(cross_validate(pages), sys.stdout, default=str, indent=1)
    elif args.step == "weights":
        from .nav_rescue_groups import FEATURES

        w = final_model(pages, (args.model, args.setting or 1.0))
        if args.model == "logit":
            w = dict(zip(FEATURES, (round(float(v), 4) for v in w), strict=True))
        json.dump(w, sys.stdout, indent=1)
    else:
        if args.setting is None or args.threshold is None:
            sys.stderr.write("check needs the CV-chosen --model, --setting and --threshold\n")
            return 2
        json.dump(check(pages, (args.model, args.setting), args.threshold), sys.stdout,
                  indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
