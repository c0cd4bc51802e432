"""F1: each key once, grouped (this screen, every screen, the field), with keyboard names, translated."""

from __future__ import annotations

import re

import pytest

from ubtui import i18n
from ubtui.app import UbtuiApp
from ubtui.screens.help import HelpScreen, key_groups
from ubtui.widgets.keys import key_label

from conftest import DEMO_DAY
from screen_tour import screen_text


def test_key_names_as_on_the_keyboard():
    assert key_label("ctrl+pagedown") == "Ctrl+PgDn"
    assert key_label("delete") == "Del"
    assert key_label("up") == "↑"
    assert key_label("f2") == "F2"
    assert key_label("escape") == "Esc"
    assert key_label("shift+tab") == "Shift+Tab"
    assert key_label("ctrl+p") == "Ctrl+P"


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("path", [["f3"], ["f4", "enter"], ["f9"]])
async def test_help_lists_each_key_once(demo_store, language, path):
    i18n.set_language(language)
    app = UbtuiApp(demo_store, language_forced=language, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        for name in path:
            await pilot.press(name)
            await pilot.pause()
        groups = key_groups(app.screen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
    titles = [g.title for g in groups]
    assert titles[0] == "On this screen" and "On every screen" in titles
    keys = [k for g in groups for keys, _d in g.keys for k in keys.split(", ")]
    assert len(keys) == len(set(keys)), keys  # each key once
    assert "F10" in keys and "F1" in keys
    for keys_text, description in (entry for g in groups for entry in g.keys):
        assert not re.search(r"[A-Za-z]{3,}", description), description  # translated
        assert not re.search(r"CTRL|PAGEDOWN|SUPER|\bUP\b", keys_text), keys_text
    assert i18n.gettext("On this screen") in shown
