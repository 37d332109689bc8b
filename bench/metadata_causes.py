"""Author errors of `bench.metadata` by source and kind, as counts.

    python -m bench.metadata_causes [--truth DIR] [--groups G,...] [--detail]

For every annotated page, the authors `read_metadata` returns are compared with the truth
(names as `bench.metadata` compares them). Each wrong name (taken, not in the truth) and each
missed name (in the truth, not taken) gets

- a **source**: for a wrong name, the reader that gives it (JSON-LD / microdata author,
  `<meta>` author, labelled visible byline, byline / author-box element, end signature, none
  of them); for a missed name, the reader that would have given it, else "text only" (the
  page's text holds it, no reader gives it) or "not in text";
- a **kind**: organisation or site taken where the truth names a person; a name taken where
  the truth names nobody; a name form differing from the truth's (the two share a word); an
  extra co-author (every truth name found besides); another person taken instead; a missed
  co-author (another truth name found); a missed byline (nothing found, or only wrong names).

Only counts are printed, so check groups can be read without opening a page (the issue's
rule: check results as aggregates only). `--detail` prints each error with its page and is
refused unless every selected page is a tune page.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import orjson

from .metadata import DEFAULT_POOLS, DEFAULT_TRUTH, GROUPS, _norm_name, load

SOURCES = ("JSON-LD/microdata author", "meta author", "labelled byline", "byline element",
           "end signature")


def _sources(root) -> tuple[dict[str, set[str]], set[str]]:
    """Every author reader's names on the page, normalised, each reader alone; and the
    JSON-LD authors that are organisations."""
    from cleaners.bylines import end_signature, visible_bylines
    from cleaners.health_meta import read_visible
    from cleaners.jsonld import jsonld_objects, ld_people, ld_types
    from cleaners.metadata import _ARTICLE_TYPES, _LOOSE_AUTHOR, _META_AUTHOR, _head_elements
    from cleaners.names import split_names
    from cleaners.page_scans import one_page
    from cleaners.structured import read_structured

    jsonld, metas, _c, _t = _head_elements(root)
    objects = list(jsonld_objects(jsonld))
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    people = [p for o in objects if ld_types(o) & _ARTICLE_TYPES
              for key in ("author", "creator") if o.get(key) for p in ld_people(o[key], by_id)]
    ld = [p["name"] for p in people] + [p["name"] for p in read_structured(root)["authors"]]
    orgs = [p["name"] for p in people if p["organization"]]
    meta = [n for m in metas
            if ((k := (m.get("property") or m.get("name") or "").lower()) in _META_AUTHOR
                or _LOOSE_AUTHOR.search(k)) and not (m.get("content") or "").startswith("http")
            for n in split_names(m.get("content") or "")]
    with one_page():
        labelled = [p["name"] for p in read_visible(root)["authors"]]
        boxes = [p["name"] for p in visible_bylines(root)]
        signed = [p["name"] for p in end_signature(root)]
    found = {s: {_norm_name(n) for n in names}
             for s, names in zip(SOURCES, (ld, meta, labelled, boxes, signed),
                                      strict=True)}
    return found, {_norm_name(n) for n in orgs}


def _source_of(name: str, sources: dict[str, set[str]]) -> str | None:
    return next((s for s, names in sources.items() if name in names), None)


def _shares_word(a: str, b: str) -> bool:
    return bool({w for w in a.split() if len(w) > 2} & {w for w in b.split() if len(w) > 2})


def page_errors(truth: dict, html: bytes) -> list[tuple[str, str, str, str]]:
    """[(wrong|missed, source, kind, name)] of one page."""
    from cleaners.author_house import is_site, site_keys
    from cleaners.author_links import host_names
    from cleaners.html import parse_html
    from cleaners.metadata import read_metadata

    url = truth.get("url") or ""
    root, _w = parse_html(html)
    got = read_metadata(root, url, date_search=False)  # (authors only: no date search)
    root, _w = parse_html(html)  # a fresh tree: read_metadata's scans are not reused
    sources, orgs = _sources(root)
    want = {_norm_name(a["name"]) for a in truth["authors"]}
    have = {_norm_name(a["name"]) for a in got["author_objects"]}
    wrong, missed = have - want, want - have
    site = site_keys({n.casefold() for n in _site_names(root)}, host_names(url))
    text = " ".join((root.find("body").text_content() if root.find("body") is not None
                     else "").split()).casefold()
    out = []
    for name in sorted(wrong):
        source = _source_of(name, sources) or "none of the readers"
        if not want:
            kind = "name where the truth has none"
        elif any(_shares_word(name, m) for m in missed):
            kind = "name form differs"
        elif is_site(name, site) or name in orgs or _orgish(name):
            kind = "organisation/site for a person"
        elif not missed:
            kind = "extra co-author"
        else:
            kind = "another person taken"
        out.append(("wrong", source, kind, name))
    for name in sorted(missed):
        source = _source_of(name, sources) or ("text only" if name in text.replace(".", " ")
                                               or name in text else "not in text")
        if any(_shares_word(name, w) for w in wrong):
            kind = "name form differs"
        elif have & want:
            kind = "missed co-author"
        else:
            kind = "missed byline"
        out.append(("missed", source, kind, name))
    return out


def _site_names(root) -> set[str]:
    return {m.get("content") or "" for m in root.iter("meta")
            if (m.get("property") or m.get("name") or "").lower()
            in ("og:site_name", "application-name")}


def _orgish(name: str) -> bool:
    from cleaners.author_house import _AGENCY, _DESK

    return bool(_AGENCY.fullmatch(name) or _DESK.search(name))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.metadata_causes",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--truth", type=Path, default=DEFAULT_TRUTH)
    ap.add_argument("--pools", type=Path, default=DEFAULT_POOLS)
    ap.add_argument("--groups", default="tune", help=f"comma-separated, of {', '.join(GROUPS)}")
    ap.add_argument("--detail", action="store_true", help="each error with its page (tune only)")
    args = ap.parse_args(argv)
    only = {g.strip() for g in args.groups.split(",") if g.strip()}
    if not only or only - set(GROUPS):
        ap.error(f"--groups: expected names among {', '.join(GROUPS)}")
    pages, _missing = load(args.truth, args.pools, only)
    if args.detail and any(t["split"] != "tune" for t, _h in pages):
        ap.error("--detail prints pages: tune pages only")
    counts: Counter = Counter()
    pages_with = 0
    for truth, html in pages:
        errors = page_errors(truth, html)
        pages_with += bool(errors)
        for what, source, kind, name in errors:
            counts[(what, source, kind)] += 1
            if args.detail:
                print(f"{truth['pool']}--{truth['id']}\t{what}\t{source}\t{kind}\t{name}")
    report = {"pages": len(pages), "pages_with_author_errors": pages_with,
              "errors": [{"what": w, "source": s, "kind": k, "count": n}
                         for (w, s, k), n in sorted(counts.items(), key=lambda x: -x[1])]}
    sys.stdout.write(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
