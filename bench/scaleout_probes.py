"""What bench.scaleout measures around a run: the workers' exit codes, CPU and peak RSS,
the machine's busy cores, and the servers' cost (Redis commands and CPU, PostgreSQL
transactions, each server process tree's CPU)."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from .crawl import REPO, _env, _tree_rss, _vm_hwm_kb


def run_workers(cmds: list[list[str]], work: Path, timeline: list | None = None) -> list[dict]:
    """Start the commands at once; each one's exit code, CPU s and peak RSS. `timeline`, if
    given, gets one row per second: (seconds since the start, cores the machine was busy,
    cores the workers used)."""
    import psutil

    n = len(cmds)
    procs = []
    for i, cmd in enumerate(cmds):
        log_file = open(work / f"worker{i}.log", "wb")  # noqa: SIM115 (closed below)
        procs.append((subprocess.Popen(cmd, cwd=REPO, env=_env(), stdout=log_file,
                                       stderr=log_file), log_file))
    results: dict[int, dict] = {}
    peaks = {p.pid: 0 for p, _ in procs}
    handles = {p.pid: psutil.Process(p.pid) for p, _ in procs}
    start = last_t = time.perf_counter()
    last_busy, last_own = machine_busy_s(), 0.0
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
        now = time.perf_counter()
        if timeline is not None and now - last_t >= 1.0 and last_busy is not None:
            busy, own = machine_busy_s(), own_cpu_s(handles, results)
            timeline.append((round(now - start, 1), round((busy - last_busy) / (now - last_t), 2),
                             round((own - last_own) / (now - last_t), 2)))
            last_t, last_busy, last_own = now, busy, own
        time.sleep(0.1)
    return [results[p.pid] for p, _ in procs]


def own_cpu_s(handles: dict, done: dict) -> float:
    """CPU seconds of the workers so far (the finished ones' from wait4)."""
    total = sum(r["cpu_s"] for r in done.values())
    for pid, handle in handles.items():
        if pid in done:
            continue
        try:
            t = handle.cpu_times()
        except Exception:  # ended between two looks
            continue
        total += t.user + t.system + t.children_user + t.children_system
    return total


def machine_busy_s() -> float | None:
    """CPU seconds the whole machine has been busy (all cores, /proc/stat), or None."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    ticks = [int(x) for x in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def redis_commandstats(client) -> dict[str, int]:
    return {name.removeprefix("cmdstat_"): int(v["calls"])
            for name, v in client.info("commandstats").items()}


def redis_cpu_s(client) -> float:
    info = client.info("cpu")
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


def tree_cpu_s(pid: int | None) -> float:
    """CPU seconds of a server's process tree: its own, its reaped children's (a PostgreSQL
    backend that ended is in its postmaster's), and its live children's."""
    import psutil

    if not pid:
        return 0.0
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0.0
    for proc in procs:
        try:
            t = proc.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system + t.children_user + t.children_system
    return total


def find_server_pids(redis_server, pg, nginx) -> dict[str, int]:
    """Process ids of the run's redis-server, nginx and PostgreSQL postmaster (tests/servers.py)."""
    pids = {"redis": getattr(redis_server.process, "pid", 0),
            "nginx": getattr(getattr(nginx, "_proc", None), "pid", 0)}
    try:  # the postmaster's pid is the first line of postmaster.pid
        pids["postgresql"] = int((pg.data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        pids["postgresql"] = 0
    return pids


def pg_transactions(url: str) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_stat_clear_snapshot()")
        return conn.execute("SELECT xact_commit + xact_rollback FROM pg_stat_database "
                            "WHERE datname = current_database()").fetchone()[0]
