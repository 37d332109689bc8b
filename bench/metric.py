"""The article-extraction metric (scrapinghub article-extraction-benchmark, as defined in the
dev set's README): word 4-gram shingle multisets, per-page P/R with edge rules, means over
pages, F1 of the means. Also body-dev's snippet counts (must-contain / must-not-contain),
added over pages."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
# zh-dev's README: every CJK character is a token (\w+ would make a sentence one token).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_TOKEN_CJK = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
SHINGLE = 4


def tokens(text: str | None, cjk: bool = False) -> list[str]:
    return (_TOKEN_CJK if cjk else _TOKEN).findall(text or "")


def shingles(text: str | None, n: int = SHINGLE, cjk: bool = False) -> Counter:
    """Multiset of word n-grams; fewer than n tokens make one shingle, empty text none."""
    toks = tokens(text, cjk)
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


def score_page(expected: str | None, extracted: str | None, cjk: bool = False) -> PageScore:
    """cjk: count every CJK character as a token (zh-dev)."""
    # Dividing tp, fp, fn by their sum cancels in P and R, so the raw counts suffice.
    exp, ext = shingles(expected, cjk=cjk), shingles(extracted, cjk=cjk)
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


# --- snippet references (body-dev's trafilatura pages) --------------------------------------
_SPACE = re.compile(r"\s+")


def normalize_space(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


@dataclass(frozen=True, slots=True)
class SnippetScore:
    """must-contain snippets found (tp) or missing (fn); must-not-contain found (fp) or
    absent (tn): the upstream evaluation's counts (body-dev's README)."""
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def f1(self) -> float:
        """The page's own F1 (1.0 when it has nothing to find and found nothing wrong)."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


def score_snippets(with_: Iterable[str], without: Iterable[str], extracted: str | None
                   ) -> SnippetScore:
    text = normalize_space(extracted)
    hits = [normalize_space(s) in text for s in with_ if normalize_space(s)]
    leaks = [normalize_space(s) in text for s in without if normalize_space(s)]
    return SnippetScore(tp=sum(hits), fn=len(hits) - sum(hits), fp=sum(leaks),
                        tn=len(leaks) - sum(leaks))


@dataclass(frozen=True, slots=True)
class SnippetSummary:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int
    tp: int
    fp: int
    fn: int
    tn: int


def summarize_snippets(scores: Iterable[SnippetScore]) -> SnippetSummary:
    """Counts added over pages, then P = TP/(TP+FP), R = TP/(TP+FN), accuracy."""
    scores = list(scores)
    tp, fp = sum(s.tp for s in scores), sum(s.fp for s in scores)
    fn, tn = sum(s.fn for s in scores), sum(s.tn for s in scores)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    total = tp + fp + fn + tn
    return SnippetSummary(precision=p, recall=r, f1=f1,
                          accuracy=(tp + tn) / total if total else 0.0, pages=len(scores),
                          tp=tp, fp=fp, fn=fn, tn=tn)
