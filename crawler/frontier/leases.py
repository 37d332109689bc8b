"""The run's queue in Redis with leases: scrapy-redis's PriorityQueue (a ZSET scored by
-priority, requests pickled by its serializer), where a pop moves the request into a lease
instead of deleting it.

Keys, all under `healthcrawl:<run id>:` (RunKeys):
  queue        ZSET  "<lease id>\\0<encoded request>" scored -priority
  seen         SET   request fingerprints (the run's dupefilter)
  leases       ZSET  lease id scored by its expiry (Redis server time, seconds)
  lease:data   HASH  lease id -> the queue member it was popped as (and its score)
  lease:owner  HASH  lease id -> worker id

A lease id is the URL the spider discovered (a redirect's first URL), which is also the
URL the ledger files the outcome under, so the ledger's commit says which lease is done.
Every step is one Lua script, atomic in Redis: a worker killed between two commands leaves
no request both queued and leased, or neither.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from scrapy_redis.queue import PriorityQueue

SEP = b"\0"

# KEYS: queue seen leases data owner; ARGV: force, most URLs of the run (0: no limit), then
# (fingerprint score member lease-id) for each request. A new fingerprint (or force) queues
# the member, unless the run's dupefilter already holds the most URLs allowed (`--max-pages`
# for the whole run); a re-queue of a leased id (a retry, a redirect, a 304 fetched again in
# full) ends that lease in the same step. Returns 1 (queued) or 0 (seen, or over the limit)
# per request: a page's links go in one round trip.
PUSH = """
local out = {}
local most = tonumber(ARGV[2])
for i = 3, #ARGV, 4 do
  local fp, score, member, id = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  local added = redis.call('SADD', KEYS[2], fp)
  if added == 0 and ARGV[1] == '0' then
    table.insert(out, 0)
  elseif added == 1 and ARGV[1] == '0' and most > 0 and redis.call('SCARD', KEYS[2]) > most then
    redis.call('SREM', KEYS[2], fp)
    table.insert(out, 0)
  else
    redis.call('ZREM', KEYS[3], id)
    redis.call('HDEL', KEYS[4], id)
    redis.call('HDEL', KEYS[5], id)
    redis.call('ZADD', KEYS[1], score, member)
    table.insert(out, 1)
  end
end
return out
"""

# KEYS: queue leases data owner; ARGV: lease seconds, owner, count. Up to count members,
# each moved into a lease of this owner.
POP = """
local got = redis.call('ZPOPMIN', KEYS[1], tonumber(ARGV[3]))
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
local out = {}
for i = 1, #got, 2 do
  local member, score = got[i], got[i + 1]
  local sep = string.find(member, '\\0', 1, true)
  local id = string.sub(member, 1, sep - 1)
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[1]), id)
  redis.call('HSET', KEYS[3], id, score .. '\\0' .. member)
  redis.call('HSET', KEYS[4], id, ARGV[2])
  table.insert(out, member)
end
return out
"""

# KEYS: leases data owner; ARGV: owner, id...  Only the owner's own leases: a lease that
# expired and went to another worker is that worker's now.
ACK = """
local n = 0
for i = 2, #ARGV do
  if redis.call('HGET', KEYS[3], ARGV[i]) == ARGV[1] then
    redis.call('ZREM', KEYS[1], ARGV[i])
    redis.call('HDEL', KEYS[2], ARGV[i])
    redis.call('HDEL', KEYS[3], ARGV[i])
    n = n + 1
  end
end
return n
"""

# KEYS: leases owner; ARGV: lease seconds, owner, id...  Returns the ids no longer held.
RENEW = """
local t = redis.call('TIME')
local expiry = tonumber(t[1]) + tonumber(t[2]) / 1e6 + tonumber(ARGV[1])
local lost = {}
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[2], ARGV[i]) == ARGV[2] then
    redis.call('ZADD', KEYS[1], 'XX', expiry, ARGV[i])
  else
    table.insert(lost, ARGV[i])
  end
end
return lost
"""

# KEYS: queue leases data owner. Expired leases back to the queue; returns how many.
REQUEUE_EXPIRED = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 1000)
for _, id in ipairs(ids) do
  local held = redis.call('HGET', KEYS[3], id)
  if held then
    local sep = string.find(held, '\\0', 1, true)
    redis.call('ZADD', KEYS[1], string.sub(held, 1, sep - 1), string.sub(held, sep + 1))
  end
  redis.call('ZREM', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
  redis.call('HDEL', KEYS[4], id)
end
return #ids
"""


@dataclass(frozen=True)
class RunKeys:
    prefix: str

    @classmethod
    def of(cls, run_id: str) -> RunKeys:
        return cls(f"healthcrawl:{run_id}:")

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.prefix + name.replace("_", ":")

    def all(self) -> list[str]:
        return [self.prefix + k for k in ("queue", "seen", "leases", "lease:data",
                                          "lease:owner", "recovered", "claims", "robots", "done",
                                          "reconcile", "workers")]


class LeasedQueue(PriorityQueue):
    """scrapy-redis's PriorityQueue, popping into leases (module docstring)."""

    def __init__(self, server: Any, spider: Any, keys: RunKeys, owner: str,
                 lease_s: float, serializer: Any = None, max_urls: int = 0):
        super().__init__(server, spider, keys.queue, serializer)
        self.keys = keys
        self.owner = owner
        self.lease_s = lease_s
        self.max_urls = max(0, max_urls)  # URLs the whole run may queue (0: no limit)
        self._push = server.register_script(PUSH)
        self._pop = server.register_script(POP)
        self._ack = server.register_script(ACK)
        self._renew = server.register_script(RENEW)
        self._requeue = server.register_script(REQUEUE_EXPIRED)

    def _encode_request(self, request: Any) -> bytes:
        # Scrapy's to_dict names a callback by listing every member of the spider
        # (inspect.getmembers: ~100-200 us a request, the most costly step of queueing one);
        # handed an object that holds only this request's own spider methods, it finds the
        # same names at once. Anything else takes Scrapy's own way.
        methods = _own_methods(self.spider, request)
        return self.serializer.dumps(request.to_dict(
            spider=self.spider if methods is None else methods))

    # -- raw members (lease id + encoded request), for tests and the scheduler --------------
    def push_members(self, items: list[tuple[str, bytes, str, int]],
                     force: bool = False) -> list[bool]:
        """(lease id, data, fingerprint, priority) each, in one script: queued or not."""
        if not items:
            return []
        k = self.keys
        args: list[Any] = [int(force), self.max_urls]
        for lease_id, data, fingerprint, priority in items:
            args += [fingerprint, -priority, lease_id.encode("utf-8") + SEP + data, lease_id]
        got = self._push(keys=[k.queue, k.seen, k.leases, k.lease_data, k.lease_owner],
                         args=args)
        return [bool(x) for x in got]

    def push_member(self, lease_id: str, data: bytes, fingerprint: str, priority: int,
                    force: bool = False) -> bool:
        return self.push_members([(lease_id, data, fingerprint, priority)], force)[0]

    def pop_members(self, count: int = 1) -> list[tuple[str, bytes]]:
        """Up to `count` members, highest priority first, each leased to this owner."""
        k = self.keys
        got = self._pop(keys=[k.queue, k.leases, k.lease_data, k.lease_owner],
                        args=[self.lease_s, self.owner, max(1, count)])
        out = []
        for member in got or ():
            lease_id, _, data = member.partition(SEP)
            out.append((lease_id.decode("utf-8"), data))
        return out

    def pop_member(self) -> tuple[str, bytes] | None:
        got = self.pop_members(1)
        return got[0] if got else None

    # -- requests ---------------------------------------------------------------------------
    def push_requests(self, items: list[tuple[Any, str, str]],
                      force: bool = False) -> list[bool]:
        """(request, lease id, fingerprint) each, in one script."""
        return self.push_members([(lid, self._encode_request(request), fp, request.priority)
                                  for request, lid, fp in items], force)

    def push_request(self, request: Any, lease_id: str, fingerprint: str,
                     force: bool = False) -> bool:
        return self.push_requests([(request, lease_id, fingerprint)], force)[0]

    def pop_requests(self, count: int = 1) -> list[tuple[str, Any]]:
        return [(lid, self._decode_request(data)) for lid, data in self.pop_members(count)]

    def pop_request(self) -> tuple[str, Any] | None:
        got = self.pop_requests(1)
        return got[0] if got else None

    def push(self, request: Any) -> None:  # scrapy-redis's interface: no dupefilter, forced
        self.push_request(request, request.url, request.url, force=True)

    def pop(self, timeout: float = 0) -> Any:
        got = self.pop_request()
        return None if got is None else got[1]

    # -- leases -----------------------------------------------------------------------------
    def ack(self, lease_ids: Iterable[str]) -> int:
        ids = list(lease_ids)
        if not ids:
            return 0
        k = self.keys
        return int(self._ack(keys=[k.leases, k.lease_data, k.lease_owner],
                             args=[self.owner, *ids]))

    def renew(self, lease_ids: Iterable[str]) -> list[str]:
        """Extend this worker's leases; returns the ids it no longer holds."""
        ids = list(lease_ids)
        if not ids:
            return []
        k = self.keys
        lost = self._renew(keys=[k.leases, k.lease_owner], args=[self.lease_s, self.owner, *ids])
        return [x.decode("utf-8") for x in lost]

    def capped(self) -> bool:
        """The run has queued as many URLs as it may."""
        return self.max_urls > 0 and int(self.server.scard(self.keys.seen)) >= self.max_urls

    def requeue_expired(self) -> int:
        k = self.keys
        return int(self._requeue(keys=[k.queue, k.leases, k.lease_data, k.lease_owner]))

    def sizes(self) -> tuple[int, int]:
        """(requests queued, leases open)."""
        pipe = self.server.pipeline(transaction=False)
        pipe.zcard(self.keys.queue)
        pipe.zcard(self.keys.leases)
        queued, leased = pipe.execute()
        return int(queued), int(leased)

    def __len__(self) -> int:
        return int(self.server.zcard(self.keys.queue))

    def clear(self) -> None:
        self.server.delete(*self.keys.all())


def _own_methods(spider: Any, request: Any) -> _Methods | None:
    """The request's callback and errback under their names on the spider, when both are
    the spider's own methods (or not methods); None otherwise."""
    methods: dict[str, Any] = {}
    for func in (request.callback, request.errback):
        if not callable(func):
            continue
        owner, name = getattr(func, "__self__", None), getattr(func, "__name__", "")
        if owner is not spider or getattr(getattr(spider, name, None), "__func__", None) \
                is not getattr(func, "__func__", None):
            return None
        methods[name] = func
    return _Methods(methods)


class _Methods:
    """Only the given methods as members (what `inspect.getmembers` lists)."""

    __slots__ = ("_methods",)

    def __init__(self, methods: dict[str, Any]):
        self._methods = methods

    def __dir__(self) -> list[str]:
        return list(self._methods)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._methods[name]
        except KeyError:
            raise AttributeError(name) from None
