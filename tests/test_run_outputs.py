"""What a real crawl of the demo site leaves for analysts and downstream sites: schema.json
that every record validates against, the one-call loader, and the feeds."""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import feedparser
import jsonschema
import orjson
import pandas as pd
import pytest
from lxml import etree
from record_rules import BROKEN, variants

from cleaners.record_fields import SCHEMA_VERSION
from cleaners.sanitize import sanitize_html
from pipelines.export import Exporter
from pipelines.load import load_run
from pipelines.synthetic import tricky_records

pytestmark = pytest.mark.slow  # a crawl of the demo site

ATOM = "{http://www.w3.org/2005/Atom}"
# JSON Feed 1.1 (jsonfeed.org/version/1.1): what the spec requires, plus what we promise.
JSON_FEED_SCHEMA = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string", "minLength": 1},
        "home_page_url": {"type": "string", "pattern": "^https?://"},
        "items": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "url", "title", "content_html", "summary", "date_published"],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "url": {"type": "string", "pattern": "^https?://"},
                "content_html": {"type": "string", "minLength": 1},
                "date_published": {"type": "string", "format": "date-time"},
                "authors": {"type": "array", "items": {"type": "object",
                                                       "required": ["name"]}},
            }}},
    },
}


@pytest.fixture(scope="module")
def run_dir(demo_output: Path) -> Path:
    return (demo_output / "latest").resolve()


@pytest.fixture(scope="module")
def records(run_dir: Path) -> list[dict]:
    return [orjson.loads(line) for line in (run_dir / "articles.jsonl").read_bytes().splitlines()]


# -- schema --------------------------------------------------------------------------------
def test_every_record_validates_against_schema_json(run_dir: Path, records: list[dict]) -> None:
    schema = json.loads((run_dir / "schema.json").read_text("utf-8"))
    summary = json.loads((run_dir / "run.json").read_text("utf-8"))
    assert summary["schema_version"] == SCHEMA_VERSION
    assert {"schema.json", "data-dictionary.md", "changes.jsonl"} <= set(summary["files"])
    validator = jsonschema.Draft202012Validator(schema)
    assert len(records) == summary["records"] > 0
    for record in records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record["url"], errors[:3])
    # A contract, not a formality: a real record broken in one documented way fails it.
    for why, broken in variants(records[0], BROKEN):
        assert not validator.is_valid(broken), why


# -- loader --------------------------------------------------------------------------------
def _when(text: str | None) -> pd.Timestamp | None:
    if not text:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    value = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return pd.Timestamp(value).tz_convert("UTC")


@pytest.mark.parametrize("source", ["parquet", "csv"])
def test_load_run_matches_jsonl(demo_output: Path, run_dir: Path, records: list[dict],
                                source: str) -> None:
    run = load_run(run_dir, source=source)
    assert run.path == run_dir and run.summary["run_id"] == records[0]["run_id"]
    assert len(run.articles) == len(records)
    assert len(run.related_links) == sum(len(r["related_links"]) for r in records)
    assert len(run.teasers) == sum(len(r["teasers"]) for r in records)

    a = run.articles
    for name in ("id", "url", "title", "body", "body_html", "language", "extractor"):
        assert a[name].dtype == "string", name
    for name in ("published", "modified", "fetched_at"):
        assert str(a[name].dtype) == "datetime64[us, UTC]", name
    assert a["word_count"].dtype == "Int64" and a["http_status"].dtype == "Int64"
    assert run.teasers["truncated"].dtype == "boolean"
    assert run.teasers["position"].dtype == "Int64"

    by_id = {r["id"]: r for r in records}
    for row in a.to_dict("records"):
        record = by_id[row["id"]]
        assert row["title"] == record["title"] and row["body"] == record["body"]
        assert row["authors"] == [a["name"] for a in record["authors"]]
        assert row["breadcrumbs"] == record["breadcrumbs"]
        assert row["word_count"] == record["word_count"]
        for name in ("published", "fetched_at"):
            want = _when(record[name])
            assert (pd.isna(row[name]) if want is None else row[name] == want), name
    links = [(r["id"], i, link["rel"], link["title"], link["url"])
             for r in records for i, link in enumerate(r["related_links"])]
    got = [(row.id, row.position, row.rel, row.title, None if pd.isna(row.url) else row.url)
           for row in run.related_links.itertuples()]
    assert sorted(got) == sorted(links)
    teasers = [(r["id"], i, t["title"], t["truncated"])
               for r in records for i, t in enumerate(r["teasers"])]
    got = [(row.id, row.position, row.title, bool(row.truncated))
           for row in run.teasers.itertuples()]
    assert sorted(got) == sorted(teasers)


def test_load_run_finds_latest_and_csv_equals_parquet(demo_output: Path, run_dir: Path) -> None:
    from_output = load_run(demo_output)  # the output folder itself means latest
    assert from_output.path == run_dir
    from_csv = load_run(demo_output / "latest", source="csv")
    for name in ("articles", "related_links", "teasers"):
        pd.testing.assert_frame_equal(getattr(from_output, name), getattr(from_csv, name))


def test_load_run_from_csv_only_adversarial(tmp_path: Path) -> None:
    records = tricky_records()
    exporter = Exporter(tmp_path, formats=["jsonl", "csv"], csv_excel=True)
    for record in records:
        exporter.write(record)
    exporter.close()
    run = load_run(tmp_path)  # no parquet: the CSV files
    assert run.summary is None and len(run.articles) == len(records)
    for row, record in zip(run.articles.to_dict("records"), records, strict=True):
        for name in ("title", "body", "body_html", "url"):
            want = record[name] or None  # CSV: an empty cell is missing
            assert (pd.isna(row[name]) if want is None else row[name] == want), name
        names = [a["name"] for a in record["authors"]]
        if not any("; " in a for a in names):
            assert row["authors"] == names
        assert row["http_status"] == record["http_status"] or (
            record["http_status"] is None and pd.isna(row["http_status"]))
    assert run.teasers["truncated"].tolist() == [t["truncated"] for r in records
                                                 for t in r["teasers"]]


# -- feeds ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def expected_feed(demo_output: Path, records: list[dict]) -> list[dict]:
    """The 50 newest records, by published, else when the store first saw them."""
    conn = sqlite3.connect(demo_output / "healthcrawl.sqlite")
    first_seen = dict(conn.execute("SELECT id, first_seen FROM articles"))
    conn.close()
    keyed = [((_when(r["published"]) or _when(first_seen[r["id"]])), r["id"], r)
             for r in records]
    keyed.sort(key=lambda k: (k[0], k[1]), reverse=True)
    return [r for _when_, _id, r in keyed[:50]]


def test_json_feed(run_dir: Path, expected_feed: list[dict]) -> None:
    feed = json.loads((run_dir / "feeds" / "demo.json").read_text("utf-8"))
    jsonschema.validate(feed, JSON_FEED_SCHEMA,
                        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert [item["id"] for item in feed["items"]] == [r["id"] for r in expected_feed]
    for item, record in zip(feed["items"], expected_feed, strict=True):
        assert item["url"] == record["url"] and item["title"] == record["title"]
        assert item["content_html"] == sanitize_html(record["body_html"])
        assert "<script" not in item["content_html"].lower()
        assert " ".join(record["body"].split()).startswith(item["summary"].rstrip("…"))
        assert item.get("authors", []) == [{k: v for k, v in a.items() if v}
                                           for a in record["authors"]]


def test_atom_feed(run_dir: Path, expected_feed: list[dict]) -> None:
    path = run_dir / "feeds" / "demo.atom"
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.id and parsed.feed.title and parsed.feed.updated
    assert [e.title for e in parsed.entries] == [r["title"] for r in expected_feed]
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for entry, record in zip(parsed.entries, expected_feed, strict=True):
        assert entry.updated and entry.link == record["url"]
        assert "<script" not in entry.content[0].value.lower()
    # RFC 4287 by hand too: every entry has id, title, updated and an alternate link.
    root = etree.parse(str(path)).getroot()
    for tag in ("id", "title", "updated"):
        assert root.find(ATOM + tag) is not None, tag
    for entry, record in zip(root.iter(ATOM + "entry"), expected_feed, strict=True):
        for tag in ("id", "title", "updated", "content"):
            assert entry.find(ATOM + tag) is not None, tag
        assert [(a.findtext(ATOM + "name"), a.findtext(ATOM + "uri"))
                for a in entry.findall(ATOM + "author")] == [
            (a["name"], a["url"]) for a in record["authors"]]
        assert entry.find(ATOM + "link[@rel='alternate']").get("href").startswith("http")
