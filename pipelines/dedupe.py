"""DedupePipeline: one record per article within a run, by id (canonical URL) and by
content hash (the same text under two URLs: print views, tracking parameters the
canonicalizer missed, syndicated copies). The first record seen wins."""
from __future__ import annotations

import re
from typing import Any

from scrapy.exceptions import NotConfigured

from .drops import DuplicateContent, DuplicateUrl, drop
from .fields import record_hash

# cleaners/record.py writes ids as 16 lowercase hex digits.
_HEX_ID = re.compile(r"[0-9a-f]{16}")


class DedupePipeline:
    def __init__(self, stats: Any = None):
        self.stats = stats
        # Both kept as 64-bit ints, ids as the keys of a dict (its table is smaller than a
        # set's): 130-160 bytes an article instead of 210-265 as a set of strings and a dict
        # of bytes (measured, 2,000 to 60,000 articles). An id is its 16 hex digits read exactly
        # (anything else is kept as it is); a content hash is the 64-bit string hash of all its
        # digits (the run's memory lives in one process, so a per-process hash is enough), so
        # two different texts are taken for one only with odds ~n^2 / 2^65 (one in 10^11 at
        # 20,000 articles), whatever the hash's digits look like.
        self._ids: dict[int | str, None] = {}
        self._hashes: dict[int, int | str] = {}  # content key -> the first id's key

    @classmethod
    def from_crawler(cls, crawler: Any) -> DedupePipeline:
        if not crawler.settings.getbool("HEALTHCRAWL_DEDUPE_ENABLED"):
            raise NotConfigured("HEALTHCRAWL_DEDUPE_ENABLED is off")
        return cls(stats=crawler.stats)

    def process_item(self, item: Any) -> Any:
        rid = item["id"]
        id_key = _key(rid)
        if id_key in self._ids:
            raise drop(self.stats, DuplicateUrl, item, f"id {rid} already seen in this run")
        self._ids[id_key] = None
        content_key = hash(record_hash(item))
        first = self._hashes.get(content_key)
        if first is not None:
            raise drop(self.stats, DuplicateContent, item,
                       f"same title and body as {_id_text(first)}")
        self._hashes[content_key] = id_key
        return item


def _key(value: str) -> int | str:
    """An id's 16 lowercase hex digits as an int; anything else as it is."""
    if isinstance(value, str) and _HEX_ID.fullmatch(value):
        return int(value, 16)
    return value


def _id_text(key: int | str) -> str:
    return f"{key:016x}" if isinstance(key, int) else key
