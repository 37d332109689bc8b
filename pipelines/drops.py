"""One `DropItem` subclass per drop reason, so Scrapy's own `item_dropped_reasons_count/<Class>`
stats and ours (`healthcrawl/outcome/dropped/<reason>`) both say why a record went away."""
from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import DropItem

from common.keys import DROPPED

logger = logging.getLogger("pipelines.drops")



class RecordDropped(DropItem):
    reason = "dropped"

    def __init__(self, message: str):
        # Scrapy's own "Dropped:" line dumps the whole item (a full body) at WARNING; we log
        # a one-line summary ourselves (see `drop`) and keep Scrapy's dump for DEBUG.
        super().__init__(f"{self.reason}: {message}", log_level="DEBUG")


class MissingId(RecordDropped):
    reason = "missing_id"


class MissingUrl(RecordDropped):
    reason = "missing_url"


class MissingTitle(RecordDropped):
    reason = "missing_title"


class MissingBody(RecordDropped):
    reason = "missing_body"


class BodyTooShort(RecordDropped):
    reason = "body_too_short"


class InvalidField(RecordDropped):
    reason = "invalid_field"


class Unserializable(RecordDropped):
    reason = "unserializable"


class DuplicateUrl(RecordDropped):
    reason = "duplicate_url"


class DuplicateContent(RecordDropped):
    reason = "duplicate_content"


def drop(stats: Any, exc_class: type[RecordDropped], item: Any, detail: str) -> RecordDropped:
    """Count and log one drop; return the exception for the caller to raise."""
    if stats is not None:
        stats.inc_value(DROPPED + exc_class.reason)
    ident = (item.get("url") or item.get("id")) if isinstance(item, dict) else None
    logger.info("Dropped %s (%s): %s", ident or "<no url>", exc_class.reason, detail)
    return exc_class(f"{ident or '<no url>'}: {detail}")
