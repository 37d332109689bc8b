"""Headings of site-wide lists (the most read, the latest news) in languages the pools hold
few pages of: such a list beside an article is the site's, not about the article, so a rail
under it is not taken (tests/fixtures/generic/ar_news: an Arabic "most read" ranking after the
article, its "read also" box the only related links). Related-block headings of the same
languages stay related, and the related headings of Persian, Ukrainian, Hebrew, Indonesian
and Vietnamese the vocabulary lacked."""
from __future__ import annotations

import pytest

from cleaners.generic.nav_scan import heading_label, related_heading
from cleaners.vocab import LABEL_SCAN, SITE_LIST_START


@pytest.mark.parametrize("heading", [
    "الأكثر قراءة", "الأكثر مشاهدة", "آخر الأخبار", "الأحدث",  # ar
    "پربازدیدترین", "پربیننده‌ترین اخبار", "آخرین اخبار",  # fa
    "အများဆုံးဖတ်ရှုသော", "လူကြိုက်အများဆုံး", "နောက်ဆုံးရသတင်းများ",  # my
    "최신 뉴스", "인기 기사", "가장 많이 본 뉴스",  # ko
    "Terpopuler", "Berita Terkini", "Terbaru", "Paling Banyak Dibaca",  # id / ms
    "Đọc nhiều nhất", "Tin mới nhất", "Xem nhiều nhất",  # vi
    "Найпопулярніше", "Останні новини",  # uk
])
def test_most_read_and_latest_are_site_lists(heading):
    assert SITE_LIST_START.match(heading), heading
    assert heading_label(heading) and not related_heading(heading), heading


@pytest.mark.parametrize("heading", [
    "اقرأ أيضا", "مقالات ذات صلة", "ဆက်စပ်သတင်းများ", "관련 기사", "Baca juga", "Berita Terkait",
    "Tin liên quan", "Xem thêm",
    # fa, uk, he, id, vi: added with the site lists above
    "مطالب مرتبط", "اخبار مرتبط", "بیشتر بخوانید", "Читайте також", "Схожі новини",
    "Пов'язані статті", "Новини на тему", "עוד בנושא", "קראו גם", "כתבות נוספות",
    "Artikel terkait", "Bài viết liên quan", "Có thể bạn quan tâm", "Tin cùng chuyên mục",
])
def test_related_headings_of_the_same_languages_stay_related(heading):
    assert related_heading(heading), heading
    assert LABEL_SCAN.search("\x00" + heading.lower() + "\x00"), heading  # the cheap scan


@pytest.mark.parametrize("text", ["Xem nhiều hơn", "Terkini: vaksin baru untuk anak"])
def test_a_see_more_line_or_a_headline_is_no_site_list_heading(text):
    """Only whole wordings: "see more" in Vietnamese, a headline opening with "latest"."""
    assert not SITE_LIST_START.match(text), text
