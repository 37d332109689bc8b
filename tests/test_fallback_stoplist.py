"""The trafilatura fallback's justext stop list is hashed once (cleaners/generic/fallback.py):
justext looks it up in an lru_cache on every rescue, and hashing the 154,000-word tuple
each time cost more than the rescue itself."""
from __future__ import annotations

import pytest

from cleaners.generic import fallback

external = pytest.importorskip("trafilatura.external")


def test_hash_once_keeps_a_tuples_equality_and_items():
    items = ("der", "the", "le")
    once = fallback.HashOnce(items)
    assert once == items and list(once) == list(items)
    assert hash(once) == hash(items)
    assert {once: 1}[once] == 1


def test_the_stop_list_trafilatura_loads_is_hashed_once(monkeypatch):
    monkeypatch.setattr(external, "JT_STOPLIST", None)
    monkeypatch.setattr(external, "jt_stoplist_init", lambda: ("a", "b"))
    fallback.hash_stoplist_once()
    fallback.hash_stoplist_once()  # idempotent: the loader is wrapped once
    assert external.JT_STOPLIST is None  # still loaded lazily, on the first rescue
    loaded = external.jt_stoplist_init()
    assert isinstance(loaded, fallback.HashOnce) and loaded == ("a", "b")
    assert external.JT_STOPLIST is loaded


def test_a_stop_list_loaded_before_is_wrapped(monkeypatch):
    monkeypatch.setattr(external, "JT_STOPLIST", ("x", "y"))
    fallback.hash_stoplist_once()
    assert isinstance(external.JT_STOPLIST, fallback.HashOnce)
    assert external.JT_STOPLIST == ("x", "y")


def test_a_rescue_reads_the_same_paragraphs():
    """The fallback's answer on a page justext rescues is what trafilatura gives with a
    plain stop list."""
    from lxml import html

    page = ("<html><body><div><p>" + "The patient should rest and drink water. " * 12 +
            "</p><p>" + "Doctors say that the pain goes away in a week or two. " * 10 +
            "</p></div></body></html>")
    got = fallback.trafilatura_paragraphs(html.fromstring(page))
    assert got and "The patient should rest" in got[0]
