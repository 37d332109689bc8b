"""Progress of a long run: plain periodic lines on stderr when it is not a terminal."""
import pytest
from conftest import run_cli

pytestmark = pytest.mark.slow  # runs the command line in a child process


def test_demo_prints_progress_lines_when_not_a_tty(tmp_path):
    proc = run_cli(["demo", "--pages", "60", "--out", str(tmp_path),
                    "-s", "HEALTHCRAWL_PROGRESS_INTERVAL=0.2",
                    "-s", "DOWNLOAD_DELAY=0.01", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"])
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = [line for line in proc.stderr.splitlines() if line.startswith("progress: ")]
    assert len(lines) >= 2, proc.stderr[-2000:]
    assert "pages/s" in lines[-1] and "records" in lines[-1]
    final = lines[-1]
    assert final.startswith("progress: ") and " 60 records" in final
    assert "report: " in proc.stderr and (tmp_path / "latest" / "report.html").is_file()
