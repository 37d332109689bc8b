"""The navigation and teaser vocabularies (cleaners.vocab), on the real texts they target."""
from __future__ import annotations

import pytest

from cleaners.vocab import (
    CLASS_STEMS,
    LABEL_SCAN,
    NEXT_ONLY,
    NEXT_PREFIX,
    NEXT_START,
    PREV_ONLY,
    PREV_PREFIX,
    PREV_START,
    READ_MORE,
    RELATED_CLASS,
    RELATED_HEADING,
    STRONG_LINE_LABEL,
    TEASER_HEADING,
    body_leaks,
)

PREV_LINES = [
    "<<:\u00a0 Lumbar disc herniation fusion surgery", "« Walking after meals", "‹ Title",
    "← Older", "Previous article: Title", "Previous Post", "Prev", "Older Post",
    "Vorheriger Artikel", "Voriger Beitrag: Titel", "Article précédent", "Précédent : Titre",
    "Artículo anterior", "Anterior: Título", "Предыдущая статья", "Предыдущая запись: Заголовок",
    "上一篇：秋冬季节如何科学进补", "上一篇", "上一页", "上篇：标题", "Önceki Haber",
    "Anterior noticia", "Iepriekšējais raksts", "Iepriekšējā ziņa: Virsraksts",
]
NEXT_LINES = [
    ">>:\u00a0 Minimally invasive treatment", "» Title", "→ Title", "Next post: Title", "Next",
    "Next »", "Newer Post", "Nächster Artikel", "Nächste Seite", "Article suivant",
    "Suivant : Titre", "Artículo siguiente", "Siguiente", "Следующая статья",
    "下一篇：喝绿茶的五个好处", "下一篇", "下一页", "Sonraki Haber: Başlık",
    "Siguiente artículo", "Siguiente noticia: Título", "Nākamais raksts", "Nākamā ziņa",
]
NOT_LABELS = [
    "Previously, doctors advised bed rest.", "Prevalence of diabetes", "Prevention first",
    "Next steps in diabetes care", "Next, look at total carbohydrate.",
    "Nextcloud", "Anterior cruciate ligament tear", "Anterior a la moda del avocado toast",
    "Suivante la recommandation", "Siguiente paso", "Older adults feel less thirsty",
    "Newer drugs for migraine", "Далее врач рекомендует", "Nächste Schritte: Sprechen Sie",
]


@pytest.mark.parametrize("text", PREV_LINES)
def test_prev_labels(text):
    assert PREV_START.match(text)
    assert not NEXT_START.match(text)


@pytest.mark.parametrize("text", NEXT_LINES)
def test_next_labels(text):
    assert NEXT_START.match(text)
    assert not PREV_START.match(text)


@pytest.mark.parametrize("text", NOT_LABELS)
def test_titles_and_prose_are_not_labels(text):
    assert not PREV_START.match(text)
    assert not NEXT_START.match(text)
    assert PREV_PREFIX.sub("", text, count=1) == text
    assert NEXT_PREFIX.sub("", text, count=1) == text


@pytest.mark.parametrize("text, title", [
    ("<<:\u00a0 Lumbar disc herniation fusion surgery", "Lumbar disc herniation fusion surgery"),
    ("Previous article: Vitamin D in winter", "Vitamin D in winter"),
    ("« Previous: Vitamin D", "Vitamin D"),
    ("上一篇：秋冬季节如何科学进补", "秋冬季节如何科学进补"),
    ("Vorheriger Artikel Folsäure", "Folsäure"),
    ("Предыдущая статья — Витамин C", "Витамин C"),
    ("Zurück: Übersicht", "Übersicht"),  # profiles strip it; detection ignores it
])
def test_prev_prefix_strips_the_label(text, title):
    assert PREV_PREFIX.sub("", text, count=1) == title


@pytest.mark.parametrize("text, title", [
    (">>:\u00a0 Minimally invasive treatment", "Minimally invasive treatment"),
    ("Next post: The 20-Minute Rule", "The 20-Minute Rule"),
    ("下一篇：喝绿茶的五个好处", "喝绿茶的五个好处"),
    ("Artículo siguiente: Frutos secos", "Frutos secos"),
    ("Следующая статья: Омега-3", "Омега-3"),
])
def test_next_prefix_strips_the_label(text, title):
    assert NEXT_PREFIX.sub("", text, count=1) == title


@pytest.mark.parametrize("text", ["Previous Post", "Previous post:", "←", "上一篇：", "Prev",
                                  "Article précédent", "« Older"])
def test_label_only(text):
    assert PREV_ONLY.match(text)
    assert not PREV_ONLY.match(text + " Vitamin D in winter")


@pytest.mark.parametrize("text", ["Next post", "Next:", "→", "下一篇", "Newer »"])
def test_next_label_only(text):
    assert NEXT_ONLY.match(text)
    assert not NEXT_ONLY.match(text + " Vitamin D in winter")


def test_strong_line_labels_exclude_guillemets():
    assert STRONG_LINE_LABEL.match("<<:  Title")
    assert STRONG_LINE_LABEL.match("上一篇：Title")
    assert STRONG_LINE_LABEL.match("Previous article: Title")
    assert not STRONG_LINE_LABEL.match("« Le magnésium participe à 300 réactions »")
    assert not STRONG_LINE_LABEL.match("«Большинство людей получают вдвое меньше нормы»")


RELATED_HEADINGS = [
    "Recommend", "Recommended", "Recommended for you", "Related", "Related posts",
    "Related Articles:", "You may also like", "You might also like", "Read more",
    "Read more:", "See also", "More on heart health", "Further reading",
    "Mehr zum Thema", "Das könnte Sie auch interessieren", "Lesen Sie auch:",
    "Lire aussi", "À lire aussi :", "Sur le même sujet", "Articles similaires",
    "Te puede interesar", "También te puede interesar", "Artículos relacionados",
    "Читайте также", "Читайте также:", "Похожие статьи", "Рекомендуем",
    "推荐阅读", "相关文章", "相关阅读", "猜你喜欢", "延伸阅读", "推薦閱讀", "相關文章",
    "Leggi anche", "Raccomandati per te", "Leia também", "Lees ook", "More US Stories",
    "Zum selben Thema", "Mehr aus Gesundheit", "À découvrir également", "Lee también",
    "Läs också", "Les også", "Czytaj także", "Čtěte také", "İlgili Haberler", "Baca juga",
    "Tin liên quan", "اقرأ أيضا", "ये भी पढ़ें", "ข่าวที่เกี่ยวข้อง", "関連ニュース", "関連記事",
    "あわせて読みたい", "관련기사", "관련 뉴스", "相关报道", "Lasi arī",
    "Read more stories", "Unsere Lesetipps", "Erfahren Sie mehr", "Para saber más",
    "Noticia relacionada", "Czytaj więcej", "Powiązane", "【関連記事】", "■ 相关链接",
    "À écouter aussi", "Artikel, die dir auch gefallen könnten",
    "関連する記事", "合わせて読みたい", "この記事を読んだ人はこんな記事も読んでいます",
    "İlginizi Çekebilir", "Bunlar da ilginizi çekebilir", "Benzer İçerikler",
    "같이 보면 좋은 기사", "Новости по теме", "Вас может заинтересовать", "Auch lesenswert",
    "Weitere Nachrichten zum Thema", "Ähnliche News",
]
NOT_HEADINGS = [
    "Related topics", "Related tags", "Related searches", "Most read", "Popular Posts",
    "热门文章", "Recent Posts", "Latest news", "Next steps", "Relatedness of twins",
    "Recommended daily intake of vitamin D for adults over 70 years",
    "Meistgelesen", "Les plus lus", "Lo más leído", "Latest", "Top stories", "Mest läst",
    "アクセスランキング", "最新文章",
]


@pytest.mark.parametrize("text", RELATED_HEADINGS)
def test_related_headings(text):
    assert RELATED_HEADING.match(text)
    assert TEASER_HEADING.match(text)


@pytest.mark.parametrize("text", NOT_HEADINGS)
def test_not_related_headings(text):
    assert not RELATED_HEADING.match(text)


@pytest.mark.parametrize("text", ["Most read", "Popular", "热门文章", "Recommend"])
def test_teaser_heading_ends_a_text_dump_body(text):
    assert TEASER_HEADING.match(text)


@pytest.mark.parametrize("text", [
    "Read more", "Read more »", "READ THE REST", "Continue reading →", "Weiterlesen",
    "Lire la suite", "Leer más", "Подробнее", "阅读全文>>", "更多>>"])
def test_read_more_links(text):
    assert READ_MORE.match(text)


@pytest.mark.parametrize("text", PREV_LINES + NEXT_LINES + RELATED_HEADINGS)
def test_scan_finds_every_label(text):
    """The fast scan must see each label as the start of a text node (lowercased, NUL-joined),
    even when the node starts with indentation."""
    joined = "\x00" + "\x00".join(["Body text.", "\n   " + text, "More."]).lower() + "\x00"
    assert [m.start() for m in LABEL_SCAN.finditer(joined)] == [len("\x00Body text.")]


@pytest.mark.parametrize("name", [
    "related-posts", "jp-relatedposts", "yarpp-related", "rp4wp-related-posts",
    "recommended-reads", "you-may-also-like", "more-stories", "tuijian", "xgwz"])
def test_class_stems_cover_related_class_names(name):
    assert RELATED_CLASS.search(name)
    assert any(stem in name for stem in CLASS_STEMS)


@pytest.mark.parametrize("body, leaks", [
    ("Intro.\n\n<<:  Lumbar disc herniation fusion surgery", True),
    ("Intro.\n\n上一篇：秋冬季节如何科学进补", True),
    ("Intro.\n\nRecommend", True),
    ("Intro.\n\nRelated posts", True),
    ("Intro.\n\nNext post: The 20-Minute Rule", True),
    ("Intro.\n\nRelated research suggests magnesium helps.", False),
    ("Intro.\n\nNext, look at total carbohydrate.", False),
    ("Intro.\n\n« Le magnésium participe à 300 réactions »", False),
])
def test_body_leak(body, leaks):
    assert body_leaks(body) is leaks
