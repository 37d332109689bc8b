"""bench/metadata_causes.py: each author error gets the reader it came from (or would have
needed) and a kind; pages are printed only for tune pages."""
from __future__ import annotations

import gzip
import json

import pytest
from byline_pages import page

from bench.metadata_causes import main, page_errors

URL = "https://news.example/2024/03/flu-season/"


def _truth(names: list[str], split: str = "tune") -> dict:
    return {"id": "p1", "pool": "body-dev", "split": split, "url": URL, "annotation": "blind",
            "authors": [{"name": n, "url": None} for n in names]}


def test_a_right_author_is_no_error() -> None:
    html = page(byline="<p>By Ann Lee</p>").encode()
    assert page_errors(_truth(["Ann Lee"]), html) == []


def test_the_site_taken_for_the_writer_named_only_in_the_text() -> None:
    # the byline element names the site; the writer signs in a plain sentence no reader reads
    head = "<meta property='og:site_name' content='News Example'>"
    html = page(byline="<span class='author'>News Example</span>", head=head,
                tail="<p>Reporting: Ann Lee in Berlin for this story.</p>").encode()
    assert page_errors(_truth(["Ann Lee"]), html) == [
        ("wrong", "byline element", "organisation/site for a person", "news example"),
        ("missed", "text only", "missed byline", "ann lee")]


def test_a_second_author_beside_the_right_one() -> None:
    html = page(byline="<p>By Ann Lee and Max Kurz</p>").encode()
    assert page_errors(_truth(["Ann Lee"]), html) == [
        ("wrong", "labelled byline", "extra co-author", "max kurz")]


def test_details_are_refused_for_check_pages(tmp_path, capsys) -> None:
    truth_dir, pools = tmp_path / "truth", tmp_path / "pools"
    (pools / "body-dev" / "pages").mkdir(parents=True)
    truth_dir.mkdir()
    (truth_dir / "body-dev--p1.json").write_text(json.dumps(_truth(["Ann Lee"], "check")))
    (pools / "body-dev" / "pages" / "p1.html.gz").write_bytes(
        gzip.compress(page(byline="<p>By Max Kurz</p>").encode()))
    args = ["--truth", str(truth_dir), "--pools", str(pools), "--groups", "check_clean"]
    with pytest.raises(SystemExit):
        main([*args, "--detail"])
    assert main(args) == 0  # counts only
    report = json.loads(capsys.readouterr().out)
    assert report["pages_with_author_errors"] == 1
    assert "p1" not in json.dumps(report) and "kurz" not in json.dumps(report)
