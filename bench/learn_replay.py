"""`python -m bench.learn_replay`: how learning settles, replayed without a crawl.

    python -m bench.learn_replay [--articles N] [--prefix /zh/] [--orders K] [--cache FILE]

The demo site's HTML pages under `--prefix` (every page when empty) go through
cleaners/learner.py as the learning crawl's spider runs it (bench/analysis_cpu.py
`run_learned`), in K shuffled orders (seeds 1..K). The generic analysis of a page does not
depend on the order, so it is made once and kept in `--cache` (pickled; re-used when the
site and prefix match); what changes between orders is what the learner does with it. Per
order: the pages a template served (`learned/pages`), failed inductions, drops and strikes;
the spread of these over the orders is what a crawl's learning spread comes from (the
crawl's order differs from run to run with the responses' arrival).

stdout: one JSON object; stderr: a line per order.
"""
from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from pathlib import Path

from .analysis_cpu import run_learned, site_pages


def generic_cache(pages, path: Path | None) -> dict:
    """url -> the generic analysis of the page, from `path` when it holds them all."""
    from cleaners.analyze import analyze_page

    cache: dict = {}
    if path is not None and path.exists():
        cache = pickle.loads(path.read_bytes())
    missing = [(u, b, c) for u, b, c in pages if u not in cache]
    for url, body, charset in missing:
        cache[url] = analyze_page(body, url, charset=charset, links=True, site="demo")
    if missing and path is not None:
        path.write_bytes(pickle.dumps(cache))
    return cache


def replay(pages, generic: dict) -> dict:
    """One order through the learner (bench/analysis_cpu.py `run_learned`, the generic
    analyses from `generic`); the learner's stats and pages by path."""
    _results, stats = run_learned(pages, lambda url, _body, _charset: generic[url],
                                  tickets=True)
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.learn_replay",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="articles in the demo site")
    ap.add_argument("--prefix", default="", help="only pages whose path starts so")
    ap.add_argument("--orders", type=int, default=5, help="shuffled orders (seeds 1..K)")
    ap.add_argument("--cache", help="keep the generic analyses here (pickle)")
    args = ap.parse_args(argv)
    from crawler.demo.generator import ensure_site

    from .analysis_cpu import BASE
    from .crawl import SITES

    site = ensure_site(args.articles, SITES)
    pages = [p for p in site_pages(site, 0) if p[0][len(BASE):].startswith(args.prefix)]
    pages.sort()
    generic = generic_cache(pages, Path(args.cache) if args.cache else None)
    report: dict = {"benchmark": "learn_replay", "articles": args.articles,
                    "prefix": args.prefix, "pages": len(pages), "orders": []}
    for seed in range(1, args.orders + 1):
        order = list(pages)
        random.Random(seed).shuffle(order)
        result = {"seed": seed, **replay(order, generic)}
        report["orders"].append(result)
        stats = result["learner"]
        print(f"seed {seed}: pages {stats.get('pages', 0)}, induction_failed "
              f"{stats.get('induction_failed', 0)}, dropped {stats.get('dropped', 0)}, "
              f"struck {stats.get('struck', 0)} {result['pages_by_path']}", file=sys.stderr)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
