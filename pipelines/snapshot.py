"""A run's snapshot, and evidence for every removal.

Every run folder is a full snapshot of the site's articles. A run re-checks what it can; an
article of the previous good run that this run did not confirm (stored or unchanged) is:

- removed, with the evidence as `reason`, when its URL answered 404 (`http_404`) or 410
  (`http_410`), redirected to another record or off the site (`redirected`), is no longer
  an article (`not_article`), or is no longer linked from any page: every page that linked
  to it in an earlier run was processed in this one and links to it no more (`unlinked`,
  decided with the page memory of pipelines/pages.py);
- otherwise kept in the snapshot as it was (`not_rechecked`: a 500, a timeout, a page
  behind a listing that failed, a crawl cut short by --max-pages). Its `last_seen` stays.

The guard: when the share of the previous snapshot that this run could not confirm
(removed + not_rechecked) exceeds HEALTHCRAWL_MAX_SHRINK_RATIO, or the run discovered
fewer than half the URLs of the previous good run, the run is `shrank`: exit code 2, the
warning `snapshot_shrank`, and `latest` keeps pointing at the previous good run. A shrunken
run is never the "previous good run" of a later one.

`settle` reads and decides (the spider calls it when the crawl runs out of work, so the
export can write the kept records); `persist` writes the decision when the run ends
complete (an interrupted run logs no removal and keeps nothing).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from common.default_settings import DEFAULTS

from . import pages

if TYPE_CHECKING:
    from .store.base import Store

CONFIRMED = frozenset({"stored", "unchanged"})
PROCESSED = CONFIRMED | {"not_article"}  # pages whose links this run followed
GONE = {"failed/http_404": "http_404", "failed/http_410": "http_410"}
# Outcomes of a URL that was an on-site article before: it now redirects elsewhere.
REDIRECTED_AWAY = frozenset({"off_site", "refused/unsafe_scheme", "refused/private_host"})
DEFAULT_MAX_SHRINK_RATIO = DEFAULTS["HEALTHCRAWL_MAX_SHRINK_RATIO"]
MIN_DISCOVERY_RATIO = 0.5
WARNING = "snapshot_shrank"


@dataclass
class Settlement:
    previous: str | None = None
    previous_size: int = 0
    previous_discovered: int | None = None
    discovered: int = 0
    confirmed: int = 0
    kept: list[str] = field(default_factory=list)
    removed: dict[str, str] = field(default_factory=dict)  # id -> reason
    shrank: bool = False
    why: list[str] = field(default_factory=list)

    @property
    def lost_ratio(self) -> float:
        return (len(self.kept) + len(self.removed)) / self.previous_size \
            if self.previous_size else 0.0

    def summary(self) -> dict:
        reasons: dict[str, int] = {}
        for reason in self.removed.values():
            reasons[reason] = reasons.get(reason, 0) + 1
        return {"previous_run": self.previous, "previous_records": self.previous_size,
                "previous_discovered": self.previous_discovered,
                "confirmed": self.confirmed, "not_rechecked": len(self.kept),
                "removed": dict(sorted(reasons.items())),
                "lost_ratio": round(self.lost_ratio, 6), "shrank": self.shrank,
                "why": self.why}


def previous_good_run(db: Store, run_id: str) -> str | None:
    """The newest complete (not shrunken) run with the same key started before `run_id`."""
    return db.previous_good_run(run_id)


def snapshot_ids(db: Store, run_id: str) -> set[str]:
    """Ids in a run's snapshot: the records it stored or found unchanged, and those it kept."""
    return db.snapshot_ids(run_id)


def settle(db: Store, run_id: str, *, discovery_capped: bool = False,
           max_shrink_ratio: float | None = DEFAULT_MAX_SHRINK_RATIO) -> Settlement:
    """Decide, for the previous good snapshot, what this run removes and keeps.
    `max_shrink_ratio=None` switches the guard off."""
    outcomes = {url: (outcome, rid) for url, outcome, rid in db.outcomes(run_id)}
    confirmed = {rid for outcome, rid in outcomes.values() if outcome in CONFIRMED and rid}
    result = Settlement(discovered=len(outcomes), confirmed=len(confirmed))
    result.previous = db.previous_good_run(run_id)
    if result.previous is None:
        return result
    result.previous_discovered = db.run_discovered(result.previous)
    before = db.snapshot_ids(result.previous)
    result.previous_size = len(before)
    missing = before - confirmed
    if missing:
        _decide(db, run_id, result, sorted(missing), outcomes, discovery_capped)
    _guard(result, max_shrink_ratio)
    return result


def _decide(db: Store, run_id: str, result: Settlement, missing: list[str],
            outcomes: dict, discovery_capped: bool) -> None:
    urls = _urls_of(db, result.previous, missing)
    still_linked: set[str] | None = None
    for rid in missing:
        reason = None
        undiscovered = True
        for url in urls.get(rid, ()):
            outcome, now = outcomes.get(url, (None, None))
            undiscovered = undiscovered and url not in outcomes
            reason = GONE.get(outcome) or reason
            if outcome in CONFIRMED and now != rid or outcome in REDIRECTED_AWAY:
                reason = reason or "redirected"
            elif outcome == "not_article":
                reason = reason or "not_article"
        if reason is None and undiscovered and urls.get(rid) and not discovery_capped:
            if still_linked is None:
                still_linked = _linked_from_unprocessed(db, outcomes)
            if not any(url in still_linked for url in urls[rid]):
                reason = "unlinked"
        if reason is None:
            result.kept.append(rid)
        else:
            result.removed[rid] = reason


def _urls_of(db: Store, previous: str, ids: list[str]) -> dict[str, list[str]]:
    """The URLs under which each id was found: in the previous run's ledger (the URL as
    discovered, before redirects), else the stored record's own URL (a kept record)."""
    wanted = set(ids)
    urls: dict[str, list[str]] = {}
    for url, rid in db.ledger_records(previous):
        if rid in wanted:
            urls.setdefault(rid, []).append(url)
    for rid in wanted - urls.keys():
        record = db.stored_record(rid)
        if record:
            url = record.get("url")
            if url:
                urls[rid] = [url]
    return urls


def _linked_from_unprocessed(db: Store, outcomes: dict) -> set[str]:
    """Every URL linked (as last remembered) from a page this run did not process: such a
    page may still link to an article, so that article cannot be called unlinked."""
    processed = {url for url, (outcome, _rid) in outcomes.items() if outcome in PROCESSED}
    linked: set[str] = set()
    for url, blob in db.page_links():
        if url not in processed:
            linked.update(pages.unpack_links(blob))
    return linked


def _guard(result: Settlement, max_shrink_ratio: float | None) -> None:
    if max_shrink_ratio is None:
        return
    if result.lost_ratio > max_shrink_ratio:
        result.why.append(f"{len(result.kept) + len(result.removed)} of "
                          f"{result.previous_size} records of run {result.previous} not "
                          f"confirmed ({result.lost_ratio:.1%} > {max_shrink_ratio:.0%})")
    if result.previous_discovered and \
            result.discovered < MIN_DISCOVERY_RATIO * result.previous_discovered:
        result.why.append(f"discovered {result.discovered} URLs, under half of run "
                          f"{result.previous}'s {result.previous_discovered}")
    result.shrank = bool(result.why)


def persist(db: Store, run_id: str, result: Settlement) -> None:
    """Write the decision of a complete run: kept ids, removals (with their reason) in the
    change log, `removed_in` on the removed articles. Idempotent (a re-settled run)."""
    removals = [(db.stored_record(rid) or {"id": rid}, reason)
                for rid, reason in sorted(result.removed.items())]
    db.persist_settlement(run_id, result.kept, removals)


def kept_records(db: Store, ids: list[str]) -> Iterator[dict]:
    """The stored records of kept ids, as they were last seen (streamed)."""
    return db.stored_records(ids)


def finish_run(db: Store, run_id: str, complete: bool,
               max_shrink_ratio: float | None = None) -> int:
    """Settle and persist in one call (offline use and tests); returns the removals."""
    if not complete:
        return 0
    result = settle(db, run_id, max_shrink_ratio=max_shrink_ratio)
    persist(db, run_id, result)
    return len(result.removed)
