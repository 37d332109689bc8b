"""Per-field coverage per site: the share of a site's records in which each field is filled
(a non-empty value, a non-empty list, or at least one row in its item table)."""
from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

import pandas as pd

# The fields whose coverage tells whether extraction works on a site (ids, hashes and
# run bookkeeping are always there).
COVERAGE_FIELDS = ("title", "body", "published", "modified", "authors", "language",
                   "breadcrumbs", "related_links", "teasers", "last_reviewed", "reviewed_by",
                   "references", "medical_disclaimer", "schema_types", "about")


def _filled(value: object) -> bool:
    if isinstance(value, (list, tuple)):
        return bool(value)
    if value is None or value is pd.NA or value is pd.NaT:
        return False
    if isinstance(value, float) and value != value:  # NaN
        return False
    return value != ""


def field_coverage(articles: pd.DataFrame, tables: dict[str, pd.DataFrame | None]
                   ) -> dict[str, dict[str, float]]:
    """{site: {field: share of that site's records with the field filled}}."""
    sites = articles["site"].astype(object).where(articles["site"].notna(), "unknown").tolist()
    ids = articles["id"].tolist()
    per_site = Counter(sites)
    filled: dict[str, Counter] = defaultdict(Counter)
    for name in COVERAGE_FIELDS:
        if name in tables:
            frame = tables[name]
            having = set(frame["id"].tolist()) if frame is not None and len(frame) else set()
            values = [i in having for i in ids]
        elif name in articles.columns:
            values = [_filled(v) for v in articles[name].astype(object).tolist()]
        else:
            continue
        for site, ok in zip(sites, values, strict=True):
            filled[site][name] += ok
    return {site: {name: round(filled[site][name] / n, 3) for name in COVERAGE_FIELDS
                   if name in tables or name in articles.columns}
            for site, n in per_site.most_common()}


def coverage_table(coverage: dict[str, dict[str, float]]) -> str:
    """The coverage as an HTML table: one row per field, one column per site."""
    if not coverage:
        return '<p class="note">no records</p>'
    sites = list(coverage)
    fields = list(next(iter(coverage.values())))
    head = "".join(f"<th>{escape(s)}</th>" for s in sites)
    rows = "".join(
        f"<tr><th>{escape(f)}</th>"
        + "".join(f'<td class="n">{coverage[s].get(f, 0):.0%}</td>' for s in sites) + "</tr>"
        for f in fields)
    return (f'<h2 id="coverage">Field coverage per site</h2><table class="facts coverage">'
            f"<tr><th>field</th>{head}</tr>{rows}</table>")
