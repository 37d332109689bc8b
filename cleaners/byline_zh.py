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
_OTHER = (r"来源|出处|责任编辑|编辑|责编|校对|审核|审校|摄影|摄|图|时间|日期|发布|更新|浏览|点击|"
          r"阅读|字号|标签|分类")
_LABEL = re.compile(rf"(?:{_AUTHOR}|(?P<other>{_OTHER}))\s*[:：/／]?\s*")
# a quick gate: an author label somewhere in the line
HINT = re.compile(_AUTHOR)
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"
_NAME = re.compile(rf"{_HAN}{{2,4}}|{_HAN}{{1,6}}[·•・]{_HAN}{{1,8}}")
_SPLIT = re.compile(r"[\s、，,;；/／|]+")
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
        # an unlabelled date or time ends the names ("作者：张三 2024-03-08 10:00")
        part = re.split(r"\s*\d", line[m.end():end], maxsplit=1)[0]
        part = _TRAILER.sub("", part.strip(_BRACKETS + " :："))
        found = _names(part)
        if found is None:
            return []  # an author label followed by running text: not a byline line
        names += [n for n in found if n not in names]
    return names


def _names(part: str) -> list[str] | None:
    """'张三 李四' / '张三、李四' -> names; '' -> []; running text -> None."""
    tokens = [t for t in _SPLIT.split(part) if t]
    merged: list[str] = []
    for tok in tokens:  # "赵  培": a two-character name padded with spaces
        if len(tok) == 1 and merged and len(merged[-1]) == 1:
            merged[-1] += tok
        else:
            merged.append(tok)
    if not all(_NAME.fullmatch(t) for t in merged):
        return None
    return merged
