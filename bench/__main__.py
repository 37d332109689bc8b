"""`python -m bench` (`make bench`): the crawl benchmark, then the extraction, navigation
and health-metadata (bench/metadata.py) benchmarks.

    python -m bench [--articles N] [--only crawl|extract|navigation|metadata] [--skip-baseline]
                    [--skip-generic] [--keep] [--concurrency N]

stdout: one JSON object per line, one per benchmark ({"benchmark": "crawl", ...},
{"benchmark": "extract", ...}, {"benchmark": "navigation", ...}, {"benchmark": "metadata",
...}); stderr: progress and a human summary.
"""
from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys

from .crawl import BASELINE_PAGES, CONCURRENCY, REPO, crawl_benchmark


def _summary(r: dict) -> str:
    lines = [(f"crawl benchmark: {r['articles']} articles, concurrency {r['concurrency']}, "
              f"{r['machine']['cores']} cores"),
             (f"  server alone ({r['server']['tool'].split()[0]}): "
              f"{r['server']['pages_per_s']} pages/s"),
             (f"  {'':12} {'pages/s':>8} {'seconds':>8} {'pages':>7} {'records':>8} "
              f"{'peak MB':>8} {'cpu s':>7}")]
    for name in ("healthcrawl", "baseline", "generic"):
        m = r.get(name)
        if m:
            lines.append(f"  {name:12} {m['pages_per_s']:>8} {m['seconds']:>8} {m['pages']:>7} "
                         f"{m['records']:>8} {m['peak_rss_mb']:>8} {m['cpu_s']:>7}")
    if r.get("ratio_pages_per_s"):
        lines.append(f"  healthcrawl / baseline pages/s: {r['ratio_pages_per_s']}x")
    gen = r.get("generic")
    if gen:
        lines.append(f"  generic: {gen['vs_profiled_seconds']}x the profiled crawl's time"
                     + (f", {gen['vs_baseline_pages_per_s']}x the baseline's pages/s"
                        if "vs_baseline_pages_per_s" in gen else ""))
    verdict = {True: "PASS", False: "FAIL", None: "n/a"}
    lines.append("  targets: " + ", ".join(f"{k} {verdict[v]}" for k, v in r["targets"].items()))
    return "\n".join(lines)


def _sub_benchmark(name: str) -> dict | None:
    """`python -m bench.<name>` in a subprocess: its table goes to our stderr."""
    done = subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=REPO,
                          stdout=subprocess.PIPE, text=True)
    text = done.stdout.strip()
    if done.returncode != 0 or not text:
        logging.getLogger("bench").warning("bench.%s exited %s without a result", name,
                                           done.returncode)
        return None
    try:
        doc = json.loads(text)
    except ValueError:
        return {"benchmark": name, "output": text}
    return {**doc, "benchmark": name} if isinstance(doc, dict) else \
        {"benchmark": name, "result": doc}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=20000, help="articles in the demo site")
    ap.add_argument("--only", choices=("crawl", "extract", "navigation", "metadata"),
                    help="run one benchmark")
    ap.add_argument("--skip-baseline", action="store_true", help="no Scrapy+trafilatura run")
    ap.add_argument("--skip-generic", action="store_true", help="no --generic crawl")
    ap.add_argument("--keep", action="store_true", help="keep the crawl outputs (path printed)")
    ap.add_argument("--concurrency", type=int, default=CONCURRENCY,
                    help=f"CONCURRENT_REQUESTS(_PER_DOMAIN) of every crawl (default {CONCURRENCY})")
    ap.add_argument("--baseline-pages", type=int, default=BASELINE_PAGES,
                    help="stop the baseline after N pages: its pages/s is a per-page rate "
                    f"(default {BASELINE_PAGES}; 0: the whole site)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    status = 0
    if args.only in (None, "crawl"):
        report = crawl_benchmark(args.articles, skip_baseline=args.skip_baseline,
                                 skip_generic=args.skip_generic, keep=args.keep,
                                 concurrency=args.concurrency,
                                 baseline_pages=args.baseline_pages)
        print(json.dumps(report), flush=True)
        print(_summary(report), file=sys.stderr, flush=True)
        if report["healthcrawl"]["exit_code"] not in (0, 2):
            status = 1
    for name in ("extract", "navigation", "metadata"):
        if args.only in (None, name):
            doc = _sub_benchmark(name)
            if doc is not None:
                print(json.dumps(doc, ensure_ascii=False), flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
