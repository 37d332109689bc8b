"""A deliberately misbehaving HTTP/1.1 server on a loopback address, for fault-injection crawls.

It speaks just enough HTTP (one request per connection, `Connection: close`) and hands each
request to a route: a coroutine that writes whatever it likes to the raw stream, so a route
can stall, dribble, cut a body short, reset the connection (SO_LINGER 0), lie in its headers
or stream 50 MB without holding it in memory. Every request is logged (`requests`), so a test
can assert that a server was *not* contacted.

    with FaultServer({"/": page(b"<html>...")}, host="127.0.0.1") as srv:
        srv.url("/")            # http://127.0.0.1:PORT/
        srv.hits("/")           # how many times "/" was requested
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import struct
import threading
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 307: "Temporary Redirect",
           404: "Not Found", 500: "Internal Server Error", 503: "Service Unavailable"}
HTML = "text/html; charset=utf-8"


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)


Route = Callable[[Request, asyncio.StreamWriter], Awaitable[None]]


def head(status: int, headers: list[tuple[str, str]] | tuple = ()) -> bytes:
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}", "Connection: close",
             *(f"{k}: {v}" for k, v in headers)]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


# -- routes ------------------------------------------------------------------------------
def page(body: bytes, content_type: str | None = HTML, status: int = 200,
         extra: tuple[tuple[str, str], ...] = ()) -> Route:
    """A complete response; content_type None sends no Content-Type header at all."""
    headers = [("Content-Length", str(len(body))), *extra]
    if content_type is not None:
        headers.insert(0, ("Content-Type", content_type))

    async def route(req: Request, w: asyncio.StreamWriter) -> None:
        w.write(head(status, headers) + body)
        await w.drain()
    return route


def status(code: int) -> Route:
    return page(f"<html><body><h1>{code}</h1></body></html>".encode(), status=code)


def redirect(location: str, code: int = 302) -> Route:
    return page(b"", status=code, extra=(("Location", location),))


def never() -> Route:
    """Accept the request and never answer (the crawler's DOWNLOAD_TIMEOUT must fire)."""
    async def route(req: Request, w: asyncio.StreamWriter) -> None:
        await asyncio.sleep(3600)
    return route


def flaky(first: Route, then: Route, failures: int = 1) -> Route:
    """`first` for the first `failures` requests, `then` afterwards (a retry succeeds)."""
    seen = 0

    async def route(req: Request, w: asyncio.StreamWriter) -> None:
        nonlocal seen
        seen += 1
        await (first if seen <= failures else then)(req, w)
    return route


def dribble(body: bytes, interval: float) -> Route:
    """Headers at once, then the body one byte per `interval` seconds (slower than the
    crawler's timeout: the response starts but never finishes in time)."""
    async def route(req: Request, w: asyncio.StreamWriter) -> None:
        w.write(head(200, [("Content-Type", HTML), ("Content-Length", str(len(body)))]))
        await w.drain()
        for i in range(len(body)):
            w.write(body[i:i + 1])
            await w.drain()
            await asyncio.sleep(interval)
    return route


def reset_mid_body(body: bytes) -> Route:
    """Headers (with the full Content-Length) and half the body, then a TCP RST."""
    async def route(req: Request, w: asyncio.StreamWriter) -> None:
        w.write(head(200, [("Content-Type", HTML), ("Content-Length", str(len(body)))]))
        w.write(body[:len(body) // 2])
        await w.drain()
        await asyncio.sleep(0.2)  # let the client read the half body before the reset
        rst(w)
    return route


def reset_now() -> Route:
    """Read the request, answer nothing, reset the connection."""
    async def route(req: Request, w: asyncio.StreamWriter) -> None:
        rst(w)
    return route


def truncated(body: bytes, claimed: int) -> Route:
    """Content-Length says `claimed` bytes, the server sends `body` and closes cleanly (FIN)."""
    async def route(req: Request, w: asyncio.StreamWriter) -> None:
        w.write(head(200, [("Content-Type", HTML), ("Content-Length", str(claimed))]) + body)
        await w.drain()
    return route


def huge(size: int, declare_length: bool, chunk: int = 256 * 1024) -> Route:
    """`size` bytes of HTML-ish filler, streamed in chunks (never held in memory). Without a
    declared length the body ends when the connection closes."""
    filler = (b"<p>" + b"x" * (chunk - 8) + b"</p>\n")[:chunk]

    async def route(req: Request, w: asyncio.StreamWriter) -> None:
        headers = [("Content-Type", HTML)]
        if declare_length:
            headers.append(("Content-Length", str(size)))
        w.write(head(200, headers) + b"<html><body>")
        sent = 0
        while sent < size:
            n = min(chunk, size - sent)
            w.write(filler[:n])
            sent += n
            await w.drain()  # ConnectionResetError when the crawler gives up: expected
    return route


def gzip_bomb(size: int) -> bytes:
    """A gzip member that inflates to `size` bytes of zeros, built chunk by chunk."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip container
    zeros = bytes(1 << 20)
    parts = [comp.compress(zeros) for _ in range(size >> 20)]
    parts.append(comp.flush())
    return b"".join(parts)


def rst(w: asyncio.StreamWriter) -> None:
    sock = w.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    w.transport.abort()


# -- the server --------------------------------------------------------------------------
class FaultServer:
    """Routes by exact path (query string ignored); unknown paths answer 404."""

    def __init__(self, routes: dict[str, Route], host: str = "127.0.0.1", port: int = 0):
        self.routes = dict(routes)
        self.host = host
        self.port = port
        self.requests: list[Request] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._tasks: set[asyncio.Task] = set()

    # lifecycle
    def start(self) -> FaultServer:
        ready = threading.Event()
        error: list[BaseException] = []

        def run() -> None:
            loop = self._loop = asyncio.new_event_loop()
            try:
                self._server = loop.run_until_complete(
                    asyncio.start_server(self._serve, self.host, self.port))
            except BaseException as exc:  # noqa: BLE001 - reported to the starting thread
                error.append(exc)
                ready.set()
                loop.close()
                return
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            loop.run_forever()
            loop.close()

        self._thread = threading.Thread(target=run, name=f"fault-server-{self.host}",
                                        daemon=True)
        self._thread.start()
        ready.wait(10)
        if error:
            raise error[0]
        return self

    def stop(self) -> None:
        if self._loop is None or self._thread is None:
            return

        async def shutdown() -> None:
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            self._loop.stop()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop)
        self._thread.join(10)
        self._loop = None

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # views
    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    # serving
    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        self._tasks.add(task)
        try:
            raw = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
            lines = raw.decode("latin-1").split("\r\n")
            method, target, _version = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    k, v = line.split(":", 1)
                    headers[k.strip().lower()] = v.strip()
            req = Request(method, target.split("?", 1)[0], headers)
            self.requests.append(req)  # list.append is atomic: safe to read from the test
            route = self.routes.get(req.path) or status(404)
            await route(req, writer)
        except (asyncio.IncompleteReadError, asyncio.TimeoutError, ConnectionError,
                asyncio.LimitOverrunError, ValueError):
            pass  # a client that hung up or sent garbage; nothing to answer
        except asyncio.CancelledError:
            pass
        finally:
            self._tasks.discard(task)
            if not writer.transport.is_closing():
                with contextlib.suppress(Exception):
                    writer.close()
