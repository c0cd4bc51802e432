"""The content of a school file is read through the domain: strict dates, types, ids, references."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from ubtui.domain.dates import parse_iso_date
from ubtui.i18n import _
from ubtui.store import soundness
from ubtui.store.soundness import Problem, Reference, find_problems, register_table, summary

from test_check_bad_files import GEN

TEACHER_ID = "7d3f1a2b-4c5e-4f60-8a9b-0c1d2e3f4a5b"
COURSE_ID = "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b"


@pytest.mark.parametrize("text", ["20250101", "2025-02-31", "вчера", "2025-1-01", " 2025-01-01", "2025-01-01T00:00",
                                  "2025-W01-1", "0000-01-01", "٢٠٢٥-٠١-٠١", "", 20250101, None, ["2025-01-01"]])
def test_strict_date_refuses_what_is_not_yyyy_mm_dd(text):
    with pytest.raises(ValueError):
        parse_iso_date(text)


def test_strict_date_reads_yyyy_mm_dd():
    assert parse_iso_date("2024-02-29") == dt.date(2024, 2, 29)
    assert parse_iso_date("0001-01-01") == dt.date.min


def test_record_reader_uses_the_strict_parser():
    from ubtui.domain.years import AcademicYear

    with pytest.raises(ValueError):
        AcademicYear.from_dict({"id": "x", "start": "20250901"})


def school(**tables) -> dict:
    """The fixtures' good school (brought to today's schema by the check) with tables added."""
    document = GEN.good_document()
    document.update(copy.deepcopy(tables))
    return document


def teacher(**fields) -> dict:
    return {"id": TEACHER_ID, "created_at": GEN.STAMP, "updated_at": GEN.STAMP, "full_name": "Үсөнов Мелис", **fields}


def test_the_good_school_and_the_demo_are_sound(demo_path):
    assert find_problems(GEN.good_document()) == []
    assert find_problems(json.loads(demo_path.read_text("utf-8"))) == []


def one(document: dict) -> Problem:
    problems = find_problems(document)
    assert problems, "expected a problem"
    return problems[0]


@pytest.mark.parametrize(
    "value, reason",
    [("2025-02-31", "must be a date written YYYY-MM-DD"), (20250101, "must be a date written YYYY-MM-DD"),
     ("вчера", "must be a date written YYYY-MM-DD")],
)
def test_a_wrong_date_names_table_record_field_and_value(value, reason):
    found = one(school(teachers={"1": teacher(birth_date=value)}))
    assert (found.table, found.record_id, found.field, found.value) == ("teachers", TEACHER_ID, "birth_date", value)
    assert found.reason == _(reason)
    line = found.line()
    assert "teachers" in line and TEACHER_ID in line and "birth_date" in line and json.dumps(value, ensure_ascii=False) in line


@pytest.mark.parametrize("name", [5, None])
def test_a_name_that_is_not_text(name):
    found = one(school(teachers={"1": teacher(full_name=name)}))
    assert (found.table, found.field, found.value) == ("teachers", "full_name", name)


def test_awards_that_are_numbers():
    problems = find_problems(school(teachers={"1": teacher(awards=[1, 2])}))
    assert [(p.field, p.value) for p in problems] == [("awards[1]", 1), ("awards[2]", 2)]


def test_a_record_with_only_an_id_misses_its_required_fields():
    found = one(school(teachers={"1": {"id": TEACHER_ID}}))
    assert (found.table, found.record_id, found.field, found.value) == ("teachers", TEACHER_ID, "full_name", soundness.ABSENT)
    assert "full_name" in found.line() and "null" not in found.line()


def test_duplicate_ids_in_a_table():
    twin = dict(GEN.good_document()["years"]["1"], label="2026-2027", start="2026-09-01", end="2027-05-29")
    found = one(school(years={"1": GEN.good_document()["years"]["1"], "2": twin}))
    assert (found.table, found.record_id, found.field) == ("years", GEN.YEAR_ID, "id")


def test_a_course_of_a_teacher_not_in_the_file():
    course = {"id": COURSE_ID, "teacher_id": "gone", "title": "Математика", "end": "2024-06-01", "hours": 72}
    found = one(school(courses={"1": course}))
    assert (found.table, found.record_id, found.field, found.value) == ("courses", COURSE_ID, "teacher_id", "gone")
    assert "teachers" in found.reason


def test_a_validator_rule_is_a_problem_too():
    course = {"id": COURSE_ID, "teacher_id": TEACHER_ID, "title": "Математика", "end": "2024-06-01", "hours": -3}
    found = one(school(teachers={"1": teacher()}, courses={"1": course}))
    assert (found.table, found.field, found.value) == ("courses", "hours", -3)


def test_rules_about_today_do_not_make_a_file_unsound():
    # A birth date after "today" is refused by the form, but an old PC with its clock in 2000 must open the file.
    assert find_problems(school(teachers={"1": teacher(birth_date="1990-05-01", pedagogical_start="2015-09-01")})) == []


def test_two_settings_records():
    settings = GEN.good_document()["settings"]["1"]
    found = one(school(settings={"1": settings, "2": dict(settings, id="another")}))
    assert (found.table, found.value) == ("settings", 2)


def test_the_summary_counts_the_other_problems():
    problems = find_problems(school(teachers={"1": teacher(full_name=5, birth_date="вчера", awards=[1])}))
    assert len(problems) == 3
    text = summary(problems)
    assert text.startswith(problems[0].line()) and "2" in text[len(problems[0].line()):]


def test_a_long_value_is_shortened_in_the_line():
    found = one(school(teachers={"1": teacher(birth_date="x" * 5000)}))
    assert len(found.line()) < 300 and "…" in found.line()


def test_other_areas_register_their_tables(monkeypatch):
    from dataclasses import dataclass

    from ubtui.domain.records import Record
    from ubtui.domain.validation import Problems

    @dataclass
    class Visit(Record):
        teacher_id: str = ""
        hours: int = 0

    def validate(visit, others):
        problems = Problems()
        if visit.hours > 10:
            problems.add("hours", "too many")
        return problems

    monkeypatch.setattr(soundness, "TABLES", dict(soundness.TABLES))
    register_table("visits", Visit, validate, lambda v: [Reference("teacher_id", "teachers", v.teacher_id)],
                   required=("teacher_id",))
    document = school(teachers={"1": teacher()}, visits={
        "1": {"id": "v1", "teacher_id": TEACHER_ID, "hours": 11},
        "2": {"id": "v2", "teacher_id": "nobody"},
        "3": {"id": "v3"},
        "4": {"id": "v4", "teacher_id": TEACHER_ID, "hours": "two"},
    })
    assert sorted((p.record_id, p.field, p.value) for p in find_problems(document)) == [
        ("v1", "hours", 11), ("v2", "teacher_id", "nobody"), ("v3", "teacher_id", soundness.ABSENT), ("v4", "hours", "two"),
    ]
