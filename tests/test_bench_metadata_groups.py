"""bench/metadata.py: which report groups a truth file counts in (the clean check set is the
check pages annotated blind; corrected ones are reported apart), and that every stored truth
file says how it was annotated."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.metadata import DEFAULT_TRUTH, _norm_name, groups_of


@pytest.mark.parametrize("split, how, groups", [
    ("tune", "blind", ("tune",)),
    ("tune", "contaminated", ("tune",)),
    ("check", "blind", ("check_clean", "check_all")),
    ("check", "prior", ("check_prior", "check_all")),
    ("check", "contaminated", ("check_contaminated", "check_all")),
])
def test_groups_of(split, how, groups):
    assert groups_of({"id": "x", "split": split, "annotation": how}) == groups


def test_an_unknown_annotation_is_a_clear_error():
    with pytest.raises(ValueError, match="x: unknown annotation 'guessed'"):
        groups_of({"id": "x", "split": "check", "annotation": "guessed"})


def test_stored_truth_files_say_how_they_were_annotated():
    files = sorted(Path(DEFAULT_TRUTH).glob("*.json"))
    assert files
    for path in files:
        truth = json.loads(path.read_text(encoding="utf-8"))
        assert truth["annotation"] in ("blind", "prior", "contaminated"), path.name
        if truth["annotation"] == "contaminated":
            assert truth["contamination"], path.name  # says what was changed after the fact


def test_names_compare_without_case_dots_and_chinese_padding():
    assert _norm_name("J. Roe") == _norm_name("j roe")
    assert _norm_name("赵  培") == _norm_name("赵培") == "赵培"
    assert _norm_name("王 小明 Jane Roe") == "王小明 jane roe"  # a gap between Latin words stays
