"""Mentoring (F11) and open lessons (F12) driven by keyboard, checked against the store; snapshots ky/ru."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Select, TextArea

from ubtui import i18n
from ubtui.app import UbtuiApp
from ubtui.domain.lessons import HELD, status_label
from ubtui.domain.teachers import Teacher
from ubtui.screens.lessons import LessonsScreen
from ubtui.screens.mentoring import YOUNG, MentoringScreen
from ubtui.store import Store

from conftest import DEMO_DAY


def make_app(store: Store, language: str = "ky") -> UbtuiApp:
    i18n.set_language(language)
    return UbtuiApp(store, language_forced=language, today=DEMO_DAY)


async def type_into(pilot, widget, text: str) -> None:
    widget.focus()
    await pilot.pause()
    for char in text:
        await pilot.press(char if char != " " else "space")
    await pilot.pause()


def a_young_teacher_without_a_mentor(store: Store) -> Teacher:
    association = store.chosen_association()
    young = Teacher(full_name="Абдыкадырова Айзат Бакытовна", association_id=association.id,
                    pedagogical_start=DEMO_DAY.replace(year=DEMO_DAY.year - 1))
    return store.save_teacher(young)


async def test_pair_a_young_teacher_from_the_list_and_add_a_log_entry(demo_store: Store):
    young = a_young_teacher_without_a_mentor(demo_store)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")  # from the home screen
        await pilot.pause()
        assert isinstance(app.screen, MentoringScreen)
        table = app.screen.query_one("#pairs", DataTable)
        first = str(table.coordinate_to_cell_key((0, 0)).row_key.value)
        assert first == YOUNG + young.id  # the young teacher without a mentor comes first
        await pilot.press("enter")
        await pilot.pause()
        mentor_select = app.screen.query_one("#mentor_id", Select)
        mentor = demo_store.find_teacher("Жумабаева")
        mentor_select.focus()
        mentor_select.value = mentor.id  # the choice a person makes in the list
        await type_into(pilot, app.screen.query_one("#order_no", Input), "101")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, MentoringScreen)
        pair = next(p for p in demo_store.mentoring.all() if p.young_id == young.id)
        assert (pair.mentor_id, pair.order_no, pair.status, pair.start) == (mentor.id, "101", "active", DEMO_DAY)
        assert young not in demo_store.mentoring.young_without_mentor(None, DEMO_DAY)
        # The quick log entry from the list.
        table = app.screen.query_one("#pairs", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index(pair.id))
        await pilot.press("l")
        await pilot.pause()
        await type_into(pilot, app.screen.query_one("#note", TextArea), "Сабакка катыштым")
        await pilot.press("f2")
        await pilot.pause()
        saved = demo_store.mentoring.get(pair.id)
        assert [(e.date, e.kind, e.note) for e in saved.log] == [(DEMO_DAY, "consultation", "Сабакка катыштым")]


async def test_mark_an_open_lesson_held_with_its_analysis(demo_store: Store):
    app = make_app(demo_store)
    year = demo_store.current_year(DEMO_DAY)
    planned = next(e for e in demo_store.lessons.of(demo_store.chosen_association().id, year.id)
                   if e.kind == "open_lesson" and e.status == "planned")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        table = app.screen.query_one("#events", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index(planned.id))
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("f2")  # nothing found yet: refused, nothing saved
        await pilot.pause()
        assert demo_store.lessons.get(planned.id).status == "planned"
        await type_into(pilot, app.screen.query_one("#strengths", TextArea), "Топтук иш")
        await type_into(pilot, app.screen.query_one("#recommendations", TextArea), "Рефлексия")
        await type_into(pilot, app.screen.query_one("#rating", Input), "5")
        await pilot.press("f2")
        await pilot.pause()
        held = demo_store.lessons.get(planned.id)
        assert held.status == HELD
        assert (held.analysis.strengths, held.analysis.recommendations, held.analysis.rating) == ("Топтук иш", "Рефлексия", "5")
        assert isinstance(app.screen, LessonsScreen)  # back on the list, which shows it held
        row = app.screen.query_one("#events", DataTable).get_row(planned.id)
        assert str(row[-1]).startswith(status_label(HELD)[:8])


async def test_the_lessons_list_is_filled_once_and_again_only_when_something_changed(demo_store: Store, monkeypatch):
    """Opening the list fills it once (not once more for each filter saying "changed" as it
    mounts); a filter set to another value fills it again, and so does coming back from a form."""
    fills = []
    original = LessonsScreen.reload
    monkeypatch.setattr(LessonsScreen, "reload", lambda self: (fills.append(1), original(self)))
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        await pilot.pause()
        assert len(fills) == 1
        app.screen.query_one("#filter-status", Select).value = "held"
        await pilot.pause()
        assert len(fills) == 2
        shown = app.screen.query_one("#events", DataTable).row_count
        assert 0 < shown < len(demo_store.lessons.of(demo_store.chosen_association().id,
                                                        demo_store.current_year(DEMO_DAY).id))
        await pilot.press("f2")  # a new event's form, left without saving
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        assert len(fills) == 3


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_mentoring_list_snapshot(snap_compare, demo_store, language):
    async def open_list(pilot):
        await pilot.press("f11")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()

    assert snap_compare(make_app(demo_store, language), run_before=open_list, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_pair_page_snapshot(snap_compare, demo_store, language):
    async def open_pair(pilot):
        await pilot.press("f11")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(demo_store, language), run_before=open_pair, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_lessons_snapshot(snap_compare, demo_store, language):
    async def open_list(pilot):
        await pilot.press("f12")
        await pilot.pause()

    assert snap_compare(make_app(demo_store, language), run_before=open_list, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_lesson_counts_snapshot(snap_compare, demo_store, language):
    async def open_counts(pilot):
        await pilot.press("f12")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(make_app(demo_store, language), run_before=open_counts, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_held_form_snapshot(snap_compare, demo_store, language):
    async def open_form(pilot):
        await pilot.press("f12")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        for widget in pilot.app.screen.query("Input, TextArea"):
            widget.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(demo_store, language), run_before=open_form, terminal_size=(80, 24))


@pytest.mark.parametrize("screen_key", ["f11", "f12"])
def test_plain_mode_snapshots(snap_compare, demo_store, screen_key):
    """The console font's characters only and ASCII borders (TERM=linux style)."""
    i18n.set_language("ky")
    app = UbtuiApp(demo_store, language_forced="ky", today=DEMO_DAY, plain=True)
    assert snap_compare(app, press=[screen_key], terminal_size=(80, 24))
