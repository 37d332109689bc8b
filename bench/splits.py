"""Tune / check splits of the development pools, by site, so no site sits on both sides.

- body-dev and zh-dev: their manifest's `suggested_split` column (a hash of the site name,
  chosen by the pools' authors).
- article-extraction-dev (no manifest): `split_for_host(url's host)`: the registered domain
  (`registered_domain`: the last two labels, three under a two-letter country code with a
  generic second level such as co.uk or com.au), then the first hex digit of its SHA-1:
  below "c" is tune, "c" to "f" is check (about one site in four).

Tune on `tune` only; `check` measures whether a change carries over to unseen sites.
"""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path
from urllib.parse import urlsplit

TUNE, CHECK = "tune", "check"
SPLITS = (TUNE, CHECK)
_CHECK_FROM = "c"  # first hex digit of sha1(registered domain) from here on: check
# Second-level labels of country-code registrations ("bbc.co.uk", "abc.net.au").
_GENERIC_SECOND = frozenset("co com org net ac gov edu ne or go gob nic".split())


def registered_domain(host: str) -> str:
    """"www.news.bbc.co.uk" -> "bbc.co.uk", "edition.cnn.com" -> "cnn.com"."""
    labels = host.lower().strip(".").split(":")[0].split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def split_for_site(site: str) -> str:
    digest = hashlib.sha1(site.encode("utf-8")).hexdigest()
    return CHECK if digest[0] >= _CHECK_FROM else TUNE


def split_for_url(url: str) -> str:
    return split_for_site(registered_domain(urlsplit(url).hostname or ""))


def manifest_splits(manifest: Path) -> dict[str, str]:
    """{page id: tune|check} from a pool's manifest.tsv (`suggested_split` column)."""
    with manifest.open(encoding="utf-8", newline="") as f:
        return {row["id"]: row["suggested_split"]
                for row in csv.DictReader(f, delimiter="\t")}
