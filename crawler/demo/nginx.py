"""Serve the demo site with nginx instead of our Python server (benchmarks of 20,000 pages).

`nginx_config()` turns routes.json into an nginx config (redirects, 404 page, per-prefix
charset, base URL rewriting in robots.txt/sitemap.xml, hidden generator files);
`NginxDemoServer` runs nginx in the foreground with the same start/stop/base_url interface
as `DemoServer`. The binary is `nginx` on PATH, or the HEALTHCRAWL_NGINX environment variable.
"""
from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from .routes import load_routes

logger = logging.getLogger(__name__)


def nginx_config(site_dir: Path, port: int, work_dir: Path, host: str = "127.0.0.1",
                 extra_locations: tuple[str, ...] = ()) -> str:
    """`extra_locations` go first (tests use them to make parts of the site fail)."""
    routes = load_routes(site_dir)
    types: dict[str, list[str]] = {}
    for ext, ctype in routes["content_types"].items():
        types.setdefault(ctype, []).append(ext.lstrip("."))
    type_lines = "".join(f"    {ctype} {' '.join(exts)};\n" for ctype, exts in types.items())
    text_types = " ".join(t for t in types if t != "text/html" and not t.startswith("image/"))
    locations = list(extra_locations)
    for prefix, charset in routes["charsets"].items():
        if prefix != "/":
            locations.append(f"location ^~ {prefix} {{ charset {charset}; }}")
    for path, target in routes["redirects"].items():
        locations.append(f"location = {path} {{ return {routes['redirect_status']} {target}; }}")
    placeholder = routes["base_placeholder"]
    for path in routes["rewrite_base"]:
        locations.append(
            f"location = {path} {{ sub_filter '{placeholder}' '$scheme://$http_host'; "
            f"sub_filter_once off; sub_filter_types *; }}")
    for path in routes.get("hidden", ()):
        locations.append(f"location = {path} {{ return 404; }}")
    locations.append(r"location ~ /\. { return 404; }")  # the generator's stamp file
    user = ""
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # workers must read the (0700) folder
        import pwd

        user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n"
    temp = "".join(f"  {name}_temp_path {work_dir}/{name};\n"
                   for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    body = "\n".join(f"    {line}" for line in locations)
    return (
        f"{user}daemon off;\nworker_processes auto;\npid {work_dir}/nginx.pid;\n"
        "error_log stderr warn;\nevents { worker_connections 4096; }\nhttp {\n"
        f"  access_log off;\n{temp}  types {{\n{type_lines}  }}\n"
        "  default_type application/octet-stream;\n  sendfile on;\n  tcp_nopush on;\n"
        "  keepalive_timeout 15;\n  keepalive_requests 100000;\n"
        f"  charset_types {text_types};\n  server {{\n    listen {host}:{port};\n"
        f"    root {Path(site_dir).resolve()};\n    index index.html;\n"
        f"    charset {routes['charsets'].get('/', 'utf-8')};\n"
        f"    error_page 404 {routes['not_found_page']};\n{body}\n  }}\n}}\n"
    )


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def nginx_binary() -> str | None:
    return os.environ.get("HEALTHCRAWL_NGINX") or shutil.which("nginx")


class NginxDemoServer:
    """`with NginxDemoServer(site_dir) as s: crawl(s.base_url)`; nginx in a child process."""

    def __init__(self, site_dir: Path, host: str = "127.0.0.1", port: int = 0,
                 binary: str | None = None, extra_locations: tuple[str, ...] = ()) -> None:
        self.site_dir = Path(site_dir)
        self.extra_locations = extra_locations
        self.host, self.port = host, port or free_port(host)
        self.binary = binary or nginx_binary()
        self.base_url = f"http://{host}:{self.port}/"
        self._proc: subprocess.Popen | None = None
        self._work: Path | None = None

    def start(self) -> NginxDemoServer:
        if not self.binary:
            raise FileNotFoundError("nginx not found (install it or set HEALTHCRAWL_NGINX)")
        self._work = Path(tempfile.mkdtemp(prefix="healthcrawl-nginx-"))
        conf = self._work / "nginx.conf"
        conf.write_text(nginx_config(self.site_dir, self.port, self._work, self.host,
                                     self.extra_locations))
        self._proc = subprocess.Popen(
            [self.binary, "-e", "stderr", "-p", str(self._work), "-c", str(conf)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                err = self._proc.stderr.read().decode(errors="replace") if self._proc.stderr \
                    else ""
                raise RuntimeError(f"nginx exited: {err.strip()}")
            try:
                socket.create_connection((self.host, self.port), timeout=0.2).close()
                logger.info("nginx serving %s on %s", self.site_dir, self.base_url)
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not open its port")

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            if self._proc.stderr:
                self._proc.stderr.close()
            self._proc = None
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None

    def __enter__(self) -> NginxDemoServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
