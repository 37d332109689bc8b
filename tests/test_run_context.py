"""The run context (crawler/run_context.py): the crawler owns the run, the spider and the
pipelines reach it through the crawler. Real SQLite stores in tmp_path, real Scrapy
crawlers and responses; the crawls themselves are in test_resume.py, test_incremental*.py
and test_faults_locks.py."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from faults.server import FaultServer, status
from faults.site import build_small
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from common.default_settings import project_defaults
from crawler.run_context import ConfigError, RunContext, RunScope
from pipelines.ledger import COMPLETE
from pipelines.runinfo import RunInfo, run_of

ROOT = Path(__file__).resolve().parents[1]
SCOPE = RunScope("demo|http://127.0.0.1:8765/|generic=0", "demo", "http://127.0.0.1:8765/",
                 frozenset({"http://127.0.0.1:8765"}))
PAGE = "http://127.0.0.1:8765/health/"


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            modules.add("." * node.level + (node.module or ""))
    return modules


def test_the_spider_imports_nothing_from_pipelines():
    modules = imported_modules(ROOT / "crawler" / "spiders" / "health.py")
    assert "crawler.run_context" in modules  # the check reads the real import list
    assert not {m for m in modules if m == "pipelines" or m.startswith(("pipelines.", "."))}


def test_pipelines_import_nothing_from_crawler():
    found = {str(path.relative_to(ROOT)): m for path in (ROOT / "pipelines").rglob("*.py")
             for m in imported_modules(path) if m == "crawler" or m.startswith("crawler.")}
    assert found == {}


def open_run(out: Path, **settings) -> RunContext:
    crawler = get_crawler(settings_dict=project_defaults({"HEALTHCRAWL_OUTPUT_DIR": str(out),
                                                          **settings}))
    run = RunContext.of(crawler)
    assert RunContext.of(crawler) is run and run_of(crawler) is run
    run.declare(SCOPE)
    run.open(crawler)
    return run


def test_a_held_store_is_one_config_error_and_a_dead_run_resumes(tmp_path):
    first = open_run(tmp_path)
    assert first.config_error is None and not first.resumed
    first.discover(PAGE)
    second = open_run(tmp_path)
    assert isinstance(second.config_error, ConfigError)
    assert str(second.config_error).startswith("store: ")
    assert "another run is using this output folder" in str(second.config_error)
    assert second.run_state is None
    second.fail("start URL private_host")  # the first error recorded is the one reported
    assert str(second.config_error).startswith("store: ")
    first.run_state.close()  # as a killed run: never ended in the ledger
    third = open_run(tmp_path)
    assert third.config_error is None
    assert third.resumed and third.run_id == first.run_id
    assert third.known_urls() == [PAGE] and PAGE in third.seen
    third.run_state.close()


def test_page_memory_through_the_context(tmp_path):
    run = open_run(tmp_path)
    response = HtmlResponse(PAGE, body=b"<html><body>a listing</body></html>",
                            headers={"ETag": '"v1"', "Last-Modified": "Tue, 01 Dec 2026"},
                            request=Request(PAGE))
    links = ["http://127.0.0.1:8765/health/a", "http://127.0.0.1:8765/health/b"]
    run.discover(PAGE)
    run.keep_links(response, links)
    assert list(response.meta.values()) == [links]  # read back when the item is stored
    run.remember_not_article(response, links)
    run.finish_page(PAGE, "not_article")
    run.run_state.finish(COMPLETE)
    run.run_state.close()

    again = open_run(tmp_path)
    assert again.run_id != run.run_id and not again.resumed
    assert again.validators(PAGE) == {"If-None-Match": '"v1"',
                                      "If-Modified-Since": "Tue, 01 Dec 2026"}
    assert again.validators("http://127.0.0.1:8765/health/a") is None
    replay = again.replay(PAGE)
    assert replay is not None and replay.links == links and replay.record is None
    # a 304 for a page with no memory: fetched in full, validators forgotten
    assert again.replay("http://127.0.0.1:8765/other") is None
    # a 200 with the bytes remembered is the same page: replayed, not analysed again
    same = again.same_body(HtmlResponse(PAGE, body=response.body, request=Request(PAGE)))
    assert same is not None and same.links == links and same.record is None and same.fresh
    assert not replay.fresh  # a 304
    assert again.same_body(HtmlResponse(PAGE, body=response.body + b" ",
                                        request=Request(PAGE))) is None
    assert again.same_body(HtmlResponse(PAGE, status=203, body=response.body,
                                        request=Request(PAGE))) is None
    assert again.same_body(HtmlResponse("http://127.0.0.1:8765/health/a", body=response.body,
                                        request=Request(PAGE))) is None
    again.run_state.finish(COMPLETE)
    again.run_state.close()
    # HEALTHCRAWL_CONDITIONAL off: every page fetched in full is analysed
    plain = open_run(tmp_path, HEALTHCRAWL_CONDITIONAL=False)
    assert plain.same_body(HtmlResponse(PAGE, body=response.body, request=Request(PAGE))) \
        is None
    plain.run_state.close()


def test_without_the_ledger_the_context_records_nothing(tmp_path):
    run = open_run(tmp_path, HEALTHCRAWL_LEDGER=False)
    assert run.run_state is None and run.config_error is None and not run.resumed
    run.discover(PAGE)
    run.finish(PAGE, "not_article")
    run.settle(discovery_capped=False)
    assert run.known_urls() == [] and run.validators(PAGE) is None
    assert run.replay(PAGE) is None
    assert not (tmp_path / "healthcrawl.sqlite").exists()


def test_pipelines_under_another_spider_get_a_plain_run(tmp_path):
    crawler = get_crawler(settings_dict=project_defaults({
        "HEALTHCRAWL_OUTPUT_DIR": str(tmp_path), "HEALTHCRAWL_RUN_ID": "20261201T000000Z-abcd"}))
    run = run_of(crawler)
    assert type(run) is RunInfo and run.run_state is None
    assert run.run_id == "20261201T000000Z-abcd"
    assert run.run_dir() == tmp_path / "20261201T000000Z-abcd"
    with pytest.raises(RuntimeError, match="enable it in EXTENSIONS"):
        RunContext.of(crawler)


def test_a_run_id_that_is_no_folder_name_is_a_config_error(tmp_path):
    run = open_run(tmp_path, HEALTHCRAWL_RUN_ID="../x")
    assert str(run.config_error) == "HEALTHCRAWL_RUN_ID '../x' is not a plain folder name"
    assert run.run_state is None  # nothing opened, nothing fetched
    assert "/" not in run.run_id and run.run_dir().parent == tmp_path


@pytest.mark.slow  # a crawl of a fault server
def test_a_refused_start_url_is_a_config_error_of_the_crawl(tmp_path):
    """The spider refuses a private start URL (no --allow-private-hosts): the run records
    the error once, fetches nothing, run.json says so and the command exits 1."""
    server = FaultServer({}).start()
    try:
        build_small(server, status(404))
        out = tmp_path / "out"
        proc = subprocess.run(
            [sys.executable, "-m", "crawler.cli", "crawl", server.url("/"), "--out", str(out)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
            text=True, timeout=120)
        assert proc.returncode == 1, proc.stderr[-2000:]
        assert "Configuration error: start URL private_host" in proc.stderr
        assert "Traceback" not in proc.stderr
        assert server.requests == []  # not even robots.txt
        (summary,) = [json.loads(p.read_text()) for p in out.glob("*/run.json")]
        assert (summary["status"], summary["exit_code"]) == ("error", 1)
        assert summary["config_error"] == "start URL private_host"
    finally:
        server.stop()
