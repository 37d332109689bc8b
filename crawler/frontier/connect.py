"""HEALTHCRAWL_FRONTIER: a redis:// URL, checked and connected once, with a one-line error
(no traceback, no password) for a bad URL or a server that does not answer."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

SCHEMES = ("redis", "rediss")


class FrontierError(Exception):
    """The frontier cannot be used: a bad HEALTHCRAWL_FRONTIER or Redis unreachable. The
    message is one line."""


def frontier_url(settings: Any) -> str:
    return (settings.get("HEALTHCRAWL_FRONTIER") or "").strip()


def redacted(url: str) -> str:
    """The URL as it may be logged: a password is replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return parts._replace(netloc=user + netloc).geturl()


def check_url(url: str) -> None:
    """FrontierError unless `url` is redis://HOST[:PORT][/DB]."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FrontierError(f"HEALTHCRAWL_FRONTIER {redacted(url)!r}: {exc}") from None
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise FrontierError(f"HEALTHCRAWL_FRONTIER {redacted(url)!r} is not a "
                            "redis://HOST:PORT/DB URL")
    db = parts.path.strip("/")
    if db and not db.isdigit():
        raise FrontierError(f"HEALTHCRAWL_FRONTIER {redacted(url)!r}: the database must be a "
                            "number (redis://HOST:PORT/0)")
    del port


def connect(url: str, timeout_s: float = 5.0) -> Any:
    """A redis client for `url` that answered PING; FrontierError otherwise."""
    import redis

    check_url(url)
    client = redis.Redis.from_url(url, socket_timeout=timeout_s,
                                  socket_connect_timeout=timeout_s, health_check_interval=30)
    try:
        client.ping()
    except redis.RedisError as exc:
        client.close()
        raise FrontierError(f"frontier {redacted(url)}: {exc}") from None
    return client
