"""Handing freed C heap back to the system (glibc's malloc_trim).

A crawl frees much of what it allocates through malloc (lxml's trees, response bodies,
Python objects above pymalloc's 512 bytes), but glibc keeps freed memory inside the heap
whenever a live chunk sits above it, and raises its mmap threshold after every large
block it frees (a 2 MB sitemap, a long page), so later big blocks land in the heap too.
RSS then holds freed pages the crawl never reuses: measured on the demo, a 20,000-URL
sitemap's tree left 15 MB of RSS behind after it was freed, and the crawl process sat
12-16 MB above its live data through a 20,000-article crawl (bench/README.md, "Flat
memory round"). `malloc_trim(0)` returns the free pages of every arena to the system; it
changes no object and costs a few milliseconds on a crawl's heap.
"""
from __future__ import annotations

import ctypes
import functools


@functools.cache
def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none (musl, macOS, Windows)."""
    try:
        # The process's own symbols, libc's among them (find_library would run ldconfig).
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def trim_heap() -> bool:
    """Return the C heap's free pages to the system; False where that cannot be done."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
