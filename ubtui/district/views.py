"""What the district sees: who submitted, each school's compliance per association, teachers
overdue for courses — computed by `domain.compliance`, the rules of the school's home screen."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterator

from ubtui.district.db import DistrictDB
from ubtui.domain.associations import Association
from ubtui.domain.compliance import AssociationCompliance, association_compliance, courses_overdue
from ubtui.domain.courses import Course
from ubtui.domain.lessons import LessonEvent
from ubtui.domain.mentoring import Mentorship
from ubtui.domain.plans import Plan, PlanItem
from ubtui.domain.sessions import Session
from ubtui.domain.settings import Settings
from ubtui.domain.teachers import Teacher, name_key
from ubtui.domain.collation import numbered_key
from ubtui.domain.years import AcademicYear, pick_current
from ubtui.store.jsonio import collector_paused

TABLES = {
    "associations": Association, "teachers": Teacher, "courses": Course, "sessions": Session,
    "plans": Plan, "plan_items": PlanItem, "years": AcademicYear, "settings": Settings,
    "mentorships": Mentorship, "lesson_events": LessonEvent,
}


@dataclass
class SchoolRecords:
    """One school's records as the domain reads them (tables this ubtui does not know stay dicts);
    loaded for a day, of its sessions, lesson events and plan items only the current year's."""

    file_id: str
    row: Any  # the `schools` row
    tables: dict[str, list[Any]]

    def of(self, name: str) -> list[Any]:
        return self.tables.get(name, [])

    @property
    def settings(self) -> Settings:
        found = self.of("settings")
        return found[0] if found else Settings()


@dataclass(frozen=True)
class ComplianceRow:
    school: str
    number: str
    file_id: str
    association: str
    year: str
    figures: AssociationCompliance | None  # None: the school has no academic year on file


def school_title(row: Any) -> str:
    number = row["number"]
    return " ".join(p for p in (f"№{number}" if number else "", row["name"]) if p)


# Read for a day: the years and plans first, to know which sessions, lesson events and plan
# items are the current year's (the compliance of that year looks at no others).
_FIRST = ("years", "plans")
_OF_THE_YEAR = {"sessions": "year_id", "lesson_events": "year_id"}


def load_school(db: DistrictDB, row: Any, *, today: dt.date | None = None,
                only: tuple[str, ...] | None = None) -> SchoolRecords:
    """A school's records: every table, or `only` those; with `today`, of the year-bound tables
    only the records of the academic year current on that day."""
    texts = dict(db.tables(row["file_id"], only))
    tables: dict[str, list[Any]] = {}
    year_id: str | None = None
    plan_ids: set[str] = set()
    with collector_paused():  # records make no cycles
        for table in sorted(texts, key=lambda name: _FIRST.index(name) if name in _FIRST else len(_FIRST)):
            values = list(json.loads(texts[table]).values())  # a table in one parse, its records in the packet's order
            if today is not None and table in _OF_THE_YEAR:
                values = [data for data in values if data.get(_OF_THE_YEAR[table]) == year_id]
            elif today is not None and table == "plan_items":
                values = [data for data in values if data.get("plan_id") in plan_ids]
            cls = TABLES.get(table)
            if cls is None:
                tables[table] = values
                continue
            tables[table] = [cls.from_dict(data) for data in values]
            if today is not None and table == "years":
                year = pick_current(tables[table], today)
                year_id = year.id if year is not None else None
            elif today is not None and table == "plans":
                plan_ids = {plan.id for plan in tables[table] if plan.year_id == year_id}
    return SchoolRecords(row["file_id"], row, tables)


def sorted_schools(db: DistrictDB) -> list[Any]:
    """The schools by name, a number in it (or the school's number) counted as a number: №2 before №12."""
    return sorted(db.schools(), key=lambda r: (numbered_key(r["name"]), numbered_key(r["number"]), r["file_id"]))


def each_school(db: DistrictDB, *, today: dt.date | None = None,
                only: tuple[str, ...] | None = None) -> Iterator[SchoolRecords]:
    for row in sorted_schools(db):
        yield load_school(db, row, today=today, only=only)


def compliance_rows(school: SchoolRecords, today: dt.date) -> list[ComplianceRow]:
    """One row per association of the school, for its current academic year."""
    year = pick_current(school.of("years"), today)
    title, number = school_title(school.row), school.row["number"]
    associations = sorted(school.of("associations"), key=lambda a: name_key(a.name))
    if year is None:
        return [ComplianceRow(title, number, school.file_id, a.name, "", None) for a in associations]
    rules = school.settings.rules
    plans = {p.association_id: p for p in school.of("plans") if p.year_id == year.id}
    # Each association is given its own records (the rules would pick them out of all of them).
    sessions = _grouped(school.of("sessions"), "association_id")
    events = _grouped(school.of("lesson_events"), "association_id")
    items = _grouped(school.of("plan_items"), "plan_id")
    teachers = _grouped(school.of("teachers"), "association_id")
    courses = _grouped(school.of("courses"), "teacher_id")
    rows = []
    for association in associations:
        plan = plans.get(association.id)
        members = teachers.get(association.id, [])
        figures = association_compliance(
            association, year, sessions=sessions.get(association.id, []), plan=plan,
            plan_items=items.get(plan.id, []) if plan is not None else [], teachers=members,
            courses=[c for t in members for c in courses.get(t.id, [])], mentorships=school.of("mentorships"),
            lesson_events=events.get(association.id, []), rules=rules, today=today,
        )
        rows.append(ComplianceRow(title, number, school.file_id, association.name, year.label, figures))
    return rows


def _grouped(records: list[Any], field: str) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    for record in records:
        groups.setdefault(getattr(record, field), []).append(record)
    return groups


def district_compliance(db: DistrictDB, today: dt.date) -> list[ComplianceRow]:
    rows: list[ComplianceRow] = []
    for school in each_school(db, today=today):
        rows.extend(compliance_rows(school, today))
    return rows


@dataclass(frozen=True)
class OverdueTeacher:
    school: str
    teacher: str
    association: str


def overdue_teachers(db: DistrictDB, today: dt.date) -> list[OverdueTeacher]:
    """Active teachers past the course rule across the district, by school then name."""
    found = []
    for school in each_school(db, only=("associations", "teachers", "courses", "settings")):
        names = {a.id: a.name for a in school.of("associations")}
        late = courses_overdue(school.of("teachers"), school.of("courses"), today, school.settings.rules)
        for teacher in sorted(late, key=lambda t: name_key(t.full_name)):
            found.append(OverdueTeacher(school_title(school.row), teacher.full_name, names.get(teacher.association_id, "")))
    return found


# --- who submitted --------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace("«", " ").replace("»", " ").split())


def matches(expected: tuple[str, str], row: Any) -> bool:
    """An expected school (number, name) is the imported one when the numbers agree (if given)
    and the name is part of the school's name (if given)."""
    number, name = expected
    if number and number.strip().lstrip("№").strip() != str(row["number"]).strip():
        return False
    return not name or _norm(name) in _norm(row["name"])


def parse_expected(text: str) -> list[tuple[str, str]]:
    """Lines `NUMBER; NAME` (or `NUMBER,NAME`, a tab, or only a name); `#` starts a comment."""
    found = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        for separator in (";", "\t", ","):
            if separator in line:
                number, name = (part.strip() for part in line.split(separator, 1))
                break
        else:
            first, _sep, rest = line.partition(" ")
            digits = first.lstrip("№")
            number, name = (digits, rest.strip()) if digits.isdigit() else ("", line)
        found.append((number.lstrip("№").strip(), name))
    return found


def missing_schools(db: DistrictDB) -> list[tuple[str, str]]:
    """The expected schools no imported packet matches."""
    rows = db.schools()
    return [e for e in db.expected() if not any(matches(e, row) for row in rows)]
