"""`--store` of `healthcrawl extract`: the learned templates a generic crawl kept in its store
(table `templates`, crawler/learning.py), so saved or archived pages of a learned host are
extracted the way the crawl extracted them (`extractor: learned:<host>`) at a profile's
cost. Read only: the templates are used as stored, not verified or re-learned."""
from __future__ import annotations

import contextlib
from pathlib import Path

from cleaners.learned import Template, group_of
from cleaners.profile import SiteProfile
from crawler.run import UsageError
from pipelines.store import DB_ERRORS, is_server_url, open_store


class LearnedTemplates:
    def __init__(self, templates: list[Template]):
        self.by_group = {(t.netloc, t.group): t for t in templates}

    def __len__(self) -> int:
        return len(self.by_group)

    def profile_for(self, url: str | None) -> SiteProfile | None:
        """The profile of the template learned for the URL's host and shape, else None."""
        key = group_of(url) if url else None
        template = self.by_group.get(key) if key is not None else None
        return template.profile if template is not None else None

    @classmethod
    def load(cls, store: str) -> LearnedTemplates:
        """UsageError (one line) for a store that is missing or cannot be read."""
        # Opening a missing SQLite file would make it a new, empty store: refuse instead.
        if not is_server_url(store) and (not Path(store).is_file()
                                         or Path(store).stat().st_size == 0):
            raise UsageError(f"store {store}: no such file (or empty)")
        label = "store" if is_server_url(store) else f"store {store}"  # never echo a password
        try:
            db = open_store(store)
        except DB_ERRORS as exc:
            raise UsageError(f"{label}: {exc}") from None
        try:
            rows = db.templates()
        except DB_ERRORS as exc:
            raise UsageError(f"{label}: {exc}") from None
        finally:
            with contextlib.suppress(*DB_ERRORS):
                db.close()
        # a row this code cannot read (another format) is skipped, as a crawl skips it
        return cls([t for t in (Template.from_json(text) for _key, text in rows)
                    if t is not None])
