"""Health metadata of a demo article: reviewer, review date, source list and disclaimer.

Drawn from the article's own seeded RNG stream kept apart from `art.rng` (keyed by the path),
so adding it changed none of the existing pages' text; the expected record is written from
this data (crawler/demo/expected.py), never from an extractor.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from .model import DemoArticle

_REVIEWERS_EN = (("Dr. Helen Park", "MD"), ("Samuel Ortiz", "PharmD"),
                 ("Dr. Amelia Grant", "MD, MPH"), ("Nora Lindqvist", "RN"))
_REVIEWERS_ZH = (("王立新", "主任医师"), ("李晓梅", "副主任医师"), ("陈志强", "主治医师"))
_JOURNALS = ("J Clin Med", "BMJ Open", "Lancet Public Health", "Nutrients", "Sleep Med Rev")
_TOPICS = ("physical activity and blood pressure", "sleep duration in adults",
           "dietary fibre and gut health", "hydration in older adults",
           "screen time and eye strain", "stress and heart rate variability")
_SURNAMES = ("Smith", "Meyer", "Tanaka", "Rossi", "Nguyen", "Okafor", "Silva", "Kowalski")
DISCLAIMERS = {
    "keepto": ("This article is for general information only and does not replace medical "
               "advice from your doctor."),
    "wp": ("Disclaimer: the content of this blog is not a substitute for professional medical "
           "advice, diagnosis or treatment."),
    "zh": "本文内容仅供参考，不能替代医生的诊断和治疗。",
}


@dataclass(slots=True, frozen=True)
class Health:
    reviewer: tuple[str, str, str] | None  # (name, credentials, profile path)
    last_reviewed: str | None  # YYYY-MM-DD
    references: tuple[dict, ...]  # {text, url, doi, pmid}
    disclaimer: str | None


def health_for(art: DemoArticle) -> Health:
    if art.family not in DISCLAIMERS:
        # A family whose pages show no health metadata at all (the Ghost-like journal):
        # it checks that the extractor invents none.
        return Health(None, None, (), None)
    rng = random.Random(f"health:{art.path}")
    reviewer = None
    reviewed = None
    if rng.random() < 0.75:
        pool = _REVIEWERS_ZH if art.family == "zh" else _REVIEWERS_EN
        name, cred = rng.choice(pool)
        reviewer = (name, cred, f"/experts/{pool.index((name, cred))}.html")
        published = date.fromisoformat((art.published or "2024-01-01")[:10])
        reviewed = (published + timedelta(days=rng.randint(3, 400))).isoformat()
    refs = []
    for j in range(rng.choice((0, 2, 3, 5, 8))):
        year = rng.randint(2005, 2023)
        authors = ", ".join(f"{s} {chr(65 + rng.randint(0, 25))}"
                            for s in rng.sample(_SURNAMES, rng.randint(1, 3)))
        text = (f"{authors}. A study of {rng.choice(_TOPICS)}. {rng.choice(_JOURNALS)}. "
                f"{year};{rng.randint(1, 60)}:{rng.randint(10, 900)}.")
        kind = rng.choice(("doi", "pmid", "none"))
        doi = f"10.5555/demo.{art.index}.{j}" if kind == "doi" else None
        pmid = str(rng.randint(10_000_000, 39_999_999)) if kind == "pmid" else None
        url = (f"https://doi.org/{doi}" if doi else
               f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else None)
        refs.append({"text": text, "url": url, "doi": doi, "pmid": pmid})
    disclaimer = DISCLAIMERS[art.family] if rng.random() < 0.8 else None
    return Health(reviewer, reviewed, tuple(refs), disclaimer)


def human_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d:%B} {d.day}, {d.year}"
