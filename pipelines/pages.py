"""Page memory: what each page fetched in full was (article, not an article, sitemap), its
HTTP validators and the URLs it linked to, kept in the store's `pages` table
(pipelines/store/base.py: `page_memo`, `validators`, `page_links`).

Why: a page that answers `304 Not Modified` on the next run has no body to parse. Without
its remembered links, a home or listing page answering 304 would end discovery there, and
a run would see a sliver of the site. With them, a 304 replays the page exactly as it was:
the same kind (a page never changes kind because it was not re-downloaded) and the same
links. The links also serve as evidence at the end of a run (pipelines/snapshot.py): an
article is "unlinked" only if no page that still links to it went unprocessed.

Links are stored as zlib-compressed JSON (about 1-2 KB a page).
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable
from hashlib import blake2b
from typing import NamedTuple

import orjson

ARTICLE, NOT_ARTICLE, SITEMAP, DROPPED = "article", "not_article", "sitemap", "dropped"

class PageMemo(NamedTuple):
    kind: str
    record_id: str | None
    links: list[str]


def pack_links(links: Iterable[str]) -> bytes:
    return zlib.compress(orjson.dumps(list(links)), 1)


def unpack_links(blob: bytes | None) -> list[str]:
    return orjson.loads(zlib.decompress(blob)) if blob else []


def body_digest(body: bytes) -> str:
    """The digest of a page's bytes as fetched in full: the same digest on the next run
    means the same page, replayed like a 304 (crawler/run_context.py `same_body`)."""
    return blake2b(body, digest_size=16).hexdigest()


def remember_params(url: str, kind: str, etag: str | None, last_modified: str | None,
                    record_id: str | None, links: Iterable[str], run_id: str,
                    body_hash: str | None = None) -> tuple:
    """Parameters of a `remember` ledger event (pipelines/store/base.py). Only pages that
    ended well keep validators and their digest: a dropped page must be fetched in full and
    analysed next time, never answered from memory."""
    if kind not in (ARTICLE, NOT_ARTICLE):
        etag = last_modified = body_hash = None
    return (url, kind, etag, last_modified, record_id, pack_links(links), run_id, body_hash)
