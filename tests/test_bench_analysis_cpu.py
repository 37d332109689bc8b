"""bench/analysis_cpu.py: the pages it reads and the learning path it replays."""
from __future__ import annotations

from bench.analysis_cpu import BASE, run_learned, run_profiled, site_pages


def test_every_html_page_of_the_site_with_its_charset(demo_site):
    pages = site_pages(demo_site, seed=1)
    urls = {url for url, _body, _charset in pages}
    assert f"{BASE}/" in urls and f"{BASE}/404.html" not in urls
    assert not any("/static/" in url for url in urls)
    assert all(charset == ("GBK" if url.startswith(f"{BASE}/zh/") else "utf-8")
               for url, _body, charset in pages)
    assert [u for u, _b, _c in site_pages(demo_site, seed=1)] == [u for u, _b, _c in pages]


def test_the_learning_path_learns_and_gives_the_profiled_records(demo_site):
    pages = sorted((p for p in site_pages(demo_site, seed=1) if "/journal/" in p[0]),
                   key=lambda p: p[0])[:24]
    learned, stats = run_learned(pages)
    profiled, _ = run_profiled(pages)
    assert stats["learner"]["hosts"] == 1 and stats["pages_by_path"]["learned"] >= 10
    for got, want in zip(learned, profiled, strict=True):
        if want.record is not None and got.extractor.startswith("learned"):
            assert got.record["title"] == want.record["title"]
            assert got.record["body"] == want.record["body"]
