"""bench/body_mechanisms.py: the two shapes of a wholesale disagreement with trafilatura,
read from a small hand-written dump."""
from __future__ import annotations

import orjson

from bench.body_mechanisms import classify, main, shape, shares

ARTICLE = ("The council met on Monday and voted to keep the library open through the "
           "winter, after a long debate about heating costs and staff. ")
OTHER = ("Sign up for our newsletter and never miss a deal on garden furniture, lamps, "
         "rugs and everything else your home needs this season. ")


def _dump(tmp_path, texts: dict, split: str = "tune"):
    scores = {}
    for page_id, systems in texts.items():
        scores[f"body-dev/{page_id}"] = {"split": split, **{
            name: {"f1": f1, "ms": 1.0} for name, (_, f1) in systems.items()}}
        for name, (text, _) in systems.items():
            folder = tmp_path / name / "body-dev"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{page_id}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "scores.json").write_bytes(orjson.dumps(scores))
    return tmp_path


def test_shares_and_shapes():
    ratio, ours_in, theirs_in = shares(ARTICLE, ARTICLE * 3 + OTHER)
    assert ratio < 0.5 and ours_in == 1.0 and theirs_in < 1.0
    assert shape(ratio, ours_in, theirs_in) == "truncated"
    assert shape(*shares(OTHER, ARTICLE * 2)) == "other block"
    assert shape(*shares(ARTICLE, ARTICLE)) == ""


def test_tune_pages_are_listed_and_check_pages_only_counted(tmp_path, capsys):
    texts = {
        "cut": {"healthcrawl": (ARTICLE, 0.3), "trafilatura": (ARTICLE * 4, 0.9),
                "trafilatura_precision": (ARTICLE * 4, 0.9)},
        "wrong": {"healthcrawl": (OTHER, 0.0), "trafilatura": (ARTICLE * 3, 1.0),
                  "trafilatura_precision": ("", 0.0)},
        "same": {"healthcrawl": (ARTICLE * 3, 1.0), "trafilatura": (ARTICLE * 3, 1.0),
                 "trafilatura_precision": (ARTICLE * 3, 1.0)},
    }
    dump = _dump(tmp_path, texts)
    rows = classify(dump, "tune")
    assert {(r["page"], r["shape"]) for r in rows} == {
        ("body-dev/cut", "truncated"), ("body-dev/wrong", "other block")}
    main([str(dump)])
    out = capsys.readouterr().out
    assert "truncated: 1 pages, 1 scoring under" in out and "body-dev/cut" in out
    main([str(dump), "--split", "check"])
    assert "body-dev" not in capsys.readouterr().out
