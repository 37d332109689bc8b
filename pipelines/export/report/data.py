"""The numbers a run report shows, from a run folder (run.json and the exported records).
Pure: no plotting, so the terminal table and the HTML page share one source."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from common.keys import LATENCY_BUCKETS

from ...load import load_run
from .coverage import field_coverage

# counts entries that are totals or subsets of another entry, not outcomes of their own.
_NOT_OUTCOMES = frozenset({"discovered", "new", "changed"})
_VERSION = re.compile(r"\s+\d+(?:\.\d+)+\S*$")


@dataclass
class ReportData:
    run_dir: Path
    summary: dict
    records_per_site: dict[str, int]
    outcomes: dict[str, int]  # "stored", "not_article", "dropped/duplicate_url", ...
    body_chars: list[int]  # characters of body, one per record
    teasers_per_article: list[int]
    links_per_article: list[int]
    extractors: dict[str, int]  # `extractor` without the package version
    latency_ms: dict[str, int]  # bucket -> responses; {} when the run recorded no timing
    changes: dict[str, int] | None = None
    warnings: dict[str, int] = field(default_factory=dict)
    coverage: dict[str, dict[str, float]] = field(default_factory=dict)  # site -> field -> share

    @property
    def records(self) -> int:
        return len(self.body_chars)


def outcomes_of(counts: dict) -> dict[str, int]:
    """run.json `counts` as flat outcome -> pages, largest first, zeros left out."""
    flat: dict[str, int] = {}
    for name, value in counts.items():
        if isinstance(value, dict):
            flat.update({f"{name}/{sub}": n for sub, n in value.items() if n})
        elif name not in _NOT_OUTCOMES and value:
            flat[name] = int(value)
    return dict(sorted(flat.items(), key=lambda kv: (-kv[1], kv[0])))


def extractor_name(value: str | None) -> str:
    """`profile:demo-keepto 0.1.0` -> `profile:demo-keepto` (versions would split a mix)."""
    return _VERSION.sub("", value or "") or "unknown"


def collect(run_dir: str | Path) -> ReportData:
    run = load_run(run_dir)
    summary = run.summary or {}
    articles = run.articles
    ids = articles["id"].tolist()
    teasers = Counter(run.teasers["id"].tolist())
    links = Counter(run.related_links["id"].tolist())
    latency = summary.get("latency_ms") or {}
    return ReportData(
        run_dir=run.path,
        summary=summary,
        records_per_site=dict(Counter(articles["site"].fillna("unknown").tolist())
                              .most_common()),
        outcomes=outcomes_of(summary.get("counts") or {}),
        body_chars=[len(b) if isinstance(b, str) else 0 for b in articles["body"].tolist()],
        teasers_per_article=[teasers.get(i, 0) for i in ids],
        links_per_article=[links.get(i, 0) for i in ids],
        extractors=dict(Counter(extractor_name(e if isinstance(e, str) else None)
                                for e in articles["extractor"].tolist()).most_common()),
        latency_ms={b: int(latency.get(b, 0)) for b in LATENCY_BUCKETS} if latency else {},
        changes=summary.get("changes"),
        warnings=dict(summary.get("warnings") or {}),
        coverage=field_coverage(articles, {"related_links": run.related_links,
                                           "teasers": run.teasers,
                                           "reviewed_by": run.reviewed_by,
                                           "references": run.references}),
    )
