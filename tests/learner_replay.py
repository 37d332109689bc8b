"""One page through the learner as the crawl hands it over (crawler/learning.py
`SiteLearning.analyze`), for the pure tests of cleaners/learner.py."""
from __future__ import annotations

from cleaners.analyze import analyze_page
from cleaners.learner import Learner


def crawl_step(learner: Learner, url: str, body: bytes, ticket: int | None = None) -> str:
    """Plan, analyse and report one page; returns the record's extractor."""
    plan = learner.plan(url)
    generic = analyze_page(body, url)
    if plan.template is None:
        learner.observe(url, body, None, generic, ticket)
        return generic.extractor
    learned = analyze_page(body, url, profile=plan.template.profile)
    if plan.verify:
        return learner.verify(url, body, None, learned, generic, ticket,
                              plan.template).extractor
    return learned.extractor if learner.applied(url, learned, ticket) else generic.extractor
