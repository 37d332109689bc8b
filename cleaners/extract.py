"""`extract_article`: the one entry point from a page to an Article (pure, no I/O)."""
from __future__ import annotations

from .article import Article
from .html import drop_non_content, parse_html
from .metadata import read_metadata
from .page_kind import classify, page_signals
from .profile import SiteProfile, extract_with_profile
from .vocab import body_leaks


def extract_article(source, url: str | None = None, profile: SiteProfile | None = None,
                    header_charset: str | None = None) -> Article:
    """source: page bytes, text, or an already parsed lxml root (it is modified in place).
    `page_kind` of the result says whether the page is an article at all."""
    warnings: list[str] = []
    if isinstance(source, (bytes, str)):
        root, warnings = parse_html(source, header_charset)
    else:
        root = source
    meta = read_metadata(root, url, profile is None or profile.date_search)
    signals = page_signals(root, url)  # before extraction takes card blocks out of the tree
    # the medical disclaimer is a field of its own and never part of the body
    disclaimer = meta.pop("disclaimer_element", None)
    if disclaimer is not None and disclaimer.getparent() is not None:
        disclaimer.drop_tree()
    drop_non_content(root)

    if profile is not None:
        article = extract_with_profile(root, url, profile)
        if not article.body or not article.title:
            _fill_from_generic(article, root, url, meta)
    else:
        from .generic import extract_generic

        article = extract_generic(root, url, meta)

    article.title = article.title or meta["title"] or ""
    article.canonical_url = article.canonical_url or meta["canonical_url"]
    article.language = article.language or meta["language"]
    article.published = article.published or meta["published"]
    article.modified = article.modified or meta["modified"]
    article.authors = article.authors or meta["author_objects"]
    article.breadcrumbs = article.breadcrumbs or meta["breadcrumbs"]
    for key in ("last_reviewed", "reviewed_by", "references", "medical_disclaimer",
                "schema_types", "about"):
        setattr(article, key, getattr(article, key) or meta[key])
    article.warnings = warnings + article.warnings
    if article.body and body_leaks(article.body):
        article.warnings.append("boilerplate_leak")
    article.page_kind = classify(signals, article, url).kind
    return article


def _fill_from_generic(article: Article, root, url: str | None, meta: dict) -> None:
    """A profile selector missed (site redesign?): take the missing fields from generic."""
    from .generic import extract_generic

    generic = extract_generic(root, url, meta)
    article.title = article.title or generic.title
    if not article.body:
        article.body, article.body_html = generic.body, generic.body_html
        article.extractor += "+generic"
