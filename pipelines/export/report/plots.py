"""The report's plots as inline SVG strings (matplotlib, Agg backend: no display needed).

Text stays text (`svg.fonttype: none`), so titles and labels are searchable and selectable
in the page and the SVG is a few KB instead of embedding glyph outlines. Every bar or
histogram patch gets an id `<plot>-bar-<n>`, so a test (or a reader's stylesheet) can find
what was drawn.
"""
from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import matplotlib

matplotlib.use("Agg")  # headless: servers and CI have no display

from matplotlib.figure import Figure  # noqa: E402 -- after choosing the backend

from .data import ReportData  # noqa: E402

COLORS = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#718096")
_RC = {"svg.fonttype": "none", "svg.hashsalt": "healthcrawl", "font.size": 9,
       "font.family": "sans-serif", "axes.spines.top": False, "axes.spines.right": False}


@dataclass(frozen=True)
class Plot:
    id: str
    title: str
    svg: str | None  # None: nothing to draw, `note` says why
    note: str = ""


def _figure(height: float = 3.0) -> tuple[Figure, object]:
    fig = Figure(figsize=(6.4, height), layout="constrained")
    return fig, fig.subplots()


def _svg(fig: Figure, title: str) -> str:
    buf = io.StringIO()
    with matplotlib.rc_context(_RC):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]  # no XML declaration or DOCTYPE inside HTML
    # The page's heading titles the plot; screen readers get it from aria-label.
    return text.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)


def _tag(patches: Sequence, plot_id: str, series: str = "") -> None:
    for i, patch in enumerate(patches):
        patch.set_gid(f"{plot_id}-bar-{series}{i}")


def _bars(plot_id: str, title: str, counts: dict[str, int], xlabel: str, ylabel: str,
          horizontal: bool = False, color: str = COLORS[0]) -> Plot:
    if not counts:
        return Plot(plot_id, title, None, "nothing to show")
    labels, values = list(counts), list(counts.values())
    with matplotlib.rc_context(_RC):
        fig, ax = _figure(max(2.2, 0.32 * len(labels) + 1.2) if horizontal else 3.0)
        if horizontal:
            bars = ax.barh(labels[::-1], values[::-1], color=color)
            ax.set_xlabel(ylabel)
        else:
            # A lone bar would fill the whole axes: keep bars narrow when they are few.
            bars = ax.bar(labels, values, color=color, width=0.8 if len(labels) > 3 else 0.4)
            ax.set_xlabel(xlabel)
            ax.set_ylabel(ylabel)
            if len(labels) > 4:
                ax.tick_params(axis="x", labelrotation=30)
        ax.bar_label(bars, padding=2)
        _tag(bars, plot_id)
        return Plot(plot_id, title, _svg(fig, title))


def records_per_site(data: ReportData) -> Plot:
    return _bars("records-per-site", "Records per site", data.records_per_site, "site",
                 "records")


def outcomes(data: ReportData) -> Plot:
    return _bars("outcomes", "Page outcomes", data.outcomes, "outcome", "pages",
                 horizontal=True, color=COLORS[1])


def extractors(data: ReportData) -> Plot:
    return _bars("extractors", "Extraction method", data.extractors, "extractor", "records",
                 horizontal=True, color=COLORS[3])


def latency(data: ReportData) -> Plot:
    title = "Fetch latency (ms)"
    if not data.latency_ms:
        return Plot("latency", title, None, "no timing data")
    return _bars("latency", title, data.latency_ms, "milliseconds per response", "responses",
                 color=COLORS[4])


def body_length(data: ReportData) -> Plot:
    title = "Body length (characters)"
    if not data.body_chars:
        return Plot("body-length", title, None, "no records")
    with matplotlib.rc_context(_RC):
        fig, ax = _figure()
        _n, _edges, patches = ax.hist(data.body_chars, bins=min(30, max(5, data.records // 10)),
                                      color=COLORS[2], edgecolor="white")
        _tag(patches, "body-length")
        ax.set_xlabel("characters in body")
        ax.set_ylabel("records")
        return Plot("body-length", title, _svg(fig, title))


def teasers_and_links(data: ReportData) -> Plot:
    title = "Teasers and related links per article"
    if not data.records:
        return Plot("teasers-links", title, None, "no records")
    teasers, links = Counter(data.teasers_per_article), Counter(data.links_per_article)
    xs = range(max([*teasers, *links]) + 1)
    with matplotlib.rc_context(_RC):
        fig, ax = _figure()
        for offset, name, counts, color, series in (
                (-0.2, "teasers", teasers, COLORS[0], "teasers-"),
                (0.2, "related links", links, COLORS[1], "links-")):
            bars = ax.bar([x + offset for x in xs], [counts.get(x, 0) for x in xs], width=0.4,
                          label=name, color=color)
            _tag(bars, "teasers-links", series)
        ax.set_xlabel("items per article")
        ax.set_ylabel("articles")
        ax.legend(frameon=False)
        return Plot("teasers-links", title, _svg(fig, title))


def all_plots(data: ReportData) -> list[Plot]:
    return [records_per_site(data), outcomes(data), body_length(data), teasers_and_links(data),
            extractors(data), latency(data)]
