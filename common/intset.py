"""Sets and maps of 64-bit ints that cost ~8 bytes an entry instead of ~60.

A crawl keeps one entry per URL it has met (crawler/links.py) and two per record
(pipelines/dedupe.py) for its whole length. As Python ints in a set each costs an int
object (32 bytes) and a table slot (16-32 bytes); worse, the ints are allocated one by one
all through the crawl between short-lived objects, so they pin pymalloc's arenas and keep
freed memory resident. Measured on the 20,000-article demo crawl, that was most of the
crawl process's growth with the site (bench/README.md, "Compact per-URL state").

Here the settled entries sit in a sorted `array` (8 bytes each, looked up by bisection)
and only the newest up to `buffer` in a Python set or dict, merged into the array when the
buffer fills (a linear merge: the list sort finds the two sorted runs). A lookup is a hash
probe plus a bisection (~0.5 µs); an add is amortised O(1) plus the merge's copy.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left

BUFFER = 8192
HOT = 4096


def _merged(settled: array, recent) -> array:
    items = settled.tolist()
    items.extend(sorted(recent))
    items.sort()  # two sorted runs: a linear merge
    return array(settled.typecode, items)


class IntSet:
    """Membership of ints that fit the array typecode ('q': signed 64-bit, as `hash()`
    gives; 'Q': unsigned 64-bit, as 16 hex digits read)."""

    __slots__ = ("_settled", "_recent", "_hot", "_buffer")

    def __init__(self, typecode: str = "q", buffer: int = BUFFER) -> None:
        self._settled = array(typecode)
        self._recent: set[int] = set()
        self._hot: set[int] = set()  # settled values found lately (a site's menu links)
        self._buffer = max(1, buffer)

    def __contains__(self, value: int) -> bool:
        if value in self._recent or value in self._hot:
            return True
        settled = self._settled
        i = bisect_left(settled, value)
        if i < len(settled) and settled[i] == value:
            if len(self._hot) >= HOT:
                self._hot = set()
            self._hot.add(value)
            return True
        return False

    def add(self, value: int) -> None:
        if value in self:
            return
        self._recent.add(value)
        if len(self._recent) >= self._buffer:
            self._settled = _merged(self._settled, self._recent)
            self._recent = set()

    def update(self, values) -> None:
        for value in values:
            self.add(value)

    def __len__(self) -> int:
        return len(self._settled) + len(self._recent)


class IntMap:
    """int -> int, the same way: settled keys and their values in two arrays sorted by key,
    the newest pairs in a dict. Adding a key already present keeps its first value."""

    __slots__ = ("_keys", "_values", "_recent", "_buffer")

    def __init__(self, key_type: str = "q", value_type: str = "Q", buffer: int = BUFFER) -> None:
        self._keys = array(key_type)
        self._values = array(value_type)
        self._recent: dict[int, int] = {}
        self._buffer = max(1, buffer)

    def get(self, key: int, default: int | None = None) -> int | None:
        value = self._recent.get(key)
        if value is not None:
            return value
        keys = self._keys
        i = bisect_left(keys, key)
        if i < len(keys) and keys[i] == key:
            return self._values[i]
        return default

    def setdefault(self, key: int, value: int) -> int:
        """The key's value, set to `value` first when the key is new."""
        first = self.get(key)
        if first is not None:
            return first
        self._recent[key] = value
        if len(self._recent) >= self._buffer:
            self._merge()
        return value

    def _merge(self) -> None:
        pairs = list(zip(self._keys, self._values, strict=True))
        pairs.extend(sorted(self._recent.items()))
        pairs.sort()  # two sorted runs (keys are unique: values never decide)
        self._keys = array(self._keys.typecode, [k for k, _ in pairs])
        self._values = array(self._values.typecode, [v for _, v in pairs])
        self._recent = {}

    def __len__(self) -> int:
        return len(self._keys) + len(self._recent)
