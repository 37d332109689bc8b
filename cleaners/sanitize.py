"""Safe body_html: an allow-list of tags and attributes (nh3), links made absolute."""
from __future__ import annotations

import copy
from functools import partial

import nh3
from lxml import html as lxml_html

from .urls import join_url

ALLOWED_TAGS = frozenset(
    "p br h2 h3 h4 h5 h6 ul ol li blockquote pre code em strong b i u sub sup a img "
    "figure figcaption table thead tbody tr th td dl dt dd hr".split()
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "td": {"colspan"},
                      "th": {"colspan", "scope"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitize_html(fragment: str) -> str:
    """Clean an HTML fragment: no script, style, iframe, event handler or javascript: URL."""
    return nh3.clean(fragment, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=set(URL_SCHEMES), link_rel="noopener nofollow").strip()


def _absolute(base_url: str, href: str) -> str | None:
    """lxml's make_links_absolute(handle_failures="discard"), with the fast join."""
    try:
        return join_url(base_url, href)
    except ValueError:
        return None


def element_html(el, base_url: str | None) -> str:
    """Sanitized inner HTML of an element, relative links resolved against base_url."""
    el = copy.copy(el)  # make_links_absolute edits in place; keep the caller's tree intact
    if base_url:
        el.rewrite_links(partial(_absolute, base_url))
    inner = (el.text or "") + "".join(
        lxml_html.tostring(child, encoding="unicode") for child in el
    )
    return sanitize_html(inner)
