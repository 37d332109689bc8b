"""Navigation of a hand-written page body, as the navigation tests read it
(tests/test_navigation_*.py): parsed, cleaned of non-content, then `find_navigation`."""
from __future__ import annotations

from cleaners.generic.navigation import find_navigation
from cleaners.html import drop_non_content, parse_html


def find_in_body(body: str, url: str | None, head: str = ""):
    """`find_navigation` on a page whose <body> is `body` (and <head> holds `head`)."""
    html = f"<html><head><title>t</title>{head}</head><body>{body}</body></html>"
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    return find_navigation(root, url)
