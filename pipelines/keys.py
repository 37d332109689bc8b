"""Every Scrapy stats key the pipelines and the run summary read or write, in one place.

Written by the spider (read here): outcome/not_article, outcome/robots_denied,
outcome/off_site, outcome/failed/<error>, warning/<name>, pages, not_modified,
latency_ms/<bucket>.
Written here: outcome/dropped/<reason>, outcome/stored, change/<new|changed|unchanged>,
export/records, export/errors, store/errors, store/retried_commits, exit_code.
Written by the archive (crawler/archive/component.py): archive/pages (response and revisit
records, carried-over ones of a resumed run included), archive/revisits, archive/bytes and
archive/files (what archive/ holds at the end), archive/errors.
"""
from __future__ import annotations

PREFIX = "healthcrawl/"
OUTCOME = PREFIX + "outcome/"
DROPPED = OUTCOME + "dropped/"
STORED = OUTCOME + "stored"
CHANGE = PREFIX + "change/"
WARNING = PREFIX + "warning/"
PAGES = PREFIX + "pages"
NOT_MODIFIED = PREFIX + "not_modified"  # pages that answered 304 (replayed, not parsed)
LATENCY = PREFIX + "latency_ms/"  # + bucket, see summary.LATENCY_BUCKETS
RECORDS = PREFIX + "export/records"
EXPORT_ERRORS = PREFIX + "export/errors"
STORE_ERRORS = PREFIX + "store/errors"
STORE_RETRIES = PREFIX + "store/retried_commits"
EXIT_CODE = PREFIX + "exit_code"
ARCHIVE = PREFIX + "archive/"
ARCHIVE_PAGES = ARCHIVE + "pages"
ARCHIVE_REVISITS = ARCHIVE + "revisits"
ARCHIVE_BYTES = ARCHIVE + "bytes"
ARCHIVE_FILES = ARCHIVE + "files"
ARCHIVE_ERRORS = ARCHIVE + "errors"
