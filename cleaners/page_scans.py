"""Whole-page scans that several metadata readers of one page share, made once per page
while `read_metadata` runs (cleaners/metadata.py opens `one_page()`).

An XPath over every element of a large page costs about half a millisecond to a
millisecond. The byline scan served two readers (the byline elements, the date on the
byline's line) and the date-element scan two calls (the printed and the attribute form), on
exactly the pages where every other source of a date is silent (a quarter of the demo site's
pages, many real ones). Outside `one_page()` every call scans, as before.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .headline import after_headline

_MEMO: ContextVar[dict | None] = ContextVar("page_scans", default=None)


@contextmanager
def one_page() -> Iterator[None]:
    """Scans made inside are kept until it closes (the tree must not change meanwhile)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def from_headline(root, xpath) -> list:
    """`after_headline(root, xpath(root))`: the elements the XPath finds, those from the
    headline on first; once per page and XPath inside `one_page()`. Callers must not change
    the list."""
    memo = _MEMO.get()
    if memo is None:
        return after_headline(root, xpath(root))
    key = (id(root), id(xpath))
    found = memo.get(key)
    if found is None:
        found = memo[key] = after_headline(root, xpath(root))
    return found
