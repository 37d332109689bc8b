"""Chinese bylines: "作者：张三 李四", "本报记者 张三、李四", "（记者 张三 通讯员 李四）",
"文/张三", "执笔人：张三", and the info line "来源：某报 作者：张三 时间：2019-09-23".

A label may sit anywhere in a short line (news sites print source, author and time on one line),
so the line is cut at every label and only the parts after an author label are read. A part
counts only when it is made of names and nothing else (2-4 Han characters, a "·" name, or a
two-character name padded with a space: "赵  培"): "记者从上海获悉" is running text, not a
byline. Sources (来源), editors (编辑, 责任编辑), proof-readers and photographers are not authors.
"""
from __future__ import annotations

import re

# Author labels, then the labels that end an author part without being authors themselves.
# "记者张三" is glued as often as not; the other labels need a separator ("作者专栏" is a menu).
_AUTHOR = (r"记者|通讯员|(?:作者|特约撰稿人?|撰稿人?|撰文|执笔人?|文|编译)(?=\s*[/／:：]|\s)")
# ("出自" names the book or paper a piece comes from; "译：" the translator)
_OTHER = (r"来源|出处|出自|责任编辑|编辑|责编|校对|审核|审校|摄影|摄|图|时间|日期|发布|更新|"
          r"浏览|点击|阅读|字号|标签|分类|译(?=\s*[:：])")
_LABEL = re.compile(rf"(?:{_AUTHOR}|(?P<other>{_OTHER}))\s*[:：/／]?\s*")
# a quick gate: an author label somewhere in the line
HINT = re.compile(_AUTHOR)
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"
_NAME = re.compile(rf"{_HAN}{{2,4}}|{_HAN}{{1,6}}[·•・]{_HAN}{{1,8}}")
# an office or unit as the author ("作者：医技药剂党支部", "作者：市疾控中心"): a longer run of Han
# characters counts only when it ends in a unit word
ORG_UNIT = re.compile(rf"{_HAN}{{2,14}}(?:支部|委员会|办公室|中心|研究所|研究院|协会|学会|医院|"
                      r"学院|大学|科室|编辑部|工作室|课题组|小组|[部局处科室组站所院])")
_DIGIT = re.compile(r"\d")
_DATE_START = re.compile(r"(?:19|20)\d\d\s*[-/.年]|\d{1,2}\s*[:：]\d\d|\d{1,2}\s*[-/.月]\s*\d{1,2}")
# a dateline of at most 24 characters, then a bracket holding the byline
_LEAD = re.compile(r"[^（(。，]{0,24}[（(]([^（()）]{2,40})[）)]")
_SPLIT = re.compile(r"[\s、，,;；/／|&＆]+")
# a Latin form of the name after it: "周思博 (Joel Spolsky)" (the line's closing bracket may
# have been stripped with the line's own brackets)
_ALIAS = re.compile(r"\s*[（(][A-Za-z][A-Za-z .'’-]{1,40}(?:[）)]|$)")
# an author label alone in its element, the names in the next elements: "<b>作者：</b><a>某</a>"
_LABEL_ALONE = re.compile(rf"\s*(?:{_AUTHOR})\s*[:：/／]?\s*")
# Japanese papers open the lead with "【place＝writer】" ("【ワシントン＝山田太郎、鈴木花子】"); a
# writer is 2-8 Han / kana characters
_JA_LEAD = re.compile(r"【[^【】＝=]{1,20}[＝=]([^【】＝=]{2,40})】")
_JA_NAME = re.compile(rf"(?:{_HAN}|[\u3040-\u30ff]){{2,8}}")
LEAD_HINT = re.compile(rf"{_AUTHOR}|【[^【】]{{1,20}}[＝=]")
_BRACKETS = "（）()【】[]〔〕「」"
# "记者 张三 报道", "张三 摄": what the people did, not a name
_TRAILER = re.compile(r"\s*(?:报道|摄影?|整理|供稿|综合)$")


def zh_byline(line: str) -> list[str]:
    """Author names of one short line, [] when it holds no Chinese byline."""
    line = line.strip().strip(_BRACKETS + " ")
    if len(line) > 100 or not HINT.search(line):
        return []
    marks = list(_LABEL.finditer(line))
    names: list[str] = []
    for i, m in enumerate(marks):
        if m.group("other"):
            continue
        end = marks[i + 1].start() if i + 1 < len(marks) else len(line)
        # an unlabelled date or time ends the names ("作者：张三 2024-03-08 10:00"); other
        # digits are running text ("记者特意买来3件新T恤")
        seg = line[m.end():end]
        digit = _DIGIT.search(seg)
        if digit and not _DATE_START.match(seg, digit.start()):
            return []
        part = seg[:digit.start()] if digit else seg
        part = _TRAILER.sub("", _ALIAS.sub("", part).strip(_BRACKETS + " :："))
        # a unit may sign as author ("作者：医技药剂党支部"); after a glued "记者" a long run of
        # characters is a sentence ("记者走访了市卫生局")
        found = _names(part, units=not m.group(0).startswith(("记者", "通讯员")))
        if found is None:
            return []  # an author label followed by running text: not a byline line
        names += [n for n in found if n not in names]
    return names


def label_alone(text: str) -> bool:
    """Whether a text is an author label and nothing else ("作者：", "文/")."""
    return bool(_LABEL_ALONE.fullmatch(text))


def lead_byline(text: str) -> list[str]:
    """The bracketed byline that opens a news paragraph: "据新华社拉萨电（记者 格桑边觉）记者近日…",
    "本站讯（通讯员 张三 李四）为…", Japanese papers' "【ソウル＝山田太郎】…" -> its names."""
    m = _LEAD.match(text)
    if m:
        return zh_byline(m.group(1))
    m = _JA_LEAD.match(text)
    names = _SPLIT.split(m.group(1)) if m else []
    return names if names and all(_JA_NAME.fullmatch(n) for n in names) else []


def _names(part: str, units: bool = False) -> list[str] | None:
    """'张三 李四' / '张三、李四' -> names; '' -> []; running text -> None."""
    tokens = [t for t in _SPLIT.split(part) if t]
    merged: list[str] = []
    for tok in tokens:  # "赵  培": a two-character name padded with spaces
        if len(tok) == 1 and merged and len(merged[-1]) == 1:
            merged[-1] += tok
        else:
            merged.append(tok)
    if not all(_NAME.fullmatch(t) or units and ORG_UNIT.fullmatch(t) for t in merged):
        return None
    return merged
