"""A read-only file: a lasting mark in the header, and every editing key refused at once, with
the reason, before any form opens; the file stays as it was."""

from __future__ import annotations

import pytest
from textual.screen import ModalScreen
from textual.widgets import DataTable, TabbedContent

from ubtui import i18n
from ubtui.app import UbtuiApp
from ubtui.screens.sessions_editor import SessionEditor
from ubtui.store import Store

from conftest import DEMO_DAY

# (how to get there, the editing keys to press there)
EDITS = [
    (["f3"], ["f2"]),
    (["f3"], ["e"]),
    (["f3"], ["delete"]),
    (["f3", "enter"], ["f2"]),
    (["f3", "enter"], ["w"]),
    (["f6"], ["f2"]),
    (["f4"], ["f2"]),
    (["f4"], ["enter"]),
    (["f4"], ["delete"]),
    (["f4", "d"], ["space"]),
    (["f5"], ["f2"]),
    (["f5", "down"], ["enter"]),
    (["f5", "down"], ["d"]),
    (["f9"], ["f2"]),
    (["tab-years"], ["enter"]),
    (["tab-associations"], ["f2"]),
]


async def _go(pilot, path: list[str]) -> None:
    for step in path:
        if step.startswith("tab-"):
            await pilot.press("f9")
            await pilot.pause()
            pilot.app.screen.query_one(TabbedContent).active = step
            await pilot.pause()
            pilot.app.screen.query_one(f"#{step[4:]}", DataTable).focus()
        else:
            await pilot.press(step)
        await pilot.pause()


@pytest.mark.parametrize("path, press", EDITS, ids=[" ".join(p + k) for p, k in EDITS])
async def test_editing_keys_are_refused_before_any_form_opens(demo_path, path, press):
    before = demo_path.read_bytes()
    store = Store.open(demo_path, read_only=True)
    store.school.today = lambda: DEMO_DAY
    app = UbtuiApp(store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _go(pilot, path)
        shown = app.screen
        app.clear_notifications()
        for name in press:
            await pilot.press(name)
            await pilot.pause()
        assert app.screen is shown, f"{type(app.screen).__name__} opened"
        assert not isinstance(app.screen, (ModalScreen, SessionEditor))
        messages = [n.message for n in app._notifications]
        assert i18n.gettext("The file is open read-only.") in messages
        assert i18n.gettext("READ-ONLY") in app.title
    store.close()
    assert demo_path.read_bytes() == before


async def test_the_mark_stays_and_names_the_reason(demo_path):
    store = Store.open(demo_path, read_only=True)
    app = UbtuiApp(store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.clear_notifications()  # the toast at start is gone: the header still says it
        for area in ("f3", "f4", "f5", "f6", "f9"):
            await pilot.press(area)
            await pilot.pause()
            header = app.screen.query_one("HeaderTitle")
            assert i18n.gettext("READ-ONLY") in str(header.render())
            assert i18n.gettext("opened read-only") in str(header.render())
        await pilot.press("f1")  # the help says it in full
        await pilot.pause()
        assert i18n.gettext("The file is open read-only.") in str(app.screen.query_one("VerticalScroll Static").render())
    store.close()


async def test_a_writable_file_opens_the_form(demo_store):
    """The same key on a writable file does open the form (the test above can fail)."""
    from ubtui.screens.teacher_form import TeacherForm

    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "f2")
        await pilot.pause()
        assert isinstance(app.screen, TeacherForm)
        assert i18n.gettext("READ-ONLY") not in app.title
