"""Crawl benchmark (issues 3 and 4): healthcrawl against plain Scrapy + trafilatura.

One run: the demo site with N articles served by nginx on 127.0.0.1; the server alone
(wrk); `healthcrawl crawl demo` (profiles); the baseline spider; `healthcrawl crawl demo
--generic`. Every crawl runs in its own process, with the same concurrency, and is measured
from outside: wall seconds, peak RSS (VmHWM of the process polled every 0.1 s plus its
children's RSS, and VmHWM at close), CPU seconds (wait4 rusage), pages fetched (Scrapy's
`response_received_count`, written at close by the `StatsFile` extension below) and records
exported.
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

log = logging.getLogger("bench.crawl")

REPO = Path(__file__).resolve().parents[1]
CONCURRENCY = 64
BASELINE_PAGES = 5000  # the baseline's rate is measured on this many pages (0: all)
STATS_KEYS = ("response_received_count", "downloader/request_count", "item_scraped_count",
              "dupefilter/filtered", "scheduler/enqueued", "finish_reason", "elapsed_time_seconds",
              "healthcrawl/pages", "healthcrawl/discovered", "healthcrawl/archive/cpu_s",
              "healthcrawl/archive/pages", "healthcrawl/archive/bytes")


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
def measure(cmd: list[str], *, cwd: Path, env: dict, log_path: Path) -> dict:
    """Run cmd; wall seconds, peak RSS (MB, process tree, polled every 0.1 s), CPU seconds.

    Not ru_maxrss: Linux carries the parent's RSS at fork over exec into the child's
    ru_maxrss, so a child of a big parent reports at least the parent's size. VmHWM is
    the high-water mark of the exec'd image alone."""
    import psutil

    with open(log_path, "wb") as log_file:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log_file, stderr=log_file)
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
    return {"exit_code": proc.returncode, "seconds": round(seconds, 2),
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
                    name: str | None = None, extra: dict | None = None) -> dict:
    from crawler.settings import EXTENSIONS

    name = name or ("generic" if generic else "healthcrawl")
    out = work / name
    stats_path = work / f"{name}.stats.json"
    settings = {**local_settings(concurrency), "HEALTHCRAWL_RUN_ID": "bench",
                "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS": "127.0.0.1", "BENCH_STATS_FILE": stats_path,
                "EXTENSIONS": {**EXTENSIONS, "bench.crawl.StatsFile": 900}, **(extra or {})}
    cmd = [sys.executable, "-m", "crawler.cli", "crawl", "demo", "--base-url", base_url,
           "--out", str(out), *(["--generic"] if generic else []), *_set_args(settings)]
    result = measure(cmd, cwd=REPO, env=_env(), log_path=work / f"{name}.log")
    run_dir = out / "bench"
    summary = _read_json(run_dir / "run.json")
    result.update(_from_stats(stats_path, result))
    result["records"] = _count_lines(run_dir / "articles.jsonl")
    result["run_json"] = {k: summary.get(k) for k in ("status", "exit_code", "pages", "records",
                                                     "counts", "elapsed_s")}
    return _rates(result, work / f"{name}.log")


def run_baseline(base_url: str, work: Path, concurrency: int, max_pages: int = 0) -> dict:
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
    result = measure(cmd, cwd=out, env=_env(), log_path=work / "baseline.log")
    result.update(_from_stats(stats_path, result))
    result["records"] = _count_lines(feed)
    result["max_pages"] = max_pages
    return _rates(result, work / "baseline.log")


def _from_stats(path: Path, result: dict) -> dict:
    stats = _read_json(path)
    hwm = int(stats.get("bench/vm_hwm_kb", 0)) * 1024
    result["peak_rss_mb"] = max(result["peak_rss_mb"], round(hwm / 2**20, 1))
    return {"pages": int(stats.get("response_received_count", 0)),
            "stats": {k: stats[k] for k in STATS_KEYS if k in stats}}


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
def crawl_benchmark(articles: int = 20000, *, skip_baseline: bool = False,
                    skip_generic: bool = False, keep: bool = False,
                    concurrency: int = CONCURRENCY, server_seconds: float = 5.0,
                    baseline_pages: int = BASELINE_PAGES) -> dict:
    from crawler.demo.generator import ensure_site
    from crawler.demo.nginx import NginxDemoServer

    from .serverload import measure_server

    site = ensure_site(articles)
    work = Path(tempfile.mkdtemp(prefix="healthcrawl-bench-"))
    report: dict = {"benchmark": "crawl", "articles": articles, "concurrency": concurrency,
                    "load_avg_1m_before": round(os.getloadavg()[0], 2)}
    try:
        with NginxDemoServer(site) as server:
            base = server.base_url
            paths = _article_paths(site)
            expected = {urljoin(base, p) for p in paths}
            log.info("site %s (%d articles) on %s", site, len(expected), base)
            report["server"] = measure_server(base, paths, server_seconds)
            log.info("server: %s pages/s", report["server"]["pages_per_s"])
            report["healthcrawl"] = hc = run_healthcrawl(base, work, concurrency)
            log.info("healthcrawl: %s pages/s", hc["pages_per_s"])
            _check_records(hc, work / "healthcrawl" / "bench" / "articles.jsonl", expected)
            if not skip_baseline:
                report["baseline"] = run_baseline(base, work, concurrency, baseline_pages)
                log.info("baseline: %s pages/s", report["baseline"]["pages_per_s"])
            if not skip_generic:
                report["generic"] = gen = run_healthcrawl(base, work, concurrency, generic=True)
                log.info("generic: %s pages/s", gen["pages_per_s"])
                _check_records(gen, work / "generic" / "bench" / "articles.jsonl", expected)
    finally:
        if keep:
            report["outputs"] = str(work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    report.update(_verdict(report, len(expected)))
    report["machine"] = machine()
    return report


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


def _verdict(report: dict, articles: int) -> dict:
    hc, base, gen = report["healthcrawl"], report.get("baseline"), report.get("generic")
    out: dict = {}
    ratio = hc["pages_per_s"] / base["pages_per_s"] if base and base["pages_per_s"] else None
    out["ratio_pages_per_s"] = round(ratio, 2) if ratio else None
    if gen:
        gen["vs_profiled_seconds"] = round(gen["seconds"] / hc["seconds"], 2)
        if base and base["pages_per_s"]:
            # pages/s, not seconds: the baseline crawls a sample (--baseline-pages)
            gen["vs_baseline_pages_per_s"] = round(gen["pages_per_s"] / base["pages_per_s"], 2)
    # None: not measured in this run (--skip-baseline / --skip-generic)
    vs_base = gen.get("vs_baseline_pages_per_s") if gen else None
    out["targets"] = {
        "ratio>=3": None if ratio is None else ratio >= 3,
        "peak_rss<=300MB": hc["peak_rss_mb"] <= 300,
        "records==articles": hc["records"] == articles and not hc["articles_missing"],
        "generic<=1.5x": gen["vs_profiled_seconds"] <= 1.5 if gen else None,
        "generic>=5x_baseline": None if vs_base is None else vs_base >= 5,
    }
    return out


def machine() -> dict:
    import platform
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
    return {"cores": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "scrapy": version("scrapy"), "lxml": version("lxml"),
            "trafilatura": version("trafilatura"), "nginx": nginx_version}
