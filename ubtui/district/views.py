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
from ubtui.domain.years import AcademicYear, pick_current

TABLES = {
    "associations": Association, "teachers": Teacher, "courses": Course, "sessions": Session,
    "plans": Plan, "plan_items": PlanItem, "years": AcademicYear, "settings": Settings,
    "mentorships": Mentorship, "lesson_events": LessonEvent,
}


@dataclass
class SchoolRecords:
    """One school's records as the domain reads them (tables this ubtui does not know stay dicts)."""

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


def load_school(db: DistrictDB, row: Any) -> SchoolRecords:
    tables: dict[str, list[Any]] = {}
    for table, _id, _doc, body in db.partition(row["file_id"]):
        data = json.loads(body)
        cls = TABLES.get(table)
        tables.setdefault(table, []).append(cls.from_dict(data) if cls is not None else data)
    return SchoolRecords(row["file_id"], row, tables)


def sorted_schools(db: DistrictDB) -> list[Any]:
    return sorted(db.schools(), key=lambda r: (name_key(r["name"]), r["number"], r["file_id"]))


def each_school(db: DistrictDB) -> Iterator[SchoolRecords]:
    for row in sorted_schools(db):
        yield load_school(db, row)


def compliance_rows(school: SchoolRecords, today: dt.date) -> list[ComplianceRow]:
    """One row per association of the school, for its current academic year."""
    year = pick_current(school.of("years"), today)
    title, number = school_title(school.row), school.row["number"]
    associations = sorted(school.of("associations"), key=lambda a: name_key(a.name))
    if year is None:
        return [ComplianceRow(title, number, school.file_id, a.name, "", None) for a in associations]
    rules = school.settings.rules
    plans = {p.association_id: p for p in school.of("plans") if p.year_id == year.id}
    rows = []
    for association in associations:
        figures = association_compliance(
            association, year, sessions=school.of("sessions"), plan=plans.get(association.id),
            plan_items=school.of("plan_items"), teachers=school.of("teachers"), courses=school.of("courses"),
            mentorships=school.of("mentorships"), lesson_events=school.of("lesson_events"), rules=rules, today=today,
        )
        rows.append(ComplianceRow(title, number, school.file_id, association.name, year.label, figures))
    return rows


def district_compliance(db: DistrictDB, today: dt.date) -> list[ComplianceRow]:
    rows: list[ComplianceRow] = []
    for school in each_school(db):
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
    for school in each_school(db):
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
