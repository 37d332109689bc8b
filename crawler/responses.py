"""Small helpers on responses used by the spider."""
from __future__ import annotations


def charset_of(content_type: bytes) -> str | None:
    _, _, params = content_type.partition(b";")
    for param in params.split(b";"):
        key, _, value = param.strip().partition(b"=")
        if key.strip() == b"charset" and value:
            return value.strip(b"\"' ").decode("latin-1")
    return None


def snake_case(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")
