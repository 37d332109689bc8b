"""The report page: one self-contained HTML file (inline CSS and SVG, no script, no request).

The Content-Security-Policy forbids every fetch, so a page that would reach the network
shows it as a console error in a browser (the report test looks for those) instead of
leaking a request from an analyst's machine.
"""
from __future__ import annotations

from html import escape

from .coverage import coverage_table
from .data import ReportData
from .plots import Plot

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a202c;
       max-width: 980px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
.sub { color: #4a5568; margin-top: 0; }
table.facts { border-collapse: collapse; margin: 1em 0 2em; }
table.facts th, table.facts td { text-align: left; padding: .2em 1.2em .2em 0;
       border-bottom: 1px solid #e2e8f0; vertical-align: top; }
table.facts td.n { text-align: right; font-variant-numeric: tabular-nums; }
.plots { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr));
         gap: 1.5em; }
figure { margin: 0; padding: .8em; border: 1px solid #e2e8f0; border-radius: 6px; }
figure h2 { font-size: 1.05em; margin: 0 0 .4em; }
figure svg { width: 100%; height: auto; }
p.note { color: #718096; font-style: italic; }
.status-complete { color: #276749; } .status-interrupted, .status-error { color: #c53030; }
"""


def _row(label: str, value: object, numeric: bool = False) -> str:
    cls = ' class="n"' if numeric else ""
    return f"<tr><th>{escape(label)}</th><td{cls}>{escape(str(value))}</td></tr>"


def _pairs(mapping: dict[str, int] | None) -> str:
    if not mapping:
        return "none"
    return ", ".join(f"{k} {v}" for k, v in mapping.items())


def facts(data: ReportData) -> list[tuple[str, str]]:
    """The run at a glance, as (label, value) rows: the page's table and the terminal's."""
    s = data.summary
    counts = s.get("counts") or {}
    rows = [
        ("status", f"{s.get('status', 'unknown')} (exit code {s.get('exit_code', '?')})"),
        ("site", str(s.get("site") or ", ".join(data.records_per_site) or "unknown")),
        ("elapsed", f"{float(s.get('elapsed_s') or 0):.1f} s"),
        ("pages", str(s.get("pages", 0))),
        ("records", str(data.records)),
        ("new / changed / unchanged",
         " / ".join(str(counts.get(k, 0)) for k in ("new", "changed", "unchanged"))),
    ]
    if data.changes is not None:
        rows.append(("change log", _pairs(data.changes)))
    archive = s.get("archive")
    if archive:
        rows.append(("archive", (f"{archive.get('pages', 0)} pages "
                     f"({archive.get('revisits', 0)} revisits), "
                     f"{archive.get('bytes', 0) / 1e6:.1f} MB in {archive.get('files', 0)} "
                     "WARC file(s)")))
    rows.append(("warnings", _pairs(data.warnings)))
    breaches = (s.get("quality") or {}).get("breaches") or []
    rows.append(("quality", "; ".join(breaches) if breaches else "within all bars"))
    return rows


def _figure(plot: Plot) -> str:
    body = plot.svg if plot.svg is not None else f'<p class="note">{escape(plot.note)}</p>'
    return (f'<figure id="plot-{escape(plot.id)}" data-plot="{escape(plot.id)}">'
            f"<h2>{escape(plot.title)}</h2>{body}</figure>")


def render(data: ReportData, plots: list[Plot]) -> str:
    s = data.summary
    run_id = s.get("run_id") or data.run_dir.name
    status = str(s.get("status", "unknown"))
    table = "".join(_row(label, value) for label, value in facts(data))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>healthcrawl run {escape(run_id)}</title>
<style>{CSS}</style>
</head>
<body>
<h1>healthcrawl run {escape(run_id)}</h1>
<p class="sub"><span class="status-{escape(status)}">{escape(status)}</span>
 &middot; started {escape(str(s.get("started_at", "?")))}
 &middot; finished {escape(str(s.get("finished_at", "?")))}</p>
<table class="facts">{table}</table>
{coverage_table(data.coverage)}
<div class="plots">
{"".join(_figure(p) for p in plots)}
</div>
</body>
</html>
"""
