"""Synthetic records for tests and benchmarks of the pipelines (no network, no pages).

`tricky_records()` carries every value that breaks naive exporters: quotes, newlines, CR,
tabs, formula triggers, NBSP, emoji, CJK, nulls, empty lists. `synthetic_record(i)` is a
plausible, distinct, article-sized record for memory and speed measurements.
"""
from __future__ import annotations

from cleaners.article import Article, Link, Teaser
from cleaners.record import PACKAGE_VERSION, content_hash, record_id, to_record

# Each starts a cell that a spreadsheet would evaluate, or hides a control character.
FORMULA_STRINGS = ("=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)", "\tx", "\rx",
                   "=HYPERLINK(\"http://evil.example\",\"click\")", "'quoted already")
ODD_STRINGS = ('say "hello", then \'bye\'', "line one\nline two", "crlf\r\ninside", "a\u00a0b",
               "emoji 🩺💊 ok", "中文标题：健康饮食", "tab\tinside", "trailing space ",
               "semi; colon", "")

_PARAGRAPH = ("Regular physical activity lowers blood pressure, improves sleep and helps to "
              "keep a healthy weight. Doctors recommend at least 150 minutes a week of "
              "moderate exercise, spread over several days. ")


def tricky_records(run_id: str = "20261126T000000Z-test") -> list[dict]:
    records = []
    for i, text in enumerate(FORMULA_STRINGS + ODD_STRINGS):
        body = f"{text}\n\n" + _PARAGRAPH * 3 + f"\n\n{text} — 第{i}段。"
        article = Article(
            title=text or "empty-valued neighbours",
            body=body,
            body_html=f"<p>{text}</p>" if i % 2 else None,
            related_links=[Link("prev", text, f"https://health.example/a/{i - 1}"),
                           Link("next", f"next {text}", None)] if i % 3 else [],
            teasers=[Teaser(text, f"{text} snippet", bool(i % 2), None),
                     Teaser("推荐阅读", "多喝水…", True, f"https://health.example/t/{i}")],
            language="zh" if "中" in text else "en",
            published="2026-11-01" if i % 2 else None,
            authors=[{"name": text, "url": f"https://health.example/by/{i}" if i % 2 else None},
                     {"name": "Dr. Ng", "url": None}] if text else [],
            breadcrumbs=["Home", text] if i % 2 else [],
            last_reviewed="2026-10-30" if i % 2 else None,
            reviewed_by=[{"name": text, "credentials": "MD", "url": None}] if text else [],
            references=[{"text": text, "url": f"https://doi.org/10.1000/{i}",
                         "doi": f"10.1000/{i}", "pmid": None},
                        {"text": f"{text}; Lee B.", "url": None, "doi": None,
                         "pmid": str(10000 + i)}] if i % 3 else [],
            medical_disclaimer=text or None,
            schema_types=["MedicalWebPage", text] if text else [],
            about=[text] if text else [],
            warnings=["boilerplate_leak"] if i == 3 else [],
            extractor="generic")
        records.append(to_record(article, url=f"https://health.example/a/{i}?ref={i}",
                                 site="health.example", fetched_at="2026-11-26T12:00:00Z",
                                 http_status=200 if i % 4 else None, run_id=run_id))
    return records


def synthetic_record(i: int, run_id: str = "20261126T000000Z-bench",
                     paragraphs: int = 20) -> dict:
    """~5 KB body, ~6 KB body_html, 3 links, 4 teasers; distinct per `i`."""
    url = f"https://health.example/articles/{i}.html"
    title = f"Article {i}: {_PARAGRAPH[:40]}"
    body = "\n\n".join(f"{i}.{p} {_PARAGRAPH}" for p in range(paragraphs))
    return {
        "id": record_id(url), "url": url, "canonical_url": url, "site": "health.example",
        "title": title, "body": body,
        "body_html": "".join(f"<p>{i}.{p} {_PARAGRAPH}</p>" for p in range(paragraphs)),
        "related_links": [{"rel": rel, "title": f"{rel} {i}", "url": f"{url}#{rel}"}
                          for rel in ("prev", "next", "related")],
        "teasers": [{"title": f"Teaser {i}.{t}", "snippet": _PARAGRAPH[:90],
                     "truncated": t % 2 == 0, "url": f"https://health.example/t/{i}/{t}"}
                    for t in range(4)],
        "language": "en", "published": "2026-11-01T08:00:00Z", "modified": None,
        "authors": [{"name": "Dr. A. Example", "url": f"https://health.example/by/{i % 7}"}],
        "breadcrumbs": ["Home", "Fitness"],
        "last_reviewed": "2026-10-01",
        "reviewed_by": [{"name": "Dr. B. Reviewer", "credentials": "MD", "url": None}],
        "references": [{"text": f"Source {i}.{r}", "url": f"https://doi.org/10.1000/{i}.{r}",
                        "doi": f"10.1000/{i}.{r}", "pmid": None} for r in range(3)],
        "medical_disclaimer": "This article does not replace medical advice.",
        "schema_types": ["MedicalWebPage"], "about": ["Hypertension"],
        "word_count": len(body.split()), "content_hash": content_hash(title, body),
        "fetched_at": "2026-11-26T12:00:00Z", "http_status": 200, "run_id": run_id,
        "extractor": f"generic {PACKAGE_VERSION}", "warnings": [], "page_kind": "article",
    }

