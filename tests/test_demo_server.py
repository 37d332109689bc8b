"""The demo server over real HTTP on 127.0.0.1: pages, redirects, 404, robots, charsets,
keep-alive and a concurrent load like a Scrapy crawl's."""
from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from crawler.demo import DemoServer, ensure_site, load_expected, serve_forever
from crawler.demo.routes import load_routes

pytestmark = pytest.mark.slow  # a real server on 127.0.0.1


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return ensure_site(300, tmp_path_factory.mktemp("demo-srv"))


@pytest.fixture(scope="module")
def server(site):
    with DemoServer(site) as srv:
        yield srv


def _raw(server: DemoServer, method: str, path: str, headers: dict | None = None):
    """One request without following redirects: (status, headers, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request(method, path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def test_base_url(server):
    assert server.base_url == f"http://127.0.0.1:{server.port}/"
    assert server.port > 0


def test_serves_articles_with_their_charset(server, site):
    expected = load_expected(site, server.base_url)
    for family, charset in (("keepto", "utf-8"), ("wp", "utf-8"), ("zh", "GBK")):
        record = next(r for r in expected if r["family"] == family)
        with urllib.request.urlopen(record["url"], timeout=10) as resp:
            assert resp.status == 200
            assert resp.headers["Content-Type"] == f"text/html; charset={charset}"
            body = resp.read()
        assert record["title"] in body.decode(charset)


def test_directory_paths_serve_index_html(server):
    status, headers, body = _raw(server, "GET", "/blog/page/2/")
    assert status == 200 and b"Blog - Page 2" in body
    status, headers, _ = _raw(server, "GET", "/blog/page/2")
    assert status == 301 and headers["location"].endswith("/blog/page/2/")


def test_shortlink_redirects_301_to_an_article(server, site):
    target = load_routes(site)["redirects"]["/go/1"]
    status, headers, _ = _raw(server, "GET", "/go/1")
    assert status == 301
    assert headers["location"] == f"http://127.0.0.1:{server.port}{target}"
    with urllib.request.urlopen(server.base_url + "go/1", timeout=10) as resp:
        assert resp.url == server.base_url.rstrip("/") + target


def test_missing_page_is_404_with_the_404_page(server):
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(server.base_url + "health-tips.html", timeout=10)
    assert err.value.code == 404
    assert b"404 Not Found" in err.value.read()


def test_generator_files_are_not_served(server):
    for path in ("/expected.jsonl", "/routes.json", "/.complete"):
        assert _raw(server, "GET", path)[0] == 404, path
    assert _raw(server, "GET", "/../routes.json")[0] == 400


def test_robots_and_sitemap_carry_the_real_base_url(server):
    status, headers, body = _raw(server, "GET", "/robots.txt")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    assert b"Disallow: /private/" in body
    assert f"Sitemap: {server.base_url}sitemap.xml".encode() in body
    status, headers, body = _raw(server, "GET", "/sitemap.xml")
    assert status == 200 and headers["content-type"].startswith("text/xml")
    assert body.count(b"<loc>") == 300
    assert f"<loc>{server.base_url}keepto/".encode() in body
    assert b"127.0.0.1:8765" not in body or server.port == 8765


def test_sitemap_names_the_host_the_client_used(server):
    _, _, body = _raw(server, "GET", "/sitemap.xml", {"Host": f"localhost:{server.port}"})
    assert body.count(f"<loc>http://localhost:{server.port}/".encode()) == 300


def test_private_page_exists_but_is_disallowed(server):
    assert _raw(server, "GET", "/private/secret.html")[0] == 200


def test_head_and_unsupported_methods(server):
    status, headers, body = _raw(server, "HEAD", "/about.html")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0
    status, headers, _ = _raw(server, "POST", "/about.html")
    assert status == 405 and headers["allow"] == "GET, HEAD"


def test_keep_alive_serves_many_requests_on_one_connection(server):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        for path in ("/", "/about.html", "/keepto/list_1.html", "/zh/list_1.shtml"):
            conn.request("GET", path)
            resp = conn.getresponse()
            assert resp.status == 200 and resp.getheader("Connection") == "keep-alive"
            resp.read()
    finally:
        conn.close()


def test_connection_close_is_honoured(server):
    status, headers, _ = _raw(server, "GET", "/", {"Connection": "close"})
    assert status == 200 and headers["connection"] == "close"


def test_concurrent_load_like_a_crawl(server, site):
    """32 keep-alive connections fetch every article twice: all 200 (each request within the
    client's timeout; how fast is for the benchmarks to say)."""
    paths = [r["path"] for r in load_expected(site, server.base_url)] * 2

    def fetch(chunk: list[str]) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        ok = 0
        for path in chunk:
            conn.request("GET", path)
            resp = conn.getresponse()
            ok += resp.status == 200 and len(resp.read()) > 30_000
        conn.close()
        return ok

    with ThreadPoolExecutor(32) as pool:
        ok = sum(pool.map(fetch, [paths[i::32] for i in range(32)]))
    assert ok == len(paths)


def test_stop_closes_the_port(site):
    srv = DemoServer(site).start()
    port = srv.port
    srv.stop()
    with pytest.raises(OSError):
        http.client.HTTPConnection("127.0.0.1", port, timeout=2).connect()


def test_serve_forever_reports_its_url_and_stops(tmp_path):
    ready: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=serve_forever, kwargs=dict(
        port=0, articles=9, root=tmp_path, ready=ready.append, stop=stop))
    thread.start()
    try:
        for _ in range(100):
            if ready:
                break
            time.sleep(0.05)
        assert ready and ready[0].startswith("http://127.0.0.1:")
        with urllib.request.urlopen(ready[0], timeout=10) as resp:
            assert resp.status == 200
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()


def test_stop_with_idle_keep_alive_connections_logs_no_error(site, caplog):
    # a crawler's keep-alive connections are open and idle when the server stops: their
    # handlers end quietly (Python 3.11 logged each cancelled one as an error in a callback)
    srv = DemoServer(site).start()
    conns = [http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10) for _ in range(3)]
    try:
        for conn in conns:
            conn.request("GET", "/robots.txt")
            assert conn.getresponse().read()  # answered; the connection stays open
    finally:
        with caplog.at_level("DEBUG", logger="asyncio"):
            srv.stop()
        for conn in conns:
            conn.close()
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == []
