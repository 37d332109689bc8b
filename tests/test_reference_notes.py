"""Notes tied to their marks by a pair of anchors (cleaners/references.py `anchored_notes`):
the mark in the text links to its note, the note links back to the mark."""
from __future__ import annotations

from cleaners.html import parse_html
from cleaners.metadata import read_metadata
from cleaners.references import anchored_notes

_PARA = ("<p>Paragraph {i} about the ranking of journals explains how committees sort them, "
         "which criteria count and why scholars object, in plain words for readers{mark}.</p>")


def _mark(n: int) -> str:  # SPIP's mark: "<span class=spip_note_ref>[<a href=#nb1 id=nh1>1</a>]"
    return (f'<span class="spip_note_ref">&nbsp;[<a href="#nb{n}" class="spip_note" '
            f'rel="appendix" id="nh{n}">{n}</a>]</span>')


def _note(n: int, text: str) -> str:
    return (f'<div id="nb{n}"><p><span class="spip_note_ref">[<a href="#nh{n}" '
            f'class="spip_note" rev="appendix">{n}</a>]&nbsp;</span>{text}</p></div>')


def _refs(notes: list[str], marks: int | None = None) -> list[dict]:
    marks = len(notes) if marks is None else marks
    text = "".join(_PARA.format(i=i, mark=_mark(i + 1) if i < marks else "") for i in range(5))
    block = '<div class="notes"><h2>Notes</h2>' + "".join(
        _note(i + 1, t) for i, t in enumerate(notes)) + "</div>"
    root, _ = parse_html(f"<html><body><article><h1>Rankings</h1>{text}</article>{block}"
                         "</body></html>")
    return read_metadata(root, "https://journal.example/rankings.html")["references"]


def test_paired_notes_count_all_once_one_cites():
    notes = ["« Objectifs et principes », Catégorisation des revues, Octobre 2007.",
             "Voir le texte, http://www.example.org/post/2009/03/15/revues",
             "Les revues notées 1* sont déjà au nombre de huit.",
             "Il va sans dire qu’il s’agit d’articles rédigés en anglais."]
    refs = _refs(notes)
    assert len(refs) == 4
    assert refs[2]["text"] == "[3] Les revues notées 1* sont déjà au nombre de huit."
    assert len(_refs(notes[:1])) == 1  # one cited note is the list


def test_paired_notes_that_cite_nothing_are_remarks():
    assert _refs(["Les revues notées 1* sont déjà au nombre de huit."]) == []


def test_a_note_without_its_mark_is_no_pair():
    # the back link points at no mark in the text (marks=0): nothing ties the block to it
    assert _refs(["Roe J. Journal rankings. Paris, 2017, 176 pages."], marks=0) == []


def test_word_processor_notes_by_name():
    """A word processor's pair is symmetric (each end a numbered link with a name): the notes
    are the later ends, not the paragraphs holding the marks."""
    text = "".join(_PARA.format(i=i, mark=f'<a href="#_ftn{i}" name="_ftnref{i}">[{i}]</a>')
                   for i in (1, 2))
    notes = "".join(f'<p><a href="#_ftnref{i}" name="_ftn{i}">[{i}]</a> Roe J. Rankings, '
                    f"part {i}. Paris, 2015.</p>" for i in (1, 2))
    root, _ = parse_html(f"<html><body><article><h1>Rankings</h1>{text}<hr>{notes}</article>"
                         "</body></html>")
    assert [r["text"][:14] for r in anchored_notes(root.find("body"))] \
        == ["[1] Roe J. Ran", "[2] Roe J. Ran"]
    refs = read_metadata(root, "https://journal.example/rankings.html")["references"]
    assert [r["text"][:14] for r in refs] == ["[1] Roe J. Ran", "[2] Roe J. Ran"]


def test_comment_reply_links_are_no_notes():
    """Comments that link to each other by anchors (a reply and the comment it answers) pair
    up like notes, but their links are names and dates, not note numbers."""
    text = "".join(_PARA.format(i=i, mark="") for i in range(5))
    comments = ('<div id="c1"><p><a href="#c2" id="r1">Red (22 juin 2018 @11h13)</a> : '
                'voir 2017</p></div><div id="c2"><p><a href="#r1" id="r2">Blue (22 juin '
                '2018 @11h29)</a> : oui</p></div>')
    root, _ = parse_html(f"<html><body><article><h1>Rankings</h1>{text}</article>{comments}"
                         "</body></html>")
    assert read_metadata(root, "https://journal.example/rankings.html")["references"] == []
