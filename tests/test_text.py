"""Normalization rules of docs/architecture.md, checked on text written for each rule."""
import pytest

from cleaners.text import clean_body, clean_inline, clean_snippet, word_count


@pytest.mark.parametrize("raw, expected", [
    ("If you feel back pain , or numbness", "If you feel back pain, or numbness"),
    ("ends with a space .", "ends with a space."),
    ("<<:\u00a0 Lumbar", "<<: Lumbar"),
    ("zero\u200bwidth\ufeff marks", "zerowidth marks"),
    ("  runs \t of \n  spaces  ", "runs of spaces"),
    ("Attention : voilà ! Et toi ?", "Attention : voilà ! Et toi ?"),  # French spacing kept
    ("dose 3.5 mg , twice", "dose 3.5 mg, twice"),
    ("e\u0301te\u0301", "été"),  # NFC
    ("腰椎间盘突出 ，怎么办 。", "腰椎间盘突出，怎么办。"),
])
def test_clean_inline(raw, expected):
    assert clean_inline(raw) == expected


def test_clean_body_keeps_paragraph_breaks():
    assert clean_body("One  line.\n\n\n  Two\nlines .  \n\nThree") == \
        "One line.\n\nTwo lines.\n\nThree"


@pytest.mark.parametrize("raw, snippet, truncated", [
    ("The largest immune organ in the human body is the...",
     "The largest immune organ in the human body is the", True),
    ("In recent years, skin cancer has gradually risen ...",
     "In recent years, skin cancer has gradually risen", True),
    ("A complete sentence.", "A complete sentence.", False),
    ("Ends with an ellipsis char…", "Ends with an ellipsis char", True),
    ("", "", False),
])
def test_clean_snippet(raw, snippet, truncated):
    assert clean_snippet(raw) == (snippet, truncated)


def test_word_count_counts_cjk_characters():
    assert word_count("two words") == 2
    assert word_count("腰椎 pain relief") == 4
    assert word_count("") == 0
