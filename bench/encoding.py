"""Bytes to text: `cleaners/encoding.py` (today) against BeautifulSoup's UnicodeDammit, as a
whole and as the fallback for pages whose declared charset is missing or wrong.

Pages: the cases of tests/test_encoding.py (rebuilt here: GBK, cp1251, latin-1 with right,
wrong or no declaration) and the zh-dev pool (real Chinese pages, many GBK), each as fetched
and with its declaration removed or made wrong. The zh-dev reference text is the page decoded
with its own declared charset when that decodes strictly; for pages without one, a decode
counts as right when the hand-written main text (`expected-text/`) is found in it (its CJK
characters, 90 % or more). zh-dev missing: those rows are skipped and `skipped` says so.

    python -m bench.encoding        # JSON on stdout, a table on stderr

beautifulsoup4 is in the `bench` extra (`pip install -e '.[bench]'`, which `make` installs);
without it the benchmark says so and measures nothing.
"""
from __future__ import annotations

import contextlib
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from cleaners.encoding import _META_CHARSET, _guess, decode_html, meta_charset, normalize_label

from .pools import DATA, ZH_DEV

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
REPEAT = 3  # timings: best of three


@dataclass(slots=True)
class Case:
    group: str
    id: str
    data: bytes
    header: str | None
    right: Callable[[str], bool]


# -- the candidates ------------------------------------------------------------------------
def today(data: bytes, header: str | None) -> tuple[str, bool]:
    text, _enc, warnings = decode_html(data, header)
    return text, "charset_guessed" in warnings


def dammit(data: bytes, header: str | None) -> tuple[str, bool]:
    """UnicodeDammit alone: declared encodings first, then its detector (charset_normalizer
    here: bs4 takes cchardet, chardet or charset_normalizer, whichever is installed)."""
    from bs4 import UnicodeDammit

    ud = UnicodeDammit(data, [header] if header else [], is_html=True)
    return ud.unicode_markup or "", ud.original_encoding not in (header, ud.declared_html_encoding)


def today_with_dammit_fallback(data: bytes, header: str | None) -> tuple[str, bool]:
    """cleaners/encoding.py with UnicodeDammit where it guesses today."""
    text, enc, warnings = decode_html(data, header)
    if "charset_guessed" not in warnings:
        return text, False
    from bs4 import UnicodeDammit

    return UnicodeDammit(data, is_html=True).unicode_markup or "", True


CANDIDATES = {"today": today, "bs4_dammit": dammit,
              "today+bs4_fallback": today_with_dammit_fallback}


# -- the pages -----------------------------------------------------------------------------
ZH = ("<html><head>{meta}<title>腰椎间盘突出</title></head><body><h1>腰椎间盘突出与腿无力</h1>"
      "<p>腰椎间盘突出是比较常见的疾病之一，主要是由于腰椎间盘各部分不同程度的退行性改变。</p></body></html>")
RU = ("<html><head>{meta}</head><body><h1>Боль в спине</h1><p>Читайте внимательно: "
      "грыжа межпозвоночного диска встречается часто.</p></body></html>")
FR = ("<html><head>{meta}</head><body><h1>Santé</h1><p>Hernie discale : les symptômes "
      "évoluent, même à l'âge adulte.</p></body></html>")


def unit_cases() -> list[Case]:
    def has(word: str) -> Callable[[str], bool]:
        return lambda text: word in text
    gb2312 = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    return [
        Case("tests", "gbk-meta", ZH.format(meta='<meta charset="gbk">').encode("gbk"), None,
             has("腰椎间盘突出与腿无力")),
        Case("tests", "gbk-wrong-header", ZH.format(meta=gb2312).encode("gbk"), "iso-8859-1",
             has("腰椎间盘突出与腿无力")),
        Case("tests", "utf8-wrong-header", FR.format(meta="").encode("utf-8"), "latin-1",
             has("évoluent")),
        Case("tests", "cp1251-undeclared", RU.format(meta="").encode("cp1251"), None,
             has("межпозвоночного")),
        Case("tests", "latin1-header", FR.format(meta="").encode("latin-1"), "ISO-8859-1",
             has("évoluent")),
    ]


def _cjk_found(expected: str) -> Callable[[str], bool]:
    want = Counter(_CJK.findall(expected))
    total = sum(want.values())
    return lambda text: total > 0 and sum((want & Counter(_CJK.findall(text))).values()) \
        >= 0.9 * total


def _equal(reference: str) -> Callable[[str], bool]:
    reference = reference.removeprefix("\ufeff")  # a byte-order mark is no text
    return lambda text: text.removeprefix("\ufeff") == reference


def _relabel(data: bytes, label: str) -> bytes:
    """The page with its <meta> charset replaced by `label` ("" removes it)."""
    head, tail = data[:4096], data[4096:]
    m = _META_CHARSET.search(head)
    if not m:
        return data
    return head[:m.start(1)] + label.encode() + head[m.end(1):] + tail


def zh_cases() -> list[Case]:
    root = DATA / ZH_DEV
    truth = json.loads((root / "truth.json").read_text())
    cases = []
    for path in sorted((root / "pages").glob("*.html.gz")):
        pid = path.name.removesuffix(".html.gz")
        data = gzip.decompress(path.read_bytes())
        declared = meta_charset(data)
        reference = None
        if declared:
            with contextlib.suppress(UnicodeDecodeError):
                reference = data.decode(declared)
        if reference is not None:
            right = _equal(reference)
        else:
            text_file = (truth.get(pid) or {}).get("expected_text_file")
            if not text_file or not (root / text_file).exists():
                continue  # nothing to judge a decode by
            right = _cjk_found((root / text_file).read_text())
        cases.append(Case("zh-dev/as-fetched", pid, data, None, right))
        if declared and declared != "utf-8" and reference is not None:
            # the same bytes with the declaration gone, or claiming UTF-8 or Latin-1
            for group, label in (("zh-dev/undeclared", ""), ("zh-dev/claims-utf-8", "utf-8"),
                                 ("zh-dev/claims-latin-1", "iso-8859-1")):
                relabeled = _relabel(data, label)  # only ASCII changed: same true charset
                cases.append(Case(group, pid, relabeled, None,
                                  _equal(relabeled.decode(declared))))
    return cases


# -- the run -------------------------------------------------------------------------------
def run() -> dict:
    try:
        from bs4 import UnicodeDammit
    except ImportError:
        return {"benchmark": "encoding", "groups": {}, "fallback_only": {},
                "skipped": ["beautifulsoup4 is not installed (the bench extra)"]}
    cases, skipped = unit_cases(), []
    if (DATA / ZH_DEV / "pages").is_dir():
        cases += zh_cases()
    else:
        skipped.append(f"{ZH_DEV}: not found under {DATA}")
    groups: dict[str, dict[str, dict]] = {}
    for name, func in CANDIDATES.items():
        for case in cases:
            best = float("inf")
            for _ in range(REPEAT):
                t0 = time.perf_counter()
                text, guessed = func(case.data, case.header)
                best = min(best, time.perf_counter() - t0)
            row = groups.setdefault(case.group, {}).setdefault(
                name, {"pages": 0, "right": 0, "guessed": 0, "ms": 0.0, "wrong": []})
            row["pages"] += 1
            row["guessed"] += guessed
            row["ms"] += best * 1000
            if case.right(text):
                row["right"] += 1
            else:
                row["wrong"].append(case.id)
    # The fallback alone: the pages where today's code guesses, its guess against bs4's.
    fallback = {"pages": 0, "today_ms": 0.0, "bs4_ms": 0.0, "today_right": 0, "bs4_right": 0}
    for case in cases:
        _t, _e, warnings = decode_html(case.data, case.header)
        if "charset_guessed" not in warnings:
            continue
        declared = [e for e in (meta_charset(case.data), normalize_label(case.header)) if e]
        fallback["pages"] += 1
        for name, func in (("today", lambda d=case.data, dc=declared: _guess(d, dc)[0]),
                           ("bs4", lambda d=case.data: UnicodeDammit(d, is_html=True)
                            .unicode_markup or "")):
            best = float("inf")
            for _ in range(REPEAT):
                t0 = time.perf_counter()
                text = func()
                best = min(best, time.perf_counter() - t0)
            fallback[f"{name}_ms"] += best * 1000
            fallback[f"{name}_right"] += case.right(text)
    return {"benchmark": "encoding", "groups": groups, "fallback_only": fallback,
            "skipped": skipped}


def main() -> int:
    result = run()
    print(json.dumps(result), flush=True)
    print(f"{'group':24} {'candidate':20} {'pages':>5} {'right':>5} {'guessed':>7} {'ms':>9}",
          file=sys.stderr)
    for group, rows in result["groups"].items():
        for name, row in rows.items():
            print(f"{group:24} {name:20} {row['pages']:5} {row['right']:5} {row['guessed']:7} "
                  f"{row['ms']:9.1f}", file=sys.stderr)
    fb = result["fallback_only"]
    if fb:
        print(f"fallback only ({fb['pages']} pages where today's code guesses): "
              f"charset_normalizer {fb['today_right']} right in {fb['today_ms']:.1f} ms, "
              f"UnicodeDammit {fb['bs4_right']} right in {fb['bs4_ms']:.1f} ms",
              file=sys.stderr)
    for line in result["skipped"]:
        print(f"skipped: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
