"""`healthcrawl report RUN_DIR`: write report.html into a run folder (or the `latest` run of
an output folder) and print the run at a glance as a terminal table."""
from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from common.exits import EXIT_OK
from crawler.run import UsageError
from pipelines.export.report import Plot, ReportData, build_report, facts, save_report


def run_report(run_dir: str) -> int:
    """Table on stderr, the report's path on stdout (as `healthcrawl demo` prints its run)."""
    try:
        data, plots, page = build_report(Path(run_dir))
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    path = save_report(data, page)
    Console(file=sys.stderr).print(summary_table(data, plots))
    print(path)
    return EXIT_OK


def summary_table(data: ReportData, plots: list[Plot]) -> Table:
    table = Table(title=f"run {data.summary.get('run_id') or data.run_dir.name}",
                  show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    for label, value in facts(data):
        table.add_row(label, value)
    top = list(data.outcomes.items())[:4]
    table.add_row("outcomes", ", ".join(f"{k} {v}" for k, v in top) or "none")
    table.add_row("extractors", ", ".join(f"{k} {v}" for k, v in data.extractors.items()))
    if data.latency_ms:
        table.add_row("latency (ms)", ", ".join(f"{k}: {v}" for k, v in data.latency_ms.items()))
    else:
        table.add_row("latency (ms)", "no timing data")
    table.add_row("plots", ", ".join(p.title for p in plots if p.svg is not None))
    return table
