"""Health-metadata benchmark: healthcrawl's metadata against pages annotated by reading.

    python -m bench.metadata [--truth DIR] [--pools DIR] [--dump FILE] [--groups G,...]

Truth: bench/data/metadata/<pool>--<id>.json (rules: docs/metadata-annotation.md); pages:
shared/data/<pool>/pages/<id>.html.gz beside the checkout (article-extraction-dev:
html/<id>.html.gz; skipped, and said so, when missing). Scores per group: `tune`;
`check_clean` (check pages annotated blind, before any extractor ran on them: the only
unbiased check); `check_prior` (check pages
annotated before the extractor ran, then seen in development runs); `check_contaminated`
(check truth corrected after seeing the extractor's output, or a rule fixed on the page);
`check_all`. Fields: dates exact (YYYY-MM-DD) on pages that show one, author and reviewer
names precision / recall, author profile links (exact, among the authors found), reference
counts within ±10 % on pages that list sources, disclaimer detection, schema types.
trafilatura's metadata (published, authors) in the same run. `--groups tune` runs only the
pages of those groups (tune work must not look at check pages). stdout: JSON; stderr: a table.
"""
from __future__ import annotations

import argparse
import gzip
import logging
import re
import sys
import time
import unicodedata
from pathlib import Path

import orjson

from .pools import DATA

log = logging.getLogger("bench.metadata")
REPO = Path(__file__).resolve().parents[1]
DEFAULT_TRUTH = REPO / "bench" / "data" / "metadata"
DEFAULT_POOLS = DATA  # shared/data next to the checkout or a parent of it (worktrees)
DATE_FIELDS = ("published", "modified", "last_reviewed")
GROUPS = ("tune", "check_clean", "check_prior", "check_contaminated", "check_all")
# Where a pool keeps its pages (article-extraction-dev names its folder html/).
_PAGE_DIRS = ("pages", "html")


def groups_of(truth: dict) -> tuple[str, ...]:
    """The report groups a truth file counts in (its split, then how it was annotated)."""
    if truth["split"] == "tune":
        return ("tune",)
    how = truth.get("annotation", "prior")
    if how not in ("blind", "prior", "contaminated"):
        raise ValueError(f"{truth['id']}: unknown annotation {how!r}")
    return ("check_clean" if how == "blind" else f"check_{how}", "check_all")


# a space between two Chinese characters is padding ("赵  培" is the name 赵培)
_CJK_GAP = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff])\s+(?=[\u3400-\u4dbf\u4e00-\u9fff])")


def _norm_name(name: str) -> str:
    name = _CJK_GAP.sub("", unicodedata.normalize("NFKC", name))
    return " ".join(name.casefold().replace(".", " ").split())


def _norm_url(url: str | None) -> str | None:
    return url.split("://", 1)[-1].rstrip("/").lower() if url else None


def healthcrawl(html: bytes, url: str) -> dict:
    from cleaners.html import parse_html
    from cleaners.metadata import read_metadata

    root, _warnings = parse_html(html)
    meta = read_metadata(root, url)
    return {"published": meta["published"], "modified": meta["modified"],
            "last_reviewed": meta["last_reviewed"],
            "authors": [a["name"] for a in meta["author_objects"]],
            "author_urls": {_norm_name(a["name"]): a["url"] for a in meta["author_objects"]},
            "reviewed_by": [r["name"] for r in meta["reviewed_by"]],
            "references": len(meta["references"]),
            "medical_disclaimer": meta["medical_disclaimer"],
            "schema_types": meta["schema_types"]}


def trafilatura_meta(html: bytes, url: str) -> dict:
    from trafilatura import extract_metadata

    doc = extract_metadata(html, default_url=url or None)
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()] if doc else []
    return {"published": doc.date if doc else None, "authors": authors}


SYSTEMS = {"healthcrawl": healthcrawl, "trafilatura": trafilatura_meta}


def load(truth_dir: Path, pools: Path, only: set[str] | None = None
         ) -> tuple[list[tuple[dict, bytes]], list[str]]:
    pages, missing = [], []
    for path in sorted(truth_dir.glob("*.json")):
        truth = orjson.loads(path.read_bytes())
        if only is not None and not only.intersection(groups_of(truth)):
            continue
        page = next((p for d in _PAGE_DIRS
                     if (p := pools / truth["pool"] / d / f"{truth['id']}.html.gz").exists()),
                    None)
        if page is None:
            missing.append(truth["id"])
            continue
        pages.append((truth, gzip.decompress(page.read_bytes())))
    return pages, missing


class Tally:
    """Per split and field: counts that make the rates."""

    def __init__(self) -> None:
        self.c: dict[str, float] = {}

    def add(self, key: str, n: float = 1) -> None:
        self.c[key] = self.c.get(key, 0) + n

    def rate(self, num: str, den: str) -> float | None:
        d = self.c.get(den, 0)
        return round(self.c.get(num, 0) / d, 3) if d else None


def score(truth: dict, got: dict, t: Tally) -> list[str]:
    """Add one page's outcome to `t`; return the fields it got wrong (for --dump)."""
    from cleaners.dates import date_part

    wrong = []
    for f in DATE_FIELDS:
        if f not in got:
            continue
        want, have = truth.get(f), date_part(got.get(f))
        if want:
            t.add(f"{f}_shown")
            if have == want:
                t.add(f"{f}_exact")
            else:
                wrong.append(f"{f}: want {want} got {have}")
        elif have:
            t.add(f"{f}_spurious")
    for f, key in (("authors", "authors"), ("reviewed_by", "reviewed_by")):
        if key not in got:
            continue
        want = {_norm_name(a["name"]) for a in truth[f]}
        have = {_norm_name(n) for n in got[key]}
        t.add(f"{f}_tp", len(want & have))
        t.add(f"{f}_want", len(want))
        t.add(f"{f}_have", len(have))
        if want != have:
            wrong.append(f"{f}: want {sorted(want)} got {sorted(have)}")
    if "author_urls" in got:  # the profile link of each author found by name
        for a in truth["authors"]:
            name = _norm_name(a["name"])
            if name in got["author_urls"]:
                t.add("author_url_found")
                if _norm_url(got["author_urls"][name]) == _norm_url(a.get("url")):
                    t.add("author_url_ok")
                else:
                    wrong.append(f"author url of {name}: want {a.get('url')} "
                                 f"got {got['author_urls'][name]}")
    if "references" in got:
        want, have = truth["references"]["count"], got["references"]
        if want:
            t.add("refs_listed")
            if abs(have - want) <= 0.1 * want:
                t.add("refs_ok")
            else:
                wrong.append(f"references: want {want} got {have}")
        else:
            t.add("refs_none")
            if have == 0:
                t.add("refs_none_ok")
            else:
                wrong.append(f"references: want 0 got {have}")
    if "medical_disclaimer" in got:
        t.add("disc_pages")
        if bool(truth["medical_disclaimer"]) == bool(got["medical_disclaimer"]):
            t.add("disc_ok")
        else:
            wrong.append(f"disclaimer: want {bool(truth['medical_disclaimer'])}")
    if "schema_types" in got:
        want, have = set(truth["schema_types"]), set(got["schema_types"])
        t.add("types_tp", len(want & have))
        t.add("types_want", len(want))
        t.add("types_have", len(have))
    return wrong


def summary(t: Tally) -> dict:
    out = {f"{f}_exact": t.rate(f"{f}_exact", f"{f}_shown") for f in DATE_FIELDS}
    out.update({f"{f}_shown": int(t.c.get(f"{f}_shown", 0)) for f in DATE_FIELDS})
    for f in ("authors", "reviewed_by", "types"):
        out[f"{f}_precision"] = t.rate(f"{f}_tp", f"{f}_have")
        out[f"{f}_recall"] = t.rate(f"{f}_tp", f"{f}_want")
    out["author_url_exact"] = t.rate("author_url_ok", "author_url_found")
    if t.c.get("author_url_found"):
        out["author_urls_checked"] = int(t.c["author_url_found"])
    out["refs_within_10pct"] = t.rate("refs_ok", "refs_listed")
    out["refs_pages_listing"] = int(t.c.get("refs_listed", 0))
    out["refs_none_correct"] = t.rate("refs_none_ok", "refs_none")
    out["disclaimer_accuracy"] = t.rate("disc_ok", "disc_pages")
    return {k: v for k, v in out.items() if v is not None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.metadata",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--truth", type=Path, default=DEFAULT_TRUTH)
    ap.add_argument("--pools", type=Path, default=DEFAULT_POOLS)
    ap.add_argument("--dump", type=Path, help="write per-page misses as JSON here")
    ap.add_argument("--groups", help=f"comma-separated, of {', '.join(GROUPS)}: run only "
                                     "the pages in these groups (default: all)")
    args = ap.parse_args(argv)
    only = None
    if args.groups:
        only = {g.strip() for g in args.groups.split(",") if g.strip()}
        if not only or only - set(GROUPS):
            ap.error(f"--groups: expected names among {', '.join(GROUPS)}")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    pages, missing = load(args.truth, args.pools, only)
    if missing:
        sys.stderr.write(f"bench.metadata: {len(missing)} annotated pages not found under "
                         f"{args.pools}; skipped\n")
    if not pages:
        return 0
    report: dict = {"pages": dict.fromkeys(GROUPS, 0), "systems": {}}
    misses: dict = {}
    for truth, _html in pages:
        for g in groups_of(truth):
            report["pages"][g] += 1
    for name, fn in SYSTEMS.items():
        tallies = {g: Tally() for g in GROUPS}
        spent = 0.0
        for truth, html in pages:
            start = time.perf_counter()
            try:
                got = fn(html, truth.get("url") or "")
            except Exception:  # a failed page scores as empty
                log.warning("%s failed on %s", name, truth["id"], exc_info=len(misses) < 1)
                got = {}
            spent += time.perf_counter() - start
            wrong = []
            for g in groups_of(truth):
                wrong = score(truth, got, tallies[g])
            if wrong:
                misses.setdefault(truth["id"], {})[name] = wrong
        report["systems"][name] = {g: summary(t) for g, t in tallies.items()
                                   if report["pages"][g]}
        report["systems"][name]["ms_per_page"] = round(1000 * spent / len(pages), 2)
    if args.dump:
        args.dump.write_bytes(orjson.dumps(misses, option=orjson.OPT_INDENT_2))
    sys.stdout.write(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() + "\n")
    _table(report)
    return 0


def _table(report: dict) -> None:
    keys = ["published_exact", "modified_exact", "last_reviewed_exact", "authors_precision",
            "authors_recall", "author_url_exact", "reviewed_by_precision", "reviewed_by_recall",
            "refs_within_10pct", "refs_none_correct", "disclaimer_accuracy", "types_recall"]
    pages = report["pages"]
    groups = [g for g in GROUPS if pages[g]]
    systems = list(report["systems"])
    lines = ["metadata benchmark: " + ", ".join(f"{g} {pages[g]}" for g in groups) + " pages; "
             "cells: " + " / ".join(systems),
             f"{'field':<24}" + "".join(f"{g:>22}" for g in groups)]
    for k in keys:
        cells = []
        for g in groups:
            vals = [report["systems"][n].get(g, {}).get(k) for n in systems]
            cells.append(" / ".join("-" if v is None else f"{v:.3f}" for v in vals))
        if any(c.replace("-", "").replace(" / ", "") for c in cells):
            lines.append(f"{k:<24}" + "".join(f"{c:>22}" for c in cells))
    lines.append("ms/page: " + ", ".join(f"{n} {r['ms_per_page']}"
                                          for n, r in report["systems"].items()))
    sys.stderr.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
