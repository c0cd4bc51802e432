"""`python -m bench protocols` runs and reports its ratio (no timing is asserted: speed lives in bench/)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_protocols_benchmark_runs_and_reports() -> None:
    env = {k: v for k, v in os.environ.items() if k != "UBTUI_EXIT_WHEN_READY"}
    done = subprocess.run(
        [sys.executable, "-m", "bench", "protocols", "--runs", "1", "--warmup", "0"],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    last = done.stdout.strip().splitlines()[-1]
    found = re.fullmatch(r"RESULT protocols (\d+\.\d\d) 1\.50 (ok|over)", last)
    assert found, done.stdout
    assert float(found.group(1)) > 0
    assert "15 protocols" in done.stdout  # every association's five protocols of last year
