"""Navigation benchmark: teasers and related links against truth written by reading pages.

    python -m bench.navigation [--truth DIR] [--data DIR] [--misses N] [--no-speed]
                               [--repeat N] [--page ID]

Each truth file (bench/data/navigation/<id>.json, rules in docs/annotation.md) names a page
of the navigation pool, of zh-dev, of body-dev or of article-extraction-dev (`"pool"`; ids of
the last three carry the pool as a prefix, "body-dev:<id>", because body-dev repeats
navigation-pool ids);
healthcrawl's extraction runs on the saved page with the page URL, as
`healthcrawl extract PAGE --url URL` does, and its related links
and teasers are matched to the truth (bench/nav_metric.py). Precision and recall are
micro-averaged over items: together (kind ignored), per kind (teaser; related with
prev/next), per language, for the tune and the check split side by side. trafilatura outputs
neither teasers nor related links, so its recall is 0 by construction (not run).

Speed (unless --no-speed): ms per page of `find_navigation` alone (parsing excluded) and of
the whole extraction, best of --repeat runs, over every page of the navigation pool and zh-dev.

stdout: one JSON object; stderr: tables and, for the tune split, the per-page misses.
Pages missing from the data folder are skipped, and the skip is reported.
"""
from __future__ import annotations

import argparse
import csv
import gc
import gzip
import json
import logging
import statistics
import sys
import time
from pathlib import Path

from .nav_metric import Counts, PageResult, items_of, nav_record, score

log = logging.getLogger("bench.navigation")

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TRUTH = REPO / "bench" / "data" / "navigation"
# The shared data folder sits beside the checkout (/work/shared next to /work/main) or one
# level up (a worktree in /work/wt/<name>).
_DATA_CANDIDATES = (REPO.parent / "shared" / "data", REPO.parent.parent / "shared" / "data")
# Each pool's folder of saved pages, under the data folder.
POOL_FOLDERS = {"navigation-pool": "navigation-pool/pages", "zh-dev": "zh-dev/pages",
                "body-dev": "body-dev/pages",
                "article-extraction-dev": "article-extraction-dev/html"}
# Pools whose truth ids carry the pool as a prefix ("zh-dev:<id>"): their page ids can repeat
# a navigation-pool id (body-dev shares pages with the navigation pool).
PREFIXED_POOLS = frozenset({"zh-dev", "body-dev", "article-extraction-dev"})
# The speed pass keeps to the two pools it has always timed, so its figures stay comparable.
SPEED_POOLS = ("navigation-pool", "zh-dev")
TRAFILATURA_NOTE = ("trafilatura: precision n/a, recall 0 by construction (it outputs neither "
                    "teasers nor related links)")


def default_data() -> Path:
    return next((p for p in _DATA_CANDIDATES if p.is_dir()), _DATA_CANDIDATES[0])


def page_path(data: Path, truth: dict) -> Path:
    pool = truth.get("pool") or "navigation-pool"
    page_id = truth["id"].split(":", 1)[1] if pool in PREFIXED_POOLS else truth["id"]
    folder = POOL_FOLDERS.get(pool, f"{pool}/pages")
    return data / folder / f"{page_id}.html.gz"


def load_truth(folder: Path) -> list[dict]:
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            log.warning("%s: not JSON (%s); skipped", path.name, exc)
            continue
        if isinstance(doc, dict) and doc.get("id"):
            out.append(doc)
    return out


def extract_record(html: bytes, url: str | None) -> dict:
    from cleaners.extract import extract_article

    try:
        article = extract_article(html, url or None)
    except Exception:  # a benchmark records a crash as nothing found
        log.exception("extraction failed: %s", url)
        return {}
    return nav_record(article.related_links, article.teasers)


def _summary(results: list[tuple[dict, PageResult]]) -> dict:
    together, teaser, related = Counts(), Counts(), Counts()
    by_lang: dict[str, Counts] = {}
    by_pool: dict[str, Counts] = {}
    # saved pages without an address (some pools give none) are read as
    # `healthcrawl extract PAGE` reads them, without --url: reported apart
    by_url: dict[str, Counts] = {}
    swapped = 0
    for truth, r in results:
        together.add(*r.together)
        teaser.add(*r.teaser)
        related.add(*r.related)
        by_lang.setdefault(truth.get("language") or "?", Counts()).add(*r.together)
        by_pool.setdefault(truth.get("pool") or "navigation-pool", Counts()).add(*r.together)
        by_url.setdefault("page URL given" if truth.get("url") else "no page URL",
                          Counts()).add(*r.together)
        swapped += r.kind_swapped
    return {"together": together.as_dict(), "teaser": teaser.as_dict(),
            "related": related.as_dict(), "found_as_other_kind": swapped,
            "by_language": {k: v.as_dict() for k, v in sorted(by_lang.items())},
            "by_pool": {k: v.as_dict() for k, v in sorted(by_pool.items())},
            "by_page_url": {k: v.as_dict() for k, v in sorted(by_url.items())}}


def _fmt(v) -> str:
    return "   -  " if v is None else f"{v:6.3f}"


def _table(report: dict) -> str:
    splits = [s for s in ("tune", "check") if s in report["splits"]]
    counts = ", ".join(f"{s} {report['splits'][s]['together']['pages']}" for s in splits)
    lines = [(f"navigation: {report['pages']} annotated pages scored ({counts}), "
              f"{len(report['skipped'])} skipped"),
             f"{'':22}" + "".join(f"{s + ' P':>9}{s + ' R':>9}{'n':>6}" for s in splits)]
    rows = [("together", lambda s: report["splits"][s]["together"]),
            ("teaser", lambda s: report["splits"][s]["teaser"]),
            ("related (+prev/next)", lambda s: report["splits"][s]["related"])]
    pools = sorted({pool for s in splits for pool in report["splits"][s]["by_pool"]})
    rows += [(f"  pool {pool}", lambda s, pool=pool: report["splits"][s]["by_pool"].get(
        pool, {"precision": None, "recall": None, "tp": 0, "fn": 0})) for pool in pools]
    rows += [(f"  {given}", lambda s, given=given: report["splits"][s]["by_page_url"].get(
        given, {"precision": None, "recall": None, "tp": 0, "fn": 0}))
        for given in ("page URL given", "no page URL")]
    langs = sorted({lang for s in splits for lang in report["splits"][s]["by_language"]})
    rows += [(f"  lang {lang}", lambda s, lang=lang: report["splits"][s]["by_language"].get(
        lang, {"precision": None, "recall": None, "tp": 0, "fn": 0})) for lang in langs]
    for name, get in rows:
        cells = ""
        for s in splits:
            c = get(s)
            cells += f"{_fmt(c['precision']):>9}{_fmt(c['recall']):>9}{c['tp'] + c['fn']:>6}"
        lines.append(f"{name:22}{cells}")
    for s in splits:
        lines.append(f"  {s}: {report['splits'][s]['found_as_other_kind']} items found as the "
                     "other kind (teaser <-> related)")
    lines.append("  " + TRAFILATURA_NOTE)
    return "\n".join(lines)


def _misses(results: list[tuple[dict, PageResult]], limit: int) -> dict:
    out = {}
    for truth, r in results:
        if r.missed or r.wrong:
            out[truth["id"]] = {"missed": r.missed[:limit], "wrong": r.wrong[:limit],
                                "n_missed": len(r.missed), "n_wrong": len(r.wrong)}
    return out


def _misses_text(misses: dict) -> str:
    lines = ["per-page misses (tune):"]
    for page_id, m in misses.items():
        lines.append(f"- {page_id}: {m['n_missed']} missed, {m['n_wrong']} wrong")
        lines += [f"    miss  {x}" for x in m["missed"]]
        lines += [f"    wrong {x}" for x in m["wrong"]]
    return "\n".join(lines)


# --- speed ---------------------------------------------------------------------------------

def _pool_pages(data: Path) -> list[tuple[str, Path]]:
    """(url, path) of every page of the timed pools, from their manifests."""
    pages = []
    for pool in SPEED_POOLS:
        manifest = data / pool / "manifest.tsv"
        if not manifest.exists():
            continue
        with manifest.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                path = data / pool / "pages" / f"{row['id']}.html.gz"
                if path.exists():
                    pages.append((row.get("url") or "", path))
    return pages


def speed(data: Path, repeat: int) -> dict | None:
    from cleaners.extract import extract_article
    from cleaners.generic.navigation import find_navigation
    from cleaners.html import drop_non_content, parse_html

    pages = _pool_pages(data)
    if not pages:
        return None
    nav_ms, all_ms = [], []
    for url, path in pages:
        html = gzip.decompress(path.read_bytes())
        best_nav = best_all = float("inf")
        for _ in range(repeat):
            root, _w = parse_html(html)
            drop_non_content(root)
            gc.disable()
            t0 = time.perf_counter()
            find_navigation(root, url or None)
            t1 = time.perf_counter()
            extract_article(html, url or None)
            t2 = time.perf_counter()
            gc.enable()
            best_nav, best_all = min(best_nav, t1 - t0), min(best_all, t2 - t1)
        nav_ms.append(best_nav * 1000)
        all_ms.append(best_all * 1000)
    return {"pages": len(pages), "repeat": repeat,
            "navigation_ms_mean": round(statistics.fmean(nav_ms), 3),
            "navigation_ms_median": round(statistics.median(nav_ms), 3),
            "extract_ms_mean": round(statistics.fmean(all_ms), 3),
            "extract_ms_median": round(statistics.median(all_ms), 3)}


# --- main ----------------------------------------------------------------------------------

def run(truth_dir: Path, data: Path, only: str | None = None) -> tuple[dict, dict]:
    """Score every truth file with a page; return (report, per-split results)."""
    per_split: dict[str, list[tuple[dict, PageResult]]] = {}
    skipped = []
    for truth in load_truth(truth_dir):
        if only and truth["id"] != only:
            continue
        path = page_path(data, truth)
        if not path.exists():
            skipped.append(truth["id"])
            continue
        record = extract_record(gzip.decompress(path.read_bytes()), truth.get("url"))
        result = score(items_of(record), items_of(truth))
        per_split.setdefault(truth.get("split") or "?", []).append((truth, result))
    report = {"benchmark": "navigation", "truth": str(truth_dir), "data": str(data),
              "pages": sum(len(v) for v in per_split.values()), "skipped": skipped,
              "trafilatura": TRAFILATURA_NOTE,
              "splits": {s: _summary(v) for s, v in sorted(per_split.items())}}
    return report, per_split


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.navigation",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--truth", type=Path, default=DEFAULT_TRUTH, help="truth folder")
    ap.add_argument("--data", type=Path, default=default_data(),
                    help="folder holding navigation-pool/, zh-dev/ and body-dev/")
    ap.add_argument("--misses", type=int, default=30,
                    help="per tune page, list at most N missed and N wrong items")
    ap.add_argument("--no-speed", action="store_true", help="skip the timing pass")
    ap.add_argument("--repeat", type=int, default=3, help="timing: best of N runs per page")
    ap.add_argument("--page", help="score one truth id only (debugging)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    if not args.truth.is_dir() or not any(args.truth.glob("*.json")):
        sys.stderr.write(f"bench.navigation: no truth files in {args.truth}; skipped\n")
        return 0
    report, per_split = run(args.truth, args.data, args.page)
    if report["skipped"]:
        sys.stderr.write(f"bench.navigation: {len(report['skipped'])} annotated pages not found "
                         f"under {args.data}; skipped\n")
    if not report["pages"]:
        sys.stdout.write(json.dumps(report) + "\n")
        return 0
    report["misses_tune"] = _misses(per_split.get("tune", []), args.misses)
    if not args.no_speed and not args.page:
        report["speed"] = speed(args.data, max(1, args.repeat))
    sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    sys.stderr.write(_table(report) + "\n")
    if report.get("speed"):
        s = report["speed"]
        sys.stderr.write(f"speed over {s['pages']} pool pages (best of {s['repeat']}): "
                         f"find_navigation {s['navigation_ms_mean']} ms/page mean "
                         f"({s['navigation_ms_median']} median); whole extraction "
                         f"{s['extract_ms_mean']} ms/page mean ({s['extract_ms_median']} median)\n")
    if report["misses_tune"]:
        sys.stderr.write(_misses_text(report["misses_tune"]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
