"""All SQL of healthcrawl is in the store package (pipelines/store/): every other module of
crawler/, pipelines/, cleaners/ and common/ reaches the database through the store
interface (pipelines/store/base.py), so a second implementation covers all of it."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "pipelines" / "store"
# The start of an SQL statement as the store writes them (upper-case keywords).
STATEMENT = re.compile(r"\b(SELECT\s+\S|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|"
                       r"DELETE\s+FROM|CREATE\s+(TABLE|INDEX|UNIQUE)|ALTER\s+TABLE|PRAGMA\s)")


def test_the_pattern_finds_statements() -> None:
    for sql in ("SELECT record FROM articles", "INSERT OR IGNORE INTO ledger",
                "UPDATE runs SET status = ?", "DELETE FROM kept", "CREATE TABLE IF NOT EXISTS x",
                "PRAGMA user_version"):
        assert STATEMENT.search(sql), sql
    for text in ("_SELECTORS = (", "rng.choice(_SELECTORS)", "# select the newest"):
        assert not STATEMENT.search(text), text


def test_no_sql_outside_the_store_package() -> None:
    sources = [p for folder in ("crawler", "pipelines", "cleaners", "common")
               for p in sorted((ROOT / folder).rglob("*.py")) if STORE not in p.parents]
    assert len(sources) > 50  # the folders were found
    found = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for p in sources
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if STATEMENT.search(line)]
    assert found == []
