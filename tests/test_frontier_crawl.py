"""Shared crawls end to end: real worker processes, a real redis-server and PostgreSQL, the
demo site (crawler/frontier/, docs/scale-out.md). The reference is a single-process crawl
of the same demo site (conftest `demo_output`): a shared crawl must export exactly its
articles, id by id, with every URL ending in one ledger outcome, whatever happens to a
worker or to Redis on the way."""
from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, free_port, run_cli, run_scrapy, started_redis

pytestmark = pytest.mark.slow

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
# Short lease and heartbeat: a killed worker's requests come back within seconds.
QUICK = ["-s", "HEALTHCRAWL_FRONTIER_LEASE_S=3", "-s", "HEALTHCRAWL_WORKER_HEARTBEAT_S=1",
         "-s", "HEALTHCRAWL_FRONTIER_POLL_S=0.5", "-s", "HEALTHCRAWL_ARCHIVE=0"]


def ids_of(run_dir: Path) -> list[str]:
    lines = (run_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted(json.loads(line)["id"] for line in lines)


@pytest.fixture()
def database(postgres_server):
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture()
def own_redis(tmp_path):
    """A redis-server of this test's own (it may be restarted)."""
    yield from started_redis()


def crawl_args(base_url: str, frontier: str, store: str, out: Path, *extra: str) -> list[str]:
    # 8 requests per worker (not FAST's 32) keep a 300-page crawl going long enough to
    # interrupt it.
    return ["crawl", "demo", "--base-url", base_url, "--frontier", frontier, "--store", store,
            "--out", str(out), "--allow-private-hosts", "127.0.0.1", *QUICK,
            "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0",
            "-s", "CONCURRENT_REQUESTS=8", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", *extra]


def start_worker(args: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=log.open("w"))


def finished_urls(store: str) -> int:
    import psycopg

    try:
        with psycopg.connect(store, autocommit=True) as conn:
            return conn.execute("SELECT count(*) FROM ledger WHERE outcome IS NOT NULL"
                                ).fetchone()[0]
    except psycopg.Error:  # tables not made yet
        return 0


def wait_for_outcomes(store: str, n: int, procs: list[subprocess.Popen], timeout: float = 120):
    deadline = time.monotonic() + timeout
    while finished_urls(store) < n:
        assert time.monotonic() < deadline, "the crawl did not get going"
        assert all(p.poll() is None for p in procs), "a worker ended too early"
        time.sleep(0.1)


def wait_for_workers(frontier: str, n: int, procs: list[subprocess.Popen],
                     timeout: float = 180) -> None:
    """Until n workers have joined the run's frontier (each registers when its scheduler
    opens, before it crawls): on a loaded machine one worker may be well into the crawl
    while the other is still starting up."""
    import redis

    client = redis.Redis.from_url(frontier)
    deadline = time.monotonic() + timeout
    try:
        while max((client.zcard(k) for k in client.scan_iter("healthcrawl:*:workers")),
                  default=0) < n:
            assert time.monotonic() < deadline, f"{n} workers did not join the run"
            assert all(p.poll() is None for p in procs), "a worker ended too early"
            time.sleep(0.1)
    finally:
        client.close()


def ledger_check(store: str, run_id: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(store, autocommit=True) as conn:
        rows, urls, pending = conn.execute(
            "SELECT count(*), count(DISTINCT url), count(*) FILTER (WHERE outcome IS NULL) "
            "FROM ledger WHERE run_id = %s", (run_id,)).fetchone()
    return {"rows": rows, "urls": urls, "pending": pending}


def leased_per_worker(log: str) -> int:
    """How many workers leased requests: each one's stats dump (at INFO) has the count."""
    import re

    counts = [int(n) for n in re.findall(r"'healthcrawl/frontier/leased': (\d+)", log)]
    return sum(1 for n in counts if n > 0)


def the_run(out: Path) -> tuple[Path, dict]:
    folders = [p for p in out.iterdir() if p.is_dir() and p.name[:1].isdigit()]
    assert len(folders) == 1, folders
    return folders[0], json.loads((folders[0] / "run.json").read_text(encoding="utf-8"))


def assert_same_run_as_single_process(out: Path, store: str, reference: Path,
                                      logs: str = "") -> dict:
    run_dir, summary = the_run(out)
    assert summary["source"] == "frontier" and summary["status"] == "complete"
    got, want = set(ids_of(run_dir)), set(ids_of(reference))
    # The workers' logs, when given, say what happened to a lost article.
    assert got == want, (f"lost {sorted(want - got)}, extra {sorted(got - want)}; "
                         f"run.json counts {summary.get('counts')}\n{logs[-6000:]}")
    assert len(ids_of(run_dir)) == len(got), "an article exported twice"
    assert summary["records"] == len(ids_of(reference))  # no duplicates
    ledger = ledger_check(store, summary["run_id"])
    assert ledger["pending"] == 0 and ledger["rows"] == ledger["urls"]
    reference_summary = json.loads((reference / "run.json").read_text(encoding="utf-8"))
    # A shortlink's redirect target and the same URL found as a link are one ledger row or
    # two depending on which a worker meets first: the counts may differ by the shortlinks.
    from crawler.demo.generator import SHORTLINKS

    assert abs(summary["counts"]["discovered"]
               - reference_summary["counts"]["discovered"]) <= SHORTLINKS
    return summary


def test_two_workers_export_the_single_process_articles(demo_server, demo_output, redis_server,
                                                        database, tmp_path) -> None:
    import redis

    out = tmp_path / "out"
    proc = run_cli([*crawl_args(demo_server.base_url, redis_server.url, database, out),
                    "--workers", "2"])
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = assert_same_run_as_single_process(out, database, demo_output / "latest")
    assert summary["workers"] == 2
    assert (out / "latest").resolve().name == summary["run_id"]
    assert leased_per_worker(proc.stderr) == 2  # both workers crawled
    # the run's Redis keys are gone (the exit code alone stays, with an expiry)
    left = redis.Redis.from_url(redis_server.url).keys(f"healthcrawl:{summary['run_id']}:*")
    assert [k.decode() for k in left] == [f"healthcrawl:{summary['run_id']}:exit"]


def test_kill_9_of_one_worker_loses_nothing(demo_server, demo_output, own_redis, database,
                                            tmp_path) -> None:
    out = tmp_path / "out"
    args = crawl_args(demo_server.base_url, own_redis.url, database, out)
    workers = [start_worker(args, tmp_path / f"w{i}.log") for i in range(2)]
    try:
        wait_for_outcomes(database, 80, workers)
        workers[0].send_signal(signal.SIGKILL)
        assert workers[1].wait(timeout=300) == 0, (tmp_path / "w1.log").read_text()[-3000:]
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
    assert workers[0].wait() == -signal.SIGKILL
    survivor = (tmp_path / "w1.log").read_text()
    # the killed worker's leased requests came back to the queue and were crawled
    assert "expired leases back in the queue" in survivor
    assert_same_run_as_single_process(out, database, demo_output / "latest")


def test_the_last_worker_killed_while_exporting_is_replaced(demo_server, demo_output, own_redis,
                                                          database, tmp_path) -> None:
    """The worker building the run folder is frozen and killed mid-export: its export lease
    runs out with no exit code, the other worker builds the folder instead."""
    import redis

    out = tmp_path / "out"
    args = crawl_args(demo_server.base_url, own_redis.url, database, out)
    workers = [start_worker(args, tmp_path / f"w{i}.log") for i in range(2)]
    client = redis.Redis.from_url(own_redis.url)
    try:
        deadline = time.monotonic() + 240
        owner = None
        while owner is None:
            assert time.monotonic() < deadline, "no worker started the export"
            assert all(w.poll() is None for w in workers), "a worker ended before exporting"
            owner = next((client.get(k) for k in client.scan_iter("healthcrawl:*:exporting")),
                         None)
            time.sleep(0.002)
        pid = int(owner.decode().split(":")[1])
        os.kill(pid, signal.SIGSTOP)  # wherever the export is now
        os.kill(pid, signal.SIGKILL)
        killed = next(i for i, w in enumerate(workers) if w.pid == pid)
        other = workers[1 - killed]
        code = other.wait(timeout=120)
        log = (tmp_path / f"w{1 - killed}.log").read_text()
        assert code == 0, log[-3000:]
    finally:
        client.close()
        for w in workers:
            if w.poll() is None:
                w.kill()
    assert "stopped before it finished; this worker builds the run folder" in log
    assert workers[killed].wait() == -signal.SIGKILL
    assert_same_run_as_single_process(out, database, demo_output / "latest")


def test_max_pages_holds_for_the_whole_run(demo_server, redis_server, database,
                                          tmp_path) -> None:
    import psycopg

    out = tmp_path / "out"
    proc = run_cli([*crawl_args(demo_server.base_url, redis_server.url, database, out),
                    "--workers", "2", "--max-pages", "120"])
    assert proc.returncode in (0, 2), proc.stderr[-3000:]
    assert leased_per_worker(proc.stderr) == 2  # both workers crawled
    with psycopg.connect(database, autocommit=True) as conn:
        fetched = conn.execute(
            "SELECT count(*) FROM ledger WHERE outcome NOT LIKE 'refused/%%' "
            "AND outcome <> 'off_site'").fetchone()[0]
        pending = conn.execute("SELECT count(*) FROM ledger WHERE outcome IS NULL"
                               ).fetchone()[0]
    # 120 URLs for the run (each worker alone would stop at 120: up to 240 in all)
    assert 100 <= fetched <= 120 and pending == 0
    _run_dir, summary = the_run(out)
    assert summary["status"] == "complete" and 0 < summary["records"] <= 120


def test_redis_restart_mid_crawl_resumes(demo_server, demo_output, own_redis, database,
                                         tmp_path) -> None:
    out = tmp_path / "out"
    args = crawl_args(demo_server.base_url, own_redis.url, database, out)
    workers = [start_worker(args, tmp_path / f"w{i}.log") for i in range(2)]
    try:
        wait_for_outcomes(database, 80, workers)
        own_redis.restart()  # append-only file on: the queue and leases survive
        assert all(w.poll() is None for w in workers)  # mid-crawl
        assert finished_urls(database) < 300
        codes = [w.wait(timeout=300) for w in workers]
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
    logs = "".join((tmp_path / f"w{i}.log").read_text() for i in range(2))
    assert codes == [0, 0], logs[-3000:]
    assert_same_run_as_single_process(out, database, demo_output / "latest", logs)


@pytest.mark.parametrize("frontier", ["http://127.0.0.1:6379/0", "redis://127.0.0.1:{port}/0"])
def test_bad_or_unreachable_frontier_is_one_line_exit_1(frontier, tmp_path) -> None:
    out = tmp_path / "out"
    proc = run_cli(["crawl", "https://example.org/", "--frontier",
                    frontier.format(port=free_port()), "--out", str(out)], timeout=60)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("healthcrawl: "), proc.stderr
    assert "frontier" in lines[0].lower()
    assert not out.exists()  # nothing written


def test_workers_need_frontier_and_server_store(tmp_path) -> None:
    out = tmp_path / "out"
    proc = run_cli(["crawl", "https://example.org/", "--workers", "2", "--out", str(out)],
                   timeout=60)
    assert proc.returncode == 1 and "--frontier" in proc.stderr
    assert not out.exists()


def test_scrapy_crawl_with_frontier_setting(demo_server, demo_output, redis_server,
                                            tmp_path) -> None:
    """`scrapy crawl health -s HEALTHCRAWL_FRONTIER=...` is a worker too (here alone, on the
    default SQLite store): the run folder is built from the store, as by `healthcrawl`."""
    out = tmp_path / "out"
    proc = run_scrapy(["-a", "site=demo", "-a", f"url={demo_server.base_url}",
                       "-s", f"HEALTHCRAWL_FRONTIER={redis_server.url}", *QUICK], out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    run_dir = (out / "latest").resolve()
    summary = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert summary["source"] == "frontier" and summary["exit_code"] == 0
    assert ids_of(run_dir) == ids_of(demo_output / "latest")
    assert (out / "healthcrawl.sqlite").is_file()


# -- politeness across the cluster -------------------------------------------------------------
class CountingSite(BaseHTTPRequestHandler):
    """A small site (an index linking to 40 pages, each linking to the next ones) that
    records how many requests it serves at once, and how often robots.txt is asked for.
    Pages wait (up to 20 s each, under DOWNLOAD_TIMEOUT) until `ready` is set: the test sets
    it when both workers are in the run, so on a loaded machine the first worker does not
    crawl the whole site while the second is still starting."""

    lock = threading.Lock()
    ready = threading.Event()
    active = 0
    peak = 0
    robots = 0
    pages = 0

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        cls = type(self)
        if self.path != "/robots.txt":
            cls.ready.wait(timeout=20)
        with cls.lock:
            cls.active += 1
            cls.peak = max(cls.peak, cls.active)
            if self.path == "/robots.txt":
                cls.robots += 1
            else:
                cls.pages += 1
        try:
            # long enough for two requests to overlap if they may, and for the crawl to last
            # a few of the workers' ticks (HEALTHCRAWL_FRONTIER_POLL_S 0.5), when an idle
            # worker asks the queue again
            time.sleep(0.1)
            if self.path == "/robots.txt":
                body = b"User-agent: *\nAllow: /\n"
                ctype = "text/plain"
            else:
                n = int(self.path.strip("/").removeprefix("p") or 0) if self.path != "/" else 0
                # the index links to all 40 (more than one worker takes at once: both
                # workers get some), each page to the next 5
                last = 40 if n == 0 else min(40, n + 5)
                links = "".join(f'<a href="/p{i}">page {i}</a> ' for i in range(n + 1, last + 1))
                body = (f"<html><head><title>Page {n}</title></head><body><p>Page {n}.</p>"
                        f"{links}</body></html>").encode()
                ctype = "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        finally:
            with cls.lock:
                cls.active -= 1

    def log_message(self, *args) -> None:
        pass


@pytest.mark.parametrize("per_host", [1, 2])
def test_two_workers_never_exceed_the_host_concurrency(per_host, redis_server, database,
                                                       tmp_path) -> None:
    """Per host, at most CONCURRENT_REQUESTS_PER_DOMAIN requests at once across both workers
    (2: the server does see two at once, so it would see a breach of 1)."""
    CountingSite.active = CountingSite.peak = CountingSite.robots = CountingSite.pages = 0
    CountingSite.ready.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), CountingSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def open_when_both_joined() -> None:
        with contextlib.suppress(AssertionError):
            wait_for_workers(redis_server.url, 2, [], timeout=240)
        CountingSite.ready.set()  # else the assertions below say what went wrong

    threading.Thread(target=open_when_both_joined, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        proc = run_cli(["crawl", url, "--frontier", redis_server.url, "--store", database,
                        "--out", str(tmp_path / "out"), "--workers", "2",
                        "--allow-private-hosts", "127.0.0.1", *QUICK,
                        "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0",
                        "-s", "CONCURRENT_REQUESTS=8",
                        "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={per_host}",
                        "-s", "HEALTHCRAWL_MIN_BODY_CHARS=1"], timeout=300)
    finally:
        server.shutdown()
    assert proc.returncode in (0, 2), proc.stderr[-3000:]  # tiny pages: quality bars aside
    assert CountingSite.pages >= 41  # the index and its 40 pages (and sitemap.xml's 404)
    assert CountingSite.peak == per_host, f"{CountingSite.peak} requests at once"
    assert CountingSite.robots == 1  # robots.txt once per host for the whole run
    assert leased_per_worker(proc.stderr) == 2  # both workers fetched


def test_sigterm_to_workers_command_stops_all_and_the_run_resumes(
        demo_server, demo_output, own_redis, database, tmp_path) -> None:
    """`--workers 2` passes SIGTERM on to its workers (each stops as a Scrapy crawl does, the
    command exits 3: interrupted); the same command again resumes the run to the end."""
    import psutil

    out = tmp_path / "out"
    # A cluster-wide delay of 0.1 s between requests (crawler/frontier/politeness.py): the
    # ~300 URLs take 30 s at least, so the crawl is still going when both workers are in.
    args = [*crawl_args(demo_server.base_url, own_redis.url, database, out,
                        "-s", "DOWNLOAD_DELAY=0.1"), "--workers", "2"]
    log = tmp_path / "first.log"
    parent = start_worker(args, log)
    try:
        # Both workers in the run and crawling (conditions, not sleeps: on a loaded machine
        # the second may still be starting when the first has crawled dozens of pages).
        wait_for_workers(own_redis.url, 2, [parent])
        wait_for_outcomes(database, 60, [parent])
        children = psutil.Process(parent.pid).children()
        assert len(children) == 2
        assert finished_urls(database) < 300  # mid-crawl
        parent.send_signal(signal.SIGTERM)
        assert parent.wait(timeout=300) == 3, log.read_text()[-3000:]
        gone, alive = psutil.wait_procs(children, timeout=30)
        assert not alive
    finally:
        if parent.poll() is None:
            parent.kill()
    # The resume without the delay (politeness is not part of the run's extraction settings).
    resume = [*crawl_args(demo_server.base_url, own_redis.url, database, out), "--workers", "2"]
    proc = run_cli(resume, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Resuming" in proc.stderr or "Joining" in proc.stderr
    assert_same_run_as_single_process(out, database, demo_output / "latest")


class RedirectSite(BaseHTTPRequestHandler):
    """A shortlink (/go/1, 301) to a page that links to two more. The first request for the
    target is held until `release` is set, and `held` says it arrived: the worker fetching it
    has claimed the target for the run (crawler/frontier/urls.py CLAIM) and can be killed
    right there."""

    held = threading.Event()
    release = threading.Event()
    served: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        cls = type(self)
        cls.served.append(self.path)
        if self.path == "/go/1":
            self.send_response(301)
            self.send_header("Location", "/a1.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/a1.html" and not cls.held.is_set():
            cls.held.set()
            cls.release.wait(timeout=60)
        links = {"/": ["/go/1"], "/a1.html": ["/a2.html", "/a3.html"]}.get(self.path, [])
        if self.path == "/robots.txt" or self.path.endswith(".xml"):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = (f"<html><head><title>Page {self.path}</title></head><body><h1>Page "
                f"{self.path}</h1><p>{'A paragraph of text. ' * 20}</p>"
                + "".join(f'<a href="{u}">{u}</a> ' for u in links)
                + "</body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_a_redirect_claimed_by_a_killed_worker_is_followed_by_the_next(own_redis, database,
                                                                      tmp_path) -> None:
    """A worker meets a shortlink's redirect, claims its target for the run and is killed
    while fetching it. The next worker takes the shortlink's lease, meets the same redirect
    and fetches the target: the page and the pages only it links to are crawled (before,
    the redirect was refused as a duplicate of the dead worker's claim and all three were
    lost to the run, which still ended "complete")."""
    import psycopg

    RedirectSite.held.clear()
    RedirectSite.release.clear()
    RedirectSite.served = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), RedirectSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    args = ["crawl", url, "--frontier", own_redis.url, "--store", database,
            "--out", str(tmp_path / "out"), "--allow-private-hosts", "127.0.0.1", *QUICK,
            "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0",
            "-s", "HEALTHCRAWL_MIN_BODY_CHARS=1"]
    first = start_worker(args, tmp_path / "w0.log")
    try:
        assert RedirectSite.held.wait(timeout=120), (tmp_path / "w0.log").read_text()[-3000:]
        first.send_signal(signal.SIGKILL)
        assert first.wait(timeout=30) == -signal.SIGKILL
        RedirectSite.release.set()
        proc = run_cli(args, timeout=300)
    finally:
        RedirectSite.release.set()
        if first.poll() is None:
            first.kill()
        server.shutdown()
    assert proc.returncode in (0, 2), proc.stderr[-3000:]  # tiny pages: quality bars aside
    with psycopg.connect(database, autocommit=True) as conn:
        outcomes = dict(conn.execute("SELECT url, outcome FROM ledger").fetchall())
    assert outcomes.get(url + "go/1") == "stored", outcomes
    for page in ("a2.html", "a3.html"):
        assert outcomes.get(url + page) == "stored", outcomes
    assert RedirectSite.served.count("/a1.html") == 2  # the killed worker's, the next one's
