"""bench/nav_audit_patch.py's pieces that rebuild vocabularies: they must give back the product's
own patterns when nothing is switched off, or an ablation measures something else."""
from __future__ import annotations

from pathlib import Path

from bench.nav_audit_patch import (
    _prevnext_patterns,
    heading_patterns,
    split_alternatives,
    word_groups,
)
from cleaners import vocab, vocab_headings


def test_alternatives_split_only_at_the_top_level():
    assert split_alternatives(r"a|b(?:c|d)|[|x]|e\|f") == ["a", "b(?:c|d)", "[|x]", r"e\|f"]
    for pattern in (vocab.RELATED_CLASS, vocab.NOT_RAIL_CLASS, vocab.RAIL_CLASS):
        assert "|".join(split_alternatives(pattern.pattern)) == pattern.pattern


def test_word_groups_read_every_entry_in_order():
    groups = word_groups(Path(vocab_headings.__file__), "RELATED_WORDS")
    assert tuple(entry for _group, entry in groups) == vocab_headings.RELATED_WORDS
    assert groups[0][0] == "en"


def test_rebuilt_heading_patterns_are_the_products():
    rebuilt = heading_patterns(vocab_headings.RELATED_WORDS, vocab_headings.SITE_LIST_WORDS)
    for name, pattern in rebuilt.items():
        assert pattern.pattern == getattr(vocab, name).pattern, name


def test_a_prevnext_word_switched_off_changes_only_its_patterns():
    changed = dict(_prevnext_patterns("PREV_WORDS", "older"))
    assert vocab.PREV_START in changed and vocab.NEXT_START not in changed
    assert vocab.PREV_START.match("Older: A title")
    assert not changed[vocab.PREV_START].match("Older: A title")
