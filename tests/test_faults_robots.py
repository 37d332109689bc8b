"""robots.txt edge cases of RFC 9309 (crawler/middlewares/robots.py), as real crawls: a 5.6 MB
robots.txt is read up to 500 KiB only (the rest ignored, each URL check stays cheap); a
robots.txt that redirects, also to another origin, is followed up to five hops; more hops
count as unavailable (allow all)."""
from __future__ import annotations

import time

import pytest
from faults import harness
from faults.server import FaultServer, page, redirect, status
from faults.site import build_small
from protego import Protego

from crawler.middlewares.robots import MAX_BYTES, capped

TEXT = "text/plain"
RULES = 180_000  # about 5.6 MB, as found on a real site


def big_robots() -> bytes:
    """180,000 Disallow rules for pages that do not exist; the last one, far beyond 500 KiB,
    disallows /health/good-2: a crawler that reads it all refuses that page."""
    lines = ["User-agent: *"] + [f"Disallow: /archive/2009/{n:06d}/printable-page.html"
                                 for n in range(RULES)] + ["Disallow: /health/good-2", ""]
    return "\n".join(lines).encode()


GOOD_2_ONLY = b"User-agent: *\nDisallow: /health/good-2\n"


def chain(server: FaultServer, hops: int, final: str) -> None:
    """/robots.txt redirects `hops` times in all; the last hop leads to `final`."""
    paths = ["/robots.txt"] + [f"/robots-hop-{i}.txt" for i in range(1, hops)]
    for here, there in zip(paths, paths[1:] + [final], strict=True):
        server.routes[here] = redirect(there if there.startswith("http") else server.url(there),
                                       code=301)


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    """Four small sites (two articles each), crawled at once: robots.txt 404 (the
    baseline), 5.6 MB, five redirects ending on another origin, six redirects."""
    servers = {name: FaultServer({}).start()
               for name in ("baseline", "big", "hops5", "hops6", "elsewhere")}
    try:
        build_small(servers["baseline"], status(404))
        build_small(servers["big"], page(big_robots(), content_type=TEXT))
        elsewhere = servers["elsewhere"]
        elsewhere.routes["/robots.txt"] = page(GOOD_2_ONLY, content_type=TEXT)
        for name, hops in (("hops5", 5), ("hops6", 6)):
            build_small(servers[name], status(404))
            chain(servers[name], hops, elsewhere.url("/robots.txt"))
        out = tmp_path_factory.mktemp("robots")
        running = {name: harness.start(servers[name].url("/"), out / name)
                   for name in ("baseline", "big", "hops5", "hops6")}
        done = {name: harness.finish(crawl) for name, crawl in running.items()}
        for name, crawl in done.items():
            assert crawl.summary, (name, crawl.stderr[-3000:])
        yield done, servers
    finally:
        for server in servers.values():
            server.stop()


def _outcome(crawl, server, path):
    return crawl.ledger().get(server.url(path))


@pytest.mark.slow  # crawls of fault servers
def test_big_robots_txt_is_read_up_to_500_kib(crawls):
    done, servers = crawls
    crawl, server = done["big"], servers["big"]
    assert server.hits("/robots.txt") == 1
    assert _outcome(crawl, server, "/health/good-1") == "stored"
    # The rule for good-2 is beyond 500 KiB: ignored, as RFC 9309 allows.
    assert _outcome(crawl, server, "/health/good-2") == "stored"
    assert "only the first 500 KiB are read" in crawl.stderr
    assert crawl.summary["status"] == "complete" and crawl.returncode == 0


@pytest.mark.slow  # crawls of fault servers
def test_big_robots_txt_costs_little_memory(crawls):
    """The own peak RSS of the crawl with the 5.6 MB robots.txt stays within 60 MB of the
    baseline crawl's (parsing all 180,000 rules took 460 MB)."""
    done, _servers = crawls
    assert done["baseline"].peak_mb > 50 and done["big"].peak_mb > 50  # real measurements
    assert done["big"].peak_mb - done["baseline"].peak_mb < 60, (
        done["big"].peak_mb, done["baseline"].peak_mb)


def test_capped_keeps_whole_lines():
    body = big_robots()
    head = capped(body)
    assert len(head) <= MAX_BYTES and head.endswith(b"\n")
    assert body.startswith(head) and len(body) > 5_000_000
    assert capped(b"short\n") == b"short\n"
    assert capped(b"x" * (MAX_BYTES + 10)) == b""  # no line end at all: nothing is half read


@pytest.mark.slow  # parses a 5.6 MB robots.txt: seconds
def test_a_check_against_the_capped_file_is_cheap():
    """What the cap buys, measured (printed with -s, not asserted: timing varies): the
    same URL check against the whole file and against its first 500 KiB."""
    body = big_robots()
    whole, head = Protego.parse(body.decode()), Protego.parse(capped(body).decode())
    url = "http://127.0.0.1/health/good-2"
    assert not whole.can_fetch(url, "healthcrawl") and head.can_fetch(url, "healthcrawl")
    timings = {}
    for name, rp in (("whole", whole), ("capped", head)):
        t0 = time.perf_counter()
        for _ in range(5):
            rp.can_fetch(url, "healthcrawl")
        timings[name] = (time.perf_counter() - t0) / 5 * 1000
    print(f"robots check: {timings['whole']:.1f} ms whole, {timings['capped']:.1f} ms capped")


@pytest.mark.slow  # crawls of fault servers
def test_redirects_to_another_origin_are_followed(crawls):
    """Five hops, the last to another port (another origin, as http -> https is): its rules
    apply. The other server is asked for robots.txt only."""
    done, servers = crawls
    crawl, server = done["hops5"], servers["hops5"]
    assert _outcome(crawl, server, "/health/good-1") == "stored"
    assert _outcome(crawl, server, "/health/good-2") == "robots_denied"
    assert server.hits("/health/good-2") == 0
    assert servers["elsewhere"].paths().count("/robots.txt") >= 1
    assert set(servers["elsewhere"].paths()) == {"/robots.txt"}
    assert crawl.counts["off_site"] == 0 and crawl.counts["refused"] == {}


@pytest.mark.slow  # crawls of fault servers
def test_more_than_five_redirects_count_as_unavailable(crawls):
    done, servers = crawls
    crawl, server = done["hops6"], servers["hops6"]
    assert server.hits("/robots-hop-5.txt") == 1
    assert _outcome(crawl, server, "/health/good-1") == "stored"
    assert _outcome(crawl, server, "/health/good-2") == "stored"
    assert "more than 5 redirects" in crawl.stderr
