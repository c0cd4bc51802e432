"""The app shell driven as a person would: first run, settings, language, years, associations."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, SelectionList, TabbedContent

from ubtui import i18n
from ubtui.app import UbtuiApp
from ubtui.screens.first_run import FirstRunScreen
from ubtui.screens.form import FormScreen
from ubtui.screens.home import HomeScreen
from ubtui.screens.settings import SettingsScreen
from ubtui.store import Store

from conftest import DEMO_DAY


async def type_into(pilot, selector: str, text: str) -> None:
    """Focus a field, clear it, and type: key presses for ASCII, inserted text for Cyrillic."""
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    if text.isascii():
        await pilot.press(*text)
    else:  # pilot.press takes key names, not Cyrillic letters
        widget.insert_text_at_cursor(text)
    await pilot.pause()


async def open_settings_list(pilot, tab: str) -> None:
    """Settings (F9), the tab of years or associations, its table focused."""
    await pilot.press("f9")
    await pilot.pause()
    pilot.app.screen.query_one(TabbedContent).active = f"tab-{tab}"
    await pilot.pause()
    pilot.app.screen.query_one(f"#{tab}", DataTable).focus()


async def test_first_run_saves_the_school(empty_store: Store):
    app = UbtuiApp(empty_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, FirstRunScreen)
        await type_into(pilot, "#school_name", "Ала-Тоо орто мектеби")
        await type_into(pilot, "#village", "Ак-Суу айылы")
        await type_into(pilot, "#association", "Башталгыч класстар")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    settings = empty_store.settings()
    assert settings.school_name == "Ала-Тоо орто мектеби"
    assert settings.village == "Ак-Суу айылы"
    assert [a.name for a in empty_store.associations.all()] == ["Башталгыч класстар"]
    assert empty_store.current_year(DEMO_DAY).label == "2025-2026"
    # It reached the disk: a fresh open sees it.
    again = Store.open(empty_store.path, read_only=True)
    assert again.settings().school_name == "Ала-Тоо орто мектеби"


async def test_first_run_refuses_an_empty_school_name(empty_store: Store):
    app = UbtuiApp(empty_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "#association", "Тилдер")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        error = str(app.screen.query_one("#field-school_name .error").render())
        assert error  # the message stands beside the field
        assert app.focused is app.screen.query_one("#school_name")
    assert not empty_store.is_set_up()
    assert not empty_store.path.exists()


async def test_settings_edit_is_saved(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await type_into(pilot, "#village", "Жаңы-Жол айылы")
        await pilot.press("f2")
        await pilot.pause()
    assert demo_store.settings().village == "Жаңы-Жол айылы"


async def test_rules_refuse_a_bad_number(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "tab-rules"
        await pilot.pause()
        await type_into(pilot, "#course_hours", "0")
        await pilot.press("f2")
        await pilot.pause()
        assert str(app.screen.query_one("#field-course_hours .error").render())
        await type_into(pilot, "#course_hours", "36")
        await pilot.press("f2")
        await pilot.pause()
    assert demo_store.settings().rules.course_hours == 36


async def test_language_switch_is_remembered(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "tab-language"
        await pilot.pause()
        app.screen.query_one("#lang-ru").toggle()
        await pilot.pause()
        await pilot.pause()
        assert i18n.get_language() == "ru"
        assert isinstance(app.screen, SettingsScreen)
        footer_words = [b.binding.description for b in app.screen.active_bindings.values()]
        assert i18n.gettext("Settings") in footer_words or i18n.gettext("Back") in footer_words
    assert demo_store.settings().language == "ru"


async def test_add_year_and_association_through_forms(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        tabs.active = "tab-years"
        await pilot.pause()
        app.screen.query_one("#years", DataTable).focus()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press("f2")  # the proposed next year is valid as it is
        await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        tabs.active = "tab-associations"
        await pilot.pause()
        app.screen.query_one("#associations", DataTable).focus()
        await pilot.press("f2")
        await pilot.pause()
        await type_into(pilot, "#name", "Дене тарбия жана технология")
        members = app.screen.query_one("#members", SelectionList)
        members.focus()
        await pilot.press("space", "down", "space")  # the first two teachers move here
        await pilot.press("f2")
        await pilot.pause()
    labels = sorted(y.label for y in demo_store.years.all())
    assert labels[-1] == "2026-2027"
    added = demo_store.find_association("Дене тарбия жана технология")
    assert added is not None
    chosen = demo_store.sorted_teachers()[:2]
    assert [m.teacher_id for m in added.members] == [t.id for t in chosen]
    for teacher in chosen:
        assert demo_store.teachers.get(teacher.id).association_id == added.id
        others = [a for a in demo_store.associations.all() if a.id != added.id]
        assert all(teacher.id not in {m.teacher_id for m in a.members} for a in others)


async def test_duplicate_association_name_is_shown_beside_the_field(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    before = len(demo_store.associations.all())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings_list(pilot, "associations")
        await pilot.press("f2")
        await pilot.pause()
        await type_into(pilot, "#name", "Тилдер жана адабият")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert str(app.screen.query_one("#field-name .error").render())
    assert len(demo_store.associations.all()) == before


async def test_delete_asks_first(demo_store: Store):
    from ubtui.domain.associations import Association

    demo_store.associations.save(Association(name="Аа бош бирикме"))  # sorts first, has nothing
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    before = len(demo_store.associations.all())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings_list(pilot, "associations")
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("escape")  # "no"
        await pilot.pause()
        assert len(demo_store.associations.all()) == before
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
    assert len(demo_store.associations.all()) == before - 1
    assert demo_store.find_association("Аа бош бирикме") is None


async def test_an_association_with_sessions_is_not_deleted(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    before = demo_store.school.document()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings_list(pilot, "associations")
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("«" in m for m in messages)
    assert demo_store.school.document() == before


async def test_cancel_with_unsaved_changes_asks(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings_list(pilot, "associations")
        await pilot.press("f2")
        await pilot.pause()
        await type_into(pilot, "#name", "Жаңы УБ")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#name", Input).value == "Жаңы УБ"


async def test_association_picker_is_remembered(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        chosen = app.association
    assert chosen is not None
    assert demo_store.settings().last_association_id == chosen.id
    assert demo_store.chosen_association().id == chosen.id


async def test_read_only_when_another_ubtui_writes(demo_path, tmp_path):
    import subprocess
    import sys
    import time

    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys,time; from ubtui.store import Store; s=Store.open(sys.argv[1]); print('ready', flush=True); time.sleep(30)", str(demo_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        store = Store.open(demo_path)
        assert store.read_only
        app = UbtuiApp(store, today=DEMO_DAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert i18n.gettext("READ-ONLY") in app.title  # first in the header: a long name never hides it
        store.close()
    finally:
        holder.kill()
        holder.wait()


async def test_quit_with_unsaved_text_asks(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings_list(pilot, "associations")
        await pilot.press("f2")
        await pilot.pause()
        await type_into(pilot, "#name", "Жаңы УБ")
        await pilot.press("f10")
        await pilot.pause()
        assert app.is_running
        assert app.screen.__class__.__name__ == "QuitScreen"
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.click("#discard")  # quit without saving
        await pilot.pause()
        assert not app.is_running
    assert "Жаңы УБ" not in [a.name for a in demo_store.associations.all()]


async def test_quit_without_unsaved_text_is_immediate(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert not app.is_running


async def test_leaving_settings_with_unsaved_school_text_asks(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    village = demo_store.settings().village
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        await type_into(pilot, "#village", "Тогуз-Булак айылы")
        app.screen.query_one("#tabs").focus()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("escape")  # saved now: leaves at once
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert demo_store.settings().village == "Тогуз-Булак айылы" != village
