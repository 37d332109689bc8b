"""bench/navigation.py: which saved page a truth file names, and missing pages are skipped."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from bench.navigation import page_path, run


def test_page_path_per_pool():
    data = Path("/data")
    assert page_path(data, {"id": "traf-a-1", "pool": "navigation-pool"}) == \
        data / "navigation-pool" / "pages" / "traf-a-1.html.gz"
    assert page_path(data, {"id": "traf-a-1"}) == \
        data / "navigation-pool" / "pages" / "traf-a-1.html.gz"
    assert page_path(data, {"id": "zh-dev:cwced-1", "pool": "zh-dev"}) == \
        data / "zh-dev" / "pages" / "cwced-1.html.gz"
    # body-dev ids repeat navigation-pool ids, so its truth ids carry the pool as a prefix
    assert page_path(data, {"id": "body-dev:traf-a-1", "pool": "body-dev"}) == \
        data / "body-dev" / "pages" / "traf-a-1.html.gz"
    # the article-extraction benchmark keeps its pages under html/
    aed = {"id": "article-extraction-dev:04a6", "pool": "article-extraction-dev"}
    assert page_path(data, aed) == data / "article-extraction-dev" / "html" / "04a6.html.gz"


def _truth(folder: Path, name: str, doc: dict) -> None:
    (folder / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")


def test_run_scores_body_dev_by_its_split_and_skips_missing_pages(tmp_path):
    truth, data = tmp_path / "truth", tmp_path / "data"
    truth.mkdir()
    (data / "body-dev" / "pages").mkdir(parents=True)
    page = b"<html><body><article><h1>T</h1><p>" + b"Text. " * 80 + b"</p></article></body></html>"
    (data / "body-dev" / "pages" / "traf-x-1.html.gz").write_bytes(gzip.compress(page))
    empty = {"related_links": [], "teasers": [], "language": "en"}
    _truth(truth, "body-dev--traf-x-1", {"id": "body-dev:traf-x-1", "pool": "body-dev",
                                         "url": "https://e.com/a", "split": "check", **empty})
    _truth(truth, "body-dev--traf-y-2", {"id": "body-dev:traf-y-2", "pool": "body-dev",
                                         "url": "https://e.com/b", "split": "tune", **empty})
    report, per_split = run(truth, data)
    assert report["pages"] == 1 and report["skipped"] == ["body-dev:traf-y-2"]
    assert list(per_split) == ["check"]
    assert list(report["splits"]["check"]["by_pool"]) == ["body-dev"]
