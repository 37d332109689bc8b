"""`python -m bench.analysis_cpu`: CPU per page of the page analysis alone, the three ways a
crawl runs it, on the crawl benchmark's demo site, without a crawl.

    python -m bench.analysis_cpu [--articles N] [--modes profiled,generic,learned]
                                 [--seed S] [--dump FILE]

Every HTML page of the site (articles, listings, home, 404 page excluded) in one shuffled
order (`--seed`), each analysed as the crawl's spider does (crawler/spiders/health.py):
- **profiled**: the demo site's profile for the URL (`extract=False` where no profile's URL
  pattern says article: links only);
- **generic**: `analyze_page` with no profile, as the extraction worker runs it;
- **learned**: the learning crawl's path (crawler/learning.py `SiteLearning.analyze`, run
  here in order, without the crawl's concurrency): `Learner.plan` per page; a generic
  analysis observed as a sample, links only for a listing group, the template's analysis,
  both for a check.
CPU seconds are the process's own (`time.process_time`), so another process on the machine
moves them less than wall time; still, compare runs made one after the other, alternated.
A crawl costs about 3-4 ms a page more than this (Scrapy, pipelines, store, exports, WARC).

stdout: one JSON object (per mode: cpu_s, pages, ms_per_page; learned: how the pages went and
the learner's stats); stderr: a line per mode. `--dump FILE`: the results per page (pickled
tuples without fetched_at) to compare two versions of the code page by page.
"""
from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

# The demo pages on disk hold this origin (routes.json `base_placeholder`) in their links.
BASE = "http://127.0.0.1:8765"
MODES = ("profiled", "generic", "learned")
_CHARSETS = (("/zh/", "GBK"),)  # routes.json `charsets`: the GBK portal, else utf-8


def site_pages(site: Path, seed: int) -> list[tuple[str, bytes, str]]:
    """(url, bytes, header charset) of every HTML page of the site, shuffled."""
    pages = []
    for file in sorted(site.rglob("*")):
        if file.suffix not in (".html", ".shtml") or "static" in file.parts \
                or file.name == "404.html":
            continue
        path = "/" + file.relative_to(site).as_posix()
        if path.endswith("/index.html"):
            path = path[: -len("index.html")]
        charset = next((c for prefix, c in _CHARSETS if path.startswith(prefix)), "utf-8")
        pages.append((BASE + path, file.read_bytes(), charset))
    random.Random(seed).shuffle(pages)
    return pages


def _comparable(analysis) -> tuple:
    record = analysis.record
    if record is not None:
        record = {k: v for k, v in record.items() if k != "fetched_at"}
    return (analysis.kind, record, analysis.hrefs, analysis.encoding, analysis.page_kind,
            analysis.extractor, analysis.error)


def run_profiled(pages) -> tuple[list, dict]:
    from cleaners.analyze import analyze_page
    from crawler.sites import get_site

    site = get_site("demo")
    out = []
    for url, body, charset in pages:
        profile = site.profile_for(url)
        out.append(analyze_page(body, url, charset=charset, profile=profile,
                                extract=profile is not None, links=True, site="demo"))
    return out, {}


def run_generic(pages) -> tuple[list, dict]:
    from cleaners.analyze import analyze_page

    return [analyze_page(body, url, charset=charset, links=True, site="demo")
            for url, body, charset in pages], {}


def _generic(url: str, body: bytes, charset: str):
    from cleaners.analyze import analyze_page

    return analyze_page(body, url, charset=charset, links=True, site="demo")


def run_learned(pages, generic_of=_generic, tickets: bool = False) -> tuple[list, dict]:
    """The pages through the learner as the learning crawl's spider runs it.
    generic_of(url, body, charset): a page's generic analysis (bench/learn_replay.py passes
    cached ones); tickets: number the pages in arrival order, as the spider does."""
    from cleaners.analyze import analyze_page
    from cleaners.learner import Learner
    from crawler.learning import _unseen_link_list

    learner = Learner()
    how: Counter = Counter()
    out = []
    for number, (url, body, charset) in enumerate(pages, 1):
        ticket = number if tickets else None
        plan = learner.plan(url)
        if plan.links_only:
            result = analyze_page(body, url, charset=charset, extract=False, links=True)
            how["links_only"] += 1
        elif plan.template is None:
            result = generic_of(url, body, charset)
            learner.observe(url, body, charset, result, ticket)
            how["generic"] += 1
        else:
            learned = analyze_page(body, url, charset=charset, profile=plan.template.profile,
                                   links=True, site="demo")
            if plan.verify or _unseen_link_list(learned):
                result = learner.verify(url, body, charset, learned,
                                        generic_of(url, body, charset), ticket)
                how["checked"] += 1
            elif learner.applied(url, learned, ticket):
                result = learned
                how["learned"] += 1
            else:
                result = generic_of(url, body, charset)
                how["missed"] += 1
        learner.take_changes()
        learner.failures.clear()
        out.append(result)
    return out, {"pages_by_path": dict(how), "learner": dict(learner.stats)}


RUNS = {"profiled": run_profiled, "generic": run_generic, "learned": run_learned}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.analysis_cpu",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="articles in the demo site")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--seed", type=int, default=7, help="the order of the pages")
    ap.add_argument("--dump", help="pickle the per-page results here")
    args = ap.parse_args(argv)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if not modes or set(modes) - set(MODES):
        ap.error(f"--modes: some of {', '.join(MODES)}")
    from crawler.demo.generator import ensure_site

    from .crawl import SITES

    pages = site_pages(ensure_site(args.articles, SITES), args.seed)
    RUNS["generic"](pages[:20])  # imports and first-use caches outside the measure
    RUNS["profiled"](pages[:20])
    report: dict = {"benchmark": "analysis_cpu", "articles": args.articles, "seed": args.seed,
                    "pages": len(pages)}
    dumped = {}
    for mode in modes:
        start = time.process_time()
        results, extra = RUNS[mode](pages)
        cpu = time.process_time() - start
        report[mode] = {"cpu_s": round(cpu, 3), "ms_per_page": round(1000 * cpu / len(pages), 3),
                        **extra}
        print(f"{mode}: {cpu:.2f} CPU s, {len(pages)} pages, "
              f"{1000 * cpu / len(pages):.2f} ms a page {extra or ''}", file=sys.stderr)
        if args.dump:
            dumped[mode] = [_comparable(r) for r in results]
    if args.dump:
        Path(args.dump).write_bytes(pickle.dumps(dumped))
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
