"""`healthcrawl export`: the run folder rebuilt from the store alone equals the one the crawl
wrote (a real crawl of the demo site, then the real CLI in a child process), from the SQLite
store and from a PostgreSQL store holding the same rows; bad stores and runs fail cleanly."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import orjson
import pandas as pd
import pytest
from conftest import free_port, run_cli

from pipelines.export.csvfiles import FILENAMES as CSV_FILES
from pipelines.store import DISCOVER, FINISH, Store, open_store

pytestmark = pytest.mark.slow  # a crawl of the demo site, PostgreSQL, child processes

# Files the crawl writes that an export cannot: the raw responses archive (WARC), and
# run.json, compared field by field below.
CRAWL_ONLY = ("archive/", "run.json")
VISIT_FIELDS = ("run_id", "http_status")


@pytest.fixture(scope="module")
def crawl_dir(demo_output: Path) -> Path:
    return (demo_output / "latest").resolve()


@pytest.fixture(scope="module")
def sqlite_store(demo_output: Path) -> Path:
    return demo_output / "healthcrawl.sqlite"


def copy_store(src: Store, dst: Store) -> None:
    """Every run, article and ledger row of `src` into an empty `dst`, through the Store
    interface (as a crawl writes them: articles, then outcomes, then the run's end)."""
    runs = src.runs()
    for run in runs:
        dst.start_run(run.run_id, run.key, "running", run.started_at)
    for record in src.iter_records():
        article = src.get(record["id"])
        dst.upsert(article.record, article.last_run, seen_at=article.first_seen)
    dst.flush()
    for run in runs:
        events = []
        for url, outcome, rid in src.outcomes(run.run_id):
            events.append((DISCOVER, (run.run_id, url)))
            if outcome is not None:
                events.append((FINISH, (run.run_id, url, outcome, rid)))
        dst.write_ledger(events)
        dst.end_run(run.run_id, run.status, run.finished_at, src.run_discovered(run.run_id))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, sqlite_store: Path):
    if request.param == "sqlite":
        yield str(sqlite_store)
        return
    server = request.getfixturevalue("postgres_server")
    url = server.create_database()
    with open_store(sqlite_store) as src, open_store(url) as dst:
        copy_store(src, dst)
    yield url
    server.drop_database(url)


@pytest.fixture(scope="module")
def exported(store: str, crawl_dir: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    proc = run_cli(["export", "--store", store, "--out", str(out)])
    assert proc.returncode == 0, proc.stderr[-3000:]
    run_dir = out / crawl_dir.name  # the newest complete run: the crawl's
    assert proc.stdout.strip() == str(run_dir)
    assert sorted(p.name for p in out.iterdir()) == [crawl_dir.name]  # no temporary folder
    return run_dir


def _files(run_dir: Path) -> set[str]:
    return {str(p.relative_to(run_dir)) for p in run_dir.rglob("*") if p.is_file()
            and not str(p.relative_to(run_dir)).startswith(CRAWL_ONLY)}


def _jsonl(run_dir: Path, name: str) -> list[dict]:
    return [orjson.loads(line) for line in (run_dir / name).read_bytes().splitlines()]


def _content(record: dict) -> dict:
    """The record without what belongs to the visit rather than to the article."""
    return {k: v for k, v in record.items() if k not in VISIT_FIELDS}


def _csv_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    return rows[0], sorted(rows[1:])


def test_same_files_as_the_crawl(exported: Path, crawl_dir: Path) -> None:
    assert _files(exported) == _files(crawl_dir)
    assert {"articles.jsonl", "articles.parquet", "schema.json", "changes.jsonl"} \
        <= _files(exported)
    assert not list(exported.rglob("*.part"))


def test_jsonl_records_equal_the_crawl(exported: Path, crawl_dir: Path) -> None:
    ours = _jsonl(exported, "articles.jsonl")
    theirs = _jsonl(crawl_dir, "articles.jsonl")
    assert len(ours) == len(theirs) > 0
    # Documented difference: the export is in id order, the crawl in the order it met pages.
    assert [r["id"] for r in ours] == sorted(r["id"] for r in theirs)
    assert {r["id"]: r for r in ours} == {r["id"]: r for r in theirs}


def test_csv_files_equal_the_crawl(exported: Path, crawl_dir: Path) -> None:
    for name in CSV_FILES:
        header, rows = _csv_rows(exported / name)
        assert (header, rows) == _csv_rows(crawl_dir / name), name
    assert len(_csv_rows(exported / "articles.csv")[1]) > 0


def test_parquet_equals_the_crawl(exported: Path, crawl_dir: Path) -> None:
    ours = pd.read_parquet(exported / "articles.parquet")
    theirs = pd.read_parquet(crawl_dir / "articles.parquet")
    assert list(ours.columns) == list(theirs.columns)
    theirs = theirs.sort_values("id").reset_index(drop=True)
    assert len(ours) == len(theirs) > 0
    pd.testing.assert_frame_equal(ours.reset_index(drop=True), theirs)


def test_schema_changes_and_feeds_equal_the_crawl(exported: Path, crawl_dir: Path) -> None:
    for name in ("schema.json", "data-dictionary.md", "changes.jsonl"):
        assert (exported / name).read_bytes() == (crawl_dir / name).read_bytes(), name
    feeds = sorted(p.name for p in (crawl_dir / "feeds").iterdir())
    assert feeds and sorted(p.name for p in (exported / "feeds").iterdir()) == feeds
    for name in feeds:
        assert (exported / "feeds" / name).read_bytes() == \
            (crawl_dir / "feeds" / name).read_bytes(), name


def test_run_json_counts_from_the_ledger(exported: Path, crawl_dir: Path) -> None:
    ours = json.loads((exported / "run.json").read_text("utf-8"))
    theirs = json.loads((crawl_dir / "run.json").read_text("utf-8"))
    assert ours["source"] == "store"
    for key in ("run_id", "schema_version", "site", "started_at", "status", "counts",
                "records", "changes", "thresholds"):
        assert ours[key] == theirs[key], key
    assert ours["records"] == len(_jsonl(crawl_dir, "articles.jsonl"))
    # The warnings of the records the run checked, counted from the store (what the run
    # quality's leak ratio reads); each record's warnings are in the export too.
    counted: dict[str, int] = {}
    for record in _jsonl(crawl_dir, "articles.jsonl"):
        for name in set(record["warnings"]):
            counted[name] = counted.get(name, 0) + 1
    assert ours["warnings"] == counted == theirs["warnings"]
    assert "warnings" not in ours["not_in_store"]
    # What only the crawling process measured is null and named, not invented.
    assert ours["pages"] is None and ours["latency_ms"] is None and ours["exit_code"] is None
    assert {"pages", "latency_ms", "elapsed_s", "snapshot"} <= set(ours["not_in_store"])
    # Every field of the crawl's run.json is there, known or null.
    assert set(theirs) <= set(ours)
    assert set(ours["files"]) == _files(exported) - {"run.json"}
    assert ours["files"]["articles.jsonl"] == (exported / "articles.jsonl").stat().st_size


def test_export_again_replaces_the_folder(sqlite_store: Path, crawl_dir: Path,
                                          tmp_path: Path) -> None:
    stale = tmp_path / crawl_dir.name
    stale.mkdir()
    (stale / "articles.jsonl").write_text("not a record\n")
    proc = run_cli(["export", "--store", str(sqlite_store), "--out", str(tmp_path),
                    "--run", crawl_dir.name, "-s", "HEALTHCRAWL_FORMATS=jsonl"])
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (stale / "articles.jsonl").read_bytes().count(b"\n") == \
        (crawl_dir / "articles.jsonl").read_bytes().count(b"\n")
    assert not (stale / "articles.csv").exists()  # only the formats asked for
    assert sorted(p.name for p in tmp_path.iterdir()) == [crawl_dir.name]


@pytest.mark.parametrize("case", ["missing file", "empty file", "not a database",
                                  "other scheme",
                                  "server down", "unknown run", "no complete run",
                                  "unknown format"])
def test_bad_store_or_run_is_one_line_exit_1_nothing_written(
        case: str, sqlite_store: Path, tmp_path: Path) -> None:
    args: list[str]
    if case == "missing file":
        args = ["--store", str(tmp_path / "nothing.sqlite")]
    elif case == "empty file":
        (tmp_path / "empty.sqlite").touch()
        args = ["--store", str(tmp_path / "empty.sqlite")]
    elif case == "not a database":
        junk = tmp_path / "junk.sqlite"
        junk.write_bytes(b"this is not a SQLite file" * 100)
        args = ["--store", str(junk)]
    elif case == "other scheme":
        args = ["--store", "mysql://user:s3cret@127.0.0.1/db"]
    elif case == "server down":
        args = ["--store", f"postgresql://healthcrawl:s3cret@127.0.0.1:{free_port()}/nothing"]
    elif case == "unknown format":
        args = ["--store", str(sqlite_store), "-s", "HEALTHCRAWL_FORMATS=jsonl,xml"]
    elif case == "unknown run":
        args = ["--store", str(sqlite_store), "--run", "no-such-run"]
    else:
        fresh = tmp_path / "fresh.sqlite"
        open_store(fresh).close()  # a real store, schema and all, without runs
        args = ["--store", str(fresh)]
    out = tmp_path / "out"
    proc = run_cli(["export", *args, "--out", str(out)], timeout=60)
    assert proc.returncode == 1, (case, proc.stderr[-2000:])
    assert proc.stderr.startswith("healthcrawl: ") and proc.stderr.count("\n") == 1, \
        proc.stderr
    assert "Traceback" not in proc.stderr and "s3cret" not in proc.stderr
    assert not out.exists() or not any(out.iterdir())
    if case == "missing file":
        assert not (tmp_path / "nothing.sqlite").exists()  # not created by the export
    if case == "empty file":
        assert (tmp_path / "empty.sqlite").stat().st_size == 0  # not made a store


def test_help_names_the_options() -> None:
    proc = run_cli(["export", "--help"], timeout=60)
    assert proc.returncode == 0
    for option in ("--store", "--out", "--run", "newest complete run"):
        assert option in proc.stdout, option


def test_unwritable_out_is_one_line_exit_1(sqlite_store: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way\n")
    proc = run_cli(["export", "--store", str(sqlite_store), "--out", str(blocker / "out")],
                   timeout=60)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert proc.stderr.startswith(f"healthcrawl: cannot write {blocker / 'out'}: ")
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert blocker.read_text() == "in the way\n"


def test_second_run_and_an_older_run_by_name(demo_server, tmp_path: Path) -> None:
    """Two crawls into one output folder: the default export is the second run, `--run`
    gives the first; each equals its own crawl folder (the demo site did not change between
    them, so the store's latest version of each article is also the first run's)."""
    from conftest import run_scrapy

    crawl_out = tmp_path / "crawl"
    for _ in range(2):
        proc = run_scrapy(["-a", "site=demo", "-a", f"url={demo_server.base_url}"], crawl_out)
        assert proc.returncode == 0, proc.stderr[-3000:]
    first, second = sorted(p for p in crawl_out.iterdir() if p.is_dir() and not p.is_symlink())
    assert (crawl_out / "latest").resolve() == second
    store = str(crawl_out / "healthcrawl.sqlite")
    for run_dir, extra in ((second, []), (first, ["--run", first.name])):
        out = tmp_path / f"export-{run_dir.name}"
        proc = run_cli(["export", "--store", store, "--out", str(out), *extra])
        assert proc.returncode == 0, proc.stderr[-3000:]
        ours = _jsonl(out / run_dir.name, "articles.jsonl")
        theirs = _jsonl(run_dir, "articles.jsonl")
        assert len(ours) == len(theirs) > 0
        if run_dir == second:
            assert {r["id"]: r for r in ours} == {r["id"]: r for r in theirs}
        else:
            # Documented difference: the store holds each article as last seen, so an older
            # run's records carry the visit of the newest run that saw them (here a 304 of
            # the second run); the content is the first run's, the site did not change.
            assert {r["run_id"] for r in ours} == {second.name}
            assert {r["id"]: _content(r) for r in ours} == \
                {r["id"]: _content(r) for r in theirs}
        assert (out / run_dir.name / "changes.jsonl").read_bytes() == \
            (run_dir / "changes.jsonl").read_bytes()
        summary = json.loads((out / run_dir.name / "run.json").read_text("utf-8"))
        crawled = json.loads((run_dir / "run.json").read_text("utf-8"))
        assert summary["counts"] == crawled["counts"]
        assert summary["changes"] == crawled["changes"]
    # The second run saw every article again, unchanged: an empty change log, as crawled.
    assert json.loads((second / "run.json").read_text("utf-8"))["counts"]["unchanged"] > 0
