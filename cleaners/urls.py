"""urljoin with a fast path: a plain root-relative href ("/section/page.html") is joined as
the base's scheme://netloc + href, which is exactly what urllib's urljoin returns for it
(~1 µs instead of ~8 µs; pages carry ~70 links). Everything else goes through urljoin."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

# No "//" (network path), no params / query / fragment, no tab or newline (urlsplit drops
# those); dot segments are checked apart ("/." anywhere).
_PLAIN_PATH = re.compile(r"/(?!/)[^;?#\t\r\n]*")


def is_plain_path(href: str) -> bool:
    return _PLAIN_PATH.fullmatch(href) is not None and "/." not in href


@lru_cache(maxsize=64)
def origin_prefix(base: str) -> str | None:
    """"scheme://netloc" exactly as urljoin(base, "/path") writes it; None: use urljoin."""
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


def bare_host(url: str) -> str:
    """The URL's host, lowercased, without "www." ("https://www.Example.de/x" ->
    "example.de"); "" for a relative URL."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def join_url(base: str, href: str) -> str:
    """Same result as urllib.parse.urljoin(base, href)."""
    if base and is_plain_path(href):
        prefix = origin_prefix(base)
        if prefix is not None:
            return prefix + href
    return urljoin(base, href)
