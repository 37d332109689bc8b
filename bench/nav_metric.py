"""Matching extracted teasers and related links to navigation truth (bench/navigation.py).

An item is (kind, url, title): kind "teaser" or "related" (prev/next count as related).
Two items match when their normalized URLs are equal; when either URL is null, when their
normalized titles are. Matching is one-to-one and greedy in page order, so an article listed
twice by the extractor counts once as found and once as wrong.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

_DEFAULT_PORTS = {"http": "80", "https": "443"}
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def norm_url(url: str | None) -> str | None:
    """Scheme-less, fragment-less, no default port, no trailing slash, host lowercased,
    percent-escapes decoded: "https://A.org:443/x/#top" and "http://a.org/x" are equal."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port is not None else None
    if port is not None and str(port) != _DEFAULT_PORTS.get(parts.scheme.lower(), ""):
        host = f"{host}:{port}"
    path = unquote(parts.path).rstrip("/")
    query = f"?{unquote(parts.query)}" if parts.query else ""
    return f"{host}{path}{query}"


def norm_title(title: str | None) -> str:
    """NFC, whitespace folded, case folded, punctuation trimmed at both ends."""
    text = unicodedata.normalize("NFKC", title or "")
    return _EDGE_PUNCT.sub("", _SPACE.sub(" ", text).strip().casefold())


@dataclass(frozen=True, slots=True)
class Item:
    kind: str  # "teaser" | "related"
    url: str | None  # normalized
    title: str  # normalized
    shown: str  # as output / annotated, for the miss lists


def nav_record(links, teasers) -> dict:
    """An extractor's related links and teasers as the record fields `items_of` reads."""
    return {"related_links": [{"rel": x.rel, "title": x.title, "url": x.url} for x in links],
            "teasers": [{"title": t.title, "url": t.url} for t in teasers]}


def items_of(record: dict) -> list[Item]:
    """Items of a record or truth file: related links first, then teasers."""
    out = [Item("related", norm_url(x.get("url")), norm_title(x.get("title")),
                f"[{x.get('rel')}] {x.get('title')} <{x.get('url')}>")
           for x in record.get("related_links") or []]
    out += [Item("teaser", norm_url(x.get("url")), norm_title(x.get("title")),
                 f"[teaser] {x.get('title')} <{x.get('url')}>")
            for x in record.get("teasers") or []]
    return out


def _same(a: Item, b: Item) -> bool:
    if a.url and b.url:
        return a.url == b.url
    return bool(a.title) and a.title == b.title


def match(found: list[Item], truth: list[Item]) -> list[tuple[int, int]]:
    """One-to-one pairs (index in found, index in truth): URL matches first, then titles."""
    pairs: list[tuple[int, int]] = []
    used_f: set[int] = set()
    used_t: set[int] = set()
    for by_url in (True, False):
        for i, f in enumerate(found):
            if i in used_f:
                continue
            for j, t in enumerate(truth):
                if j in used_t or bool(f.url and t.url) != by_url or not _same(f, t):
                    continue
                pairs.append((i, j))
                used_f.add(i)
                used_t.add(j)
                break
    return pairs


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    pages: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn, self.pages = self.tp + tp, self.fp + fp, self.fn + fn, \
            self.pages + 1

    def as_dict(self) -> dict:
        """Micro-averaged over items. With nothing extracted, precision is null; with
        nothing to find, recall is null."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None
                                                     else None)
        return {"pages": self.pages, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": _round(p), "recall": _round(r), "f1": _round(f1)}


@dataclass(slots=True)
class PageResult:
    together: tuple[int, int, int]
    teaser: tuple[int, int, int]
    related: tuple[int, int, int]
    kind_swapped: int  # found under the other kind
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def score(found: list[Item], truth: list[Item]) -> PageResult:
    pairs = match(found, truth)
    matched_f = {i for i, _ in pairs}
    matched_t = {j for _, j in pairs}
    per_kind = {}
    for kind in ("teaser", "related"):
        f = [x for x in found if x.kind == kind]
        t = [x for x in truth if x.kind == kind]
        tp = len(match(f, t))
        per_kind[kind] = (tp, len(f) - tp, len(t) - tp)
    swapped = sum(1 for i, j in pairs if found[i].kind != truth[j].kind)
    return PageResult(
        together=(len(pairs), len(found) - len(pairs), len(truth) - len(pairs)),
        teaser=per_kind["teaser"], related=per_kind["related"], kind_swapped=swapped,
        missed=[t.shown for j, t in enumerate(truth) if j not in matched_t],
        wrong=[f.shown for i, f in enumerate(found) if i not in matched_f],
    )
