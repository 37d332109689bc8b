"""changes.jsonl: two real crawls of the demo site on the same port (so the record ids stay
the same), the second against a copy with one article page edited and another deleted; and
the store's change log across complete and interrupted runs."""
from __future__ import annotations

import json
import shutil
import socket
import time
from pathlib import Path

import orjson
import pytest
from conftest import run_scrapy

from crawler.demo.generator import ensure_site
from crawler.demo.routes import file_for
from crawler.demo.server import DemoServer
from pipelines.changes import CONTENT_FIELDS, iter_changes
from pipelines.ledger import COMPLETE, INTERRUPTED, Ledger
from pipelines.snapshot import finish_run
from pipelines.store import Store, open_store
from pipelines.synthetic import synthetic_record

pytestmark = pytest.mark.slow  # crawls against the demo server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read_jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("changes")
    before = ensure_site(40, root / "sites")
    after = root / "edited"
    shutil.copytree(before, after)
    keepto = [e["path"] for e in read_jsonl(before / "expected.jsonl") if e["family"] == "keepto"]
    edited, deleted = keepto[0], keepto[1]
    page = after / file_for(edited)
    title = next(e["title"] for e in read_jsonl(before / "expected.jsonl") if e["path"] == edited)
    page.write_bytes(page.read_bytes().replace(f"<h1>{title}</h1>".encode(),
                                               f"<h1>{title} (updated)</h1>".encode()))
    (after / file_for(deleted)).unlink()

    out, port, runs = root / "out", free_port(), []
    for site in (before, after):
        with DemoServer(site, port=port) as server:
            # The deleted page is still linked, so it fails with a 404: allow that.
            proc = run_scrapy(["-a", "site=demo", "-a", f"url={server.base_url}",
                               "-s", "HEALTHCRAWL_MAX_FAILURE_RATIO=0.5"], out)
        assert proc.returncode == 0, proc.stderr[-3000:]
        runs.append((out / "latest").resolve())
    assert runs[0] != runs[1]
    return {"runs": runs, "edited_title": title, "edited": edited, "deleted": deleted}


def test_first_run_adds_every_record(two_runs: dict) -> None:
    run = two_runs["runs"][0]
    records = read_jsonl(run / "articles.jsonl")
    changes = read_jsonl(run / "changes.jsonl")
    assert [c["id"] for c in changes] == sorted(r["id"] for r in records)
    assert {c["change"] for c in changes} == {"added"}
    by_id = {r["id"]: r for r in records}
    for change in changes:
        assert (change["url"], change["title"]) == (by_id[change["id"]]["url"],
                                                     by_id[change["id"]]["title"])
        assert change["fields"] == []
    summary = json.loads((run / "run.json").read_text())
    assert summary["changes"] == {"added": len(records), "changed": 0, "removed": 0}


def test_second_run_logs_the_edit_and_the_removal(two_runs: dict) -> None:
    first, second = ([*read_jsonl(run / "articles.jsonl")] for run in two_runs["runs"])
    old, new = {r["id"]: r for r in first}, {r["id"]: r for r in second}
    # What the log must say, from the two snapshots themselves.
    changed = {rid: [f for f in CONTENT_FIELDS if old[rid][f] != new[rid][f]]
               for rid in old.keys() & new.keys()}
    changed = {rid: fields for rid, fields in changed.items() if fields}
    removed = sorted(old.keys() - new.keys())
    assert sorted(new.keys() - old.keys()) == []
    # ... and that is what was done to the site: one title edited, one page deleted.
    assert [new[rid]["url"].endswith(two_runs["edited"]) for rid in changed] == [True]
    assert [new[rid]["title"] for rid in changed] == [f"{two_runs['edited_title']} (updated)"]
    assert "title" in next(iter(changed.values()))
    assert [old[rid]["url"].endswith(two_runs["deleted"]) for rid in removed] == [True]

    log = read_jsonl(two_runs["runs"][1] / "changes.jsonl")
    assert log == [
        *({"id": rid, "change": "changed", "url": new[rid]["url"], "title": new[rid]["title"],
           "fields": fields} for rid, fields in sorted(changed.items())),
        *({"id": rid, "change": "removed", "url": old[rid]["url"], "title": old[rid]["title"],
           "fields": [], "reason": "http_404"} for rid in removed),
    ]
    summary = json.loads((two_runs["runs"][1] / "run.json").read_text())
    assert summary["status"] == "complete"
    assert summary["changes"] == {"added": 0, "changed": len(changed), "removed": len(removed)}


def _run(ledger: Ledger, store: Store, run_id: str, records: list[dict], status: str) -> None:
    time.sleep(0.005)  # runs are ordered by their start time (milliseconds)
    # fresh: r3 must not resume the interrupted r2 (the default for the same key).
    assert ledger.begin("demo|http://h/|generic=0", run_id, fresh=True) == (run_id, False)
    for record in records:
        store.upsert(record, run_id)
        ledger.finish(record["url"], "stored", record["id"])
    store.flush()
    ledger.end(status)
    finish_run(ledger.db, run_id, status == COMPLETE)


def test_removals_only_between_complete_runs(tmp_path: Path) -> None:
    path = tmp_path / "healthcrawl.sqlite"
    a, b, c = (synthetic_record(i) for i in range(3))
    ledger, store = Ledger.open(path), open_store(path)
    try:
        _run(ledger, store, "r1", [a, b, c], COMPLETE)
        _run(ledger, store, "r2", [a], INTERRUPTED)  # saw only part of the site
        _run(ledger, store, "r3", [a, b], COMPLETE)
        _run(ledger, store, "r4", [c, {**b, "teasers": []}], COMPLETE)

        def log(run_id: str) -> list[tuple]:
            return [(ch["id"], ch["change"], ch["fields"])
                    for ch in iter_changes(store, run_id)]

        assert sorted(log("r1")) == sorted((r["id"], "added", []) for r in (a, b, c))
        assert log("r2") == []  # interrupted: nothing changed, no removals
        assert log("r3") == [(c["id"], "removed", [])]  # compared with r1, not r2
        # c is back (added again); b lost its teasers (changed) ; a is gone (removed).
        assert log("r4") == [(c["id"], "added", []), (b["id"], "changed", ["teasers"]),
                             (a["id"], "removed", [])]
    finally:
        store.close()
        ledger.close()
