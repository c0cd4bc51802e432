"""The year-end analysis of an association (seed 000 §5.3) and the school's summary (seed 002).

Pure functions of records: the store fetches them, `year_report()` assembles the figures with
the same rules the home screen and the district use (`domain.compliance`, `domain.sessions`,
`domain.plans`, `domain.lessons`, `domain.mentoring`, `domain.courses`, `domain.composition`),
and `draft_text()` writes the first draft of the analysis from those figures, so the head
never starts from a blank page.  The saved texts are `YearAnalysis` records (`year_reports`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Sequence

from ubtui.domain.associations import Association
from ubtui.domain.collation import name_key
from ubtui.domain.composition import Composition, composition
from ubtui.domain.compliance import AssociationCompliance, association_compliance, courses_overdue
from ubtui.domain.courses import Course
from ubtui.domain.lessons import HELD, VISIT_KINDS, LessonEvent, without_open_lesson
from ubtui.domain.mentoring import Mentorship, pairs_in_year, young_without_mentor
from ubtui.domain.plans import Completion, Plan, PlanItem, completion_by_section, section_title
from ubtui.domain.records import Record
from ubtui.domain.sessions import Session
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import AWARD_LEVELS, Teacher, category_label
from ubtui.domain.validation import Problems
from ubtui.domain.years import AcademicYear
from ubtui.i18n import _, format_percent, ngettext

TEXT_MAX = 100_000


# --- the saved texts -----------------------------------------------------------------------------


@dataclass
class YearAnalysis(Record):
    """The head's written analysis of one association's year (association_id "" : the school's)."""

    year_id: str = ""
    association_id: str = ""
    draft: str = ""
    conclusions: str = ""
    tasks: str = ""  # next year's tasks

    def is_empty(self) -> bool:
        return not any(t.strip() for t in (self.draft, self.conclusions, self.tasks))


def validate_analysis(analysis: YearAnalysis, others: Sequence[YearAnalysis] = ()) -> Problems:
    """A year and at most one analysis per association and year; texts of a sane length."""
    problems = Problems()
    if not analysis.year_id.strip():
        problems.add("year_id", _("The academic year is required."))
    for name in ("draft", "conclusions", "tasks"):
        if len(getattr(analysis, name)) > TEXT_MAX:
            problems.add(name, _("The text is too long (at most {n} characters).").format(n=TEXT_MAX))
    for other in others:
        if other.id != analysis.id and (other.year_id, other.association_id) == (analysis.year_id, analysis.association_id):
            problems.add("association_id", _("This association already has an analysis of this year."))
            break
    return problems


# --- the figures ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionLine:
    """A session held: its number, day, kind and the questions it heard."""

    number: int
    date: dt.date | None
    kind: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class CourseLine:
    teacher: str
    title: str
    hours: int
    end: dt.date | None


@dataclass(frozen=True)
class AwardLine:
    teacher: str
    title: str
    level: str


@dataclass(frozen=True)
class YearReport:
    """Everything the year-end analysis of one association says, as numbers and names."""

    association: Association
    year: AcademicYear
    at: dt.date
    rules: Rules
    compliance: AssociationCompliance  # the home screen's own figures
    members: Composition
    young_names: tuple[str, ...]
    theme: str
    goal: str
    sessions: tuple[SessionLine, ...]
    sessions_by_quarter: tuple[int, ...]  # held in quarters 1–4
    sections: tuple[tuple[str, Completion], ...]  # (section title, completion)
    decisions: int
    decisions_done: int
    decisions_overdue: int
    open_lessons_held: int
    open_lessons_waiting: int
    visits_held: int
    other_events_held: int
    without_open_lesson: tuple[str, ...]
    courses: tuple[CourseLine, ...]
    course_hours: int
    overdue_names: tuple[str, ...]
    pairs: int
    pairs_with_report: int
    log_entries: int
    young_without_mentor_names: tuple[str, ...]
    awards: tuple[AwardLine, ...]

    @property
    def figures(self):  # -> YearFigures
        return self.compliance.sessions

    @property
    def plan(self) -> Completion | None:
        return self.compliance.plan

    @property
    def teachers_on_courses(self) -> int:
        return len({c.teacher for c in self.courses})


def _names(teachers: Iterable[Teacher]) -> tuple[str, ...]:
    return tuple(sorted((t.full_name for t in teachers), key=name_key))


def quarter_for(day: dt.date, year: AcademicYear) -> int:
    """The quarter a session's day counts in: its quarter; a day in a break (or the August session
    before the first) counts in the quarter that follows, a day after the last in the last."""
    quarters = sorted(year.quarters, key=lambda q: q.start)
    if not quarters:  # a year without its quarters: the usual months
        return {9: 1, 10: 1, 11: 2, 12: 2, 1: 3, 2: 3, 3: 3}.get(day.month, 1 if day.month in (7, 8) else 4)
    for quarter in quarters:
        if day <= quarter.end:
            return min(max(quarter.number, 1), 4)
    return min(max(quarters[-1].number, 1), 4)


def sessions_by_quarter(sessions: Iterable[Session], year: AcademicYear) -> tuple[int, ...]:
    """Sessions held per quarter 1–4 (`quarter_for`)."""
    counts = [0, 0, 0, 0]
    for session in sessions:
        if session.status == "held" and session.date is not None:
            counts[quarter_for(session.date, year) - 1] += 1
    return tuple(counts)


def courses_in_year(courses: Iterable[Course], year: AcademicYear) -> list[Course]:
    """Courses that ended within the academic year (1 September to its last day, the summer after included)."""
    last = dt.date(year.end.year, 8, 31)
    return [c for c in courses if c.end is not None and year.start <= c.end <= last]


def award_years(year: AcademicYear) -> set[int]:
    """The calendar years whose awards belong to the academic year (2025-2026: 2025 and 2026)."""
    return {year.start.year, year.end.year}


def year_report(
    association: Association,
    year: AcademicYear,
    *,
    sessions: Iterable[Session],
    plan: Plan | None,
    plan_items: Iterable[PlanItem],
    teachers: Iterable[Teacher],
    courses: Iterable[Course],
    mentorships: Iterable[Mentorship],
    lesson_events: Iterable[LessonEvent],
    rules: Rules,
    at: dt.date,
) -> YearReport:
    """The year-end figures of one association at `at` (a past year: its last day).

    The records may include other associations' (only this one's count); teachers are the
    members by `association_id`, those who left excluded."""
    sessions = [s for s in sessions if s.association_id == association.id and s.year_id == year.id]
    events = [e for e in lesson_events if e.association_id == association.id and e.year_id == year.id]
    teachers = list(teachers)
    members = sorted((t for t in teachers if t.active and t.association_id == association.id), key=lambda t: name_key(t.full_name))
    member_ids = {t.id for t in members}
    courses = list(courses)
    items = [i for i in plan_items if plan is not None and i.plan_id == plan.id]
    pairs = [p for p in mentorships if p.association_id == association.id]
    state = association_compliance(
        association, year, sessions=sessions, plan=plan, plan_items=items, teachers=teachers, courses=courses,
        mentorships=pairs, lesson_events=events, rules=rules, today=at,
    )
    by_teacher: dict[str, list[Course]] = {}
    for course in courses:
        by_teacher.setdefault(course.teacher_id, []).append(course)
    held = sorted((s for s in sessions if s.status == "held"), key=lambda s: (s.date or dt.date.max, s.number))
    decisions = [d for s in sessions for item in s.agenda for d in item.decisions]
    young = [t for t in members if t.is_young(at, rules)]
    names = {t.id: t.full_name for t in teachers}
    taken = sorted(
        (c for c in courses_in_year(courses, year) if c.teacher_id in member_ids),
        key=lambda c: (name_key(names.get(c.teacher_id, "")), c.end or dt.date.min),
    )
    in_year = pairs_in_year(pairs, year)
    awards = [
        AwardLine(t.full_name, a.title.strip(), a.level)
        for t in members for a in t.awards
        if a.title.strip() and a.year in award_years(year)
    ]
    awards.sort(key=lambda a: (list(AWARD_LEVELS).index(a.level) if a.level in AWARD_LEVELS else 99, name_key(a.teacher)))
    return YearReport(
        association=association,
        year=year,
        at=at,
        rules=rules,
        compliance=state,
        members=composition(members, at, rules, by_teacher),
        young_names=_names(young),
        theme=plan.theme.strip() if plan is not None else "",
        goal=plan.goal.strip() if plan is not None else "",
        sessions=tuple(
            SessionLine(s.number, s.date, s.kind, tuple(i.title.strip() for i in s.agenda if i.title.strip())) for s in held
        ),
        sessions_by_quarter=sessions_by_quarter(sessions, year),
        sections=tuple((section_title(code), done) for code, done in completion_by_section(plan, items, year, at))
        if plan is not None else (),
        decisions=len(decisions),
        decisions_done=sum(1 for d in decisions if d.status == "done"),
        decisions_overdue=state.sessions.overdue,
        open_lessons_held=sum(1 for e in events if e.is_open_lesson and e.status == HELD),
        open_lessons_waiting=sum(1 for e in events if e.is_open_lesson and e.waiting),
        visits_held=sum(1 for e in events if e.kind in VISIT_KINDS and e.status == HELD),
        other_events_held=sum(
            1 for e in events if not e.is_week and not e.is_open_lesson and e.kind not in VISIT_KINDS and e.status == HELD
        ),
        without_open_lesson=_names(without_open_lesson(members, events, year)),
        courses=tuple(CourseLine(names.get(c.teacher_id, "?"), c.title.strip(), c.hours, c.end) for c in taken),
        course_hours=sum(c.hours for c in taken),
        overdue_names=_names(courses_overdue(members, courses, at, rules)),
        pairs=len(in_year),
        pairs_with_report=sum(1 for p in in_year if p.report.strip()),
        log_entries=sum(1 for p in in_year for e in p.log if e.date is not None and year.start <= e.date <= year.end),
        young_without_mentor_names=_names(young_without_mentor(young, pairs, at, rules)),
        awards=tuple(awards),
    )


# --- the school's summary (seed 002) ------------------------------------------------------------


@dataclass(frozen=True)
class SummaryRow:
    """One association's line in the deputy's summary table."""

    name: str
    teachers: int
    young: int
    held: int
    required: int
    seminars: int
    seminars_required: int
    plan_done: int
    plan_total: int
    decisions_done: int
    decisions: int
    open_lessons_held: int
    course_hours: int
    overdue: int
    young_without_mentor: int


def summary_row(report: YearReport) -> SummaryRow:
    figures, plan = report.figures, report.plan
    return SummaryRow(
        name=report.association.name,
        teachers=report.compliance.teachers,
        young=report.compliance.young,
        held=figures.held,
        required=figures.required,
        seminars=figures.seminars,
        seminars_required=figures.seminars_required,
        plan_done=plan.done if plan else 0,
        plan_total=plan.total if plan else 0,
        decisions_done=report.decisions_done,
        decisions=report.decisions,
        open_lessons_held=report.open_lessons_held,
        course_hours=report.course_hours,
        overdue=report.compliance.courses_overdue,
        young_without_mentor=report.compliance.young_without_mentor,
    )


def school_total(rows: Sequence[SummaryRow], name: str) -> SummaryRow:
    """The school's line: every column summed over the associations."""
    numbers = {
        f: sum(getattr(r, f) for r in rows)
        for f in SummaryRow.__dataclass_fields__ if f != "name"
    }
    return SummaryRow(name=name, **numbers)


# --- the written draft ----------------------------------------------------------------------------


def _count_list(counts: dict[str, int], label) -> str:  # noqa: ANN001
    return ", ".join(f"{label(key)} — {n}" for key, n in counts.items() if n)


def _join_names(names: Sequence[str], limit: int = 12) -> str:
    shown = list(names[:limit])
    text = ", ".join(shown)
    if len(names) > limit:
        text += " " + ngettext("and {n} more", "and {n} more", len(names) - limit).format(n=len(names) - limit)
    return text


def draft_text(report: YearReport) -> str:
    """The first draft of the written analysis, in plain sentences made from the figures
    (one paragraph per area); the head edits it and adds conclusions and tasks."""
    figures = report.figures
    members = report.members
    paragraphs: list[str] = []

    first = ngettext(
        "In the {year} academic year the association «{name}» had {n} teacher.",
        "In the {year} academic year the association «{name}» had {n} teachers.",
        members.total,
    ).format(year=report.year.label, name=report.association.name, n=members.total)
    parts = [first]
    categories = _count_list(members.categories, lambda k: category_label(k))
    if categories:
        parts.append(_("By qualification category: {list}.").format(list=categories))
    if report.young_names:
        parts.append(ngettext("{n} of them is a young teacher ({names}).", "{n} of them are young teachers ({names}).",
                              len(report.young_names)).format(n=len(report.young_names), names=_join_names(report.young_names)))
    paragraphs.append(" ".join(parts))

    if report.theme:
        paragraphs.append(_("The association worked on the methodical theme «{theme}».").format(theme=report.theme))
    else:
        paragraphs.append(_("No methodical theme is recorded in the work plan."))

    parts = [ngettext(
        "During the academic year {n} session was held (the rule requires {required}).",
        "During the academic year {n} sessions were held (the rule requires {required}).",
        figures.held,
    ).format(n=figures.held, required=figures.required)]
    if figures.held < figures.required:
        missing = figures.required - figures.held
        parts.append(ngettext("{n} session is missing.", "{n} sessions are missing.", missing).format(n=missing))
    parts.append(ngettext(
        "{n} practical seminar was held (the rule requires {required}).",
        "{n} practical seminars were held (the rule requires {required}).",
        figures.seminars,
    ).format(n=figures.seminars, required=figures.seminars_required))
    paragraphs.append(" ".join(parts))

    plan = report.plan
    if plan is None:
        paragraphs.append(_("No work plan for the year is recorded."))
    elif plan.total:
        parts = [ngettext(
            "Of the {total} item of the work plan {done} was done ({percent}).",
            "Of the {total} items of the work plan {done} were done ({percent}).",
            plan.total,
        ).format(total=plan.total, done=plan.done, percent=format_percent(plan.ratio or 0.0))]
        if plan.partly:
            parts.append(ngettext("{n} item was done in part.", "{n} items were done in part.", plan.partly).format(n=plan.partly))
        left = plan.not_done + plan.planned + plan.moved
        if left:
            parts.append(ngettext("{n} item was not done or is still open.", "{n} items were not done or are still open.",
                                  left).format(n=left))
        paragraphs.append(" ".join(parts))

    if report.decisions:
        parts = [ngettext(
            "The sessions took {n} decision; {done} of them are done.",
            "The sessions took {n} decisions; {done} of them are done.",
            report.decisions,
        ).format(n=report.decisions, done=report.decisions_done)]
        if report.decisions_overdue:
            parts.append(ngettext("{n} decision is past its due date.", "{n} decisions are past their due date.",
                                  report.decisions_overdue).format(n=report.decisions_overdue))
        paragraphs.append(" ".join(parts))

    parts = [ngettext("{n} open lesson was held", "{n} open lessons were held", report.open_lessons_held).format(
        n=report.open_lessons_held)
        + ", " + ngettext("{n} lesson visit was made.", "{n} lesson visits were made.", report.visits_held).format(
        n=report.visits_held)]
    if report.open_lessons_waiting:
        parts.append(ngettext("{n} open lesson is still planned.", "{n} open lessons are still planned.",
                              report.open_lessons_waiting).format(n=report.open_lessons_waiting))
    if report.without_open_lesson:
        parts.append(_("Without an open lesson: {names}.").format(names=_join_names(report.without_open_lesson)))
    paragraphs.append(" ".join(parts))

    parts = []
    if report.courses:
        parts.append(ngettext(
            "{n} teacher took qualification courses ({hours} hours in all).",
            "{n} teachers took qualification courses ({hours} hours in all).",
            report.teachers_on_courses,
        ).format(n=report.teachers_on_courses, hours=report.course_hours))
    else:
        parts.append(_("No teacher took a qualification course this year."))
    if report.overdue_names:
        parts.append(_("Courses are overdue for: {names}.").format(names=_join_names(report.overdue_names)))
    paragraphs.append(" ".join(parts))

    if report.young_names and not report.pairs:
        paragraphs.append(" ".join(p for p in (_("No mentoring pair worked this year."), _(
            "Young teachers without a mentor: {names}.").format(names=_join_names(report.young_without_mentor_names))
            if report.young_without_mentor_names else "") if p))
    elif report.pairs:
        parts = [ngettext("{n} mentoring pair worked", "{n} mentoring pairs worked", report.pairs).format(n=report.pairs)
                 + ", " + ngettext("{n} of them wrote a final report.", "{n} of them wrote a final report.",
                                   report.pairs_with_report).format(n=report.pairs_with_report)]
        if report.young_without_mentor_names:
            parts.append(_("Young teachers without a mentor: {names}.").format(
                names=_join_names(report.young_without_mentor_names)))
        paragraphs.append(" ".join(parts))

    if report.awards:
        listed = "; ".join(f"{a.teacher} — {a.title}" for a in report.awards)
        paragraphs.append(_("Awards of the year: {list}.").format(list=listed))
    return "\n\n".join(paragraphs)


def school_draft_text(reports: Sequence[YearReport], year: AcademicYear) -> str:
    """The deputy's draft for the whole school: the totals of every association in a few sentences,
    and which associations fall short of the rules (each association's own draft follows in its part)."""
    rows = [summary_row(r) for r in reports]
    total = school_total(rows, "")
    paragraphs = [" ".join([
        ngettext(
            "In the {year} academic year the school had {n} methodical association with {teachers} teachers.",
            "In the {year} academic year the school had {n} methodical associations with {teachers} teachers.",
            len(reports),
        ).format(year=year.label, n=len(reports), teachers=total.teachers),
        ngettext(
            "They held {n} session (the rule requires {required}).",
            "They held {n} sessions (the rule requires {required}).",
            total.held,
        ).format(n=total.held, required=total.required),
        ngettext(
            "{n} practical seminar was held (the rule requires {required}).",
            "{n} practical seminars were held (the rule requires {required}).",
            total.seminars,
        ).format(n=total.seminars, required=total.seminars_required),
    ])]
    short = [r.name for r in rows if r.held < r.required]
    if short:
        paragraphs.append(_("Fewer sessions than the rule requires: {names}.").format(names=", ".join(short)))
    parts = []
    if total.plan_total:
        parts.append(ngettext(
            "Of the {total} item of the work plan {done} was done ({percent}).",
            "Of the {total} items of the work plan {done} were done ({percent}).",
            total.plan_total,
        ).format(total=total.plan_total, done=total.plan_done, percent=format_percent(total.plan_done / total.plan_total)))
    if total.decisions:
        parts.append(ngettext(
            "The sessions took {n} decision; {done} of them are done.",
            "The sessions took {n} decisions; {done} of them are done.",
            total.decisions,
        ).format(n=total.decisions, done=total.decisions_done))
    if parts:
        paragraphs.append(" ".join(parts))
    parts = [ngettext("{n} open lesson was held", "{n} open lessons were held", total.open_lessons_held).format(
        n=total.open_lessons_held) + "."]
    parts.append(_("Qualification courses: {hours} hours in all; overdue for {n} teachers.").format(
        hours=total.course_hours, n=total.overdue))
    if total.young_without_mentor:
        parts.append(_("Young teachers without a mentor: {n}.").format(n=total.young_without_mentor))
    paragraphs.append(" ".join(parts))
    return "\n\n".join(paragraphs)


@dataclass(frozen=True)
class AnalysisTexts:
    """What the PDF prints: the saved texts, else the generated draft (`generated` says which)."""

    draft: str
    conclusions: str = ""
    tasks: str = ""
    generated: bool = True


def texts_to_print(saved: YearAnalysis | None, generated_draft: str) -> AnalysisTexts:
    """The saved analysis when there is one (its draft, else the generated one), else the generated draft."""
    if saved is None or saved.is_empty():
        return AnalysisTexts(generated_draft)
    return AnalysisTexts(saved.draft if saved.draft.strip() else generated_draft, saved.conclusions, saved.tasks,
                         generated=not saved.draft.strip())
