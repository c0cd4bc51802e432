"""What a school owes in a year, per association: the home screen's figures and the district's.

Pure functions of records. The store fetches the records and hands them over; the home
screen, the year report and the district summary call the same functions, so a figure
means the same everywhere (DESIGN §6).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from ubtui.domain.associations import Association
from ubtui.domain.courses import NEVER, OVERDUE, Course, course_status
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
)
from ubtui.domain.sessions import Session, YearFigures, year_figures
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


def courses_overdue(teachers: Iterable[Teacher], courses: Iterable[Course], today: dt.date, rules: Rules) -> list[Teacher]:
    """Active teachers past the course rule: overdue, or with no qualifying course on record
    (then the hours of the period are missing too)."""
    by_teacher: dict[str, list[Course]] = {}
    for course in courses:
        by_teacher.setdefault(course.teacher_id, []).append(course)
    return [
        t for t in teachers
        if t.active and course_status(by_teacher.get(t.id, []), today, rules).state in (OVERDUE, NEVER)
    ]


def _field(record: Any, *names: str) -> Any:
    for name in names:
        value = record.get(name) if isinstance(record, Mapping) else getattr(record, name, None)
        if value not in (None, ""):
            return value
    return None


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def mentored_ids(mentorships: Iterable[Any], today: dt.date) -> set[str]:
    """The teachers who have a mentor on `today`. A mentorship is a record or a dict naming the
    young teacher (`mentee_id`, or `young_teacher_id`); one that ended before `today` does not count."""
    found = set()
    for mentorship in mentorships:
        mentee = _field(mentorship, "mentee_id", "young_teacher_id", "teacher_id")
        if not isinstance(mentee, str):
            continue
        start = _as_date(_field(mentorship, "start", "started_on", "start_date"))
        end = _as_date(_field(mentorship, "end", "ended_on", "end_date"))
        if (start is None or start <= today) and (end is None or end >= today):
            found.add(mentee)
    return found


def young_without_mentor(
    teachers: Iterable[Teacher], mentorships: Iterable[Any], today: dt.date, rules: Rules
) -> list[Teacher]:
    """Active young teachers (Teacher.is_young) with no current mentorship: the mentoring rule
    (`domain.mentoring.young_without_mentor`); stored dicts (the district's) are read as pairs."""
    from ubtui.domain.mentoring import Mentorship
    from ubtui.domain.mentoring import young_without_mentor as rule

    def as_pair(record: Any) -> Mentorship:
        if isinstance(record, Mentorship):
            return record
        data = dict(record)  # older or outside packets may name the young teacher otherwise
        data["young_id"] = _field(record, "young_id", "mentee_id", "young_teacher_id", "teacher_id") or ""
        return Mentorship.from_dict(data)

    pairs = [as_pair(m) for m in mentorships]
    return rule(teachers, pairs, today, rules)


def association_compliance(
    association: Association,
    year: AcademicYear,
    *,
    sessions: Iterable[Session],
    plan: Plan | None,
    plan_items: Iterable[PlanItem],
    teachers: Iterable[Teacher],
    courses: Iterable[Course],
    mentorships: Iterable[Any] = (),
    rules: Rules,
    today: dt.date,
) -> AssociationCompliance:
    """The figures of one association in one year. `sessions` and `plan_items` may hold other
    associations' records (only this one's count); `teachers` are matched by `association_id`."""
    own_sessions = [s for s in sessions if s.association_id == association.id and s.year_id == year.id]
    members = [t for t in teachers if t.active and t.association_id == association.id]
    young = [t for t in members if t.is_young(today, rules)]
    done = None
    if plan is not None:
        done = completion([i for i in plan_items if i.plan_id == plan.id], year, today)
    return AssociationCompliance(
        association_id=association.id,
        sessions=year_figures(own_sessions, rules, today),
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
