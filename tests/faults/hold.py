"""A task for worker-pool tests: it says that it started, then keeps its worker busy."""
from __future__ import annotations

import time
from pathlib import Path


def hold(marker: str, seconds: float) -> None:
    Path(marker).touch()
    time.sleep(seconds)
