"""The article store: `Store` (plain SQLite, no Scrapy needed) and `StorePipeline`."""
from .db import CHANGED, NEW, UNCHANGED, Store, StoredArticle
from .pipeline import StorePipeline
from .schema import SCHEMA_VERSION

__all__ = ["CHANGED", "NEW", "SCHEMA_VERSION", "UNCHANGED", "Store", "StorePipeline",
           "StoredArticle"]
