"""Byline forms in the supported languages, on hand-written pages: several names in one
byline, Chinese author / reporter lines, one author element per name, a JSON-LD string that
names several people."""
from __future__ import annotations

import json

import pytest
from byline_pages import TEXT, URL
from byline_pages import page as _page

from cleaners.byline_zh import zh_byline
from cleaners.extract import extract_article


def _names(html: str) -> list[str]:
    return [a["name"] for a in extract_article(html, URL).authors]


@pytest.mark.parametrize("byline,lang,names", [
    ("<p class='byline'>By Jane Roe and John Doe</p>", "en", ["Jane Roe", "John Doe"]),
    ("<div>By Jane Roe, John Doe and Ann Lee</div>", "en", ["Jane Roe", "John Doe", "Ann Lee"]),
    ("<p>Von Anna Berg und Max Kurz</p>", "de", ["Anna Berg", "Max Kurz"]),
    ("<p>Par Marie Dubois et Jean Martin</p>", "fr", ["Marie Dubois", "Jean Martin"]),
    ("<p>Por Ana García y Luis Pérez</p>", "es", ["Ana García", "Luis Pérez"]),
    ("<p>Автор: Иван Петров</p>", "ru", ["Иван Петров"]),
    ("<p>Авторы: Иван Петров, Мария Смирнова</p>", "ru", ["Иван Петров", "Мария Смирнова"]),
])
def test_several_names_in_one_byline(byline: str, lang: str, names: list[str]) -> None:
    assert _names(_page(byline, lang=lang)) == names


@pytest.mark.parametrize("byline,tail,names", [
    ("<p>作者：王小明 李华</p>", "", ["王小明", "李华"]),            # names separated by spaces
    ("<p>作者：王小明、李华、赵敏</p>", "", ["王小明", "李华", "赵敏"]),
    ("<p>本报记者 王小明</p>", "", ["王小明"]),                     # the paper before 记者
    ("<div>记者：王小明 通讯员：李华</div>", "", ["王小明", "李华"]),  # reporter and correspondent
    ("", "<p>（记者 王小明 李华）</p>", ["王小明", "李华"]),         # in brackets after the text
    ("<p>文/王小明</p>", "", ["王小明"]),
    ("", "<p>执笔人：王小明、李华</p>", ["王小明", "李华"]),
    ("<div>来源：健康日报 作者：王小明 时间：2024-03-08</div>", "", ["王小明"]),
])
def test_chinese_bylines(byline: str, tail: str, names: list[str]) -> None:
    assert _names(_page(byline, tail=tail, lang="zh")) == names


@pytest.mark.parametrize("line", [
    "来源：健康日报",                          # the source outlet is no author
    "（责任编辑：赵敏）",                      # nor the editor
    "来源：健康日报 时间：2024-03-08 作者：",   # an empty author field
    "记者从市卫健委获悉",                      # running text: "a reporter learned from ..."
    "作者专栏",                                # a menu entry
])
def test_chinese_lines_that_name_no_author(line: str) -> None:
    assert zh_byline(line) == []
    assert _names(_page(f"<p>{line}</p>", lang="zh")) == []


def test_a_padded_two_character_name_is_one_name() -> None:
    # two-character names are often padded to the width of three: "赵  敏"
    assert zh_byline("作者：赵  敏") == ["赵敏"]
    assert zh_byline("记者 王小明 报道") == ["王小明"]  # "reports": what he did, not a name


def test_one_author_element_per_name() -> None:
    byline = ("<p><a rel='author' href='/staff/jane-roe'>Jane Roe</a> and "
              "<a rel='author' href='/staff/john-doe'>John Doe</a></p>")
    assert extract_article(_page(byline), URL).authors == [
        {"name": "Jane Roe", "url": "https://news.example/staff/jane-roe"},
        {"name": "John Doe", "url": "https://news.example/staff/john-doe"}]
    spans = ("<div class='meta'><span class='author'>Jane Roe</span> "
             "<span class='author'>John Doe</span></div>")
    assert _names(_page(spans)) == ["Jane Roe", "John Doe"]


def test_a_long_run_of_author_elements_is_a_staff_list() -> None:
    staff = "".join(f"<span class='author'>Person Number{i}</span>" for i in range(12))
    byline = f"<div class='byline'><span class='author'>Jane Roe</span>{staff}</div>"
    assert _names(_page(byline)) == ["Jane Roe"]


def test_a_jsonld_string_naming_several_people() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flu",
          "author": "Jane Roe, John Doe"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert _names(_page(head=head)) == ["Jane Roe", "John Doe"]
    ld["author"] = "Roe, Jane"  # surname first: one person
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert _names(_page(head=head)) == ["Roe, Jane"]


def test_meta_author_with_chinese_names_separated_by_spaces() -> None:
    head = "<meta name='author' content='王小明 李华'>"
    assert _names(_page(head=head, lang="zh")) == ["王小明", "李华"]


@pytest.mark.parametrize("byline,lang,names", [
    ("<p>Posted by Jane Roe</p>", "en", ["Jane Roe"]),
    ("<p>Ein Beitrag von Anna Berg</p>", "de", ["Anna Berg"]),
    ("<div class='author'>Artikel von: gesundheitsportal</div>", "de", ["gesundheitsportal"]),
    ("<p>Publié par Marie Dubois</p>", "fr", ["Marie Dubois"]),
    ("<p>Escrito por Ana García</p>", "es", ["Ana García"]),
    ("<p>Текст: Иван Петров</p>", "ru", ["Иван Петров"]),
])
def test_byline_phrases(byline: str, lang: str, names: list[str]) -> None:
    assert _names(_page(byline, lang=lang)) == names


def test_published_by_names_a_publisher_not_an_author() -> None:
    assert _names(_page("<p>Published by Health Ministry</p>")) == []


def test_dcterms_creator() -> None:
    assert _names(_page(head="<meta name='dcterms.creator' content='Jane Roe'>")) == ["Jane Roe"]


def test_a_link_to_an_author_page_is_a_byline_and_a_readers_letter_is_not() -> None:
    byline = "<div class='meta'><a href='/autor/berg_a'>Anna Berg</a> / 22.04.2020</div>"
    letters = ("<div class='leserbrief_meta'><span class='autor'>Karl Leser</span> / 23.04.2020"
               "</div>")
    html = _page(byline, tail=letters, lang="de")
    assert extract_article(html, URL).authors == [
        {"name": "Anna Berg", "url": "https://news.example/autor/berg_a"}]
    assert _names(_page(tail=letters, lang="de")) == []


def test_citation_author_once_per_author_surname_first() -> None:
    head = ("<meta name='citation_author' content='Roe, Jane'>"
            "<meta name='citation_author' content='Doe, John'>"
            "<meta name='citation_author' content='Ann Lee'>"
            "<meta name='author' content='Journal Example'>")  # another key: not added
    assert _names(_page(head=head)) == ["Jane Roe", "John Doe", "Ann Lee"]


def test_citation_authors_list() -> None:
    head = "<meta name='citation_authors' content='Jane Roe; John Doe'>"
    assert _names(_page(head=head)) == ["Jane Roe", "John Doe"]


def test_a_chinese_author_label_between_two_elements() -> None:
    line = ("<div class='info'><span>来源：健康日报</span> 作者：<a href='/zz/wxm'>王小明</a>"
            " <span>2024-03-08 10:00</span></div>")
    assert _names(_page(line, lang="zh")) == ["王小明"]


@pytest.mark.parametrize("key", ["pubdate", "publishdate", "citation_publication_date"])
def test_published_from_more_meta_names(key: str) -> None:
    head = f"<meta name='{key}' content='2022-02-11 09:52'>"
    assert extract_article(_page(head=head, lang="zh"), URL).published.startswith("2022-02-11")


def test_a_page_without_h1_anchors_its_dateline_at_the_title_headline() -> None:
    html = ("<html lang='zh'><head><title>流感高峰提前到来_健康频道_新闻网</title></head><body>"
            "<div class='nav'><span>2024年03月09日 星期六</span></div><table><tr><td>"
            "<div class='biaoti'>流感高峰提前到来</div><div>2024.03.08 16:31</div>"
            f"{TEXT * 5}</td></tr></table></body></html>")
    # the header's "today" date comes first in the page; the line under the headline is the date
    assert extract_article(html, URL).published == "2024-03-08"


def test_a_dateline_with_its_time_and_source_under_the_headline() -> None:
    html = ("<html lang='zh'><head><title>流感高峰提前到来</title></head><body>\n"
            "<h1>流感高峰提前到来</h1>\n"
            "<div>http://www.news.example 2024年03月08日 11:21 《健康周刊》</div>\n"
            f"{TEXT * 5}\n</body></html>")
    assert extract_article(html, URL).published == "2024-03-08"
    # without a time, a longer line mentioning a date is running text, not a dateline
    html = html.replace(" 11:21", "")
    assert extract_article(html, URL).published is None


def test_a_dateline_sharing_its_element_with_other_markup() -> None:
    html = ("<html lang='zh'><head><title>流感高峰提前到来</title></head><body>\n"
            "<table><tr><td><h1>流感高峰提前到来</h1></td></tr>\n<tr><td><font>HEALTH.NEWS.EXAMPLE"
            "</font>　<font>2024年3月8日12:12<br><a href='/'>首页</a></font></td></tr></table>\n"
            f"{TEXT * 5}\n</body></html>")
    assert extract_article(html, URL).published == "2024-03-08"


def test_a_byline_in_a_table_cell() -> None:
    html = ("<html lang='zh'><head><title>流感高峰提前到来</title></head><body>\n"
            "<table><tr><td><h1>流感高峰提前到来</h1></td></tr>\n"
            "<tr><td>\n  时间：2024年03月08日14:18&nbsp;&nbsp;\n  作者：王小明\n</td></tr>"
            "</table>\n"
            f"{TEXT * 5}\n</body></html>")
    article = extract_article(html, URL)
    assert [a["name"] for a in article.authors] == ["王小明"]
    assert article.published == "2024-03-08"


def test_the_date_of_a_review_line_is_not_the_publication_date() -> None:
    review = ("<p class='review'>Medically reviewed by <a href='/experts/1.html'>Sam Ortiz, "
              "PharmD</a> on August 11, 2024</p>")
    article = extract_article(_page(review), URL)
    assert article.published is None
    assert article.last_reviewed == "2024-08-11"


@pytest.mark.parametrize("byline,lang,names", [
    # a place, an agency tag or a role after a full name is no second author
    ("<p>Von Anna Berg, Frankfurt</p>", "de", ["Anna Berg"]),
    ("<p>By Jane Roe, Washington</p>", "en", ["Jane Roe"]),
    ("<p>Von Anna Berg und Max Kurz, dpa</p>", "de", ["Anna Berg", "Max Kurz"]),
    ("<p class='byline'>Jane Roe, Journalist</p>", "en", ["Jane Roe"]),
    # a desk's initials after the name
    ("<p>Von Anna Berg (abe) und Max Kurz (mku)</p>", "de", ["Anna Berg", "Max Kurz"]),
    # a source line or a weekday in an author-classed element names nobody
    ("<span class='author'>Quelle: sid/dpa</span>", "de", []),
    ("<span class='author'>Montag</span>", "de", []),
    # the outlet, a role, an illustrator, a CMS account, a name printed twice
    ("<p>By Tom Roe for MailOnline</p>", "en", ["Tom Roe"]),
    ("<p class='byline'>Jane Roe, News Reporter</p>", "en", ["Jane Roe"]),
    ("<p>Text und Interview: Anna Berg</p>", "de", ["Anna Berg"]),
    ("<p>Von Anna Berg Illustration von Max Kurz</p>", "de", ["Anna Berg"]),
    ("<span class='author'>admin</span>", "en", []),
    ("<span class='author'><a href='/a/ann'>Ann Lee</a> <b>Ann Lee</b></span>", "en", ["Ann Lee"]),
])
def test_what_follows_a_name_in_a_byline(byline: str, lang: str, names: list[str]) -> None:
    assert _names(_page(byline, lang=lang)) == names


def test_jsonld_authors_with_initials_or_an_agency_tag() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flu",
          "author": [{"@type": "Person", "name": "Anna Berg (abe)"}]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert _names(_page(head=head, lang="de")) == ["Anna Berg"]
    ld["author"] = "Anna Berg und Max Kurz, dpa"
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert _names(_page(head=head, lang="de")) == ["Anna Berg", "Max Kurz"]


def test_jsonld_person_by_its_name_parts_or_with_a_handle() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flu",
          "author": [{"@type": "Person", "givenName": "Anna", "familyName": "Berg"},
                     {"@type": "Person", "name": "Max Kurz @maxkurz"}]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert _names(_page(head=head, lang="de")) == ["Anna Berg", "Max Kurz"]


@pytest.mark.parametrize("name,want", [
    ("By Lucy Akins", "Lucy Akins"),                  # a label left in a structured name
    ("Текст: Лида Буслаева", "Лида Буслаева"),
    ("Recipe by Eat What Tonight", "Eat What Tonight"),
    ("Lindsey O&#039;Donnell", "Lindsey O'Donnell"),   # entities escaped twice
    ("Redacci&oacute;n Diario", "Redacción Diario"),
])
def test_structured_author_names_are_cleaned(name: str, want: str) -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flu",
          "author": {"@type": "Person", "name": name}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert _names(_page(head=head)) == [want]


@pytest.mark.parametrize("byline,names", [
    # the dateline's weekday glued to the name
    ("<p class='byline'>By Mike Wuerthele and Malcolm Owen Monday</p>",
     ["Mike Wuerthele", "Malcolm Owen"]),
    ("<p class='author'>Isabella Rossi am Samstag</p>", ["Isabella Rossi"]),
    # a comment form's field label in an author-classed element
    ("<form><label class='author'>Name</label></form>", []),
])
def test_no_weekday_or_form_label_in_names(byline: str, names: list[str]) -> None:
    assert _names(_page(byline)) == names


def test_a_plugins_author_meta_tag_is_the_last_source() -> None:
    head = "<meta name='shareaholic:article_author_name' content='Philippe Perreaux'>"
    assert _names(_page(head=head)) == ["Philippe Perreaux"]
    # a visible byline comes first
    assert _names(_page("<p class='byline'>By Jane Roe</p>", head=head)) == ["Jane Roe"]


@pytest.mark.parametrize("link", ["Zur Artikelübersicht", "View all posts", "Mehr von ihr"])
def test_an_author_page_link_that_names_nobody(link: str) -> None:
    assert _names(_page(f"<div class='author-box'><a href='/autoren/x'>{link}</a></div>")) == []
