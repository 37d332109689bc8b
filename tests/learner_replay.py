"""One page through the learner as the crawl hands it over: crawler/learning.py
`handle_page`, the same function the spider awaits, with the worker's generic analysis
(crawler/extract_worker.py `analyze`) run inline."""
from __future__ import annotations

import asyncio

from cleaners.analyze import PageAnalysis
from cleaners.learner import Learner
from crawler.extract_worker import analyze
from crawler.learning import handle_page


async def _generic(args: tuple) -> PageAnalysis:
    return analyze(*args)


def crawl_step(learner: Learner, url: str, body: bytes, ticket: int | None = None) -> str:
    """Plan, analyse and report one page; returns the record's extractor."""
    args = (body, url, None, "", "", 200, "")
    result = asyncio.run(handle_page(learner, learner.plan(url), args, _generic, ticket))
    return result.extractor
