"""Headings of site-wide lists (the most read, the latest news) in languages the pools hold
few pages of: such a list beside an article is the site's, not about the article, so a rail
under it is not taken (tests/fixtures/generic/ar_news: an Arabic "most read" ranking after the
article, its "read also" box the only related links). Related-block headings of the same
languages stay related, and the related headings of Persian, Ukrainian, Hebrew, Indonesian
and Vietnamese the vocabulary lacked; previous / next article labels of ten more languages."""
from __future__ import annotations

import pytest

from cleaners.generic.nav_scan import heading_label, related_heading
from cleaners.generic.navigation import find_navigation
from cleaners.html import drop_non_content, parse_html
from cleaners.vocab import LABEL_SCAN, SITE_LIST_START


@pytest.mark.parametrize("heading", [
    "الأكثر قراءة", "الأكثر مشاهدة", "آخر الأخبار", "الأحدث",  # ar
    "پربازدیدترین", "پربیننده‌ترین اخبار", "آخرین اخبار",  # fa
    "အများဆုံးဖတ်ရှုသော", "လူကြိုက်အများဆုံး", "နောက်ဆုံးရသတင်းများ",  # my
    "최신 뉴스", "인기 기사", "가장 많이 본 뉴스",  # ko
    "Terpopuler", "Berita Terkini", "Terbaru", "Paling Banyak Dibaca",  # id / ms
    "Đọc nhiều nhất", "Tin mới nhất", "Xem nhiều nhất",  # vi
    "Найпопулярніше", "Останні новини",  # uk
    "Meist gelesen", "Am meisten gelesen", "Meist geklickte Pressemitteilungen", "meist-gelesen",
    # a press portal's other releases of the same issuer
    "Weitere Pressemitteilungen von Nordex SE", "More press releases from Example Corp",
    # lv, th, zh, ja, es: most read, popular, top news, the day's hot stories, rankings
    "Populārākās", "Visvairāk lasītie", "Lasītākās ziņas", "ข่าวเด่น", "今日热点", "点击排行榜",
    "注目記事", "人気ランキング", "Lo más popular",
    # ad widgets
    "Around the web", "From our partners", "Sponsored stories", "Promoted stories",
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
    # es, fr, de, en: wordings the vocabulary lacked
    "Mira también", "Te sugerimos", "Podría interesarte", "Vous pourriez aussi aimer",
    "Vous aimerez peut-être aussi", "En lien avec cet article", "Nos articles similaires",
    "À lire sur le même sujet", "Passend dazu", "Themenverwandte Artikel",
    "Könnte Sie auch interessieren", "Das interessiert Sie vielleicht auch",
    "Weitere interessante Artikel", "Read more about heart health",
    # de: the editors' picks for the article, related content, "this fits the topic"
    "Die Redaktion empfiehlt", "Verwandte Inhalte", "Dies passt zum Thema:", "Auch lesen:",
    "Das könnte dir auch gefallen", "Dir könnte auch gefallen:", "Schon gelesen?",
    "Also in Food & Drink",
    # ar written without its hamzas or with one below; th without "ที่"; lv "we recommend",
    # "you might like / be interested"
    "اقرا ايضا", "إقرأ أيضاً", "اقرأ ايضا", "ข่าวเกี่ยวข้อง", "Iesakām", "Tev varētu interesēt",
    "Jums varētu patikt",
    # zh "related reading, recommended", "linked reading"; ja "related news", "articles to
    # read with this one", "these articles are read too"; es "may interest you"; th "read
    # more news"; ar "related" alone
    "相关阅读推荐", "关联阅读", "關聯閱讀", "関連するニュース", "あわせて読みたい記事",
    "こんな記事も読まれています", "Puede interesarte", "También podría interesarle",
    "อ่านข่าวเพิ่มเติม", "ذات صلة",
    # es: Argentina's "keep reading", "you can see", the site's other news, the section's
    # notes; fr "related", "more in <section>"
    "Seguí leyendo", "PUEDES VER:", "Otras noticias", "Otras noticias de Cámara de Diputados",
    "Notas de la sección", "En relation", "Plus en Montréal",
    # en, es, de, pl: more wordings of the same blocks
    "More news", "Other people are reading", "Lea más:", "Lee más",
    "También puede leer:", "Ähnliche Rezepte", "Artikel zum Thema",
    "Weitere Beiträge zu diesem Artikel", "Das wird dir auch gefallen!", "Podobne przepisy",
    "Verwandte Nachrichten", "Ähnliche Neuigkeiten:", "Dich interessiert vielleicht auch",
    "Diese Artikel könnten euch auch interessieren:", "Das könnte dich auch noch interessieren",
    "Das Thema könnte dich auch interessieren:", "Interessante Artikel",
    "Beliebte Beiträge zum Thema:", "Lesen Sie weitere Artikel zu diesem Thema:",
    "Weitere Inhalte zum Thema", "Mehr dazu lesen Sie hier:", "Weiterlesen auf utopia.de:",
    "Auch auf heise online:", "Articles en relation", "Vea también:", "Por si no lo viste",
    "Leer más", "Infórmate más", "We also love", "Try these next", "From around the site",
    "Polecane przepisy", "Inne przepisy", "其他同一栏目内容", "此前报道：",
])
def test_related_headings_of_the_same_languages_stay_related(heading):
    assert related_heading(heading), heading
    assert LABEL_SCAN.search("\x00" + heading.lower() + "\x00"), heading  # the cheap scan


@pytest.mark.parametrize("text", ["Xem nhiều hơn", "Terkini: vaksin baru untuk anak"])
def test_a_see_more_line_or_a_headline_is_no_site_list_heading(text):
    """Only whole wordings: "see more" in Vietnamese, a headline opening with "latest"."""
    assert not SITE_LIST_START.match(text), text


_PROSE = "<p>" + "Blood pressure changes during the day and is lowest at night. " * 6 + "</p>"


def _links_after_text(after: str) -> list:
    """The related / prev / next links of an article page whose text is followed by `after`."""
    html = ("<html><head><title>t</title></head><body><article><h1>Title</h1>" + _PROSE +
            after + "</article></body></html>")
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    return find_navigation(root, "https://news.example.org/2024/01/a.html")[0]


@pytest.mark.parametrize("prev_label, next_label", [
    ("Poprzedni artykuł", "Następny artykuł"),  # pl
    ("Předchozí článek", "Další článek"),  # cs
    ("Vorig artikel", "Volgend artikel"),  # nl
    ("Föregående inlägg", "Nästa inlägg"),  # sv
    ("Попередня стаття", "Наступна стаття"),  # uk
    ("Artikel sebelumnya", "Artikel selanjutnya"),  # id
    ("Bài trước", "Bài tiếp theo"),  # vi
    ("المقال السابق", "المقال التالي"),  # ar
    ("مطلب قبلی", "مطلب بعدی"),  # fa
    ("הכתבה הקודמת", "הכתבה הבאה"),  # he
    ("Iepriekšējais raksts", "Nākamais raksts"), ("Iepriekšējā ziņa", "Nākamā ziņa"),  # lv
    ("Anterior noticia", "Siguiente noticia"),  # es, the direction word first
    # Blogger's pager labels in de, fr, es, it, pt, nl
    ("Älterer Post", "Neuerer Post"), ("Article plus ancien", "Article plus récent"),
    ("Entrada antigua", "Entrada más reciente"), ("Post più vecchio", "Post più recente"),
    ("Postagem mais antiga", "Postagem mais recente"), ("Oudere post", "Nieuwere post"),
])
def test_previous_and_next_article_labels(prev_label, next_label):
    """"<label>: <a>Title</a>" lines under the text give the article's neighbours."""
    links = _links_after_text(
        f'<p>{prev_label}: <a href="/2024/01/older-story.html">An older story of the site'
        f'</a></p><p>{next_label}: <a href="/2024/02/newer-story.html">A newer story of the'
        " site</a></p>")
    assert [(x.rel, x.title, x.url) for x in links] == [
        ("prev", "An older story of the site", "https://news.example.org/2024/01/older-story.html"),
        ("next", "A newer story of the site", "https://news.example.org/2024/02/newer-story.html"),
    ]


@pytest.mark.parametrize("heading, read_more", [
    ("Przeczytaj również", "Czytaj dalej"),  # pl
    ("Leia também", "Leia mais"),  # pt
    ("Lees ook", "Lees meer"),  # nl
    ("اقرأ أيضا", "اقرأ المزيد"),  # ar
    ("Baca juga", "Selengkapnya"),  # id
])
def test_a_read_more_link_is_no_card_title(heading, read_more):
    """Cards whose only link text is "read more" take their heading as title."""
    cards = "".join(
        f'<li><h4>Story number {i} about the heart at night</h4>'
        f'<a href="/2024/01/story-{i}.html">{read_more}</a></li>' for i in range(3))
    links = _links_after_text(f"<h3>{heading}</h3><ul>{cards}</ul>")
    assert [(x.title, x.url) for x in links] == [
        (f"Story number {i} about the heart at night",
         f"https://news.example.org/2024/01/story-{i}.html") for i in range(3)]


@pytest.mark.parametrize("heading", ["More News from Sci-Tech", "Next Up In Science & Health",
                                     "More stories from Health"])
def test_a_sections_more_from_and_next_up_headings_are_related(heading):
    from cleaners.vocab import RELATED_HEADING

    assert RELATED_HEADING.match(heading)
