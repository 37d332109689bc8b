"""Text of single pages in the extractor's code: which string literals of cleaners/ occur in
the visible text of pool pages of exactly one site?

    python -m bench.string_audit [--data DIR] [--min-length N]

A rule that quotes one page ("Lesen Sie morgen: Teil 2 der Serie", a product name, a date)
fits that page and teaches nothing general. Every string constant under cleaners/ is cut into
literal pieces (regex alternatives split at `|`, escapes and groups blanked); pieces of at
least `--min-length` characters (14) holding a space are looked up, lowercased, in the tag-free
text of every page of the four pools. stdout: one JSON object (pieces found on one site only,
with the site and the file quoting them; counts); stderr: the same as lines. Vocabulary that
many sites share shows on several; a general phrase may still show on one site only (the
pools are small): each listed piece is to be read, not removed blindly.
"""
from __future__ import annotations

import argparse
import ast
import csv
import gzip
import html
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from .navigation import default_data

POOLS = ("article-extraction-dev", "body-dev", "navigation-pool", "zh-dev")
_GROUPS = re.compile(r"\(\?(?:[:=!]|<[=!])|\\[bBwWdDsS][+*?]?|[()\[\]^$?*+{}]|\\")
_TAG = re.compile(r"<[^>]+>")


def literal_pieces(source: str, min_length: int) -> set[str]:
    """Lowercased literal pieces of a module's string constants (see the module docstring)."""
    pieces = set()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        for part in node.value.split("|"):
            part = " ".join(_GROUPS.sub(" ", part).split()).lower()
            if len(part) >= min_length and " " in part and not part.startswith(("http", "/")):
                pieces.add(part)
    return pieces


def _site_names(data: Path, pool: str) -> dict[str, str]:
    manifest = data / pool / "manifest.tsv"
    if not manifest.is_file():
        return {}
    with manifest.open(encoding="utf-8") as f:
        return {r["id"]: r.get("site") or r.get("publisher_or_site") or r["id"]
                for r in csv.DictReader(f, delimiter="\t")}


def audit(code: Path, data: Path, min_length: int) -> dict:
    quoted: dict[str, set[str]] = defaultdict(set)
    for path in sorted(code.rglob("*.py")):
        for piece in literal_pieces(path.read_text(encoding="utf-8"), min_length):
            quoted[piece].add(str(path.relative_to(code.parent)))
    if not quoted:
        return {"pieces": 0, "pages": 0, "one_site": []}
    sites: dict[str, set[str]] = defaultdict(set)
    pages = 0
    for pool in POOLS:
        names = _site_names(data, pool)
        for page in sorted((data / pool / "pages").glob("*.html.gz")):
            page_id = page.name.split(".html")[0]
            text = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
            text = " ".join(html.unescape(_TAG.sub(" ", text)).lower().split())
            for piece in quoted:  # (`in` per piece: ~20x faster than one big alternation)
                if piece in text:
                    sites[piece].add(names.get(page_id, f"{pool}:{page_id}"))
            pages += 1
    one = [{"piece": p, "site": next(iter(sites[p])), "files": sorted(quoted[p])}
           for p in sorted(quoted) if len(sites[p]) == 1]
    return {"pieces": len(quoted), "pages": pages,
            "on_several_sites": sum(len(s) > 1 for s in sites.values()),
            "on_no_page": sum(not sites[p] for p in quoted), "one_site": one}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--min-length", type=int, default=14)
    args = ap.parse_args(argv)
    data = args.data or default_data()
    if not (data / "body-dev" / "pages").is_dir():
        sys.stderr.write(f"string_audit: no pools under {data}: skipped\n")
        json.dump({"benchmark": "string_audit", "skipped": str(data)}, sys.stdout)
        sys.stdout.write("\n")
        return 0
    report = audit(Path(__file__).resolve().parent.parent / "cleaners", data, args.min_length)
    sys.stderr.write(f"string_audit: {report['pieces']} literal pieces, {report['pages']} pages; "
                     f"on several sites {report['on_several_sites']}, on no page "
                     f"{report['on_no_page']}, on one site only {len(report['one_site'])}:\n")
    for row in report["one_site"]:
        sys.stderr.write(f"  {row['piece']!r:40} {row['site']:28} {', '.join(row['files'])}\n")
    json.dump({"benchmark": "string_audit", **report}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
