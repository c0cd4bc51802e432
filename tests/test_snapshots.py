"""Snapshots of the main screens at 80×24, in Kyrgyz and in Russian."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TabbedContent, TextArea

from ubtui import i18n
from ubtui.app import UbtuiApp

from conftest import DEMO_DAY


def make_app(store, language: str) -> UbtuiApp:
    i18n.set_language(language)
    return UbtuiApp(store, language_forced=language, today=DEMO_DAY)


def keys_still(*names: str):
    """Press `names`, then stop the text cursors blinking: a focused field's cursor is drawn
    steadily, not on or off by how long the machine took."""

    async def run(pilot) -> None:
        await pilot.press(*names)
        await pilot.pause()
        for widget in pilot.app.screen.query("Input, TextArea"):
            if isinstance(widget, (Input, TextArea)):
                widget.cursor_blink = False
        await pilot.pause()

    return run


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_home(snap_compare, demo_store, language):
    assert snap_compare(make_app(demo_store, language), terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_settings_school(snap_compare, demo_store, language):
    assert snap_compare(make_app(demo_store, language), run_before=keys_still("f9"), terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_settings_associations(snap_compare, demo_store, language):
    async def open_tab(pilot):
        await pilot.press("f9")
        await pilot.pause()
        pilot.app.screen.query_one(TabbedContent).active = "tab-associations"
        await pilot.pause()

    assert snap_compare(make_app(demo_store, language), run_before=open_tab, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_first_run(snap_compare, empty_store, language):
    assert snap_compare(make_app(empty_store, language), terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_teachers_list(snap_compare, demo_store, language):
    assert snap_compare(make_app(demo_store, language), press=["f3", "a"], terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_teacher_form(snap_compare, demo_store, language):
    assert snap_compare(make_app(demo_store, language), run_before=keys_still("f3", "e"), terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_courses_due(snap_compare, demo_store, language):
    assert snap_compare(make_app(demo_store, language), press=["f6"], terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_home_whole_school(snap_compare, demo_store, language):
    """F8 → all associations: the deputy's view of the school."""
    app = make_app(demo_store, language)
    app.whole_school = True
    assert snap_compare(app, terminal_size=(80, 24))
