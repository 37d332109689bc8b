"""What a failed request or a response's timing means for the run: pure classification, so
the spider only records what these functions decide.

`failure_outcome(failure)` gives the ledger outcome of a Twisted Failure from a Request's
errback: an outcome a middleware already decided (`failure.value.outcome`), a decompression
bomb stopped with a plain IgnoreRequest (`failed/too_large`), an HTTP error status
(`failed/http_<status>`) or a download error (`failed/timeout`, `failed/data_loss`, ...).
"""
from __future__ import annotations

from typing import NamedTuple

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionLost,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)

from crawler.responses import snake_case

# Scrapy >= 2.13 raises its own download errors; older ones (and some paths) Twisted's.
DOWNLOAD_ERRORS = ((DownloadTimeoutError, "timeout"), (TimeoutError, "timeout"),
                   (TCPTimedOutError, "timeout"), (ResponseDataLossError, "data_loss"),
                   (DownloadCancelledError, "too_large"),  # DOWNLOAD_MAXSIZE cancels it
                   (DownloadConnectionRefusedError, "connection_refused"),
                   (ConnectionRefusedError, "connection_refused"),
                   (CannotResolveHostError, "dns"), (DNSLookupError, "dns"),
                   (ConnectionLost, "connection_lost"))


class FailureOutcome(NamedTuple):
    outcome: str
    count: bool  # a new failure of this run: counted in the stats
    error: str | None  # logged as "Failed <url>: <error>"


def failure_outcome(failure) -> FailureOutcome:
    decided = getattr(failure.value, "outcome", None)
    if decided is not None:  # refused or counted where it happened (middlewares)
        return FailureOutcome(decided, False, None)
    if failure.check(IgnoreRequest) and not failure.check(HttpError):
        # HttpCompressionMiddleware stops a decompression bomb with a plain IgnoreRequest
        if "DOWNLOAD_MAXSIZE" in str(failure.value):
            return FailureOutcome("failed/too_large", True, None)
        return FailureOutcome("refused/ignored", False, None)
    if failure.check(HttpError):
        error = f"http_{failure.value.response.status}"
    else:
        error = next((name for exc, name in DOWNLOAD_ERRORS if failure.check(exc)),
                     snake_case(type(failure.value).__name__))
    return FailureOutcome(f"failed/{error}", True, error)

