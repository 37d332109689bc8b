"""Crawler traps: URL spaces without end that a site generates by accident (calendars,
`?page=N+1` past the last page, relative links that grow the path `/a/b/a/b/...`, sitemap
indexes that list themselves one level deeper). Without a limit only --max-pages stops such
a crawl, and its memory grows with every URL.

A URL of the site is refused, and counted as `refused/<reason>`, when
- its path has more than HEALTHCRAWL_TRAP_DEPTH segments (`trap_depth`);
- one path segment occurs more than HEALTHCRAWL_TRAP_REPEAT times in it (`trap_repeat`);
- HEALTHCRAWL_TRAP_QUERY URLs of the same host and path with different query strings have
  been admitted already (`trap_query`);
- it is listed by a sitemap index nested HEALTHCRAWL_TRAP_SITEMAP_DEPTH deep already
  (`trap_sitemap_depth`: the start sitemap is depth 0, the sitemaps it lists depth 1, ...).
0 switches a limit off. The first refusal of each kind per host is logged.
"""
from __future__ import annotations

import logging
from collections import Counter
from urllib.parse import urlsplit

from common.default_settings import DEFAULTS as _SETTINGS

logger = logging.getLogger(__name__)

NAMES = ("HEALTHCRAWL_TRAP_DEPTH", "HEALTHCRAWL_TRAP_REPEAT", "HEALTHCRAWL_TRAP_QUERY",
         "HEALTHCRAWL_TRAP_SITEMAP_DEPTH")
DEFAULTS = {name: _SETTINGS[name] for name in NAMES}


class TrapGuard:
    def __init__(self, depth: int = DEFAULTS["HEALTHCRAWL_TRAP_DEPTH"],
                 repeat: int = DEFAULTS["HEALTHCRAWL_TRAP_REPEAT"],
                 query: int = DEFAULTS["HEALTHCRAWL_TRAP_QUERY"],
                 sitemap_depth: int = DEFAULTS["HEALTHCRAWL_TRAP_SITEMAP_DEPTH"]):
        self.depth, self.repeat, self.query = depth, repeat, query
        self.sitemap_depth = sitemap_depth
        self._queries: Counter[str] = Counter()  # "host/path" -> query variants admitted
        self._sitemaps: dict[str, int] = {}  # sitemap URL -> its nesting depth
        self._too_deep: set[str] = set()  # listed by an index that is deep enough already
        self._logged: set[tuple[str, str]] = set()

    @classmethod
    def from_settings(cls, settings) -> TrapGuard:
        return cls(*(settings.getint(name) for name in NAMES))

    def check(self, url: str) -> str | None:
        """The trap reason for a new on-site URL ("trap_depth", ...), None to admit it. An
        admitted URL with a query counts towards its path's limit."""
        reason = self._reason(url)
        if reason is not None:
            host = urlsplit(url).netloc
            if (host, reason) not in self._logged:
                self._logged.add((host, reason))
                logger.warning("Crawler trap on %s (%s): refused %s; further URLs like it "
                               "are refused and counted as refused/%s", host, reason, url,
                               reason)
        return reason

    def _reason(self, url: str) -> str | None:
        if self._too_deep and url in self._too_deep:
            self._too_deep.discard(url)
            return "trap_sitemap_depth"
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        if self.depth and len(segments) > self.depth:
            return "trap_depth"
        if self.repeat and len(segments) > self.repeat \
                and max(Counter(segments).values()) > self.repeat:
            return "trap_repeat"
        if parts.query and self.query:
            key = f"{parts.netloc}{parts.path}"
            if self._queries[key] >= self.query:
                return "trap_query"
            self._queries[key] += 1
        return None

    def note_sitemap(self, url: str, locs: list[str], is_index: bool) -> None:
        """Called with every sitemap read: the sitemaps an index lists are one level deeper
        than it; those of an index at the limit are refused when admitted."""
        depth = self._sitemaps.pop(url, 0)
        if not is_index:
            return
        if self.sitemap_depth and depth >= self.sitemap_depth:
            self._too_deep.update(locs)
            return
        for loc in locs:
            self._sitemaps[loc] = depth + 1
