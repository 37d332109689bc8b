"""The generator's own data for one article: what templates render and what the expected
record is written from (never from running an extractor)."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

FAMILIES = ("keepto", "wp", "zh", "ghost")
PROFILE_KEYS = {"keepto": "demo-keepto", "wp": "demo-wp", "zh": "demo-zh", "ghost": "demo-ghost"}
LANGUAGES = {"keepto": "en", "wp": "en", "zh": "zh-CN", "ghost": "en"}
RngFor = Callable[[int], random.Random]  # article index -> that article's own seeded RNG


@dataclass(slots=True)
class Block:
    kind: str  # "p" paragraph, "h2" heading, "li" list item (consecutive items: one list)
    text: str  # normalized text, exactly as the record's body holds it


@dataclass(slots=True, eq=False)
class DemoArticle:
    family: str
    index: int  # position within its family (prev = index - 1)
    path: str  # root-relative URL path, e.g. "/keepto/digestive/10007.html"
    title: str
    blocks: list[Block]
    category: tuple[str, str]  # (slug, display name)
    rng: random.Random = field(repr=False)
    published: str | None = None  # ISO 8601, as the record holds it
    author: tuple[str, str] | None = None  # (slug, display name)
    tags: tuple[str, ...] = ()
    teaser_text: str = ""  # how other pages show this article in a teaser (with "..." etc.)
    teaser_snippet: str = ""  # the same, normalized, without the ellipsis
    teaser_truncated: bool = False
    prev: DemoArticle | None = None
    next: DemoArticle | None = None
    teasers: list[DemoArticle] = field(default_factory=list)
    quirks: dict[int, str] = field(default_factory=dict)  # block index -> how it is rendered
    layout: str = "p"  # "p": one <p> per paragraph; "br": paragraphs split by <br><br>

    @property
    def first_paragraph(self) -> str:
        return next(b.text for b in self.blocks if b.kind == "p")

    @property
    def body(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)
