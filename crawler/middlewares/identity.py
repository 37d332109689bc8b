"""Who is crawling: the User-Agent names healthcrawl, its version and the operator's contact
(HEALTHCRAWL_CONTACT, a URL or an e-mail address), as site operators expect from a polite
crawler. A crawl of a non-local host without a contact gets a warning.

Replaces Scrapy's UserAgentMiddleware; a USER_AGENT set explicitly (`-s USER_AGENT=...`, a
spider attribute) is sent as it is.
"""
from __future__ import annotations

import logging
import os
import re
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware
from scrapy.settings import SETTINGS_PRIORITIES

from cleaners.record import PACKAGE_VERSION
from crawler.run_context import RunContext
from crawler.urlpolicy import is_private_host

logger = logging.getLogger(__name__)

PRODUCT = f"healthcrawl/{PACKAGE_VERSION}"
# A contact is one token: no spaces, controls, parentheses or header-breaking characters.
_EMAIL = re.compile(r"[^\s@()<>\"]+@[^\s@()<>\"]+\.[^\s@()<>\"]+")
_URL = re.compile(r"https?://[^\s()<>\"]+", re.IGNORECASE)


class BadContact(ValueError):
    """HEALTHCRAWL_CONTACT is neither an http(s) URL nor an e-mail address."""


def check_contact(contact: str | None) -> str | None:
    """The contact as it goes into the User-Agent (stripped), None when unset."""
    contact = (contact or "").strip()
    if not contact:
        return None
    if _URL.fullmatch(contact) or _EMAIL.fullmatch(contact):
        return contact
    raise BadContact(f"HEALTHCRAWL_CONTACT must be an http(s) URL or an e-mail address, "
                     f"got {contact!r}")


def user_agent(contact: str | None) -> str:
    """`healthcrawl/<version> (+<contact>)`, or `healthcrawl/<version>` without a contact."""
    contact = check_contact(contact)
    return f"{PRODUCT} (+{contact})" if contact else PRODUCT


def contact_of(settings) -> str | None:
    """The setting, else the environment variable of the same name."""
    return settings.get("HEALTHCRAWL_CONTACT") or os.environ.get("HEALTHCRAWL_CONTACT")


def needs_contact_warning(start_url: str, contact: str | None) -> bool:
    host = urlsplit(start_url or "").hostname or ""
    return not contact and bool(host) and not is_private_host(host)


class IdentityMiddleware(UserAgentMiddleware):
    run: RunContext | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        contact = check_contact(contact_of(settings))
        explicit = settings.getpriority("USER_AGENT") > SETTINGS_PRIORITIES["project"]
        mw = cls(settings["USER_AGENT"] if explicit else user_agent(contact))
        mw.contact = contact
        mw.run = RunContext.of(crawler)
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        return mw

    def spider_opened(self, spider):
        super().spider_opened(spider)
        scope = self.run.scope if self.run is not None else None
        if needs_contact_warning(scope.start_url if scope is not None else "", self.contact):
            logger.warning("No operator contact in the User-Agent (%s): set HEALTHCRAWL_CONTACT "
                           "or --contact to a URL or e-mail address where site owners can "
                           "reach you", self.user_agent)
