"""The development pools the extraction benchmark reads, as one list of pages each.

Every pool lives in ../shared/data/<name> with a README.md that defines its references;
a pool that is missing is skipped (and reported as skipped), never an error.

- article-extraction-dev: expected main text per page (`kind` "text").
- body-dev: trafilatura's pages carry must-contain / must-not-contain snippets ("snippets");
  readability's carry an expected text ("text"; the synthetic fixtures are a group of their
  own). Readability files are UTF-8 whatever their meta tag says (its README), so they are
  given to every system as decoded text; the rest as the bytes fetched.
- zh-dev: the pages with a hand-written main text ("text", scored with CJK characters as
  tokens); the others have no body reference.
"""
from __future__ import annotations

import csv
import gzip
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from .splits import manifest_splits, split_for_url


def _find_data() -> Path:
    """shared/data next to the checkout, or next to one of its parents (worktrees)."""
    repo = Path(__file__).resolve().parents[1]
    for parent in repo.parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return repo.parent / "shared" / "data"


DATA = _find_data()
AED, BODY_DEV, ZH_DEV = "article-extraction-dev", "body-dev", "zh-dev"
POOLS = (AED, BODY_DEV, ZH_DEV)


@dataclass(slots=True)
class Page:
    pool: str
    group: str  # what is scored together: "article-extraction-dev", "body-dev/snippets"...
    id: str
    url: str
    source: bytes | str
    split: str
    kind: str  # "text" or "snippets"
    expected: str = ""
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    language: str = ""
    cjk: bool = False


def _gunzip(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.exists() else b""


def load_aed(root: Path) -> list[Page]:
    truth = orjson.loads((root / "ground-truth.json").read_bytes())
    pages = []
    for page_id in sorted(truth):
        url = truth[page_id].get("url") or ""
        pages.append(Page(AED, AED, page_id, url, _gunzip(root / "html" / f"{page_id}.html.gz"),
                          split_for_url(url), "text",
                          expected=truth[page_id].get("articleBody") or ""))
    return pages


def _manifest(root: Path) -> dict[str, dict]:
    with (root / "manifest.tsv").open(encoding="utf-8", newline="") as f:
        return {row["id"]: row for row in csv.DictReader(f, delimiter="\t")}


def load_body_dev(root: Path) -> list[Page]:
    truth = orjson.loads((root / "truth.json").read_bytes())
    rows = _manifest(root)
    splits = manifest_splits(root / "manifest.tsv")
    pages = []
    for page_id in sorted(truth):
        ref, row = truth[page_id], rows.get(page_id, {})
        raw = _gunzip(root / "pages" / f"{page_id}.html.gz")
        common = dict(url=ref.get("url") or "", split=splits.get(page_id, "tune"),
                      language=row.get("language", ""))
        if "expected_text_file" in ref:
            group = f"{BODY_DEV}/synthetic" if ref.get("synthetic") else f"{BODY_DEV}/text"
            expected = (root / ref["expected_text_file"]).read_text(encoding="utf-8")
            pages.append(Page(BODY_DEV, group, page_id,
                              source=raw.decode("utf-8", "replace"), kind="text",
                              expected=expected, **common))
        else:
            pages.append(Page(BODY_DEV, f"{BODY_DEV}/snippets", page_id, source=raw,
                              kind="snippets", with_=list(ref.get("with") or []),
                              without=list(ref.get("without") or []), **common))
    return pages


def load_zh_dev(root: Path) -> list[Page]:
    truth = orjson.loads((root / "truth.json").read_bytes())
    splits = manifest_splits(root / "manifest.tsv")
    pages = []
    for page_id in sorted(truth):
        ref = truth[page_id]
        if not ref.get("expected_text_file"):
            continue  # no body reference (navigation-only pages)
        pages.append(Page(ZH_DEV, ZH_DEV, page_id, ref.get("url") or "",
                          _gunzip(root / "pages" / f"{page_id}.html.gz"),
                          splits.get(page_id, "tune"), "text",
                          expected=(root / ref["expected_text_file"]).read_text(encoding="utf-8"),
                          language="zh", cjk=True))
    return pages


_LOADERS = {AED: (load_aed, "ground-truth.json"), BODY_DEV: (load_body_dev, "truth.json"),
            ZH_DEV: (load_zh_dev, "truth.json")}


def load_pools(names, data: Path = DATA) -> tuple[list[Page], list[str]]:
    """(pages of every pool found, names of the pools not found)."""
    pages: list[Page] = []
    missing: list[str] = []
    for name in names:
        loader, marker = _LOADERS[name]
        root = data / name
        if not (root / marker).exists():
            missing.append(name)
            continue
        pages.extend(loader(root))
    return pages, missing


def sample(pages: list[Page], n: int) -> list[Page]:
    """At most n pages of each group, spread evenly over its pages sorted by id (fixed, so
    two runs score the same pages)."""
    if n <= 0:
        return pages
    groups: dict[str, list[Page]] = {}
    for p in pages:
        groups.setdefault(p.group, []).append(p)
    out: list[Page] = []
    for members in groups.values():
        step = max(1, len(members) / n)
        out.extend(members[int(i * step)] for i in range(min(n, len(members))))
    return out
