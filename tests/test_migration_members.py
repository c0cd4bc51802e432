"""Schema 1 → 2: association members written as names become linked teacher records."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from ubtui import cli
from ubtui.domain.teachers import Teacher
from ubtui.store import Store, migrations
from ubtui.store.check import check_file
from ubtui.store.schoolfile import render

PRIMARY_ID = "0b7c1b52-3d4e-4f5a-8b6c-7d8e9f0a1b2c"
LANGUAGES_ID = "5f1e2d3c-4b5a-4697-8877-665544332211"


def member(name: str) -> dict:
    return {"name": name, "teacher_id": ""}


def schema1_document() -> dict:
    """A school document as ubtui with schema 1 wrote it: members are names only."""
    stamp = "2025-08-30T09:00:00+00:00"
    return {
        "meta": {
            "1": {
                "format": "ubtui",
                "schema": 1,
                "file_id": "9d5f3a8e-1c2b-4e7f-9a6d-3b8c7e2f1a40",
                "app_version": "0.1.0",
                "generation": 6,
                "created_at": stamp,
            }
        },
        "settings": {
            "1": {
                "id": "7a3e9c41-2b8d-4f6e-a1c5-9d0b3e7f2a68",
                "created_at": stamp,
                "updated_at": stamp,
                "school_name": "Токтогул Сатылганов атындагы орто мектеби",
                "school_number": "12",
                "language": "ky",
                "last_association_id": "",
                "rules": {"course_hours": 72, "course_period_years": 5, "sessions_per_year": 4,
                          "seminars_per_year": 1, "young_teacher_years": 3},
                "deputies": [],
            }
        },
        "years": {},
        "associations": {
            "1": {
                "id": PRIMARY_ID,
                "created_at": stamp,
                "updated_at": stamp,
                "name": "Башталгыч класстар",
                "area": "1–4-класстар",
                "head": "Жумабаева Гүлзат Эркиновна",
                "secretary": "Бекмуратова Айнура",
                "members": [
                    member("Жумабаева Гүлзат Эркиновна"),
                    member("Бекмуратова  Айнура"),  # two spaces, as typed
                    member("Төлөгөнова Чолпон"),
                    member("   "),
                ],
            },
            "2": {
                "id": LANGUAGES_ID,
                "created_at": stamp,
                "updated_at": stamp,
                "name": "Тилдер жана адабият",
                "area": "кыргыз тили, орус тили",
                "head": "Мамбетова Гүлмира",
                "secretary": "",
                "members": [member("Мамбетова Гүлмира"), member("бекмуратова айнура")],
            },
        },
    }


def write_schema1(path: Path, document: dict | None = None) -> bytes:
    data = render(copy.deepcopy(document or schema1_document()))
    path.write_bytes(data)
    return data


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "school.json"
    write_schema1(path)
    return path


def test_there_is_a_step_from_1():
    assert migrations.SCHEMA >= 2
    assert 1 in migrations.STEPS


def test_opening_makes_and_links_a_teacher_per_member(old_file, tmp_path):
    original = old_file.read_bytes()
    with Store.open(old_file) as store:
        teachers = store.sorted_teachers()
        names = [t.full_name for t in teachers]
        # Blank names are dropped; spacing and case do not make a second teacher.
        assert sorted(names) == sorted(
            ["Жумабаева Гүлзат Эркиновна", "Бекмуратова Айнура", "Төлөгөнова Чолпон", "Мамбетова Гүлмира"]
        )
        by_name = {t.full_name: t for t in teachers}
        assert by_name["Бекмуратова Айнура"].association_id == PRIMARY_ID  # the first association listing her
        assert by_name["Мамбетова Гүлмира"].association_id == LANGUAGES_ID
        for teacher in teachers:
            assert teacher.id and teacher.created_at and teacher.updated_at and teacher.active
        primary = store.associations.get(PRIMARY_ID)
        languages = store.associations.get(LANGUAGES_ID)
        assert [m.teacher_id for m in primary.members[:3]] == [
            by_name["Жумабаева Гүлзат Эркиновна"].id, by_name["Бекмуратова Айнура"].id, by_name["Төлөгөнова Чолпон"].id
        ]
        assert [t.full_name for t in store.members_of(languages)] == ["Мамбетова Гүлмира", "Бекмуратова Айнура"]
        # The screens' query agrees with the links.
        assert [t.full_name for t in store.teachers_of(LANGUAGES_ID)] == ["Мамбетова Гүлмира"]
    on_disk = json.loads(old_file.read_bytes())
    assert on_disk["meta"]["1"]["schema"] == migrations.SCHEMA
    assert on_disk["meta"]["1"]["file_id"] == "9d5f3a8e-1c2b-4e7f-9a6d-3b8c7e2f1a40"
    assert len(on_disk["teachers"]) == 4
    check_file(old_file)  # a verified school file (raises otherwise)
    backups = list((tmp_path / "backups").glob("school_*_schema1*.json"))
    assert len(backups) == 1 and backups[0].read_bytes() == original


def test_reopening_adds_nothing(old_file):
    with Store.open(old_file) as store:
        first = {t.id for t in store.teachers.all()}
    with Store.open(old_file) as store:
        assert {t.id for t in store.teachers.all()} == first


def test_the_step_is_pure_and_links_existing_teachers():
    document = schema1_document()
    document["teachers"] = {
        "3": {"id": "existing-id", "created_at": "x", "updated_at": "x", "full_name": "Төлөгөнова  Чолпон"}
    }
    document["associations"]["2"]["members"].append("Исакова Светлана")  # a bare name
    before = copy.deepcopy(document)
    result = migrations.STEPS[1](document)
    assert document == before  # input untouched
    teachers = result["teachers"]
    assert teachers["3"]["full_name"] == "Төлөгөнова  Чолпон"  # not renamed
    assert len(teachers) == 5 and set(teachers) == {"3", "4", "5", "6", "7"}
    members = result["associations"]["1"]["members"]
    assert members[2]["teacher_id"] == "existing-id"
    assert members[3] == {"name": "   ", "teacher_id": ""}
    assert result["associations"]["2"]["members"][-1]["name"] == "Исакова Светлана"
    assert result["associations"]["2"]["members"][-1]["teacher_id"]
    # Mutating the result leaves the input as it was: no shared nested objects.
    result["associations"]["1"]["members"][0]["name"] = "changed"
    assert document == before
    for record in teachers.values():
        Teacher.from_dict(record)  # today's dataclass reads what the frozen step wrote


def test_a_file_without_associations_migrates_to_an_empty_teachers_table():
    document = schema1_document()
    document["associations"] = {}
    result = migrations.migrate(document)
    assert result["teachers"] == {} and migrations.schema_of(result) == migrations.SCHEMA


def test_read_only_open_migrates_in_memory_and_writes_nothing(old_file, tmp_path):
    original = old_file.read_bytes()
    with Store.open(old_file, read_only=True) as store:
        assert store.school.meta["schema"] == migrations.SCHEMA
        assert len(store.sorted_teachers()) == 4
    assert old_file.read_bytes() == original
    assert not (tmp_path / "backups").exists()


def test_printing_an_old_file_works_and_leaves_it_alone(old_file, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    original = old_file.read_bytes()
    assert cli.main(["--db", str(old_file), "print", "staff", "-o", str(tmp_path / "bank.pdf")]) == 0
    assert (tmp_path / "bank.pdf").read_bytes().startswith(b"%PDF")
    assert old_file.read_bytes() == original
    assert cli.main(["--db", str(old_file), "report", "staff", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "Төлөгөнова Чолпон" in out


def test_editing_a_migrated_teacher_keeps_one_membership(old_file):
    with Store.open(old_file) as store:
        teacher = store.find_teacher("Төлөгөнова")
        assert teacher is not None
        teacher.birth_date = dt.date(1968, 6, 23)
        teacher.full_name = "Төлөгөнова Чолпон Кубанычбековна"
        store.save_teacher(teacher)
        primary = store.associations.get(PRIMARY_ID)
        linked = [m for m in primary.members if m.teacher_id == teacher.id]
        assert [m.name for m in linked] == ["Төлөгөнова Чолпон Кубанычбековна"]
