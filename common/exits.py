"""The exit codes of a run, for schedulers (README.md "Scheduled runs"): the command line
returns them, run.json carries them (`exit_code`), pipelines/quality.py decides them."""
from __future__ import annotations

EXIT_OK = 0  # complete and within every quality bar
EXIT_USAGE = 1  # usage or configuration error: nothing (more) was crawled
EXIT_QUALITY = 2  # complete, but below a quality bar (failures, drops, leaks, shrink)
EXIT_INTERRUPTED = 3  # interrupted, or a store/export error: resumable
