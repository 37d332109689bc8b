"""Extraction-quality benchmark: healthcrawl's generic extractor against trafilatura.

    python -m bench.extract [--data DIR] [--pools a,b] [--systems a,b] [--repeat N]
                            [--sample N] [--dump DIR]

Scores every system on the development pools (bench/pools.py) in one run, each pool's tune
and check parts side by side (bench/splits.py): expected-text pages with the word-shingle
F1 (bench/metric.py), body-dev's snippet pages with must-contain / must-not-contain counts.
Lists the pages where healthcrawl is under 0.5 F1 and trafilatura gets 0.8 or more.
stdout: JSON; stderr: a table. Timing covers parsing: each system gets the page as
fetched; article-extraction-dev pages take the best of --repeat runs, the others one run.
"""
from __future__ import annotations

import argparse
import gc
import logging
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from .metric import score_page, score_snippets, summarize, summarize_snippets
from .pools import AED, DATA, POOLS, Page, load_pools, sample
from .splits import SPLITS

log = logging.getLogger("bench.extract")

LOW_F1, GOOD_F1 = 0.5, 0.8  # a loss: healthcrawl under LOW_F1 where trafilatura is right


def _healthcrawl(html: bytes | str, url: str) -> str:
    from cleaners.extract import extract_article

    return extract_article(html, url or None).body


def _trafilatura(html: bytes | str, url: str) -> str:
    from trafilatura import extract

    return extract(html, include_comments=False) or ""  # the call the dev set's README scores


def _trafilatura_precision(html: bytes | str, url: str) -> str:
    from trafilatura import extract

    return extract(html, include_comments=False, favor_precision=True) or ""


SYSTEMS: dict[str, Callable[[bytes | str, str], str]] = {
    "healthcrawl": _healthcrawl,
    "trafilatura": _trafilatura,
    "trafilatura_precision": _trafilatura_precision,
}


def run_page(fn: Callable, page: Page, repeat: int) -> tuple[str, float]:
    """(text, best ms of `repeat` runs). A failed extraction counts as empty text."""
    best, text = float("inf"), ""
    for _ in range(repeat):
        gc.disable()
        start = time.perf_counter()
        try:
            text = fn(page.source, page.url)
        except Exception:  # a benchmark records a failure as an empty text
            log.exception("extraction failed: %s %s", page.pool, page.id)
            text = ""
        best = min(best, time.perf_counter() - start)
        gc.enable()
    return text, best * 1000


def run_system(fn: Callable, pages: list[Page], repeat: int) -> tuple[list[str], list[float]]:
    fn("<html><body><p>warm up</p></body></html>", "http://example.com/")
    texts, times = [], []
    for page in pages:
        text, ms = run_page(fn, page, repeat if page.pool == AED else 1)
        texts.append(text)
        times.append(ms)
    return texts, times


def page_score(page: Page, text: str):
    if page.kind == "snippets":
        return score_snippets(page.with_, page.without, text)
    return score_page(page.expected, text, cjk=page.cjk)


def page_f1(score) -> float:
    if hasattr(score, "tn"):
        return score.f1
    p, r = score.precision, score.recall
    p, r = (p or 0.0), (r or 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))] if ordered else 0.0


def summarize_cell(pages: list[Page], scores: list, times: list[float]) -> dict:
    """One (group, split, system) cell: P, R, F1 (+ accuracy and counts for snippets)."""
    if not pages:
        return {"pages": 0}
    if pages[0].kind == "snippets":
        s = summarize_snippets(scores)
        cell = {"precision": s.precision, "recall": s.recall, "f1": s.f1,
                "accuracy": s.accuracy, "tp": s.tp, "fp": s.fp, "fn": s.fn, "tn": s.tn}
    else:
        s = summarize(scores)
        cell = {"precision": s.precision, "recall": s.recall, "f1": s.f1}
    cell = {k: round(v, 4) if isinstance(v, float) else v for k, v in cell.items()}
    cell.update(pages=len(pages), median_ms=round(statistics.median(times), 2),
                p90_ms=round(_p90(times), 2))
    return cell


def build_report(pages: list[Page], results: dict) -> dict:
    """results: {system: (texts, times)} -> the JSON report."""
    scores = {name: [page_score(p, t) for p, t in zip(pages, texts, strict=True)]
              for name, (texts, _times) in results.items()}
    groups: dict[str, dict] = {}
    for group in dict.fromkeys(p.group for p in pages):
        doc: dict = {"pages": {}, "systems": {}}
        for split in SPLITS:
            idx = [i for i, p in enumerate(pages) if p.group == group and p.split == split]
            doc["pages"][split] = len(idx)
            for name, (_texts, times) in results.items():
                doc["systems"].setdefault(name, {})[split] = summarize_cell(
                    [pages[i] for i in idx], [scores[name][i] for i in idx],
                    [times[i] for i in idx])
        groups[group] = doc
    return {"groups": groups, "losses": losses(pages, scores),
            "by_language": by_language(pages, scores)}


def losses(pages: list[Page], scores: dict) -> list[dict]:
    """Pages healthcrawl gets wrong (F1 < 0.5) and a trafilatura setting right (>= 0.8)."""
    if "healthcrawl" not in scores:
        return []
    others = [n for n in scores if n != "healthcrawl"]
    out = []
    for i, page in enumerate(pages):
        ours = page_f1(scores["healthcrawl"][i])
        theirs = {n: round(page_f1(scores[n][i]), 3) for n in others}
        if ours < LOW_F1 and theirs and max(theirs.values()) >= GOOD_F1:
            out.append({"group": page.group, "split": page.split, "id": page.id,
                        "url": page.url, "healthcrawl": round(ours, 3), **theirs})
    return out


def by_language(pages: list[Page], scores: dict) -> dict:
    """Snippet F1 per language and split (body-dev's README: report per language)."""
    out: dict = {}
    keys = sorted({(p.language, p.split) for p in pages if p.kind == "snippets"})
    for lang, split in keys:
        idx = [i for i, p in enumerate(pages)
               if p.kind == "snippets" and p.language == lang and p.split == split]
        out.setdefault(lang, {})[split] = {
            "pages": len(idx),
            **{n: round(summarize_snippets([s[i] for i in idx]).f1, 4)
               for n, s in scores.items()}}
    return out


def table(report: dict) -> str:
    head = (f"{'group':<26}{'system':<23}{'tune P':>7}{'R':>7}{'F1':>7}{'n':>5}   "
            f"{'check P':>7}{'R':>7}{'F1':>7}{'n':>5}{'med ms':>8}")
    lines = [head]
    for group, doc in report["groups"].items():
        for name, cells in doc["systems"].items():
            row = f"{group:<26}{name:<23}"
            times = []
            for split in SPLITS:
                c = cells[split]
                if not c["pages"]:
                    row += f"{'-':>7}{'-':>7}{'-':>7}{0:>5}   "
                    continue
                row += f"{c['precision']:>7.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}{c['pages']:>5}   "
                times.append(c["median_ms"])
            lines.append(row.rstrip() + (f"{max(times):>8.1f}" if times else ""))
    lines.append("(snippet groups: counts over pages; text groups: means over pages; "
                 "med ms: the larger of the two parts' medians)")
    if report["losses"]:
        lines.append(f"pages under {LOW_F1} F1 that trafilatura gets right (>= {GOOD_F1}):")
        for loss in report["losses"]:
            lines.append(f"  {loss['split']:<6}{loss['group']:<26}{loss['id']:<56} "
                         f"ours {loss['healthcrawl']:.2f}  "
                         + "  ".join(f"{k} {v:.2f}" for k, v in loss.items()
                                     if k in SYSTEMS and k != "healthcrawl"))
    return "\n".join(lines) + "\n"


def _dump(out, pages: list[Page], results: dict) -> None:
    rows: dict = {}
    for name, (texts, times) in results.items():
        for page, text, ms in zip(pages, texts, times, strict=True):
            folder = out / name / page.pool
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{page.id}.txt").write_text(text, encoding="utf-8")
            rows.setdefault(f"{page.pool}/{page.id}", {"split": page.split})[name] = {
                "f1": round(page_f1(page_score(page, text)), 4), "ms": round(ms, 2)}
    (out / "scores.json").write_bytes(orjson.dumps(rows, option=orjson.OPT_INDENT_2))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.extract", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA,
                    help="folder holding the pools")
    ap.add_argument("--pools", default=",".join(POOLS), help="comma-separated subset")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    # best of 3 per page, as timeit does: a shared 2-core machine is noisy, and the fastest
    # run is the one least disturbed by other processes (article-extraction-dev only: the
    # timing reference; the large pools run once to keep `make bench` short)
    ap.add_argument("--repeat", type=int, default=3,
                    help="timing on article-extraction-dev: best of N runs per page")
    ap.add_argument("--sample", type=int, default=0,
                    help="at most N pages per group, evenly spread (0: all)")
    ap.add_argument("--dump", type=Path,
                    help="write per-page texts and scores here")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # trafilatura logs every page it finds odd (encodings, empty trees): noise in the table
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = [n for n in names if n not in SYSTEMS]
    pool_names = [n.strip() for n in args.pools.split(",") if n.strip()]
    unknown += [n for n in pool_names if n not in POOLS]
    if unknown:
        ap.error(f"unknown systems or pools: {', '.join(unknown)}")
    pages, missing = load_pools(pool_names, args.data)
    for name in missing:
        sys.stderr.write(f"bench.extract: pool {name} not found under {args.data}; skipped\n")
    pages = sample(pages, args.sample)
    if not pages:
        sys.stderr.write("bench.extract: no pool found; skipped\n")
        return 0
    results = {name: run_system(SYSTEMS[name], pages, max(1, args.repeat)) for name in names}
    report = {"pools_missing": missing, "sample_per_group": args.sample or None,
              "repeat": args.repeat, **build_report(pages, results)}
    if args.dump:
        _dump(args.dump, pages, results)
    sys.stdout.write(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() + "\n")
    sys.stderr.write(table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
