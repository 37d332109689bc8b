"""Prev/next links and teaser blocks found by structure and vocabulary (issue 4)."""
from __future__ import annotations

from ..article import Link, Teaser


def find_navigation(root, url: str | None) -> tuple[list[Link], list[Teaser], list]:
    """Return (related_links, teasers, elements holding them). The caller drops those
    elements before main-text detection, so navigation never reaches the body."""
    return [], [], []
