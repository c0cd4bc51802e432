"""Qualification courses (квалификацияны жогорулатуу курсу) and the status they give (seed 004).

The rule (a setting, `Rules.course_hours` within `Rules.course_period_years`;
72 hours in 5 years by default) is read as: the hours of the qualifying courses
that ended within the last P years add up to at least H.

Decisions, so that every screen and document says the same:
- Courses and re-training (кесиптик кайра даярдоо) qualify; seminars are recorded
  but do not count towards the hours.
- A course counts from its end date (the day the certificate is issued), with all
  its hours: one that began before the cut-off and ended after it counts fully; one
  that has not ended yet does not count yet.
- The window includes its first day: a course that ended exactly P years ago still
  counts today, so its due date is today (status "due"), and the next day "overdue".
- The due date is the day the hours would drop below H if nothing new were taken.
- A teacher in her first P years of teaching owes no course yet: her first course is due
  P years after she started teaching (`teaching_start`), so she is not "overdue" before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ubtui.domain.records import Record
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import add_months, add_years
from ubtui.domain.validation import Problems
from ubtui.i18n import N_, _

KINDS = {
    "course": N_("qualification course"),
    "retraining": N_("re-training"),
    "seminar": N_("seminar"),
}
QUALIFYING_KINDS = frozenset({"course", "retraining"})
RETRAINING_MIN_HOURS = 500
HOURS_MAX = 3000

# Status codes, from the most urgent.
OVERDUE, NEVER, DUE, OK = "overdue", "never", "due", "ok"
STATUS_ORDER = (OVERDUE, NEVER, DUE, OK)
STATUS_LABELS = {
    OK: N_("in order"),
    DUE: N_("due within 12 months"),
    OVERDUE: N_("overdue"),
    NEVER: N_("no course"),
}
# One word each, for narrow list columns: with the mark it fits 13 cells in ky and ru.
STATUS_SHORT = {
    OK: N_("up to date"),
    DUE: N_("due soon"),
    OVERDUE: N_("lapsed"),
    NEVER: N_("none taken"),
}
# A text mark beside the colour, so the status reads on 16 colours and on paper too.
STATUS_MARKS = {OK: "+", DUE: "!", OVERDUE: "!!", NEVER: "-"}
DUE_SOON_MONTHS = 12


@dataclass
class Course(Record):
    """One course, re-training or seminar a teacher took (or will take)."""

    teacher_id: str = ""
    title: str = ""
    organiser: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    hours: int = 72
    kind: str = "course"
    certificate_no: str = ""
    certificate_handed_in: bool = False
    task_before: str = ""
    task_after: str = ""

    @property
    def qualifying(self) -> bool:
        return self.kind in QUALIFYING_KINDS


@dataclass(frozen=True)
class CourseStatus:
    """Where a teacher stands with the course rule at a date."""

    state: str
    due: dt.date | None
    hours_in_period: int
    last_course: Course | None

    @property
    def label(self) -> str:
        return _(STATUS_LABELS[self.state])

    @property
    def short_label(self) -> str:
        return _(STATUS_SHORT[self.state])

    @property
    def mark(self) -> str:
        return STATUS_MARKS[self.state]

    def urgency(self) -> tuple[int, dt.date]:
        """A sort key: overdue (oldest lapse first), never, due (soonest first), ok."""
        return (STATUS_ORDER.index(self.state), self.due or dt.date.min)


def kind_label(code: str) -> str:
    return _(KINDS.get(code, code))


def kind_choices() -> list[tuple[str, str]]:
    return [(_(label), code) for code, label in KINDS.items()]


def status_label(state: str) -> str:
    return _(STATUS_LABELS[state])


def status_choices() -> list[tuple[str, str]]:
    return [(_(STATUS_LABELS[state]), state) for state in STATUS_ORDER]


def course_status(
    courses: list[Course], at: dt.date, rules: Rules, teaching_start: dt.date | None = None
) -> CourseStatus:
    """The status of one teacher's courses at `at` under `rules` (see the module docstring).

    `teaching_start` (the start of her teaching experience) gives a new teacher her first
    P years: short of the hours then, she is due at the start + P years, not overdue.
    """
    status = _status_by_courses(courses, at, rules)
    if status.state in (OVERDUE, NEVER) and teaching_start is not None:
        first_due = add_years(teaching_start, rules.course_period_years)
        if first_due >= at:
            state = DUE if first_due <= add_months(at, DUE_SOON_MONTHS) else OK
            return CourseStatus(state, first_due, status.hours_in_period, status.last_course)
    return status


def _status_by_courses(courses: list[Course], at: dt.date, rules: Rules) -> CourseStatus:
    done = sorted(
        (c for c in courses if c.qualifying and c.end is not None and c.end <= at and c.hours > 0),
        key=lambda c: c.end,  # type: ignore[arg-type, return-value]
        reverse=True,
    )
    if not done:
        return CourseStatus(NEVER, None, 0, None)
    last = done[0]
    cut_off = add_years(at, -rules.course_period_years)
    in_period = sum(c.hours for c in done if c.end >= cut_off)  # type: ignore[operator]
    # Walking back from the newest: the course that brings the sum to H holds the status up
    # until its end date + P years.
    total, holder = 0, None
    for course in done:
        total += course.hours
        if total >= rules.course_hours:
            holder = course
            break
    due = add_years(holder.end, rules.course_period_years) if holder else None  # type: ignore[arg-type]
    if in_period < rules.course_hours or due is None or due < at:
        return CourseStatus(OVERDUE, due, in_period, last)
    if due <= add_months(at, DUE_SOON_MONTHS):
        return CourseStatus(DUE, due, in_period, last)
    return CourseStatus(OK, due, in_period, last)


def validate_course(course: Course, others: list[Course] | None = None) -> Problems:
    """What must be fixed before a course is saved (translated, per field)."""
    problems = Problems()
    if not course.teacher_id:
        problems.add("teacher_id", _("Choose the teacher."))
    if not course.title.strip():
        problems.add("title", _("The course's title is required."))
    if course.kind not in KINDS:
        problems.add("kind", _("Choose the kind of course from the list."))
    if course.end is None:
        problems.add("end", _("The end date is required."))
    elif course.start is not None and course.end < course.start:
        problems.add("end", _("The course ends before it starts."))
    if not isinstance(course.hours, int) or isinstance(course.hours, bool) or course.hours <= 0:
        problems.add("hours", _("The hours must be a whole number above 0."))
    elif course.hours > HOURS_MAX:
        problems.add("hours", _("The hours must be at most {n}.").format(n=HOURS_MAX))
    return problems


def course_warnings(course: Course) -> list[str]:
    """Things a form shows before saving that do not stop the save."""
    warnings = []
    if course.kind == "retraining" and isinstance(course.hours, int) and 0 < course.hours < RETRAINING_MIN_HOURS:
        warnings.append(
            _("Re-training usually has at least {n} hours; check the kind and the hours.").format(n=RETRAINING_MIN_HOURS)
        )
    return warnings
