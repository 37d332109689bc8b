"""Only http(s) URLs leave healthcrawl in a URL field (url, canonical_url, related_links.url,
teasers.url): a downstream site that renders them as links must never get a `javascript:`,
`vbscript:` or `data:` URL, in any of the spellings a browser still runs.

A browser drops every ASCII tab and newline anywhere in an href, strips leading and trailing
C0 controls and spaces (the WHATWG URL parser) and compares the scheme case-insensitively,
so `JavaScript:`, ` javascript:` and `java<TAB>script:` are all `javascript:`. An HTML parser
has already turned `java&#9;script:` into the latter; an entity left in the string (encoded
twice in the page) is decoded by whatever renders it next. The check is an allow-list, so it
covers them all: after removing what a browser removes, the URL must start with `http://` or
`https://` (an entity cannot spell those: it starts with `&`). Pure functions.
"""
from __future__ import annotations

import re

_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_C0_SPACE = "".join(chr(c) for c in range(0x21))
_HTTP = re.compile(r"https?://", re.IGNORECASE)


def safe_http_url(url: str | None) -> str | None:
    """The URL as a browser reads it (tabs and newlines dropped, outer spaces and controls
    stripped) when it is absolute http(s); None otherwise: script and data URLs, any other
    scheme, relative or empty URLs."""
    if not url:
        return None
    as_read = _TAB_NEWLINE.sub("", url).strip(_C0_SPACE) if not url.isprintable() \
        or url[0] == " " or url[-1] == " " else url
    return as_read if _HTTP.match(as_read) else None
