"""The benchmarks run and report (smallest settings). No timing is asserted here: speed
lives in `python -m bench`, whose ratios a person reads."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESULT = re.compile(r"^RESULT (?P<name>[a-z0-9-]+) (?P<ratio>\d+\.\d\d) (?P<budget>\d+\.\d\d) (?P<verdict>ok|over)$", re.M)


def bench(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "UBTUI_EXIT_WHEN_READY"}
    return subprocess.run(
        [sys.executable, "-m", "bench", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def results(output: str) -> dict[str, re.Match[str]]:
    return {match["name"]: match for match in RESULT.finditer(output)}


def test_without_a_name_it_lists_the_benchmarks() -> None:
    done = bench()
    assert done.returncode == 0, done.stderr
    assert "startup" in done.stdout and "save" in done.stdout
    assert not results(done.stdout)  # listing runs nothing


def test_an_unknown_benchmark_is_a_usage_error() -> None:
    done = bench("nosuch")
    assert done.returncode == 2
    assert "RESULT" not in done.stdout


@pytest.mark.skipif(os.name != "posix", reason="the start-up benchmark runs the apps on a pseudo-terminal")
def test_startup_runs_both_apps_and_reports_time_and_memory() -> None:
    done = bench("startup", "--runs", "1", "--warmup", "0")
    assert done.returncode == 0, done.stdout + done.stderr
    found = results(done.stdout)
    assert set(found) == {"startup-time", "startup-memory"}, done.stdout
    assert float(found["startup-time"]["budget"]) == 1.3
    assert float(found["startup-memory"]["budget"]) == 1.3
    assert all(float(m["ratio"]) > 0 for m in found.values())
    assert "ubtui --demo" in done.stdout and "bare Textual app" in done.stdout
    # The last lines are the RESULT lines.
    assert done.stdout.strip().splitlines()[-1].startswith("RESULT ")


def test_save_edits_through_the_store_and_reports_the_ratio(tmp_path: Path) -> None:
    done = bench("save", "--runs", "1", "--warmup", "0", "--scale", "1", "--dir", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    found = results(done.stdout)
    assert list(found) == ["save-x1"], done.stdout  # "save" is the budget's scale, 100x the demo
    assert float(found["save-x1"]["budget"]) == 2.0
    assert float(found["save-x1"]["ratio"]) > 0
    assert "first save of the day" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == found["save-x1"].group(0)
    assert list(tmp_path.iterdir()) == []  # its scratch folder is removed


def test_all_runs_every_benchmark() -> None:
    done = bench("all", "--runs", "1", "--warmup", "0", "--scale", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    expected = {"save-x1", "district-import"} | ({"startup-time", "startup-memory"} if os.name == "posix" else set())
    assert expected <= set(results(done.stdout)), done.stdout


def test_the_terminal_model_sees_a_frame_and_ignores_a_repaint_of_it() -> None:
    from bench.term import Screen

    screen = Screen(10, 3)
    frame = "\x1b[?1049h\x1b[1;1H\x1b[1;38;5;214mКыргыз\x1b[0m\x1b[3;4Habc".encode()
    letter = frame.index("К".encode())
    assert screen.feed(frame[:12]) is False  # a mode switch and half a cursor move draw nothing
    assert screen.feed(frame[12 : letter + 1]) is False  # …nor half a letter
    assert screen.feed(frame[letter + 1 :]) is True
    assert screen.text() == "Кыргыз\n\n   abc"
    assert screen.feed(frame) is False  # the same frame again changes nothing
    assert screen.feed(b"\x1b[3;4H\x1b[K") is True
    assert screen.text() == "Кыргыз\n\n"


def test_district_bench_runs_at_the_smallest_scale() -> None:
    done = bench("district", "--packets", "2", "--scale", "1", timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    found = results(done.stdout)
    assert set(found) == {"district-import"}, done.stdout
    assert float(found["district-import"]["budget"]) == 3.0 and float(found["district-import"]["ratio"]) > 0
    assert "json.loads" in done.stdout and "country: skipped" in done.stdout and "report" in done.stdout


def test_teachers_filter_types_in_both_apps_and_reports() -> None:
    done = bench("teachers-filter", "--runs", "1", "--warmup", "0", "--scale", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    found = results(done.stdout)
    assert set(found) == {"teachers-filter", "teachers-filter-worst"}, done.stdout
    assert float(found["teachers-filter"]["budget"]) == 3.0
    assert float(found["teachers-filter"]["ratio"]) > 0
    assert "300 teachers" in done.stdout and "bare DataTable" in done.stdout
