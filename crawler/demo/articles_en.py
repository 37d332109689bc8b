"""Article data for the two English families: keepto-like pages and WordPress posts."""
from __future__ import annotations

import random
import re
import unicodedata
from datetime import datetime, timedelta, timezone

from .model import Block, DemoArticle, RngFor
from .textgen import Template, sentence
from .words_en import (
    EXCERPTS,
    KEEPTO_TITLES,
    LIST_ITEMS,
    NOTE_SENTENCES,
    OPENINGS,
    POOLS,
    SENTENCES,
    TITLE_POOLS,
    WP_HEADINGS,
    WP_TITLES,
    title_case,
)

KEEPTO_CATEGORIES = (
    ("orthopedics", "Orthopedics"), ("dermatology", "Dermatology"), ("digestive", "Digestive"),
    ("cardiology", "Heart Health"), ("neurology", "Neurology"), ("eyes", "Eye Care"),
    ("dental", "Dental"), ("womens-health", "Women's Health"), ("mens-health", "Men's Health"),
    ("nutrition", "Nutrition"), ("mental-health", "Mental Health"),
    ("respiratory", "Respiratory"),
)
WP_CATEGORIES = (
    ("nutrition", "Nutrition"), ("fitness", "Fitness"), ("sleep", "Sleep"),
    ("chronic-conditions", "Chronic Conditions"), ("mental-health", "Mental Health"),
    ("family-health", "Family Health"),
)
WP_AUTHORS = (
    ("jane-doe", "Jane Doe"), ("omar-haddad", "Omar Haddad"), ("li-wei", "Li Wei"),
    ("maria-garcia", "María García"), ("sam-okafor", "Sam Okafor"),
)
WP_TAGS = ("sleep", "diet", "exercise", "back-pain", "stress", "heart", "skin", "seniors",
           "kids", "prevention", "recovery", "vitamins")

KEEPTO_SNIPPET_CHARS = 49  # keepto shows the first 49 characters, then "..."
_WP_START = datetime(2019, 1, 7, 8, 0, tzinfo=timezone.utc)
_WP_SPAN = timedelta(days=6 * 365)


def _titled_topic(rng: random.Random, templates: tuple[Template, ...], seen: set[str],
                  wordpress: bool = False) -> tuple[str, dict[str, str]]:
    """A topic (condition, symptom) and a title no other article of the family has."""
    for _ in range(40):
        fixed = {"cond": rng.choice(POOLS["cond"]), "sym": rng.choice(POOLS["sym"])}
        if wordpress:
            title = sentence(rng, templates, TITLE_POOLS,
                             {k: title_case(v) for k, v in fixed.items()})
        else:
            title = sentence(rng, templates, POOLS, fixed)
        if title not in seen:
            break
    else:  # the pattern space is far larger than 20,000; this is a last resort
        title = f"{title} ({len(seen) + 1})"
    seen.add(title)
    return title, fixed


def _paragraph(rng: random.Random, fixed: dict, sentences: int, opening: bool = False) -> str:
    out = []
    if opening:
        first = sentence(rng, OPENINGS, POOLS, fixed)
        while len(first) <= KEEPTO_SNIPPET_CHARS:  # keep the teaser cut inside sentence one
            first = sentence(rng, OPENINGS, POOLS, fixed)
        out.append(first)
    # distinct patterns: one paragraph never says the same thing twice in other words
    out += [t.fill(rng, POOLS, fixed) for t in rng.sample(SENTENCES, sentences - len(out))]
    return " ".join(out)


def _quirk_candidates(blocks: list[Block]) -> list[int]:
    # The first paragraph feeds other pages' teasers, so it is rendered as written.
    first = next(i for i, b in enumerate(blocks) if b.kind == "p")
    return [i for i, b in enumerate(blocks) if b.kind == "p" and i != first]


def build_keepto(count: int, rng_for: RngFor) -> list[DemoArticle]:
    seen: set[str] = set()
    out = []
    for i in range(count):
        rng = rng_for(i)
        title, fixed = _titled_topic(rng, KEEPTO_TITLES, seen)
        category = rng.choice(KEEPTO_CATEGORIES)
        blocks = [Block("p", _paragraph(rng, fixed, rng.randint(3, 4), opening=True))]
        blocks += [Block("p", _paragraph(rng, fixed, rng.randint(2, 5)))
                   for _ in range(rng.randint(3, 6))]
        if rng.random() < 0.35:  # 'Note:' on its own line, then the note (as in the seed)
            blocks.append(Block("p", "Note:"))
            blocks.append(Block("p", " ".join(
                sentence(rng, NOTE_SENTENCES, POOLS, fixed) for _ in range(2))))
        art = DemoArticle("keepto", i, f"/keepto/{category[0]}/{1000 + 7 * i + rng.randrange(7)}"
                          ".html", title, blocks, category, rng)
        cut = art.first_paragraph[:KEEPTO_SNIPPET_CHARS]
        art.teaser_text, art.teaser_snippet, art.teaser_truncated = cut + "...", cut.rstrip(), True
        candidates = _quirk_candidates(blocks)
        for idx in candidates:
            text = blocks[idx].text
            if not text.isascii() and rng.random() < 0.6:
                art.quirks[idx] = "nfd"  # decomposed accents; normalization recomposes (NFC)
        with_comma = [i for i in candidates if ", " in blocks[i].text and i not in art.quirks]
        if with_comma and rng.random() < 0.4:
            art.quirks[rng.choice(with_comma)] = "space-before-comma"  # "back pain , or"
        out.append(art)
    return out


def slugify(text: str, seen: set[str]) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-")
    base, n = slug, 2
    while slug in seen:
        slug, n = f"{base}-{n}", n + 1
    seen.add(slug)
    return slug


def build_wp(count: int, rng_for: RngFor) -> list[DemoArticle]:
    seen_titles: set[str] = set()
    seen_slugs: set[str] = set()
    step = _WP_SPAN / max(count, 1)
    out = []
    for i in range(count):
        rng = rng_for(i)
        title, fixed = _titled_topic(rng, WP_TITLES, seen_titles, wordpress=True)
        when = _WP_START + step * i + timedelta(minutes=rng.randrange(
            max(1, int(step.total_seconds() * 0.8 / 60))))
        when = when.replace(second=0, microsecond=0)
        blocks = [Block("p", _paragraph(rng, fixed, rng.randint(3, 5), opening=True))]
        if rng.random() < 0.5:
            blocks.append(Block("p", _paragraph(rng, fixed, rng.randint(2, 3))))
        headings = rng.sample(WP_HEADINGS, rng.randint(2, 4))
        list_at = rng.randrange(len(headings)) if rng.random() < 0.45 else -1
        for h, heading in enumerate(headings):
            blocks.append(Block("h2", heading))
            blocks.append(Block("p", _paragraph(rng, fixed, rng.randint(2, 4))))
            if h == list_at:
                items = {sentence(rng, LIST_ITEMS, POOLS, fixed) for _ in range(rng.randint(3, 5))}
                blocks.extend(Block("li", item) for item in sorted(items))
        slug = slugify(title, seen_slugs)
        art = DemoArticle("wp", i, f"/blog/{when:%Y/%m}/{slug}/", title, blocks,
                          rng.choice(WP_CATEGORIES), rng, published=when.isoformat(),
                          author=rng.choice(WP_AUTHORS), tags=tuple(rng.sample(WP_TAGS, 2)))
        _wp_excerpt(art, rng, fixed)
        for idx in _quirk_candidates(blocks):
            roll = rng.random()
            if not blocks[idx].text.isascii() and roll < 0.5:
                art.quirks[idx] = "nfd"
            elif roll < 0.12:
                art.quirks[idx] = "nbsp"  # one space written as &nbsp;
            elif roll < 0.2:
                art.quirks[idx] = "zero-width"  # a U+200B before a space
        out.append(art)
    return out


def build_ghost(count: int, rng_for: RngFor) -> list[DemoArticle]:
    """The Ghost-like journal: blog posts like the WordPress family's (own seeds, so other
    texts), under /journal/<slug>/."""
    arts = build_wp(count, rng_for)
    for art in arts:
        art.family = "ghost"
        art.path = "/journal/" + art.path.rstrip("/").rsplit("/", 1)[-1] + "/"
    return arts


def _wp_excerpt(art: DemoArticle, rng: random.Random, fixed: dict) -> None:
    """Manual excerpts are complete sentences; automatic ones are the first words + '…'."""
    if rng.random() < 0.3:
        text = sentence(rng, EXCERPTS, POOLS, fixed)
        art.teaser_text, art.teaser_snippet, art.teaser_truncated = text, text, False
        return
    words = art.first_paragraph.split(" ")
    keep = rng.randint(18, 26)
    if len(words) <= keep:
        art.teaser_text = art.teaser_snippet = art.first_paragraph
        art.teaser_truncated = False
    else:
        cut = " ".join(words[:keep])
        art.teaser_text, art.teaser_snippet, art.teaser_truncated = cut + "\u2026", cut, True
