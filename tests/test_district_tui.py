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
            bar = app.screen.query_one("#import-progress")
            assert bar.styles.visibility == "hidden"  # nothing to show yet
            for char in str(tmp_path / "stick"):
                await pilot.press(char if char != " " else "space")
            await pilot.press("enter")  # check: a dry run
            await app.workers.wait_for_complete()
            await pilot.pause()
            verdicts = app.screen.query_one("#import-verdicts", DataTable)
            assert verdicts.row_count == 2
            assert bar.styles.visibility == "visible" and bar.percentage == 1
            assert db.counts() == (0, 0)  # nothing applied yet
            await pilot.click("#import-apply")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert db.counts()[0] == 2
            await pilot.press("escape")
            await pilot.pause()
            schools = app.screen.query_one("#schools", DataTable)
            names = sorted(str(schools.get_row_at(i)[-1]) for i in range(schools.row_count))
            assert db.summary() == db.counts()
            assert names == ["Мектеп 4", "Мектеп 5"]
            await pilot.press("enter")  # the school's compliance
            await pilot.pause()
            assert app.screen.query_one("#compliance", DataTable).row_count == 1
    finally:
        db.close()


async def test_the_district_tui_speaks_the_users_language_and_keeps_its_lines_in_view(tmp_path: Path, monkeypatch):
    """The footer's keys are in Kyrgyz (or Russian), as in the school's app; a school's compliance
    keeps the school's name in view above a long table; TERM=linux makes it plain."""
    from textual.widgets import Static

    from ubtui import i18n
    from ubtui.district.importer import run_import
    from ubtui.i18n import _
    from ubtui.screens.district import DistrictApp

    from ubtui.domain.associations import Association
    from ubtui.store import Store

    school = small_school(tmp_path / "s.json", "7")
    with Store.open(school) as store:  # more associations than the screen has lines
        for n in range(30):
            store.associations.save(Association(name=f"Бирикме {n:02}"))
    db = DistrictDB(tmp_path / "district.sqlite", writable=True)
    run_import(db, [school])
    monkeypatch.setenv("TERM", "linux")
    try:
        for language in ("ky", "ru"):
            i18n.set_language(language)
            app = DistrictApp(db, today=DEMO_DAY)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                assert app.plain and app.theme == "ansi-dark"
                shown = {active.binding.description for active in app.screen.active_bindings.values() if active.binding.show}
                assert {_("Import"), _("Quit")} <= shown and "Import" not in shown, shown
                await pilot.press("enter")
                await pilot.pause()
                title = app.screen.query_one("#compliance-school", Static)
                assert "Мектеп 7" in str(title.render()) and title.region.y == 1  # under the header, not scrolled away
                assert app.screen.query_one("#compliance").row_count == 31
                await pilot.press("escape", "f4")  # teachers overdue for courses: the name first
                await pilot.pause()
                overdue = app.screen.query_one("#overdue")
                assert sorted(str(overdue.get_row_at(i)[0]) for i in range(overdue.row_count)) == ["Мугалим 7-0", "Мугалим 7-1"]
    finally:
        i18n.set_language("ky")
        db.close()
