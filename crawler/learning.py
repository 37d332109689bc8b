"""Learned templates in a generic crawl: the spider's side of cleaners/learner.py.

A page of a host without a template gets the generic analysis (in the worker process when
there is one, crawler/extract_worker.py) and is a sample for learning. A page with a
template is extracted inline with it, like a profiled site's page (cheap: no worker round
trip). A page to verify gets both, the generic one in the worker while the learned one runs
here. Templates learned or dropped are written to the store (table `templates`, through the
run context) so the next run starts learned; those in the store are loaded at the start.
"""
from __future__ import annotations

import asyncio
import logging

from cleaners.analyze import PageAnalysis, analyze_page
from cleaners.learned import Template, group_of
from cleaners.learner import Learner, Plan
from cleaners.profile import UNSEEN_LINK_LIST
from common import keys

logger = logging.getLogger(__name__)


class SiteLearning:
    def __init__(self, learner: Learner, run, stats, generic):
        self.learner = learner
        self.run = run  # crawler/run_context.py RunContext: the store's templates table
        self.stats = stats
        self.generic = generic  # async (args) -> PageAnalysis: the worker's or inline
        self._reported: dict[str, int] = {}
        # Generic analyses in flight per group still learning, and an event set when one
        # ends: a group's pages wait while `samples` of them are analysed, so that they are
        # extracted with the template those samples give (with a worker, the crawl would
        # otherwise queue most of a small site generic before the first samples return).
        self._inflight: dict[tuple, int] = {}
        self._done: dict[tuple, asyncio.Event] = {}
        self._tickets = 0

    def ticket(self) -> int:
        """The next arrival number: taken when the response reaches the spider, before its
        analysis waits, so the learner can tell pages fetched before a drop from those after."""
        self._tickets += 1
        return self._tickets

    @classmethod
    def from_crawler(cls, crawler, run, generic) -> SiteLearning | None:
        settings = crawler.settings
        if not settings.getbool("HEALTHCRAWL_LEARN"):
            return None
        loaded = [t for t in map(Template.from_json, run.learned_templates()) if t is not None]
        if loaded:
            logger.info("Starting with %d learned templates: %s", len(loaded),
                        ", ".join(t.key for t in loaded))
        learner = Learner(samples=settings.getint("HEALTHCRAWL_LEARN_SAMPLES"),
                          verify_every=settings.getint("HEALTHCRAWL_LEARN_VERIFY_EVERY"),
                          max_failures=settings.getint("HEALTHCRAWL_LEARN_ATTEMPTS"),
                          templates=tuple(loaded))
        learning = cls(learner, run, crawler.stats, generic)
        learning._sync_stats()
        return learning

    async def analyze(self, args: tuple, ticket: int | None = None) -> PageAnalysis:
        """args: crawler/extract_worker.py `analyze`'s (body, url, charset, site, run_id,
        status, fetched_at); ticket: the page's `ticket()`."""
        url = args[1]
        learner = self.learner
        key = group_of(url)
        while learner.learning(url) and self._inflight.get(key, 0) >= learner.samples:
            await self._done.setdefault(key, asyncio.Event()).wait()
        plan = learner.plan(url)
        if plan.template is None and not plan.links_only:
            generic = self._counted(key)
        else:
            generic = self.generic
        result = await handle_page(learner, plan, args, generic, ticket)
        self._persist()
        self._sync_stats()
        return result

    def _counted(self, key: tuple):
        """The generic analysis of a sample page, counted in flight for its group while it
        runs (the wait at the top of `analyze`)."""
        async def run(args: tuple) -> PageAnalysis:
            self._inflight[key] = self._inflight.get(key, 0) + 1
            try:
                return await self.generic(args)
            finally:
                self._inflight[key] -= 1
                event = self._done.pop(key, None)
                if event is not None:
                    event.set()
        return run

    def _persist(self) -> None:
        if self.learner.failures:
            for key, why in self.learner.failures:
                logger.info("No template for %s yet: %s", key, why)
            self.learner.failures.clear()
        for change, template in self.learner.take_changes():
            if change == "learned":
                logger.info("Learned the template of %s: %s", template.key,
                            template.selectors)
                self.run.save_template(template.key, template.netloc, template.to_json())
            else:
                logger.warning("Dropped the learned template of %s (%s)", template.key,
                               self.learner.why_not.get(template.key, "?"))
                self.run.drop_template(template.key)

    def _sync_stats(self) -> None:
        stats = self.learner.stats
        for name, value in stats.items():
            if self._reported.get(name) != value:
                self.stats.set_value(keys.LEARNED + name, value)
                self._reported[name] = value


async def handle_page(learner: Learner, plan: Plan, args: tuple, generic,
                      ticket: int | None) -> PageAnalysis:
    """One page of a generic crawl as its plan says: the links of a listing group's page; the
    generic analysis of a sample (observed by the learner); the learned extraction of a page
    with a template, checked against the generic one when the plan verifies or the template
    met a link list its samples did not show. generic: async (args) -> PageAnalysis. Pure
    but for the awaits, so the tests replay a crawl through this same function."""
    body, url, charset, site, run_id, status, fetched_at = args
    if plan.links_only:
        # a page of a listing group (cleaners/learner.py): its links, as a profiled
        # crawl reads a listing's; no record
        return analyze_page(body, url, charset=charset, extract=False, links=True)
    if plan.template is None:
        result = await generic(args)
        learner.observe(url, body, charset, result, ticket)
        return result
    learned = analyze_page(body, url, charset=charset, profile=plan.template.profile,
                           links=True, site=site, run_id=run_id, http_status=status,
                           fetched_at=fetched_at)
    unseen = _unseen_link_list(learned)  # strips the crawl's cue from the record either way
    if plan.verify or unseen:
        # a link list the samples did not show: checked like a planned page, so a
        # related box is not taken as body (the template is refined or dropped)
        return learner.verify(url, body, charset, learned, await generic(args), ticket,
                              plan.template)
    if learner.applied(url, learned, ticket):
        return learned
    return await generic(args)


def _unseen_link_list(analysis: PageAnalysis) -> bool:
    """The learned record's body container held a link list (cleaners/profile.py); the
    warning is the crawl's cue, not part of the record."""
    record = analysis.record
    if record is None or UNSEEN_LINK_LIST not in record["warnings"]:
        return False
    record["warnings"] = [w for w in record["warnings"] if w != UNSEEN_LINK_LIST]
    return True
