"""Memory stays flat while exporting: 20,000 article-sized records through all writers in a
fresh process (so the measurement is not polluted by other tests), RSS sampled with psutil.
Run as a script to see the numbers: python tests/test_export_memory.py [N]"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a long run in a child process

ROOT = Path(__file__).resolve().parents[1]
logger = logging.getLogger(__name__)

N = 20_000
LIMIT_MB = 50


def measure(n: int) -> dict:
    import pandas  # noqa: F401 - pyarrow imports it on its first conversion (~55 MB, once)
    import psutil

    from pipelines.export import Exporter
    from pipelines.synthetic import synthetic_record

    proc = psutil.Process()
    with tempfile.TemporaryDirectory() as tmp:
        exporter = Exporter(Path(tmp))
        start_rss = proc.memory_info().rss
        peaks = [start_rss, start_rss]  # highest RSS in the first and the second half
        start = time.perf_counter()
        for i in range(n):
            exporter.write(synthetic_record(i))
            if i % 250 == 0:
                half = int(i >= n // 2)
                peaks[half] = max(peaks[half], proc.memory_info().rss)
        writing = max(peaks)
        exporter.close()  # Parquet is converted here, from its spool (parquet_spool.py)
        elapsed = time.perf_counter() - start
        closed = proc.memory_info().rss
        sizes = {p.name: p.stat().st_size for p in Path(tmp).iterdir()}
    mb = 2**20
    return {"records": n, "start_mb": round(start_rss / mb, 1),
            "growth_mb": round((max(writing, closed) - start_rss) / mb, 1),
            "writing_growth_mb": round((writing - start_rss) / mb, 1),
            "second_half_extra_mb": round((peaks[1] - peaks[0]) / mb, 1),
            "us_per_record": round(elapsed / n * 1e6, 1), "bytes": sizes}


def test_rss_does_not_grow_with_the_run() -> None:
    out = subprocess.run([sys.executable, __file__, str(N)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         check=True)
    result = json.loads(out.stdout)
    logger.info("export memory: %s", result)
    assert result["records"] == N
    # Growth over the whole run, buffers included (a Parquet row group's Arrow data and its
    # encoding while the spool is converted at close, file buffers); it does not depend on
    # the run's length: the second half of the writes needs no more memory than the first,
    # and while the crawl writes, Parquet holds no rows in memory (parquet_spool.py).
    assert result["growth_mb"] < LIMIT_MB, result
    assert result["second_half_extra_mb"] < 10, result
    assert result["writing_growth_mb"] < 10, result
    assert result["bytes"]["articles.jsonl"] > N * 5_000  # the records really were big


if __name__ == "__main__":
    sys.stdout.write(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else N)) + "\n")


PANDAS_PROBE = """
import sys, tempfile
from pathlib import Path
from pipelines.export import Exporter
from pipelines.synthetic import synthetic_record
tmp = Path(tempfile.mkdtemp())
exporter = Exporter(tmp, formats=("jsonl", "parquet"))
for i in range(300):
    exporter.write(synthetic_record(i))
exporter.close()
after_export = "pandas" in sys.modules
from pipelines.load import load_run
frame = load_run(tmp).articles
print(after_export, type(frame).__module__.split(".")[0], len(frame))
"""


def test_parquet_export_does_not_import_pandas() -> None:
    # pyarrow imports pandas on its first list conversion (~45 MB of RSS in a crawl);
    # pipelines/export/parquet.py skip_pandas_probe keeps a crawl's export from paying it,
    # and loading the run with pandas afterwards still works in the same process.
    out = subprocess.run([sys.executable, "-c", PANDAS_PROBE], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         check=True)
    assert out.stdout.split() == ["False", "pandas", "300"], out.stdout + out.stderr
