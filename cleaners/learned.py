"""Learned templates: a host's page template as data, induced while crawling (pure, no I/O).

A crawl sees many pages of one host. After the first few article pages of a host (and URL
shape, `group_of`) were analysed by the generic extractor, cleaners/template_induce.py
induces the selectors that give the same title, body, prev/next/related links and teasers;
from then on the host's pages are extracted with those selectors through the same code path
as a hand-written site profile (cleaners/profile.py `extract_with_profile`), which costs a
fraction of the generic analysis. cleaners/learner.py keeps checking the template against
the generic analysis on a sample of later pages (`agree`) and drops it when they disagree.

A Template is plain data (JSON in the store's `templates` table) so the next run starts
learned; its `profile` is a SiteProfile with `learned=True` (the page kind decides article
or not, as on the generic path, and the record says `extractor: learned:<host>`).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

import orjson

from .profile import SiteProfile

# The SiteProfile fields a template fills (everything else comes from page metadata, as on
# the generic path).
FIELDS = ("title", "body", "body_drop", "prev", "next", "related", "teaser_item",
          "teaser_title", "teaser_snippet", "teaser_link")
FORMAT = 1  # of the stored JSON; a template of another format is not loaded
# Body paragraphs of the learned and the generic extraction must match this well (difflib
# ratio of the two paragraph lists): a paragraph more or less in a long article is noise,
# a different container (comments, a sidebar) is not.
MIN_BODY_RATIO = 0.9
_SEGMENT_NUMBER = re.compile(r"\d+")


def group_of(url: str) -> tuple[str, str] | None:
    """(netloc, URL shape) of a page: the pages a template is learned for and applied to.

    One host often serves several templates (articles, listings, a blog beside a portal),
    and their URLs differ in shape: the first path segment (the section) unless it is the
    last one, the number of segments, and how the path ends (".html", "/", ...). Numbers
    and slugs are not part of the shape, so every article of a section shares it."""
    parts = urlsplit(url)
    if not parts.netloc:
        return None
    segments = [s for s in parts.path.split("/") if s]
    section = _SEGMENT_NUMBER.sub("N", segments[0]) if len(segments) > 1 else ""
    last = segments[-1] if segments else ""
    ending = "/" if parts.path.endswith("/") else (
        last.rsplit(".", 1)[1].lower() if "." in last else "")
    return parts.netloc.lower(), f"/{section}|{len(segments)}|{ending}"


@dataclass(frozen=True)
class Template:
    netloc: str  # host[:port] the template was learned on
    group: str  # the URL shape within the host (group_of)
    selectors: dict = field(compare=True, hash=False)  # FIELDS -> CSS ("" = none)
    samples: int = 0  # how many pages it was induced from
    dated: bool = True  # False: no sample page had a date (SiteProfile.date_search)

    @property
    def key(self) -> str:
        return f"{self.netloc}{self.group}"

    @property
    def host(self) -> str:
        return self.netloc.rsplit(":", 1)[0] if not self.netloc.endswith("]") else self.netloc

    @cached_property
    def profile(self) -> SiteProfile:
        sel = self.selectors
        return SiteProfile(key=f"learned:{self.host}", article_url="", learned=True,
                           date_search=self.dated,
                           **{name: (tuple(sel.get(name) or ()) if name == "body_drop"
                                     else sel.get(name) or "") for name in FIELDS})

    def to_json(self) -> str:
        return orjson.dumps({"format": FORMAT, "netloc": self.netloc, "group": self.group,
                             "samples": self.samples, "dated": self.dated,
                             "selectors": {k: self.selectors.get(k) for k in FIELDS}}).decode()

    @classmethod
    def from_json(cls, text: str | bytes) -> Template | None:
        """None for a template this code cannot use (another format, unreadable)."""
        try:
            data = orjson.loads(text)
            if data.get("format") != FORMAT:
                return None
            selectors = {k: data["selectors"].get(k) or ("" if k != "body_drop" else [])
                         for k in FIELDS}
            template = cls(str(data["netloc"]), str(data["group"]), selectors,
                           int(data.get("samples") or 0), bool(data.get("dated", True)))
            template.profile.xp  # noqa: B018 -- every selector must compile
            template.profile.xp_drop  # noqa: B018
            return template
        except Exception:  # a damaged row is skipped (and re-learned), never fatal
            return None


def _paragraphs(record: dict) -> list[str]:
    return [p for p in (record.get("body") or "").split("\n\n") if p]


def body_ratio(a: dict, b: dict) -> float:
    pa, pb = _paragraphs(a), _paragraphs(b)
    if not pa and not pb:
        return 1.0
    return difflib.SequenceMatcher(None, pa, pb, autojunk=False).ratio()


def _links(record: dict) -> set[tuple]:
    return {(link["rel"], link["title"], link["url"]) for link in record.get("related_links")
            or ()}


def _teasers(record: dict) -> set[tuple]:
    return {(t["title"], t["snippet"], t["url"]) for t in record.get("teasers") or ()}


def disagreement(generic: dict, learned: dict) -> str | None:
    """Why the learned record is not the generic one (None: they agree): the title differs,
    the body paragraphs differ more than MIN_BODY_RATIO allows, the navigation (the set
    of related/prev/next links, the set of teasers) differs, or the publication date (only
    a template that skips the date search can miss one: a dated page in a template learned
    as undated)."""
    if (generic.get("title") or "") != (learned.get("title") or ""):
        return "title"
    if body_ratio(generic, learned) < MIN_BODY_RATIO:
        return "body"
    if _links(generic) != _links(learned):
        return "related_links"
    if _teasers(generic) != _teasers(learned):
        return "teasers"
    if generic.get("published") != learned.get("published"):
        return "published"
    return None
