"""The teachers' screens driven by keyboard, checked against the store."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input, Select

from ubtui.app import UbtuiApp
from ubtui.screens.courses import CoursesScreen
from ubtui.screens.form import FormScreen
from ubtui.screens.teacher_detail import TeacherDetailScreen
from ubtui.screens.teachers import TeachersScreen
from ubtui.store import Store

from conftest import DEMO_DAY


async def fill(pilot, selector: str, text: str) -> None:
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    widget.insert_text_at_cursor(text)
    await pilot.pause()


def rows(screen, table_id: str) -> list[str]:
    table = screen.query_one(table_id, DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_add_a_teacher_with_kyrgyz_text(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    before = len(demo_store.teachers.all())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, TeachersScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await fill(pilot, "#full_name", "Үмөталиева  Гүлүмкан Өмүровна")
        await fill(pilot, "#birth_date", "14.03.1990")
        await fill(pilot, "#subjects", "кыргыз тили, адабият")
        await fill(pilot, "#institution", "Ж. Баласагын атындагы КУУ")
        await fill(pilot, "#pedagogical_start", "01.09.2024")
        await fill(pilot, "#total_start", "01.09.2024")
        await fill(pilot, "#weekly_load", "18,5")
        app.screen.query_one("#category", Select).value = "second"
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, TeachersScreen)
        names = rows(app.screen, "#teachers")
        assert any(name.removeprefix("* ").startswith("Үмөталиева Гүлүмкан Өмүровна") for name in names)
        # young: teaching since 2024, under the 3-year rule
        assert any(name.startswith("* ") and "Үмөталиева" in name for name in names)  # the young mark, first
    assert len(demo_store.teachers.all()) == before + 1
    saved = demo_store.find_teacher("Үмөталиева Гүлүмкан Өмүровна")
    assert saved is not None
    assert saved.birth_date == dt.date(1990, 3, 14)
    assert saved.subjects == ["кыргыз тили", "адабият"]
    assert saved.institution == "Ж. Баласагын атындагы КУУ"
    assert saved.weekly_load == 18.5
    assert saved.category == "second"
    association = demo_store.chosen_association()
    assert saved.association_id == association.id
    assert saved.id in {m.teacher_id for m in demo_store.associations.get(association.id).members}


async def test_birth_date_in_the_future_is_refused_beside_the_field(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    before = len(demo_store.teachers.all())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "f2")
        await pilot.pause()
        await fill(pilot, "#full_name", "Жаңы Мугалим")
        await fill(pilot, "#birth_date", "01.01.2090")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert str(app.screen.query_one("#field-birth_date .error").render())
    assert len(demo_store.teachers.all()) == before


async def test_edit_and_filter(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        first = rows(screen, "#teachers")[0]
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "#phone", "0700 11-22-33")
        await pilot.press("f2")
        await pilot.pause()
        teacher = demo_store.find_teacher(first.removeprefix("* "))
        assert teacher.phone == "0700 11-22-33"
        # filter by a part of a name
        await pilot.press("slash")
        await fill(pilot, "#filter", first.split()[0][:5])
        shown = rows(screen, "#teachers")
        assert shown and all(first.split()[0][:5].casefold() in n.casefold() for n in shown)
        # filter by status words works across the whole school
        await pilot.press("escape")
        screen.query_one("#teachers", DataTable).focus()
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "#filter", "")
        assert len(rows(screen, "#teachers")) == len(demo_store.sorted_teachers())


async def test_detail_add_course_updates_status(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    never = [t for t, s in demo_store.course_statuses(DEMO_DAY) if s.state == "never"]
    assert never, "the demo has a teacher with no course"
    teacher = never[0]
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(TeacherDetailScreen(teacher.id))
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await fill(pilot, "#title", "Жаңы мамлекеттик стандарт боюнча окутуу")
        await fill(pilot, "#start", "03.11.2025")
        await fill(pilot, "#end", "14.11.2025")
        await fill(pilot, "#hours", "72")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, TeacherDetailScreen)
    courses = demo_store.courses_of(teacher.id)
    assert [c.title for c in courses] == ["Жаңы мамлекеттик стандарт боюнча окутуу"]
    assert demo_store.course_status_of(teacher, DEMO_DAY).state == "ok"


async def test_course_end_before_start_is_refused(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    teacher = demo_store.sorted_teachers()[0]
    count = len(demo_store.courses_of(teacher.id))
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(TeacherDetailScreen(teacher.id))
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await fill(pilot, "#title", "Курс")
        await fill(pilot, "#start", "14.11.2025")
        await fill(pilot, "#end", "03.11.2025")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
    assert len(demo_store.courses_of(teacher.id)) == count


async def test_add_award_from_the_common_list(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    teacher = demo_store.sorted_teachers()[1]
    count = len(teacher.awards)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(TeacherDetailScreen(teacher.id))
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#common", Select).value = "3"
        await pilot.pause()
        await fill(pilot, "#year", "2024")
        await pilot.press("f2")
        await pilot.pause()
    awards = demo_store.teachers.get(teacher.id).awards
    assert len(awards) == count + 1
    assert awards[-1].year == 2024 and awards[-1].level == "ministry" and awards[-1].title


async def test_delete_asks_and_removes_the_teacher_with_courses(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        first = rows(app.screen, "#teachers")[0].removeprefix("* ")
        teacher = demo_store.find_teacher(first)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert demo_store.teachers.find(teacher.id) is not None
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
    if demo_store.teacher_references(teacher.id):
        assert demo_store.teachers.get(teacher.id).active is False
    else:
        assert demo_store.teachers.find(teacher.id) is None
        assert demo_store.courses_of(teacher.id) == []


async def test_courses_screen_lists_the_most_urgent_first(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, CoursesScreen)
        table = app.screen.query_one("#due", DataTable)
        marks = [str(table.get_row_at(i)[0]).split()[0] for i in range(table.row_count)]
        assert marks[0] == "!!"
        assert marks == sorted(marks, key=["!!", "-", "!", "+"].index)
        await pilot.press("d")
        await pilot.pause()
        assert "+" not in [str(table.get_row_at(i)[0]).split()[0] for i in range(table.row_count)]


async def test_print_the_information_bank_and_the_course_list(demo_store: Store, tmp_path, monkeypatch):
    from pypdf import PdfReader

    monkeypatch.setenv("UBTUI_PDF_DIR", str(tmp_path))
    monkeypatch.setenv("UBTUI_NO_VIEWER", "1")
    association = demo_store.chosen_association()
    members = [t.full_name for t in demo_store.teachers_of(association.id)]
    others = [t.full_name for t in demo_store.sorted_teachers() if t.association_id != association.id]
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f6", "p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(str(tmp_path) in n.message for n in app._notifications)
    staff = " ".join(p.extract_text() for p in PdfReader(tmp_path / "staff_2025-2026.pdf").pages)
    staff = " ".join(staff.split())
    assert all(" ".join(name.split()[:2]) in staff for name in members)
    assert not any(" ".join(name.split()[:2]) in staff for name in others)  # only the chosen association
    courses = " ".join(p.extract_text() for p in PdfReader(tmp_path / "courses_2025-2026.pdf").pages)
    courses = " ".join(courses.split())
    assert all(" ".join(name.split()[:2]) in courses for name in members + others)  # the whole school


async def test_form_asks_on_leave_only_when_something_changed(demo_store: Store):
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "e")
        await pilot.pause()
        await pilot.press("escape")  # nothing changed: the form closes at once
        await pilot.pause()
        assert isinstance(app.screen, TeachersScreen)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#category", Select).value = "highest"  # a choice alone counts as a change
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmScreen"
