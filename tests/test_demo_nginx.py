"""routes.json as an nginx config, and (when nginx is installed) nginx serving the site
the way our own server does."""
from __future__ import annotations

import http.client
from pathlib import Path

import pytest

from crawler.demo import ensure_site
from crawler.demo.nginx import NginxDemoServer, nginx_binary, nginx_config
from crawler.demo.routes import load_routes

pytestmark = pytest.mark.slow  # starts nginx


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return ensure_site(30, tmp_path_factory.mktemp("demo-nginx"))


def test_config_carries_every_route(site, tmp_path):
    routes = load_routes(site)
    conf = nginx_config(site, 8123, tmp_path)
    assert "listen 127.0.0.1:8123;" in conf
    assert f"root {site.resolve()};" in conf
    assert "location ^~ /zh/ { charset GBK; }" in conf
    for path, target in routes["redirects"].items():
        assert f"location = {path} {{ return 301 {target}; }}" in conf
    assert "error_page 404 /404.html;" in conf
    assert conf.count("sub_filter 'http://127.0.0.1:8765' '$scheme://$http_host';") == 2
    assert "location = /expected.jsonl { return 404; }" in conf


@pytest.mark.skipif(not nginx_binary(), reason="nginx not installed (or HEALTHCRAWL_NGINX)")
def test_nginx_serves_like_the_demo_server(site):
    with NginxDemoServer(site) as server:
        def get(path: str):
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            conn.close()
            return resp.status, resp.getheader("Content-Type"), resp.getheader("Location"), body

        target = load_routes(site)["redirects"]["/go/1"]
        assert get("/go/1")[:3] == (301, "text/html", f"http://127.0.0.1:{server.port}{target}")
        assert get("/zh/list_1.shtml")[1] == "text/html; charset=GBK"
        assert get("/keepto/list_1.html")[1] == "text/html; charset=utf-8"
        assert get("/health-tips.html")[0] == 404
        assert get("/expected.jsonl")[0] == 404
        status, ctype, _, body = get("/robots.txt")
        assert status == 200 and f"Sitemap: {server.base_url}sitemap.xml".encode() in body
        assert get("/sitemap.xml")[3].count(server.base_url.encode()) == 30
