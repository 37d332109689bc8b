"""`python -m bench --only scaleout` (or `python -m bench.scaleout`): one shared crawl run by
1 worker, then by 2 workers, with the same settings, on the same demo site served by nginx,
each time on a fresh PostgreSQL database and an empty redis-server (both started here, as
the tests start them: tests/servers.py).

Per configuration: wall seconds and pages/s (pages: the sum of the workers' own
`healthcrawl/pages` stat, written by bench.crawl.StatsFile to one file per worker: a worker
that is not the run's last writes no run.json), CPU seconds per worker (wait4 rusage) and
per page, CPU seconds of the servers (redis-server, PostgreSQL, nginx: each process tree's
own and reaped children's CPU, delta) so that pages per CPU second of everything the crawl
ran on is known, peak RSS per worker (VmHWM
polled every 0.1 s), Redis commands per page (INFO commandstats, delta; commands a Lua
script runs are counted as well as the script call; scripts per page and redis-server CPU
per page, INFO cpu, apart) and PostgreSQL transactions per page
(pg_stat_database xact_commit + xact_rollback, delta: an autocommit statement and a
pipelined batch are one round trip each, so this is the store's round trips, give or take
the batch's sync), and that the run exported every article of the site once.

Same settings for every run: CONCURRENT_REQUESTS per worker (--concurrency, 16) and
CONCURRENT_REQUESTS_PER_DOMAIN (--per-host, default 2 x --concurrency). With a frontier the
per-host limit holds for the whole cluster (crawler/frontier/politeness.py): at 16 two
workers of 16 requests each would share 16 slots of the demo's one host, so the second
worker could add no requests in flight; at 32 one worker alone cannot reach it (its own
CONCURRENT_REQUESTS caps it at 16) and two can both run full.

Records: a plain single-process crawl (no frontier, SQLite) of the same site with the same
settings runs first (`--no-reference` skips it); each frontier run's articles.jsonl is
compared with it, record by record by URL, every field but fetched_at and run_id.

The 2-worker speed-up is pages/s(2) / pages/s(1); on a machine shared with other work the
CPU-based figures (CPU ms per page of the workers, and of workers + servers) say more than
wall time.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from .crawl import (
    REPO,
    SITES,
    _read_json,
    _set_args,
    local_settings,
    run_healthcrawl,
)
from .scaleout_probes import (
    find_server_pids,
    machine_busy_s,
    pg_transactions,
    redis_commandstats,
    redis_cpu_s,
    run_workers,
    tree_cpu_s,
)

sys.path.insert(0, str(REPO / "tests"))
from servers import PostgresServer, RedisServer, postgres_bin  # noqa: E402 (tests' servers)

from common.keys import PAGES as PAGES_STAT  # noqa: E402 (what run.json calls pages)

log = logging.getLogger("bench.scaleout")

CONCURRENCY = 16  # per worker: CONCURRENT_REQUESTS
VOLATILE = ("fetched_at", "run_id")  # differ between any two runs of the same crawl
STATS_EXTENSION = "bench.crawl.StatsFile"


def compare_records(reference: Path, run: Path) -> dict:
    """The run's records against the single-process run's, by URL, every field but
    VOLATILE: counts, and which fields differ (and for how many records)."""
    def load(path: Path) -> dict[str, dict]:
        if not path.is_file():
            return {}
        with open(path, "rb") as f:
            rows = (json.loads(line) for line in f if line.strip())
            return {r["url"]: {k: v for k, v in r.items() if k not in VOLATILE} for r in rows}

    a, b = load(reference), load(run)
    common = set(a) & set(b)
    fields: dict[str, int] = {}
    differing = 0
    for url in common:
        if a[url] == b[url]:
            continue
        differing += 1
        for field in set(a[url]) | set(b[url]):
            if a[url].get(field) != b[url].get(field):
                fields[field] = fields.get(field, 0) + 1
    return {"reference_records": len(a), "records": len(b),
            "only_reference": len(set(a) - set(b)), "only_run": len(set(b) - set(a)),
            "differing": differing, "differing_fields": fields,
            "identical": bool(a) and a == b}


def crawl_settings(concurrency: int, per_host: int) -> dict:
    """The settings every run of this benchmark shares (module docstring)."""
    return {**local_settings(concurrency), "CONCURRENT_REQUESTS_PER_DOMAIN": per_host,
            "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS": "127.0.0.1", "HEALTHCRAWL_FORMATS": "jsonl"}


def run_config(n: int, base_url: str, redis_server: RedisServer, pg: PostgresServer,
               work: Path, concurrency: int, per_host: int, expected: int,
               server_pids: dict[str, int] | None = None, round_: int = 1) -> dict:
    import redis

    from crawler.settings import EXTENSIONS

    client = redis.Redis.from_url(redis_server.url)
    client.flushall()
    database = pg.create_database()
    name = f"scaleout{n}" if round_ == 1 else f"scaleout{n}-r{round_}"
    out = work / f"workers{n}" if round_ == 1 else work / f"workers{n}-r{round_}"
    logs = out.with_name(out.name + "-logs")
    logs.mkdir(parents=True, exist_ok=True)
    settings = {**crawl_settings(concurrency, per_host), "HEALTHCRAWL_RUN_ID": name,
                "EXTENSIONS": {**EXTENSIONS, STATS_EXTENSION: 900}}
    cmds = [[sys.executable, "-m", "crawler.cli", "crawl", "demo", "--base-url", base_url,
             "--frontier", redis_server.url, "--store", database, "--out", str(out),
             *_set_args({**settings, "BENCH_STATS_FILE": logs / f"worker{i}.stats.json"})]
            for i in range(n)]
    server_pids = server_pids or {}
    redis_before, pg_before = redis_commandstats(client), pg_transactions(database)
    redis_cpu_before = redis_cpu_s(client)
    servers_before = {server: tree_cpu_s(pid) for server, pid in server_pids.items()}
    busy_before = machine_busy_s()
    started = time.perf_counter()
    timeline: list = []
    workers = run_workers(cmds, logs, timeline)
    seconds = time.perf_counter() - started
    busy_after = machine_busy_s()
    time.sleep(0.6)  # the statistics collector's last report
    redis_after, pg_after = redis_commandstats(client), pg_transactions(database)
    redis_cpu = redis_cpu_s(client) - redis_cpu_before
    servers_cpu = {server: round(tree_cpu_s(pid) - servers_before[server], 2)
                   for server, pid in server_pids.items()}
    calls = {k: redis_after.get(k, 0) - redis_before.get(k, 0) for k in redis_after}
    calls = {k: v for k, v in sorted(calls.items(), key=lambda kv: -kv[1]) if v > 0}
    pages_per_worker = [int(_read_json(logs / f"worker{i}.stats.json").get(PAGES_STAT) or 0)
                        for i in range(n)]
    pages = sum(pages_per_worker)
    run_dir = out / name
    summary = json.loads((run_dir / "run.json").read_text()) if run_dir.is_dir() else {}
    records = 0
    if (run_dir / "articles.jsonl").is_file():
        with open(run_dir / "articles.jsonl", "rb") as f:
            records = sum(1 for line in f if line.strip())
    cpu = sum(w["cpu_s"] for w in workers)
    total_calls = sum(calls.values())
    all_cpu = cpu + sum(servers_cpu.values())
    return {
        "workers": n, "exit_codes": [w["exit_code"] for w in workers],
        "seconds": round(seconds, 2), "pages": pages, "pages_per_worker": pages_per_worker,
        "pages_per_s": round(pages / seconds, 1) if seconds else 0.0,
        "cpu_s_per_worker": [w["cpu_s"] for w in workers], "cpu_s": round(cpu, 2),
        "cpu_ms_per_page": round(1000 * cpu / pages, 2) if pages else None,
        "pages_per_cpu_s": round(pages / cpu, 1) if cpu else 0.0,
        "servers_cpu_s": servers_cpu,
        "all_cpu_ms_per_page": round(1000 * all_cpu / pages, 2) if pages and servers_cpu
        else None,
        "peak_rss_mb_per_worker": [w["peak_rss_mb"] for w in workers],
        "redis_commands_per_page": round(total_calls / pages, 2) if pages else None,
        "redis_scripts_per_page": round(calls.get("evalsha", 0) / pages, 2) if pages else None,
        "redis_top_commands": dict(list(calls.items())[:8]),
        "redis_cpu_ms_per_page": round(1000 * redis_cpu / pages, 3) if pages else None,
        "pg_transactions_per_page": round((pg_after - pg_before) / pages, 2) if pages else None,
        "records": records, "records_expected": expected,
        "records_file": str(run_dir / "articles.jsonl"),
        "run_status": summary.get("status"), "run_exit_code": summary.get("exit_code"),
        "round": round_,
        # (s, cores busy on the machine, cores the workers used), once a second: where the
        # cores were idle (start-up, the end, the last worker's export) shows here.
        "timeline": timeline,
        "idle_core_s": round(sum(max(0.0, (os.cpu_count() or 1) - busy)
                                 for _t, busy, _own in timeline), 1),
        # CPU the machine spent on anything but this crawl meanwhile (other jobs, the
        # benchmark itself): the wall-clock figures mean little when it is large.
        "other_cpu_s": round(busy_after - busy_before - all_cpu, 1)
        if busy_before is not None and busy_after is not None and servers_cpu else None,
        "load_avg_1m_after": round(os.getloadavg()[0], 2)}


def scaleout_benchmark(articles: int = 2000, concurrency: int = CONCURRENCY,
                       keep: bool = False, per_host: int | None = None,
                       reference: bool = True, repeat: int = 1) -> dict:
    from crawler.demo.generator import ensure_site
    from crawler.demo.nginx import NginxDemoServer

    per_host = per_host or 2 * concurrency
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
                    "per_host": per_host, "cpus": os.cpu_count(),
                    "load_avg_1m_before": round(os.getloadavg()[0], 2), "configs": []}
    redis_server = RedisServer(redis_bin)
    pg = PostgresServer(bindir)
    redis_server.start()
    pg.start()
    try:
        with NginxDemoServer(site) as nginx:
            if reference:
                log.info("scaleout: single process (no frontier) on %s", nginx.base_url)
                single = run_healthcrawl(nginx.base_url, work, concurrency, name="single",
                                         extra=crawl_settings(concurrency, per_host))
                report["single_process"] = {k: single.get(k) for k in (
                    "exit_code", "seconds", "pages", "pages_per_s", "cpu_s", "pages_per_cpu_s",
                    "peak_rss_mb", "records", "load_avg_1m_after")}
            pids = find_server_pids(redis_server, pg, nginx)
            # Rounds alternate 1 and 2 workers, so a change in the machine's other load
            # shows as a spread between rounds rather than as a speed-up.
            for n, round_ in [(n, r) for r in range(1, max(1, repeat) + 1) for n in (1, 2)]:
                log.info("scaleout: %d worker(s) on %s (round %d)", n, nginx.base_url, round_)
                config = run_config(n, nginx.base_url, redis_server, pg, work, concurrency,
                                    per_host, expected, pids, round_)
                if reference:
                    config["vs_single_process"] = compare_records(
                        Path(single["records_file"]), Path(config["records_file"]))
                report["configs"].append(config)
    finally:
        redis_server.stop()
        pg.stop()
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    rounds = []
    for one, two in zip(report["configs"][::2], report["configs"][1::2], strict=True):
        if one["pages_per_s"] and two["pages_per_s"]:
            rounds.append({
                "speedup_wall": round(two["pages_per_s"] / one["pages_per_s"], 2),
                "cpu_ms_per_page_ratio": round(two["cpu_ms_per_page"]
                                               / one["cpu_ms_per_page"], 2),
                "all_cpu_ms_per_page_ratio": round(
                    two["all_cpu_ms_per_page"] / one["all_cpu_ms_per_page"], 2)
                if one["all_cpu_ms_per_page"] and two["all_cpu_ms_per_page"] else None})
    if rounds:
        report["rounds"] = rounds
        for key in ("speedup_wall", "cpu_ms_per_page_ratio", "all_cpu_ms_per_page_ratio"):
            values = [r[key] for r in rounds if r[key] is not None]
            if values:
                report[key] = round(statistics.median(values), 3)
    return report


def summary(report: dict) -> str:
    if report.get("skipped"):
        return f"scaleout: skipped ({report['skipped']})"
    lines = [(f"scaleout: {report['articles']} articles, {report['concurrency']} requests per "
              f"worker, {report['per_host']} per host for the cluster, {report['cpus']} CPUs "
              f"(load before {report['load_avg_1m_before']}; shared machine: see load)")]
    single = report.get("single_process")
    if single:
        lines.append(f"single process, no frontier: {single['pages']} pages, "
                     f"{single['seconds']} s, {single['pages_per_s']} pages/s, "
                     f"{single['cpu_s']} CPU s, {single['records']} records, "
                     f"peak RSS {single['peak_rss_mb']} MB, exit {single['exit_code']}, "
                     f"load {single['load_avg_1m_after']}")
    lines.append(f"{'workers':>8} {'pages':>11} {'s':>7} {'pages/s':>8} {'CPU s':>13} "
                 f"{'ms CPU/page':>11} {'+servers':>8} {'peak RSS MB':>12} {'redis/page':>10} "
                 f"{'redis ms':>8} {'pg tx/page':>10} {'records':>7} {'exit':>4} "
                 f"{'load':>5} {'other CPU s':>11} {'idle core s':>10}")
    for c in report["configs"]:
        pages = "+".join(map(str, c["pages_per_worker"])) if c["workers"] > 1 \
            else str(c["pages"])
        lines.append(
            f"{c['workers']:>8} {pages:>11} {c['seconds']:>7} {c['pages_per_s']:>8} "
            f"{'+'.join(map(str, c['cpu_s_per_worker'])):>13} {c['cpu_ms_per_page']!s:>11} "
            f"{c['all_cpu_ms_per_page']!s:>8} "
            f"{'/'.join(map(str, c['peak_rss_mb_per_worker'])):>12} "
            f"{c['redis_commands_per_page']!s:>10} {c['redis_cpu_ms_per_page']!s:>8} "
            f"{c['pg_transactions_per_page']!s:>10} "
            f"{c['records']:>7} {c['run_exit_code']!s:>4} {c['load_avg_1m_after']:>5} "
            f"{c.get('other_cpu_s')!s:>11} {c.get('idle_core_s')!s:>10}")
    for c in report["configs"]:
        cmp = c.get("vs_single_process")
        if cmp:
            lines.append(
                f"{c['workers']} worker(s) vs single process: "
                f"{'IDENTICAL' if cmp['identical'] else 'DIFFERENT'} records "
                f"({cmp['records']} vs {cmp['reference_records']}; only here "
                f"{cmp['only_run']}, only single {cmp['only_reference']}, differing "
                f"{cmp['differing']} {cmp['differing_fields'] or ''})")
    if "speedup_wall" in report:
        each = ", ".join(f"{r['speedup_wall']}x" for r in report["rounds"])
        lines.append(f"2 workers / 1 worker: {report['speedup_wall']}x pages/s (median of "
                     f"{len(report['rounds'])} round(s): {each}); worker CPU per page "
                     f"{report['cpu_ms_per_page_ratio']}x; workers + servers CPU per page "
                     f"{report.get('all_cpu_ms_per_page_ratio')}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.scaleout",
        description="A shared crawl (Redis frontier, PostgreSQL store) of the demo site by 1 "
                    "then 2 workers, after a single-process crawl whose records they must "
                    "equal (bench/README.md, Scale-out).")
    ap.add_argument("--articles", type=int, default=2000,
                    help="articles of the demo site (default %(default)s)")
    ap.add_argument("--concurrency", type=int, default=CONCURRENCY,
                    help="CONCURRENT_REQUESTS of each worker (default %(default)s)")
    ap.add_argument("--per-host", type=int, default=None,
                    help="CONCURRENT_REQUESTS_PER_DOMAIN, for the whole cluster with a "
                         "frontier (default 2 x --concurrency)")
    ap.add_argument("--no-reference", action="store_true",
                    help="skip the single-process run the records are compared with")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds of 1 then 2 workers; the speed-up is their median "
                         "(default %(default)s)")
    ap.add_argument("--keep", action="store_true", help="keep the crawls' folders")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    report = scaleout_benchmark(args.articles, args.concurrency, args.keep, args.per_host,
                                not args.no_reference, args.repeat)
    print(json.dumps(report), flush=True)
    print(summary(report), file=sys.stderr, flush=True)
    return 0 if report.get("skipped") or all(
        c["run_exit_code"] in (0, 2) and c.get("vs_single_process", {}).get("identical", True)
        for c in report["configs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
