"""Pilot: the district officer checks a stick (dry run), applies it, and sees the schools."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DEMO_DAY
from tests.test_district import packet_of, small_school
from ubtui.district.db import DistrictDB


@pytest.fixture(autouse=True)
def _no_sticks(monkeypatch):
    """No USB stick of this machine fills the import's folder (a test that wants one says so)."""
    from ubtui.screens import district as screens

    monkeypatch.setattr(screens, "removable_drives", lambda: [])


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
                table = app.screen.query_one("#compliance")
                assert table.row_count == 31
                figures = list(table.columns.values())[:-1]  # every figure in view, the association's name after them
                assert sum(column.get_render_width(table) for column in figures) <= 80 - 12
                assert str(table.get_row_at(0)[-1]) in str(app.screen.query_one("#compliance-detail", Static).render())
                await pilot.press("escape", "f4")  # teachers overdue for courses: the name first
                await pilot.pause()
                overdue = app.screen.query_one("#overdue")
                assert sorted(str(overdue.get_row_at(i)[0]) for i in range(overdue.row_count)) == ["Мугалим 7-0", "Мугалим 7-1"]
                school_shown = str(app.screen.query_one("#overdue-detail", Static).render())
                assert school_shown == str(overdue.get_row_at(0)[-1]) and "Мектеп 7" in school_shown
    finally:
        i18n.set_language("ky")
        db.close()


async def test_the_import_offers_the_sticks_found_and_shows_each_files_whole_line(tmp_path: Path, monkeypatch):
    """An empty district says what to do first; the USB sticks found fill the import's folder;
    a long file name is cut in the table so its verdict stays in view, and the highlighted
    file's whole line is shown under the table."""
    from textual.widgets import DataTable, Input, Static

    from ubtui.i18n import _
    from ubtui.screens import district as screens
    from ubtui.screens.district import FILE_SHOWN, DistrictApp, ImportScreen

    stick = tmp_path / "media" / "user" / "STICK"
    stick.mkdir(parents=True)
    packet = packet_of(small_school(tmp_path / "s.json", "9"), stick)
    long_name = stick / ("9-" + "Узун-аталыштагы-мектеп-" * 3 + packet.name)
    packet.rename(long_name)
    monkeypatch.setattr(screens, "removable_drives", lambda: [stick])
    db = DistrictDB(tmp_path / "district.sqlite", writable=True)
    app = DistrictApp(db, today=DEMO_DAY)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            empty = app.screen.query_one("#schools-empty", Static)
            assert empty.display and "F2" in str(empty.render())
            await pilot.press("f2")
            await pilot.pause()
            assert isinstance(app.screen, ImportScreen)
            assert app.screen.query_one("#import-paths", Input).value == str(stick)
            assert str(stick) in str(app.screen.query_one("#import-drives", Static).render())
            await pilot.press("enter")  # the stick as found: a dry run
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("#import-verdicts", DataTable)
            shown_name, verdict = (str(cell) for cell in table.get_row_at(0))
            assert len(shown_name) <= FILE_SHOWN and "…" in shown_name
            assert shown_name.startswith("9-") and long_name.name.endswith(shown_name.split("…")[1] + ".ubtui.json")
            assert verdict.startswith(_("new school"))
            file_column = next(iter(table.columns.values()))
            assert file_column.get_render_width(table) + len(_("new school")) < 80  # the verdict is in view
            detail = str(app.screen.query_one("#import-detail", Static).render())
            assert detail.startswith(long_name.name) and verdict in detail
            await pilot.click("#import-apply")
            await app.workers.wait_for_complete()
            await pilot.press("escape")
            await pilot.pause()
            assert not app.screen.query_one("#schools-empty", Static).display
            assert app.screen.query_one("#schools", DataTable).row_count == 1
    finally:
        db.close()


async def test_an_import_that_fails_says_why_in_the_users_words(tmp_path: Path, monkeypatch):
    """The system's own English (strerror) never reaches the screen; nothing is changed."""
    import errno
    import os

    from textual.widgets import Input, Static

    from ubtui import i18n
    from ubtui.i18n import _
    from ubtui.screens import district as screens
    from ubtui.screens.district import DistrictApp

    packet_of(small_school(tmp_path / "s.json", "3"), tmp_path / "stick")

    def refused(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path / "packets"))

    monkeypatch.setattr(screens, "run_import", refused)
    db = DistrictDB(tmp_path / "district.sqlite", writable=True)
    try:
        for language in ("ky", "ru"):
            i18n.set_language(language)
            app = DistrictApp(db, today=DEMO_DAY)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.press("f2")
                await pilot.pause()
                app.screen.query_one("#import-paths", Input).value = str(tmp_path / "stick")
                await pilot.press("enter")
                await app.workers.wait_for_complete()
                await pilot.pause()
                status = str(app.screen.query_one("#import-status", Static).render())
                assert os.strerror(errno.EACCES) not in status
                assert status.startswith(_("The import stopped: {error}. Nothing was changed.").split("{")[0])
                assert str(tmp_path / "packets") in status
        assert db.counts() == (0, 0)
    finally:
        i18n.set_language("ky")
        db.close()
