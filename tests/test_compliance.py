"""The compliance rules (domain/compliance.py) on crafted records, and the store without its old import circle."""

from __future__ import annotations

import datetime as dt
import ast
from pathlib import Path

from ubtui.domain.associations import Association
from ubtui.domain.compliance import association_compliance, courses_overdue, young_without_mentor
from ubtui.domain.mentoring import Mentorship
from ubtui.domain.courses import Course
from ubtui.domain.plans import Plan, PlanItem
from ubtui.domain.sessions import Session
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import Teacher
from ubtui.domain.years import AcademicYear

TODAY = dt.date(2026, 3, 2)
YEAR = AcademicYear(label="2025-2026", start=dt.date(2025, 9, 1), end=dt.date(2026, 5, 29))
RULES = Rules()


def _people() -> tuple[Association, list[Teacher], list[Course]]:
    math = Association(name="Математика")
    old = Teacher(full_name="Асанов Бакыт", pedagogical_start=dt.date(2000, 9, 1), association_id=math.id)
    fresh = Teacher(full_name="Бекова Айгүл", pedagogical_start=dt.date(2024, 9, 1), association_id=math.id)
    young2 = Teacher(full_name="Вахидова Нургүл", pedagogical_start=dt.date(2025, 9, 1), association_id=math.id)
    left = Teacher(full_name="Гаипов Эрлан", pedagogical_start=dt.date(2025, 9, 1), association_id=math.id,
                   active=False, left_on=dt.date(2025, 12, 1))
    other = Teacher(full_name="Дөөлөтова Жаңыл", pedagogical_start=dt.date(1990, 9, 1), association_id="elsewhere")
    courses = [
        Course(teacher_id=old.id, end=dt.date(2019, 6, 1), hours=72),  # lapsed in 2024
        Course(teacher_id=fresh.id, end=dt.date(2025, 6, 1), hours=72),
    ]
    return math, [old, fresh, young2, left, other], courses


def test_courses_overdue_counts_lapsed_and_never_but_not_those_who_left():
    _math, teachers, courses = _people()
    names = sorted(t.full_name for t in courses_overdue(teachers, courses, TODAY, RULES))
    # Вахидова began teaching in 2025: her first course is due five years later, as her list says.
    assert names == ["Асанов Бакыт", "Дөөлөтова Жаңыл"]


def test_young_without_mentor_honours_active_mentorships_only():
    _math, teachers, _courses = _people()
    fresh, young2 = teachers[1], teachers[2]
    assert {t.id for t in young_without_mentor(teachers, [], TODAY, RULES)} == {fresh.id, young2.id}
    ended = Mentorship(young_id=fresh.id, mentor_id=teachers[0].id, start=dt.date(2024, 9, 1), status="finished")
    current = Mentorship(young_id=young2.id, mentor_id=teachers[0].id, start=dt.date(2025, 9, 1))
    assert [t.id for t in young_without_mentor(teachers, [ended, current], TODAY, RULES)] == [fresh.id]


def test_association_compliance_on_crafted_year():
    math, teachers, courses = _people()
    held = [Session(association_id=math.id, year_id=YEAR.id, number=n, status="held", kind=kind)
            for n, kind in ((1, "regular"), (2, "seminar"))]
    draft = Session(association_id=math.id, year_id=YEAR.id, number=3)
    foreign = Session(association_id="elsewhere", year_id=YEAR.id, number=1, status="held")
    plan = Plan(association_id=math.id, year_id=YEAR.id, approved_by="Директор", approved_on=dt.date(2025, 9, 10))
    items = [PlanItem(plan_id=plan.id, status="done"), PlanItem(plan_id=plan.id), PlanItem(plan_id="other")]
    found = association_compliance(
        math, YEAR, sessions=held + [draft, foreign], plan=plan, plan_items=items, teachers=teachers,
        courses=courses, mentorships=[], rules=RULES, today=TODAY,
    )
    assert (found.sessions.held, found.sessions.required, found.sessions.drafts) == (2, 4, 1)
    assert (found.sessions.seminars, found.sessions.seminars_required) == (1, 1)
    assert found.plan_approved and not found.plan_in_time  # approved after 6 September
    assert found.plan is not None and (found.plan.done, found.plan.total) == (1, 2)
    assert (found.teachers, found.courses_overdue, found.young, found.young_without_mentor) == (3, 1, 2, 2)


def test_association_compliance_without_anything():
    math, _teachers, _courses = _people()
    found = association_compliance(math, YEAR, sessions=[], plan=None, plan_items=[], teachers=[], courses=[],
                                   rules=RULES, today=TODAY)
    assert found.sessions.held == 0 and found.plan is None and not found.plan_approved
    assert found.plan_state == "missing"


def _runtime_imports(path: Path) -> set[str]:
    """Modules a file imports when it runs (imports under `if TYPE_CHECKING:` are left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and id(node) not in skip and node.module:
            found.add(node.module)
    return found


def test_no_import_circle_between_the_store_and_its_repositories():
    store = Path(__file__).resolve().parents[1] / "ubtui" / "store"
    for name in ("sessions.py", "plans.py"):
        imports = _runtime_imports(store / name)
        assert imports & {"ubtui.store.store", "ubtui.store.overview"} == set(), name
    assert "ubtui.store.overview" not in _runtime_imports(store / "store.py")
