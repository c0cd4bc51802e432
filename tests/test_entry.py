"""Typing as a person does: focus after tab switches, dates as typed, every problem at once,
the first run's head as a teacher, F10 save-and-quit.  Each test asserts on the store."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, Select, TabbedContent, Tabs, TextArea

from ubtui import i18n
from ubtui.app import UbtuiApp
from ubtui.domain.dates import TypedDateError, parse_typed_date
from ubtui.store import Store

from conftest import DEMO_DAY


# --- the domain's reading of typed dates ------------------------------------------------------------


@pytest.mark.parametrize("text", ["14.09.2025", "14.9.2025", "2025-09-14", " 14/09/2025 ", "2025-9-14"])
def test_typed_dates_accepted(text):
    assert parse_typed_date(text) == dt.date(2025, 9, 14)


@pytest.mark.parametrize(
    ("text", "ky", "ru"),
    [
        ("31.02.2025", "2025-жылдын февралында 28 күн бар.", "В феврале 2025 года 28 дней."),
        ("30.02.2024", "2024-жылдын февралында 29 күн бар.", "В феврале 2024 года 29 дней."),
        ("31.04.2025", "2025-жылдын апрелинде 30 күн бар.", "В апреле 2025 года 30 дней."),
        ("14.13.2025", "13-ай жок: айлар 1ден 12ге чейин.", "Месяца 13 не бывает: месяцы — от 1 до 12."),
        ("14.0", "Күндү кк.аа.жжжж түрүндө жазыңыз, мисалы 14.09.2025.", "Напишите дату в виде дд.мм.гггг, например 14.09.2025."),
        ("завтра", "Күндү кк.аа.жжжж түрүндө жазыңыз, мисалы 14.09.2025.", "Напишите дату в виде дд.мм.гггг, например 14.09.2025."),
    ],
)
def test_typed_dates_refused_with_the_exact_reason(text, ky, ru):
    for language, expected in (("ky", ky), ("ru", ru)):
        i18n.set_language(language)
        with pytest.raises(TypedDateError) as refused:
            parse_typed_date(text)
        assert str(refused.value) == expected


def test_the_format_hint_only_when_the_format_is_wrong():
    i18n.set_language("ru")
    with pytest.raises(TypedDateError) as refused:
        parse_typed_date("31.02.2025")
    assert "дд.мм.гггг" not in str(refused.value)


# --- helpers -----------------------------------------------------------------------------------------


def _visible(widget) -> str:
    """What the widget shows on screen now (every rendered line of it)."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def _open_session(pilot, number: int = 1):
    from ubtui.screens.sessions_editor import SessionEditor

    await pilot.press("f4")
    await pilot.pause()
    for _ in range(number - 1):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionEditor)
    return pilot.app.screen


def _first_session(store: Store):
    association = store.sorted_associations()[0]
    year = store.current_year(DEMO_DAY)
    return min(store.sessions.of(association.id, year.id), key=lambda s: s.number)


# --- the session editor: tabs and focus ----------------------------------------------------------------


@pytest.mark.parametrize("console", [False, True], ids=["xterm", "linux"])
async def test_text_typed_right_after_ctrl_pgdn_lands_in_the_shown_item(demo_store: Store, monkeypatch, console):
    monkeypatch.setenv("TERM", "linux" if console else "xterm-256color")
    session = _first_session(demo_store)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _open_session(pilot)
        tabs = editor.query_one("#editor-tabs", TabbedContent)
        await pilot.press("ctrl+pagedown", "ctrl+pagedown")  # Session → Attendance → Item 1
        await pilot.pause()
        assert tabs.active == editor._item_panes()[0].id
        await pilot.press("ctrl+a", "ctrl+k", *"Jyjyntyk")  # the title: select all, retype
        await pilot.press("ctrl+pagedown")  # Item 2, straight from the title field
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"Olimpiada")
        await pilot.pause()
        title = editor._item_panes()[1].query_one(".item-title", Input)
        assert "Olimpiada" in _visible(title)  # seen while typing, also on the console
        await pilot.press("f2")
        await pilot.pause()
    saved = demo_store.sessions.get(session.id)
    assert [item.title for item in saved.agenda[:2]] == ["Jyjyntyk", "Olimpiada"]
    assert saved.agenda[2:] == session.agenda[2:]  # nothing typed went anywhere else
    assert [item.vote for item in saved.agenda] == [item.vote for item in session.agenda]


async def test_ctrl_pgdn_works_from_the_attendance_table_and_a_text_area(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _open_session(pilot)
        tabs = editor.query_one("#editor-tabs", TabbedContent)
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        assert isinstance(app.focused, DataTable)  # the attendance table, at once
        await pilot.press("ctrl+pagedown")  # from the table
        await pilot.pause()
        first_item = editor._item_panes()[0]
        assert tabs.active == first_item.id
        heard = first_item.query_one(".heard", TextArea)
        heard.focus()
        await pilot.pause()
        await pilot.press("end", "ctrl+pagedown")  # from inside a text area, deep in a tall item
        await pilot.pause()
        assert tabs.active == editor._item_panes()[1].id
        assert app.focused is editor._item_panes()[1].query_one(".item-title", Input)
        await pilot.press("ctrl+pageup", "ctrl+pageup", "ctrl+pageup")
        await pilot.pause()
        assert tabs.active == "tab-head"
        assert app.focused is editor.query_one("#date", Input)


async def test_space_toggles_attendance_right_after_switching_to_the_tab(demo_store: Store):
    from ubtui.screens.sessions_modals import ReasonScreen

    session = _first_session(demo_store)
    present_before = [a.teacher_id or a.guest for a in session.attendance if a.present]
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_session(pilot)
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        rows = [a.present for a in session.attendance]
        await pilot.press(*["down"] * rows.index(True))  # the first one present
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, ReasonScreen)
        await pilot.press(*"kurs", "enter")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
    saved = demo_store.sessions.get(session.id)
    absent = {a.teacher_id or a.guest: a.reason for a in saved.attendance if not a.present}
    assert absent[present_before[0]] == "kurs"


async def test_hidden_tabs_take_no_focus(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _open_session(pilot)
        tabs = editor.query_one("#editor-tabs", TabbedContent)
        pane = tabs.get_pane(tabs.active)
        for _ in range(30):  # Tab round the Session tab: every stop is a field of that tab
            await pilot.press("tab")
            focused = app.focused
            assert focused is not None
            assert isinstance(focused, (Tabs, Input, Select, TextArea)), focused
            assert isinstance(focused, Tabs) or pane in focused.ancestors


# --- dates on screen ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("console", [False, True], ids=["xterm", "linux"])
async def test_a_half_typed_date_is_visible(demo_store: Store, monkeypatch, console):
    monkeypatch.setenv("TERM", "linux" if console else "xterm-256color")
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _open_session(pilot)
        date = editor.query_one("#date", Input)
        assert app.focused is date
        await pilot.press("ctrl+a", "ctrl+k", *"14.0")
        await pilot.pause()
        assert date.value == "14.0"
        assert "14.0" in _visible(date)
        assert not date.has_class("-invalid")  # not an error while typing
        await pilot.press("tab")  # leaving says what is wrong, beside the field
        await pilot.pause()
        message = str(editor.query_one(".problem-date").render())
        assert "кк.аа.жжжж" in message
        date.focus()  # back to it: refused, and still showing what was typed
        await pilot.pause()
        assert date.has_class("-invalid")
        assert "14.0" in _visible(date)


async def test_session_date_31_02_refused_beside_the_field_others_kept(demo_store: Store):
    session = _first_session(demo_store)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _open_session(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"31.02.2025")
        place = editor.query_one("#place", Input)
        place.focus()
        await pilot.pause()
        await pilot.press("end", "space", "2")
        await pilot.press("ctrl+pagedown", "ctrl+pagedown")
        await pilot.pause()
        vote = editor._item_panes()[0].query_one(".vote-for", Input)
        vote.focus()
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"x5")
        await pilot.press("f2")
        await pilot.pause()
        assert str(editor.query_one(".problem-date").render()) == "2025-жылдын февралында 28 күн бар."
        item_pane = editor._item_panes()[0]
        assert str(item_pane.query_one(".problem-vote").render())  # both problems, at once
        tabs = editor.query_one("#editor-tabs", TabbedContent)
        assert str(tabs.get_tab("tab-head").label).endswith("(!)")
        assert str(tabs.get_tab(item_pane.id).label).endswith("(!)")
        assert not str(tabs.get_tab("tab-attendance").label).endswith("(!)")
        assert tabs.active == "tab-head" and app.focused is editor.query_one("#date", Input)
        assert editor.query_one("#date", Input).value == "31.02.2025"
        assert place.value == session.place + " 2"  # the other fields keep their text
        assert vote.value == "x5"
        # Corrected: saved, the marks go.
        await pilot.press("ctrl+a", "ctrl+k", *"28.02.2026")
        await pilot.press("ctrl+pagedown", "ctrl+pagedown")
        await pilot.pause()
        vote.focus()
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", "5")
        await pilot.press("f2")
        await pilot.pause()
        shown = [str(w.render()) for w in editor.query(".problem.-shown")]
        assert shown == []
        assert not str(tabs.get_tab("tab-head").label).endswith("(!)")
    saved = demo_store.sessions.get(session.id)
    assert saved.date == dt.date(2026, 2, 28)
    assert saved.place == session.place + " 2"


# --- forms: every problem at once ------------------------------------------------------------------------------


async def test_teacher_form_shows_all_problems_at_once_and_keeps_the_text(demo_store: Store):
    from ubtui.screens.teacher_form import TeacherForm

    count = len(demo_store.teachers.all())
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TeacherForm)
        # The name is left empty, the birth date does not exist, the phone has letters.
        form.query_one("#birth_date", Input).focus()
        await pilot.pause()
        await pilot.press(*"31.02.2025")
        form.query_one("#phone", Input).focus()
        await pilot.pause()
        await pilot.press(*"tel 555")
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen is form
        errors = {name: str(form.query_one(f"#field-{name} .error").render()) for name in ("full_name", "birth_date", "phone")}
        assert errors["birth_date"] == "2025-жылдын февралында 28 күн бар."
        assert errors["full_name"] and errors["phone"]  # all three at once
        assert form.query_one("#birth_date", Input).value == "31.02.2025"
        assert "31.02.2025" in _visible(form.query_one("#birth_date", Input))  # refused, still shown
        assert form.query_one("#phone", Input).value == "tel 555"
        assert app.focused is form.query_one("#full_name", Input)
        form.query_one("#birth_date", Input).focus()
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"14.9.1990")
        form.query_one("#phone", Input).focus()
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"0555 123456")
        form.query_one("#full_name", Input).focus()
        await pilot.pause()
        form.query_one("#full_name", Input).insert_text_at_cursor("Жаңы Мугалим Тестовна")
        await pilot.press("f2")
        await pilot.pause()
        if app.screen is not form:
            pass
        else:  # a likely duplicate is asked about; answer yes
            await pilot.press("y")
            await pilot.pause()
    assert len(demo_store.teachers.all()) == count + 1
    [teacher] = [t for t in demo_store.teachers.all() if t.full_name == "Жаңы Мугалим Тестовна"]
    assert teacher.birth_date == dt.date(1990, 9, 14)


# --- settings -----------------------------------------------------------------------------------------------------------


async def test_settings_tabs_switch_from_every_widget_and_focus_the_first_field(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        tabs = screen.query_one("#tabs", TabbedContent)
        assert app.focused is screen.query_one("#school_name", Input)
        screen.query_one("#deputies", TextArea).focus()
        await pilot.pause()
        await pilot.press("ctrl+pagedown")  # from a text area
        await pilot.pause()
        assert tabs.active == "tab-rules"
        assert app.focused is screen.query_one("#course_hours", Input)
        await pilot.press("ctrl+a", "ctrl+k", *"80")
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        assert app.focused is screen.query_one("#years", DataTable)
        await pilot.press("ctrl+pagedown")  # from a table
        await pilot.pause()
        assert tabs.active == "tab-associations"
        assert app.focused is screen.query_one("#associations", DataTable)
        await pilot.press("ctrl+pageup", "ctrl+pageup", "ctrl+pageup")
        await pilot.pause()
        assert tabs.active == "tab-school"
        # Back on Rules: what was typed is still there and saves.
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        assert screen.query_one("#course_hours", Input).value == "80"
        await pilot.press("f2")
        await pilot.pause()
    assert demo_store.settings().rules.course_hours == 80


# --- first run ----------------------------------------------------------------------------------------------------------


async def test_first_run_makes_the_head_and_the_secretary_teachers(empty_store: Store):
    from ubtui.screens.first_run import FirstRunScreen
    from ubtui.screens.home import HomeScreen

    app = UbtuiApp(empty_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, FirstRunScreen)
        for selector, text in (("#school_name", "Ала-Тоо орто мектеби"), ("#association", "Башталгыч класстар"),
                               ("#head", "Өмүрбекова  Гүлнара Асановна"), ("#secretary", "Үсөнова Айпери")):
            field = app.screen.query_one(selector, Input)
            field.focus()
            await pilot.pause()
            field.insert_text_at_cursor(text)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [association] = empty_store.associations.all()
    teachers = {t.full_name: t for t in empty_store.teachers.all()}
    assert set(teachers) == {"Өмүрбекова Гүлнара Асановна", "Үсөнова Айпери"}
    assert all(t.association_id == association.id and t.active for t in teachers.values())
    assert {m.teacher_id for m in association.members} == {t.id for t in teachers.values()}
    assert association.head == "Өмүрбекова Гүлнара Асановна"


async def test_first_run_without_a_head_makes_no_teacher(empty_store: Store):
    app = UbtuiApp(empty_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        for selector, text in (("#school_name", "Ала-Тоо"), ("#association", "Тилдер")):
            field = app.screen.query_one(selector, Input)
            field.focus()
            await pilot.pause()
            field.insert_text_at_cursor(text)
        await pilot.press("f2")
        await pilot.pause()
    assert [a.name for a in empty_store.associations.all()] == ["Тилдер"]
    assert empty_store.teachers.all() == []


# --- F10 with unsaved text ------------------------------------------------------------------------------------------------


async def test_f10_save_and_quit_saves_the_form(demo_store: Store):
    from ubtui.screens.sessions_modals import QuitScreen

    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        name = app.screen.query_one("#full_name", Input)
        assert app.focused is name
        name.insert_text_at_cursor("Асанбекова Жылдыз")
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("f2")  # save and quit
        await pilot.pause()
        await pilot.pause()
        assert not app.is_running
    assert "Асанбекова Жылдыз" in [t.full_name for t in demo_store.teachers.all()]


async def test_f10_save_and_quit_with_a_bad_date_stays_and_says_why(demo_store: Store):
    from ubtui.screens.teacher_form import TeacherForm

    count = len(demo_store.teachers.all())
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        form = app.screen
        form.query_one("#full_name", Input).insert_text_at_cursor("Асанбекова Жылдыз")
        form.query_one("#birth_date", Input).focus()
        await pilot.pause()
        await pilot.press(*"31.02.1990")
        await pilot.press("f10")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert app.is_running and app.screen is form
        assert isinstance(form, TeacherForm)
        assert str(form.query_one("#field-birth_date .error").render()) == "1990-жылдын февралында 28 күн бар."
    assert len(demo_store.teachers.all()) == count


async def test_f10_save_and_quit_saves_the_session(demo_store: Store):
    session = _first_session(demo_store)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _open_session(pilot)
        editor.query_one("#place", Input).focus()
        await pilot.pause()
        await pilot.press("end", "space", "7")
        await pilot.press("f10")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        await pilot.pause()
        assert not app.is_running
    assert demo_store.sessions.get(session.id).place == session.place + " 7"
