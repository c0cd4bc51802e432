"""Snapshots at 80×24, ky and ru, of what typing changed: problems beside the fields (a form, the
session editor with its tabs marked), the F10 question, and a focused field on the Linux console."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from ubtui import i18n
from ubtui.app import UbtuiApp

from conftest import DEMO_DAY


def make_app(store, language: str) -> UbtuiApp:
    i18n.set_language(language)
    return UbtuiApp(store, language_forced=language, today=DEMO_DAY)


async def _still(pilot) -> None:
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_session_editor_problems_beside_fields(snap_compare, demo_store, language):
    async def bad_date(pilot):
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"31.02.2025")
        await pilot.press("ctrl+pagedown", "ctrl+pagedown", "ctrl+pagedown")
        await pilot.pause()
        vote = pilot.app.screen._item_panes()[1].query_one(".vote-for", Input)
        vote.focus()
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"x")
        await pilot.press("f2")
        await pilot.pause()
        await _still(pilot)

    assert snap_compare(make_app(demo_store, language), run_before=bad_date, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_teacher_form_all_problems(snap_compare, demo_store, language):
    async def bad_form(pilot):
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#birth_date", Input).focus()
        await pilot.pause()
        await pilot.press(*"31.02.2025")
        form.query_one("#phone", Input).focus()
        await pilot.pause()
        await pilot.press(*"tel")
        await pilot.press("f2")
        await pilot.pause()
        await _still(pilot)

    assert snap_compare(make_app(demo_store, language), run_before=bad_form, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_quit_with_unsaved_text(snap_compare, demo_store, language):
    async def quit_asks(pilot):
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("end", *"x")
        await pilot.press("f10")
        await pilot.pause()

    assert snap_compare(make_app(demo_store, language), run_before=quit_asks, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_console_focused_field_shows_its_text(snap_compare, demo_store, language, monkeypatch):
    monkeypatch.setenv("TERM", "linux")

    async def typing(pilot):
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("tab", "ctrl+a", "ctrl+k", *"14.0")  # the school number, half typed
        await _still(pilot)

    assert snap_compare(make_app(demo_store, language), run_before=typing, terminal_size=(80, 24))
