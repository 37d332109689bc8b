"""Ratios, targets and the readable table of the crawl benchmark (bench/crawl.py).

Ratios to the reference crawler, per mode (one core, two cores):
- `vs_reference_wall`: the reference's wall seconds over this crawl's, both crawling the whole
  site ("generic runs at 0.16 of the reference" means reference_wall / generic_wall = 0.16);
- `vs_reference_pages_per_s`: this crawl's pages/s over the reference's (the only ratio for
  the baseline when it crawls a sample, --baseline-pages);
- `vs_reference_cpu`: pages per CPU-second over the reference's (the reference's CPU seconds
  over this crawl's when both fetch the same pages; per page, so a sample compares too).
"""
from __future__ import annotations

import contextlib
import os
import platform
import shutil
import subprocess

NAMES = ("reference", "healthcrawl", "generic", "generic_unlearned", "baseline")
RSS_TARGET_MB = 250
RSS_FLAT = 1.10  # "flat": peak RSS at N articles at most 10% above the small site's
ONE_CORE_TARGET = 0.16


def finish_report(report: dict) -> dict:
    expected = report.get("expected_articles", report["articles"])
    for mode in ("one_core", "two_cores"):
        crawls = report.get(mode) or {}
        ref = crawls.get("reference")
        for name, m in crawls.items():
            m["complete"] = _complete(m, expected, name)
            if ref and name != "reference":
                m.update(_ratios(m, ref, sample=name == "baseline"
                                 and bool(report.get("baseline_pages"))))
        hc, gen = crawls.get("healthcrawl"), crawls.get("generic")
        if hc and gen:
            gen["vs_profiled_seconds"] = round(gen["seconds"] / hc["seconds"], 2)
            gen["vs_profiled_cpu"] = round(gen["cpu_s"] / hc["cpu_s"], 2) if hc["cpu_s"] else None
        unlearned = crawls.get("generic_unlearned")
        if hc and unlearned and hc["cpu_s"]:
            unlearned["vs_profiled_cpu"] = round(unlearned["cpu_s"] / hc["cpu_s"], 2)
    report["targets"] = _targets(report, expected)
    report["machine"] = machine()
    return report


def _complete(m: dict, expected: int, name: str) -> bool | None:
    if "articles_missing" not in m:
        return None  # a sample (the baseline with --baseline-pages)
    if name == "baseline":  # it records every page, articles among them
        return m["articles_missing"] == 0
    return m["records"] == expected and not m["articles_missing"] \
        and not m["records_not_articles"]


def _ratios(m: dict, ref: dict, sample: bool) -> dict:
    out = {"vs_reference_pages_per_s": _div(m["pages_per_s"], ref["pages_per_s"]),
           "vs_reference_cpu": _div(m["pages_per_cpu_s"], ref["pages_per_cpu_s"])}
    out["vs_reference_wall"] = None if sample else _div(ref["seconds"], m["seconds"])
    return out


def _div(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def _targets(report: dict, expected: int) -> dict:
    two, one = report.get("two_cores") or {}, report.get("one_core") or {}
    hc, base, gen = two.get("healthcrawl"), two.get("baseline"), two.get("generic")
    gen1 = one.get("generic")
    small = report.get("generic_small")
    ratio = hc["pages_per_s"] / base["pages_per_s"] if hc and base and base["pages_per_s"] \
        else None
    vs_base = gen["pages_per_s"] / base["pages_per_s"] if gen and base and base["pages_per_s"] \
        else None
    peaks = [m["peak_rss_mb"] for m in (gen, gen1) if m]
    # None: not measured in this run
    return {
        "ratio>=3": None if ratio is None else ratio >= 3,
        "peak_rss<=300MB": hc["peak_rss_mb"] <= 300 if hc else None,
        "records==articles": all(m.get("complete") is not False
                                 for mode in (one, two) for m in mode.values()) or False,
        "generic<=1.5x": gen["vs_profiled_seconds"] <= 1.5 if gen and hc else None,
        "generic>=5x_baseline": None if vs_base is None else vs_base >= 5,
        f"generic_1core>={ONE_CORE_TARGET}_reference":
            None if not gen1 or gen1.get("vs_reference_wall") is None
            else gen1["vs_reference_wall"] >= ONE_CORE_TARGET,
        f"generic_peak_rss<={RSS_TARGET_MB}MB":
            max(peaks) <= RSS_TARGET_MB if peaks else None,
        "generic_rss_flat": None if not (small and gen)
            else gen["peak_rss_mb"] <= small["peak_rss_mb"] * RSS_FLAT,
    }


def summary(r: dict) -> str:
    lines = [(f"crawl benchmark: {r['articles']} articles, concurrency {r['concurrency']}, "
             f"{r['machine']['cores']} cores, load average {r['load_avg_before']} before, "
             f"{r['load_avg_after']} after")]
    if r.get("server"):
        lines.append(f"  server alone ({r['server']['tool'].split()[0]}): "
                     f"{r['server']['pages_per_s']} pages/s")
    head = (f"  {'':22} {'wall s':>8} {'CPU s':>7} {'pages':>7} {'pages/s':>8} {'pg/CPU-s':>8} "
            f"{'records':>8} {'complete':>8} {'peak MB':>8} {'ref/wall':>8} {'pps/ref':>8}")
    lines.append(head)
    for mode in ("one_core", "two_cores"):
        for name in NAMES:
            m = (r.get(mode) or {}).get(name)
            if not m:
                continue
            lines.append(
                f"  {name + ' ' + mode.replace('_', ' '):22} {m['seconds']:>8} {m['cpu_s']:>7} "
                f"{m['pages']:>7} {m['pages_per_s']:>8} {m['pages_per_cpu_s']:>8} "
                f"{m['records']:>8} {_flag(m.get('complete')):>8} {m['peak_rss_mb']:>8} "
                f"{_num(m.get('vs_reference_wall')):>8} "
                f"{_num(m.get('vs_reference_pages_per_s')):>8}")
    small = r.get("generic_small")
    if small:
        lines.append(f"  generic peak RSS: {small['peak_rss_mb']} MB at {small['articles']} "
                     f"articles, {(r.get('two_cores') or {}).get('generic', {}).get('peak_rss_mb')}"
                     f" MB at {r['articles']} (two cores)")
    lines.append("  ref/wall: reference wall s / this crawl's (>= 0.16 wanted for generic on "
                 "one core); pps/ref: pages/s over the reference's")
    verdict = {True: "PASS", False: "FAIL", None: "n/a"}
    lines.append("  targets: " + ", ".join(f"{k} {verdict[v]}" for k, v in r["targets"].items()))
    return "\n".join(lines)


def _flag(value: bool | None) -> str:
    return {True: "yes", False: "NO", None: "sample"}[value]


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def machine() -> dict:
    from importlib.metadata import version

    cpu = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as info:
        cpu = next((line.split(":", 1)[1].strip() for line in info
                    if line.startswith("model name")), "")
    nginx = shutil.which("nginx")
    nginx_version = ""
    if nginx:
        done = subprocess.run([nginx, "-v"], capture_output=True, text=True)
        nginx_version = done.stderr.strip().rpartition("/")[2]
    versions = {}
    for package in ("scrapy", "lxml", "trafilatura", "aiohttp", "selectolax"):
        with contextlib.suppress(Exception):
            versions[package] = version(package)
    return {"cores": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            **versions, "nginx": nginx_version}
