"""Where healthcrawl's body and trafilatura's disagree wholesale, by shape, from a dump.

    python -m bench.body_mechanisms DUMP [--split tune|check]

DUMP: a folder written by `python -m bench.extract --dump DUMP` with all three systems.
For every page of the split and each trafilatura setting whose text holds 200 or more
characters: our length over its length, the share of its words in ours and of ours in its
(distinct word tokens, every CJK character a token). Two shapes, without the annotation:

- truncated: ours under half its length with nine tenths of our words in its text (we kept
  a part of what it reads as the article);
- other block: under three tenths of its words in ours (a different block won), when not
  truncated.

Tune pages are listed with both systems' F1 from the dump; check pages are only counted
(rules are found on tune: bench/splits.py). stdout: the list or the counts.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import orjson

from .metric import tokens

SETTINGS = ("trafilatura", "trafilatura_precision")
MIN_CHARS = 200  # a shorter second text says too little about the page
SHORTER, INSIDE, OTHER = 0.5, 0.9, 0.3


def shares(ours: str, theirs: str) -> tuple[float, float, float]:
    """(our length over theirs, share of our words in theirs, share of theirs in ours)."""
    a, b = set(tokens(ours.lower(), cjk=True)), set(tokens(theirs.lower(), cjk=True))
    common = len(a & b)
    return (len(ours) / len(theirs) if theirs else 0.0,
            common / len(a) if a else 0.0, common / len(b) if b else 0.0)


def shape(ratio: float, ours_in: float, theirs_in: float) -> str:
    if ratio < SHORTER and ours_in >= INSIDE:
        return "truncated"
    return "other block" if theirs_in < OTHER else ""


def classify(dump: Path, split: str) -> list[dict]:
    scores = orjson.loads((dump / "scores.json").read_bytes())
    rows = []
    for key, row in sorted(scores.items()):
        if row["split"] != split:
            continue
        pool, page_id = key.split("/", 1)
        ours = (dump / "healthcrawl" / pool / f"{page_id}.txt").read_text(encoding="utf-8")
        for setting in SETTINGS:
            theirs = (dump / setting / pool / f"{page_id}.txt").read_text(encoding="utf-8")
            if len(theirs) < MIN_CHARS:
                continue
            ratio, ours_in, theirs_in = shares(ours, theirs)
            found = shape(ratio, ours_in, theirs_in)
            if found:
                rows.append({"page": key, "setting": setting, "shape": found,
                             "ours": len(ours), "theirs": len(theirs),
                             "ours_in": round(ours_in, 2), "theirs_in": round(theirs_in, 2),
                             "f1": row["healthcrawl"]["f1"], "their_f1": row[setting]["f1"]})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.body_mechanisms",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("dump", type=Path, help="a bench.extract --dump folder")
    ap.add_argument("--split", choices=("tune", "check"), default="tune")
    args = ap.parse_args(argv)
    rows = classify(args.dump, args.split)
    pages = {(r["page"], r["shape"]) for r in rows}
    counts = Counter(s for _, s in pages)
    worse = Counter(s for p, s in pages if any(
        r["page"] == p and r["shape"] == s and r["f1"] < r["their_f1"] for r in rows))
    for name in ("truncated", "other block"):
        sys.stdout.write(f"{name}: {counts[name]} pages, {worse[name]} scoring under the "
                         "setting they were found with\n")
    if args.split == "tune":
        for r in rows:
            sys.stdout.write(f"  {r['shape']:11s} {r['page'][:70]:70s} {r['setting']:21s} "
                             f"{r['ours']:6d}/{r['theirs']:6d} ours_in {r['ours_in']:.2f} "
                             f"theirs_in {r['theirs_in']:.2f} F1 {r['f1']:.2f} / "
                             f"{r['their_f1']:.2f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
