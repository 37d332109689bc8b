"""ValidatePipeline and DedupePipeline on their own: each drop reason, its class and stat."""
from __future__ import annotations

import logging

import pytest
from scrapy.exceptions import DropItem

from pipelines import drops
from pipelines.dedupe import DedupePipeline
from pipelines.synthetic import synthetic_record, tricky_records
from pipelines.validate import DEFAULT_MIN_BODY_CHARS, ValidatePipeline, visible_chars


class Stats(dict):
    """The two StatsCollector methods the pipelines use."""

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self[key] = self.get(key, start) + count

    def set_value(self, key: str, value: object) -> None:
        self[key] = value


def test_tricky_and_synthetic_records_pass() -> None:
    stats = Stats()
    pipeline = ValidatePipeline(stats=stats)
    for record in tricky_records() + [synthetic_record(1)]:
        assert pipeline.process_item(record) is record
    assert stats == {}


@pytest.mark.parametrize(("change", "reason", "exc"), [
    ({"id": ""}, "missing_id", drops.MissingId),
    ({"url": None}, "missing_url", drops.MissingUrl),
    ({"title": "  "}, "missing_title", drops.MissingTitle),
    ({"title": None}, "missing_title", drops.MissingTitle),
    ({"body": ""}, "missing_body", drops.MissingBody),
    ({"body": "Too short. " * 5}, "body_too_short", drops.BodyTooShort),
    ({"body": "x" * 100 + " " * 900}, "body_too_short", drops.BodyTooShort),
    ({"word_count": "12"}, "invalid_field", drops.InvalidField),
    ({"authors": "Dr. Ng"}, "invalid_field", drops.InvalidField),
    ({"teasers": [{"title": "t", "truncated": "yes"}]}, "invalid_field", drops.InvalidField),
    ({"http_status": True}, "invalid_field", drops.InvalidField),
    ({"title": "lone \udc80 surrogate"}, "unserializable", drops.Unserializable),
])
def test_each_drop_reason(change: dict, reason: str, exc: type, caplog) -> None:
    stats = Stats()
    record = {**synthetic_record(7), **change}
    with caplog.at_level(logging.INFO, logger="pipelines.drops"), pytest.raises(exc) as info:
        ValidatePipeline(stats=stats).process_item(record)
    assert isinstance(info.value, DropItem)
    assert info.value.reason == reason
    assert stats == {f"healthcrawl/outcome/dropped/{reason}": 1}
    assert [r.message for r in caplog.records if reason in r.message], "one log line per drop"


def test_cjk_body_counts_characters() -> None:
    # A short Chinese article: two short paragraphs, 220 characters.
    body = "多喝水有助于身体健康，" * 11 + "\n\n" + "每天运动三十分钟，" * 11
    assert DEFAULT_MIN_BODY_CHARS <= visible_chars(body) < 4 * DEFAULT_MIN_BODY_CHARS
    record = {**synthetic_record(1), "body": body}
    assert ValidatePipeline().process_item(record) is record
    with pytest.raises(drops.BodyTooShort):
        ValidatePipeline(min_body_chars=500).process_item(record)


def test_dedupe_by_url_then_content() -> None:
    stats = Stats()
    pipeline = DedupePipeline(stats=stats)
    a, b = synthetic_record(1), synthetic_record(2)
    assert pipeline.process_item(a) is a
    assert pipeline.process_item(b) is b
    with pytest.raises(drops.DuplicateUrl):
        pipeline.process_item({**a, "body": "another text"})
    copy = {**a, "id": "0" * 16, "url": "https://mirror.example/x"}
    with pytest.raises(drops.DuplicateContent, match=a["id"]):
        pipeline.process_item(copy)
    # No content_hash in the record: computed like cleaners/record.py does.
    copy2 = {**b, "id": "1" * 16, "content_hash": None}
    with pytest.raises(drops.DuplicateContent):
        pipeline.process_item(copy2)
    assert stats == {"healthcrawl/outcome/dropped/duplicate_url": 1,
                     "healthcrawl/outcome/dropped/duplicate_content": 2}


def test_dedupe_keeps_64_bit_keys_and_names_the_first_id_exactly() -> None:
    """Ids and content hashes are kept as 64-bit ints (pipelines/dedupe.py); an id the record
    code would not write (upper case, another length) stays a string of its own, never equal
    to a hex one."""
    pipeline = DedupePipeline(stats=Stats())
    a = synthetic_record(1)
    pipeline.process_item(a)
    # a record's id and content hash went to the compact int tables, not the odd ones
    assert (len(pipeline._ids), len(pipeline._hashes)) == (1, 1)
    assert not pipeline._odd_ids and not pipeline._odd_firsts
    with pytest.raises(drops.DuplicateContent, match=f"as {a['id']}$"):
        pipeline.process_item({**a, "id": "f" * 16})
    odd = {**synthetic_record(3), "id": a["id"].upper(), "content_hash": "X"}
    assert pipeline.process_item(odd) is odd
    with pytest.raises(drops.DuplicateUrl):
        pipeline.process_item({**odd, "content_hash": "Y"})
    with pytest.raises(drops.DuplicateContent, match=f"as {odd['id']}$"):
        pipeline.process_item({**odd, "id": "other"})
    assert pipeline._odd_ids == {odd["id"], "other"}


def test_dedupe_content_hashes_differing_only_late_are_two_texts() -> None:
    """The content key depends on every digit of the hash: hashes that share their first 64
    bits (hand-made ones, as a test or an import may write) stay apart."""
    pipeline = DedupePipeline(stats=Stats())
    records = [{**synthetic_record(i), "content_hash": "0" * 63 + str(i)} for i in range(5)]
    assert [pipeline.process_item(r) for r in records] == records
    with pytest.raises(drops.DuplicateContent, match=records[2]["id"]):
        pipeline.process_item({**records[2], "id": "e" * 16})
