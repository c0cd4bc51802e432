"""The home screen's attention rules (domain/compliance.py, domain/attention.py) on crafted records."""

from __future__ import annotations

import datetime as dt

from ubtui import i18n
from ubtui.domain import attention as a
from ubtui.domain import compliance as c
from ubtui.domain.associations import Association
from ubtui.domain.courses import Course
from ubtui.domain.lessons import LessonEvent
from ubtui.domain.mentoring import Mentorship
from ubtui.domain.people import Person
from ubtui.domain.plans import Due, Plan, PlanItem
from ubtui.domain.sessions import AgendaItem, Attendance, Decision, Session
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import Teacher
from ubtui.domain.years import default_year

YEAR = default_year(2025)  # quarters: 1.9–31.10, 10.11–29.12, 12.1–20.3, 1.4–29.5
TODAY = dt.date(2026, 2, 2)  # the third quarter: two quarters are over
RULES = Rules()
MATH = Association(name="Математика")
LANG = Association(name="Тилдер")


def _held(number: int, day: dt.date, *, kind: str = "regular", complete: bool = True, decision: Decision | None = None,
          association: Association = MATH) -> Session:
    chair = Person("t-old")
    item = AgendaItem(title="Иш планы жөнүндө", decisions=[decision or Decision(text="бекитилсин")] if complete else [])
    return Session(association_id=association.id, year_id=YEAR.id, number=number, date=day, kind=kind, status="held",
                   chair=chair, secretary=Person("t-fresh"), attendance=[Attendance("t-old")], agenda=[item])


def _teachers() -> list[Teacher]:
    return [
        Teacher(id="t-old", full_name="Асанов Бакыт", pedagogical_start=dt.date(2000, 9, 1), association_id=MATH.id),
        Teacher(id="t-fresh", full_name="Бекова Айгүл", pedagogical_start=dt.date(2024, 9, 1), association_id=MATH.id),
        # Left in December: counts nowhere (no course, no mentor, no open lesson asked of her).
        Teacher(id="t-left", full_name="Гаипов Эрлан", pedagogical_start=dt.date(2025, 9, 1), association_id=MATH.id,
                active=False, left_on=dt.date(2025, 12, 1)),
        Teacher(id="t-due", full_name="Дөөлөтова Жаңыл", pedagogical_start=dt.date(1995, 9, 1), association_id=MATH.id),
    ]


COURSES = [
    Course(teacher_id="t-old", end=dt.date(2019, 6, 1), hours=72),  # lapsed in 2024: overdue
    Course(teacher_id="t-due", end=dt.date(2021, 6, 1), hours=72),  # due June 2026: within 12 months
]


def _records(**changes) -> a.YearRecords:
    fields = dict(year=YEAR, associations=[MATH], rules=RULES, today=TODAY, teachers=_teachers(), courses=COURSES)
    fields.update(changes)
    return a.YearRecords(**fields)


def _lines(records: a.YearRecords, whole_school: bool = False) -> dict[str, c.Figure]:
    i18n.set_language("ky")
    return {f.label: f for f in a.attention(records, whole_school=whole_school)}


def test_a_year_with_no_sessions():
    lines = _lines(_records())
    held = lines["Өткөрүлгөн отурумдар"]
    assert (held.value, held.level, held.target) == ("0 / 4", "warning", a.SESSIONS)
    quarters = lines[i18n._("Sessions by quarter")]
    assert quarters.value == "0 · 0 · 0 · –" and quarters.level == "warning"  # Q1 and Q2 are over, empty
    assert c.quarters_without_session([], YEAR, TODAY) == [1, 2]
    assert lines["Өткөрүлгөн практикалык семинарлар"].value == "0 / 1"
    assert lines[i18n._("Protocols incomplete")].value == "0" and lines[i18n._("Protocols incomplete")].fine
    assert lines["Мөөнөтү өткөн токтомдор"].fine
    assert lines["Иш планы"].level == "error"  # none drawn up; nothing hidden because it is missing
    assert "Мөөнөтү өткөн иш-чаралар" not in lines  # no plan: no items to be overdue


def test_sessions_count_by_quarter_and_what_they_lack():
    late_august = _held(1, dt.date(2025, 8, 28))  # before the year's start: counts in the first quarter
    in_break = _held(2, dt.date(2025, 11, 5))  # the autumn break: counts in the first quarter too
    seminar = _held(3, dt.date(2026, 1, 20), kind="seminar", complete=False)  # no decision on its item
    draft = Session(association_id=MATH.id, year_id=YEAR.id, number=4, date=dt.date(2026, 3, 1))
    sessions = [late_august, in_break, seminar, draft]
    assert c.held_by_quarter(sessions, YEAR) == {1: 2, 2: 0, 3: 1, 4: 0}
    assert c.quarters_without_session(sessions, YEAR, TODAY) == [2]
    assert c.protocols_incomplete(sessions) == [seminar]
    lines = _lines(_records(sessions=sessions))
    assert lines["Өткөрүлгөн отурумдар"].value.startswith("3 / 4")
    assert lines[i18n._("Sessions by quarter")].value == "2 · 0 · 1 · –"
    assert lines["Өткөрүлгөн практикалык семинарлар"].value == "1 / 1" and lines["Өткөрүлгөн практикалык семинарлар"].fine
    assert lines[i18n._("Protocols incomplete")].value == "1" and lines[i18n._("Protocols incomplete")].level == "warning"


def test_overdue_decisions_and_plan_items():
    past = Decision(text="сунушталсын", due=dt.date(2026, 1, 10))
    done = Decision(text="бекитилсин", due=dt.date(2025, 10, 1), status="done")
    sessions = [_held(1, dt.date(2025, 9, 20), decision=past), _held(2, dt.date(2025, 10, 20), decision=done)]
    assert [d for _s, d in c.decisions_overdue(sessions, TODAY)] == [past]
    plan = Plan(association_id=MATH.id, year_id=YEAR.id, approved_by="Директор", approved_on=dt.date(2025, 9, 3))
    late = PlanItem(plan_id=plan.id, content="Семинар", due=Due.in_months(10))
    later = PlanItem(plan_id=plan.id, content="Жыйынтык", due=Due.in_months(5))
    finished = PlanItem(plan_id=plan.id, content="Отурум", due=Due.in_months(9), status="done")
    assert c.plan_items_overdue([late, later, finished], YEAR, TODAY) == [late]
    lines = _lines(_records(sessions=sessions, plans=[plan], plan_items=[late, later, finished]))
    decisions = lines["Мөөнөтү өткөн токтомдор"]
    assert (decisions.value, decisions.target, decisions.preset) == ("1", a.DECISIONS, a.OVERDUE)
    items = lines["Мөөнөтү өткөн иш-чаралар"]
    assert (items.value, items.target, items.preset) == ("1", a.PLAN, a.OVERDUE)
    assert lines["Иш планы"].fine and lines["Иш планы"].target == a.PLAN


def test_courses_mentors_and_a_teacher_who_left():
    teachers = _teachers()
    assert [t.id for t in c.courses_overdue(teachers, COURSES, TODAY, RULES)] == ["t-old"]
    assert [t.id for t in c.courses_due(teachers, COURSES, TODAY, RULES)] == ["t-due"]
    lines = _lines(_records())
    overdue = lines[i18n._("Teachers overdue for courses")]
    assert (overdue.value, overdue.level, overdue.target, overdue.preset) == ("1", "warning", a.TEACHERS, a.OVERDUE)
    due = lines[i18n._("Teachers due for courses within 12 months")]
    assert (due.value, due.target, due.preset) == ("1", a.COURSES, a.DUE)
    # The young teacher who left needs no mentor; the one who stays does, until she has one.
    alone = lines["Насаатчысы жок жаш мугалимдер"]
    assert (alone.value, alone.target) == ("1", a.MENTORING)
    pair = Mentorship(mentor_id="t-old", young_id="t-fresh", association_id=MATH.id, start=dt.date(2025, 9, 1))
    assert _lines(_records(mentorships=[pair]))["Насаатчысы жок жаш мугалимдер"].fine


def test_open_lessons_planned_and_held():
    events = [
        LessonEvent(association_id=MATH.id, year_id=YEAR.id, kind="open_lesson", teacher_id="t-old", status="held",
                    date=dt.date(2025, 12, 1)),
        LessonEvent(association_id=MATH.id, year_id=YEAR.id, kind="open_lesson", teacher_id="t-fresh",
                    date=dt.date(2026, 3, 1)),
        LessonEvent(association_id=MATH.id, year_id=YEAR.id, kind="open_lesson", teacher_id="t-due", status="cancelled",
                    date=dt.date(2026, 2, 1)),
    ]
    assert c.open_lessons(events) == (1, 1)
    lines = _lines(_records(events=events))
    assert lines["Өткөрүлгөн ачык сабактар (пландалган)"].value == "1 (1)"
    missing = lines["3-чейрекке чейин ачык сабагы жок мугалимдер"]
    assert missing.value == "1" and missing.level == "warning"  # t-due: cancelled, nothing else; the one who left is not asked


def test_the_whole_school_leads_to_the_first_association_behind():
    sessions = [_held(n, dt.date(2025, 9, 10 + n), association=LANG) for n in range(1, 5)]  # Тилдер: 4 of 4
    records = _records(associations=[MATH, LANG], sessions=sessions)
    lines = _lines(records, whole_school=True)
    held = lines["Өткөрүлгөн отурумдар"]
    assert held.value == "4 / 8" and held.level == "warning" and held.association_id == MATH.id
    plans = lines["Бекитилген иш пландары"]
    assert plans.value.startswith("0 / 2") and plans.association_id == MATH.id
    # Every line of one association is there too, the fine ones included (nothing hidden).
    one = a.attention(_records(associations=[LANG], sessions=sessions))
    assert [f.label for f in one if f.fine] and all(f.target for f in one)


def test_a_closed_year_says_so_first_and_incomplete_lists_what_is_left():
    closed = default_year(2025)
    closed.closed = True
    lines = a.attention(_records(year=closed))
    assert lines[0].target == a.YEARS and closed.label in lines[0].value
    left = a.incomplete(lines)
    assert left and all(f.level in ("warning", "error") for f in left)
    assert not any(f.fine for f in left)
