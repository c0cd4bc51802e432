"""Pilot: the district officer checks a stick (dry run), applies it, and sees the schools."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DEMO_DAY
from tests.test_district import packet_of, small_school
from ubtui.district.db import DistrictDB


async def test_dry_run_then_apply_from_the_district_tui(tmp_path: Path):
    from textual.widgets import DataTable

    from ubtui.screens.district import DistrictApp, ImportScreen

    for n in (4, 5):
        packet_of(small_school(tmp_path / f"s{n}.json", str(n)), tmp_path / "stick")
    db = DistrictDB(tmp_path / "district.sqlite", writable=True)
    app = DistrictApp(db, today=DEMO_DAY)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("f2")
            await pilot.pause()
            assert isinstance(app.screen, ImportScreen)
            for char in str(tmp_path / "stick"):
                await pilot.press(char if char != " " else "space")
            await pilot.press("enter")  # check: a dry run
            await app.workers.wait_for_complete()
            await pilot.pause()
            verdicts = app.screen.query_one("#import-verdicts", DataTable)
            assert verdicts.row_count == 2
            assert db.counts() == (0, 0)  # nothing applied yet
            await pilot.click("#import-apply")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert db.counts()[0] == 2
            await pilot.press("escape")
            await pilot.pause()
            schools = app.screen.query_one("#schools", DataTable)
            names = sorted(str(schools.get_row_at(i)[0]) for i in range(schools.row_count))
            assert names == ["Мектеп 4", "Мектеп 5"]
            await pilot.press("enter")  # the school's compliance
            await pilot.pause()
            assert app.screen.query_one("#compliance", DataTable).row_count == 1
    finally:
        db.close()
