"""`ubtui check FILE --accept`: an edit made outside ubtui on purpose is checked, backed up and sealed anew."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ubtui.app import UbtuiApp
from ubtui.i18n import _
from ubtui.store import DamagedFile, Store, backups
from ubtui.store.lock import InstanceLock
from ubtui.store.schoolfile import parse

from conftest import DEMO_DAY
from test_check_bad_files import one_line, run_check

NEW_NAME = "«Жаңы-Арык» орто мектеби"


def edit_outside(path: Path, change) -> bytes:
    """What a person does with a text editor or jq: load, change, write back (the checksum now stale)."""
    document = json.loads(path.read_text("utf-8"))
    change(document)
    data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    path.write_bytes(data)
    return data


def rename_school(document: dict) -> None:
    next(iter(document["settings"].values()))["school_name"] = NEW_NAME


def first_teacher(document: dict) -> dict:
    return document["teachers"][min(document["teachers"], key=int)]


async def test_a_sound_edit_is_accepted_and_the_tui_shows_it(demo_path, capsys):
    generation = parse(demo_path.read_bytes())["meta"]["1"]["generation"]
    edited = edit_outside(demo_path, rename_school)
    with pytest.raises(DamagedFile):  # the stale checksum keeps it closed until accepted
        Store.open(demo_path)

    code, out, err = run_check(capsys, "check", str(demo_path), "--accept")

    assert code == 0 and err == ""
    found = backups.list_backups(demo_path)
    kept = [b for b in found if b.path.read_bytes() == edited]
    assert kept and kept[0].kind == "before-accept" and kept[0].name in out  # the file as it was, in backups/
    sealed = parse(demo_path.read_bytes())
    assert sealed["meta"]["1"]["generation"] == generation + 1
    code, out, err = run_check(capsys, "check", str(demo_path))
    assert code == 0 and NEW_NAME in out

    with Store.open(demo_path) as store:
        app = UbtuiApp(store, today=DEMO_DAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert NEW_NAME in app.title
            assert not store.read_only and not store.school.problems


def test_an_accepted_teacher_edit_is_what_the_store_reads(demo_path, capsys):
    def change(document: dict) -> None:
        first_teacher(document)["full_name"] = "Абдыкадырова Нургүл Асановна"
        first_teacher(document)["birth_date"] = "1979-02-28"

    edit_outside(demo_path, change)
    assert run_check(capsys, "check", str(demo_path), "--accept")[0] == 0
    teacher_id = first_teacher(json.loads(demo_path.read_text("utf-8")))["id"]
    with Store.open(demo_path) as store:
        teacher = store.teachers.get(teacher_id)
        assert teacher.full_name == "Абдыкадырова Нургүл Асановна" and teacher.birth_date.isoformat() == "1979-02-28"
        store.save_teacher(teacher)  # and it is writable again


@pytest.mark.parametrize(
    "field, value",
    [("birth_date", "2025-02-31"), ("birth_date", "20250101"), ("birth_date", "вчера"), ("full_name", 7),
     ("awards", [1, 2]), ("association_id", "00000000-0000-4000-8000-000000000000")],
)
def test_an_unsound_edit_is_refused_and_the_file_left_as_it_is(demo_path, capsys, field, value):
    edited = edit_outside(demo_path, lambda d: first_teacher(d).update({field: value}))
    stamp = demo_path.stat().st_mtime_ns
    before = {b.name for b in backups.list_backups(demo_path)}

    code, out, err = run_check(capsys, "check", str(demo_path), "--accept")

    assert code == 1 and out == ""
    assert f"“{field}" in one_line(err)
    assert demo_path.read_bytes() == edited and demo_path.stat().st_mtime_ns == stamp
    assert {b.name for b in backups.list_backups(demo_path)} == before


def test_a_file_that_is_not_json_is_refused(demo_path, capsys):
    data = demo_path.read_bytes()[:-20]
    demo_path.write_bytes(data)
    code, out, err = run_check(capsys, "check", str(demo_path), "--accept")
    assert code == 1 and out == "" and _("the file is cut off (truncated)") in one_line(err)
    assert demo_path.read_bytes() == data


def test_a_sealed_file_needs_nothing(demo_path, capsys):
    data = demo_path.read_bytes()
    code, out, err = run_check(capsys, "check", str(demo_path), "--accept")
    assert code == 0 and err == "" and _("nothing to accept") in out
    assert demo_path.read_bytes() == data


def test_accept_waits_for_no_writer(demo_path, capsys):
    edited = edit_outside(demo_path, rename_school)
    lock = InstanceLock(demo_path)
    assert lock.acquire()
    try:
        code, out, err = run_check(capsys, "check", str(demo_path), "--accept")
    finally:
        lock.release()
    assert code == 1 and one_line(err)
    assert demo_path.read_bytes() == edited
