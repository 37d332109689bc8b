"""`python -m bench` (`make bench`): the crawl benchmark, then the extraction, the
navigation, the health-metadata (bench/metadata.py) and the archive benchmarks.

    python -m bench [--articles N]
                    [--only crawl|extract|navigation|metadata|archive|scaleout]
                    [--skip-baseline] [--skip-generic] [--skip-reference]
                    [--modes one_core,two_cores] [--rss-articles N]
                    [--keep] [--concurrency N] [--baseline-pages N]

stdout: one JSON object per line, one per benchmark ({"benchmark": "crawl", ...},
{"benchmark": "extract", ...}, {"benchmark": "navigation", ...}, {"benchmark": "metadata",
...}, {"benchmark": "archive", ...}); stderr: progress and a human summary. The scale-out
benchmark (bench/scaleout.py: 1 vs 2 workers on Redis + PostgreSQL) runs only when asked
for (`--only scaleout`, on `--scaleout-articles`): it needs both servers installed.
"""
from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys

from .crawl import BASELINE_PAGES, CONCURRENCY, MODES, REPO, crawl_benchmark
from .crawl_report import summary


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
    ap.add_argument("--only", choices=("crawl", "extract", "navigation", "metadata",
                                         "archive", "scaleout"),
                    help="run one benchmark")
    ap.add_argument("--skip-baseline", action="store_true", help="no Scrapy+trafilatura run")
    ap.add_argument("--skip-generic", action="store_true", help="no --generic crawl")
    ap.add_argument("--skip-unlearned", action="store_true",
                    help="no --generic crawl with HEALTHCRAWL_LEARN off")
    ap.add_argument("--skip-reference", action="store_true",
                    help="no reference crawler (bench/reference_crawler.py)")
    ap.add_argument("--modes", default=",".join(MODES),
                    help="one_core (crawl pinned to CPU 0 with its workers, nginx to CPU 1), "
                    "two_cores (nothing pinned), or both, comma-separated (default: both)")
    ap.add_argument("--rss-articles", type=int, default=2000,
                    help="also crawl a site of N articles --generic, to compare its peak RSS "
                    "(default 2000; 0: not)")
    ap.add_argument("--keep", action="store_true", help="keep the crawl outputs (path printed)")
    ap.add_argument("--archive-skip-off", action="store_true",
                    help="archive benchmark: no crawl with the archive off (the archive's share "
                    "of the crawl's CPU is measured in the crawl with it on)")
    ap.add_argument("--archive-level", type=int, default=None,
                    help="archive benchmark: HEALTHCRAWL_ARCHIVE_LEVEL of its crawl")
    ap.add_argument("--concurrency", type=int, default=CONCURRENCY,
                    help=f"CONCURRENT_REQUESTS(_PER_DOMAIN) of every crawl (default {CONCURRENCY})")
    ap.add_argument("--baseline-pages", type=int, default=BASELINE_PAGES,
                    help="stop the baseline after N pages: its pages/s is a per-page rate "
                    f"(default {BASELINE_PAGES}; 0: the whole site)")
    ap.add_argument("--scaleout-articles", type=int, default=2000,
                    help="scale-out benchmark: articles in its demo site (default 2000)")
    ap.add_argument("--scaleout-repeat", type=int, default=1,
                    help="scale-out benchmark: rounds of 1 then 2 workers; the speed-up is "
                         "their median (default 1)")
    args = ap.parse_args(argv)
    modes = tuple(m.strip() for m in args.modes.split(",") if m.strip())
    if not modes or set(modes) - set(MODES):
        ap.error(f"--modes: one or both of {', '.join(MODES)}")
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    status = 0
    if args.only in (None, "crawl"):
        report = crawl_benchmark(args.articles, skip_baseline=args.skip_baseline,
                                 skip_generic=args.skip_generic, keep=args.keep,
                                 skip_unlearned=args.skip_unlearned,
                                 concurrency=args.concurrency,
                                 baseline_pages=args.baseline_pages, modes=modes,
                                 rss_articles=args.rss_articles,
                                 skip_reference=args.skip_reference)
        print(json.dumps(report), flush=True)
        print(summary(report), file=sys.stderr, flush=True)
        if any(m["exit_code"] not in (0, 2) for mode in modes
               for m in (report.get(mode) or {}).values()):
            status = 1
    for name in ("extract", "navigation", "metadata"):
        if args.only in (None, name):
            doc = _sub_benchmark(name)
            if doc is not None:
                print(json.dumps(doc, ensure_ascii=False), flush=True)
    if args.only in (None, "archive"):
        from .archive import archive_benchmark
        from .archive import summary as archive_summary

        report = archive_benchmark(args.articles, args.concurrency, keep=args.keep,
                                   skip_off=args.archive_skip_off, level=args.archive_level)
        print(json.dumps(report), flush=True)
        print(archive_summary(report), file=sys.stderr, flush=True)
    if args.only == "scaleout":
        from .scaleout import scaleout_benchmark
        from .scaleout import summary as scaleout_summary

        report = scaleout_benchmark(args.scaleout_articles, keep=args.keep,
                                    repeat=args.scaleout_repeat)
        print(json.dumps(report), flush=True)
        print(scaleout_summary(report), file=sys.stderr, flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
