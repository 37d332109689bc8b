"""The project deploys to a real local scrapyd (127.0.0.1) and a scheduled job crawls the
demo site into the output folder it is given."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from conftest import ROOT, free_port

BIN = Path(sys.executable).parent
pytestmark = [pytest.mark.slow,  # starts scrapyd and a crawl
              pytest.mark.skipif(not (BIN / "scrapyd").exists(),
                                 reason="scrapyd is a dev dependency (make test installs it)")]


def call(url: str, fields: list[tuple[str, str]] | None = None, body: bytes | None = None,
         headers: dict | None = None) -> dict:
    data = body if body is not None else (
        urllib.parse.urlencode(fields).encode() if fields is not None else None)
    req = urllib.request.Request(url, data=data, headers=headers or {})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


def multipart(fields: dict[str, str], egg: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
             .encode() for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; '
                 f'filename="project.egg"\r\nContent-Type: application/octet-stream\r\n\r\n'
                 .encode() + egg + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


@pytest.fixture
def scrapyd(tmp_path):
    port = free_port()
    (tmp_path / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\n"
        f"eggs_dir = {tmp_path}/eggs\nlogs_dir = {tmp_path}/logs\ndbs_dir = {tmp_path}/dbs\n"
        "items_dir =\njobs_to_keep = 5\nmax_proc = 1\npoll_interval = 0.5\n")
    proc = subprocess.Popen([str(BIN / "scrapyd")], cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL,
                            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            call(base + "daemonstatus.json")
            break
        except OSError:
            time.sleep(0.1)
    yield base, tmp_path
    proc.terminate()
    proc.wait(timeout=10)


def test_deploy_and_schedule_on_scrapyd(scrapyd, demo_server, tmp_path):
    base, workdir = scrapyd
    egg = tmp_path / "healthcrawl.egg"
    build = subprocess.run([str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    assert build.returncode == 0, build.stderr
    body, boundary = multipart({"project": "healthcrawl", "version": "1"}, egg.read_bytes())
    added = call(base + "addversion.json", body=body,
                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert added["status"] == "ok", added
    assert "health" in call(base + "listspiders.json?project=healthcrawl")["spiders"]

    out = tmp_path / "out"
    job = call(base + "schedule.json", [
        ("project", "healthcrawl"), ("spider", "health"), ("site", "demo"),
        ("url", demo_server.base_url), ("setting", f"HEALTHCRAWL_OUTPUT_DIR={out}"),
        ("setting", "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS=127.0.0.1"),
        ("setting", "AUTOTHROTTLE_ENABLED=0"), ("setting", "DOWNLOAD_DELAY=0"),
        ("setting", "CONCURRENT_REQUESTS_PER_DOMAIN=16")])
    assert job["status"] == "ok", job
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        jobs = call(base + "listjobs.json?project=healthcrawl")
        if any(j["id"] == job["jobid"] for j in jobs["finished"]):
            break
        time.sleep(0.5)
    else:
        pytest.fail("the scrapyd job did not finish")
    summary = json.loads((out / "latest" / "run.json").read_text())
    assert summary["status"] == "complete" and summary["exit_code"] == 0
    assert summary["records"] == 300
