"""Freed C heap handed back to the system (common/heap.py): while a crawl runs
(crawler/heaptrim.py, every HEALTHCRAWL_HEAP_TRIM_S) and before the Parquet export loads
pyarrow at close (pipelines/export/parquet_spool.py)."""
from __future__ import annotations

import ctypes
import platform
from pathlib import Path

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler
from twisted.internet import task

import common.heap as heap
import crawler.heaptrim as heaptrim
import pipelines.export.parquet_spool as parquet_spool
from common.default_settings import DEFAULTS

GLIBC = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
BLOCK = 64 * 1024  # under glibc's initial mmap threshold: from the heap, not mmap
BLOCKS = 1600  # 100 MB


def rss_kb() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not GLIBC, reason="malloc_trim is glibc's")
def test_freed_heap_below_a_live_block_goes_back_to_the_system() -> None:
    """glibc's free keeps the pages of a freed block resident while a live block sits above
    it in the heap (here a small one after each); trim_heap hands them back."""
    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    blocks, pins = [], []
    for _ in range(BLOCKS):
        blocks.append(libc.malloc(BLOCK))
        pins.append(libc.malloc(4096))
    try:
        for block in blocks:
            ctypes.memset(block, 1, BLOCK)  # resident
        for block in blocks:
            libc.free(block)
        before = rss_kb()
        assert heap.trim_heap() is True
        assert before - rss_kb() > BLOCKS * BLOCK // 1024 // 2
    finally:
        for pin in pins:
            libc.free(pin)


def test_trim_heap_is_a_no_op_without_malloc_trim(monkeypatch) -> None:
    monkeypatch.setattr(heap, "_malloc_trim", lambda: None)
    assert heap.trim_heap() is False


def test_the_crawl_trims_at_every_interval(monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(heaptrim, "trim_heap", lambda: calls.append(1))
    crawler = get_crawler(settings_dict={"HEALTHCRAWL_HEAP_TRIM_S": 10})
    ext = heaptrim.HeapTrim.from_crawler(crawler)
    ext.loop.clock = clock = task.Clock()
    ext.engine_started()
    clock.advance(9)
    assert calls == []
    clock.advance(1)
    clock.advance(10)
    assert len(calls) == 2
    ext.engine_stopped()
    clock.advance(30)
    assert len(calls) == 2


def test_heap_trim_default_and_off() -> None:
    assert DEFAULTS["HEALTHCRAWL_HEAP_TRIM_S"] > 0
    with pytest.raises(NotConfigured):
        heaptrim.HeapTrim.from_crawler(get_crawler(settings_dict={"HEALTHCRAWL_HEAP_TRIM_S": 0}))


def test_parquet_commit_trims_before_converting(tmp_path: Path, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(parquet_spool, "trim_heap", lambda: calls.append(1))
    writer = parquet_spool.SpooledParquetWriter(tmp_path)
    writer.commit()
    assert calls == [1]
    assert (tmp_path / "articles.parquet").exists()

