"""Pure extraction: HTML or text in, article fields out. No Scrapy, no I/O."""
from .article import Article, Link, Teaser
from .extract import extract_article
from .profile import SiteProfile
from .textdump import extract_text_dump

__all__ = ["Article", "Link", "Teaser", "SiteProfile", "extract_article", "extract_text_dump"]
