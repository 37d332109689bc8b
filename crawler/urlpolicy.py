"""Which URLs healthcrawl may fetch. Pure functions, shared by the spider (before a Request is
built) and the downloader middleware (for redirects)."""
from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})
# Numbers in decimal, octal or hex, up to four parts ("1.2.3.4", "0x7f.1", "2130706433").
_LEGACY_IPV4 = re.compile(r"(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}")
_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost",
                          "ip6-loopback"})


def parse_allowed_hosts(value) -> frozenset[str]:
    if isinstance(value, (list, tuple, set, frozenset)):
        items = value
    else:
        items = str(value or "").split(",")
    return frozenset(h.strip().lower().strip("[]") for h in items if h.strip())


def is_private_host(host: str) -> bool:
    """True for loopback, private, link-local, reserved and unspecified addresses (IPv4 and
    IPv6) and local names. Hostnames are not resolved here (no blocking DNS on the hot path)."""
    host = (host or "").lower().strip("[]").rstrip(".")  # "localhost." is localhost
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        ip = _legacy_ipv4(host)
        if ip is None:
            return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved \
        or ip.is_unspecified or ip.is_multicast


def _legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 forms the system resolver accepts besides dotted quads: "127.1",
    "2130706433", "0x7f000001", "0177.0.0.1" (inet_aton); None for a hostname."""
    if not _LEGACY_IPV4.fullmatch(host):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def refusal(url: str, allowed_private: frozenset[str]) -> str | None:
    """Why a URL must not be fetched (outcome name), or None when it may be."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "bad_url"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return "unsafe_scheme"
    if not host:
        return "bad_url"
    if is_private_host(host) and host not in allowed_private:
        return "private_host"
    return None


def origin(url: str) -> str:
    """scheme://host:port, the unit of "same site" (any other port is off-site)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{port}"
