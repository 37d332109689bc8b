"""The Article shape every extractor returns (profile, generic, text dump)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class Link:
    rel: str  # "prev", "next" or "related"
    title: str
    url: str | None = None


@dataclass(slots=True)
class Teaser:
    title: str
    snippet: str = ""
    truncated: bool = False
    url: str | None = None


@dataclass(slots=True)
class Article:
    title: str = ""
    body: str = ""
    body_html: str | None = None
    related_links: list[Link] = field(default_factory=list)
    teasers: list[Teaser] = field(default_factory=list)
    canonical_url: str | None = None
    language: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[dict] = field(default_factory=list)  # {name, url}
    breadcrumbs: list[str] = field(default_factory=list)
    last_reviewed: str | None = None
    reviewed_by: list[dict] = field(default_factory=list)  # {name, credentials, url}
    references: list[dict] = field(default_factory=list)  # {text, url, doi, pmid}
    medical_disclaimer: str | None = None
    schema_types: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    extractor: str = "generic"
    warnings: list[str] = field(default_factory=list)
    # article, listing, home or other (cleaners/page_kind.py); extract_article sets it
    page_kind: str = "article"

    def to_dict(self) -> dict:
        return asdict(self)
