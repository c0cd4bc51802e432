"""Undo and redo in the store: each is a new generation on disk, backed up, bounded, described."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ubtui.domain.teachers import Teacher
from ubtui.store import SaveFailed, Store, undo
from ubtui.store.check import check_file

from conftest import DEMO_DAY


def on_disk(store: Store) -> dict:
    return json.loads(store.path.read_text(encoding="utf-8"))


def teacher_on_disk(store: Store, teacher_id: str) -> dict | None:
    return next((t for t in on_disk(store)["teachers"].values() if t["id"] == teacher_id), None)


def test_undo_writes_the_state_before_as_a_new_generation_and_redo_applies_it_again(demo_store: Store):
    teacher = demo_store.sorted_teachers()[0]
    old_phone = teacher.phone
    teacher.phone = "0555 12-34-56"
    demo_store.save_teacher(teacher)
    generation = on_disk(demo_store)["meta"]["1"]["generation"]
    assert demo_store.can_undo and not demo_store.can_redo

    described = demo_store.undo()
    assert described == "мугалим {name} сакталды".format(name=teacher.full_name)
    assert teacher_on_disk(demo_store, teacher.id)["phone"] == old_phone
    assert demo_store.teachers.get(teacher.id).phone == old_phone  # the store reads what it wrote
    assert on_disk(demo_store)["meta"]["1"]["generation"] == generation + 1  # a new write, not a rollback
    check_file(demo_store.path)  # sealed like any write
    assert demo_store.can_redo

    assert demo_store.redo() == described
    assert teacher_on_disk(demo_store, teacher.id)["phone"] == "0555 12-34-56"
    assert on_disk(demo_store)["meta"]["1"]["generation"] == generation + 2
    assert demo_store.redo() is None  # nothing more to redo


def test_undo_goes_back_step_by_step_and_a_new_change_clears_redo(demo_store: Store):
    added = demo_store.save_teacher(Teacher(full_name="Жаңы Мугалим Биринчи"))
    second = demo_store.save_teacher(Teacher(full_name="Жаңы Мугалим Экинчи"))
    session = demo_store.sessions.in_year(demo_store.current_year(DEMO_DAY).id)[0]
    demo_store.sessions.delete(session.id)
    assert demo_store.undo() == f"отурум №{session.number} өчүрүлдү"
    assert demo_store.sessions.find(session.id) is not None
    assert demo_store.undo() == "мугалим Жаңы Мугалим Экинчи сакталды"
    assert demo_store.teachers.find(second.id) is None and demo_store.teachers.find(added.id) is not None
    demo_store.save_teacher(Teacher(full_name="Үчүнчү Мугалим"))  # a new change
    assert not demo_store.can_redo and demo_store.redo() is None
    assert demo_store.undo() == "мугалим Үчүнчү Мугалим сакталды"
    assert demo_store.undo() == "мугалим Жаңы Мугалим Биринчи сакталды"
    assert demo_store.teachers.find(added.id) is None
    # The file is the demo as it was opened (meta aside), and records added after an undo get valid doc ids.
    again = demo_store.save_teacher(Teacher(full_name="Дагы Бир Мугалим"))
    keys = list(on_disk(demo_store)["teachers"])
    assert len(keys) == len(set(keys)) and teacher_on_disk(demo_store, again.id) is not None


def test_a_store_method_names_the_whole_change(demo_store: Store):
    from ubtui.domain.courses import Course

    teacher = demo_store.save_teacher(Teacher(full_name="Курстагы Мугалим"))
    demo_store.courses.save(Course(teacher_id=teacher.id, title="Санариптик сабаттуулук", start=dt.date(2025, 3, 1),
                                   end=dt.date(2025, 3, 12), hours=72))
    courses = len(demo_store.courses_of(teacher.id))
    demo_store.delete_teacher(teacher.id)
    assert demo_store.undo() == f"мугалим {teacher.full_name} өчүрүлдү"  # not "course … deleted", its first write
    assert len(demo_store.courses_of(teacher.id)) == courses


def test_nothing_to_undo_after_opening_and_an_upgrade_is_not_a_step(demo_path):
    with Store.open(demo_path) as store:
        assert not store.can_undo and store.undo() is None
        generation = store.school.meta["generation"]
    with Store.open(demo_path) as store:
        assert store.school.meta["generation"] == generation  # undo() wrote nothing


def test_the_list_is_bounded(demo_store: Store):
    teacher = demo_store.sorted_teachers()[0]
    for n in range(undo.LIMIT + 5):
        teacher.phone = f"0700 {n:06d}"
        demo_store.save_teacher(teacher)
    assert len(demo_store.school.history.undo) == undo.LIMIT
    for _n in range(undo.LIMIT):
        assert demo_store.undo()
    assert demo_store.undo() is None
    assert demo_store.teachers.get(teacher.id).phone == "0700 000004"  # the oldest steps were dropped


def test_the_byte_bound_keeps_at_least_the_newest_step():
    history = undo.History(limit=10, max_chars=10)
    history.record("a", "x" * 8)
    history.record("b", "y" * 8)
    assert [s.description for s in history.undo] == ["b"]


def test_an_undo_on_a_new_day_is_backed_up_first(demo_store: Store):
    teacher = demo_store.sorted_teachers()[0]
    teacher.phone = "0777 000 111"
    demo_store.save_teacher(teacher)
    before_undo = demo_store.path.read_bytes()
    demo_store.school.today = lambda: DEMO_DAY + dt.timedelta(days=1)
    demo_store.undo()
    backups = sorted((demo_store.path.parent / "backups").glob("*.json"))
    assert any(b.read_bytes() == before_undo for b in backups)


def test_a_failed_undo_keeps_the_file_and_the_step(demo_store: Store, monkeypatch):
    from ubtui.store import schoolfile

    teacher = demo_store.sorted_teachers()[0]
    teacher.phone = "0777 222 333"
    demo_store.save_teacher(teacher)
    before = demo_store.path.read_bytes()

    def no_room(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(schoolfile, "atomic_write", no_room)
    with pytest.raises(SaveFailed):
        demo_store.undo()
    monkeypatch.undo()
    assert demo_store.path.read_bytes() == before
    assert demo_store.teachers.get(teacher.id).phone == "0777 222 333"
    assert demo_store.can_undo and not demo_store.can_redo
    assert demo_store.undo()
    assert teacher_on_disk(demo_store, teacher.id)["phone"] != "0777 222 333"


def test_a_read_only_store_refuses_undo(demo_path):
    from ubtui.store import ReadOnly

    with Store.open(demo_path, read_only=True) as store:
        with pytest.raises(ReadOnly):
            store.undo()


# --- the keys -------------------------------------------------------------------------------------------


def phone_in_file(path, teacher_id: str) -> str:
    with Store.open(path, read_only=True) as store:  # what the file on disk holds
        return store.teachers.get(teacher_id).phone


async def test_ctrl_z_undoes_a_saved_teacher_in_the_file_and_ctrl_y_redoes_it(demo_store: Store):
    from textual.widgets import DataTable, Input

    from ubtui.app import UbtuiApp
    from ubtui.screens.teachers import TeachersScreen

    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one("#teachers", DataTable)
        teacher_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        old_phone = demo_store.teachers.get(teacher_id).phone
        await pilot.press("e")
        await pilot.pause()
        phone = app.screen.query_one("#phone", Input)
        phone.focus()
        await pilot.press("end", "shift+home", "backspace", *"0700 99-88-77")
        await pilot.press("ctrl+z")  # inside the open form: ignored, the typed text stays
        await pilot.pause()
        assert phone.value == "0700 99-88-77" and phone_in_file(demo_store.path, teacher_id) == old_phone
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, TeachersScreen)
        assert phone_in_file(demo_store.path, teacher_id) == "0700 99-88-77"

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert phone_in_file(demo_store.path, teacher_id) == old_phone
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Артка кайтарылды: мугалим") and m.endswith("сакталды") for m in messages)

        await pilot.press("ctrl+y")
        await pilot.pause()
        assert phone_in_file(demo_store.path, teacher_id) == "0700 99-88-77"
        assert any(n.message.startswith("Кайра жасалды: мугалим") for n in app._notifications)

        await pilot.press("ctrl+я")  # the key a Cyrillic layout reports where the terminal tells
        await pilot.pause()
        assert phone_in_file(demo_store.path, teacher_id) == old_phone


async def test_the_session_editor_asks_to_be_closed_before_an_undo(demo_store: Store):
    from ubtui.app import UbtuiApp
    from ubtui.screens.sessions_editor import SessionEditor

    teacher = demo_store.sorted_teachers()[0]
    teacher.phone = "0700 00-00-01"
    demo_store.save_teacher(teacher)
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionEditor)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any(n.message.startswith("Адегенде форманы жабыңыз") for n in app._notifications)
        assert demo_store.can_undo and phone_in_file(demo_store.path, teacher.id) == "0700 00-00-01"


async def test_undoing_a_new_teacher_closes_their_card(demo_store: Store):
    from ubtui.app import UbtuiApp
    from ubtui.screens.teacher_detail import TeacherDetailScreen
    from ubtui.screens.teachers import TeachersScreen

    added = demo_store.save_teacher(Teacher(full_name="Аалы Жаңы Мугалим"))
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        app.push_screen(TeacherDetailScreen(added.id))
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, TeachersScreen)
        assert demo_store.teachers.find(added.id) is None


def test_a_failed_change_leaves_no_name_for_the_next(demo_store: Store):
    from ubtui.domain.validation import ValidationError

    with pytest.raises(ValidationError):
        with demo_store.batch():
            with demo_store.school.label("this never happened"):
                demo_store.teachers.save(Teacher(full_name="Бир"))
                demo_store.teachers.save(Teacher(full_name=""))  # refused: the batch is thrown away
    demo_store.save_teacher(Teacher(full_name="Эки Мугалим"))
    assert demo_store.undo() == "мугалим Эки Мугалим сакталды"


def test_choosing_an_association_is_not_undone_and_survives_an_undo(demo_store: Store):
    first, second = demo_store.sorted_associations()[:2]
    teacher = demo_store.sorted_teachers()[0]
    teacher.phone = "0700 55-55-55"
    demo_store.save_teacher(teacher)
    demo_store.remember_choice(association_id=second.id)
    assert demo_store.undo() == f"мугалим {teacher.full_name} сакталды"  # the teacher, not the choice
    assert demo_store.chosen_association().id == second.id
    demo_store.remember_choice(association_id=first.id, language="ru")
    assert demo_store.redo() == f"мугалим {teacher.full_name} сакталды"
    assert demo_store.teachers.get(teacher.id).phone == "0700 55-55-55"
    settings = demo_store.settings()
    assert (settings.last_association_id, settings.language) == (first.id, "ru")
    assert not demo_store.can_redo and demo_store.can_undo


async def test_undo_on_settings_shows_the_school_as_it_is_again(demo_store: Store):
    from textual.widgets import Input

    from ubtui.app import UbtuiApp
    from ubtui.screens.settings import SettingsScreen

    old_village = demo_store.settings().village
    app = UbtuiApp(demo_store, today=DEMO_DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        village = app.screen.query_one("#village", Input)
        village.focus()
        village.value = ""
        await pilot.press(*"Jangy-Jol")
        await pilot.press("f2")
        await pilot.pause()
        assert demo_store.settings().village == "Jangy-Jol"
        app.screen.query_one("#tabs").focus()  # off the text field: Ctrl+Z is the app's
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#village", Input).value == old_village  # not the undone text
        assert not app.screen.has_unsaved_changes()
    with Store.open(demo_store.path, read_only=True) as again:
        assert again.settings().village == old_village


def test_an_undo_never_writes_over_a_file_changed_by_another_program(demo_store: Store):
    teacher = demo_store.sorted_teachers()[0]
    teacher.phone = "0700 44-44-44"
    demo_store.save_teacher(teacher)
    outside = demo_store.path.read_bytes().replace(b"0700 44-44-44", b"0700 44-44-45")
    demo_store.path.write_bytes(outside)
    with pytest.raises(SaveFailed):
        demo_store.undo()
    assert demo_store.path.read_bytes() == outside  # the other program's file stays
    assert demo_store.can_undo  # the step is kept
