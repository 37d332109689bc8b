"""Every Scrapy stats key of healthcrawl, in one place (a test finds no `healthcrawl/...`
key literal anywhere else). The run summary (pipelines/summary.py) turns them into run.json.

Written by the spider and the middlewares (crawler/): pages, discovered, sitemap_urls,
not_modified, same_body, outcome/not_article, outcome/off_site, outcome/refused/<reason>,
outcome/robots_denied, outcome/failed/<error>, warning/<name>, latency_ms/<bucket>,
robots_truncated. (A configuration error is no stats key: pipelines/runinfo.py ConfigError.)
Written by the item pipelines and the run folder (pipelines/): outcome/dropped/<reason>,
outcome/stored, change/<new|changed|unchanged>, export/records, export/errors, store/errors,
store/retried_commits, exit_code.
Written by the archive (crawler/archive/component.py): archive/pages (response and revisit
records, carried-over ones of a resumed run included), archive/revisits, archive/bytes and
archive/files (what archive/ holds at the end), archive/errors, archive/carried_over,
archive/resume_dropped, archive/cpu_s. By `healthcrawl reprocess`: reprocess/from_earlier_runs.
"""
from __future__ import annotations

PREFIX = "healthcrawl/"

OUTCOME = PREFIX + "outcome/"  # + the URL's ledger outcome, e.g. "refused/private_host"
FAILED = OUTCOME + "failed/"  # + error: http_404, timeout, non_html, spider_error, ...
NOT_ARTICLE = OUTCOME + "not_article"
ROBOTS_DENIED = OUTCOME + "robots_denied"
DROPPED = OUTCOME + "dropped/"  # + reason (pipelines/drops.py)
STORED = OUTCOME + "stored"
CHANGE = PREFIX + "change/"  # + new, changed, unchanged
WARNING = PREFIX + "warning/"  # + a record warning, e.g. charset_guessed

PAGES = PREFIX + "pages"  # HTML pages parsed
DISCOVERED = PREFIX + "discovered"  # URLs discovered (each gets one outcome)
SITEMAP_URLS = PREFIX + "sitemap_urls"  # URLs listed by sitemaps
NOT_MODIFIED = PREFIX + "not_modified"  # pages that answered 304 (replayed, not parsed)
SAME_BODY = PREFIX + "same_body"  # 200s with the bytes of the last full fetch (replayed)
ROBOTS_TRUNCATED = PREFIX + "robots_truncated"  # robots.txt files cut at the size limit
LATENCY = PREFIX + "latency_ms/"  # + one of LATENCY_BUCKETS

RECORDS = PREFIX + "export/records"
EXPORT_ERRORS = PREFIX + "export/errors"
STORE_ERRORS = PREFIX + "store/errors"
STORE_RETRIES = PREFIX + "store/retried_commits"
EXIT_CODE = PREFIX + "exit_code"

# Learned templates of generic crawls (crawler/learning.py): learned/hosts (templates put to
# use), learned/pages, learned/verified, learned/dropped, learned/loaded,
# learned/induction_failed (cleaners/learner.py names them).
LEARNED = PREFIX + "learned/"

ARCHIVE = PREFIX + "archive/"
ARCHIVE_PAGES = ARCHIVE + "pages"
ARCHIVE_REVISITS = ARCHIVE + "revisits"
ARCHIVE_BYTES = ARCHIVE + "bytes"
ARCHIVE_FILES = ARCHIVE + "files"
ARCHIVE_ERRORS = ARCHIVE + "errors"
ARCHIVE_CARRIED = ARCHIVE + "carried_over"  # records a resumed run kept from its attempts
ARCHIVE_RESUME_DROPPED = ARCHIVE + "resume_dropped"  # records of unfinished pages dropped
ARCHIVE_CPU = ARCHIVE + "cpu_s"  # CPU seconds spent archiving (bench/archive.py reads it)

REPROCESS_CARRIED = PREFIX + "reprocess/from_earlier_runs"

# Download latency of a response: (upper limit in ms, bucket name), then the open bucket.
LATENCY_LIMITS = ((10, "<10"), (50, "10-50"), (100, "50-100"), (500, "100-500"),
                  (1000, "500-1000"))
LATENCY_OVER = ">=1000"
LATENCY_BUCKETS = (*(name for _, name in LATENCY_LIMITS), LATENCY_OVER)


def latency_bucket(seconds: float) -> str:
    ms = seconds * 1000
    return next((name for limit, name in LATENCY_LIMITS if ms < limit), LATENCY_OVER)

# The shared frontier (crawler/frontier/scheduler.py): requests queued in Redis, dropped as
# already seen by the run, leased (popped) by this worker, acknowledged (outcome committed),
# expired leases re-queued by this worker, ledger-pending URLs queued again at the end.
FRONTIER_ENQUEUED = PREFIX + "frontier/enqueued"
FRONTIER_DUPLICATE = PREFIX + "frontier/duplicate"
FRONTIER_LEASED = PREFIX + "frontier/leased"
FRONTIER_ACKED = PREFIX + "frontier/acked"
FRONTIER_REQUEUED = PREFIX + "frontier/requeued"
FRONTIER_RECOVERED = PREFIX + "frontier/recovered"
FRONTIER_HOST_WAITS = PREFIX + "frontier/host_waits"  # a host slot was busy: request waited
# robots.txt rules taken from another worker of the run (it fetched them)
ROBOTSTXT_SHARED = PREFIX + "robotstxt/shared"
