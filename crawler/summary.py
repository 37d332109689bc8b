"""The one-screen run summary printed by the command line (from run.json)."""
from __future__ import annotations


def _pairs(mapping: dict | None) -> str:
    if not mapping:
        return "none"
    return ", ".join(f"{k} {v}" for k, v in sorted(mapping.items(), key=lambda kv: -kv[1]))


def format_summary(summary: dict, run_dir) -> str:
    counts = summary.get("counts", {})
    lines = [
        (f"run {summary.get('run_id')}  status {summary.get('status')}  "
         f"exit code {summary.get('exit_code')}  {summary.get('elapsed_s') or 0:.1f}s"),
        (f"pages {summary.get('pages') or 'n/a'}  records {summary.get('records', 0)}  "
         f"(new {counts.get('new', 0)}, changed {counts.get('changed', 0)}, "
         f"unchanged {counts.get('unchanged', 0)})"),
        (f"not articles {counts.get('not_article', 0)}  robots-denied "
         f"{counts.get('robots_denied', 0)}  off-site {counts.get('off_site', 0)}"),
        f"dropped: {_pairs(counts.get('dropped'))}",
        f"failed: {_pairs(counts.get('failed'))}",
        f"warnings: {_pairs(summary.get('warnings'))}",
    ]
    if summary.get("not_modified"):
        lines.insert(2, f"not modified (304, replayed) {summary['not_modified']}")
    if summary.get("same_body"):
        lines.insert(2, f"same bytes as before (200, replayed) {summary['same_body']}")
    snapshot = summary.get("snapshot")
    if snapshot and snapshot.get("previous_run"):
        lines.append(f"snapshot vs {snapshot['previous_run']}: not rechecked "
                     f"{snapshot['not_rechecked']}, removed {_pairs(snapshot['removed'])}")
        if snapshot.get("shrank"):
            lines.append("SNAPSHOT SHRANK: " + "; ".join(snapshot.get("why") or ())
                         + " (latest still points at the previous good run)")
    archive = summary.get("archive")
    if archive:
        lines.append(f"archive: {archive['pages']} pages ({archive['revisits']} revisits), "
                     f"{archive['bytes'] / 1e6:.1f} MB in {archive['files']} WARC file(s)")
    files = [f for f in sorted(summary.get("files", {})) if not f.startswith("archive/")]
    if archive:
        files.append("archive/")
    lines.append(f"files in {run_dir}: " + ", ".join(files))
    for breach in (summary.get("quality") or {}).get("breaches") or ():
        lines.append(f"below quality bar: {breach}")
    return "\n".join(lines)
