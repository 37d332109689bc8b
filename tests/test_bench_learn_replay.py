"""bench/learn_replay.py: generic analyses made once and cached, orders replayed through the
learner."""
from __future__ import annotations

import pickle

from bench.analysis_cpu import site_pages
from bench.learn_replay import generic_cache, replay


def test_generic_analyses_are_cached_and_an_order_learns(demo_site, tmp_path):
    pages = sorted((p for p in site_pages(demo_site, seed=1) if "/journal/" in p[0]),
                   key=lambda p: p[0])[:20]
    cache = tmp_path / "generic.pkl"
    generic = generic_cache(pages, cache)
    assert set(generic) == {url for url, _b, _c in pages}
    assert set(pickle.loads(cache.read_bytes())) == set(generic)
    again = generic_cache(pages, cache)  # read back, nothing analysed again
    assert {u: a.record for u, a in again.items()} == {u: a.record for u, a in generic.items()}
    result = replay(pages, generic)
    assert result["learner"]["hosts"] == 1 and result["pages_by_path"]["learned"] >= 10
    assert result["learner"]["pages"] >= result["pages_by_path"]["learned"]
