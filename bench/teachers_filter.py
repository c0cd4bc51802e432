"""Teachers filter: one keystroke in the Teachers list's filter at 3,000 teachers (issue 8).

The school is the demo school with its teachers (and their courses) copied until there are
K x 300 teachers (`--scale`, default 10: 3,000). In a headless app at 80×24, a keystroke is: the character goes
into the filter, the screen filters its rows and refills the list, and the next frame is
drawn (from the key to the first refresh after the handler ran). Keys come at a quick
typist's pace (PACE); whatever the list still does between them (ubtui adds a long list in
parts) is what the next key waits for. The sequence types a few letters and deletes them
again, so both short and long needles are timed (a one-letter needle keeps most rows).

The baseline is a bare Textual app: an Input and a DataTable with the same 3,000 rows of
plain strings, refilled with the rows whose text holds the needle on every change. The
ratio says what ubtui's list costs over the least a DataTable filter costs; the absolute
worst keystroke is printed against the 100 ms budget of the issue.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import datetime as dt
import tempfile
import time
from pathlib import Path

from bench import median, result_line, verdict

BUDGET_MS = 100.0
RATIO_BUDGET = 3.0
TODAY = dt.date(2025, 11, 20)
TYPED = ["а", "с", "а", None, None, None, "к", "у", None, None]  # None: Backspace
PER_SCALE = 300
PACE = 0.25  # seconds between two keystrokes: a quick typist


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scale", type=int, default=10, metavar="K",
                        help=f"K x {PER_SCALE} teachers in the school (default 10: 3,000)")
    parser.add_argument("--runs", type=int, default=3, metavar="N", help="times the keystroke sequence is typed (default 3)")
    parser.add_argument("--warmup", type=int, default=1, metavar="N", help="untimed sequences first (default 1)")


def build_school(path: Path, teachers: int) -> int:
    """The demo school with teachers and their courses copied up to `teachers`; the count."""
    from ubtui.demo import fill
    from ubtui.domain.records import new_id
    from ubtui.store import Store

    with Store.open(path) as store:
        fill(store, TODAY)
        document = store.school.document()
        originals = list(document["teachers"].values())
        courses = list(document.get("courses", {}).values())
        new_teachers, new_courses = [], []
        number = 2
        while len(originals) + len(new_teachers) < teachers:
            for record in originals:
                if len(originals) + len(new_teachers) >= teachers:
                    break
                twin = copy.deepcopy(record)
                twin["id"] = new_id()
                twin["full_name"] = f"{record['full_name']} {number}"
                new_teachers.append(twin)
                for course in courses:
                    if course.get("teacher_id") == record["id"]:
                        taken = copy.deepcopy(course)
                        taken["id"] = new_id()
                        taken["teacher_id"] = twin["id"]
                        new_courses.append(taken)
            number += 1
        with store.batch():
            store.school.db.table("teachers").insert_multiple(new_teachers)
            store.school.db.table("courses").insert_multiple(new_courses)
        return len(store.teachers.all())


async def _type(pilot, field, handled, runs: int, warmup: int) -> list[float]:
    """Type TYPED `warmup + runs` times at a typist's pace; the time of each keystroke from the
    key to the next frame drawn after its handler ran (`handled()` counts the handler's runs)."""
    times = []
    loop = asyncio.get_running_loop()
    for run in range(warmup + runs):
        for char in TYPED:
            before = handled()
            start = time.perf_counter()
            if char is None:
                field.action_delete_left()
            else:
                field.insert_text_at_cursor(char)
            while handled() == before:
                await asyncio.sleep(0.0005)
            drawn = loop.create_future()
            pilot.app.call_after_refresh(lambda: drawn.done() or drawn.set_result(time.perf_counter()))
            end = await drawn
            if run >= warmup:
                times.append(end - start)
            await asyncio.sleep(PACE)
        await pilot.pause()
    return times


async def time_ubtui(path: Path, runs: int, warmup: int) -> tuple[list[float], int]:
    from textual.widgets import Input

    from ubtui.app import UbtuiApp
    from ubtui.store import Store

    store = Store.open(path, read_only=True)
    app = UbtuiApp(store, language_forced="ky", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "a")  # the whole school
        await pilot.pause()
        shown = len(app.screen._rows)
        field = app.screen.query_one("#filter", Input)
        field.focus()
        await pilot.pause()
        screen = app.screen
        times = await _type(pilot, field, lambda: screen._fill_serial, runs, warmup)
    store.close()
    return times, shown


async def time_bare(rows: list[tuple[str, ...]], runs: int, warmup: int) -> list[float]:
    from textual.app import App
    from textual.widgets import DataTable, Input

    class Bare(App[None]):
        def compose(self):
            yield Input(id="filter")
            yield DataTable(id="rows", cursor_type="row")

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            for label, width in (("name", 28), ("subjects", 12), ("cat", 7), ("exp", 4), ("status", 15)):
                table.add_column(label, width=width)
            self.refill("")

        refills = 0

        def refill(self, needle: str) -> None:
            self.refills += 1
            table = self.query_one(DataTable)
            table.clear()
            for row in rows:
                if needle in row[-1]:
                    table.add_row(*row[:-1])

        def on_input_changed(self, event: Input.Changed) -> None:
            self.refill(event.value.strip().casefold())

    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.query_one(Input)
        field.focus()
        await pilot.pause()
        return await _type(pilot, field, lambda: app.refills, runs, warmup)


def bare_rows(path: Path) -> list[tuple[str, ...]]:
    from ubtui.store import Store

    with Store.open(path, read_only=True) as store:
        rows = []
        for teacher, status in store.course_statuses(TODAY):
            text = (teacher.full_name, teacher.subjects_text(), teacher.category, "10", status.state)
            rows.append((*text, " ".join(text).casefold()))
        return rows


def run(args: argparse.Namespace) -> int:
    from ubtui import i18n

    i18n.set_language("ky")
    folder = Path(tempfile.mkdtemp(prefix="ubtui-bench-teachers-"))
    path = folder / "school.json"
    count = build_school(path, args.scale * PER_SCALE)
    ours, shown = asyncio.run(time_ubtui(path, args.runs, args.warmup))
    bare = asyncio.run(time_bare(bare_rows(path), args.runs, args.warmup))
    ours_ms, bare_ms = median(ours) * 1000, median(bare) * 1000
    worst_ms = max(ours) * 1000
    ratio = ours_ms / bare_ms
    print(f"teachers filter: {count} teachers, {shown} in the whole-school list, "
          f"{len(ours)} keystrokes each side ({args.runs} runs of {len(TYPED)})")
    print(f"  ubtui:  median {ours_ms:.1f} ms, worst {worst_ms:.1f} ms a keystroke "
          f"(budget {BUDGET_MS:.0f} ms: {verdict(worst_ms / BUDGET_MS, 1.0)})")
    print(f"  bare DataTable filter: median {bare_ms:.1f} ms")
    print(f"  ratio {ratio:.2f}x (budget {RATIO_BUDGET:.1f}x: {verdict(ratio, RATIO_BUDGET)})")
    print(result_line("teachers-filter", ratio, RATIO_BUDGET))
    print(result_line("teachers-filter-worst", worst_ms / BUDGET_MS, 1.0))
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    return 0
