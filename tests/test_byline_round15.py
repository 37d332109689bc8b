"""Author shapes of round 15 (docs/metadata-annotation.md "Round 15"): names the page's text
holds that no reader read, met on tune pool pages, on hand-written pages."""
from __future__ import annotations

from byline_pages import authors as _authors
from byline_pages import page

from cleaners.byline_zh import zh_byline

ZH_TEXT = "<p>" + "近日，市卫生健康委员会发布了流感季的防控指南，提醒市民注意防护。" * 4 + "</p>"


def _zh_page(line: str, before: str = "") -> str:
    """A table-layout Chinese page: the info line in a cell under the headline."""
    return ("<html lang='zh'><head><title>流感</title></head><body><table><tr><td>"
            f"<h1>流感季提前到来</h1></td></tr><tr><td>{line}</td></tr>"
            f"<tr><td>{before}{ZH_TEXT * 3}</td></tr></table></body></html>")


def test_a_chinese_label_alone_in_its_element_reads_its_line() -> None:
    # "<b>作者：</b><a>…</a> <b>时间：</b>…": the label's own element holds no name
    line = ("<b>作者：</b><a href='user.jsp?id=zs'>张三丰</a> &nbsp; "
            "<b>时间：</b>2005-08-22 19:13:18")
    assert [a for a, _ in _authors(_zh_page(line))] == ["张三丰"]


def test_a_chinese_byline_in_a_tail_of_its_own_after_the_text() -> None:
    # a forum post's signature "文：X" after a <br> at the end of a long cell
    html = _zh_page("", before=ZH_TEXT * 2 + "<br/>文：王小明<br/>")
    assert [a for a, _ in _authors(html)] == ["王小明"]


def test_chinese_source_translator_alias_and_ampersand() -> None:
    assert zh_byline("02日14:25 作者： 李四 出自[某某出版社]") == ["李四"]  # the book's publisher
    assert zh_byline("作者： 周小明 (Joe Smith) 译： Li Lei 2005年1月2日") == ["周小明"]
    assert zh_byline("执笔/张三、李四&王五") == ["张三", "李四", "王五"]


def test_a_chinese_label_inside_running_text_is_still_no_byline() -> None:
    assert zh_byline("作者：") == []
    html = _zh_page("<b>作者：</b><a href='/list/'>点击这里查看全部文章</a>")
    assert _authors(html) == []


def test_the_english_page_is_unchanged() -> None:
    assert _authors(page("<p class='byline'>By Jane Roe</p>")) == [("Jane Roe", None)]


def test_a_label_alone_reads_its_tail_before_the_next_element() -> None:
    # "<span>Autor:</span> Name<br>": the <br> after the name is no name
    box = ("<div class='meta'><span class='label'>Datum:</span> 19.11.2021<br/>"
           "<span class='label'>Autor:</span> Anna Berg<br/>"
           "<span class='label'>Quelle:</span> News Example<br/></div>")
    assert _authors(page(box, lang="de")) == [("Anna Berg", None)]


def test_a_byline_in_italics() -> None:
    assert _authors(page("<p><i>von Anna Berg</i></p>", lang="de")) == [("Anna Berg", None)]


def test_a_small_heading_as_the_label_over_the_name() -> None:
    box = ("<div class='news__meta'><h4 class='news__meta-title'>Autor</h4>"
           "<p class='news__meta-text'><a href='/profil/anna-berg'>Anna Berg</a></p></div>")
    assert _authors(page(box, lang="de")) == [("Anna Berg", "https://news.example/profil/anna-berg")]
    box = "<div class='meta'><h5 class='title-inline'>Autor: </h5>Peter Roe/SP-X</div>"
    assert _authors(page(box, lang="de")) == [("Peter Roe", None)]


def test_a_small_heading_that_opens_with_a_by_word_is_a_title() -> None:
    assert _authors(page("<h4>Von Kopf bis Fuß gesund</h4>", lang="de")) == []


def test_an_author_class_in_capitals() -> None:
    box = ("<p class='OpinionBox__Author'><span class='Author'>Anna Berg</span> | "
           "Software-Redaktion</p>")
    assert _authors(page(box, lang="de")) == [("Anna Berg", None)]


def test_a_follow_the_author_control_is_no_byline() -> None:
    box = ("<div class='followContainer'><button class='followAuthorBtn' type='button'>Folgen"
           "</button><a href='/profil/themen/' class='followAuthorBtn'>Themen bearbeiten</a></div>")
    assert _authors(page(box, lang="de")) == []


def test_a_title_or_question_after_a_by_word_is_no_name() -> None:
    # a teaser's "Von Kopf bis Fuß: …" or a question before the byline element: the writer
    # is the element's
    byline = "<p class='author'><a href='/autoren/anna-berg/'>Anna Berg</a></p>"
    for line in ("<div>Von Kopf bis Fuß: Winterkleidung für Radfahrer</div>",
                 "<span>Von Viren und Menschen?</span>"):
        html = page(line + byline, lang="de")
        assert _authors(html) == [("Anna Berg", "https://news.example/autoren/anna-berg/")]
