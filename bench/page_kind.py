"""Article-or-not accuracy of cleaners/page_kind.py, both ways, tune and check side by side.

    python -m bench.page_kind [--data ../shared/data] [--show-errors tune]

- Articles kept: the pools' pages (every page there is an article) that classify as
  `article`. Pools and splits: body-dev, zh-dev and navigation-pool by their manifest's
  `suggested_split` column; article-extraction-dev (no split column) by registered domain,
  as every bench splits it (bench/splits.py `split_for_url`). A missing pool is skipped, and
  said so.
- Non-articles rejected: tests/fixtures/page_kind/ cases whose meta.json kind is not
  `article`, that classify as anything but `article` (the exact kind is asserted by
  tests/test_page_kind.py). Split by case name: first hex digit of sha1(name) below '8' is
  tune (`fixture_split`).
- Time: page_signals + classify per page (parsing and extraction not included), median and
  p90 over the pool pages, and as a share of the rest of `extract_article` on the same page
  (a loaded machine slows both alike).

Tune on the tune split only (`--show-errors tune` lists its misses); check is for confirming.
stdout: one JSON object; stderr: the table.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import logging
import sys
import time
from pathlib import Path

from cleaners.extract import extract_article
from cleaners.html import parse_html
from cleaners.page_kind import PageKind, classify, page_signals

from .splits import split_for_url

REPO = Path(__file__).resolve().parent.parent
# ../shared/data beside the checkout (one level further up from a worktree in wt/)
DEFAULT_DATA = next((p for p in (REPO.parent / "shared" / "data",
                                 REPO.parent.parent / "shared" / "data") if p.is_dir()),
                    REPO.parent / "shared" / "data")
FIXTURES = REPO / "tests" / "fixtures" / "page_kind"
POOLS = ("body-dev", "zh-dev", "navigation-pool", "article-extraction-dev")
logger = logging.getLogger("bench.page_kind")


def fixture_split(name: str) -> str:
    return "tune" if hashlib.sha1(name.encode()).hexdigest()[0] < "8" else "check"


def pool_pages(data: Path, pool: str):
    """(split, id, path, url) of every page of a pool; nothing when the pool is missing."""
    root = data / pool
    if pool == "article-extraction-dev":
        truth = root / "ground-truth.json"
        if not truth.is_file():
            return
        for pid, entry in json.loads(truth.read_text()).items():
            yield split_for_url(entry["url"]), pid, root / "html" / f"{pid}.html.gz", entry["url"]
        return
    manifest = root / "manifest.tsv"
    if not manifest.is_file():
        return
    with manifest.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            yield (row["suggested_split"], row["id"], root / "pages" / f"{row['id']}.html.gz",
                   row.get("url") or None)


def fixture_pages(fixtures: Path = FIXTURES):
    for case in sorted(p for p in fixtures.iterdir() if (p / "meta.json").is_file()):
        meta = json.loads((case / "meta.json").read_text())
        yield fixture_split(case.name), case.name, case / "page.html", meta["url"], meta["kind"]


def judge(path: Path, url: str | None):
    """(PageKind, seconds in page_signals + classify, seconds in the rest of extraction)."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    root, _ = parse_html(data)
    started = time.perf_counter()
    signals = page_signals(root, url)
    spent = time.perf_counter() - started
    started = time.perf_counter()
    try:
        article = extract_article(root, url)
    except Exception as exc:  # an extractor bug, not the classifier's: counted as a miss
        return (PageKind("error", 0.0, (f"extraction_error {type(exc).__name__}: {exc}",)),
                spent, 0.0)
    extracting = time.perf_counter() - started
    started = time.perf_counter()
    kind = classify(signals, article, url)
    spent += time.perf_counter() - started
    # extract_article runs page_signals + classify itself: take them off its time
    return kind, spent, max(extracting - spent, 1e-6)


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.page_kind",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--show-errors", choices=("tune", "check", "none"), default="none")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    result: dict = {"benchmark": "page_kind", "pools": {}, "fixtures": {}, "skipped": []}
    times: list[float] = []
    shares: list[float] = []  # classifier time / extraction time, per page
    errors: list[str] = []
    kept = {"tune": [0, 0], "check": [0, 0]}
    for pool in POOLS:
        counts = {"tune": [0, 0], "check": [0, 0]}
        missing = 0
        for split, pid, path, url in pool_pages(args.data, pool):
            if split not in counts:
                continue
            if not path.is_file():
                missing += 1
                continue
            kind, spent, extracting = judge(path, url)
            times.append(spent)
            if extracting:  # 0 when the extractor raised
                shares.append(spent / extracting)
            ok = kind.kind == "article"
            counts[split][0] += ok
            counts[split][1] += 1
            kept[split][0] += ok
            kept[split][1] += 1
            if not ok and args.show_errors == split:
                errors.append(f"{pool}/{pid} -> {kind.kind} {kind.score} {' '.join(kind.reasons)}")
        if not counts["tune"][1] and not counts["check"][1]:
            result["skipped"].append(f"{pool}: not found under {args.data}")
            logger.info("skipped %s: not found under %s", pool, args.data)
            continue
        if missing:
            result["skipped"].append(f"{pool}: {missing} pages missing")
        result["pools"][pool] = {s: {"articles_kept": _rate(*c), "pages": c[1]}
                                 for s, c in counts.items()}
    result["pools"]["all"] = {s: {"articles_kept": _rate(*c), "pages": c[1]}
                              for s, c in kept.items()}

    fx = {"tune": {"rejected": [0, 0], "kept": [0, 0], "exact": [0, 0]},
          "check": {"rejected": [0, 0], "kept": [0, 0], "exact": [0, 0]}}
    for split, name, path, url, expected in fixture_pages():
        kind, _, _ = judge(path, url)
        c = fx[split]
        key = "kept" if expected == "article" else "rejected"
        c[key][0] += (kind.kind == "article") == (expected == "article")
        c[key][1] += 1
        c["exact"][0] += kind.kind == expected
        c["exact"][1] += 1
        if kind.kind != expected and args.show_errors == split:
            errors.append(f"fixture/{name} ({expected}) -> {kind.kind} {kind.score} "
                          f"{' '.join(kind.reasons)}")
    result["fixtures"] = {s: {"non_articles_rejected": _rate(*c["rejected"]),
                              "non_articles": c["rejected"][1],
                              "articles_kept": _rate(*c["kept"]), "articles": c["kept"][1],
                              "exact_kind": _rate(*c["exact"])} for s, c in fx.items()}
    times.sort()
    shares.sort()
    if times:
        result["classify_us"] = {"median": round(times[len(times) // 2] * 1e6, 1),
                                 "p90": round(times[int(len(times) * 0.9)] * 1e6, 1),
                                 "pages": len(times),
                                 "median_share_of_extraction":
                                     round(shares[len(shares) // 2], 3) if shares else None}

    lines = ["page kind: article-or-not accuracy (tune | check)"]
    for pool, r in result["pools"].items():
        lines.append(f"  {pool:24} articles kept   {r['tune']['articles_kept']} "
                     f"({r['tune']['pages']}) | {r['check']['articles_kept']} "
                     f"({r['check']['pages']})")
    f = result["fixtures"]
    lines.append(f"  {'fixtures':24} non-articles rejected {f['tune']['non_articles_rejected']} "
                 f"({f['tune']['non_articles']}) | {f['check']['non_articles_rejected']} "
                 f"({f['check']['non_articles']}); exact kind {f['tune']['exact_kind']} | "
                 f"{f['check']['exact_kind']}")
    if "classify_us" in result:
        t = result["classify_us"]
        lines.append(f"  classifier time per page: median {t['median']} µs, p90 {t['p90']} µs "
                     f"({t['median_share_of_extraction']} of the rest of extraction, median)")
    for skipped in result["skipped"]:
        lines.append(f"  skipped: {skipped}")
    lines.extend(f"  miss: {e}" for e in errors)
    print("\n".join(lines), file=sys.stderr)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
