"""Who is no co-author beside a person: the site itself, its desk, a news agency or a
structured Organization named in the same author list as a writer ("von David Straub, MDR
THÜRINGEN", "Konstantin Furrer, Deutsche Presse-Agentur", JSON-LD [Person, the site]). The
annotation rule (docs/metadata-annotation.md "Fields", "Doubtful cases") counts an
organisation, a desk or an agency as the author only where no person is named. Used by
cleaners/metadata.py once the author list is chosen."""
from __future__ import annotations

import re

from .names import looks_like_person

# news agencies, by name and by the tag they sign with
_AGENCY = re.compile(
    r"^(?:the )?(?:associated press|ap|afp|agence france[- ]presse|reuters|dpa|"
    r"deutsche presse[- ]agentur|dpa-afx|epd|kna|apa|sda|keystone-sda|ats|ansa|adnkronos|"
    r"efe|agencia efe|europa press|lusa|ag[eê]ncia brasil|t[ée]lam|notimex|belga|anp|"
    r"ntb|tt|ritzau|stt|pap|ctk|čtk|mti|tass|ria novosti|interfax|anadolu(?: ajansı| agency)?|"
    r"xinhua|kyodo|yonhap|aap|pa|pa media|press association|the canadian press|cp|upi|"
    r"bloomberg|agencies|agencias|agences|agenturen)$", re.IGNORECASE)
# a desk or the newsroom instead of a writer ("MM-Redaktion", "Redacción Central", "Staff",
# "กองบรรณาธิการสุขภาพ": the health desk)
_DESK = re.compile(r"(?i:redaktion|redacci[óo]n|r[ée]daction|redazione|redakcja|reda[çc][ãa]o|"
                   r"newsroom|newsdesk|staff|กองบรรณาธิการ|ทีมข่าว)")
_LABEL = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """A name without case, spaces and punctuation: "El Colombiano" -> "elcolombiano"."""
    return _LABEL.sub("", name.casefold())


def _house(person: dict, site_keys: set[str]) -> bool:
    name = person["name"]
    words = name.split()
    first = words[0] if words else ""
    return bool(person.get("organization") or _AGENCY.fullmatch(name.strip())
                or _DESK.search(name) or name_key(name) in site_keys
                or (len(name_key(first)) >= 3 and name_key(first) in site_keys))


def is_site(name: str, keys: set[str]) -> bool:
    """Whether a name is the site's, in any spelling ("El Colombiano", "ElColombiano.com",
    "www.elcolombiano.com")."""
    key = name_key(name)
    return key in keys or key.removeprefix("www") in keys


def site_keys(site_names: set[str], hosts: set[str]) -> set[str]:
    """The site's names and its domain's label, letters and digits only ("t-online.de" ->
    "tonlinede", "tonline"; "MDR" -> "mdr")."""
    keys = {name_key(n) for n in site_names}
    for host in hosts:
        labels = host.split(".")
        keys.add(name_key(host))
        if len(labels) >= 2:
            keys.add(name_key(labels[-2]))
    return keys - {""}


def without_house(people: list[dict], keys: set[str]) -> list[dict]:
    """The people of an author list that names at least one person; the list unchanged when
    it names nobody who looks like a person (an organisation is then the author)."""
    if len(people) < 2 or not any(looks_like_person(p["name"]) and not _house(p, keys)
                                   for p in people):
        return people
    return [p for p in people if not _house(p, keys)]
