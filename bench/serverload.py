"""How fast the server alone answers: pages/s over the article URLs, with keep-alive.

wrk (apt `wrk`) with a Lua script that cycles over the article paths when it is on PATH;
otherwise a threaded keep-alive client in Python (slower than the server, so its number is
a lower bound). Either way the number shows whether the server could be the bottleneck.
"""
from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

_LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""
_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
_TRANSFER = re.compile(r"Transfer/sec:\s+([\d.]+)(\w+)")
_NON2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")


def measure_server(base_url: str, paths: list[str], seconds: float = 5.0,
                   connections: int = 64, threads: int = 2) -> dict:
    """{"tool", "pages_per_s", "seconds", "connections", ...} for GETs cycling over paths."""
    wrk = shutil.which("wrk")
    if wrk:
        return _wrk(wrk, base_url, paths, seconds, connections, threads)
    return _python_client(base_url, paths, seconds, min(connections, 16))


def _wrk(wrk: str, base_url: str, paths: list[str], seconds: float, connections: int,
         threads: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as tmp:
        listing = Path(tmp) / "paths.txt"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        script = Path(tmp) / "cycle.lua"
        script.write_text(_LUA % listing, encoding="utf-8")
        out = subprocess.run(
            [wrk, "-t", str(threads), "-c", str(connections), "-d", f"{seconds:g}s",
             "-s", str(script), base_url], capture_output=True, text=True, check=True).stdout
    rate = _RATE.search(out)
    transfer = _TRANSFER.search(out)
    errors = _NON2XX.search(out)
    return {
        "tool": "wrk",
        "pages_per_s": round(float(rate.group(1))) if rate else None,
        "transfer_per_s": f"{transfer.group(1)}{transfer.group(2)}" if transfer else None,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "seconds": seconds,
        "connections": connections,
        "threads": threads,
        "urls": len(paths),
    }


def _python_client(base_url: str, paths: list[str], seconds: float, workers: int) -> dict:
    parts = urlsplit(base_url)
    deadline = time.perf_counter() + seconds
    counts = [0] * workers
    errors = [0] * workers

    def worker(n: int) -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        i = n
        while time.perf_counter() < deadline:
            conn.request("GET", paths[i % len(paths)])
            response = conn.getresponse()
            response.read()
            if response.status >= 400:
                errors[n] += 1
            counts[n] += 1
            i += workers
        conn.close()

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    return {
        "tool": "python-threads (client-bound: a lower bound for the server)",
        "pages_per_s": round(sum(counts) / elapsed),
        "non_2xx": sum(errors),
        "seconds": round(elapsed, 2),
        "connections": workers,
        "urls": len(paths),
    }
