"""RunContext: the crawl's run, owned by the crawler: run id, lock, run state (ledger and
page memory), store path, output folder, the run's scope and its configuration error.

One object per crawl, kept on the Scrapy crawler (`crawler.run_context`) and found with
`RunContext.of(crawler)` by the spider, the middlewares and the archive; the pipelines and
the run folder see its `RunInfo` side (pipelines/runinfo.py `run_of`), so `pipelines/`
imports nothing from `crawler/` and the spider nothing from `pipelines/`.

Order in a crawl: the spider's `from_crawler` declares the run's scope (`declare`: the key
under which runs continue each other, the site, the start URL and the allowed origins);
then Scrapy builds the extensions, and this one (order 100, crawler/settings.py) opens the
lock (a SQLite store) or joins the run as one of its workers (a PostgreSQL store,
pipelines/runstate.py) and opens the run state: after the spider exists, before any pipeline
or middleware is built and before anything is fetched. A store that cannot be opened
(locked, foreign, too new, unwritable, a server away) is a `ConfigError`: recorded once, the
run fetches nothing, run.json says `error`, the command exits 1. A run this worker may not
join (another version, other settings) is a `JoinRefused`: the same, but nothing is written.
"""
from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from typing import Any

from common.clock import utc_now
from common.paths import output_dir, store_location
from crawler.links import SeenUrls
from pipelines.pages import ARTICLE, NOT_ARTICLE, SITEMAP
from pipelines.runinfo import RUN_CONTEXT_ATTR, ConfigError, JoinRefused, RunInfo
from pipelines.runlock import StoreLocked
from pipelines.runstate import LINKS_META, RunState, digest_of, header_value
from pipelines.store import RunRefused, StoreError
from pipelines.store.schema import SchemaTooNew

logger = logging.getLogger(__name__)

__all__ = ["ConfigError", "Replay", "RunContext", "RunScope"]


@dataclass(frozen=True)
class RunScope:
    key: str  # runs with the same key in the same store continue each other after a crash
    site: str
    start_url: str
    origins: frozenset[str]  # what may be fetched; redirects elsewhere are off_site


@dataclass(frozen=True)
class Replay:
    """A page that answered 304 (or 200 with its known bytes: `fresh`), from the page
    memory: its links, and its stored record (this run's record: run id and status updated)
    if it is an article."""

    links: list[str]
    record: dict | None
    fresh: bool = False  # fetched in full, the same bytes (RunContext.same_body)


class RunContext(RunInfo):
    def __init__(self, settings: Any):
        super().__init__(settings)
        self.settings = settings
        self.scope: RunScope | None = None
        self.seen = SeenUrls()  # every URL of this run the spider has decided on
        self._ledger: Any = None
        self._validators: dict[str, tuple] = {}
        self._digests: dict[str, str] = {}  # url -> digest of its bytes last fetched in full
        self._opened = False
        # The shared frontier of a crawl on several workers (crawler/frontier/scheduler.py):
        # its `finished` says when the whole crawl, not this worker, ran out of work.
        self.frontier: Any = None

    @classmethod
    def of(cls, crawler: Any) -> RunContext:
        run = getattr(crawler, RUN_CONTEXT_ATTR, None)
        if run is None:
            run = cls(crawler.settings)
            setattr(crawler, RUN_CONTEXT_ATTR, run)
        elif not isinstance(run, cls):
            raise RuntimeError("the crawl's run was made without crawler.run_context."
                               "RunContext: enable it in EXTENSIONS")
        return run

    @classmethod
    def find(cls, crawler: Any) -> RunContext | None:
        """The crawl's run context, if the crawl made one."""
        run = getattr(crawler, RUN_CONTEXT_ATTR, None)
        return run if isinstance(run, cls) else None

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunContext:
        run = cls.of(crawler)
        run.open(crawler)
        return run

    def declare(self, scope: RunScope) -> None:
        self.scope = scope
        self.site = scope.site

    def open(self, crawler: Any) -> None:
        """Lock the store and open (or resume) the run in its ledger; once, and only for a
        run whose spider declared its scope, with HEALTHCRAWL_LEDGER on."""
        settings = self.settings
        if self._opened or self.scope is None or self.config_error is not None \
                or not settings.getbool("HEALTHCRAWL_LEDGER"):
            return
        self._opened = True
        # Read again: a Scrapy add-on (crawler/frontier/addon.py) may have moved them after
        # the spider made this object.
        self.output_dir = output_dir(settings)
        self.store_path = store_location(settings)
        try:
            state = RunState.open(settings, self.scope.key, self.run_id)
        except RunRefused as exc:
            logger.error("Cannot join the run: %s", exc)
            self.fail(JoinRefused(f"store: {exc}"))
            return
        except (StoreLocked, SchemaTooNew, sqlite3.DatabaseError, OSError, StoreError) as exc:
            # One line, no traceback: a locked, foreign or unwritable store (or a full disk),
            # a server store that is away, a run this worker may not join.
            logger.error("Cannot open the store: %s", exc)
            self.fail(f"store: {exc}")
            return
        self.run_state = state
        self.run_id = state.run_id
        self._ledger = state.ledger
        state.connect(crawler)
        if settings.getbool("HEALTHCRAWL_CONDITIONAL"):
            self._validators = state.ledger.validators()
            self._digests = state.ledger.page_digests()

    # -- learned templates (crawler/learning.py) --------------------------------------------
    def learned_templates(self) -> list[str]:
        """The template JSON of every learned template in the store ([] without a ledger)."""
        if self._ledger is None:
            return []
        try:
            return [template for _key, template in self._ledger.db.templates()]
        except Exception as exc:  # an unreadable table: start unlearned, do not stop
            logger.warning("Cannot read learned templates: %s", exc)
            return []

    def save_template(self, key: str, netloc: str, template: str) -> None:
        self._template_write("save_template", key, netloc, template, self.run_id, utc_now())

    def drop_template(self, key: str) -> None:
        self._template_write("drop_template", key)

    def _template_write(self, method: str, *args) -> None:
        if self._ledger is None:
            return
        try:
            getattr(self._ledger.db, method)(*args)
        except Exception as exc:  # the crawl goes on; the next run learns again
            logger.warning("Cannot store a learned template: %s", exc)

    # -- what the spider reports ------------------------------------------------------------
    def known_urls(self) -> list[str]:
        """A resumed run: mark every URL the ledger knows as seen; return the pending ones."""
        if self._ledger is None:
            return []
        seen, pending = self._ledger.urls()
        self.seen.update(seen)
        return pending

    def discover(self, url: str) -> None:
        # With a shared frontier the URL is the run's once Redis takes it as new: the
        # scheduler records the discovery then (crawler/frontier/scheduler.py).
        if self._ledger is not None and self.frontier is None:
            self._ledger.discover(url)

    def finish(self, url: str, outcome: str) -> None:
        """`url` as discovered (a redirect's first URL)."""
        if self._ledger is not None:
            self._ledger.finish(url, outcome)

    def finish_page(self, url: str, outcome: str) -> None:
        """`url` as fetched (a response's URL, after any redirect)."""
        if self.run_state is not None:
            self._ledger.finish(self.run_state.discovered_url(url), outcome)

    def claim(self, url: str, first_url: str) -> bool:
        """A redirect target, reached from the discovered `first_url`: False if this run has
        already seen it."""
        if self.frontier is not None:
            # The run's claim in Redis decides, not this worker's seen-set: a link to the
            # target this worker met (refused there as another worker's claim) must not
            # refuse the redirect of the dead claimer's lease, now this worker's.
            self.seen.add(url)
            return self.frontier.claim(url, first_url)
        if url in self.seen:
            return False
        self.seen.add(url)
        return True

    def note_redirect(self, url: str, first_url: str) -> None:
        self.seen.add(url)
        if self.run_state is not None:
            self.run_state.origin_of[url] = first_url

    # -- page memory ------------------------------------------------------------------------
    def keep_links(self, response: Any, links: list[str]) -> None:
        """A page's outgoing links, for the page memory written when its item is stored or
        dropped (pipelines/runstate.py)."""
        response.meta[LINKS_META] = links

    def remember_sitemap(self, url: str, locs: list[str]) -> None:
        if self._ledger is not None:
            self._ledger.remember_page(url, SITEMAP, locs)

    def remember_not_article(self, response: Any, links: list[str]) -> None:
        if self._ledger is not None and response.status == 200:
            headers = response.headers
            self._ledger.remember_page(response.url, NOT_ARTICLE, links,
                                       header_value(headers, b"ETag"),
                                       header_value(headers, b"Last-Modified"), None,
                                       digest_of(response))

    def validators(self, url: str) -> dict[str, str] | None:
        """Conditional request headers for a page fetched in full before, else None."""
        cached = self._validators.get(url)
        if not cached:
            return None
        etag, modified = cached
        return {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified)) if v}

    def same_body(self, response: Any) -> Replay | None:
        """A page fetched in full with the very bytes its memo was made from is the same
        page: what a 304 would have replayed (its stored record, http_status 200). None: new
        or other bytes, or no usable memory; the page is then analysed.

        Why: a page's record must not depend on how a run happens to analyse it. A generic
        crawl analyses a host's first pages generically and the rest with the template it
        learns from them (crawler/learning.py); re-analysing an unchanged page in the next
        run (a server without validators, a redirect whose target was requested without
        them) could take the other path and log a change the page never made."""
        known = self._digests.get(response.url)
        if known is None or response.status != 200 or digest_of(response) != known:
            return None
        return self.replay(response.url, status=200)

    def replay(self, url: str, status: int = 304) -> Replay | None:
        """What a 304 for `url` stands for; None when the memory is not usable (the page is
        then fetched in full, without validators)."""
        ledger = self._ledger
        memo = ledger.page(url) if ledger is not None else None
        record = None
        if memo is not None and memo.kind == ARTICLE and memo.record_id:
            record = ledger.stored_record(memo.record_id)
        if memo is None or memo.kind not in (ARTICLE, NOT_ARTICLE) \
                or (memo.kind == ARTICLE and record is None):
            self._validators.pop(url, None)
            self._digests.pop(url, None)
            return None
        if record is not None:
            record.update(run_id=self.run_id, http_status=status)
            record.setdefault("page_kind", ARTICLE)  # stored by a version without the field
        return Replay(memo.links, record, fresh=status != 304)

    def settle(self, discovery_capped: bool) -> None:
        """Out of work: what the snapshot keeps and removes (pipelines/snapshot.py); once."""
        if self.frontier is not None and not self.frontier.finished:
            return  # other workers still crawl: the snapshot is decided at the crawl's end
        state = self.run_state
        if state is not None and state.settlement is None and self.config_error is None:
            queue = getattr(self.frontier, "queue", None)
            if queue is not None and not discovery_capped:
                try:  # --max-pages holds for the whole run: another worker may have hit it
                    discovery_capped = queue.capped()
                except Exception:  # Redis away: do not call unseen records removed
                    discovery_capped = bool(queue.max_urls)
            state.settle(discovery_capped=discovery_capped)
