"""Health metadata: structured (JSON-LD) and visible (bylines, review lines, sources,
disclaimers) in several languages. Inputs are small hand-written pages; every expected value
is read off the input above it."""
from __future__ import annotations

import json

import pytest

from cleaners.dates import parse_date
from cleaners.extract import extract_article
from cleaners.html import parse_html
from cleaners.metadata import read_metadata

_PARAS = "".join(
    f"<p>Paragraph {i} about migraine explains triggers, treatment options and when a doctor "
    "should be seen, in plain words for patients and their families who need a clear guide "
    "to the condition and its long term care at home and at work.</p>" for i in range(4))


def _meta(html: str) -> dict:
    root, _ = parse_html(html)
    return read_metadata(root, "https://health.example/migraine")


def test_jsonld_graph_medical_webpage():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "MedicalWebPage", "@id": "#page", "headline": "Migraine",
         "datePublished": "2023-03-01T09:00:00+01:00", "dateModified": "2024-01-15",
         "lastReviewed": "2024-02-20", "author": {"@id": "#anna"},
         "reviewedBy": {"@type": "Person", "name": "Max Muster", "honorificSuffix": "MD",
                        "url": "https://health.example/team/max"},
         "citation": [{"@type": "CreativeWork", "name": "Headache guideline 2022",
                       "url": "https://doi.org/10.1000/xyz"}, "https://who.int/migraine"],
         "about": [{"@type": "MedicalCondition", "name": "Migraine"},
                   {"@type": "Drug", "name": "Sumatriptan"}]},
        {"@type": "Person", "@id": "#anna", "name": "Anna Beispiel",
         "url": "https://health.example/team/anna"},
        {"@type": "BreadcrumbList", "itemListElement": []}]}
    meta = _meta(f'<html><head><script type="application/ld+json">{json.dumps(graph)}'
                 f"</script></head><body><h1>Migraine</h1>{_PARAS}</body></html>")
    assert meta["author_objects"] == [{"name": "Anna Beispiel",
                                       "url": "https://health.example/team/anna"}]
    assert meta["reviewed_by"] == [{"name": "Max Muster", "credentials": "MD",
                                    "url": "https://health.example/team/max"}]
    assert meta["published"] == "2023-03-01T09:00:00+01:00"
    assert meta["last_reviewed"] == "2024-02-20"
    assert [r["text"] for r in meta["references"]] == ["Headache guideline 2022",
                                                       "https://who.int/migraine"]
    assert meta["about"] == ["Migraine", "Sumatriptan"]
    assert meta["schema_types"] == ["MedicalWebPage", "Person", "BreadcrumbList"]


ENGLISH = f"""<html><body><article><h1>Migraine: what helps</h1>
<p class="byline">By John Doe</p>
<p>Medically reviewed by <a href="/team/jane">Jane Roe, MD</a> on May 2, 2024</p>
<p>Published: March 3, 2023</p>
{_PARAS}
<h2>Sources</h2>
<ol><li>Smith A. Migraine today. <a href="https://doi.org/10.1234/abc.5">doi</a></li>
<li>Lee B. Triptans. <a href="https://pubmed.ncbi.nlm.nih.gov/12345678/">PubMed</a></li>
<li>National headache guideline, 2021.</li></ol>
<p class="note">This article is not a substitute for medical advice from your doctor.</p>
</article></body></html>"""


def test_visible_english_page():
    meta = _meta(ENGLISH)
    assert meta["author_objects"] == [{"name": "John Doe", "url": None}]
    assert meta["reviewed_by"] == [{"name": "Jane Roe", "credentials": "MD",
                                    "url": "https://health.example/team/jane"}]
    assert meta["last_reviewed"] == "2024-05-02"
    assert meta["published"] == "2023-03-03"
    refs = meta["references"]
    assert len(refs) == 3
    assert refs[0]["doi"] == "10.1234/abc.5"
    assert refs[1]["pmid"] == "12345678"
    assert refs[2] == {"text": "National headache guideline, 2021.", "url": None,
                       "doi": None, "pmid": None}
    assert meta["medical_disclaimer"] == ("This article is not a substitute for medical "
                                          "advice from your doctor.")


def test_disclaimer_leaves_the_body():
    article = extract_article(ENGLISH, "https://health.example/migraine")
    assert "Paragraph 2 about migraine" in article.body
    assert "not a substitute for medical advice" not in article.body
    assert "not a substitute" not in (article.body_html or "")


GERMAN = f"""<html><body><h1>Migräne</h1>
<ul class="meta"><li>Von: <a href="/autoren/anna">Anna Beispiel</a></li>
<li>Veröffentlicht am 12. Januar 2022</li><li>Aktualisiert: 03.04.2023</li></ul>
<p>Fachlich geprüft von Dr. med. Max Muster am 03.04.2023</p>
{_PARAS}
<p><strong>Quellen</strong></p>
<ul><li>Leitlinie Migräne, DGN 2022</li><li>Robert Koch-Institut: Kopfschmerz, 2021</li></ul>
<p>Dieser Artikel ersetzt keine ärztliche Beratung.</p></body></html>"""


def test_visible_german_page():
    meta = _meta(GERMAN)
    assert meta["author_objects"] == [{"name": "Anna Beispiel",
                                       "url": "https://health.example/autoren/anna"}]
    assert meta["published"] == "2022-01-12"
    assert meta["modified"] == "2023-04-03"
    assert meta["reviewed_by"][0]["name"] == "Dr. med. Max Muster"
    assert meta["last_reviewed"] == "2023-04-03"
    assert [r["text"] for r in meta["references"]] == [
        "Leitlinie Migräne, DGN 2022", "Robert Koch-Institut: Kopfschmerz, 2021"]
    assert meta["medical_disclaimer"] == "Dieser Artikel ersetzt keine ärztliche Beratung."


@pytest.mark.parametrize("text", [
    "Cet article ne remplace pas l'avis de votre médecin.",
    "Esta información no sustituye la consulta médica.",
    "Материал не заменяет консультацию врача.",
    "本文内容不能替代医生的诊断。",
])
def test_disclaimers_in_other_languages(text):
    assert _meta(f"<html><body><h1>T</h1>{_PARAS}<p>{text}</p></body></html>")[
        "medical_disclaimer"] == text


def test_no_disclaimer_no_sources_on_a_plain_page():
    meta = _meta(f"<html><body><h1>T</h1>{_PARAS}</body></html>")
    assert meta["medical_disclaimer"] is None
    assert meta["references"] == []
    assert meta["reviewed_by"] == []


def test_inline_source_paragraph():
    meta = _meta(f"<html><body><h1>T</h1>{_PARAS}<p>Quelle: Carlsen OCL et al.: Physical "
                 '<a href="http://dx.doi.org/10.1016/j.xagr.2020.100002">doi</a></p>'
                 "</body></html>")
    assert len(meta["references"]) == 1
    assert meta["references"][0]["doi"] == "10.1016/j.xagr.2020.100002"


@pytest.mark.parametrize(("text", "iso"), [
    ("2022-12-13T07:13:05+00:00", "2022-12-13"),
    ("12. Januar 2022,", "2022-01-12"),
    ("22 kwietnia 2021", "2021-04-22"),
    ("Publié le 14 mars 2020", "2020-03-14"),
    ("Publicado el 11 de mayo de 2022", "2022-05-11"),
    ("2016年10月14日07:17", "2016-10-14"),
    ("14 марта 2020", "2020-03-14"),
    ("April 21, 2022", "2022-04-21"),
    ("Actualizado 27/04/2022 00:00", "2022-04-27"),
    ("no date here", None),
    ("31.02.2022", None),
    ("2022.01.20 16:31", "2022-01-20"),      # year first, dots
    ("2005-5-7 21:23:57", "2005-05-07"),     # year first, one-digit month and day
    ("版本 v2022.1.2.3", None),              # a version number is no date
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso
