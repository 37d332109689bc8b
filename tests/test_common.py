"""common/ holds the one definition of the stats keys, latency buckets, exit codes and the
UTC clock; nothing else spells a `healthcrawl/...` stats key or defines those again."""
from __future__ import annotations

import ast
import re
from datetime import datetime
from pathlib import Path

import pytest

from common import keys
from common.clock import utc_now
from common.exits import EXIT_INTERRUPTED, EXIT_OK, EXIT_QUALITY, EXIT_USAGE

ROOT = Path(__file__).resolve().parent.parent
CODE = ("common", "crawler", "pipelines", "cleaners", "bench")
# A stats key starts with the prefix and a name; "healthcrawl/0.1.0" (a User-Agent) does not.
KEY_LITERAL = re.compile(r"healthcrawl/[a-z_]")
ONE_HOME = {"EXIT_OK", "EXIT_USAGE", "EXIT_QUALITY", "EXIT_INTERRUPTED", "LATENCY_BUCKETS",
            "LATENCY_LIMITS"}


def _modules() -> list[Path]:
    return sorted(p for top in CODE for p in (ROOT / top).rglob("*.py"))


def _strings(tree: ast.AST) -> list[str]:
    """String constants, f-string parts included, docstrings left out."""
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                       ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_stats_key_literal_outside_common_keys():
    found = []
    for path in _modules():
        if path == ROOT / "common" / "keys.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(ROOT)}: {s!r}" for s in _strings(tree)
                  if KEY_LITERAL.match(s)]
    assert not found, "stats keys belong in common/keys.py:\n" + "\n".join(found)


def test_exit_codes_and_latency_buckets_are_defined_once():
    homes: dict[str, list[str]] = {}
    for path in _modules():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign) else []
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name) and name.id in ONE_HOME:
                        homes.setdefault(name.id, []).append(str(path.relative_to(ROOT)))
    assert homes == {"EXIT_OK": ["common/exits.py"], "EXIT_USAGE": ["common/exits.py"],
                     "EXIT_QUALITY": ["common/exits.py"],
                     "EXIT_INTERRUPTED": ["common/exits.py"],
                     "LATENCY_BUCKETS": ["common/keys.py"], "LATENCY_LIMITS": ["common/keys.py"]}


def test_one_utc_clock():
    """Only common/clock.py asks for the current UTC time."""
    callers = [str(p.relative_to(ROOT)) for p in _modules()
               if p != ROOT / "common" / "clock.py"
               and re.search(r"datetime\.(now|utcnow)\(", p.read_text(encoding="utf-8"))]
    assert callers == []


def test_exit_codes_are_the_documented_ones():
    # README.md "Scheduled runs": 0 good, 1 usage or configuration error, 2 below a quality
    # bar, 3 interrupted.
    assert (EXIT_OK, EXIT_USAGE, EXIT_QUALITY, EXIT_INTERRUPTED) == (0, 1, 2, 3)


@pytest.mark.parametrize("seconds, bucket", [
    (0.0, "<10"), (0.0099, "<10"), (0.010, "10-50"), (0.049, "10-50"), (0.050, "50-100"),
    (0.2, "100-500"), (0.5, "500-1000"), (0.999, "500-1000"), (1.0, ">=1000"), (30, ">=1000"),
])
def test_latency_bucket(seconds, bucket):
    assert keys.latency_bucket(seconds) == bucket
    assert bucket in keys.LATENCY_BUCKETS


def test_keys_are_prefixed_and_distinct():
    values = {name: value for name, value in vars(keys).items()
              if name.isupper() and isinstance(value, str) and name not in ("LATENCY_OVER",)}
    assert all(v.startswith("healthcrawl/") for v in values.values()), values
    assert len(set(values.values())) == len(values)
    assert keys.LATENCY + keys.latency_bucket(0.2) == "healthcrawl/latency_ms/100-500"
    assert keys.FAILED + "timeout" == "healthcrawl/outcome/failed/timeout"


def test_utc_now_forms():
    ms, s = utc_now(), utc_now("seconds")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", ms)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", s)
    assert datetime.fromisoformat(s.replace("Z", "+00:00")).utcoffset().total_seconds() == 0
