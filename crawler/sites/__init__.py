"""Site registry: a Site is a host's profiles (one per page template) plus where to start.

One module per site in this package defines `SITE = Site(...)`; selectors live in the
SiteProfile data, with a comment quoting the real text each one targets.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from cleaners.profile import SiteProfile


@dataclass(frozen=True)
class Site:
    key: str
    profiles: tuple[SiteProfile, ...]
    start_paths: tuple[str, ...] = ("/",)  # joined to the base URL
    default_base: str | None = None  # e.g. "http://127.0.0.1:8765/" for the demo
    sitemap_path: str | None = "/sitemap.xml"

    def profile_for(self, url: str) -> SiteProfile | None:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        for profile in self.profiles:
            if (not profile.hosts or parts.hostname in profile.hosts) and profile.is_article(path):
                return profile
        return None


@cache
def all_sites() -> dict[str, Site]:
    sites = {}
    for mod in pkgutil.iter_modules(__path__):
        site = getattr(importlib.import_module(f"{__name__}.{mod.name}"), "SITE", None)
        if isinstance(site, Site):
            sites[site.key] = site
    return sites


def get_site(key: str) -> Site:
    try:
        return all_sites()[key]
    except KeyError:
        known = ", ".join(sorted(all_sites())) or "none"
        raise KeyError(f"unknown site {key!r} (known: {known})") from None
