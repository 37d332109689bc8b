"""`python -m bench --only scaleout` (or `python -m bench.scaleout`): one shared crawl run by
1 worker, then by 2 workers, with the same settings, on the same demo site served by nginx,
each time on a fresh PostgreSQL database and an empty redis-server (both started here, as
the tests start them: tests/servers.py).

Per configuration: wall seconds and pages/s (pages: the sum of the workers' own run.json
`pages`), CPU seconds per worker (wait4 rusage) and per page, peak RSS per worker (VmHWM
polled every 0.1 s), Redis commands per page (INFO commandstats, delta; commands a Lua
script runs are counted as well as the script call; scripts per page and redis-server CPU
per page, INFO cpu, apart) and PostgreSQL transactions per page
(pg_stat_database xact_commit + xact_rollback, delta: an autocommit statement and a
pipelined batch are one round trip each, so this is the store's round trips, give or take
the batch's sync), and that the run exported every article of the site once.

The 2-worker speed-up is pages/s(2) / pages/s(1); on a machine shared with other work the
CPU-based figure (pages per CPU second of the crawl processes) says more than wall time.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .crawl import REPO, SITES, _env, _set_args, _tree_rss, _vm_hwm_kb, local_settings

sys.path.insert(0, str(REPO / "tests"))
from servers import PostgresServer, RedisServer, postgres_bin  # noqa: E402 (tests' servers)

log = logging.getLogger("bench.scaleout")

CONCURRENCY = 16  # per worker, CONCURRENT_REQUESTS and per host


def _workers(cmd: list[str], n: int, work: Path) -> list[dict]:
    """Start n copies of cmd at once; each one's exit code, CPU s and peak RSS."""
    import psutil

    procs = []
    for i in range(n):
        log_file = open(work / f"worker{i}.log", "wb")  # noqa: SIM115 (closed below)
        procs.append((subprocess.Popen(cmd, cwd=REPO, env=_env(), stdout=log_file,
                                       stderr=log_file), log_file))
    results: dict[int, dict] = {}
    peaks = {p.pid: 0 for p, _ in procs}
    handles = {p.pid: psutil.Process(p.pid) for p, _ in procs}
    while len(results) < n:
        for proc, log_file in procs:
            if proc.pid in results:
                continue
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                log_file.close()
                results[proc.pid] = {
                    "exit_code": os.waitstatus_to_exitcode(status),
                    "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
                    "peak_rss_mb": round(peaks[proc.pid] / 2**20, 1)}
            else:
                peaks[proc.pid] = max(peaks[proc.pid], _tree_rss(handles[proc.pid], proc.pid),
                                      _vm_hwm_kb(str(proc.pid)) * 1024)
        time.sleep(0.1)
    return [results[p.pid] for p, _ in procs]


def _commandstats(client) -> dict[str, int]:
    return {name.removeprefix("cmdstat_"): int(v["calls"])
            for name, v in client.info("commandstats").items()}


def _redis_cpu(client) -> float:
    info = client.info("cpu")
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


def _xacts(url: str) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_stat_clear_snapshot()")
        return conn.execute("SELECT xact_commit + xact_rollback FROM pg_stat_database "
                            "WHERE datname = current_database()").fetchone()[0]


def run_config(n: int, base_url: str, redis_server: RedisServer, pg: PostgresServer,
               work: Path, concurrency: int, expected: int) -> dict:
    import redis

    client = redis.Redis.from_url(redis_server.url)
    client.flushall()
    database = pg.create_database()
    out = work / f"workers{n}"
    settings = {**local_settings(concurrency), "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS": "127.0.0.1",
                "HEALTHCRAWL_RUN_ID": f"scaleout{n}", "HEALTHCRAWL_FORMATS": "jsonl"}
    cmd = [sys.executable, "-m", "crawler.cli", "crawl", "demo", "--base-url", base_url,
           "--frontier", redis_server.url, "--store", database, "--out", str(out),
           *_set_args(settings)]
    redis_before, pg_before = _commandstats(client), _xacts(database)
    redis_cpu_before = _redis_cpu(client)
    started = time.perf_counter()
    logs = work / f"workers{n}-logs"
    logs.mkdir(parents=True, exist_ok=True)
    workers = _workers(cmd, n, logs)
    seconds = time.perf_counter() - started
    time.sleep(0.6)  # the statistics collector's last report
    redis_after, pg_after = _commandstats(client), _xacts(database)
    redis_cpu = _redis_cpu(client) - redis_cpu_before
    calls = {k: redis_after.get(k, 0) - redis_before.get(k, 0) for k in redis_after}
    calls = {k: v for k, v in sorted(calls.items(), key=lambda kv: -kv[1]) if v > 0}
    pages = 0
    for run_json in (out / "workers").glob("*/scaleout*/run.json"):
        pages += int(json.loads(run_json.read_text()).get("pages") or 0)
    run_dir = out / f"scaleout{n}"
    summary = json.loads((run_dir / "run.json").read_text()) if run_dir.is_dir() else {}
    records = 0
    if (run_dir / "articles.jsonl").is_file():
        with open(run_dir / "articles.jsonl", "rb") as f:
            records = sum(1 for line in f if line.strip())
    cpu = sum(w["cpu_s"] for w in workers)
    total_calls = sum(calls.values())
    return {
        "workers": n, "exit_codes": [w["exit_code"] for w in workers],
        "seconds": round(seconds, 2), "pages": pages,
        "pages_per_s": round(pages / seconds, 1) if seconds else 0.0,
        "cpu_s_per_worker": [w["cpu_s"] for w in workers], "cpu_s": round(cpu, 2),
        "cpu_ms_per_page": round(1000 * cpu / pages, 2) if pages else None,
        "pages_per_cpu_s": round(pages / cpu, 1) if cpu else 0.0,
        "peak_rss_mb_per_worker": [w["peak_rss_mb"] for w in workers],
        "redis_commands_per_page": round(total_calls / pages, 2) if pages else None,
        "redis_scripts_per_page": round(calls.get("evalsha", 0) / pages, 2) if pages else None,
        "redis_top_commands": dict(list(calls.items())[:8]),
        "redis_cpu_ms_per_page": round(1000 * redis_cpu / pages, 3) if pages else None,
        "pg_transactions_per_page": round((pg_after - pg_before) / pages, 2) if pages else None,
        "records": records, "records_expected": expected,
        "run_status": summary.get("status"), "run_exit_code": summary.get("exit_code"),
        "load_avg_1m_after": round(os.getloadavg()[0], 2)}


def scaleout_benchmark(articles: int = 2000, concurrency: int = CONCURRENCY,
                       keep: bool = False) -> dict:
    from crawler.demo.generator import ensure_site
    from crawler.demo.nginx import NginxDemoServer

    bindir, redis_bin = postgres_bin(), shutil.which("redis-server")
    missing = [name for name, found in (("PostgreSQL (make postgresql)", bindir),
                                         ("redis-server (make redis)", redis_bin)) if not found]
    if missing:
        log.warning("scaleout benchmark skipped: %s not installed", ", ".join(missing))
        return {"benchmark": "scaleout", "skipped": f"not installed: {', '.join(missing)}"}
    site = ensure_site(articles, SITES)
    work = Path(SITES.parent / f"healthcrawl-scaleout-{os.getpid()}")
    work.mkdir(parents=True, exist_ok=True)
    expected = sum(1 for _ in (site / "expected").glob("*.json")) \
        if (site / "expected").is_dir() else articles
    report: dict = {"benchmark": "scaleout", "articles": articles, "concurrency": concurrency,
                    "cpus": os.cpu_count(), "configs": []}
    redis_server = RedisServer(redis_bin)
    pg = PostgresServer(bindir)
    redis_server.start()
    pg.start()
    try:
        with NginxDemoServer(site) as nginx:
            for n in (1, 2):
                log.info("scaleout: %d worker(s) on %s", n, nginx.base_url)
                report["configs"].append(run_config(n, nginx.base_url, redis_server, pg, work,
                                                    concurrency, expected))
    finally:
        redis_server.stop()
        pg.stop()
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    one, two = report["configs"]
    if one["pages_per_s"] and two["pages_per_s"]:
        report["speedup_wall"] = round(two["pages_per_s"] / one["pages_per_s"], 2)
        report["cpu_ms_per_page_ratio"] = round(two["cpu_ms_per_page"] / one["cpu_ms_per_page"],
                                                2)
    return report


def summary(report: dict) -> str:
    if report.get("skipped"):
        return f"scaleout: skipped ({report['skipped']})"
    lines = [(f"scaleout: {report['articles']} articles, {report['concurrency']} requests per "
             f"worker, {report['cpus']} CPUs (shared machine: see load)"),
             (f"{'workers':>8} {'pages':>6} {'s':>7} {'pages/s':>8} {'CPU s':>14} "
             f"{'ms CPU/page':>11} {'peak RSS MB':>14} {'redis/page':>10} {'redis ms':>8} "
             f"{'pg tx/page':>10} "
             f"{'records':>8} {'exit':>6} {'load':>5}")]
    for c in report["configs"]:
        lines.append(
            f"{c['workers']:>8} {c['pages']:>6} {c['seconds']:>7} {c['pages_per_s']:>8} "
            f"{'+'.join(map(str, c['cpu_s_per_worker'])):>14} {c['cpu_ms_per_page']!s:>11} "
            f"{'/'.join(map(str, c['peak_rss_mb_per_worker'])):>14} "
            f"{c['redis_commands_per_page']!s:>10} {c['redis_cpu_ms_per_page']!s:>8} "
            f"{c['pg_transactions_per_page']!s:>10} "
            f"{c['records']:>8} {c['run_exit_code']!s:>6} {c['load_avg_1m_after']:>5}")
    if "speedup_wall" in report:
        lines.append(f"2 workers / 1 worker: {report['speedup_wall']}x pages/s; CPU per page "
                     f"{report['cpu_ms_per_page_ratio']}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.scaleout", description=__doc__.split(
        "\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=CONCURRENCY)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    report = scaleout_benchmark(args.articles, args.concurrency, args.keep)
    print(json.dumps(report), flush=True)
    print(summary(report), file=sys.stderr, flush=True)
    return 0 if report.get("skipped") or all(
        c["run_exit_code"] in (0, 2) for c in report["configs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
