"""Slot templates: sentence patterns like "Patients with {cond} often report {sym}." filled
from word pools with a seeded `random.Random`. Compiled once; filling is a list join, which
keeps generating 20,000 articles fast.
"""
from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence

_SLOT = re.compile(r"\{(\w+)\}")


class Template:
    """A pattern compiled into literal parts and slot names (odd positions)."""

    __slots__ = ("parts",)

    def __init__(self, pattern: str) -> None:
        self.parts: tuple[str, ...] = tuple(_SLOT.split(pattern))

    def fill(self, rng: random.Random, pools: Mapping[str, Sequence[str]],
             fixed: Mapping[str, str]) -> str:
        parts = self.parts
        out = [parts[0]]
        used: set[str] = set(fixed.values())
        for i in range(1, len(parts), 2):
            out.append(_value(parts[i], rng, pools, fixed, used))
            out.append(parts[i + 1])
        return "".join(out)


def _value(name: str, rng: random.Random, pools: Mapping[str, Sequence[str]],
           fixed: Mapping[str, str], used: set[str]) -> str:
    # "{Cond}" is "{cond}" with a capital first letter (sentence start); "{sym2}" is another
    # "{sym}", different from the ones already in the sentence when the pool allows.
    capital = name[0].isupper()
    key = name.lower().rstrip("0123456789")
    if key in fixed and not name[-1].isdigit():
        value = fixed[key]
    else:
        pool = pools[key]
        value = rng.choice(pool)
        if value in used and len(pool) > 3:
            value = rng.choice(pool)
    used.add(value)
    return value[0].upper() + value[1:] if capital else value


def compile_all(patterns: Sequence[str]) -> tuple[Template, ...]:
    return tuple(Template(p) for p in patterns)


def sentence(rng: random.Random, templates: Sequence[Template],
             pools: Mapping[str, Sequence[str]], fixed: Mapping[str, str]) -> str:
    return rng.choice(templates).fill(rng, pools, fixed)
