"""Reference lists in the forms scholarly and Markdown-rendered pages print them, on
hand-written pages: a numbered table under a heading whose words follow an anchor, and a
footnotes block without a heading."""
from __future__ import annotations

from cleaners.extract import extract_article

URL = "https://journal.example/paper/123"
TEXT = "<p>" + "Vitamin D levels were measured in 400 adults over two winters [1]. " * 3 + "</p>"


def _page(after: str, lang: str = "en") -> str:
    return (f"<html lang='{lang}'><head><title>Vitamin D</title></head><body><article>"
            f"<h1>Vitamin D in winter</h1>{TEXT * 5}{after}</article>"
            "<footer>© Journal Example</footer></body></html>")


def _row(n: int, text: str) -> str:
    return (f"<tr><td width='45' valign='top'>[{n}]</td><td valign='top'>"
            f"<a name='ref{n}' id='ref{n}'></a> {text}</td></tr>")


def test_a_numbered_table_under_an_anchored_heading() -> None:
    rows = [_row(1, "王明. 冬季维生素D水平研究[J]. 营养学报, 2011(3): 12-15."),
            _row(2, "Roe J, Doe J. Vitamin D in winter. BMJ. 2015;350:h100. "
                    "doi:10.1136/bmj.h100"),
            _row(3, "李华. 维生素D与骨健康[M]. 北京: 人民卫生出版社, 2009.")]
    after = ("<div><p><b style='font-size:19px'><a name='reference'></a>参考文献</b></p>"
             f"<table width='100%'>{''.join(rows)}</table></div>")
    refs = extract_article(_page(after, lang="zh"), URL).references
    assert len(refs) == 3
    assert refs[0]["text"] == "[1] 王明. 冬季维生素D水平研究[J]. 营养学报, 2011(3): 12-15."
    assert refs[1]["doi"] == "10.1136/bmj.h100"
    assert refs[2]["url"] is None


def test_footnotes_without_a_heading() -> None:
    notes = "".join(f"<li id='fn:{i}'><p>Study number {i}, Journal of Tests, 20{i:02d}. "
                    f"<a href='#fnref:{i}'>↩</a></p></li>" for i in range(1, 6))
    after = f"<div class='footnotes' role='doc-endnotes'><hr><ol>{notes}</ol></div>"
    refs = extract_article(_page(after), URL).references
    assert [r["text"] for r in refs] == [
        f"Study number {i}, Journal of Tests, 20{i:02d}." for i in range(1, 6)]


def test_no_footnotes_block_no_references() -> None:
    after = "<div class='notes'><ol><li>Remember to drink water.</li></ol></div>"
    assert extract_article(_page(after), URL).references == []
