"""Previous / next vocabularies, compiled once (multilingual): the labels of article
navigation links ("<<:", "Previous post", "上一篇", "次の記事"). Part of cleaners/vocab.py,
which re-exports every name; its docstring says how the word tuples work."""
from __future__ import annotations

import re


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(words)


# --- previous / next -----------------------------------------------------------------------
# Arrows and guillemets: "<<:  Title" (keepto), "« Title" (WordPress Kubrick), "← Older".
PREV_SYMBOLS = ("<<", "«", "‹", "←", "⟵", "◄", "◀", "⇐", "<")
NEXT_SYMBOLS = (">>", "»", "›", "→", "⟶", "►", "▶", "⇒", ">")
# CJK labels need no separator: "上一篇：Title", "上一篇Title", "前の記事".
# Thai writes them without spaces too, always with a noun ("ข่าวก่อนหน้า", previous news):
# "ถัดไป" alone is a pager's "next page".
PREV_CJK = ("上一篇(?:文章)?", "上一[页頁条條则則]", "上篇", "前一篇", "前の記事", "이전\\s?글",
            "(?:ข่าว|บทความ|เรื่อง)ก่อนหน้า")
NEXT_CJK = ("下一篇(?:文章)?", "下一[页頁条條则則]", "下篇", "[后後]一篇", "次の記事", "다음\\s?글",
            "(?:ข่าว|บทความ|เรื่อง)ถัดไป")
# A direction word with a noun is a label even without separator: "Previous post Title".
PREV_PHRASES = (
    r"previous\s+(?:article|post|story|entry|page|item|read)",
    r"prev\.?\s+(?:article|post|story)",
    r"older\s+(?:article|post|story|entry)",
    r"vorherige[rns]?\s+(?:artikel|beitrag|seite|eintrag|meldung)",
    r"voriger?\s+(?:artikel|beitrag|eintrag)",
    r"älterer?\s+(?:artikel|beitrag|eintrag|post)",
    # Blogger's pager in fr, es, it, pt, nl ("Article plus ancien", "Entrada antigua")
    r"article\s+plus\s+ancien", r"entrada\s+antigua", r"post\s+più\s+vecchio",
    r"postagem\s+mais\s+antiga", r"oudere\s+post",
    r"(?:article|billet|sujet|post|page)\s+précédente?",
    r"(?:art[ií]culo|artigo|entrada|publicaci[oó]n|post|nota|noticia|p[aá]gina)\s+anterior",
    r"anterior\s+(?:art[ií]culo|entrada|publicaci[oó]n|nota|noticia)",
    r"предыдущ(?:ая|ий|ее)\s+(?:статья|запись|пост|материал|новость|страница)",
    r"articolo\s+precedente", r"önceki\s+(?:haber|yazı|makale|içerik)",
    # pl, cs, nl, sv, uk, id, vi; ar, fa, he (the noun first: "the article the previous")
    r"poprzedni\s+(?:artykuł|wpis|post|tekst)", r"předchozí\s+(?:článek|příspěvek|zpráva)",
    r"vorig(?:e)?\s+(?:artikel|bericht)", r"föregående\s+(?:inlägg|artikel)",
    r"попередн(?:я|ій|є)\s+(?:стаття|запис|новина|публікація)",
    r"(?:artikel|postingan|berita|tulisan)\s+sebelumnya", r"bài\s+(?:viết\s+)?trước",
    r"(?:المقال|الخبر|الموضوع)\s+السابق", r"(?:مطلب|خبر|مقاله)\s+قبلی",
    r"(?:הכתבה|הפוסט)\s+הקוד(?:מת|ם)",
    r"iepriekšēj(?:ais|ā)\s+(?:raksts|ziņa|ieraksts)",  # lv
)
NEXT_PHRASES = (
    r"next\s+(?:article|post|story|entry|page|item|read)",
    r"newer\s+(?:article|post|story|entry)",
    r"nächste[rns]?\s+(?:artikel|beitrag|seite|eintrag|meldung)",
    r"neuerer?\s+(?:artikel|beitrag|eintrag|post)",
    r"article\s+plus\s+récent", r"entrada\s+más\s+reciente", r"post\s+più\s+recente",
    r"postagem\s+mais\s+recente", r"nieuwere\s+post",
    r"(?:article|billet|sujet|post|page)\s+suivante?",
    r"(?:art[ií]culo|artigo|entrada|publicaci[oó]n|post|nota|noticia|p[aá]gina)\s+siguiente",
    r"siguiente\s+(?:art[ií]culo|entrada|publicaci[oó]n|nota|noticia)",
    r"следующ(?:ая|ий|ее)\s+(?:статья|запись|пост|материал|новость|страница)",
    r"articolo\s+successivo", r"próximo\s+artigo", r"sonraki\s+(?:haber|yazı|makale|içerik)",
    r"następn(?:y|a)\s+(?:artykuł|wpis|post|tekst)", r"další\s+(?:článek|příspěvek)",
    r"volgend(?:e)?\s+(?:artikel|bericht)", r"nästa\s+(?:inlägg|artikel)",
    r"наступн(?:а|ий|е)\s+(?:стаття|запис|новина|публікація)",
    r"(?:artikel|postingan|berita|tulisan)\s+(?:selanjutnya|berikutnya)",
    r"bài\s+(?:viết\s+)?(?:tiếp\s+theo|kế\s+tiếp)",
    r"(?:المقال|الخبر|الموضوع)\s+التالي", r"(?:مطلب|خبر|مقاله)\s+بعدی",
    r"(?:הכתבה|הפוסט)\s+הבא(?:ה)?",
    r"nākam(?:ais|ā)\s+(?:raksts|ziņa|ieraksts)",  # lv
)
# Bare direction words: labels only before a separator or at the end of the text.
PREV_WORDS = ("previous", "prev", "older", "vorherige[rns]?", "voriger?", "précédente?",
              "anterior", "предыдущ(?:ая|ий|ее)", "precedente")
NEXT_WORDS = ("next", "newer", "nächste[rns]?", "suivante?", "siguiente",
              "следующ(?:ая|ий|ее)", "successivo", "próximo")
# Stripped when a profile already says "this is the prev link", never used for detection:
# "Zurück" / "Назад" also mean "back (to the list)", "Weiter" / "Далее" also "read on".
_PREV_STRIP_ONLY = ("zurück", "назад")
_NEXT_STRIP_ONLY = ("weiter", "далее")

_SEP_AHEAD = r"(?=\s*(?:[:：|»«<>›‹→←\]】〕］]|\s[-–—]|$))"
_SEP_TAIL = r"(?:\s*[:：|\-–—»«<>›‹→←\]】〕］])*\s*"
# Chinese portals bracket their labels: "[上一篇]", "【下一篇】" (the closing bracket is
# in the separators above).
_OPEN_BRACKET = r"(?:[\[【〔［]\s*)?"


def _label(symbols, cjk, phrases, words) -> str:
    """One label: [symbol] (CJK | phrase | bare word before a separator) or a lone symbol."""
    sym = _alt(tuple(re.escape(s) if s not in ("<", ">") else s + r"(?=\s)" for s in symbols))
    text = rf"(?:{_alt(cjk)}|(?:{_alt(phrases)})\b|(?:{_alt(words)})\b{_SEP_AHEAD})"
    return rf"{_OPEN_BRACKET}(?:(?:{sym})\s*(?:{text})?|{text})"


_PREV_LABEL = _label(PREV_SYMBOLS, PREV_CJK, PREV_PHRASES, PREV_WORDS)
_NEXT_LABEL = _label(NEXT_SYMBOLS, NEXT_CJK, NEXT_PHRASES, NEXT_WORDS)
_PREV_STRIP = _label(PREV_SYMBOLS, PREV_CJK, PREV_PHRASES, PREV_WORDS + _PREV_STRIP_ONLY)
_NEXT_STRIP = _label(NEXT_SYMBOLS, NEXT_CJK, NEXT_PHRASES, NEXT_WORDS + _NEXT_STRIP_ONLY)

# Prefixes of previous/next links, with their separator: "<<:\xa0 Title", "上一篇：Title",
# "Previous article: Title", "« Vorheriger Artikel: Titel". Used to strip the label.
PREV_PREFIX = re.compile(rf"^\s*{_PREV_STRIP}{_SEP_TAIL}", re.IGNORECASE)
NEXT_PREFIX = re.compile(rf"^\s*{_NEXT_STRIP}{_SEP_TAIL}", re.IGNORECASE)
# Detection: a text that starts with a label ("Next post: X", "→ X", "下一篇：X").
PREV_START = re.compile(rf"^\s*{_PREV_LABEL}", re.IGNORECASE)
NEXT_START = re.compile(rf"^\s*{_NEXT_LABEL}", re.IGNORECASE)
# A text that is nothing but a label: "Previous Post", "Previous post:", "←", "上一篇：".
PREV_ONLY = re.compile(rf"^\s*{_PREV_LABEL}{_SEP_TAIL}$", re.IGNORECASE)
NEXT_ONLY = re.compile(rf"^\s*{_NEXT_LABEL}{_SEP_TAIL}$", re.IGNORECASE)
# Labels strong enough for a line without a link ("<<:  Title" in the keepto layout): no
# guillemets, which open quotations in French and Russian prose; "<<"/">>" only with their
# colon (">> Hier finden Sie außerdem <a>" is a chevron bullet in running text).
STRONG_LINE_LABEL = re.compile(
    rf"^\s*(?:(?:<<|>>)\s*[:：]|{_alt(PREV_CJK + NEXT_CJK)}"
    rf"|(?:{_alt(PREV_PHRASES + NEXT_PHRASES)})\s*[:：])",
    re.IGNORECASE,
)
# Arrows around a label: "« Newer Post", "→ Next".
LEADING_ARROW = re.compile(r"^\s*(?:<<|>>|[«»‹›←→⟵⟶◄►◀▶⇐⇒])\s*[:：]?\s*")
# A link text that is a label with extra words ("- Next Auto News", "Previous Auto News -"):
# the title is then looked for in a sibling link to the same page.
_DIRECTION = _alt(PREV_WORDS + NEXT_WORDS)
DIRECTION_WORD = re.compile(rf"^\W*(?:{_DIRECTION})(?=\s|$)|(?<=\s)(?:{_DIRECTION})\W*$",
                            re.IGNORECASE)
# Trailing arrows on "Title »" / "Title →" style links.
TRAILING_ARROW = re.compile(r"\s*(?:»|›|→|>>|«|‹|←|<<)\s*$")
TRAILING_NEXT_ARROW = re.compile(r"\s*(?:»|›|→|⟶|>>|►|▶)\s*$")
# Link texts that look like prev/next but are not article navigation: comment pages
# ("« Older Comments"), listing pagination ("Older posts", "Ältere Beiträge"), back to list.
NAV_EXCLUDE = re.compile(
    r"comment|kommentar|commentaire|comentario|коммент|评论|評論|留言"
    r"|\b(?:older|newer|previous|next)\s+(?:posts|entries|articles|stories)\b"
    r"|ältere\s+beiträge|neuere\s+beiträge|articles\s+plus\s+(?:anciens|récents)"
    r"|entradas\s+(?:anteriores|siguientes)|(?:предыдущие|следующие)\s+записи"
    r"|返回|back\s+to|zurück\s+zu|retour|volver|вернуться"
    r"|load\s+(?:more|older|newer)|(?:mehr|weitere)\s+laden|charger\s+plus|cargar\s+más"
    r"|carregar\s+mais|načíst|wczytaj|загрузить|もっと見る|加载更多|載入更多",
    re.IGNORECASE,
)
# Boxes of media players, galleries and sliders: their prev/next arrows page through
# pictures or slides, not articles (docs/annotation.md, "Neither"). Matched on the lowercased
# class/id names and the tag (custom elements: <ws-gallery>) of the link and its boxes.
MEDIA_BOX = re.compile(
    r"galler|galerie|diashow|slideshow|slider|carousel|swiper|slick|lightbox|owl-|glide"
    r"|splide|flickity|player|(?<![a-z])vjs"
)
# "There is no previous article": 上一篇：没有了.
NO_ARTICLE = re.compile(
    r"^\s*(?:没有了|沒有了|无|無|暂无|暫無|没有|none|keine|aucun|ninguno|нет)\W*$", re.IGNORECASE
)
