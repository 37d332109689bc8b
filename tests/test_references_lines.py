"""Source lists without the usual heading (cleaners/references.py): credit lines, endnotes,
a longer line naming the sources, and where a run of linked sources ends."""
from __future__ import annotations

from cleaners.html import parse_html
from cleaners.metadata import read_metadata

_PARAS = "".join(
    f"<p>Paragraph {i} about measles explains how the virus spreads, which vaccines protect "
    "children and adults, and when a doctor should be called, in plain words for families "
    "who need a clear guide to the illness and its complications.</p>" for i in range(4))


def _refs(tail: str) -> list[dict]:
    root, _ = parse_html(f"<html><body><article><h1>Measles</h1>{_PARAS}{tail}</article>"
                         "</body></html>")
    return read_metadata(root, "https://health.example/measles")["references"]


def test_a_credit_line_is_no_reference_a_cited_source_is():
    assert _refs("<p>Quelle: dpa-AFX</p>") == []
    assert _refs("<p>Source: Verbraucherzentrale NRW</p>") == []
    cited = _refs("<p>Quelle: Smith J et al. Measles outbreaks in Europe. Lancet 2021.</p>")
    assert len(cited) == 1 and cited[0]["text"].startswith("Smith J et al.")
    # sources in brackets are a list, however short each item
    assert [r["text"] for r in _refs("<p>Quellen: (Medical News Today) (Mayo Clinic)</p>")] \
        == ["Medical News Today", "Mayo Clinic"]


def test_numbered_endnotes_without_a_heading():
    """A word processor's export: "[1] …", "[2] …" paragraphs after the text."""
    notes = ('<p><a name="_ftn1"></a>[1] Measles and immunity, Roe J, Doe K. Vaccine. 2015; '
             '28: 685-690.</p><p><a name="_ftn2"></a>[2] National measles surveillance report'
             '</p><p> </p>')
    refs = _refs(notes)
    assert [r["text"][:24] for r in refs] == ["[1] Measles and immunity",
                                             "[2] National measles sur"]
    assert _refs('<p>[1] An aside that explains a word.</p>') == []  # one note: no list


def test_a_footnote_that_explains_cites_nothing():
    block = ('<div class="footnotes"><h5>Notes</h5><ol><li>Incidence: new cases in a year.'
             '</li></ol></div>')
    assert _refs(block) == []


def test_a_longer_line_naming_the_sources_before_links():
    links = "".join(f'<p><a href="https://source{i}.example/report">https://source{i}.example/'
                    "report</a></p>" for i in range(3))
    tail = (f"<p><em>Weitere genutzte Quellen in englischer und chinesischer Sprache:</em></p>"
            f"{links}<p>Foto: Getty Images</p>"
            '<div class="share"><ul><li><a href="https://facebook.com/sharer">teilen</a></li>'
            '<li><a href="https://twitter.com/share">twittern</a></li></ul></div>')
    refs = _refs(tail)
    assert [r["url"] for r in refs] == [f"https://source{i}.example/report" for i in range(3)]
    # the same line before prose only is no list
    assert _refs("<p><em>Weitere genutzte Quellen in englischer Sprache:</em></p>"
                 "<p>Die Lage bleibt ernst.</p><p>Mehr dazu bald.</p>") == []


def test_a_run_of_linked_sources_ends_before_a_tag():
    links = "".join(f'<p>{i} <a href="https://source{i}.example/a">https://source{i}.example/a'
                    "</a></p>" for i in range(1, 5))
    refs = _refs(f"<h3>Quellen</h3>{links}<p>Impfen</p>")
    assert len(refs) == 4
