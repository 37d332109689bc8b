"""Find unannotated tune pages with card boxes after the prose (bench/README.md, "Cards after
the prose (tenth session)"; docs/annotation.md, round 20).

    python -m bench.nav_card_scan [--data DIR] [--truth DIR] [--list] [--rails [--short]]

A structural scan in plain lxml (no extractor of ours runs): the tune pages of body-dev and of
the navigation pool with an address and no truth file yet. A page is a hit when the box that
holds its text (the `<article>` or `<main>` with the most prose, else `<body>`) holds, after
its last paragraph of prose, a card box: the largest box around a headline link (four words
or more, or 15 CJK characters) to another page of the same site that holds no other headline
link, and that is no item of a list (three or more boxes of one tag holding headline links
under one parent, within eight levels above it). Prints the counts (pages, sites, by pool and
language); --list prints the hits in sha1(id) order with their sites.

--rails scans for the other shape (the one check's missed items were counted in): after the
prose, a list of three or more boxes of one tag, each holding one headline link to another
article of the site and a summary (40 characters or more besides the link), whose items are
named as cards (a class name with "teaser", "card", "story", ...) while the list and its
boxes up to three levels up are not.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import html as lhtml

from cleaners.vocab import RAIL_CLASS

from .navigation import DEFAULT_TRUTH, default_data

_PROSE = 150  # characters: a paragraph of the text (bench/nav_groups.py's measure)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_WS = re.compile(r"\s+")
_LIST_LEVELS = 8
_SKIP = {"script", "style", "noscript", "template"}
_CHROME = {"nav", "header", "footer", "form"}
# boxes that are no card of another article (a page's own parts)
_NOT_CARD = re.compile(r"comment|author|newsletter|share|social|cookie|consent|breadcrumb|"
                       r"menu|pagination|pager|subscribe|footer|tag", re.I)
_SLUG = re.compile(r"[-_][^/]*[-_]|\d{3,}")


def _text(el) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def headline(a) -> bool:
    t = _text(a)
    return len(t.split()) >= 4 or len(_CJK.findall(t)) >= 15


def _same_site(href: str, page: str) -> str | None:
    u = urljoin(page, href.strip())
    s, p = urlsplit(u), urlsplit(page)
    if s.scheme not in ("http", "https"):
        return None
    host = s.netloc.lower().removeprefix("www.")
    if host != p.netloc.lower().removeprefix("www."):
        return None
    if (s.path.rstrip("/") or "/") in ("/", p.path.rstrip("/") or "/"):
        return None
    return u if _SLUG.search(s.path) else None  # an article's address, not a section's


def _text_box(root):
    boxes = [el for el in root.iter("article", "main")]
    best, most = None, 0
    for el in boxes:
        n = sum(len(_text(p)) for p in el.iter("p") if len(_text(p)) > _PROSE)
        if n > most:
            best, most = el, n
    return best if best is not None else root.find(".//body")


def _in_list(box, heads: set) -> bool:
    child, up = box, box.getparent()
    for _ in range(_LIST_LEVELS):
        if up is None:
            return False
        same = [c for c in up if c.tag == child.tag and any(h in heads for h in c.iter("a"))]
        if len(same) >= 3:
            return True
        child, up = up, up.getparent()
    return False


def _card_box(a, heads: set, stop):
    box = a
    while box.getparent() is not None and box.getparent() is not stop:
        up = box.getparent()
        if sum(1 for x in up.iter("a") if x in heads) > 1:
            break
        box = up
    return box


def _card_like(card, a) -> bool:
    """An image, a kicker or a snippet beside the headline: more than the bare link."""
    if next(card.iter("img", "picture"), None) is not None:
        return True
    return len(_text(card)) - len(_text(a)) >= 15


def _after_prose(raw: bytes):
    """(the text's box, document order of every element, the order of its last prose
    paragraph), or None for a page without a text box or prose."""
    try:
        root = lhtml.fromstring(raw)
    except (ValueError, lhtml.etree.ParserError):
        return None
    for el in list(root.iter(*_SKIP)):
        el.drop_tree()
    box = _text_box(root)
    if box is None:
        return None
    prose = [p for p in box.iter("p") if len(_text(p)) > _PROSE]
    if not prose:
        return None
    order = {el: i for i, el in enumerate(root.iter())}
    return box, order, order[prose[-1]]


def cards_after_prose(raw: bytes, url: str) -> list[str]:
    """The headline links of the page's card boxes after its last prose paragraph."""
    parsed = _after_prose(raw)
    if parsed is None:
        return []
    box, order, last = parsed
    heads = {a for a in box.iter("a")
             if a.get("href") and headline(a) and _same_site(a.get("href"), url)}
    found = []
    for a in heads:
        if order[a] <= last or any(x.tag in _CHROME for x in a.iterancestors()):
            continue
        card = _card_box(a, heads, box)
        if card is a or _in_list(card, heads) or not _card_like(card, a) or any(
                _NOT_CARD.search(f"{x.get('class', '')} {x.get('id', '')}")
                for x in (card, *card.iterancestors())):
            continue
        found.append((order[a], _text(a)))
    return [t for _, t in sorted(found)]


_MIN_SUMMARY = 40
_MIN_SHORT = 10
_NAME_LEVELS = 4


def _named(el) -> bool:
    return bool(RAIL_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}".lower()))


def rails_after_prose(raw: bytes, url: str, short: bool = False) -> list[str]:
    """The headline links of lists after the prose named by their items only; with short,
    lists whose items show besides the link a line of 10 characters or more, at least one of
    them under 40 (a one-line summary the card reader may take for a subtitle)."""
    parsed = _after_prose(raw)
    if parsed is None:
        return []
    box, order, last = parsed
    found = []
    for up in box.iter():
        if order[up] <= last or not isinstance(up.tag, str):
            continue
        kids = [k for k in up if isinstance(k.tag, str)]
        tags = Counter(k.tag for k in kids)
        if not tags:
            continue
        tag, n = tags.most_common(1)[0]
        items = [k for k in kids if k.tag == tag]
        if n < 3 or not any(_named(k) for k in items):
            continue
        node, named = up, False
        for _ in range(_NAME_LEVELS):
            if node is None or node is box:
                break
            named = named or _named(node)
            node = node.getparent()
        if named:
            continue
        heads, extras = [], []
        for k in items:
            links = {a.get("href") for a in k.iter("a") if a.get("href") and headline(a)
                     and _same_site(a.get("href"), url)}
            a = next((a for a in k.iter("a") if a.get("href") in links), None)
            extra = len(_text(k)) - len(_text(a)) if a is not None else 0
            if len(links) == 1 and extra >= (_MIN_SHORT if short else _MIN_SUMMARY):
                heads.append(_text(a))
                extras.append(extra)
        if len(heads) >= 3 and (not short or min(extras) < _MIN_SUMMARY):
            found.extend(heads)
    return found


def candidates(data: Path, truth: Path):
    done = {p.stem.split("--", 1)[-1] for p in truth.glob("*.json")}
    nav = data / "navigation-pool"
    in_nav = set()
    with open(nav / "manifest.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            in_nav.add(row["also_in_body_dev"])
            if row["suggested_split"] == "tune" and row["url"] and row["id"] not in done:
                yield "navigation-pool", row["id"], row["url"], row["publisher_or_site"], \
                    row["language"], nav / "pages" / f"{row['id']}.html.gz"
    body = data / "body-dev"
    with open(body / "manifest.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["suggested_split"] != "tune" or row["synthetic"] == "yes" or not row["url"] \
                    or row["id"] in done or row["id"] in in_nav:
                continue
            yield "body-dev", row["id"], row["url"], row["site"], row["language"], \
                body / "pages" / f"{row['id']}.html.gz"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--truth", type=Path, default=DEFAULT_TRUTH)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--rails", action="store_true")
    ap.add_argument("--short", action="store_true",
                    help="with --rails: items with a short line besides the link")
    args = ap.parse_args(argv)
    data = args.data or default_data()
    seen, hits = Counter(), []
    for pool, pid, url, site, lang, path in candidates(data, args.truth):
        if not path.exists():
            continue
        seen[pool] += 1
        raw = gzip.decompress(path.read_bytes())
        cards = rails_after_prose(raw, url, args.short) if args.rails else \
            cards_after_prose(raw, url)
        if cards:
            hits.append((hashlib.sha1(pid.encode()).hexdigest(), pool, pid, site, lang, cards))
    hits.sort()
    print(f"scanned {sum(seen.values())} pages ({dict(seen)}); hits {len(hits)} pages, "
          f"{len({h[3] for h in hits})} sites; by pool {dict(Counter(h[1] for h in hits))}; "
          f"by language {dict(Counter(h[4] for h in hits).most_common())}")
    if args.list:
        for _, pool, pid, site, lang, cards in hits:
            print(f"{pool}\t{pid}\t{site}\t{lang}\t{len(cards)}\t{cards[0][:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
