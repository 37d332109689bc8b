"""DedupePipeline: one record per article within a run, by id (canonical URL) and by
content hash (the same text under two URLs: print views, tracking parameters the
canonicalizer missed, syndicated copies). The first record seen wins."""
from __future__ import annotations

import re
from typing import Any

from scrapy.exceptions import NotConfigured

from common.intset import IntMap, IntSet

from .drops import DuplicateContent, DuplicateUrl, drop
from .fields import record_hash

# cleaners/record.py writes ids as 16 lowercase hex digits.
_HEX_ID = re.compile(r"[0-9a-f]{16}")


class DedupePipeline:
    def __init__(self, stats: Any = None):
        self.stats = stats
        # Both kept as 64-bit ints in compact arrays (common/intset.py: ~8 bytes an entry; as
        # a dict of Python ints 130-160 bytes an article, and pinning the heap). An id is its
        # 16 hex digits read exactly (anything else is kept as it is, apart); a content hash
        # is the 64-bit string hash of all its digits (the run's memory lives in one process,
        # so a per-process hash is enough), so two different texts are taken for one only
        # with odds ~n^2 / 2^65 (one in 10^11 at 20,000 articles).
        self._ids = IntSet("Q")
        self._hashes = IntMap("q", "Q")  # content key -> the first id's key
        self._odd_ids: set[str] = set()  # ids not of 16 hex digits (cleaners/record.py has none)
        self._odd_firsts: dict[int, str] = {}  # content key -> such an id

    @classmethod
    def from_crawler(cls, crawler: Any) -> DedupePipeline:
        if not crawler.settings.getbool("HEALTHCRAWL_DEDUPE_ENABLED"):
            raise NotConfigured("HEALTHCRAWL_DEDUPE_ENABLED is off")
        return cls(stats=crawler.stats)

    def process_item(self, item: Any) -> Any:
        rid = item["id"]
        id_key = _key(rid)
        ids = self._ids if isinstance(id_key, int) else self._odd_ids
        if id_key in ids:
            raise drop(self.stats, DuplicateUrl, item, f"id {rid} already seen in this run")
        ids.add(id_key)
        content_key = hash(record_hash(item))
        first = self._odd_firsts.get(content_key)
        if first is None:
            first = self._hashes.get(content_key)
        if first is not None:
            raise drop(self.stats, DuplicateContent, item,
                       f"same title and body as {_id_text(first)}")
        if isinstance(id_key, int):
            self._hashes.setdefault(content_key, id_key)
        else:
            self._odd_firsts[content_key] = id_key
        return item


def _key(value: str) -> int | str:
    """An id's 16 lowercase hex digits as an int; anything else as it is."""
    if isinstance(value, str) and _HEX_ID.fullmatch(value):
        return int(value, 16)
    return value


def _id_text(key: int | str) -> str:
    return f"{key:016x}" if isinstance(key, int) else key
