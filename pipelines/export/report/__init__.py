"""The run report: `report.html` in a run folder, self-contained (inline CSS and SVG plots,
no script, no network), built from run.json and the exported records.

    from pipelines.export.report import write_report
    path = write_report("output/latest")

Plots: records per site, page outcomes, body length, teasers and related links per article,
extraction method mix, fetch latency (from run.json `latency_ms`; "no timing data" when the
run recorded none). `healthcrawl report RUN_DIR` writes it and prints a terminal summary.
"""
from __future__ import annotations

import logging
from pathlib import Path

from ..atomic import atomic_write
from .data import ReportData, collect
from .page import facts, render
from .plots import Plot, all_plots

logger = logging.getLogger(__name__)

REPORT_FILENAME = "report.html"

__all__ = ["REPORT_FILENAME", "Plot", "ReportData", "build_report", "collect", "facts",
           "save_report", "write_report"]


def build_report(run_dir: str | Path) -> tuple[ReportData, list[Plot], str]:
    data = collect(run_dir)
    plots = all_plots(data)
    return data, plots, render(data, plots)


def save_report(data: ReportData, page: str) -> Path:
    """Write the page as the run folder's report.html, atomically like every run file."""
    path = data.run_dir / REPORT_FILENAME
    with atomic_write(path) as fh:
        fh.write(page.encode("utf-8"))
    logger.info("Run report: %s", path)
    return path


def write_report(run_dir: str | Path) -> Path:
    """Build and write `report.html` into the run folder (`latest` of an output folder works
    too). Returns its path."""
    data, _plots, page = build_report(run_dir)
    return save_report(data, page)
