"""Visible dates that a label at the start of a line does not announce (cleaners/health_meta.py
reads those): the hAtom `updated` element of blog themes, a Chinese "DATE 更新" line whose
label follows the date, and a "时间：DATE" label in the middle of an info line
("来源：本站 作者：某人 时间：2019年10月31日")."""
from __future__ import annotations

import re

from lxml import etree

from .dates import parse_date

# hAtom / WordPress themes print the update time as `<time class="updated" datetime=…>` (often
# beside `class="entry-date published"`); a card's or a comment's is theirs, not the page's.
_UPDATED_X = etree.XPath(
    '(//body//time|//body//abbr|//body//span)'  # (a union: only these elements are tested)
    '[contains(concat(" ", normalize-space(@class), " "), " updated ")]'
    '[not(ancestor::*[contains(@class,"comment") or contains(@class,"teaser") or '
    'contains(@class,"related")])]', smart_strings=False)
# "2005-01-06 08:13更新": the date first, the label after it (not "DATE 更新时间：DATE2")
_CJK_UPDATED_AFTER = re.compile(
    r"((?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}[:：]\d\d(?:[:：]\d\d)?)?)\s*(?:更新|修改)(?!\s*(?:时间|日期))")
# the characters every label below holds (时间 日期 更新 修改)
CJK_DATE_HINT = re.compile("[间期新改]")
# a date label inside a Chinese info line (the colon is part of it: "时间" alone is a word);
# "更新时间：" / "修改日期：" give the update date
_CJK_DATE_LABEL = re.compile(r"(更新|修改)?(?:发布|发表|上传)?(?:时间|日期)\s*[:：]\s*")


def updated_element(root) -> str | None:
    """The first hAtom `updated` element's date (its datetime / title attribute, else its
    text), or None."""
    for el in _UPDATED_X(root)[:3]:
        value = el.get("datetime") or el.get("title") or el.get("content") \
            or el.text_content().strip()[:60]
        if value and parse_date(value):
            return value
    return None


def updated_after(text: str) -> str | None:
    """'2005-01-06 08:13更新 来源：…' -> '2005-01-06'."""
    m = _CJK_UPDATED_AFTER.search(text)
    return parse_date(m.group(1)) if m else None


def labelled_inside(text: str) -> list[tuple[str, str]]:
    """'来源：本站原创 作者：某部 时间：2019年10月31日 23:00' -> [('published', '2019-10-31')];
    '发布时间：2020-03-05 更新时间：2020-03-06' -> published, then modified."""
    found = []
    for m in _CJK_DATE_LABEL.finditer(text):
        value = parse_date(text[m.end():m.end() + 40])
        if value:
            found.append(("modified" if m.group(1) else "published", value))
    return found
