"""Generic extraction for pages without a site profile (being built: issue 4)."""
from __future__ import annotations

from ..article import Article
from ..html import block_texts
from ..text import clean_paragraphs, clean_inline


def extract_generic(root, url: str | None, meta: dict) -> Article:
    """root: parsed page with scripts dropped; meta: from cleaners.metadata.read_metadata."""
    h1 = root.find(".//h1")
    title = clean_inline(h1.text_content()) if h1 is not None else (meta.get("title") or "")
    container = root.find(".//article") or root.find(".//main") or root.find(".//body")
    body = clean_paragraphs(block_texts(container)) if container is not None else ""
    return Article(title=title, body=body, extractor="generic")
