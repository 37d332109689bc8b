"""Per-host template learning during a crawl: when to learn, apply, verify and drop (pure).

The crawl asks `plan(url)` for each page: no template yet (analyse it generically and
`observe` the result), a template to apply, and whether this page is one to verify (analyse
it both ways and `verify`). The first `samples` article pages of a host and URL shape
(cleaners/learned.py `group_of`) are the samples a template is induced from
(cleaners/template_induce.py); every `verify_every`-th page after that (and the first page
of a template loaded from the store) is checked against the generic analysis, and a
template that disagrees is dropped: the page keeps the generic record, and the group learns
again from new samples, taken only from pages that reached the crawl after the one that
dropped it (`ticket`, the crawl's arrival number): pages fetched before a redesign may still
be waiting for their analysis and would teach the old template again. An earlier page is a
sample all the same where no template the group dropped finds its title and body (`_shows`):
a page of the redesign, queued behind a newer one that was planned first. And such an earlier
page that the template learned since misses (old markup) does not drop it. A failed induction
keeps its samples: with the next article page of the group each of them is left out in turn
(a host whose generic record of some pages is unlike the rest, such as the demo's GBK
portal, whose generic body sometimes takes the dateline and the reference list, would
otherwise rarely see `samples` alike in a row). A group whose induction failed, or whose
template was dropped, `max_failures` times rests: it sits out `verify_every` article pages,
then tries once more on a fresh set of samples, and each further failure doubles the rest
(a few inductions over a whole run where nothing can be learned; where the failures came
from a run of odd pages, the group learns again instead of staying generic for the rest of
the run, which made how much of a crawl a template served differ from run to run). A
template that kept agreeing until its checks reached the `verify_every` interval clears the
group's failures: the group proved learnable, and a later drop starts afresh. A check that
disagrees on the body alone strikes the template (the page keeps its generic record and the
next page is checked too): a page whose generic body is unlike the rest (14 % of the demo's
GBK portal) should not cost the template; STRIKES_TO_DROP disagreements in a row drop it
(with two, one check in ~50 dropped the portal's template).

Listings are learned too, as listings: a listing page gives no record, only its links, yet
its generic analysis costs what an article's does (where a profiled crawl knows it by URL
and only reads its links). Once `samples` pages of a group whose URLs say "listing" on
their own (a tag, category, archive or page-N path, a pager query: cleaners/page_url.py,
the strong hint) were all analysed as listings, and no page of the group was an article,
later pages of the group under such URLs are read for their links only (`Plan.links_only`),
but for checks on the same schedule as templates (pages 1, 2, 4, ... then every
`verify_every`-th are analysed generically). One article in the group, checked or not,
ends this for the run.

Nothing here does I/O: `changes` lists the templates learned or dropped since it was last
emptied, for the crawl to persist.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .analyze import ARTICLE, PageAnalysis
from .html import parse_html
from .learned import Template, disagreement, group_of
from .page_url import url_kind
from .template_induce import Sample, induce, induce_leaving_one_out, refine

# Stats names (common/keys.py LEARNED + these)
HOSTS = "hosts"  # templates put to use (learned this run or loaded from the store)
PAGES = "pages"  # pages whose result came from a learned template
VERIFIED = "verified"  # pages analysed both ways that agreed
DROPPED = "dropped"  # templates dropped on a disagreement
LOADED = "loaded"  # templates loaded from the store at the start
FAILED = "induction_failed"  # induction attempts that found no template
REFINED = "refined"  # templates given a drop rule by a verified page
STRUCK = "struck"  # body disagreements that did not drop the template (next page checked)
STALE = "stale_samples"  # articles that arrived before their group's template was dropped
# and show its markup (no samples: they would teach it again)
LISTING_PAGES = "listing_pages"  # pages of a listing group read for their links only
LISTING = "listing"
# url_kind's weight of a URL that says "listing" by itself (/tag/, /page/2, ?page=2, list_2.html)
STRONG_LISTING = -1.5
# Body disagreements in a row that drop a template (each after the first is a page checked
# because of it, so the pages keep their generic records): a redesign disagrees on every
# page; generic bodies unlike the rest on a share p of a host's pages drop it on a share p**3
# of the checks (p = 0.14 on the demo's GBK portal: 1 in 360 instead of 1 in 50).
STRIKES_TO_DROP = 3
# Dropped templates a group remembers: a page fetched before the last drop that shows one
# of them is no sample (a site redesigned twice in a crawl has two old markups)
KEEP_DROPPED = 4


@dataclass
class _Group:
    template: Template | None = None
    samples: list[Sample] = field(default_factory=list)
    since_verify: int = 0
    verified: int = 0  # checks planned since learned (the interval between checks doubles)
    verify_next: bool = False
    failures: int = 0
    struck: int = 0  # body disagreements in a row; the next page is checked while > 0
    resting: int = 0  # article pages to sit out before the next attempt (after max_failures)
    listings: int = 0  # generic analyses that were listings under a listing URL
    articles: int = 0  # generic analyses that were articles (a listing group no more)
    listing_since: int = 0  # listing pages read for links only since the last check
    listing_checks: int = 0
    dropped_at: int = -1  # ticket of the page whose check dropped the last template
    dropped: tuple[Template, ...] = ()  # the last templates dropped (old pages show them)


def listing_url(url: str) -> bool:
    """The URL alone says listing (cleaners/page_url.py's strong hint)."""
    kind, weight = url_kind(url)
    return kind == LISTING and weight <= STRONG_LISTING


class Plan:
    __slots__ = ("template", "verify", "links_only")

    def __init__(self, template: Template | None, verify: bool, links_only: bool = False):
        self.template, self.verify, self.links_only = template, verify, links_only


_GENERIC = Plan(None, False)
_LINKS_ONLY = Plan(None, False, True)


class Learner:
    # max_failures: an attempt costs little (induction is about 30 ms on 4 demo pages, the
    # samples are analysed generically anyway), and a host whose generic output varies from
    # page to page (the demo's GBK portal) often needs several sets of samples to agree.
    # After max_failures the group rests between attempts (_failed).
    def __init__(self, samples: int = 4, verify_every: int = 50, max_failures: int = 10,
                 templates: tuple[Template, ...] = ()):
        self.samples = max(2, samples)
        self.verify_every = max(1, verify_every)
        self.max_failures = max_failures
        self.groups: dict[tuple[str, str], _Group] = {}
        self.stats: Counter = Counter()
        self.changes: list[tuple[str, Template]] = []  # ("learned" | "dropped", template)
        self.why_not: dict[str, str] = {}  # group key -> the last induction failure
        self.failures: list[tuple[str, str]] = []  # (group key, why) since last taken
        for template in templates:
            group = self._group((template.netloc, template.group))
            # verified in an earlier run: its first page is checked, then every
            # verify_every-th (no early doubling schedule)
            group.template, group.verify_next = template, True
            group.verified = self.verify_every.bit_length()
            self.stats[LOADED] += 1
            self.stats[HOSTS] += 1

    def _group(self, key) -> _Group:
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = _Group()
        return group

    def plan(self, url: str) -> Plan:
        key = group_of(url)
        if key is None:
            return _GENERIC
        group = self._group(key)
        if group.template is None:
            return self._listing_plan(group, url)
        group.since_verify += 1
        # Checked often at first (pages 1, 2, 4, 8, ... after learning, what the samples did
        # not show turns up early), then every verify_every pages.
        interval = min(self.verify_every, 2 ** group.verified)
        if group.verify_next or group.since_verify >= interval:
            # counted when planned, not when done: in a crawl many pages are planned while
            # the first check waits for the worker, and they must not all be checks
            group.verify_next, group.since_verify = False, 0
            group.verified += 1
            return Plan(group.template, True)
        return Plan(group.template, False)

    def _listing_plan(self, group: _Group, url: str) -> Plan:
        if group.articles or group.listings < self.samples or not listing_url(url):
            return _GENERIC
        group.listing_since += 1
        if group.listing_since >= min(self.verify_every, 2 ** group.listing_checks):
            group.listing_since = 0
            group.listing_checks += 1
            return _GENERIC  # a check: analysed generically, and observed
        self.stats[LISTING_PAGES] += 1
        return _LINKS_ONLY

    def learning(self, url: str) -> bool:
        """True while the page's group has no template and takes samples (not resting)."""
        key = group_of(url)
        group = self.groups.get(key) if key is not None else None
        return key is not None and (group is None or group.template is None
                                    and not group.resting)

    def observe(self, url: str, body: bytes, charset: str | None,
                analysis: PageAnalysis, ticket: int | None = None) -> None:
        """A page of a group without a template, analysed generically: an article is a
        sample; enough samples are induced into a template. `ticket`: the page's arrival
        number in the crawl; a page that arrived before its group's last drop is no sample."""
        key = group_of(url)
        if key is None:
            return
        if analysis.kind != ARTICLE or analysis.record is None:
            if analysis.page_kind == LISTING and listing_url(url):
                self._group(key).listings += 1
            return
        group = self._group(key)
        group.articles += 1
        if group.template is not None:
            return
        if group.resting:
            group.resting -= 1
            return
        if self._before_drop(group, ticket) and _shows(group.dropped, body, charset):
            self.stats[STALE] += 1
            return
        group.samples.append(Sample(body, url, charset, analysis.record))
        if len(group.samples) < self.samples:
            return
        samples = group.samples
        template, why = self._induce(key, samples)
        # after a failure the newest samples stay: with the next page, each of them can be
        # left out in turn (one page whose generic record is unlike the others' no longer
        # spoils a whole set)
        group.samples = [] if template is not None else samples[-self.samples:]
        if template is None:
            self._failed(group)
            self.stats[FAILED] += 1
            self.why_not["".join(key)] = why
            self.failures.append(("".join(key), why))
            return
        group.template, group.since_verify, group.verified = template, 0, 0
        self.stats[HOSTS] += 1
        self.changes.append(("learned", template))

    def _failed(self, group: _Group) -> None:
        """An induction failed or a template was dropped: from `max_failures` on, the group
        rests before a fresh set of samples, twice as long after each further failure."""
        group.failures += 1
        if group.failures >= self.max_failures:
            group.samples = []
            group.resting = self.verify_every * 2 ** (group.failures - self.max_failures)

    def _induce(self, key: tuple[str, str], samples: list[Sample]):
        """A template from the samples; from one sample more than needed, from the subsets
        that leave one out (the oldest first)."""
        if len(samples) <= self.samples:
            return induce(key[0], key[1], samples)
        return induce_leaving_one_out(key[0], key[1], samples)

    def applied(self, url: str, learned: PageAnalysis, ticket: int | None = None) -> bool:
        """A page extracted with its group's template alone. False: the template missed on
        an article (no title or body element: the generic extractor filled in), so it is
        dropped and the page must be analysed generically."""
        if _missed(learned):
            group = self.groups.get(group_of(url))
            if group is None or not self._before_drop(group, ticket):
                self._drop(url, ticket=ticket)
            # else a page fetched before the last drop, in the old markup: the template
            # learned since is not dropped for it
            return False
        self.stats[PAGES] += 1
        return True

    @staticmethod
    def _before_drop(group: _Group, ticket: int | None) -> bool:
        return ticket is not None and ticket < group.dropped_at

    def verify(self, url: str, body: bytes, charset: str | None, learned: PageAnalysis,
               generic: PageAnalysis, ticket: int | None = None,
               template: Template | None = None) -> PageAnalysis:
        """A page analysed both ways: the learned result if they agree, else the generic
        one (and the template is dropped). A body with more text than the generic one gets
        a drop rule for it where one fits (`refine`), and the generic result. `template`:
        the one `learned` came from (its plan's); a check that waited for its generic
        analysis while the group dropped or replaced that template judges only its page."""
        if _missed(learned):
            # the template found no title or body (a redesign): the generic extractor
            # filled the record in, so it agrees, but the template is broken
            why = "missed"
        elif learned.kind != generic.kind:
            why = "kind"
        elif generic.record is None or learned.record is None:
            why = None
        else:
            why = disagreement(generic.record, learned.record)
        group = self.groups.get(group_of(url))
        if group is not None and (
                (template is not None and not _same_containers(template, group.template))
                or (why == "missed" and self._before_drop(group, ticket))):
            # planned with a template the group no longer has (a refined one keeps its
            # containers), or a page fetched before the last drop that the template learned
            # since misses (old markup): the page gets the record it agrees with, and the
            # current template is not struck, refined or dropped for it
            if why is None:
                self.stats[PAGES] += 1
                return learned
            return generic
        if why in (None, "body") and group is not None and group.template is not None \
                and generic.record is not None and learned.record is not None \
                and generic.record["body"] != learned.record["body"]:
            refined = refine(group.template, Sample(body, url, charset, generic.record))
            if refined is not None:
                group.template = refined
                self.changes.append(("learned", refined))
                self.stats[REFINED] += 1
                return generic
        if why is None:
            if group is not None:
                group.struck = 0
                if group.verified >= self.verify_every.bit_length():
                    group.failures = 0  # settled: the group is learnable
            self.stats[VERIFIED] += 1
            self.stats[PAGES] += 1
            return learned
        if why == "body" and group is not None and group.template is not None \
                and group.struck + 1 < STRIKES_TO_DROP:
            # A page whose generic body is unlike the rest (the GBK portal's sometimes
            # takes the dateline and the reference list) keeps its generic record, and the
            # next page is checked too: STRIKES_TO_DROP disagreements in a row (a redesign)
            # drop the template.
            group.struck += 1
            group.verify_next = True
            self.stats[STRUCK] += 1
            return generic
        self._drop(url, why, ticket)
        return generic

    def _drop(self, url: str, why: str = "missed", ticket: int | None = None) -> None:
        key = group_of(url)
        group = self.groups.get(key) if key is not None else None
        if group is None or group.template is None:
            return
        self.changes.append(("dropped", group.template))
        self.why_not["".join(key)] = f"dropped: {why}"
        group.dropped = (*group.dropped, group.template)[-KEEP_DROPPED:]
        group.template, group.samples, group.struck = None, [], 0
        self._failed(group)
        if ticket is not None:
            group.dropped_at = ticket
        self.stats[DROPPED] += 1

    def take_changes(self) -> list[tuple[str, Template]]:
        changes, self.changes = self.changes, []
        return changes


def _shows(templates: tuple[Template, ...], body: bytes, charset: str | None) -> bool:
    """The page has the markup of one of `templates`: its title and body selectors find
    elements. A page that arrived before its group's template was dropped may be an old page
    (a sample would teach a dropped template again) or a page of the redesign that dropped
    it (pages queue while their group learns, and are not always planned in arrival order:
    taking it as a sample lets the group learn again before the pages that follow it)."""
    if not templates:
        return True
    root, _ = parse_html(body, charset)
    return any(all(t.profile.xp[name] is None or t.profile.xp[name](root)
                   for name in ("title", "body")) for t in templates)


def _same_containers(a: Template, b: Template | None) -> bool:
    """`b` is `a`, or `a` refined (a drop rule more), or a template learned since that finds
    the title and body where `a` does."""
    return b is not None and all(a.selectors.get(name) == b.selectors.get(name)
                                 for name in ("title", "body"))


def _missed(learned: PageAnalysis) -> bool:
    """The template found no title or body element on an article: the generic extractor
    filled them in (cleaners/extract.py `_fill_from_generic`)."""
    return bool(learned.extractor and learned.extractor.endswith("+generic")
                and learned.page_kind == ARTICLE)
