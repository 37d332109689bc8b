"""Field equality of two crawls' records (articles.jsonl), matched by URL: how many records
of the learned generic crawl equal the unlearned one's, field by field (bench/crawl.py)."""
from __future__ import annotations

from pathlib import Path

import orjson

# Differ between any two crawls, whatever they extracted.
IGNORED = ("fetched_at", "run_id", "extractor", "id")


def _records(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    return {r["url"]: r for r in map(orjson.loads, path.read_bytes().splitlines())}


def field_equality(a_path: Path, b_path: Path) -> dict:
    """{"records": matched, "fields": {field: share of matched records equal}}."""
    a, b = _records(a_path), _records(b_path)
    common = sorted(set(a) & set(b))
    fields = sorted({f for r in a.values() for f in r} - set(IGNORED))
    out = {"records": len(common), "only_a": len(set(a) - set(b)),
           "only_b": len(set(b) - set(a)), "fields": {}}
    for field in fields:
        same = sum(a[u].get(field) == b[u].get(field) for u in common)
        out["fields"][field] = round(same / len(common), 4) if common else None
    return out
