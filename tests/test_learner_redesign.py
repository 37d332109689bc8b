"""A site redesigned mid-crawl (cleaners/learner.py): the orders in which a crawl may hand the
learner its pages. Pages queue while their group learns and are not always planned in the
order they reached the spider: a page of the redesign can be the first one planned after
the old template was learned, drop it, and leave every page queued before it (old and new
markup alike) behind the drop. The demo blog's body container is renamed, as in
tests/test_crawl_learned.py's redesign crawl."""
from __future__ import annotations

import pytest
from learner_replay import crawl_step

from cleaners.analyze import analyze_page
from cleaners.learned import group_of
from cleaners.learner import DROPPED, HOSTS, STALE, Learner

BASE = "http://127.0.0.1:8765"
LEARNED = "learned:127.0.0.1"


@pytest.fixture(scope="module")
def blog(demo_site):
    """[(url, old page bytes, redesigned page bytes)] of the demo blog in path order."""
    from crawler.demo.generator import load_expected

    out = []
    for exp in sorted(load_expected(demo_site, BASE), key=lambda e: e["path"]):
        if exp["family"] == "wp":
            body = (demo_site / exp["path"].lstrip("/") / "index.html").read_bytes()
            out.append((exp["url"], body, body.replace(b"entry-content", b"post-body")))
    return out


def _learned_old(learner: Learner, blog) -> None:
    for ticket, (url, old, _new) in enumerate(blog[:4], 1):
        learner.observe(url, old, None, analyze_page(old, url), ticket)
    assert learner.stats[HOSTS] == 1


def test_pages_of_the_redesign_queued_before_the_drop_teach_the_new_template(blog):
    """The order of the redesign crawl's rare failure (traced with a slowed worker): pages
    5-47 reached the spider and waited while the samples 1-4 (old markup) were analysed;
    the redesign starts at page 20; pages 46 and 47, new markup, are planned first once the
    template exists: 46 is checked (its generic analysis goes to the worker), 47 misses
    and drops the template. The pages that waited follow: the old ones are stale samples,
    the new ones teach the new markup, and the pages after them get the new template
    (before: all of them were stale, and the group had learned nothing new by the end)."""
    learner = Learner()
    _learned_old(learner, blog)
    url46, _old, new46 = blog[45]
    check = learner.plan(url46)
    assert check.verify
    late = analyze_page(new46, url46, profile=check.template.profile)
    url, _old, new = blog[46]
    assert crawl_step(learner, url, new, 47) == "generic"
    assert learner.stats[DROPPED] == 1
    result = learner.verify(url46, new46, None, late, analyze_page(new46, url46), 46,
                            check.template)
    assert result.extractor == "generic"
    used = {}
    for ticket in range(5, 46):
        url, old, new = blog[ticket - 1]
        used[ticket] = crawl_step(learner, url, old if ticket < 20 else new, ticket)
    assert learner.stats[STALE] == 15  # pages 5-19, old markup
    assert learner.stats[HOSTS] == 2
    assert learner.groups[group_of(url)].template.selectors["body"] == "div.post-body"
    # four samples (20-23), then the new template on every page but its checks
    assert [used[t] for t in range(20, 24)] == ["generic"] * 4
    assert sum(used[t] == LEARNED for t in range(24, 46)) >= 18


def test_a_check_on_a_page_the_template_misses_drops_it(blog):
    """A checked page of the redesign: the template finds no body, the generic extractor
    fills the record in, and the two agree; the template must go all the same (before: the
    check passed, the record said `learned:<host>+generic`, the template stayed)."""
    learner = Learner()
    _learned_old(learner, blog)
    url, _old, new = blog[4]
    assert learner.plan(url).verify  # the first page after learning is checked
    learned = analyze_page(new, url, profile=learner.groups[group_of(url)].template.profile)
    generic = analyze_page(new, url)
    assert learner.verify(url, new, None, learned, generic, 5).extractor == "generic"
    assert learner.stats[DROPPED] == 1
    assert learner.plan(blog[5][0]).template is None


def test_a_late_check_leaves_the_template_learned_since_alone(blog):
    """A check planned with the old template waits for its generic analysis while the
    group drops that template and learns the new one: what it finds judges its own page,
    not the new template."""
    learner = Learner()
    _learned_old(learner, blog)
    url5, _old, new5 = blog[4]
    plan = learner.plan(url5)
    assert plan.verify
    late = analyze_page(new5, url5, profile=plan.template.profile)
    for ticket in range(6, 11):  # page 6 drops the old template, 7-10 teach the new one
        url, _old, new = blog[ticket - 1]
        crawl_step(learner, url, new, ticket)
    group = learner.groups[group_of(url5)]
    assert learner.stats[HOSTS] == 2 and group.template.selectors["body"] == "div.post-body"
    result = learner.verify(url5, new5, None, late, analyze_page(new5, url5), 5, plan.template)
    assert result.extractor == "generic"
    assert group.template is not None and learner.stats[DROPPED] == 1


def test_a_late_check_still_judges_its_template_refined_meanwhile(blog):
    """A refinement (a drop rule more) keeps the template's containers: a check planned
    before it that finds the body gone still drops the template."""
    from dataclasses import replace

    learner = Learner()
    _learned_old(learner, blog)
    url5, _old, new5 = blog[4]
    plan = learner.plan(url5)
    late = analyze_page(new5, url5, profile=plan.template.profile)
    group = learner.groups[group_of(url5)]
    selectors = plan.template.selectors
    group.template = replace(plan.template, selectors={
        **selectors, "body_drop": [*selectors["body_drop"], "div.ad-slot"]})
    learner.verify(url5, new5, None, late, analyze_page(new5, url5), 5, plan.template)
    assert group.template is None and learner.stats[DROPPED] == 1


def test_an_old_page_queued_before_the_drop_does_not_drop_the_new_template(blog):
    """The group learned the new markup while pages fetched before the drop still queue:
    one in the old markup, planned with the new template, misses it; it gets the generic
    analysis and the new template stays (before: dropped, and then the old pages, which
    do not show the new template dropped last, were samples again, mixed with new ones: the
    redesign crawl ended with no template once in ~120 runs)."""
    learner = Learner()
    _learned_old(learner, blog)
    for ticket in range(6, 11):  # page 6 drops the old template, 7-10 teach the new one
        url, _old, new = blog[ticket - 1]
        crawl_step(learner, url, new, ticket)
    group = learner.groups[group_of(url)]
    assert group.template.selectors["body"] == "div.post-body"
    url5, old5, _new = blog[4]
    assert crawl_step(learner, url5, old5, 5) == "generic"
    assert group.template is not None and learner.stats[DROPPED] == 1
