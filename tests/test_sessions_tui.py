"""The sessions area driven as the head of an association would: type a protocol, save, leave."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, TabbedContent, TextArea

from ubtui.app import UbtuiApp
from ubtui.domain.people import Person
from ubtui.store import Store

from conftest import DEMO_DAY

HEARD_1 = "Жумабаева Г.Э. биринчи чейректин жыйынтыгын айтты.\nЖетишүү 97%, сапат 52%.\n\nКемчиликтер да бар."
HEARD_2 = "Олимпиаданын мектептик туру өттү.\nЖеңүүчүлөр: 9 окуучу."
DECISION_1 = "Артта калган окуучулар менен\nкошумча сабактар уюштурулсун."
DECISION_2 = "Жеңүүчүлөр райондук турга даярдалсын."


@pytest.fixture(autouse=True)
def _no_viewer(monkeypatch, tmp_path):
    monkeypatch.setenv("UBTUI_PDF_DIR", str(tmp_path / "pdf"))
    monkeypatch.setenv("UBTUI_NO_VIEWER", "1")


def _empty_year(store: Store):
    """The demo's first association with this year's sessions removed (a year with none yet)."""
    association = store.sorted_associations()[0]
    year = store.current_year(DEMO_DAY)
    with store.batch():
        for session in store.sessions.of(association.id, year.id):
            store.sessions.delete(session.id)
    return association, year


async def _type_input(pilot, widget: Input, text: str) -> None:
    widget.focus()
    widget.value = ""
    widget.insert_text_at_cursor(text)
    await pilot.pause()


async def _type_area(pilot, widget: TextArea, text: str) -> None:
    widget.focus()
    widget.clear()
    widget.insert(text)  # what a paste of several lines does
    await pilot.pause()


async def _open_new_session(pilot) -> None:
    await pilot.press("f4")
    await pilot.pause()
    await pilot.press("f2")
    await pilot.pause()


async def _mark_absent(pilot, row: int, reason: str) -> None:
    app = pilot.app
    app.screen.query_one(TabbedContent).active = "tab-attendance"
    await pilot.pause()
    table = app.screen.query_one("#attendance", DataTable)
    table.focus()
    table.move_cursor(row=row)
    await pilot.press("space")
    await pilot.pause()
    reason_input = app.screen.query_one("#reason", Input)
    reason_input.insert_text_at_cursor(reason)
    await pilot.press("enter")
    await pilot.pause()


async def choose_person(pilot, field, who: str) -> None:
    """As a person does: open the list, type the first letters of a teacher's name and Enter;
    for an outside guest, End (the last option) and Enter, then type the name."""
    from textual.widgets import Select

    field.query_one(Select).focus()
    await pilot.press("enter")
    await pilot.pause()
    if who.startswith("guest:"):
        await pilot.press("end", "enter")
        await pilot.pause()
        await pilot.press(*who.removeprefix("guest:"))
    else:
        await pilot.press(*who)
        await pilot.press("enter")
    await pilot.pause()


async def _open_item(pilot, number: int):
    """Item `number`'s tab shown (as Ctrl+PgDn would): its editor, built when first shown."""
    screen = pilot.app.screen
    pane = screen._item_panes()[number - 1]
    screen.query_one(TabbedContent).active = pane.id
    await pilot.pause()
    editor = screen._editor_in(pane)
    assert editor is not None
    return editor


async def _fill_item(pilot, number: int, title: str, heard: str, decision: str, responsible: str, due: str) -> None:
    item = await _open_item(pilot, number)
    await _type_input(pilot, item.query_one(".item-title", Input), title)
    await _type_area(pilot, item.query_one(".heard", TextArea), heard)
    await pilot.press("ctrl+t")  # a decision
    await pilot.pause()
    await _type_area(pilot, item.query_one(".decision-text", TextArea), decision)
    await choose_person(pilot, item.query_one(".responsible"), responsible)
    due_input = item.query_one(".due", Input)
    due_input.focus()
    due_input.value = ""
    await pilot.press(*due)
    await pilot.pause()


async def test_a_session_typed_by_keyboard_is_stored_exactly(demo_store: Store):
    association, year = _empty_year(demo_store)
    members = [m.teacher_id for m in association.members]
    asanova = demo_store.find_teacher("Асанова Гүлнара")
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_new_session(pilot)
        from ubtui.screens.sessions_editor import AgendaItemEditor, SessionEditor

        editor = app.screen
        assert isinstance(editor, SessionEditor)
        # The typical agenda of №1 is there to edit; this test types its own two items.
        assert len(editor._item_panes()) == 5
        assert len(editor.query(AgendaItemEditor)) == 0  # each is built when its tab is first shown
        for _ in range(5):
            item = await _open_item(pilot, 1)
            item.query_one(".item-title", Input).focus()
            await pilot.press("ctrl+g")  # remove the item (asks)
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
        assert len(editor._item_panes()) == 0 == len(editor.query(AgendaItemEditor))

        date_input = editor.query_one("#date", Input)
        date_input.focus()
        date_input.value = ""
        await pilot.press(*"30.08.2025")
        await _mark_absent(pilot, 3, "оорусу боюнча")
        await _mark_absent(pilot, 5, "курста")

        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await _fill_item(pilot, 1, "Биринчи чейректин жыйынтыгы жөнүндө", HEARD_1, DECISION_1, "guest:УБ мүчөлөрү",
                         "15.11.2025")
        await _fill_item(pilot, 2, "Олимпиаданын жыйынтыгы жөнүндө", HEARD_2, DECISION_2, "Асан", "30.11.2025")
        await pilot.press("f2")
        await pilot.pause()
        assert editor.saved_once
        await pilot.press("escape")  # nothing unsaved: leaves without asking
        await pilot.pause()
        assert not isinstance(app.screen, SessionEditor)

    [session] = demo_store.sessions.of(association.id, year.id)
    again = Store.open(demo_store.path, read_only=True)  # it reached the disk
    try:
        assert again.sessions.get(session.id).to_dict() == session.to_dict()
    finally:
        again.close()
    assert session.number == 1
    assert session.date == dt.date(2025, 8, 30)
    assert session.status == "draft"
    assert [a.teacher_id for a in session.attendance] == members
    absent = [(a.teacher_id, a.reason) for a in session.absent()]
    assert absent == [(members[3], "оорусу боюнча"), (members[5], "курста")]
    assert len(session.present()) == len(members) - 2
    assert [i.title for i in session.agenda] == ["Биринчи чейректин жыйынтыгы жөнүндө", "Олимпиаданын жыйынтыгы жөнүндө"]
    assert [i.heard for i in session.agenda] == [HEARD_1, HEARD_2]  # every pasted line kept
    first, second = (item.decisions for item in session.agenda)
    assert [(d.text, d.responsible, d.due, d.status) for d in first] == [
        (DECISION_1, [Person(guest="УБ мүчөлөрү")], dt.date(2025, 11, 15), "open")
    ]
    assert [(d.text, d.responsible, d.due) for d in second] == [(DECISION_2, [Person(asanova.id)], dt.date(2025, 11, 30))]
    people = demo_store.teachers_by_id()
    assert people[session.chair.teacher_id].full_name == association.head
    assert people[session.secretary.teacher_id].full_name == association.secretary


async def test_leaving_with_unsaved_text_asks_first(demo_store: Store):
    from ubtui.screens.sessions_editor import SessionEditor
    from ubtui.screens.sessions_modals import LeaveScreen

    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    before = {s.id: s.to_dict() for s in demo_store.sessions.of(association.id, year.id)}
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("enter")  # session №1
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, SessionEditor)
        item = await _open_item(pilot, 1)
        await _type_area(pilot, item.query_one(".heard", TextArea), "Жаңы текст\nэки сап")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.screen is editor
        assert item.query_one(".heard", TextArea).text == "Жаңы текст\nэки сап"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
        assert not isinstance(app.screen, SessionEditor)
    after = {s.id: s.to_dict() for s in demo_store.sessions.of(association.id, year.id)}
    assert after == before  # thrown away on purpose: nothing changed


async def test_leaving_and_saving_from_the_question(demo_store: Store):
    from ubtui.screens.sessions_editor import SessionEditor
    from ubtui.screens.sessions_modals import LeaveScreen

    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("down", "enter")  # session №2
        await pilot.pause()
        assert isinstance(app.screen, SessionEditor)
        await _type_input(pilot, app.screen.query_one("#place", Input), "Мугалимдер бөлмөсү")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert not isinstance(app.screen, (SessionEditor, LeaveScreen))
    assert demo_store.sessions.by_number(association.id, year.id, 2).place == "Мугалимдер бөлмөсү"


async def test_a_new_session_left_untouched_is_not_saved_and_asks_nothing(demo_store: Store):
    from ubtui.screens.sessions import SessionsScreen

    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    count = len(demo_store.sessions.of(association.id, year.id))
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_new_session(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
    assert len(demo_store.sessions.of(association.id, year.id)) == count


async def test_a_bad_date_is_refused_and_nothing_is_saved(demo_store: Store):
    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    count = len(demo_store.sessions.of(association.id, year.id))
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_new_session(pilot)
        date_input = app.screen.query_one("#date", Input)
        date_input.focus()
        date_input.value = ""
        await pilot.press(*"31.02.2025")
        await pilot.press("f2")
        await pilot.pause()
        assert not app.screen.saved_once
        assert app.focused is date_input
        # A date outside the academic year is refused by the rules, beside the field too.
        date_input.value = ""
        await pilot.press(*"01.06.2024")
        await pilot.press("f2")
        await pilot.pause()
        assert not app.screen.saved_once
    assert len(demo_store.sessions.of(association.id, year.id)) == count


async def test_decisions_are_marked_done(demo_store: Store):
    from ubtui.screens.sessions_decisions import DecisionsScreen

    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DecisionsScreen)
        first = screen.rows[0].decision
        assert first.status == "open"
        await pilot.press("space")
        await pilot.pause()
        assert first.id not in [r.decision.id for r in screen.rows]  # done: gone from the open ones
    stored = next(r.decision for r in demo_store.sessions.decisions(association.id, year.id) if r.decision.id == first.id)
    assert stored.status == "done" and stored.done_on == DEMO_DAY


async def test_print_the_year_from_the_list(demo_store: Store, tmp_path):
    from pypdf import PdfReader

    from ubtui.screens.sessions import SessionsScreen

    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
    [pdf] = list((tmp_path / "pdf").glob("*.pdf"))
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Башталгыч класстар" in text


async def test_tabs_by_keyboard_and_a_cancelled_reason_keeps_the_member_present(demo_store: Store):
    from ubtui.screens.sessions_editor import SessionEditor

    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, SessionEditor)
        tabs = editor.query_one(TabbedContent)
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        assert tabs.active == "tab-attendance"
        await pilot.press("ctrl+pageup", "ctrl+pageup")
        await pilot.pause()
        assert tabs.active == editor._tab_ids()[-1]  # round to the last item
        tabs.active = "tab-attendance"
        await pilot.pause()
        table = editor.query_one("#attendance", DataTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("escape")  # no reason given: nothing changes
        await pilot.pause()
        assert editor.attendance[0].present
        assert not editor.changed
        absent_row = next(n for n, a in enumerate(editor.attendance) if not a.present)
        table.move_cursor(row=absent_row)
        await pilot.press("space")  # back to present, the reason goes
        await pilot.pause()
        assert editor.attendance[absent_row].present and editor.attendance[absent_row].reason == ""
        assert editor.changed


async def test_a_paste_of_several_lines_keeps_them_all(demo_store: Store):
    from textual import events

    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    pasted = "Биринчи сап: <b> & <\r\nЭкинчи сап\n\n   Үчүнчү сап, чегинүү менен"
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        item = await _open_item(pilot, 1)
        heard = item.query_one(".heard", TextArea)
        heard.focus()
        heard.clear()
        app.post_message(events.Paste(pasted))  # as the terminal delivers it
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
    stored = demo_store.sessions.by_number(association.id, year.id, 1).agenda[0].heard
    assert stored == "Биринчи сап: <b> & <\nЭкинчи сап\n\n   Үчүнчү сап, чегинүү менен"


# --- agenda items built when first shown ------------------------------------------------------------


async def _open_session_one(pilot):
    from ubtui.screens.sessions_editor import SessionEditor

    await pilot.press("f4")
    await pilot.pause()
    await pilot.press("enter")  # session №1
    await pilot.pause()
    editor = pilot.app.screen
    assert isinstance(editor, SessionEditor)
    return editor


async def test_an_item_is_built_when_first_shown_and_kept_whole_until_then(demo_store: Store):
    """Opening a protocol builds no item's editor; Ctrl+PgDn to an item builds it, which is no
    change by itself; a save keeps the items never opened exactly as they were."""
    from ubtui.screens.sessions_editor import AgendaItemEditor

    association = demo_store.sorted_associations()[0]
    year = demo_store.current_year(DEMO_DAY)
    session = demo_store.sessions.by_number(association.id, year.id, 1)
    assert len(session.agenda) >= 2
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _open_session_one(pilot)
        assert len(editor._item_panes()) == len(session.agenda) and not editor.query(AgendaItemEditor)
        await pilot.press("ctrl+pagedown", "ctrl+pagedown")  # Session → Attendance → Item 1
        await pilot.pause()
        assert [editor._editor_in(p) is not None for p in editor._item_panes()] == [True] + [False] * (len(session.agenda) - 1)
        assert not editor.changed  # shown, not changed: leaving asks nothing
        title = editor._editor_in(editor._item_panes()[0]).query_one(".item-title", Input)
        assert app.focused is title
        # the cursor at the end, nothing selected: what is typed adds to the title (keys that came
        # while the item was built once replaced it: a letter overtook the End typed before it)
        assert title.selection.is_empty and title.cursor_position == len(title.value)
        await pilot.press(*" (түзөтүлдү)")
        await pilot.pause()
        assert editor.changed
        await pilot.press("f2")
        await pilot.pause()
        assert not editor.changed
    saved = demo_store.sessions.get(session.id)
    assert saved.agenda[0].title == session.agenda[0].title + " (түзөтүлдү)"
    assert saved.agenda[1:] == session.agenda[1:]


async def test_a_problem_of_an_item_not_yet_shown_is_said_in_it(demo_store: Store, monkeypatch):
    """Should the store find a problem in an item whose tab was never shown, the item's editor
    is built, the problem said beside its title, its tab marked and shown."""
    from ubtui.domain.validation import Problems
    from ubtui.screens.sessions_editor import AgendaItemEditor

    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _open_session_one(pilot)
        problems = Problems()
        problems.add("item-2", "Пункт 2: текшерүү")
        monkeypatch.setattr(demo_store.sessions.repo, "validate", lambda record: problems)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.pause()
        pane = editor._item_panes()[1]
        item = editor._editor_in(pane)
        assert isinstance(item, AgendaItemEditor) and editor._editor_in(editor._item_panes()[0]) is None
        assert "Пункт 2: текшерүү" in str(item.query_one(".problem-item").render())
        tabs = editor.query_one(TabbedContent)
        assert tabs.active == pane.id and "(!)" in str(tabs.get_tab(pane.id).label)
        assert app.focused is item.query_one(".item-title", Input)
