"""authors as {name, url}: read from JSON-LD, microdata and byline links, exported as objects
(JSON, Parquet, authors.csv) beside a flat names column in articles.csv, and records written
while authors were plain names still load (store, Parquet)."""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from cleaners.extract import extract_article
from cleaners.record import authors_of
from pipelines.export import Exporter
from pipelines.load import load_run
from pipelines.store import SCHEMA_VERSION, SQLiteStore
from pipelines.store.schema import MIGRATIONS
from pipelines.synthetic import synthetic_record

URL = "https://health.example/2024/knee-pain/"


def _page(head: str = "", byline: str = "") -> str:
    return (f"<html lang='en'><head><title>Knee pain</title>{head}</head><body><article>"
            f"<h1>Knee pain after running</h1>{byline}"
            + "<p>Runners often feel pain around the kneecap after long runs downhill.</p>" * 6
            + "</article></body></html>")


def test_authors_of_reads_names_and_objects() -> None:
    assert authors_of(["Jane Roe", {"name": "John Doe", "url": "https://x.example/jd"},
                       {"url": "https://x.example/nobody"}, None]) == [
        {"name": "Jane Roe", "url": None}, {"name": "John Doe", "url": "https://x.example/jd"}]
    assert authors_of(None) == []


def test_jsonld_author_url_and_id() -> None:
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "MedicalWebPage", "headline": "Knee pain after running",
         "author": [{"@id": "https://health.example/team/ann-lee/"},
                    {"@type": "Person", "name": "Bo Chan", "url": "/team/bo-chan/"},
                    {"@id": "https://health.example/#/schema/person/9"}]},
        {"@type": "Person", "@id": "https://health.example/team/ann-lee/", "name": "Ann Lee"},
        {"@type": "Person", "@id": "https://health.example/#/schema/person/9",
         "name": "Cy Diaz"}]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    article = extract_article(_page(head), URL)
    # a node name inside the graph (with a #fragment) is no profile page
    assert article.authors == [
        {"name": "Ann Lee", "url": "https://health.example/team/ann-lee/"},
        {"name": "Bo Chan", "url": "https://health.example/team/bo-chan/"},
        {"name": "Cy Diaz", "url": None}]


def test_visible_byline_links() -> None:
    byline = '<p class="byline">By <a rel="author" href="/authors/mia-ross">Mia Ross</a></p>'
    article = extract_article(_page(byline=byline), URL)
    assert article.authors == [{"name": "Mia Ross",
                                "url": "https://health.example/authors/mia-ross"}]
    plain = extract_article(_page(byline='<p class="byline">By Mia Ross</p>'), URL)
    assert plain.authors == [{"name": "Mia Ross", "url": None}]


def test_csv_keeps_a_names_column_and_authors_csv_the_links(tmp_path: Path) -> None:
    record = synthetic_record(1)
    record["authors"] = [{"name": "Ann Lee", "url": "https://health.example/a/ann"},
                         {"name": "Bo Chan", "url": None}]
    exporter = Exporter(tmp_path, formats=["csv", "parquet"])
    exporter.write(record)
    exporter.close()
    with (tmp_path / "articles.csv").open(encoding="utf-8", newline="") as fh:
        (row,) = csv.DictReader(fh)
    assert row["authors"] == "Ann Lee; Bo Chan"
    assert (tmp_path / "authors.csv").read_text("utf-8").splitlines() == [
        "id,position,name,url", f"{record['id']},0,Ann Lee,https://health.example/a/ann",
        f"{record['id']},1,Bo Chan,"]
    for source in ("csv", "parquet"):
        run = load_run(tmp_path, source=source)
        assert run.articles["authors"].tolist() == [["Ann Lee", "Bo Chan"]]
        got = [(r["name"], None if r["url"] is None or r["url"] != r["url"] else r["url"])
               for r in run.authors.astype(object).to_dict("records")]
        assert got == [("Ann Lee", "https://health.example/a/ann"), ("Bo Chan", None)]


def test_parquet_written_with_plain_names_loads(tmp_path: Path) -> None:
    """A run exported while authors were list<string>."""
    record = synthetic_record(2)
    table = pa.table({"id": [record["id"]], "title": ["t"],
                      "authors": pa.array([["Ann Lee", "Bo Chan"]], pa.list_(pa.string()))})
    pq.write_table(table, tmp_path / "articles.parquet")
    run = load_run(tmp_path)
    assert run.articles["authors"].tolist() == [["Ann Lee", "Bo Chan"]]
    assert run.authors["name"].tolist() == ["Ann Lee", "Bo Chan"]
    assert run.authors["url"].isna().all()


def test_old_store_records_get_author_objects(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = synthetic_record(7)
    old["authors"] = ["Ann Lee", "Bo Chan"]
    empty = {**synthetic_record(8), "authors": []}
    conn = sqlite3.connect(path)
    for statements in MIGRATIONS[:5]:  # a store written while authors were plain names
        for sql in statements:
            conn.execute(sql)
    conn.execute("PRAGMA user_version = 5")
    for rec in (old, empty):
        conn.execute("INSERT INTO articles (id, canonical_url, site, content_hash, record, "
                     "first_seen, last_seen, first_run, last_run, changed_at) VALUES "
                     "(?, ?, ?, ?, ?, 't', 't', 'r', 'r', 't')",
                     (rec["id"], rec["canonical_url"], rec["site"], rec["content_hash"],
                      json.dumps(rec)))
    conn.commit()
    conn.close()
    with SQLiteStore.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        record = store.get(old["id"]).record
        assert store.get(empty["id"]).record["authors"] == []
    assert record["authors"] == [{"name": "Ann Lee", "url": None},
                                 {"name": "Bo Chan", "url": None}]
    assert {k: v for k, v in record.items() if k != "authors"} == \
        {k: v for k, v in old.items() if k != "authors"}


def test_a_name_without_a_link_takes_the_link_the_page_gives_it() -> None:
    ld = {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Nadja Demel"},
                                             {"@type": "Organization", "name": "Health News"}]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    byline = ('<p><span>von</span> <a href="/author/ndemel">Nadja Demel</a> und '
              '<a href="/">Health News</a></p>')
    article = extract_article(_page(head, byline), URL)
    # (the site named beside a writer is no co-author: cleaners/author_house.py)
    assert article.authors == [
        {"name": "Nadja Demel", "url": "https://health.example/author/ndemel"}]
    # the home page is no organisation's profile
    ld = {"@type": "NewsArticle", "author": [{"@type": "Organization", "name": "Health News"}]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    article = extract_article(_page(head, '<p><span>von</span> <a href="/">Health News</a></p>'),
                              URL)
    assert article.authors == [{"name": "Health News", "url": None}]


def test_a_labelled_byline_in_a_related_story_card_is_not_the_pages() -> None:
    card = ('<div class="relatedArticle"><p><a href="/other-story">Plus...</a></p>'
            '<p class="storyInfo"><span class="author">Par Anne Roux, Paul Petit</span></p>'
            '</div>')
    article = extract_article(_page(byline="<p>Créé: 12.12.2019</p>").replace(
        "</article>", card + "</article>"), URL)
    assert article.authors == []
    own = extract_article(_page(byline='<p class="meta"><span>Par Lea Morel</span></p>')
                          .replace("</article>", card + "</article>"), URL)
    assert own.authors == [{"name": "Lea Morel", "url": None}]
