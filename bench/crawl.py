"""Crawl benchmark: healthcrawl against a minimal reference crawler and Scrapy + trafilatura.

One run: the demo site with N articles served by nginx on 127.0.0.1; the server alone
(wrk); then, on one core (the crawl's whole process tree pinned to CPU 0, nginx to CPU 1)
and on two (nothing pinned): the reference crawler (bench/reference_crawler.py), `healthcrawl
crawl demo` (profiles), `healthcrawl crawl demo --generic` (its analysis in a worker
process) and the baseline spider. Every crawl runs in its own process, with the same
concurrency, and is measured from outside: wall seconds, peak RSS (VmHWM of the process
polled every 0.1 s plus its children's RSS, and VmHWM at close), CPU seconds (wait4 rusage:
the process and its reaped children, workers included), pages fetched and records written.
Reports and the table are in bench/crawl_report.py.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin

from common import keys

log = logging.getLogger("bench.crawl")

REPO = Path(__file__).resolve().parents[1]
CONCURRENCY = 64
# The benchmark's own cache of demo sites: the default one is shared with tests and other
# checkouts, whose generator version may differ and prune ours in the middle of a run.
SITES = Path(tempfile.gettempdir()) / "healthcrawl-bench-sites"
BASELINE_PAGES = 5000  # the baseline's rate is measured on this many pages (0: all)
STATS_KEYS = ("response_received_count", "downloader/request_count", "item_scraped_count",
              "dupefilter/filtered", "scheduler/enqueued", "finish_reason", "elapsed_time_seconds",
              keys.PAGES, keys.DISCOVERED, keys.ARCHIVE_CPU, keys.ARCHIVE_PAGES,
              keys.ARCHIVE_BYTES)


class StatsFile:
    """Scrapy extension: dump the crawl's stats as JSON to BENCH_STATS_FILE at close."""

    def __init__(self, crawler, path: str):
        self.crawler, self.path = crawler, path

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals
        from scrapy.exceptions import NotConfigured

        path = crawler.settings.get("BENCH_STATS_FILE")
        if not path:
            raise NotConfigured
        ext = cls(crawler, path)
        # spider_closed runs after the pipelines closed, so export counts are final
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def closed(self, spider, reason):
        stats = dict(self.crawler.stats.get_stats())
        stats.setdefault("finish_reason", reason)
        stats["bench/vm_hwm_kb"] = _vm_hwm_kb("self")  # after the pipelines closed
        Path(self.path).write_text(json.dumps(stats, default=str, sort_keys=True))


# -- measuring a process --------------------------------------------------------------------
def measure(cmd: list[str], *, cwd: Path, env: dict, log_path: Path,
            cpus: set[int] | None = None) -> dict:
    """Run cmd; wall seconds, peak RSS (MB, process tree, polled every 0.1 s), CPU seconds.
    cpus: the CPUs the process may run on, set before exec as `taskset -c` does, so every
    process it starts (extraction workers) inherits them.

    Not ru_maxrss: Linux carries the parent's RSS at fork over exec into the child's
    ru_maxrss, so a child of a big parent reports at least the parent's size. VmHWM is
    the high-water mark of the exec'd image alone."""
    import psutil

    with open(log_path, "wb") as log_file:
        started = time.perf_counter()
        pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log_file, stderr=log_file,
                                preexec_fn=pin)
        ps = psutil.Process(proc.pid)
        peak = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_rss(ps, proc.pid))
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
    return {"exit_code": proc.returncode, "cpus": sorted(cpus) if cpus else "all",
            "seconds": round(seconds, 2),
            "peak_rss_mb": round(peak / 2**20, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 2)}


def _tree_rss(ps, pid: int) -> int:
    """Peak RSS so far of the process (VmHWM) plus the current RSS of its children."""
    import psutil

    total = _vm_hwm_kb(str(pid)) * 1024
    with contextlib.suppress(psutil.Error):
        for child in ps.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += child.memory_info().rss
    return total


def _vm_hwm_kb(pid: str) -> int:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRAPY_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def local_settings(concurrency: int) -> dict:
    """FAST_LOCAL plus what a benchmark on 127.0.0.1 needs; the same for every crawler."""
    from crawler.run import FAST_LOCAL

    return {**FAST_LOCAL, "CONCURRENT_REQUESTS": concurrency,
            "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency, "LOG_LEVEL": "WARNING",
            "TELNETCONSOLE_ENABLED": False}


def _set_args(settings: dict) -> list[str]:
    out = []
    for name, value in settings.items():
        text = json.dumps(value) if isinstance(value, (dict, bool)) else str(value)
        out += ["-s", f"{name}={text}"]
    return out


# -- the crawls -----------------------------------------------------------------------------
def run_healthcrawl(base_url: str, work: Path, concurrency: int, generic: bool = False,
                    name: str | None = None, extra: dict | None = None,
                    cpus: set[int] | None = None) -> dict:
    from crawler.settings import EXTENSIONS

    name = name or ("generic" if generic else "healthcrawl")
    out = work / name
    stats_path = work / f"{name}.stats.json"
    settings = {**local_settings(concurrency), "HEALTHCRAWL_RUN_ID": "bench",
                "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS": "127.0.0.1", "BENCH_STATS_FILE": stats_path,
                "EXTENSIONS": {**EXTENSIONS, "bench.crawl.StatsFile": 900}, **(extra or {})}
    cmd = [sys.executable, "-m", "crawler.cli", "crawl", "demo", "--base-url", base_url,
           "--out", str(out), *(["--generic"] if generic else []), *_set_args(settings)]
    result = measure(cmd, cwd=REPO, env=_env(), log_path=work / f"{name}.log", cpus=cpus)
    run_dir = out / "bench"
    summary = _read_json(run_dir / "run.json")
    result.update(_from_stats(stats_path, result))
    result["records"] = _count_lines(run_dir / "articles.jsonl")
    result["records_file"] = str(run_dir / "articles.jsonl")
    result["run_json"] = {k: summary.get(k) for k in ("status", "exit_code", "pages", "records",
                                                     "counts", "elapsed_s")}
    return _rates(result, work / f"{name}.log")


def run_baseline(base_url: str, work: Path, concurrency: int, max_pages: int = 0,
                 cpus: set[int] | None = None) -> dict:
    """max_pages > 0: stop after that many responses (CLOSESPIDER_PAGECOUNT); the rate of
    Scrapy + trafilatura is per page, so a sample measures it and keeps the run short."""
    out = work / "baseline"
    out.mkdir(parents=True, exist_ok=True)
    feed = out / "items.jsonl"
    stats_path = work / "baseline.stats.json"
    settings = {**local_settings(concurrency), "BENCH_STATS_FILE": stats_path,
                "CLOSESPIDER_PAGECOUNT": max(0, max_pages),
                "EXTENSIONS": {"bench.crawl.StatsFile": 900},
                "FEEDS": {str(feed): {"format": "jsonlines", "encoding": "utf8"}}}
    # cwd outside the repo: scrapy.cfg there would load healthcrawl's settings and pipelines
    cmd = [sys.executable, "-m", "scrapy", "runspider", str(REPO / "bench" / "baseline_spider.py"),
           "-a", f"start={base_url}", *_set_args(settings)]
    result = measure(cmd, cwd=out, env=_env(), log_path=work / "baseline.log", cpus=cpus)
    result.update(_from_stats(stats_path, result))
    result["records"] = _count_lines(feed)
    result["max_pages"] = max_pages
    result["records_file"] = str(feed)
    return _rates(result, work / "baseline.log")


def run_reference(base_url: str, work: Path, concurrency: int,
                  cpus: set[int] | None = None) -> dict:
    """bench/reference_crawler.py: it prints {"pages", "records", "errors"} when done."""
    out = work / "reference"
    out.mkdir(parents=True, exist_ok=True)
    feed = out / "articles.jsonl"
    log_path = work / "reference.log"
    cmd = [sys.executable, "-m", "bench.reference_crawler", base_url, str(feed),
           "--concurrency", str(concurrency)]
    result = measure(cmd, cwd=REPO, env=_env(), log_path=log_path, cpus=cpus)
    counts = {}
    with contextlib.suppress(OSError, ValueError, IndexError):
        counts = json.loads(log_path.read_text().strip().splitlines()[-1])
    result["pages"] = int(counts.get("pages", 0))
    result["errors"] = int(counts.get("errors", 0))
    result["records"] = _count_lines(feed)
    result["records_file"] = str(feed)
    return _rates(result, log_path)


def _from_stats(path: Path, result: dict) -> dict:
    stats = _read_json(path)
    hwm = int(stats.get("bench/vm_hwm_kb", 0)) * 1024
    result["peak_rss_mb"] = max(result["peak_rss_mb"], round(hwm / 2**20, 1))
    return {"pages": int(stats.get("response_received_count", 0)),
            # learned/*: how much of a generic crawl its templates took (crawler/learning.py)
            "stats": {k: v for k, v in stats.items()
                      if k in STATS_KEYS or k.startswith(keys.LEARNED)}}


def _rates(result: dict, log_path: Path) -> dict:
    seconds, cpu = result["seconds"], result["cpu_s"]
    result["pages_per_s"] = round(result["pages"] / seconds, 1) if seconds else 0.0
    # per CPU second: what the crawler itself costs, whatever else runs on the machine
    result["pages_per_cpu_s"] = round(result["pages"] / cpu, 1) if cpu else 0.0
    result["cpu_share"] = round(cpu / seconds, 2) if seconds else 0.0
    result["load_avg_1m_after"] = round(os.getloadavg()[0], 2)
    if result["exit_code"] not in (0, 2) or not result["pages"]:
        tail = log_path.read_text(errors="replace")[-2000:] if log_path.exists() else ""
        log.warning("crawl exited %s with %s pages; log tail:\n%s", result["exit_code"],
                    result["pages"], tail)
    return result


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def _count_lines(path: Path) -> int:
    try:
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return 0


def _record_urls(path: Path) -> set[str]:
    import orjson

    with open(path, "rb") as f:
        return {orjson.loads(line)["url"] for line in f if line.strip()}


# -- the benchmark --------------------------------------------------------------------------
CRAWLS = ("reference", "healthcrawl", "generic", "generic_unlearned", "baseline")
MODES = ("one_core", "two_cores")


def crawl_benchmark(articles: int = 20000, *, skip_baseline: bool = False,
                    skip_generic: bool = False, keep: bool = False,
                    concurrency: int = CONCURRENCY, server_seconds: float = 5.0,
                    baseline_pages: int = BASELINE_PAGES, modes: tuple[str, ...] = MODES,
                    rss_articles: int = 2000, skip_reference: bool = False,
                    skip_unlearned: bool = False) -> dict:
    """rss_articles: also crawl a site of that size with --generic (two cores) to see
    whether its peak RSS grows with the site (0: not)."""
    import importlib.util

    from crawler.demo.generator import ensure_site

    from .crawl_report import finish_report

    skipped = {"baseline": skip_baseline, "generic": skip_generic, "reference": skip_reference,
               "generic_unlearned": skip_generic or skip_unlearned}
    report: dict = {"benchmark": "crawl", "articles": articles, "concurrency": concurrency,
                    "load_avg_before": [round(x, 2) for x in os.getloadavg()],
                    "baseline_pages": baseline_pages, "skipped": {}}
    missing = [m for m in ("aiohttp", "selectolax") if importlib.util.find_spec(m) is None]
    if missing and not skip_reference:
        report["skipped"]["reference"] = (f"not installed: {', '.join(missing)} "
                                          "(pip install -e '.[bench]')")
        log.warning("reference crawler skipped: %s", report["skipped"]["reference"])
        skipped["reference"] = True
    crawls = [c for c in CRAWLS if not skipped.get(c)]
    work = Path(tempfile.mkdtemp(prefix="healthcrawl-bench-"))
    try:
        site = ensure_site(articles, SITES)
        report.update(_crawl_site(site, work, crawls, modes, concurrency, baseline_pages,
                                  server_seconds, keep))
        if rss_articles and rss_articles != articles and not skip_generic:
            small = ensure_site(rss_articles, SITES)
            report["generic_small"] = _crawl_site(
                small, work / "small", ["generic"], ("two_cores",), concurrency,
                baseline_pages, 0, keep)["two_cores"]["generic"]
            report["generic_small"]["articles"] = rss_articles
    finally:
        if keep:
            report["outputs"] = str(work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    report["load_avg_after"] = [round(x, 2) for x in os.getloadavg()]
    return finish_report(report)


def _crawl_site(site: Path, work: Path, crawls: list[str], modes: tuple[str, ...],
                concurrency: int, baseline_pages: int, server_seconds: float,
                keep: bool) -> dict:
    from crawler.demo.nginx import NginxDemoServer

    from .records_compare import field_equality
    from .serverload import measure_server

    out: dict = {}
    with NginxDemoServer(site) as server:
        base = server.base_url
        paths = _article_paths(site)
        expected = {urljoin(base, p) for p in paths}
        log.info("site %s (%d articles) on %s", site, len(expected), base)
        if server_seconds:
            out["server"] = measure_server(base, paths, server_seconds)
            log.info("server: %s pages/s", out["server"]["pages_per_s"])
        for mode in modes:
            crawl_cpus, server_cpus = _cpus(mode)
            _pin_tree(server_cpus)
            results = out[mode] = {}
            for name in crawls:
                folder = work / mode
                folder.mkdir(parents=True, exist_ok=True)
                if name == "baseline":
                    result = run_baseline(base, folder, concurrency, baseline_pages,
                                          cpus=crawl_cpus)
                elif name == "reference":
                    result = run_reference(base, folder, concurrency, cpus=crawl_cpus)
                else:
                    # generic learns templates (HEALTHCRAWL_LEARN, on by default);
                    # generic_unlearned: --generic without learned templates (every page
                    # through the generic analysis), to compare with the learning one
                    result = run_healthcrawl(
                        base, folder, concurrency, name.startswith("generic"), name=name,
                        extra={"HEALTHCRAWL_LEARN": name == "generic"}
                        if name.startswith("generic") else None, cpus=crawl_cpus)
                # a sample of the site cannot hold every article: not checked
                if name != "baseline" or not baseline_pages:
                    _check_records(result, Path(result["records_file"]), expected)
                if name == "generic_unlearned" and "generic" in results:
                    result["equality_with_generic"] = field_equality(
                        Path(result["records_file"]), Path(results["generic"]["records_file"]))
                if not keep and name != "generic":
                    shutil.rmtree(folder / name, ignore_errors=True)
                log.info("%s %s: %.1f s, %.1f CPU s, %s pages, %s records", mode, name,
                         result["seconds"], result["cpu_s"], result["pages"], result["records"])
                results[name] = result
            if not keep:
                shutil.rmtree(work / mode / "generic", ignore_errors=True)
            _pin_tree(None)
    out["expected_articles"] = len(expected)
    return out


def _cpus(mode: str) -> tuple[set[int] | None, set[int] | None]:
    """(crawl CPUs, server CPUs): one core is CPU 0 for the crawl and its workers, the
    next one for nginx (the same one on a single-core machine); two cores: no pinning."""
    if mode != "one_core":
        return None, None
    available = sorted(os.sched_getaffinity(0))
    return {available[0]}, {available[1 if len(available) > 1 else 0]}


def _pin_tree(cpus: set[int] | None) -> None:
    """Pin the nginx processes (children of this process) to cpus; None: every CPU."""
    import psutil

    allowed = sorted(cpus) if cpus else sorted(os.sched_getaffinity(0))
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if child.name().startswith("nginx"):
                child.cpu_affinity(allowed)


def _article_paths(site: Path) -> list[str]:
    """Paths of the site's articles from expected.jsonl (without keeping the records: this
    process's memory is not what is measured, but it should stay small)."""
    import orjson

    from crawler.demo.routes import EXPECTED_FILE

    with open(site / EXPECTED_FILE, "rb") as f:
        return [orjson.loads(line)["path"] for line in f if line.strip()]


def _check_records(result: dict, jsonl: Path, want: set[str]) -> None:
    """Records must be exactly the site's articles: same number and the same URLs."""
    got = _record_urls(jsonl) if jsonl.exists() else set()
    result["articles_missing"] = len(want - got)
    result["records_not_articles"] = len(got - want)
