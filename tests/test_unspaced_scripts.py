"""Thai, Lao, Myanmar and Khmer are written without spaces between words: counting words by
spaces made every Thai headline one word, too short for a headline, so unlabelled rails of
such headlines went unseen (tests/fixtures/generic/th_portal). Related-block wordings of
these scripts and of Latvian, and the site-wide lists beside them; Thai previous / next
labels (tests/fixtures/generic/th_news), dates (Buddhist-era years) and byline label."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleaners.bylines import BYLINE_LABEL
from cleaners.dates import parse_date
from cleaners.extract import extract_article
from cleaners.generic.nav_scan import related_heading
from cleaners.names import final_name
from cleaners.page_kind import text_size
from cleaners.text import unspaced_words, word_count
from cleaners.vocab import LABEL_SCAN, SITE_LIST_START


@pytest.mark.parametrize("text, words", [
    ("หน้าแรก", 2),  # หน้า แรก: "home page", a menu label
    ("ข่าวล่าสุด วันนี้", 3),  # ข่าว ล่าสุด วันนี้
    ("นายกรัฐมนตรีเดินทางเยือนประเทศญี่ปุ่น", 7),  # five to seven words, by segmenter
    ("မြန်မာနိုင်ငံ သတင်း", 4),  # မြန်မာ နိုင်ငံ သတင်း
])
def test_unspaced_scripts_count_words_by_length(text, words):
    assert word_count(text) == words


def test_other_scripts_count_as_before():
    assert word_count("Latvijas valdība apstiprina budžetu") == 4
    assert word_count("首相が日本を訪問") == 8
    assert word_count("腰椎 pain relief") == 4
    # mixed: a Thai run, a Latin word and two Han characters
    assert word_count("ข่าวล่าสุด COVID 你好") == 2 + 1 + 2


def test_unspaced_runs_are_blanked_for_other_counters():
    assert unspaced_words("abc def") == (0, "abc def")
    words, rest = unspaced_words("สุขภาพดี news")
    assert words == 2 and rest.split() == ["news"]


def test_page_kind_sizes_thai_text_by_the_same_count():
    # \w+ stops at every Thai vowel mark: "นายกร", "ฐมนตร", "เด", ... a size by accident
    assert text_size("นายกรัฐมนตรีเดินทางเยือนประเทศญี่ปุ่น") == 7.0
    assert text_size("မြန်မာနိုင်ငံ သတင်း") == 4.0


@pytest.mark.parametrize("heading", [
    "ข่าวที่เกี่ยวข้อง", "บทความที่เกี่ยวข้อง", "เรื่องที่เกี่ยวข้อง", "อ่านข่าวที่เกี่ยวข้อง",
    "ข่าวอื่นๆ ที่น่าสนใจ", "บทความแนะนำ", "อ่านเพิ่มเติม:", "คุณอาจสนใจ",
    "ဆက်စပ်သတင်းများ", "អត្ថបទពាក់ព័ន្ធ", "Saistītās ziņas", "Lasiet arī:", "Vairāk par tēmu",
])
def test_related_wordings_of_unspaced_scripts_and_latvian(heading):
    assert related_heading(heading), heading
    assert LABEL_SCAN.search("\x00" + heading.lower() + "\x00"), heading


@pytest.mark.parametrize("heading", ["ข่าวล่าสุด", "ข่าวยอดนิยม", "ยอดนิยม", "อ่านมากที่สุด",
                                     "Jaunākās ziņas", "Lasītākie"])
def test_latest_and_most_read_are_site_lists(heading):
    assert not related_heading(heading), heading
    assert SITE_LIST_START.match(heading), heading


@pytest.mark.parametrize("text, iso", [
    ("12 มี.ค. 2567 09:30 น.", "2024-03-12"),  # Buddhist-era year, abbreviated month
    ("วันที่ 5 มกราคม 2567", "2024-01-05"),
    ("3 ธันวาคม พ.ศ. 2566", "2023-12-03"),
    ("1 ก.พ. 2024", "2024-02-01"),  # a common-era year
])
def test_thai_dates(text, iso):
    assert parse_date(text) == iso


def test_thai_byline_label_is_no_part_of_the_name():
    assert BYLINE_LABEL.match("โดย สมชาย ใจดี")
    assert final_name("โดย สมชาย ใจดี") == "สมชาย ใจดี"
    assert final_name("เขียนโดย สมหญิง รักดี") == "สมหญิง รักดี"
    assert final_name("Byrne Smith") == "Byrne Smith"  # a word label ends where the word does


def test_thai_page_reads_its_date_and_desk():
    page = (Path(__file__).parent / "fixtures" / "generic" / "th_news" / "page.html").read_bytes()
    article = extract_article(page, "https://www.sukhapap-news.co.th/health/2771234")
    assert article.published == "2024-03-12"
    # the health desk, the page's only byline: kept as its author, without "โดย" ("by")
    assert article.authors == [{"name": "กองบรรณาธิการสุขภาพ", "url": None}]
    assert "นักวิจัยติดตามกลุ่มตัวอย่างกว่าสามพันคนเป็นเวลาสิบปี" in article.body
