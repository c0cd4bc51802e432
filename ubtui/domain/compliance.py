"""What a school owes in a year, per association: the home screen's figures and the district's.

Pure functions of records. The store fetches the records and hands them over; the home
screen, the year report and the district summary call the same functions, so a figure
means the same everywhere (DESIGN §6).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Sequence

from ubtui.domain import mentoring
from ubtui.domain.associations import Association
from ubtui.domain.courses import DUE, NEVER, OVERDUE, Course, CourseStatus, course_status
from ubtui.domain.lessons import HELD, LessonEvent, seminars_held
from ubtui.domain.mentoring import Mentorship
from ubtui.domain.plans import (
    LATE,
    MISSING,
    NOT_YET,
    ON_TIME,
    UNAPPROVED_LATE,
    Completion,
    Plan,
    PlanItem,
    approval_deadline,
    approval_state,
    completion,
    is_overdue,
)
from ubtui.domain.sessions import Decision, Session, YearFigures, is_complete, year_figures
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import Teacher
from ubtui.domain.years import AcademicYear
from ubtui.i18n import _, format_date, ngettext


@dataclass(frozen=True)
class Figure:
    """One line of the home screen: a label, its value, and how it stands."""

    label: str
    value: str
    level: str = "info"  # info / ok / warning / error
    target: str = ""  # where it is fixed: an area of the app ("sessions", "plan", …; domain.attention)
    preset: str = ""  # how that screen opens filtered ("overdue", "due", …)
    association_id: str = ""  # for the whole school: the association to open (the first one behind)

    @property
    def fine(self) -> bool:
        return self.level == "ok"


# --- the rules, one association and one year --------------------------------------------------


@dataclass(frozen=True)
class AssociationCompliance:
    """Where one association stands in one year (what the district sums up)."""

    association_id: str
    sessions: YearFigures
    plan_state: str  # domain.plans: missing / not_yet / unapproved_late / late / on_time
    plan_approved_on: dt.date | None
    plan: Completion | None  # None without a plan
    teachers: int  # active members
    courses_overdue: int
    young: int
    young_without_mentor: int

    @property
    def plan_approved(self) -> bool:
        return self.plan_state in (LATE, ON_TIME)

    @property
    def plan_in_time(self) -> bool:
        return self.plan_state == ON_TIME


def course_statuses(
    teachers: Iterable[Teacher], courses: Iterable[Course], today: dt.date, rules: Rules
) -> dict[str, CourseStatus]:
    """Each active teacher's course status by id, as the teachers' list shows it (a new
    teacher's first period counts from the start of her teaching experience)."""
    by_teacher: dict[str, list[Course]] = {}
    for course in courses:
        by_teacher.setdefault(course.teacher_id, []).append(course)
    return {
        t.id: course_status(by_teacher.get(t.id, []), today, rules, t.pedagogical_start)
        for t in teachers if t.active
    }


def courses_overdue(teachers: Iterable[Teacher], courses: Iterable[Course], today: dt.date, rules: Rules) -> list[Teacher]:
    """Active teachers past the course rule: overdue, or with no qualifying course on record
    (then the hours of the period are missing too) once their first period is over."""
    teachers = list(teachers)
    states = course_statuses(teachers, courses, today, rules)
    return [t for t in teachers if t.id in states and states[t.id].state in (OVERDUE, NEVER)]


def courses_due(teachers: Iterable[Teacher], courses: Iterable[Course], today: dt.date, rules: Rules) -> list[Teacher]:
    """Active teachers whose course falls due within the next 12 months (not yet overdue)."""
    teachers = list(teachers)
    states = course_statuses(teachers, courses, today, rules)
    return [t for t in teachers if t.id in states and states[t.id].state == DUE]


def quarter_of_session(day: dt.date, year: AcademicYear) -> int | None:
    """The quarter a session counts in: the last one begun by its day (a session in late
    August counts in the first, one in a break in the quarter before it); None without quarters."""
    quarters = sorted(year.quarters, key=lambda q: q.start)
    if not quarters:
        return None
    begun = [q for q in quarters if q.start <= day]
    return (begun[-1] if begun else quarters[0]).number


def held_by_quarter(sessions: Iterable[Session], year: AcademicYear) -> dict[int, int]:
    """Sessions held in each quarter of the year (every quarter listed, 0 when none)."""
    counts = {q.number: 0 for q in sorted(year.quarters, key=lambda q: q.number)}
    for session in sessions:
        if session.status == "held" and session.date is not None:
            number = quarter_of_session(session.date, year)
            if number is not None:
                counts[number] = counts.get(number, 0) + 1
    return counts


def quarters_without_session(sessions: Iterable[Session], year: AcademicYear, today: dt.date) -> list[int]:
    """Quarters already over (their end before `today`) in which no session was held."""
    counts = held_by_quarter(sessions, year)
    ended = {q.number for q in year.quarters if q.end < today}
    return [n for n, held in counts.items() if held == 0 and n in ended]


def protocols_incomplete(sessions: Iterable[Session]) -> list[Session]:
    """Held sessions whose protocol lacks a part (attendance, agenda, a decision per item,
    chair, secretary), by number."""
    return sorted((s for s in sessions if s.status == "held" and not is_complete(s)), key=lambda s: s.number)


def decisions_overdue(sessions: Iterable[Session], today: dt.date) -> list[tuple[Session, Decision]]:
    """Open decisions past their due date, with the session that took them."""
    return [(s, d) for s in sessions for item in s.agenda for d in item.decisions if d.is_overdue(today)]


def plan_items_overdue(items: Iterable[PlanItem], year: AcademicYear, today: dt.date) -> list[PlanItem]:
    """A plan's items still owed past their due (the plan screen's "overdue" filter)."""
    return [i for i in items if is_overdue(i, year, today)]


def open_lessons(events: Iterable[LessonEvent]) -> tuple[int, int]:
    """Open lessons (held, still planned): a cancelled one counts in neither."""
    lessons = [e for e in events if e.is_open_lesson]
    return sum(1 for e in lessons if e.status == HELD), sum(1 for e in lessons if e.waiting)


def young_without_mentor(
    teachers: Iterable[Teacher], mentorships: Iterable[Mentorship], today: dt.date, rules: Rules
) -> list[Teacher]:
    """Active young teachers with no current mentorship: the mentoring area's rule."""
    return mentoring.young_without_mentor(teachers, mentorships, today, rules)


def association_compliance(
    association: Association,
    year: AcademicYear,
    *,
    sessions: Iterable[Session],
    plan: Plan | None,
    plan_items: Iterable[PlanItem],
    teachers: Iterable[Teacher],
    courses: Iterable[Course],
    mentorships: Iterable[Mentorship] = (),
    lesson_events: Iterable[LessonEvent] = (),
    rules: Rules,
    today: dt.date,
) -> AssociationCompliance:
    """The figures of one association in one year. `sessions` and `plan_items` may hold other
    associations' records (only this one's count); `teachers` are matched by `association_id`."""
    own_sessions = [s for s in sessions if s.association_id == association.id and s.year_id == year.id]
    own_events = [e for e in lesson_events if e.association_id == association.id and e.year_id == year.id]
    figures = year_figures(own_sessions, rules, today)
    # A seminar held as open lessons counts too, as on the home screen.
    figures = dataclasses.replace(figures, seminars=seminars_held(own_sessions, own_events))
    members = [t for t in teachers if t.active and t.association_id == association.id]
    young = [t for t in members if t.is_young(today, rules)]
    done = None
    if plan is not None:
        done = completion([i for i in plan_items if i.plan_id == plan.id], year, today)
    return AssociationCompliance(
        association_id=association.id,
        sessions=figures,
        plan_state=approval_state(plan, year, today),
        plan_approved_on=plan.approved_on if plan is not None and plan.approved else None,
        plan=done,
        teachers=len(members),
        courses_overdue=len(courses_overdue(members, courses, today, rules)),
        young=len(young),
        young_without_mentor=len(young_without_mentor(young, mentorships, today, rules)),
    )


# --- the home screen's lines ---------------------------------------------------------------------


def school_figures(
    associations: Sequence[Association], years: Sequence[AcademicYear], year: AcademicYear | None,
    association: Association | None,
) -> list[Figure]:
    """How many associations and years the file holds, and whether the year is usable."""
    figures = [Figure(_("Methodical associations"), str(len(associations)))]
    if association is not None:
        figures.append(Figure(_("Members of this association"), str(len(association.members))))
    figures.append(Figure(_("Academic years on file"), str(len(years))))
    if year is None:
        figures.append(Figure(_("Academic year"), _("none yet: add one in Settings"), "warning"))
    elif year.closed:
        figures.append(Figure(_("Academic year"), _("{label} is closed (archive)").format(label=year.label), "warning"))
    return figures


def session_figures(year_figures_of: Sequence[YearFigures], seminars_held: int | None = None) -> list[Figure]:
    """Sessions held against the yearly minimum, practical seminars, decisions past due —
    summed over the associations given (one, or the whole school).  `seminars_held`, when
    given, counts the seminars held by sessions or seminar lessons (`domain.lessons.seminars_held`)."""
    if not year_figures_of:
        return []
    held = sum(f.held for f in year_figures_of)
    required = sum(f.required for f in year_figures_of)
    seminars = sum(f.seminars for f in year_figures_of) if seminars_held is None else seminars_held
    seminars_required = sum(f.seminars_required for f in year_figures_of)
    overdue = sum(f.overdue for f in year_figures_of)
    drafts = sum(f.drafts for f in year_figures_of)
    held_text = f"{held} / {required}"
    if drafts:
        held_text += " " + ngettext("(+{n} draft)", "(+{n} drafts)", drafts).format(n=drafts)
    return [
        Figure(_("Sessions held"), held_text, "ok" if held >= required else "warning"),
        Figure(_("Practical seminars held"), f"{seminars} / {seminars_required}",
               "ok" if seminars >= seminars_required else "warning"),
        Figure(_("Decisions overdue"), str(overdue), "warning" if overdue else "ok"),
    ]


def approval_text(state: str, plan: Plan | None, year: AcademicYear) -> tuple[str, str]:
    """The plan's approval as (text, level) for the home screen and the plan screen."""
    deadline = format_date(approval_deadline(year), long=False)
    if state == MISSING:
        return _("not drawn up yet"), "error"
    assert plan is not None
    if state == NOT_YET:
        return _("not approved yet (due by {date})").format(date=deadline), "warning"
    if state == UNAPPROVED_LATE:
        return _("not approved; it was due by {date}").format(date=deadline), "error"
    approved = format_date(plan.approved_on, long=False)
    if state == LATE:
        return _("approved late: {date} (due by {deadline})").format(date=approved, deadline=deadline), "warning"
    return _("approved {date}").format(date=approved), "ok"


def plan_figures(
    year: AcademicYear,
    today: dt.date,
    *,
    plan: Plan | None = None,
    plan_items: Iterable[PlanItem] = (),
    approved: int | None = None,
    associations: int | None = None,
) -> list[Figure]:
    """The work plan's lines: for one association its approval, overdue items and completion;
    for the whole school (`approved` of `associations`) how many plans are approved."""
    if associations is not None:
        level = "ok" if approved == associations else "warning"
        return [Figure(_("Work plans approved"), f"{approved} / {associations}", level)]
    state = approval_state(plan, year, today)
    text, level = approval_text(state, plan, year)
    if state == MISSING and today < year.start:
        level = "warning"
    figures = [Figure(_("Work plan"), text, level)]
    if plan is not None:
        done = completion(plan_items, year, today)
        figures.append(Figure(_("Plan items overdue"), str(done.overdue), "warning" if done.overdue else "ok"))
        figures.append(Figure(_("Plan completion"), done.text()))
    return figures
