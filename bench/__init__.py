"""The budgets of DESIGN.md §9, measured as ratios against a bare baseline.

    python -m bench                 lists the benchmarks
    python -m bench startup [...]   ubtui --demo to its first screen vs a bare Textual app
    python -m bench make-school --scale N PATH   a school file of N times the demo (sealed, sound)
    python -m bench save [...]      one saved session at 100x the demo vs bare json.dumps + fsync
    python -m bench teachers-filter a keystroke in the Teachers filter at 3,000 teachers vs a bare DataTable filter
    python -m bench all [...]       all of them

Each benchmark prints lines a person can read, then one `RESULT name ratio budget ok|over`
line per budget.  Nothing here is asserted in the tests (tests/test_bench_smoke.py only checks
that the benchmarks run): speed depends on the machine, a ratio in one run does not.

This module stays light: it is imported before every child process the benchmarks time.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class Benchmark:
    name: str
    module: str  # has add_arguments(parser) and run(args) -> int
    summary: str


BENCHMARKS = [
    Benchmark(
        "make-school",
        "bench.school",
        "not a benchmark: write a school file of N times the demo (--scale N PATH), sealed and sound, "
        "the data every benchmark of a big school uses",
    ),
    Benchmark(
        "startup",
        "bench.startup",
        "ubtui --demo (or --scale N: a school of N times the demo) from process start to its first screen vs a "
        "bare Textual app (Header, DataTable of 50 rows, Footer): wall time and peak memory, budget <= 1.3x each "
        "(at 10x: 1.5x and 1.6x)",
    ),
    Benchmark(
        "save",
        "bench.save",
        "one saved session through the Store at 100x the demo (the first save of the day, with its backup, "
        "shown apart) vs a bare json.dumps + write + flush + fsync of the same data, budget <= 2x",
    ),
    Benchmark(
        "teachers-filter",
        "bench.teachers_filter",
        "one keystroke in the Teachers list's filter at 3,000 teachers vs a bare Input + DataTable filter "
        "of the same rows, budget <= 3x and <= 100 ms a keystroke",
    ),
    Benchmark(
        "protocols",
        "bench.protocols",
        "the demo school's year of protocols PDF (each association) vs bare ReportLab setting the same "
        "text with the same fonts, budget <= 1.5x",
    ),
    Benchmark(
        "district",
        "bench.district",
        "district import of 100 packets (~200k records, one transaction) vs json.loads of the same files, "
        "budget <= 3x; peak memory; the district report; a country's 2,300 schools printed without a budget",
    ),
]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def verdict(ratio: float, budget: float) -> str:
    """`within budget`, or `OVER budget by X%` (X = how far past the budget, not past 1x)."""
    if ratio <= budget:
        return "within budget"
    return f"OVER budget by {(ratio / budget - 1) * 100:.0f}%"


def result_line(name: str, ratio: float, budget: float) -> str:
    """The machine-readable last line(s): `RESULT name ratio budget ok|over`."""
    return f"RESULT {name} {ratio:.2f} {budget:.2f} {'ok' if ratio <= budget else 'over'}"
