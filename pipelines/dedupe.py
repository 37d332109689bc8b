"""DedupePipeline: one record per article within a run, by id (canonical URL) and by
content hash (the same text under two URLs: print views, tracking parameters the
canonicalizer missed, syndicated copies). The first record seen wins."""
from __future__ import annotations

from typing import Any

from scrapy.exceptions import NotConfigured

from .drops import DuplicateContent, DuplicateUrl, drop
from .fields import record_hash


class DedupePipeline:
    def __init__(self, stats: Any = None):
        self.stats = stats
        # Hash keys are the 32 raw bytes rather than 64 hex characters, and the value is the
        # id string already held by _ids: a long run keeps ~250 bytes per article.
        self._ids: set[str] = set()
        self._hashes: dict[bytes, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> DedupePipeline:
        if not crawler.settings.getbool("HEALTHCRAWL_DEDUPE_ENABLED"):
            raise NotConfigured("HEALTHCRAWL_DEDUPE_ENABLED is off")
        return cls(stats=crawler.stats)

    def process_item(self, item: Any) -> Any:
        rid = item["id"]
        if rid in self._ids:
            raise drop(self.stats, DuplicateUrl, item, f"id {rid} already seen in this run")
        self._ids.add(rid)
        key = _hash_key(record_hash(item))
        first = self._hashes.get(key)
        if first is not None:
            raise drop(self.stats, DuplicateContent, item, f"same title and body as {first}")
        self._hashes[key] = rid
        return item


def _hash_key(hex_hash: str) -> bytes:
    try:
        return bytes.fromhex(hex_hash)
    except ValueError:  # not hex (a foreign record): still a stable key
        return hex_hash.encode("utf-8")
