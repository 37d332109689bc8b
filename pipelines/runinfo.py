"""Where a run's files go, and which run this is: `RunInfo`, one per crawl, kept on the
crawler. The export and store pipelines, the RunFolder extension and the archive may start
in either order (Scrapy opens item pipelines before it sends `spider_opened`), so every
helper here is idempotent."""
from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common.clock import utc_now_dt
from common.paths import output_dir, store_location

if TYPE_CHECKING:
    from .runstate import RunState

logger = logging.getLogger(__name__)

RUN_CONTEXT_ATTR = "run_context"  # the crawler's attribute that holds its RunInfo


def new_run_id() -> str:
    # Sortable by time.
    return utc_now_dt().strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def ensure_run_dir(out: Path, run_id: str) -> Path:
    path = out / run_id
    path.mkdir(parents=True, exist_ok=True)
    return path


class ConfigError(Exception):
    """A mistake in the run's setup (a bad setting, an unusable store, a refused start
    URL): the run fetches nothing, run.json says `error`, the command exits 1. The message
    is one line, shown as it is."""

    writes_nothing = False  # True: not even a run folder with its run.json


class JoinRefused(ConfigError):
    """This worker may not join the open run of its key (another version, other settings;
    pipelines/store/workers.py): it writes nothing at all, the run belongs to the others."""

    writes_nothing = True


class RunInfo:
    """What the pipelines and the run folder need to know of the crawl's run: its id, the
    output folder, the store path, the run state (None: no ledger) and the configuration
    error, if any. The crawler owns one (crawler/run_context.py extends it with the
    spider's side); `run_of(crawler)` finds it."""

    def __init__(self, settings: Any):
        self.output_dir = output_dir(settings)
        self.store_path = store_location(settings)  # a SQLite file, or a server URL
        self.run_state: RunState | None = None
        self.site: str | None = None
        self.config_error: ConfigError | None = None
        self.run_id: str = settings.get("HEALTHCRAWL_RUN_ID") or new_run_id()
        if "/" in self.run_id or "\\" in self.run_id or self.run_id in (".", ".."):
            logger.error("HEALTHCRAWL_RUN_ID %r is not a plain folder name", self.run_id)
            self.fail(f"HEALTHCRAWL_RUN_ID {self.run_id!r} is not a plain folder name")
            self.run_id = new_run_id()  # the run.json that reports it lands in a safe place

    @property
    def resumed(self) -> bool:
        return self.run_state is not None and self.run_state.resumed

    def fail(self, error: ConfigError | str) -> ConfigError:
        """Record a configuration error; the first one recorded is the one reported."""
        if not isinstance(error, ConfigError):
            error = ConfigError(error)
        if self.config_error is None:
            self.config_error = error
        return self.config_error

    @property
    def writes_nothing(self) -> bool:
        """A configuration error after which the process leaves no file behind."""
        return self.config_error is not None and self.config_error.writes_nothing

    def run_dir(self) -> Path:
        return ensure_run_dir(self.output_dir, self.run_id)


def run_of(crawler: Any) -> RunInfo:
    """The crawl's run, kept on the crawler (`crawler.run_context`). Made here, without a
    run state, when no component made it first (the pipelines under another spider)."""
    run = getattr(crawler, RUN_CONTEXT_ATTR, None)
    if run is None:
        run = RunInfo(crawler.settings)
        setattr(crawler, RUN_CONTEXT_ATTR, run)
    return run
