"""Extraction-quality benchmark: healthcrawl's generic extractor against trafilatura.

    python -m bench.extract [--data DIR] [--dump DIR] [--systems a,b] [--repeat N]

Scores every system on the article-extraction dev set (see its README for the metric), in
one run, and prints JSON on stdout plus a short table on stderr. Timing covers parsing:
each system gets the page bytes as fetched.
"""
from __future__ import annotations

import argparse
import gc
import gzip
import logging
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from .metric import PageScore, score_page, summarize

log = logging.getLogger("bench.extract")

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "article-extraction-dev"


def _healthcrawl(html: bytes, url: str) -> str:
    from cleaners.extract import extract_article

    return extract_article(html, url).body


def _trafilatura(html: bytes, url: str) -> str:
    from trafilatura import extract

    return extract(html, include_comments=False) or ""  # the call the dev set's README scores


def _trafilatura_precision(html: bytes, url: str) -> str:
    from trafilatura import extract

    return extract(html, include_comments=False, favor_precision=True) or ""


SYSTEMS: dict[str, Callable[[bytes, str], str]] = {
    "healthcrawl": _healthcrawl,
    "trafilatura": _trafilatura,
    "trafilatura_precision": _trafilatura_precision,
}


def load_pages(data: Path) -> list[tuple[str, str, str, bytes]]:
    """[(id, url, expected text, page bytes)] sorted by id."""
    truth = orjson.loads((data / "ground-truth.json").read_bytes())
    pages = []
    for page_id in sorted(truth):
        path = data / "html" / f"{page_id}.html.gz"
        html = gzip.decompress(path.read_bytes()) if path.exists() else b""
        pages.append((page_id, truth[page_id].get("url") or "",
                      truth[page_id].get("articleBody") or "", html))
    return pages


def run_system(fn: Callable[[bytes, str], str], pages, repeat: int):
    """Return (texts, per-page best ms). A failed extraction counts as empty text."""
    texts: list[str] = []
    times: list[float] = []
    for _page_id, url, _expected, html in pages:
        best, text = float("inf"), ""
        for _ in range(repeat):
            gc.disable()
            start = time.perf_counter()
            try:
                text = fn(html, url)
            except Exception:  # a benchmark records a failure as an empty text
                log.exception("extraction failed: %s", url)
                text = ""
            best = min(best, time.perf_counter() - start)
            gc.enable()
        texts.append(text)
        times.append(best * 1000)
    return texts, times


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def _dump(out: Path, pages, results: dict) -> None:
    (out / "expected").mkdir(parents=True, exist_ok=True)
    for page_id, _url, expected, _html in pages:
        (out / "expected" / f"{page_id}.txt").write_text(expected, encoding="utf-8")
    rows = {page_id: {"url": url} for page_id, url, _e, _h in pages}
    for name, (texts, times, scores) in results.items():
        (out / name).mkdir(parents=True, exist_ok=True)
        for (page_id, *_rest), text, ms, s in zip(pages, texts, times, scores, strict=True):
            (out / name / f"{page_id}.txt").write_text(text, encoding="utf-8")
            rows[page_id][name] = {"precision": s.precision, "recall": s.recall,
                                   "tp": s.tp, "fp": s.fp, "fn": s.fn, "ms": round(ms, 2)}
    (out / "scores.json").write_bytes(orjson.dumps(rows, option=orjson.OPT_INDENT_2))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.extract", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dev set folder")
    ap.add_argument("--dump", type=Path, help="write per-page texts and scores here")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    # best of 3 per page, as timeit does: a shared 2-core machine is noisy, and the fastest
    # run is the one least disturbed by other processes
    ap.add_argument("--repeat", type=int, default=3, help="timing: best of N runs per page")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    if not (args.data / "ground-truth.json").exists():
        sys.stderr.write(f"bench.extract: dev set not found at {args.data}; skipped\n")
        return 0
    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        ap.error(f"unknown systems: {', '.join(unknown)} (known: {', '.join(SYSTEMS)})")
    pages = load_pages(args.data)

    results: dict[str, tuple[list[str], list[float], list[PageScore]]] = {}
    report: dict = {"pages": len(pages), "systems": {}}
    for name in names:
        SYSTEMS[name](b"<html><body><p>warm up</p></body></html>", "http://example.com/")
        texts, times = run_system(SYSTEMS[name], pages, max(1, args.repeat))
        scores = [score_page(page[2], text) for page, text in zip(pages, texts, strict=True)]
        results[name] = (texts, times, scores)
        s = summarize(scores)
        report["systems"][name] = {
            "precision": round(s.precision, 4), "recall": round(s.recall, 4),
            "f1": round(s.f1, 4), "median_ms": round(statistics.median(times), 2),
            "p90_ms": round(_p90(times), 2),
        }
    if args.dump:
        _dump(args.dump, pages, results)

    sys.stdout.write(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() + "\n")
    sys.stderr.write(f"{'system':<24}{'P':>8}{'R':>8}{'F1':>8}{'med ms':>9}{'p90 ms':>9}\n")
    for name, r in report["systems"].items():
        sys.stderr.write(f"{name:<24}{r['precision']:>8.4f}{r['recall']:>8.4f}{r['f1']:>8.4f}"
                         f"{r['median_ms']:>9.2f}{r['p90_ms']:>9.2f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
