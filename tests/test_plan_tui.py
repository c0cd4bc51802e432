"""The work plan screen (F5) driven by keyboard, checked against the store; snapshots in ky and ru."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, OptionList, Select, TextArea

from ubtui import i18n
from ubtui.app import UbtuiApp
from ubtui.domain.plan_template import ITEMS
from ubtui.domain.plans import DONE, PLANNED, Due, filter_items
from ubtui.screens.confirm import ConfirmScreen
from ubtui.screens.form import FormScreen
from ubtui.screens.pickers import PickScreen
from ubtui.screens.plan import PlanScreen
from ubtui.screens.plan_forms import DoneScreen
from ubtui.store import Store

from conftest import DEMO_DAY


def context(store: Store):
    association = store.chosen_association()
    year = store.current_year(DEMO_DAY)
    return association, year


def row_keys(app) -> list[str]:
    table = app.screen.query_one("#plan-items", DataTable)
    return [str(table.coordinate_to_cell_key((i, 0)).row_key.value) for i in range(table.row_count)]


async def put_cursor_on(pilot, key: str) -> None:
    table = pilot.app.screen.query_one("#plan-items", DataTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(key))
    await pilot.pause()


async def fill(pilot, selector: str, text: str) -> None:
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    widget.insert_text_at_cursor(text)
    await pilot.pause()


async def test_start_from_the_template_edit_an_item_and_mark_one_done(demo_store: Store):
    association, year = context(demo_store)
    demo_store.plans.delete_plan(demo_store.plans.find(association.id, year.id).id)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert row_keys(app) == []
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        app.screen.query_one(OptionList).highlighted = 0  # from the template, in Kyrgyz
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        plan = demo_store.plans.find(association.id, year.id)
        assert plan is not None
        items = demo_store.plans.items_of(plan)
        assert len(items) == len(ITEMS) and items[0].content == ITEMS[0].ky
        assert len(row_keys(app)) == len(ITEMS) + 4  # a row per section

        # Edit the first item: new words and a due in October.
        first = items[0]
        await put_cursor_on(pilot, first.id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        content = app.screen.query_one("#plan-content", TextArea)
        content.clear()
        content.insert("Мугалимдер жөнүндө маалыматты жаңылоо (ОББга тапшыруу)")
        await fill(pilot, "#plan-due", "октябрь")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        saved = demo_store.plans.items.get(first.id)
        assert saved.content == "Мугалимдер жөнүндө маалыматты жаңылоо (ОББга тапшыруу)"
        assert saved.due == Due.in_months(10)

        # Mark it done with a note: d, the note, Enter.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        app.screen.query_one("#plan-done-note", Input).insert_text_at_cursor("№2 отурумда угулду")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
    done = demo_store.plans.items.get(first.id)
    assert (done.status, done.note, done.done_on) == (DONE, "№2 отурумда угулду", DEMO_DAY)
    again = Store.open(demo_store.path, read_only=True)  # on disk, not only in memory
    assert again.plans.items.get(first.id).status == DONE


async def test_done_in_two_keystrokes(demo_store: Store):
    association, year = context(demo_store)
    plan = demo_store.plans.find(association.id, year.id)
    target = next(i for i in demo_store.plans.items_of(plan) if i.status == PLANNED)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await put_cursor_on(pilot, target.id)
        await pilot.press("d", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
    assert demo_store.plans.items.get(target.id).status == DONE


async def test_starting_again_asks_before_replacing(demo_store: Store):
    association, year = context(demo_store)
    plan = demo_store.plans.find(association.id, year.id)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one(OptionList).highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
    assert demo_store.plans.find(association.id, year.id).id == plan.id


async def test_this_month_and_reordering(demo_store: Store):
    association, year = context(demo_store)
    plan = demo_store.plans.find(association.id, year.id)
    items = demo_store.plans.items_of(plan)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert app.screen.query_one("#filter-month", Select).value == "11"
        november = filter_items(items, year, DEMO_DAY, month=11)
        shown = [k for k in row_keys(app) if not k.startswith("section:")]
        assert shown == [i.id for i in november]
        await pilot.press("m")
        await pilot.pause()
        assert len([k for k in row_keys(app) if not k.startswith("section:")]) == len(items)
        first, second = items[0], items[1]
        assert first.section == second.section
        await put_cursor_on(pilot, first.id)
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert row_keys(app).index(first.id) > row_keys(app).index(second.id)
    assert demo_store.plans.items.get(first.id).order == 2
    assert demo_store.plans.items.get(second.id).order == 1


async def test_the_item_form_says_what_is_wrong(demo_store: Store):
    i18n.set_language("ky")
    association, year = context(demo_store)
    plan = demo_store.plans.find(association.id, year.id)
    before = len(demo_store.plans.items_of(plan))
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await fill(pilot, "#plan-due", "13")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "чейрек" in str(app.screen.query_one("#field-due .error").render())
        await fill(pilot, "#plan-due", "12")
        await pilot.press("f2")
        await pilot.pause()
        assert "Эмне аткарыларын жазыңыз." in str(app.screen.query_one("#field-content .error").render())
        app.screen.query_one("#plan-content", TextArea).insert("Жаңы жылдык кече")
        await fill(pilot, "#plan-new_section", "Тарбия иштери")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
    items = demo_store.plans.items_of(demo_store.plans.plans.get(plan.id))
    assert len(items) == before + 1
    added = items[-1]
    assert (added.content, added.section, added.due) == ("Жаңы жылдык кече", "Тарбия иштери", Due.in_months(12))


async def test_approval_form(demo_store: Store):
    association, year = context(demo_store)
    plan = demo_store.plans.find(association.id, year.id)
    plan.approved_by, plan.approved_position, plan.approved_on = "", "", None
    demo_store.plans.save_plan(plan)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#plan-approved_by", Input).value == demo_store.settings().director
        await pilot.press("f2")  # a name without a date
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await fill(pilot, "#plan-approved_on", "05.09.2025")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
    saved = demo_store.plans.plans.get(plan.id)
    assert saved.approved_on is not None and saved.approved_on.isoformat() == "2025-09-05"
    assert saved.approved_by == demo_store.settings().director


async def test_an_archive_year_is_read_only(demo_store: Store):
    association, _year = context(demo_store)
    last = [y for y in demo_store.sorted_years() if y.closed][0]
    plan = demo_store.plans.find(association.id, last.id)
    target = next(i for i in demo_store.plans.items_of(plan) if i.status != DONE)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.year = last
        await pilot.press("f5")
        await pilot.pause()
        await put_cursor_on(pilot, target.id)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert "архив" in str(app.screen.query_one("#plan-state").render())
    assert demo_store.plans.items.get(target.id).status == target.status


async def test_print_the_monthly_plan_from_the_screen(demo_store: Store, tmp_path, monkeypatch):
    from pypdf import PdfReader

    monkeypatch.setenv("UBTUI_PDF_DIR", str(tmp_path))
    monkeypatch.setenv("UBTUI_NO_VIEWER", "1")
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("m", "p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(str(tmp_path) in n.message for n in app._notifications)  # the user is told where it is
    target = tmp_path / "plan_2025-2026_11.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "ноябрь айына карата ИШ ПЛАНЫ" in " ".join(text.split()) and "БЕКИТЕМ" not in text  # the head's monthly plan


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_plan_screen_snapshot(snap_compare, demo_store, language):
    i18n.set_language(language)
    app = UbtuiApp(demo_store, language_forced=language, today=DEMO_DAY)
    assert snap_compare(app, press=["f5"], terminal_size=(80, 24))
