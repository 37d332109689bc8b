"""Every HEALTHCRAWL_* setting, declared once: its default and one line saying what it does
(the way Scrapy's scrapy/settings/default_settings.py declares Scrapy's).

crawler/settings.py (the Scrapy project settings module) loads DEFAULTS, so every component
reads `settings.getint(name)` from the crawler's settings without a fallback of
its own. Code outside a crawl (tests, `healthcrawl reprocess`) builds its settings from
`project_defaults()` plus its own values. docs/settings.md shows this table; a test keeps the
two equal (`python -m common.default_settings --write docs/settings.md` rewrites it).
"""
from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    description: str


SETTINGS: tuple[Setting, ...] = (
    # -- where a run lands, and which run it is
    Setting("HEALTHCRAWL_OUTPUT_DIR", "output",
            "runs land in `<dir>/<run-id>/`; `<dir>/latest` points at the newest complete one"),
    Setting("HEALTHCRAWL_RUN_ID", "",
            "the id (a folder name) a new run gets; empty: made from the clock (a resumed run "
            "keeps its own)"),
    Setting("HEALTHCRAWL_FRESH", False,
            "True: do not resume an interrupted run, start a new one (`--fresh`)"),
    Setting("HEALTHCRAWL_LEDGER", True,
            "record every URL's outcome in the store, so a crashed run can resume"),
    Setting("HEALTHCRAWL_LEDGER_FLUSH_S", 1.0,
            "seconds between ledger commits (shorter: a crash re-fetches less)"),
    # -- what to crawl
    Setting("HEALTHCRAWL_MAX_PAGES", 0, "most pages requested (`--max-pages`); 0: no limit"),
    Setting("HEALTHCRAWL_GENERIC", False,
            "True: ignore site profiles, generic extraction everywhere (`--generic`)"),
    Setting("HEALTHCRAWL_ALLOW_PRIVATE_HOSTS", "",
            "comma-separated private hosts that may be fetched, e.g. `127.0.0.1`"),
    Setting("HEALTHCRAWL_CONTACT", "",
            "operator contact (http(s) URL or e-mail) in the User-Agent; empty: the "
            "environment variable of the same name"),
    Setting("HEALTHCRAWL_CONDITIONAL", True,
            "re-fetch known pages with If-None-Match / If-Modified-Since, and replay a page "
            "that answers 304 or 200 with the bytes of its last full fetch; off: every page "
            "fetched in full and analysed"),
    # -- crawler traps (crawler/traps.py), per host; 0 switches a limit off
    Setting("HEALTHCRAWL_TRAP_DEPTH", 16, "most path segments of a URL (`refused/trap_depth`)"),
    Setting("HEALTHCRAWL_TRAP_REPEAT", 3,
            "most occurrences of one segment in a path, /a/b/a/b/... (`refused/trap_repeat`)"),
    Setting("HEALTHCRAWL_TRAP_QUERY", 1000,
            "most query variants of one path, ?page=N, calendars (`refused/trap_query`)"),
    Setting("HEALTHCRAWL_TRAP_SITEMAP_DEPTH", 3,
            "most sitemap index nesting levels (`refused/trap_sitemap_depth`)"),
    # -- how pages are parsed
    Setting("HEALTHCRAWL_EXTRACT_WORKERS", -1,
            "generic analysis in worker processes: -1 auto (1 for generic crawls allowed "
            "2+ cores), 0 inline"),
    Setting("HEALTHCRAWL_ANALYSIS_TIME_LIMIT", 60.0,
            "seconds a page's analysis may take in a worker process; past it the worker is "
            "killed and restarted and the page recorded as `failed/extraction_error`; 0: "
            "no limit"),
    Setting("HEALTHCRAWL_LEARN", True,
            "generic crawls learn each host's template and extract with it once verified "
            "(cleaners/learned.py); off: every page generic"),
    Setting("HEALTHCRAWL_LEARN_SAMPLES", 4,
            "article pages of a host (and URL shape) analysed generically before its "
            "template is induced"),
    Setting("HEALTHCRAWL_LEARN_ATTEMPTS", 10,
            "inductions that found no template plus templates dropped, per host and URL shape, "
            "before it rests between attempts (HEALTHCRAWL_LEARN_VERIFY_EVERY article pages, "
            "doubled after each further failure)"),
    Setting("HEALTHCRAWL_LEARN_VERIFY_EVERY", 50,
            "every Nth page extracted with a learned template is also analysed generically; "
            "a disagreement drops the template"),
    Setting("HEALTHCRAWL_GC_TUNING", True,
            "fewer garbage-collector passes over long-lived crawl state (crawler/gctune.py)"),
    Setting("HEALTHCRAWL_HEAP_TRIM_S", 10.0,
            "seconds between handing the crawl process's freed C heap back to the system "
            "(glibc malloc_trim, crawler/heaptrim.py); 0: off"),
    # -- item pipelines: validate, dedupe, store, export
    Setting("HEALTHCRAWL_VALIDATE_ENABLED", True,
            "validate records (required fields, body length, field types); off: NotConfigured"),
    # Counted in non-whitespace characters, not words (a CJK "word" is one character): 150 is
    # ~25 English words or a short paragraph of Chinese. The demo's shortest Chinese article
    # has 237, its shortest English one 633, while stubs and cookie notices that an extractor
    # mistakes for a body stay under ~100.
    Setting("HEALTHCRAWL_MIN_BODY_CHARS", 150,
            "a shorter body (non-whitespace characters) is dropped as `body_too_short`"),
    Setting("HEALTHCRAWL_DEDUPE_ENABLED", True,
            "drop records whose canonical URL or content was seen earlier in the run"),
    Setting("HEALTHCRAWL_STORE_ENABLED", True,
            "upsert records into the store (also needed for change log and feeds)"),
    Setting("HEALTHCRAWL_STORE_PATH", "",
            "the store file; empty: `<HEALTHCRAWL_OUTPUT_DIR>/healthcrawl.sqlite`"),
    Setting("HEALTHCRAWL_STORE", "",
            "the store (`--store`): a SQLite file path or `postgresql://USER@HOST:PORT/DB`; "
            "empty: HEALTHCRAWL_STORE_PATH"),
    Setting("HEALTHCRAWL_STORE_RETRY_S", 60.0,
            "a PostgreSQL store whose server went away is waited for this long (reconnects "
            "with backoff) before the write fails"),
    Setting("HEALTHCRAWL_WORKER_HEARTBEAT_S", 5.0,
            "a worker of a run on a PostgreSQL store marks itself alive this often; one "
            "silent for 3 times as long is dead (pipelines/store/base.py join_run)"),
    Setting("HEALTHCRAWL_STORE_BATCH_SIZE", 200,
            "the store commits every this many records (and at close)"),
    Setting("HEALTHCRAWL_STORE_FLUSH_S", 5.0, "the store commits at least every this many seconds"),
    Setting("HEALTHCRAWL_FORMATS", "jsonl,csv,parquet",
            "export formats, comma-separated (jsonl, csv, parquet); empty: no export; an "
            "unknown one: configuration error (exit 1)"),
    Setting("HEALTHCRAWL_CSV_EXCEL", False, "CSV for Excel: UTF-8 with a BOM (`--excel`)"),
    Setting("HEALTHCRAWL_PARQUET_ROW_GROUP", 1000, "most records per Parquet row group"),
    Setting("HEALTHCRAWL_PARQUET_ROW_GROUP_MB", 16.0,
            "a Parquet row group is written once its records reach this many MB"),
    Setting("HEALTHCRAWL_FEED_SIZE", 50, "newest records per site feed; 0: no feeds"),
    # -- quality bars (pipelines/quality.py): a complete run over one exits 2
    Setting("HEALTHCRAWL_MAX_FAILURE_RATIO", 0.05,
            "most failed pages (`failed/<error>`) per page parsed or confirmed unchanged (304 "
            "or the same bytes)"),
    Setting("HEALTHCRAWL_MAX_DROP_RATIO", 0.05,
            "most dropped records (duplicates not counted) per page parsed or confirmed"),
    Setting("HEALTHCRAWL_MAX_LEAK_RATIO", 0.01,
            "most `boilerplate_leak` warnings per page parsed or confirmed"),
    Setting("HEALTHCRAWL_MAX_SHRINK_RATIO", 0.10,
            "most share of the previous good snapshot left unconfirmed (removed or not "
            "re-checked) before the run ends `shrank`; -1: off"),
    # -- raw archive (crawler/archive/)
    Setting("HEALTHCRAWL_ARCHIVE", True,
            "keep every response and request as WARC/1.1 in `<run>/archive/` (`--no-archive`)"),
    Setting("HEALTHCRAWL_ARCHIVE_MAX_BYTES", 1_000_000_000,
            "a new archive file once one reaches this size (1 GB: what ISO 28500 suggests)"),
    Setting("HEALTHCRAWL_ARCHIVE_LEVEL", 5,
            "libdeflate level 1-12 of the archive (5: about gzip -6's size, half its CPU)"),
    # -- a crawl on several processes or machines (crawler/frontier/, docs/scale-out.md)
    Setting("HEALTHCRAWL_FRONTIER", "",
            "`redis://HOST:PORT/DB`: the crawl's queue, dupefilter, leases, per-host slots and "
            "robots.txt live in Redis, shared by every worker of the run; empty: one process"),
    Setting("HEALTHCRAWL_FRONTIER_LEASE_S", 30.0,
            "a request taken by a worker that stops renewing it (died) goes back to the "
            "queue this many seconds after its last renewal"),
    Setting("HEALTHCRAWL_FRONTIER_POLL_S", 1.0,
            "seconds between a worker's frontier ticks: lease renewal, expired leases "
            "re-queued, an idle worker looking for work or for the crawl's end"),
    Setting("HEALTHCRAWL_FRONTIER_TTL_S", 7 * 86400,
            "the Redis keys of a run left unfinished (every worker gone) expire after this "
            "many seconds without a worker; a finished run's are deleted at once"),
    Setting("HEALTHCRAWL_FRONTIER_OUT", "",
            "where the run's last worker builds `<dir>/<run-id>/` from the store; empty: "
            "HEALTHCRAWL_OUTPUT_DIR, which the add-on then points at the worker's own "
            "`<dir>/workers/<host>-<pid>/` (its archive and its own run.json)"),
    # -- the command line
    Setting("HEALTHCRAWL_PROGRESS", False,
            "a live status line (terminal) or periodic log lines (the command line sets it)"),
    Setting("HEALTHCRAWL_PROGRESS_INTERVAL", 10.0,
            "seconds between progress log lines when stderr is not a terminal"),
)

DEFAULTS: dict[str, Any] = {s.name: s.default for s in SETTINGS}

# Environment variables of the same prefix; they are not settings.
ENVIRONMENT: tuple[Setting, ...] = (
    Setting("HEALTHCRAWL_CONTACT", None, "used when the setting HEALTHCRAWL_CONTACT is empty"),
    Setting("HEALTHCRAWL_NGINX", None,
            "the nginx binary of the demo's nginx server (crawler/demo/nginx.py); default: "
            "`nginx` on PATH"),
)

TABLE_START = "<!-- settings table: python -m common.default_settings --write docs/settings.md -->"
TABLE_END = "<!-- end of settings table -->"


def project_defaults(values: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """DEFAULTS with `values` over them: what a crawl's settings hold, for code that builds
    its settings by hand (`scrapy.settings.Settings(project_defaults({...}))`)."""
    return {**DEFAULTS, **(values or {})}


def _cell(value: Any) -> str:
    return f"`{value!r}`" if value is not None else ""


def markdown_table() -> str:
    rows = ["| setting | default | what it does |", "|---|---|---|"]
    rows += [f"| `{s.name}` | {_cell(s.default)} | {s.description} |" for s in SETTINGS]
    rows += ["", "| environment variable | what it does |", "|---|---|"]
    rows += [f"| `{s.name}` | {s.description} |" for s in ENVIRONMENT]
    return "\n".join(rows)


def table_in(text: str) -> str:
    """The generated part of a document: between TABLE_START and TABLE_END."""
    start = text.index(TABLE_START) + len(TABLE_START)
    return text[start:text.index(TABLE_END, start)].strip("\n")


def write_table(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(TABLE_START) + len(TABLE_START)
    end = text.index(TABLE_END, start)
    path.write_text(f"{text[:start]}\n{markdown_table()}\n{text[end:]}", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover - a developer's tool
    if sys.argv[1:2] == ["--write"] and len(sys.argv) == 3:
        write_table(Path(sys.argv[2]))
    else:
        sys.stdout.write(markdown_table() + "\n")
