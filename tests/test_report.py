"""The run report of a real demo crawl: `healthcrawl report RUN_DIR` writes report.html, which
real headless Chromium renders with every plot drawn, no console message and no request."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import orjson
import pytest
from conftest import run_cli
from lxml import html as lxml_html

from pipelines.export.report import build_report

pytestmark = pytest.mark.slow  # a crawl and headless Chromium

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))
                 if p), None)
# plot id -> its heading in the page
TITLES = {"records-per-site": "Records per site", "outcomes": "Page outcomes",
          "body-length": "Body length (characters)",
          "teasers-links": "Teasers and related links per article",
          "extractors": "Extraction method", "latency": "Fetch latency (ms)"}


def expected_bars(run_dir: Path) -> dict[str, int]:
    """How many bars each plot must draw, from run.json and articles.jsonl."""
    summary = json.loads((run_dir / "run.json").read_text("utf-8"))
    records = [orjson.loads(x) for x in (run_dir / "articles.jsonl").read_bytes().splitlines()]
    outcomes = [name for name, v in summary["counts"].items()
                if not isinstance(v, dict) and v and name not in ("discovered", "new", "changed")]
    outcomes += [f"{g}/{k}" for g, v in summary["counts"].items() if isinstance(v, dict)
                 for k, n in v.items() if n]
    most = max(max(len(r["teasers"]), len(r["related_links"])) for r in records)
    return {
        "records-per-site": len(Counter(r["site"] for r in records)),
        "outcomes": len(outcomes),
        "extractors": len({r["extractor"].rsplit(" ", 1)[0] for r in records}),
        "latency": len(summary["latency_ms"]),  # one bar per bucket
        "teasers-links": 2 * (most + 1),  # teasers and links, for 0..most items
    }


@pytest.fixture(scope="module")
def report(demo_output: Path) -> tuple[Path, subprocess.CompletedProcess]:
    run_dir = (demo_output / "latest").resolve()
    proc = run_cli(["report", str(run_dir)], timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return run_dir, proc


def test_report_command(report) -> None:
    run_dir, proc = report
    path = run_dir / "report.html"
    assert proc.stdout.strip() == str(path) and path.is_file()
    summary = json.loads((run_dir / "run.json").read_text("utf-8"))
    assert summary["run_id"] in proc.stderr  # the terminal table
    assert f"{summary['records']}" in proc.stderr and "latency (ms)" in proc.stderr
    page = path.read_text("utf-8")
    assert "<script" not in page and "<link" not in page  # self-contained, nothing to run


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not found: `make test` installs it "
                    "(apt-get install chromium)")
def test_report_renders_in_chromium(report, tmp_path: Path) -> None:
    run_dir, _ = report
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
           "--enable-logging=stderr", "--v=0", "--dump-dom",
           (run_dir / "report.html").as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr[-3000:]
    # Every console message (an error, or a request the page's CSP blocked) is logged as
    # INFO:CONSOLE; a page without script that fetches nothing logs none.
    console = [line for line in proc.stderr.splitlines()
               if ":CONSOLE" in line or "Uncaught" in line]
    assert not console, console

    dom = lxml_html.fromstring(proc.stdout)
    bars = expected_bars(run_dir)
    for plot_id, title in TITLES.items():
        figure = dom.get_element_by_id(f"plot-{plot_id}")
        assert figure.findtext("h2") == title
        svg = figure.find("svg")
        assert svg is not None, plot_id
        assert svg.get("aria-label") == title
        drawn = [g for g in svg.iter("g") if (g.get("id") or "").startswith(f"{plot_id}-bar-")]
        assert all(g.find("path") is not None for g in drawn), plot_id
        if plot_id in bars:
            assert len(drawn) == bars[plot_id], plot_id
        else:  # the histogram: at least 5 bins, each a drawn path
            assert len(drawn) >= 5, plot_id
        assert len(svg.findall(".//path")) > len(drawn)  # axes and ticks are drawn too
        assert re.search(r"\w", svg.text_content())  # tick labels are text, not outlines


def test_report_without_timing(demo_output: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    shutil.copytree((demo_output / "latest").resolve(), run_dir)
    summary = json.loads((run_dir / "run.json").read_text("utf-8"))
    summary["latency_ms"] = {}  # an older spider: no timing recorded
    (run_dir / "run.json").write_text(json.dumps(summary), "utf-8")
    data, plots, page = build_report(run_dir)
    latency = next(p for p in plots if p.id == "latency")
    assert latency.svg is None and latency.note == "no timing data"
    assert sum(p.svg is not None for p in plots) == len(TITLES) - 1
    figure = lxml_html.fromstring(page).get_element_by_id("plot-latency")
    assert figure.find("svg") is None and "no timing data" in figure.text_content()
    assert data.records == summary["records"]


def test_report_field_coverage_per_site(report) -> None:
    """The coverage table equals the shares counted straight from articles.jsonl."""
    run_dir, _ = report
    records = [orjson.loads(x) for x in (run_dir / "articles.jsonl").read_bytes().splitlines()]
    page = lxml_html.fromstring((run_dir / "report.html").read_bytes())
    table = page.xpath('//table[contains(@class, "coverage")]')[0]
    sites = [th.text_content() for th in table.xpath("./tr[1]/th")][1:]
    assert sorted(sites) == sorted({r["site"] for r in records})
    rows = {tr.xpath("./th")[0].text_content(): [td.text_content() for td in tr.xpath("./td")]
            for tr in table.xpath("./tr")[1:]}
    for name in ("published", "authors", "reviewed_by", "references", "medical_disclaimer"):
        for site, shown in zip(sites, rows[name], strict=True):
            mine = [r for r in records if r["site"] == site]
            share = sum(1 for r in mine if r[name]) / len(mine)
            assert shown == f"{share:.0%}", (name, site)
    assert any(v != "0%" for v in rows["references"])  # the demo pages list sources
