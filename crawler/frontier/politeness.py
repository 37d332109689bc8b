"""Per-host politeness for the whole cluster: at most CONCURRENT_REQUESTS_PER_DOMAIN requests
in flight to one host across every worker, and DOWNLOAD_DELAY seconds between the starts of
two of them, whichever worker sends them. (Scrapy's own per-slot limits still hold inside
each worker; they cannot see the other workers.)

A downloader middleware closest to the network: before a request goes out it takes a slot
of its host in Redis (one Lua script: drop expired slots, check the next allowed start and
the count, take a slot, push the next allowed start), and gives it back when the response or
the error comes. A slot held by a worker that died expires after DOWNLOAD_TIMEOUT + a margin.
Keys `healthcrawl:host:<host:port>:slots|next|waiters` are shared by every run on that Redis.

Waiting for a busy host costs little: inside a worker, requests to a host that is busy wait
in line (a local gate, `_HostGate`), and only the first in line asks Redis again, after a
backoff (BUSY_WAIT_S doubling up to BUSY_WAIT_MAX_S) or at once when this worker releases a
slot of that host. So a worker asks Redis about a busy host at most 1 / BUSY_WAIT_S times a
second, however many of its requests wait, instead of once per waiting request. When other
workers wait for the host too (TAKE says so), the first in line asks every BUSY_WAIT_S and
is not woken by its own releases, as theirs are not: a freed slot goes to whichever worker
asks first, not always back to the one that freed it.
"""
from __future__ import annotations

import asyncio
import logging
import uuid
from collections import deque
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import NotConfigured

from common.keys import FRONTIER_HOST_WAITS

from .connect import FrontierError, connect, frontier_url

logger = logging.getLogger(__name__)

SLOT_META = "frontier_host_slot"
BUSY_WAIT_S = 0.05  # the first wait for a busy host; doubled after each busy answer
BUSY_WAIT_MAX_S = 0.4  # the longest while this worker alone waits for the host
MAX_UNRELEASED = 10_000
REDIS_DOWN_WAIT_S = 0.5
WAITER_S = 1.0  # a worker told "busy" counts as waiting for the host this long
CONTENDED = -2.0  # TAKE's answer: busy, and other workers wait for the host too

# KEYS: slots next waiters; ARGV: token limit delay hold worker
# Returns "0" when the slot is taken, else the seconds to wait (as a string: Lua numbers
# come back from Redis as integers): -1 busy, -2 busy and other workers wait for the host
# too (a worker told "busy" is one of its waiters for WAITER_S).
TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local nxt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nxt > now then return tostring(nxt - now) end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
  redis.call('ZADD', KEYS[3], now + WAITER_S, ARGV[5])
  redis.call('EXPIRE', KEYS[3], math.ceil(WAITER_S) + 1)
  if redis.call('ZCARD', KEYS[3]) > 1 then return '-2' end
  return '-1'
end
local hold = tonumber(ARGV[4])
redis.call('ZADD', KEYS[1], now + hold, ARGV[1])
redis.call('EXPIRE', KEYS[1], math.ceil(hold) + 1)
local delay = tonumber(ARGV[3])
if delay > 0 then
  redis.call('SET', KEYS[2], tostring(now + delay), 'PX', math.ceil(delay * 1000) + 1000)
end
return '0'
""".replace("WAITER_S", repr(WAITER_S))


def host_keys(url: str) -> tuple[str, str, str]:
    """The host's slots (ZSET token -> expiry), next allowed start, and the workers waiting
    for it (ZSET worker -> expiry)."""
    parts = urlsplit(url)
    host = f"{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    prefix = f"healthcrawl:host:{host}:"
    return prefix + "slots", prefix + "next", prefix + "waiters"


class _HostGate:
    """The requests of this worker waiting for one host, in order; the first asks Redis."""

    __slots__ = ("line", "wake")

    def __init__(self) -> None:
        self.line: deque[asyncio.Future] = deque()
        # Set when this worker frees a slot of the host, if no other worker waits for it.
        self.wake: asyncio.Future | None = None

    def pass_on(self) -> None:
        """The first in line is done (it has a slot, or it gave up): the next one asks."""
        if self.line and not self.line[0].done():
            self.line[0].set_result(None)


class ClusterPoliteness:
    def __init__(self, server: Any, limit: int, delay_s: float, hold_s: float,
                 stats: Any = None):
        self.server = server
        self.limit = max(1, limit)
        self.delay_s = max(0.0, delay_s)
        self.hold_s = hold_s
        self.stats = stats
        self._take = server.register_script(TAKE)
        self._gates: dict[str, _HostGate] = {}
        self.worker = uuid.uuid4().hex[:12]
        # Slots whose release Redis did not take (it was down): given back before the next
        # take, not left to expire after hold_s (DOWNLOAD_TIMEOUT + 30 s of a host stalled).
        self._unreleased: list[tuple[str, str]] = []

    @classmethod
    def from_crawler(cls, crawler: Any) -> ClusterPoliteness:
        settings = crawler.settings
        url = frontier_url(settings)
        if not url:
            raise NotConfigured("HEALTHCRAWL_FRONTIER is not set")
        try:
            server = connect(url)
        except FrontierError as exc:  # the scheduler reports it as the run's error
            raise NotConfigured(str(exc)) from None
        return cls(server, settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
                   settings.getfloat("DOWNLOAD_DELAY"),
                   settings.getfloat("DOWNLOAD_TIMEOUT") + 30, crawler.stats)

    async def process_request(self, request: Any) -> None:
        keys = host_keys(request.url)
        slots = keys[0]
        token = uuid.uuid4().hex
        gate = self._gates.get(slots)
        answer = None
        if gate is None:
            answer = self._try_take(keys, token)
            if answer == 0:
                request.meta[SLOT_META] = (slots, token)  # the usual case: the host has room
                return
            gate = self._gates[slots] = _HostGate()
        await self._wait_in_line(gate, keys, token, answer)
        if self.stats is not None:
            self.stats.inc_value(FRONTIER_HOST_WAITS)
        request.meta[SLOT_META] = (slots, token)

    async def _wait_in_line(self, gate: _HostGate, keys: tuple[str, str, str], token: str,
                            answer: float | None) -> None:
        """Wait for a slot behind this worker's earlier requests to the host; `answer` is
        Redis's answer to this request's first try, if it made one."""
        loop = asyncio.get_running_loop()
        turn = loop.create_future()
        gate.line.append(turn)
        try:
            if len(gate.line) > 1:
                await turn  # the one before passes the turn on when it has its slot
                answer = None
            backoff = BUSY_WAIT_S
            while True:
                wait = self._try_take(keys, token) if answer is None else answer
                answer = None
                if wait == 0:
                    return
                if wait > 0:  # DOWNLOAD_DELAY: the next start is that far off
                    pause = min(wait, 5.0)
                elif wait == CONTENDED:
                    # Other workers wait too: every one asks every BUSY_WAIT_S, none at
                    # once on its own release, so a freed slot goes to whoever asks first.
                    pause, backoff = BUSY_WAIT_S, BUSY_WAIT_S
                else:  # only this worker waits: later, or at once when it frees a slot
                    pause, backoff = backoff, min(2 * backoff, BUSY_WAIT_MAX_S)
                gate.wake = loop.create_future() if wait != CONTENDED else None
                try:
                    if gate.wake is None:
                        await asyncio.sleep(pause)
                    else:
                        await asyncio.wait_for(asyncio.shield(gate.wake), pause)
                except asyncio.TimeoutError:
                    pass
                finally:
                    gate.wake = None
        finally:
            # Leaving the line, with a slot or cancelled: the next one goes on asking.
            first = bool(gate.line) and gate.line[0] is turn
            gate.line.remove(turn)
            if first or turn.done():
                gate.pass_on()
            if not gate.line:
                self._gates.pop(keys[0], None)

    def _try_take(self, keys: tuple[str, str, str], token: str) -> float:
        """0: the slot is taken; > 0: seconds to the next allowed start; < 0: host busy
        (CONTENDED: and other workers wait for it)."""
        try:
            if self._unreleased:
                self._release_late()
            return float(self._take(keys=list(keys), args=[token, self.limit, self.delay_s,
                                                           self.hold_s, self.worker]))
        except Exception as exc:  # redis down: wait for it rather than be impolite
            if not _is_redis_error(exc):
                raise
            logger.warning("Frontier: host slots unreachable (%s); waiting", exc)
            return REDIS_DOWN_WAIT_S

    def process_response(self, request: Any, response: Any) -> Any:
        self._release(request)
        return response

    def process_exception(self, request: Any, exception: Any) -> None:
        self._release(request)

    def _release(self, request: Any) -> None:
        held = request.meta.pop(SLOT_META, None)
        if held is None:
            return
        try:
            self.server.zrem(*held)
        except Exception as exc:
            if not _is_redis_error(exc):
                raise
            if len(self._unreleased) < MAX_UNRELEASED:  # beyond: they expire after hold_s
                self._unreleased.append(held)
        gate = self._gates.get(held[0])
        if gate is not None and gate.wake is not None and not gate.wake.done():
            gate.wake.set_result(None)  # a slot of that host is free now: ask at once


    def _release_late(self) -> None:
        pipe = self.server.pipeline(transaction=False)
        for slots, token in self._unreleased:
            pipe.zrem(slots, token)
        pipe.execute()  # raises while Redis is still down: kept for the next take
        self._unreleased.clear()


def _is_redis_error(exc: BaseException) -> bool:
    import redis

    return isinstance(exc, (redis.RedisError, OSError))
