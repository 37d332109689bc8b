"""The frontier's pure parts, without Redis: the URL check, the add-on, the worker command
line, the combined exit code, the run's exit code from a store-built run.json."""
from __future__ import annotations

import pytest

from crawler.frontier.addon import FRONTIER_ROBOTS, POLITENESS, ROBOTS, SCHEDULER, FrontierAddon
from crawler.frontier.connect import FrontierError, check_url, redacted
from crawler.frontier.finish import run_exit_code
from crawler.frontier.workers import combined_exit_code, worker_argv
from crawler.run import build_settings


@pytest.mark.parametrize("url", ["redis://127.0.0.1:6379/0", "redis://h", "rediss://u:p@h:1/2"])
def test_redis_urls_accepted(url) -> None:
    check_url(url)


@pytest.mark.parametrize("url, said", [
    ("http://127.0.0.1:6379/0", "is not a redis://"),
    ("redis://", "is not a redis://"),
    ("redis://h:notaport/0", "port"),
    ("redis://h:1/zero", "must be a number"),
    ("127.0.0.1:6379", "is not a redis://"),
])
def test_bad_frontier_urls_are_one_line_errors(url, said) -> None:
    with pytest.raises(FrontierError) as exc:
        check_url(url)
    assert said in str(exc.value) and "\n" not in str(exc.value)


def test_password_never_shown() -> None:
    assert redacted("redis://user:secret@h:1/0") == "redis://user:***@h:1/0"
    assert redacted("redis://:secret@h:1/0") == "redis://:***@h:1/0"
    with pytest.raises(FrontierError) as exc:
        check_url("redis://:secret@h:1/x")
    assert "secret" not in str(exc.value)


class _Crawler:
    def __init__(self, settings):
        self.settings = settings


def test_addon_not_configured_without_frontier() -> None:
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured):
        FrontierAddon.from_crawler(_Crawler(build_settings()))


def test_addon_switches_scheduler_robots_politeness_and_folders(tmp_path) -> None:
    settings = build_settings({"HEALTHCRAWL_FRONTIER": "redis://127.0.0.1:1/0",
                               "HEALTHCRAWL_OUTPUT_DIR": str(tmp_path),
                               "HEALTHCRAWL_FORMATS": "jsonl"})
    addon = FrontierAddon.from_crawler(_Crawler(settings))
    addon.update_settings(settings)
    assert settings["SCHEDULER"] == SCHEDULER
    middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares[ROBOTS] is None and middlewares[FRONTIER_ROBOTS] == 100
    assert middlewares[POLITENESS] > middlewares["crawler.archive.component.Archive"]
    assert settings["HEALTHCRAWL_FRONTIER_OUT"] == str(tmp_path)
    assert settings["HEALTHCRAWL_OUTPUT_DIR"].startswith(str(tmp_path / "workers"))
    # the SQLite store stays where a single-process run keeps it
    assert settings["HEALTHCRAWL_STORE_PATH"] == str(tmp_path / "healthcrawl.sqlite")
    # workers export nothing themselves; the run's formats go to the last worker's export
    assert settings["HEALTHCRAWL_FORMATS"] == "" and addon.formats == "jsonl"


def test_single_process_settings_unchanged() -> None:
    settings = build_settings()
    assert not settings.get("HEALTHCRAWL_FRONTIER")
    assert settings["SCHEDULER"] != SCHEDULER
    assert POLITENESS not in settings.getdict("DOWNLOADER_MIDDLEWARES")


def test_worker_argv_drops_workers_only() -> None:
    argv = ["crawl", "demo", "--workers", "3", "--frontier", "redis://h/0", "--out", "o"]
    assert worker_argv(argv) == ["crawl", "demo", "--frontier", "redis://h/0", "--out", "o"]
    assert worker_argv(["crawl", "x", "--workers=2"]) == ["crawl", "x"]


def test_combined_exit_code() -> None:
    assert combined_exit_code([0, 0]) == 0
    assert combined_exit_code([2, 2]) == 2
    assert combined_exit_code([0, -9]) == 3  # one killed by a signal
    assert combined_exit_code([0, 1]) == 1
    assert combined_exit_code([0, 2]) == 2


def _summary(status="complete", records=10, **counts):
    base = {"stored": 10, "unchanged": 0, "not_article": 5, "dropped": {}, "failed": {}}
    base.update(counts)
    return {"status": status, "records": records, "counts": base, "pages": None,
            "warnings": None, "snapshot": None}


def test_run_exit_code_from_store_summary() -> None:
    from pipelines.quality import Thresholds

    limits = Thresholds()
    assert run_exit_code(_summary(), limits) == 0
    assert run_exit_code(_summary(status="interrupted"), limits) == 3
    assert run_exit_code(_summary(status="shrank"), limits) == 2
    assert run_exit_code(_summary(records=0, stored=0), limits) == 2
    # 1 failure over 15 parsed pages is over the default 5 %
    assert run_exit_code(_summary(failed={"http_500": 1}), limits) == 2
    assert run_exit_code(_summary(stored=100, failed={"http_500": 1}), limits) == 0


def test_queued_requests_name_their_callbacks_as_scrapy_does_without_listing_the_spider() -> None:
    import scrapy
    from scrapy.utils.request import request_from_dict

    from crawler.frontier.leases import _own_methods
    from crawler.spiders.health import HealthSpider

    spider = HealthSpider(url="http://127.0.0.1:9/")
    cases = [scrapy.Request("http://127.0.0.1:9/a.html", callback=spider.parse,
                            errback=spider.failed, priority=-2, meta={"m": 1},
                            headers={"If-None-Match": '"x"'}, dont_filter=True),
             scrapy.Request("http://127.0.0.1:9/sitemap.xml", callback=spider.parse_sitemap),
             scrapy.Request("http://127.0.0.1:9/plain.html")]
    for request in cases:
        fast = request.to_dict(spider=_own_methods(spider, request))
        assert fast == request.to_dict(spider=spider)  # Scrapy's own answer
        back = request_from_dict(fast, spider=spider)
        assert (back.callback, back.errback) == (request.callback, request.errback)
    # Not the spider's own method: Scrapy's way (which refuses a lambda).
    assert _own_methods(spider, scrapy.Request("http://127.0.0.1:9/", callback=lambda r: r)) \
        is None
    other = HealthSpider(url="http://127.0.0.1:9/")
    assert _own_methods(spider, scrapy.Request("http://127.0.0.1:9/", callback=other.parse)) \
        is None


def test_the_store_built_run_counts_the_checked_records_warnings(tmp_path) -> None:
    """A shared crawl's exit code comes from the store-built run.json: the leak warnings of
    the records the run checked count in it (a kept, unchecked record's do not)."""
    from crawler.commands.export import export_run
    from crawler.run import build_settings
    from pipelines.ledger import Ledger
    from pipelines.quality import LEAK_WARNING, Thresholds
    from pipelines.store import open_store
    from pipelines.synthetic import synthetic_record

    db = open_store(tmp_path / "healthcrawl.sqlite")
    ledger = Ledger(db)
    run_id, _ = ledger.begin("k", "r1")
    for i in range(20):
        record = {**synthetic_record(i), "warnings": [LEAK_WARNING] * (i < 3)}
        db.upsert(record, run_id)
        ledger.discover(record["url"])
        ledger.finish(record["url"], "stored", record["id"])
    db.flush()
    ledger.end("complete", 20)
    stored = next(r for r in db.runs() if r.run_id == run_id)
    out = tmp_path / "run"
    out.mkdir()
    summary = export_run(db, stored, out, build_settings({"HEALTHCRAWL_FORMATS": "jsonl"}))
    db.close()
    assert summary["warnings"] == {LEAK_WARNING: 3}
    assert run_exit_code(summary, Thresholds(max_leak_ratio=0.2)) == 0  # 3 of 20
    assert run_exit_code(summary, Thresholds(max_leak_ratio=0.1)) == 2
