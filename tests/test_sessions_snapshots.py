"""Snapshots of the sessions area at 80×24, in Kyrgyz and in Russian."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TabbedContent, TextArea

from ubtui import i18n
from ubtui.app import UbtuiApp

from conftest import DEMO_DAY


def make_app(store, language: str) -> UbtuiApp:
    i18n.set_language(language)
    return UbtuiApp(store, language_forced=language, today=DEMO_DAY)


async def _still(pilot) -> None:
    """No blinking cursors: the picture must not depend on when it is taken."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_sessions_list(snap_compare, demo_store, language):
    async def open_list(pilot):
        await pilot.press("f4")
        await pilot.pause()

    assert snap_compare(make_app(demo_store, language), run_before=open_list, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_session_editor_header(snap_compare, demo_store, language):
    async def open_editor(pilot):
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await _still(pilot)

    assert snap_compare(make_app(demo_store, language), run_before=open_editor, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_session_editor_agenda_item(snap_compare, demo_store, language):
    async def open_item(pilot):
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("down", "enter")  # session №2
        await pilot.pause()
        tabs = pilot.app.screen.query_one(TabbedContent)
        tabs.active = "tab-item-1"
        await pilot.pause()
        pilot.app.screen.query_one(".item-title", Input).focus()
        await _still(pilot)

    assert snap_compare(make_app(demo_store, language), run_before=open_item, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_session_attendance(snap_compare, demo_store, language):
    async def open_attendance(pilot):
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        pilot.app.screen.query_one(TabbedContent).active = "tab-attendance"
        await pilot.pause()
        pilot.app.screen.query_one("#attendance").focus()
        await _still(pilot)

    assert snap_compare(make_app(demo_store, language), run_before=open_attendance, terminal_size=(80, 24))
