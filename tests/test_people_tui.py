"""A rename typed in the teacher form shows at once in every session (screen and store) and in a
reprinted protocol."""

from __future__ import annotations

import io

from pypdf import PdfReader
from textual.widgets import DataTable, Input, Select

from ubtui.app import UbtuiApp
from ubtui.domain.people import display_name
from ubtui.reports import Options, build_pdf
from ubtui.store import Store

from conftest import DEMO_DAY

NEW_NAME = "Жумабаева-Токтосунова Гүлзат Эркиновна"


async def test_a_rename_shows_in_every_session_and_the_reprinted_protocol(demo_store: Store):
    association = demo_store.chosen_association()
    year = demo_store.current_year(DEMO_DAY)
    head = demo_store.find_teacher(association.head)
    old_name = head.full_name
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one("#teachers", DataTable)
        table.move_cursor(row=table.get_row_index(head.id))
        await pilot.press("e")
        await pilot.pause()
        name = app.screen.query_one("#full_name", Input)
        name.focus()
        await pilot.press("home", "shift+end", "backspace")
        await pilot.press(*NEW_NAME)
        await pilot.press("f2")
        await pilot.pause()
        assert demo_store.teachers.get(head.id).full_name == NEW_NAME
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("enter")  # session №1 of this year
        await pilot.pause()
        editor = app.screen
        attendance = editor.query_one("#attendance", DataTable)
        shown = [str(attendance.get_row_at(i)[1]) for i in range(attendance.row_count)]
        assert NEW_NAME in shown and old_name not in shown
        chair = editor.query_one("#chair Select", Select)
        assert chair.value == head.id and str(chair.query_one("SelectCurrent").label) == NEW_NAME
    people = demo_store.teachers_by_id()
    sessions = demo_store.sessions.of(association.id, year.id)
    assert sessions and all(display_name(s.chair, people, s.names) == NEW_NAME for s in sessions)
    data = build_pdf("protocol", demo_store, Options(year=year.label, association=association.name, session=1))
    text = " ".join(" ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages).split())
    assert f"Төрага: {NEW_NAME}" in text and old_name not in text
