"""The workers of a run, for both stores: `join_run`, `heartbeat`, `leave_run`,
`run_workers` (the interface and its rules: pipelines/store/base.py).

One implementation in portable SQL; a store class supplies its placeholder, the current
time as an SQL expression, and a transaction serialized per run key. Times are the
database's clock, ISO text like every date of the store, so workers on machines whose clocks
differ still agree on who is alive.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import orjson

from .base import JOIN_JOINED, JOIN_NEW, JOIN_RESUMED, RunJoin, RunRefused, WorkerInfo

# Run statuses as pipelines/ledger.py names them (the store imports nothing from there).
_RUNNING, _INTERRUPTED, _ABANDONED = "running", "interrupted", "abandoned"
# The last worker has left the crawl and is ending the run (settlement, run folder): not
# joinable; resumed like `running` if that worker dies before `end_run`.
ENDING = "ending"


class RunWorkers:
    conn: Any
    PARAM = "?"
    # Whether other processes can share the store's runs: a SQLite store is held by one
    # process (the output folder's flock), so no other worker of its runs is ever alive.
    SHARED = False

    def _now(self) -> str:
        """SQL: the database's current time as ISO text."""
        raise NotImplementedError

    def _ago(self) -> str:
        """SQL with one parameter (seconds): the current time minus that, as ISO text."""
        raise NotImplementedError

    def _serialized(self, key: str) -> contextlib.AbstractContextManager:
        """A transaction that no other join or leave of the same run key runs beside."""
        raise NotImplementedError

    def reopen_unstored(self, run_id: str) -> None:
        raise NotImplementedError  # the store's

    def _q(self, sql: str, params: tuple = ()) -> Any:
        if self.PARAM != "%s":
            sql = sql.replace("%s", self.PARAM)
        return self.conn.execute(sql, params)

    def _live(self, run_id: str, alive_s: float, but: str = "") -> int:
        if not self.SHARED:
            return 0
        return self._q("SELECT count(*) FROM run_workers WHERE run_id = %s AND left_at IS NULL "
                       f"AND worker_id != %s AND heartbeat_at > {self._ago()}",
                       (run_id, but, alive_s)).fetchone()[0]

    def join_run(self, key: str, worker: WorkerInfo, new_run_id: str, started_at: str,
                 fresh: bool = False, alive_s: float = 15.0) -> RunJoin:
        with self._serialized(key):
            row = self._q("SELECT run_id, started_at, status, version, fingerprint FROM runs "
                          "WHERE key = %s ORDER BY started_at DESC LIMIT 1", (key,)).fetchone()
            unfinished = row is not None and row[2] in (_RUNNING, _INTERRUPTED, ENDING)
            others = self._live(row[0], alive_s) if unfinished else 0
            if others and row[2] == ENDING:
                # Its last worker is ending it: this process starts the next run.
                run_id, started, mode, others = new_run_id, started_at, JOIN_NEW, 0
                self._q("INSERT INTO runs (run_id, key, status, started_at, version, "
                        "fingerprint) VALUES (%s, %s, %s, %s, %s, %s)",
                        (run_id, key, _RUNNING, started, worker.version, worker.fingerprint))
            elif others:
                problem = refusal(row[0], row[3], row[4], worker)
                if problem:
                    raise RunRefused(problem)
                run_id, started, mode = row[0], row[1], JOIN_JOINED
            elif unfinished and not fresh:
                run_id, started, mode = row[0], row[1], JOIN_RESUMED
                self._q("UPDATE runs SET status = %s, attempts = attempts + 1, version = %s, "
                        "fingerprint = %s WHERE run_id = %s",
                        (_RUNNING, worker.version, worker.fingerprint, run_id))
                # The workers of earlier attempts are gone; this attempt's are counted anew.
                self._q("DELETE FROM run_workers WHERE run_id = %s", (run_id,))
                # A URL marked stored whose record never reached the store (the store commits
                # in its own batches) is pending again.
                self.reopen_unstored(run_id)
            else:
                if unfinished:
                    self._q("UPDATE runs SET status = %s WHERE run_id = %s",
                            (_ABANDONED, row[0]))
                run_id, started, mode = new_run_id, started_at, JOIN_NEW
                self._q("INSERT INTO runs (run_id, key, status, started_at, version, fingerprint) "
                        "VALUES (%s, %s, %s, %s, %s, %s)",
                        (run_id, key, _RUNNING, started, worker.version, worker.fingerprint))
            now = self._now()
            self._q("INSERT INTO run_workers (worker_id, run_id, host, pid, joined_at, "
                    f"heartbeat_at) VALUES (%s, %s, %s, %s, {now}, {now})",
                    (worker.worker_id, run_id, worker.host, worker.pid))
        return RunJoin(run_id, started, mode, others)

    def heartbeat(self, worker_id: str) -> None:
        self._q(f"UPDATE run_workers SET heartbeat_at = {self._now()} "
                "WHERE worker_id = %s AND left_at IS NULL", (worker_id,))

    def leave_run(self, worker_id: str, alive_s: float = 15.0) -> bool:
        row = self._q("SELECT w.run_id, r.key FROM run_workers w JOIN runs r "
                      "ON r.run_id = w.run_id WHERE w.worker_id = %s", (worker_id,)).fetchone()
        if row is None:
            return True
        run_id, key = row
        with self._serialized(key):
            now = self._now()
            if self._live(run_id, alive_s, but=worker_id):
                self._q(f"UPDATE run_workers SET left_at = {now}, heartbeat_at = {now} "
                        "WHERE worker_id = %s", (worker_id,))
                return False
            # The last one: it stays registered (and keeps its heartbeat) while it ends the
            # run; `end_run` lets it go. Meanwhile the run is `ending`, which nobody joins.
            self._q(f"UPDATE run_workers SET heartbeat_at = {now} WHERE worker_id = %s",
                    (worker_id,))
            self._q("UPDATE runs SET status = %s WHERE run_id = %s AND status = %s",
                    (ENDING, run_id, _RUNNING))
            return True

    def run_workers(self, run_id: str) -> int:
        return self._q("SELECT count(*) FROM run_workers WHERE run_id = %s",
                       (run_id,)).fetchone()[0]


def refusal(run_id: str, version: str | None, fingerprint: str | None,
            worker: WorkerInfo) -> str | None:
    """Why `worker` may not join the open run `run_id` (one line), or None."""
    if version and version != worker.version:
        return (f"run {run_id} is open with healthcrawl {version}, this worker is "
                f"{worker.version}: run the same version, or wait for the run to end")
    if fingerprint and fingerprint != worker.fingerprint:
        theirs, mine = _settings(fingerprint), _settings(worker.fingerprint)
        differ = [f"{name}={theirs.get(name)!r} there, {mine.get(name)!r} here"
                  for name in sorted(set(theirs) | set(mine)) if theirs.get(name) != mine.get(name)]
        return (f"run {run_id} is open with other extraction settings ({'; '.join(differ)}): "
                "use the same settings, or wait for the run to end")
    return None


def _settings(fingerprint: str) -> dict:
    try:
        value = orjson.loads(fingerprint)
    except orjson.JSONDecodeError:
        return {"fingerprint": fingerprint}
    return value if isinstance(value, dict) else {"fingerprint": fingerprint}


@contextlib.contextmanager
def sqlite_transaction(conn: Any) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
