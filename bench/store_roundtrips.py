"""`python -m bench.store_roundtrips` (`make bench-store`): what each store operation costs on
SQLite and on PostgreSQL: milliseconds per call on both, and PostgreSQL round trips per call.

A throwaway PostgreSQL server is started on 127.0.0.1 (tests/servers.py; skipped, and said
so, when PostgreSQL is not installed). Round trips are read from libpq's own trace of the
store's connection: every run of messages the client sends before it reads the server's
answer is one round trip (pipeline mode sends a whole batch in one run).

stdout: one JSON object {"benchmark": "store_roundtrips", "operations": {...}}; stderr: a
table.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipelines.pages import NOT_ARTICLE, remember_params
from pipelines.store import DISCOVER, FINISH, REMEMBER, Store, open_store
from pipelines.synthetic import synthetic_record

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from servers import PostgresServer, postgres_bin  # noqa: E402 (the tests' server)


class RoundTrips:
    """Counts round trips on a psycopg connection through libpq's trace (PQtrace)."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.trips = 0

    def __enter__(self) -> RoundTrips:
        self.file = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (closed in __exit__)
        self.conn.pgconn.trace(self.file.fileno())
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.pgconn.untrace()
        with self.file:
            self.file.seek(0)
            last = "B"
            for line in self.file:
                # Each line: timestamp, direction (F: client, B: server), length, message.
                parts = line.split("\t")
                direction = parts[1] if len(parts) > 2 and parts[1] in "FB" else parts[0]
                if direction == "F" and last == "B":
                    self.trips += 1
                last = direction


def _operations(n: int) -> list[tuple[str, int, Callable[[Store, int], object]]]:
    """(name, calls, call(store, i)), in an order where each finds what it reads."""
    records = [synthetic_record(i) for i in range(n)]
    urls = [r["url"] for r in records]
    batch = 500

    def ledger(store: Store, i: int) -> None:
        chunk = urls[i * batch // 3:(i + 1) * batch // 3]
        events = [(DISCOVER, ("r1", u)) for u in chunk]
        events += [(REMEMBER, remember_params(u, NOT_ARTICLE, '"e"', None, None, urls[:20],
                                              "r1")) for u in chunk]
        events += [(FINISH, ("r1", u, "stored", records[j]["id"]))
                   for j, u in enumerate(chunk, start=i * batch // 3)]
        store.write_ledger(events)

    return [
        ("start_run", 1, lambda s, i: s.start_run("r1", "k", "running", "2026-12-01T00:00Z")),
        ("upsert (new, no flush)", n, lambda s, i: s.upsert(records[i], "r1")),
        (f"flush ({n} articles)", 1, lambda s, i: s.flush()),
        ("upsert (stored before, no flush)", n, lambda s, i: s.upsert(records[i], "r2")),
        (f"flush ({n} articles, same)", 1, lambda s, i: s.flush()),
        (f"write_ledger ({batch} events)", max(1, 3 * n // batch), ledger),
        ("get", 100, lambda s, i: s.get(records[i]["id"])),
        ("stored_record", 100, lambda s, i: s.stored_record(records[i]["id"])),
        ("page_memo", 100, lambda s, i: s.page_memo(urls[i])),
        ("latest_run", 100, lambda s, i: s.latest_run("k")),
        (f"outcomes ({n} URLs)", 1, lambda s, i: sum(1 for _ in s.outcomes("r1"))),
        (f"iter_records ({n})", 1, lambda s, i: sum(1 for _ in s.iter_records())),
        (f"validators ({n} pages)", 1, lambda s, i: s.validators("r1")),
        ("snapshot_ids", 1, lambda s, i: s.snapshot_ids("r1")),
        ("outcome_counts", 1, lambda s, i: list(s.outcome_counts("r1"))),
        (f"persist_settlement ({n} kept)", 1,
         lambda s, i: s.persist_settlement("r2", [r["id"] for r in records], [])),
        ("changes", 1, lambda s, i: list(s.changes("r1"))),
    ]


def measure(location: str | Path, n: int, trace: bool) -> dict[str, dict]:
    results: dict[str, dict] = {}
    store = open_store(location, batch_size=10 * n, flush_interval_s=3600)
    try:
        for name, calls, call in _operations(n):
            tracer = RoundTrips(store.conn) if trace else None
            start = time.perf_counter()
            if tracer:
                with tracer:
                    for i in range(calls):
                        call(store, i)
            else:
                for i in range(calls):
                    call(store, i)
            elapsed = time.perf_counter() - start
            row = {"calls": calls, "ms_per_call": round(1000 * elapsed / calls, 3)}
            if tracer:
                row["round_trips_per_call"] = round(tracer.trips / calls, 3)
            results[name] = row
    finally:
        store.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sqlite = measure(Path(folder) / "bench.sqlite", args.records, trace=False)
    bindir = postgres_bin()
    postgres: dict[str, dict] = {}
    if bindir is None:
        print("PostgreSQL is not installed: its column is skipped (make postgresql)",
              file=sys.stderr)
    else:
        server = PostgresServer(bindir)
        server.start()
        try:
            postgres = measure(server.create_database(), args.records, trace=True)
        finally:
            server.stop()
    print(f"{'operation':38} {'sqlite ms':>10} {'pg ms':>10} {'pg round trips':>15}",
          file=sys.stderr)
    for name, row in sqlite.items():
        pg = postgres.get(name, {})
        print(f"{name:38} {row['ms_per_call']:>10} {pg.get('ms_per_call', '-'):>10} "
              f"{pg.get('round_trips_per_call', '-'):>15}", file=sys.stderr)
    print(json.dumps({"benchmark": "store_roundtrips", "records": args.records,
                      "pid": os.getpid(),
                      "operations": {name: {"sqlite": row, "postgresql": postgres.get(name)}
                                     for name, row in sqlite.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
