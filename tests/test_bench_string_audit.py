"""bench/string_audit.py: literal pieces of the code's strings, and the sites whose pages
show them (a pool written to a temporary folder)."""
from __future__ import annotations

import gzip

from bench.string_audit import audit, literal_pieces


def test_pieces_are_the_long_literal_alternatives_of_string_constants():
    source = ('WORDS = r"lesen\\s+sie\\s+auch|mehr|read\\s+(?:more|on)"\n'
              'NOTE = "Lesen Sie morgen: Teil 2 der Serie"\nN = 3\n')
    assert literal_pieces(source, 10) == {"lesen sie auch", "lesen sie morgen: teil 2 der serie"}


def test_a_piece_on_one_site_only_is_listed_with_its_site_and_file(tmp_path):
    code = tmp_path / "cleaners"
    code.mkdir()
    (code / "rules.py").write_text('A = "lesen sie morgen: teil 2"\nB = "mehr zum thema heute"\n',
                                   encoding="utf-8")
    data = tmp_path / "data"
    pages = {"a-1": "<p>Lesen Sie morgen: Teil 2</p><h3>Mehr zum Thema heute</h3>",
             "b-1": "<h3>Mehr zum&nbsp;Thema heute</h3>"}
    folder = data / "body-dev" / "pages"
    folder.mkdir(parents=True)
    for page_id, text in pages.items():
        (folder / f"{page_id}.html.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    (data / "body-dev" / "manifest.tsv").write_text(
        "id\tsite\na-1\ta.example\nb-1\tb.example\n", encoding="utf-8")
    report = audit(code, data, 10)
    assert report["pages"] == 2 and report["on_several_sites"] == 1
    assert report["one_site"] == [{"piece": "lesen sie morgen: teil 2", "site": "a.example",
                                   "files": ["cleaners/rules.py"]}]
