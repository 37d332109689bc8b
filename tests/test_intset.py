"""common/intset.py: the compact int set and map behave as a set and a dict, across merges,
at the ends of their ranges, and hold many entries in a fraction of a Python set's memory."""
from __future__ import annotations

import random
import tracemalloc

import pytest

from common.intset import IntMap, IntSet


@pytest.mark.parametrize("typecode,low,high", [("q", -2**63, 2**63 - 1), ("Q", 0, 2**64 - 1)])
def test_int_set_is_a_set_across_merges(typecode, low, high):
    rng = random.Random(5)
    ours, theirs = IntSet(typecode, buffer=64), set()
    values = [low, high, low + 1, high - 1] + [rng.randint(low, high) for _ in range(3000)]
    values += rng.sample(values, 500)  # repeats, before and after their merge
    for value in values:
        assert (value in ours) == (value in theirs)
        ours.add(value)
        theirs.add(value)
        assert value in ours
    assert len(ours) == len(theirs)
    absent = [rng.randint(low, high) for _ in range(2000)]
    assert [v in ours for v in absent] == [v in theirs for v in absent]


def test_int_set_update_counts_each_value_once():
    ours = IntSet(buffer=3)
    ours.update([5, 1, 5, 9, 1, 7, 2, 9])
    assert len(ours) == 5
    assert all(v in ours for v in (1, 2, 5, 7, 9)) and 3 not in ours


def test_int_map_keeps_the_first_value_of_a_key_across_merges():
    rng = random.Random(9)
    ours, theirs = IntMap("q", "Q", buffer=50), {}
    for _ in range(4000):
        key, value = rng.randint(-2**63, 2**63 - 1), rng.randint(0, 2**64 - 1)
        if rng.random() < 0.2 and theirs:
            key = rng.choice(list(theirs))
        assert ours.get(key) == theirs.get(key)
        assert ours.setdefault(key, value) == theirs.setdefault(key, value)
    assert len(ours) == len(theirs)
    assert all(ours.get(k) == v for k, v in theirs.items())
    absent = next(k for k in range(1, 100) if k not in theirs)
    assert ours.get(absent) is None and ours.get(absent, -1) == -1


def test_many_entries_cost_a_fraction_of_a_python_set():
    rng = random.Random(1)
    values = [rng.randint(-2**63, 2**63 - 1) for _ in range(60_000)]

    def traced(build):
        tracemalloc.start()
        try:
            kept = build()
            size = tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
        del kept
        return size

    def compact():
        s = IntSet()
        s.update(values)
        return s

    ours, python = traced(compact), traced(lambda: set(values))
    assert ours < python / 3, (ours, python)
