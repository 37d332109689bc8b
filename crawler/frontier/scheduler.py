"""FrontierScheduler: scrapy-redis's Scheduler on the run's leased queue (leases.py).

- enqueue: the dupefilter and the queue in one script; a retry or a redirect of a request
  this worker holds the lease of goes back forced, ending the lease. New links wait in
  memory until the engine next asks for a request (or the tick, or a ledger commit: each
  is recorded as discovered before any outcome committed after it), and go in one script:
  one round trip per page's links rather than per link. While Redis is unreachable
  requests wait in memory and are sent on the next tick.
- next_request: pops up to POP_BATCH requests into leases owned by this worker (one round
  trip); the ones not handed to the engine yet are held (renewed by the tick, back in the
  queue when their lease runs out if the worker dies, forced back at close).
- acknowledgement: the ledger calls `before_commit` (the store commits its queued records
  first, so an acknowledged "stored" URL has its record in the store) and `after_commit`
  with the committed events; each FINISH of a URL this worker leased ends that lease.
- tick (every HEALTHCRAWL_FRONTIER_POLL_S): resend, acknowledge, renew this worker's leases,
  re-queue expired ones (any worker's), wake the engine (its own heartbeat is 5 s).
- the end (spider_idle, asked again every IDLE_RECHECK_S while it waits): the crawl is over
  when the queue is empty, no lease is open, and the ledger has no URL of the run without an
  outcome (one found is queued again, once: a request lost with a worker or with Redis).
  Only then may the run settle its snapshot (RunContext.settle asks `finished`).
"""
from __future__ import annotations

import logging
import time
from collections import deque
from typing import Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis import picklecompat
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from common import keys as stats_keys
from crawler.run_context import RunContext

from .connect import FrontierError, connect, frontier_url, redacted
from .leases import LeasedQueue, RunKeys
from .urls import CLAIM, RunDupeFilter, lease_id, requeue_lost, url_fingerprint, worker_id

logger = logging.getLogger(__name__)

FINISH = "finish"  # pipelines/store/base.py FINISH: a URL's outcome in the ledger
EMPTY_BACKOFF_S = 0.2  # an empty queue is asked again at most this often from next_request
RECONCILE_LOCK_S = 60
IDLE_RECHECK_S = 0.1  # an idle worker at the end of the run looks again this soon
# Requests popped per round trip. Small: what a worker holds but has not started yet is
# work the other workers cannot take (docs/scale-out.md, round trips per page).
POP_BATCH = 4


class FrontierScheduler(Scheduler):
    def __init__(self, crawler: Any, server: Any, url: str, lease_s: float, poll_s: float,
                 ttl_s: int, error: FrontierError | None = None):
        super().__init__(server, persist=True, idle_before_close=0,
                         serializer=picklecompat)
        self.crawler = crawler
        self.stats = crawler.stats
        self.url = url
        self.lease_s = lease_s
        self.poll_s = poll_s
        self.ttl_s = ttl_s
        self.error = error
        self.owner = worker_id()
        self.queue: LeasedQueue | None = None
        self.df: RunDupeFilter | None = None
        self.keys: RunKeys | None = None
        self.run: RunContext | None = None
        self.held: dict[str, None] = {}  # lease ids this worker holds
        self.unsent: list[tuple[Any, str, bool]] = []  # (request, lease id, force)
        self.links: list[tuple[Any, str]] = []  # new links not sent yet (request, lease id)
        self.popped: deque[tuple[str, Any]] = deque()  # leased, not handed to the engine
        self.to_ack: list[str] = []
        self.finished = False
        self.last = False  # the last worker of the run to leave (close)
        self._store_committed = True
        self._empty_at = 0.0
        self._ttl_at = 0.0
        self._loop: task.LoopingCall | None = None
        self._claim: Any = None  # the registered CLAIM script

    @classmethod
    def from_crawler(cls, crawler: Any) -> FrontierScheduler:
        settings = crawler.settings
        url = frontier_url(settings)
        error = None
        server = None
        try:
            server = connect(url)
        except FrontierError as exc:
            error = exc
        return cls(crawler, server, url,
                   lease_s=settings.getfloat("HEALTHCRAWL_FRONTIER_LEASE_S"),
                   poll_s=settings.getfloat("HEALTHCRAWL_FRONTIER_POLL_S"),
                   ttl_s=settings.getint("HEALTHCRAWL_FRONTIER_TTL_S"), error=error)

    # -- Scrapy's scheduler interface -------------------------------------------------------
    def open(self, spider: Any) -> None:
        self.spider = spider
        run = self.run = RunContext.of(self.crawler)
        if self.error is None and (run.run_state is None) and run.config_error is None:
            self.error = FrontierError("HEALTHCRAWL_FRONTIER needs the run ledger "
                                       "(HEALTHCRAWL_LEDGER on)")
        if self.error is not None:
            logger.error("%s", self.error)
            run.fail(str(self.error))
            self.finished = True
            return
        if run.config_error is not None:
            self.finished = True
            return
        self.keys = RunKeys.of(run.run_id)
        self.queue = LeasedQueue(self.server, spider, self.keys, self.owner, self.lease_s,
                                 self.serializer, int(getattr(spider, "max_pages", 0) or 0))
        self.df = RunDupeFilter(self.server, self.keys.seen)
        self.hook_ledger(run.run_state.ledger)
        run.frontier = self
        self.server.zadd(self.keys.workers, {self.owner: time.time()})
        self._refresh_ttl()
        signals_ = self.crawler.signals
        signals_.connect(self._idle, signal=signals.spider_idle)
        self._loop = task.LoopingCall(self._tick)
        self._loop.start(self.poll_s, now=False)
        queued, leased = self.queue.sizes()
        logger.info("Frontier %s, run %s, worker %s: %d queued, %d leased", redacted(self.url),
                    run.run_id, self.owner, queued, leased)

    def hook_ledger(self, ledger: Any) -> None:
        # Links first: their discoveries join the commit that may hold their page's outcome.
        ledger.before_commit.append(self._flush_links)
        ledger.before_commit.append(self._commit_store)
        ledger.after_commit.append(self._committed)

    def close(self, reason: str) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        if self.queue is None:
            return
        try:
            self._flush_links()
            if self.popped:  # leased but never started: back in the queue for the others
                self.queue.push_requests([(r, lid, url_fingerprint(lid))
                                          for lid, r in self.popped], force=True)
                for lid, _ in self.popped:
                    self.held.pop(lid, None)
                self.popped.clear()
            self._send_unsent()
            self._ack_pending()
            last = self.last = self._leave()
            if self.finished and last:
                # The run is over for every worker: its keys go (the store holds the run).
                self.server.delete(*self.keys.all())
                logger.info("Frontier: run %s finished, its Redis keys deleted",
                            self.run.run_id)
        except self._errors() as exc:
            logger.warning("Frontier: Redis unreachable at close (%s); the run's keys expire "
                           "in %d s", exc, self.ttl_s)

    def enqueue_request(self, request: Any) -> bool:
        if self.queue is None:
            return False
        lid = lease_id(request)
        # A retry or a redirect of a request this worker leased goes back past the
        # dupefilter, ending the lease; a link to a leased URL is a duplicate like any other.
        meta = request.meta
        force = lid in self.held and ("retry_times" in meta or "redirect_urls" in meta)
        if not force:
            # Sent with the page's other links on the engine's next call (next_request), or
            # before the next ledger commit; a duplicate is found then (so True here: Scrapy's
            # request_dropped signal is not sent for a link another worker queued).
            self.links.append((request, lid))
            return True
        self.held.pop(lid, None)
        try:
            self.queue.push_request(request, lid, url_fingerprint(lid), force)
        except self._errors():
            # Kept here and sent on a later tick; no lease is acknowledged meanwhile.
            self.unsent.append((request, lid, force))
            return True
        self._empty_at = 0.0
        self.stats.inc_value(stats_keys.FRONTIER_ENQUEUED)
        return True

    def _flush_links(self) -> None:
        """Send the new links in one script; record the ones new to the run as discovered
        (queued before the outcome of the page that linked to them: this runs before each
        ledger commit, so they are committed no later than that outcome)."""
        if not self.links or self.queue is None:
            return
        links, self.links = self.links, []
        ledger = self.run.run_state.ledger
        try:
            pushed = self.queue.push_requests([(r, lid, url_fingerprint(lid))
                                               for r, lid in links])
        except self._errors():
            # Kept here and sent on a later tick; no lease is acknowledged meanwhile (the
            # page that linked to them stays leased), and the discoveries are recorded now:
            # a URL pending in the ledger is queued again at the end if it is lost.
            for request, lid in links:
                self.unsent.append((request, lid, False))
                ledger.discover(lid)
            return
        new = 0
        for (_request, lid), ok in zip(links, pushed, strict=True):
            if ok:
                ledger.discover(lid)
                new += 1
        if new:
            # The queue is not empty now: the engine's next call pops it at once, not after
            # EMPTY_BACKOFF_S (nothing would call again before the tick: a chain of pages,
            # each linking to the next, would crawl one page per tick).
            self._empty_at = 0.0
            self.stats.inc_value(stats_keys.FRONTIER_ENQUEUED, new)
        if new < len(links):
            self.stats.inc_value(stats_keys.FRONTIER_DUPLICATE, len(links) - new)

    def claim(self, url: str, first_url: str) -> bool:
        """A redirect's target: True if no worker of the run has queued it or claimed it for
        another discovered URL (the run's dupefilter, as a link to it would be); it is then
        the redirect's. `first_url` is the URL the spider discovered (urls.py CLAIM)."""
        if self._claim is None:
            self._claim = self.server.register_script(CLAIM)
        try:
            return bool(self._claim(keys=[self.keys.seen, self.keys.claims],
                                    args=[url_fingerprint(url), first_url]))
        except self._errors():
            return True  # fetched once more at worst; the dedupe pipeline drops the copy

    def next_request(self) -> Any:
        if self.queue is None or self.finished:
            return None
        self._flush_links()
        if self.popped:
            return self.popped.popleft()[1]
        now = time.monotonic()
        if now - self._empty_at < EMPTY_BACKOFF_S:
            return None
        try:
            got = self.queue.pop_members(POP_BATCH)
        except self._errors():
            self._empty_at = now
            return None
        if not got:
            self._empty_at = now
            return None
        for lid, data in got:
            self.held[lid] = None
            # The spider's own seen-set (its cheap first dupefilter) learns URLs other
            # workers discovered, so a link to one is not sent to Redis again.
            self.run.seen.add(lid)
            try:
                request = self.queue._decode_request(data)
            except (ValueError, AttributeError, ImportError) as exc:  # undecodable
                logger.error("Frontier: a queued request could not be read: %s", exc)
                continue
            self.popped.append((lid, request))
        self.stats.inc_value(stats_keys.FRONTIER_LEASED, len(got))
        return self.popped.popleft()[1] if self.popped else None

    def has_pending_requests(self) -> bool:
        # What others queued is found by next_request; asking Redis here would cost a
        # command on each of the engine's idle checks.
        return bool(self.unsent or self.links or self.popped)

    def __len__(self) -> int:
        return len(self.unsent) + len(self.links) + len(self.popped)

    # -- acknowledgement --------------------------------------------------------------------
    def _commit_store(self) -> None:
        """Commit the store pipeline's queued records (before the ledger commit)."""
        self._store_committed = True
        for component in getattr(self.crawler.engine.scraper.itemproc, "middlewares", ()):
            store = getattr(component, "store", None)
            if store is None or not hasattr(store, "flush"):
                continue
            try:
                store.flush()
            except Exception:  # kept queued by the store; the leases wait for the next one
                logger.warning("Frontier: store commit failed; leases kept", exc_info=True)
                self._store_committed = False

    def _committed(self, events: list[tuple[str, tuple]]) -> None:
        held = self.held
        for kind, params in events:
            if kind == FINISH and params[1] in held:
                self.to_ack.append(params[1])
        if self._store_committed:
            self._ack_pending()

    def _ack_pending(self) -> None:
        if not self.to_ack or self.queue is None or self.unsent:
            return
        ids, self.to_ack = self.to_ack, []
        try:
            self.queue.ack(ids)
        except self._errors():
            self.to_ack = ids + self.to_ack
            return
        for lid in ids:
            self.held.pop(lid, None)
        self.stats.inc_value(stats_keys.FRONTIER_ACKED, len(ids))

    # -- the tick ---------------------------------------------------------------------------
    def _tick(self) -> None:
        try:
            self._flush_links()
            self._send_unsent()
            if self._store_committed:
                self._ack_pending()
            if self.held:
                for lost in self.queue.renew(list(self.held)):
                    self.held.pop(lost, None)
            moved = self.queue.requeue_expired()
            if moved:
                self.stats.inc_value(stats_keys.FRONTIER_REQUEUED, moved)
                logger.warning("Frontier: %d expired leases back in the queue (a worker "
                               "stopped)", moved)
            self.server.zadd(self.keys.workers, {self.owner: time.time()})
            if time.monotonic() - self._ttl_at > 60:
                self._refresh_ttl()
        except self._errors() as exc:
            logger.warning("Frontier: Redis unreachable (%s); retrying", exc)
        self._wake()

    def _wake(self, delay: float = 0.0) -> None:  # the engine asks (spider_idle if idle)
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and slot.closing is None:
            slot.nextcall.schedule(delay)

    def _send_unsent(self) -> None:
        while self.unsent:
            request, lid, force = self.unsent[0]
            self.queue.push_request(request, lid, url_fingerprint(lid), force)
            self.unsent.pop(0)

    def _refresh_ttl(self) -> None:
        self._ttl_at = time.monotonic()
        pipe = self.server.pipeline(transaction=False)
        for key in self.keys.all():
            pipe.expire(key, self.ttl_s)
        pipe.execute()

    def _leave(self) -> bool:
        """Unregister this worker; True when no live worker of the run is left."""
        self.server.zrem(self.keys.workers, self.owner)
        self.server.zremrangebyscore(self.keys.workers, "-inf", time.time() - self.lease_s)
        return self.server.zcard(self.keys.workers) == 0

    # -- the end ----------------------------------------------------------------------------
    def _idle(self, spider: Any) -> None:
        if self.queue is None or self.finished:
            return
        try:
            self._drain_check()
        except self._errors() as exc:
            logger.warning("Frontier: Redis unreachable (%s); waiting", exc)
            raise DontCloseSpider from None
        except DontCloseSpider:  # each step of the run's end would otherwise wait a tick
            self._wake(IDLE_RECHECK_S)
            raise

    def _drain_check(self) -> None:
        ledger = self.run.run_state.ledger
        self._flush_links()
        ledger.flush()  # commits the store, then acknowledges what it holds
        self._send_unsent()
        if self.held:
            # Idle with leases whose URL got no outcome: the request ended without one
            # (dropped on the way). Released; the ledger check below queues the URL again.
            logger.info("Frontier: %d leased requests ended without an outcome",
                        len(self.held))
            self.to_ack.extend(self.held)
            self._ack_pending()
            self.held.clear()
        if self.server.get(self.keys.done):
            self._finish()
        queued, leased = self.queue.sizes()
        if queued or leased or self.unsent:
            raise DontCloseSpider
        if not self.server.set(self.keys.reconcile, self.owner, nx=True,
                               px=RECONCILE_LOCK_S * 1000):
            raise DontCloseSpider  # another worker is checking the ledger
        try:
            lost = requeue_lost(self)
        finally:
            self.server.delete(self.keys.reconcile)
        if lost:
            raise DontCloseSpider
        self.server.set(self.keys.done, "1", ex=self.ttl_s)
        self._finish()

    def _finish(self) -> None:
        """Over for every worker. Once more idle, so the spider settles the run on the next
        idle call (it asked before this one and was told to wait)."""
        self.finished = True
        logger.info("Frontier: queue empty, no lease open, no URL pending: the crawl is over")
        raise DontCloseSpider

    @staticmethod
    def _errors() -> tuple[type[BaseException], ...]:
        import redis

        return (redis.RedisError, OSError)
