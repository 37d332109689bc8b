"""Downloader middlewares: the URL guard, RFC 9309 robots.txt handling, who is crawling, and
meta-refresh redirects read only where a page can hold one."""
from scrapy.exceptions import IgnoreRequest


class Refused(IgnoreRequest):
    """A request healthcrawl will not send; `outcome` is its ledger / run.json outcome
    ("off_site", "robots_denied", "refused/unsafe_scheme", ...)."""

    def __init__(self, outcome: str, message: str = ""):
        super().__init__(message or outcome)
        self.outcome = outcome
