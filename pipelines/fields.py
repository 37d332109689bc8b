"""How the record fields of cleaners/record.py split for the flat exports."""
from __future__ import annotations

from cleaners.record import RECORD_FIELDS, content_hash

# Lists of dicts: their own CSV files (joined on id), list<struct> in Parquet.
NESTED_FIELDS = ("related_links", "teasers", "reviewed_by", "references")
# Lists of strings: "; "-joined in articles.csv, list<string> in Parquet.
LIST_FIELDS = ("authors", "breadcrumbs", "warnings", "schema_types", "about")
INT_FIELDS = ("word_count", "http_status")
ARTICLE_CSV_FIELDS = tuple(f for f in RECORD_FIELDS if f not in NESTED_FIELDS)
LINK_FIELDS = ("rel", "title", "url")
TEASER_FIELDS = ("title", "snippet", "truncated", "url")
REVIEWER_FIELDS = ("name", "credentials", "url")
REFERENCE_FIELDS = ("text", "url", "doi", "pmid")


def record_hash(record: dict) -> str:
    """The record's content hash; computed the way cleaners/record.py does when absent."""
    return record.get("content_hash") or content_hash(record.get("title") or "",
                                                      record.get("body") or "")
