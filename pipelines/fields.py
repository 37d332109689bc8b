"""How the record fields split for the flat exports: names derived from the field table in
cleaners/record_fields.py, kept here for the pipelines that import them."""
from __future__ import annotations

from cleaners.record import content_hash
from cleaners.record_fields import (
    ARTICLE_CSV_FIELDS,
    INT_FIELDS,
    LIST_FIELDS,
    NESTED_FIELDS,
    child_columns,
)

__all__ = ["ARTICLE_CSV_FIELDS", "INT_FIELDS", "LINK_FIELDS", "LIST_FIELDS", "NESTED_FIELDS",
           "REFERENCE_FIELDS", "REVIEWER_FIELDS", "TEASER_FIELDS", "record_hash"]

LINK_FIELDS = child_columns("related_links")
TEASER_FIELDS = child_columns("teasers")
REVIEWER_FIELDS = child_columns("reviewed_by")
REFERENCE_FIELDS = child_columns("references")


def record_hash(record: dict) -> str:
    """The record's content hash; computed the way cleaners/record.py does when absent."""
    return record.get("content_hash") or content_hash(record.get("title") or "",
                                                      record.get("body") or "")
