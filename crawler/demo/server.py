"""A small HTTP/1.1 server for the demo site on 127.0.0.1 (asyncio in a background thread).

Python's `http.server` is too slow for a crawl at 16+ concurrent requests, so
this speaks just enough HTTP itself: GET/HEAD, keep-alive, 301/404 from routes.json, the
charset of each path prefix in Content-Type, files cached in memory.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
import posixpath
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .routes import content_type, file_for, load_routes

logger = logging.getLogger(__name__)

KEEPALIVE_TIMEOUT = 15.0  # seconds an idle connection stays open
_REASONS = {200: "OK", 301: "Moved Permanently", 304: "Not Modified", 400: "Bad Request",
            404: "Not Found", 405: "Method Not Allowed"}
Response = tuple[int, str, bytes, tuple[tuple[str, str], ...]]  # status, type, body, extra


class _ByteLRU:
    """Responses by path, evicting the least recently used beyond a byte budget (a 20,000
    article site is ~1 GB; the default budget keeps the hot part)."""

    def __init__(self, budget: int) -> None:
        self.budget, self.size = budget, 0
        self.items: OrderedDict[str, Response] = OrderedDict()

    def get(self, key: str) -> Response | None:
        hit = self.items.get(key)
        if hit is not None:
            self.items.move_to_end(key)
        return hit

    def put(self, key: str, value: Response) -> None:
        if len(value[2]) > self.budget:
            return
        self.items[key] = value
        self.size += len(value[2])
        while self.size > self.budget:
            _, old = self.items.popitem(last=False)
            self.size -= len(old[2])


class DemoServer:
    """Serve a generated demo site: `with DemoServer(site_dir) as s: fetch(s.base_url)`."""

    def __init__(self, site_dir: Path, host: str = "127.0.0.1", port: int = 0,
                 cache_bytes: int = 256 * 1024 * 1024) -> None:
        self.site_dir = Path(site_dir).resolve()
        self.routes = load_routes(self.site_dir)
        self.host, self.port = host, port
        self.base_url = ""
        self.requests = 0
        self._cache = _ByteLRU(cache_bytes)
        self._hidden = frozenset(self.routes.get("hidden", ()))
        self._rewrite = frozenset(self.routes.get("rewrite_base", ()))
        self._placeholder = self.routes["base_placeholder"].encode()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    # -- lifecycle --------------------------------------------------------------------------
    def start(self) -> DemoServer:
        ready = threading.Event()
        failure: list[BaseException] = []
        self._thread = threading.Thread(target=self._run, args=(ready, failure),
                                        name="demo-server", daemon=True)
        self._thread.start()
        ready.wait(10)
        if failure:
            raise failure[0]
        if not self.base_url:
            raise RuntimeError("demo server did not start")
        logger.info("Demo server on %s serving %s", self.base_url, self.site_dir)
        return self

    def _run(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            self._server = loop.run_until_complete(asyncio.start_server(
                self._handle, self.host, self.port, backlog=1024, reuse_address=True))
            self.port = self._server.sockets[0].getsockname()[1]
            self.base_url = f"http://{self.host}:{self.port}/"
        except OSError as exc:
            failure.append(exc)
            ready.set()
            loop.close()
            return
        ready.set()
        try:
            loop.run_forever()
        finally:
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        loop.call_soon_threadsafe(self._shutdown)
        thread.join(10)
        self._thread = None

    def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.close()
        self._loop.stop()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- HTTP -------------------------------------------------------------------------------
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                try:
                    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"),
                                                  KEEPALIVE_TIMEOUT)
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                        asyncio.TimeoutError, ConnectionError):
                    break
                request = _parse_head(head)
                if request is None:
                    writer.write(_encode(_error(400), keep_alive=False, head_only=False))
                    break
                method, target, version, headers = request
                length = headers.get("content-length", "0")
                if length.isdigit() and int(length):
                    await reader.readexactly(int(length))  # GET bodies are allowed, ignored
                keep = _keep_alive(version, headers.get("connection", ""))
                response = _conditional(self.respond(method, target, headers.get("host")),
                                        headers.get("if-none-match"))
                self.requests += 1
                logger.debug("%s %s -> %d", method, target, response[0])
                writer.write(_encode(response, keep_alive=keep, head_only=method == "HEAD"))
                await writer.drain()
                if not keep:
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        except asyncio.CancelledError:
            # the server stops with this keep-alive connection idle: end as a closed
            # connection does (asyncio's stream callback in Python 3.11 logs a cancelled
            # handler as an error)
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    def respond(self, method: str, target: str, host: str | None = None) -> Response:
        """The response to one request (no I/O besides reading the site's files)."""
        if method not in ("GET", "HEAD"):
            return _error(405, (("Allow", "GET, HEAD"),))
        parts = urlsplit(target)
        path = unquote(parts.path) or "/"
        if not path.startswith("/") or "\x00" in path or ".." in path.split("/"):
            return _error(400)
        if "/." in path:  # dotfiles (the generator's stamp) are not part of the site
            return self._not_found()
        redirect = self.routes["redirects"].get(path)
        if redirect is not None:
            return self._redirect(redirect, host)
        response = self._cache.get(path)
        if response is None:
            response = self._from_disk(path, parts.query, host)
            if response[0] == 301:
                return response
            self._cache.put(path, response)
        if path in self._rewrite and response[0] == 200:
            # Absolute URLs in robots.txt and sitemap.xml name the host the client asked for.
            status, ctype, body, extra = response
            body = body.replace(self._placeholder, self._origin(host).encode())
            return status, ctype, body, extra
        return response

    def _from_disk(self, path: str, query: str, host: str | None) -> Response:
        if path in self._hidden:
            return self._not_found()
        rel = posixpath.normpath(file_for(path))
        file = self.site_dir / rel
        if not path.endswith("/") and (self.site_dir / rel).is_dir():
            return self._redirect(path + "/" + (f"?{query}" if query else ""), host)
        try:
            body = file.read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return self._not_found()
        # A strong validator, so the crawler's second run can ask "changed?" (304 if not).
        etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
        return 200, content_type(path, self.routes), body, (("ETag", etag),)

    def _not_found(self) -> Response:
        page = self.routes.get("not_found_page")
        try:
            body = (self.site_dir / file_for(page)).read_bytes() if page else b""
        except FileNotFoundError:
            body = b""
        return 404, "text/html; charset=utf-8", body or b"Not Found\n", ()

    def _origin(self, host: str | None) -> str:
        return f"http://{host}" if host else self.base_url.rstrip("/")

    def _redirect(self, location: str, host: str | None) -> Response:
        origin = self._origin(host)
        status = self.routes.get("redirect_status", 301)
        body = f'<a href="{location}">Moved</a>\n'.encode()
        return status, "text/html; charset=utf-8", body, (("Location", origin + location),)


def _parse_head(head: bytes) -> tuple[str, str, str, dict[str, str]] | None:
    try:
        lines = head.decode("latin-1").split("\r\n")
        method, target, version = lines[0].split(" ")
    except ValueError:
        return None
    if not version.startswith("HTTP/1."):
        return None
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return method, target, version, headers


def _keep_alive(version: str, connection: str) -> bool:
    connection = connection.lower()
    if version == "HTTP/1.0":
        return "keep-alive" in connection
    return "close" not in connection


def _conditional(response: Response, if_none_match: str | None) -> Response:
    """304 Not Modified when the client's validator matches the page's ETag."""
    status, ctype, _body, extra = response
    if status == 200 and if_none_match:
        etag = dict(extra).get("ETag")
        if etag and etag in (v.strip() for v in if_none_match.split(",")):
            return 304, ctype, b"", extra
    return response


def _error(status: int, extra: tuple[tuple[str, str], ...] = ()) -> Response:
    return status, "text/plain; charset=utf-8", f"{status} {_REASONS[status]}\n".encode(), extra


def _encode(response: Response, keep_alive: bool, head_only: bool) -> bytes:
    status, ctype, body, extra = response
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'OK')}", "Server: healthcrawl-demo",
             f"Content-Type: {ctype}", f"Content-Length: {len(body)}",
             f"Connection: {'keep-alive' if keep_alive else 'close'}"]
    lines += [f"{name}: {value}" for name, value in extra]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head if head_only else head + body


def serve_forever(port: int = 8765, articles: int = 300, *, host: str = "127.0.0.1",
                  root: Path | None = None, ready: Callable[[str], None] | None = None,
                  stop: threading.Event | None = None) -> None:
    """`healthcrawl serve-demo`: generate (or reuse) the site and serve it until Ctrl-C or
    `stop` is set. `ready(base_url)` is called once the port is open (the CLI prints it)."""
    from .generator import ensure_site

    site = ensure_site(articles, root)
    with DemoServer(site, host, port) as server:
        logger.info("Serving the demo site (%d articles) at %s", articles, server.base_url)
        if ready is not None:
            ready(server.base_url)
        if stop is not None:
            stop.wait()
        else:
            while True:  # time.sleep is interrupted by Ctrl-C; the with block then stops
                time.sleep(3600)
