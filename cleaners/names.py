"""Names in bylines: the byline labels of each language, splitting one byline into names,
and what is no name (a place, an agency tag, a role, a weekday, a photo credit, degrees after
a comma). Used by cleaners/health_meta.py (visible bylines, review lines) and
cleaners/metadata.py (structured authors)."""
from __future__ import annotations

import html
import re

from .text import clean_inline

# "<verb> by X" phrases that open a byline in each language ("Posted by", "Ein Beitrag von",
# "Publié par", "Escrito por"); "Published by" is left out: it names a publisher as often.
BY_PHRASE = (r"(?:written|posted|article|story|words|reported|text) by|"
             r"(?:ein )?(?:beitrag|artikel|text) von|(?:geschrieben|verfasst|erstellt) von|"
             r"(?:écrit|rédigé|publié) par|un article de|(?:escrito|publicado|redactado) por|"
             r"текст")

BYLINE_PREFIX = re.compile(
    # (longer forms first: "Autoren" is not "Autor" + "en"; a word label ends where the word
    # does: "Parker", "Portillo", "Vondra", "Byrne" keep their first letters)
    rf"^(?:(?:{BY_PHRASE}|by|von|text(?: und (?:fotos?|interview))?|autoren|"
    r"autor(?:in|/in|\(in\)|a|e)?|author|auteur(?:es|e|s)?|par|por|escribe|автор(?:ы)?|"
    r"interview)(?![^\W\d_])|作者|文|撰文|(?:เขียน)?โดย)\s*[:：]?\s*",
    re.IGNORECASE)

# ("AND" / "And": upper-case and title-case bylines, "JANE ROE AND JOHN DOE")
# "and" between two names, in the languages of our bylines (one list for splitting a byline
# and for telling that it names several people)
_AND = r"\s(?i:and|und)\s|\s(?:et|y|и|og|och)\s"
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\s&\s|" + _AND + r"|、|，)\s*")
# co-writers in brackets after the first name: "Jane Roe (with John Doe and Ann Lee)",
# "Marie Dubois (avec Jean Martin et Paul Roy)": each is an author
_WITH = re.compile(r"\s*\((?i:with|avec|mit|con|com|с)\s+([^()]{2,80})\)")

_WEEKDAYS = ("montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|"
             "wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|"
             "samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo")
NOT_NAME = re.compile(r"\d|https?:|@|©|^/|^red\.?$|\b(?:foto|photo|bild|image|фото|"
                      r"getty|shutterstock|istock|dpa-infocom)\b|"
                      # an image's credit in an author-classed element ("Cortesía")
                      r"^(?:cortes[ií]a|courtesy|gentileza|avec l'aimable)\b|"
                      # a source line ("Quelle: sid/dpa") and a bare weekday ("Montag", the
                      # dateline's first word in an author-classed element) name nobody
                      r"^(?:quelle|source|fuente|fonte|źródło|источник)\s*:|"
                      rf"^(?:{_WEEKDAYS})$|"
                      # a role or a CMS account instead of a name, an illustrator's credit, a
                      # comment form's field label
                      r"^(?:admin|administrator|publisher|webmaster|guest|name|username|"
                      r"e-?mail|super ?user|unknown|anonymous|anonyme?|an[óo]nimo|unbekannt)$|"
                      r"^(?:[\w.]+\s){0,3}(?:reporter|writer|editor|correspondent|columnist|"
                      r"journalist(?:in)?|journaliste|kolumnist(?:in)?|redakteur(?:in)?|"
                      r"korrespondent(?:in)?|rédact(?:eur|rice)|periodista|redactora?|"
                      r"contributor|colaborador(?:a)?|collaborat(?:eur|rice)|engineer|"
                      r"manager|director|developer|scientist|designer|producer|"
                      r"(?:product|program|team) lead)"
                      # (a role may name where: "Software Engineer on Google Play")
                      r"(?:\s(?:on|at|for|of|in|bei|für|de|du|del)\s.{1,40})?$|"
                      r"\bil?lustrat|"
                      # a link to the author's page read as the name ("Zur Artikelübersicht",
                      # "View all posts by …", "Mehr von …")
                      r"^(?:zur|zum|alle|mehr|view|see|more|all|voir|plus|ver)\s", re.IGNORECASE)
# what follows a name and is not one: a desk's initials ("Elena Oberholzer (obe)"), the
# outlet ("Tom Roe for MailOnline"), a social-media handle ("Jane Roe @janeroe")
_NAME_TAIL = re.compile(r"\s*\([a-zäöüß]{2,5}\)$|\s+(?i:for)\s+\S.*$|\s+@\w+$|"
                        # the dateline's weekday glued to the name ("Malcolm Owen Monday")
                        rf"\s+(?i:(?:am\s+|on\s+)?(?:{_WEEKDAYS}))$")
# two writers joined by a slash, each two to four capitalised words ("Laura Jordán / Javier
# Urbina"); a slash before anything else ends the byline ("Jane Roe / 12.05.2022")
_WORD = r"[^\W\d_][^\s\d/|]*"
_SLASH_PAIR = re.compile(rf"^((?:{_WORD}\s){{1,3}}{_WORD})\s/\s((?:{_WORD}\s){{1,3}}{_WORD})$")
# the byline ends at a separator ("Jane Roe | 3 May"), or where the sections it was filed in
# start ("By TPN, in News, Portugal, Business")
_BYLINE_END = re.compile(r"\s[|/•·]\s|\s[—–]\s|,\s+(?:in|en|dans|em|im)\s")
# the byline ends where an illustrator's or a photographer's credit starts
_CREDIT = re.compile(
    r"\s(?:illustrations?|illustrationen|fotos?|photos?|bilder?)\s*(?:von|by|:)\s", re.IGNORECASE)
# Degrees written after a comma: "Jane Roe, MD", "Rachael Link, MS, RD", "Alina Petre, MS, RD (CA)".
_CREDENTIAL = re.compile(
    r"(?:[A-Z]{2,6}|[A-Z][a-z]?[A-Z][A-Za-z]{0,4}|Ph\.?\s?D\.?|Pharm\.?\s?D\.?|B\.?\s?Sc\.?|"
    r"M\.?\s?Sc\.?|M\.?\s?D\.?)(?:\s*\([A-Z]{2,3}\))?")

_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"

_HAN_NAMES = re.compile(rf"{_HAN}{{2,4}}(?:\s+{_HAN}{{2,4}})+")


def split_credentials(name: str) -> tuple[str, str | None]:
    """'Rachael Link, MS, RD' -> ('Rachael Link', 'MS, RD'); a name without them unchanged
    (but for a desk's initials: 'Elena Oberholzer (obe)' -> ('Elena Oberholzer', None))."""
    name = tidy_name(name)
    head, sep, tail = name.partition(",")
    if not sep:
        return name, None
    parts = [p.strip() for p in tail.split(",")]
    if all(_CREDENTIAL.fullmatch(p) for p in parts):
        return head.strip(), ", ".join(parts)
    return name, None


def _slash_pair(m: re.Match) -> str:
    names = (m.group(1), m.group(2))
    capitalised = all(word[0].isupper() for name in names for word in name.split())
    return ", ".join(names) if capitalised else m.group(0)


def split_names(text: str) -> list[str]:
    """'By Jane Roe and John Doe' -> ['Jane Roe', 'John Doe']; junk -> []."""
    text = _WITH.sub(r", \1", BYLINE_PREFIX.sub("", clean_inline(text))).strip(" :|-–—")
    text = _SLASH_PAIR.sub(_slash_pair, text)
    text = _CREDIT.split(_BYLINE_END.split(text)[0])[0]
    out = []
    for part in _SPLIT_NAMES.split(text):
        part = tidy_name(BYLINE_PREFIX.sub("", part).strip(" .:"))
        if out and _CREDENTIAL.fullmatch(part):
            continue  # "Jane Roe, MD": the degree after a name is no second name
        if out and len(out[0].split()) >= 2 and " " not in part and not re.search(_HAN, part):
            # one word after a full name: a place ("Anna Berg, Frankfurt"), an agency tag
            # ("…, dpa") or a role ("Journalist"), not a second author
            continue
        if _HAN_NAMES.fullmatch(part):  # "张三 李四": Chinese names separated by spaces
            out += part.split()
        elif 2 <= len(part) <= 60 and len(part.split()) <= 6 and not NOT_NAME.search(part):
            out.append(part)
    return out


# a person's name as bylines print it: two to five words, each capitalised (or an initial,
# or a particle: "Ludwig van Beethoven", "Ana da Silva"); not "Folge mir", "Redaktion
# Haus.de", "email the author"
_PARTICLE = frozenset("von van der den de da di du del della dos das la le y e bin al ten ter zu"
                      .split())
_PERSON_WORD = re.compile(r"[^\W\d_][\w'’-]*|[^\W\d_]\.", re.UNICODE)


def looks_like_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 5 and all(
        w in _PARTICLE or (_PERSON_WORD.fullmatch(w) and w[0].isupper()) for w in words)


# an agency's or a desk's tag glued to a full name by a slash: "Jane Roe/SP-X", "Jane Roe/dpa"
_GLUED_TAG = re.compile(r"(?<=[^\W\d_])/[^\W\d_][\w-]{1,8}$")


def tidy_name(name: str) -> str:
    """'Elena Oberholzer (obe)' / 'Tom Roe for MailOnline' / 'Jane Roe @janeroe' / 'Jane Roe,'
    -> the name; a name printed twice by a link and its hidden copy ('Ann Lee Ann Lee',
    'Ann LeeAnn Lee') -> once."""
    name = _NAME_TAIL.sub("", name).strip(" ,;")
    tag = _GLUED_TAG.search(name)
    if tag and looks_like_person(name[:tag.start()]):
        name = name[:tag.start()]
    words = name.split()
    half = len(words) // 2
    if half >= 1 and len(words) % 2 == 0 and words[:half] == words[half:]:
        name = " ".join(words[:half])
    half = len(name) // 2
    if " " in name[:half] and name[:half] == name[half:]:
        # a link's text glued to its screen-reader copy: "Ann LeeAnn Lee"
        name = name[:half]
    return name


def final_name(name: str) -> str | None:
    """An author's name as the page's sources give it, whatever the path (JSON-LD, <meta>,
    byline): HTML entities a CMS escaped twice decoded ("Lindsey O&#039;Donnell"), a byline
    label left in a structured name dropped ("By Lucy Akins", "Текст: Лида Буслаева", "Recipe
    by …"), a trailing comma cut, degrees after a comma dropped ("Jane Roe, MS, RDN": a
    microdata author's text carries them as JSON-LD names do); None when nothing is left."""
    if "&" in name and ";" in name:
        name = html.unescape(name)
    name = _RECIPE_BY.sub("", BYLINE_PREFIX.sub("", clean_inline(name)))
    return split_credentials(name)[0] or None


_RECIPE_BY = re.compile(r"^(?:recipe|rezept|recette|receta) (?:by|von|de|par|por)\s+",
                        re.IGNORECASE)


_SEVERAL = re.compile(r"[,;、]|" + _AND + r"|\((?i:with|avec|mit|con|com|с)\s")


def several_names(name: str) -> list[str]:
    """One structured author string that names several people ("Jane Roe, John Doe", "Anna
    Berg und Max Kurz", "By Jane Roe And John Doe For The Daily Paper", "Jane Roe (avec John
    Doe)") -> each name; "Roe, Jane" (surname first) stays one name: every part must have two
    words or be Chinese."""
    if not _SEVERAL.search(name):
        return [name]
    parts = split_names(name)
    if len(parts) > 1 and all(len(p.split()) >= 2 or re.search(_HAN, p) for p in parts):
        return parts
    return [name]
