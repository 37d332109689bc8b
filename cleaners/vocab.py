"""Navigation and teaser vocabularies, compiled once (multilingual).

Each pattern quotes the kind of real text it targets; extend by adding words, not code.
"""
from __future__ import annotations

import re

# Prefixes of previous/next links: "<<:\xa0 Title", "上一篇：Title", "Previous article: Title".
PREV_PREFIX = re.compile(
    r"^\s*(?:<<|«|‹|←|⟵|上一篇|上一页|上篇|前一篇|previous(?:\s+(?:article|post|story|page))?|prev"
    r"|vorheriger?(?:\s+artikel|\s+beitrag)?|zurück|article\s+précédent|précédent"
    r"|art[ií]culo\s+anterior|anterior|предыдущая(?:\s+статья)?|назад)\s*[:：\-–—|»>]*\s*",
    re.IGNORECASE,
)
NEXT_PREFIX = re.compile(
    r"^\s*(?:>>|»|›|→|⟶|下一篇|下一页|下篇|后一篇|next(?:\s+(?:article|post|story|page))?"
    r"|nächster?(?:\s+artikel|\s+beitrag)?|weiter|article\s+suivant|suivant"
    r"|art[ií]culo\s+siguiente|siguiente|следующая(?:\s+статья)?|далее)\s*[:：\-–—|«<]*\s*",
    re.IGNORECASE,
)
# Trailing arrows on "Title »" / "Title →" style links.
TRAILING_ARROW = re.compile(r"\s*(?:»|›|→|>>|«|‹|←|<<)\s*$")

# Headings that open a teaser/related block: "Recommend", "You may also like", "推荐阅读", ...
TEASER_HEADING = re.compile(
    r"^\s*(?:recommend(?:ed|ations)?(?:\s+(?:for\s+you|articles|reading|posts))?|related(?:\s+\w+)?"
    r"|you\s+may\s+also\s+like|you\s+might\s+also\s+like|read\s+more|more\s+(?:on|from|about)\b.*"
    r"|see\s+also|further\s+reading|popular(?:\s+\w+)?|most\s+read|trending"
    r"|mehr\s+zum\s+thema|das\s+könnte\s+sie\s+auch\s+interessieren|weitere\s+artikel|lesen\s+sie\s+auch"
    r"|lire\s+aussi|à\s+lire\s+aussi|sur\s+le\s+même\s+sujet|articles\s+similaires|voir\s+aussi"
    r"|te\s+puede\s+interesar|art[ií]culos\s+relacionados|lee\s+también|también\s+te\s+puede\s+interesar"
    r"|читайте\s+также|похожие\s+статьи|рекомендуем|по\s+теме"
    r"|推荐阅读|相关文章|相关阅读|猜你喜欢|热门文章|延伸阅读|推荐)\s*[:：]?\s*$",
    re.IGNORECASE,
)

# Text that must never end up in a body (used for the boilerplate_leak warning).
BODY_LEAK = re.compile(
    r"(?m)^(?:<<:|>>:|上一篇|下一篇|推荐阅读|Recommend\s*$|Related posts\s*$)"
)
