"""The article-extraction metric (scrapinghub article-extraction-benchmark, as defined in the
dev set's README): word 4-gram shingle multisets, per-page P/R with edge rules, means over
pages, F1 of the means."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE) -> Counter:
    """Multiset of word n-grams; fewer than n tokens make one shingle, empty text none."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        """None when the page is left out of the precision mean (nothing extracted)."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """None when the page is left out of the recall mean (nothing expected)."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def score_page(expected: str | None, extracted: str | None) -> PageScore:
    # Dividing tp, fp, fn by their sum cancels in P and R, so the raw counts suffice.
    exp, ext = shingles(expected), shingles(extracted)
    tp = sum((exp & ext).values())
    return PageScore(tp=tp, fp=sum((ext - exp).values()), fn=sum((exp - ext).values()))


@dataclass(frozen=True, slots=True)
class Summary:
    precision: float
    recall: float
    f1: float
    pages: int


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def summarize(scores: Iterable[PageScore]) -> Summary:
    scores = list(scores)
    p = _mean([s.precision for s in scores if s.precision is not None])
    r = _mean([s.recall for s in scores if s.recall is not None])
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Summary(precision=p, recall=r, f1=f1, pages=len(scores))
