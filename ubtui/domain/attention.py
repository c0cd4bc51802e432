"""What needs attention in a year: the home screen's lines, each with where it is fixed.

Pure functions of records: `store/overview.py` fetches them, the figures are the functions of
`domain.compliance` (the year report and the district call the same ones), and each line
names the screen (and its filter) where the user fixes it. A line that is fine says so;
none is left out because it is fine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ubtui.domain import compliance
from ubtui.domain.associations import Association
from ubtui.domain.compliance import Figure, approval_text
from ubtui.domain.courses import Course
from ubtui.domain.lessons import LessonEvent, open_lesson_check_due, seminars_held, without_open_lesson
from ubtui.domain.mentoring import Mentorship, pairs_without_report, quiet_pairs, report_due, young_without_mentor
from ubtui.domain.plans import LATE, ON_TIME, Plan, PlanItem, approval_state, completion
from ubtui.domain.sessions import Session, year_figures
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import Teacher
from ubtui.domain.years import AcademicYear
from ubtui.i18n import _, ngettext

# Where a line leads (the app's areas, and two places inside them).
SESSIONS, DECISIONS, PLAN, TEACHERS, COURSES = "sessions", "decisions", "plan", "teachers", "courses"
MENTORING, LESSONS, YEARS = "mentoring", "lessons", "years"
# How the screen opens.
OVERDUE, DUE, WITHOUT_MENTOR = "overdue", "due", "without_mentor"


@dataclass(frozen=True)
class YearRecords:
    """What the rules read for one year; the store fetches it. `associations` are those looked at
    (one, or the whole school); the other lists may hold more (each rule takes its own)."""

    year: AcademicYear
    associations: Sequence[Association]
    rules: Rules
    today: dt.date
    sessions: Sequence[Session] = ()
    events: Sequence[LessonEvent] = ()
    plans: Sequence[Plan] = ()
    plan_items: Sequence[PlanItem] = ()
    teachers: Sequence[Teacher] = ()  # those who left too: the rules look at the active ones
    courses: Sequence[Course] = ()
    mentorships: Sequence[Mentorship] = ()


@dataclass
class _Association:
    """One association's records of the year."""

    association: Association
    sessions: list[Session] = field(default_factory=list)
    events: list[LessonEvent] = field(default_factory=list)
    plan: Plan | None = None
    items: list[PlanItem] = field(default_factory=list)
    teachers: list[Teacher] = field(default_factory=list)  # active members
    pairs: list[Mentorship] = field(default_factory=list)


def _split(records: YearRecords) -> list[_Association]:
    year = records.year
    parts = []
    plans = {p.association_id: p for p in records.plans if p.year_id == year.id}
    for association in records.associations:
        plan = plans.get(association.id)
        parts.append(
            _Association(
                association,
                sessions=[s for s in records.sessions if s.association_id == association.id and s.year_id == year.id],
                events=[e for e in records.events if e.association_id == association.id and e.year_id == year.id],
                plan=plan,
                items=[i for i in records.plan_items if plan is not None and i.plan_id == plan.id],
                teachers=[t for t in records.teachers if t.active and t.association_id == association.id],
                pairs=[p for p in records.mentorships if p.association_id == association.id],
            )
        )
    return parts


def _line(label: str, value: str, level: str, target: str, parts: list[_Association], behind: Callable[[_Association], bool],
          preset: str = "") -> Figure:
    """A line whose Enter opens `target`; for the whole school, on the first association behind."""
    first = next((p.association.id for p in parts if behind(p)), "") if len(parts) > 1 else ""
    return Figure(label, value, level, target=target, preset=preset, association_id=first)


def _count_level(count: int, bad: str = "warning") -> str:
    return bad if count else "ok"


def attention(records: YearRecords, *, whole_school: bool = False) -> list[Figure]:
    """The lines of the home screen for the year: one association, or the whole school
    (`whole_school`: sums over `records.associations`, each line leading to the first one behind)."""
    year, today, rules = records.year, records.today, records.rules
    parts = _split(records)
    lines: list[Figure] = []
    if year.closed:
        lines.append(Figure(_("Academic year"), _("{label} is closed (archive)").format(label=year.label), "warning",
                            target=YEARS))
    if not parts:
        return lines
    lines += _session_lines(parts, year, rules, today)
    lines += _plan_lines(parts, year, today, whole_school)
    lines += _teacher_lines(parts, records, today, rules)
    lines += _lesson_lines(parts, year, today)
    return lines


def _session_lines(parts: list[_Association], year: AcademicYear, rules: Rules, today: dt.date) -> list[Figure]:
    figures = {id(p): year_figures(p.sessions, rules, today) for p in parts}
    held = sum(f.held for f in figures.values())
    required = sum(f.required for f in figures.values())
    drafts = sum(f.drafts for f in figures.values())
    held_text = f"{held} / {required}"
    if drafts:
        held_text += " " + ngettext("(+{n} draft)", "(+{n} drafts)", drafts).format(n=drafts)
    sessions_behind = lambda p: not figures[id(p)].sessions_ok  # noqa: E731
    lines = [_line(_("Sessions held"), held_text, "ok" if not any(map(sessions_behind, parts)) else "warning",
                   SESSIONS, parts, sessions_behind)]

    by_quarter: dict[int, int] = {}
    for p in parts:
        for number, count in compliance.held_by_quarter(p.sessions, year).items():
            by_quarter[number] = by_quarter.get(number, 0) + count
    if by_quarter:
        begun = {q.number for q in year.quarters if q.start <= today}
        value = " · ".join(str(by_quarter[n]) if n in begun or by_quarter[n] else "–" for n in sorted(by_quarter))
        missed = lambda p: bool(compliance.quarters_without_session(p.sessions, year, today))  # noqa: E731
        level = "warning" if any(map(missed, parts)) else ("ok" if begun else "info")
        lines.append(_line(_("Sessions by quarter"), value, level, SESSIONS, parts, missed))

    seminars = {id(p): seminars_held(p.sessions, p.events) for p in parts}
    seminars_required = sum(f.seminars_required for f in figures.values())
    seminar_behind = lambda p: seminars[id(p)] < figures[id(p)].seminars_required  # noqa: E731
    lines.append(_line(_("Practical seminars held"), f"{sum(seminars.values())} / {seminars_required}",
                       "warning" if any(map(seminar_behind, parts)) else "ok", SESSIONS, parts, seminar_behind))

    incomplete = {id(p): len(compliance.protocols_incomplete(p.sessions)) for p in parts}
    count = sum(incomplete.values())
    lines.append(_line(_("Protocols incomplete"), str(count), _count_level(count), SESSIONS, parts,
                       lambda p: incomplete[id(p)] > 0))

    overdue = {id(p): len(compliance.decisions_overdue(p.sessions, today)) for p in parts}
    count = sum(overdue.values())
    lines.append(_line(_("Decisions overdue"), str(count), _count_level(count), DECISIONS, parts,
                       lambda p: overdue[id(p)] > 0, OVERDUE))
    return lines


def _plan_lines(parts: list[_Association], year: AcademicYear, today: dt.date, whole_school: bool) -> list[Figure]:
    states = {id(p): approval_state(p.plan, year, today) for p in parts}
    overdue = {id(p): len(compliance.plan_items_overdue(p.items, year, today)) for p in parts}
    lines = []
    if whole_school:
        approved = sum(1 for s in states.values() if s in (LATE, ON_TIME))
        late = sum(1 for s in states.values() if s == LATE)
        value = f"{approved} / {len(parts)}"
        if late:
            value += " " + ngettext("({n} late)", "({n} late)", late).format(n=late)
        level = "ok" if approved == len(parts) and not late else "warning"
        lines.append(_line(_("Work plans approved"), value, level, PLAN, parts, lambda p: states[id(p)] != ON_TIME))
        count = sum(overdue.values())
        lines.append(_line(_("Plan items overdue"), str(count), _count_level(count), PLAN, parts,
                           lambda p: overdue[id(p)] > 0, OVERDUE))
        return lines
    [part] = parts
    state = states[id(part)]
    text, level = approval_text(state, part.plan, year)
    if state == "missing" and today < year.start:
        level = "warning"
    lines.append(Figure(_("Work plan"), text, level, target=PLAN))
    if part.plan is not None:
        count = overdue[id(part)]
        lines.append(Figure(_("Plan items overdue"), str(count), _count_level(count), target=PLAN, preset=OVERDUE))
        lines.append(Figure(_("Plan completion"), completion(part.items, year, today).text(), target=PLAN))
    return lines


def _teacher_lines(parts: list[_Association], records: YearRecords, today: dt.date, rules: Rules) -> list[Figure]:
    overdue = {id(p): len(compliance.courses_overdue(p.teachers, records.courses, today, rules)) for p in parts}
    due = {id(p): len(compliance.courses_due(p.teachers, records.courses, today, rules)) for p in parts}
    alone = {id(p): len(young_without_mentor(p.teachers, records.mentorships, today, rules)) for p in parts}
    lines = [
        _line(_("Teachers overdue for courses"), str(sum(overdue.values())), _count_level(sum(overdue.values())),
              TEACHERS, parts, lambda p: overdue[id(p)] > 0, OVERDUE),
        _line(_("Teachers due for courses within 12 months"), str(sum(due.values())),
              "info" if sum(due.values()) else "ok", COURSES, parts, lambda p: due[id(p)] > 0, DUE),
        _line(_("Young teachers without a mentor"), str(sum(alone.values())), _count_level(sum(alone.values())),
              MENTORING, parts, lambda p: alone[id(p)] > 0, WITHOUT_MENTOR),
    ]
    active = {id(p): [x for x in p.pairs if x.current(today)] for p in parts}
    quiet = {id(p): len(quiet_pairs(active[id(p)], today)) for p in parts}
    total = sum(len(a) for a in active.values())
    lines.append(_line(_("Mentoring pairs with no log entry for 30 days"), f"{sum(quiet.values())} / {total}",
                       _count_level(sum(quiet.values())), MENTORING, parts, lambda p: quiet[id(p)] > 0))
    if report_due(records.year, today):
        missing = {id(p): len(pairs_without_report(p.pairs, records.year, today)) for p in parts}
        lines.append(_line(_("Mentoring pairs without a year-end report"), str(sum(missing.values())),
                           _count_level(sum(missing.values())), MENTORING, parts, lambda p: missing[id(p)] > 0))
    return lines


def _lesson_lines(parts: list[_Association], year: AcademicYear, today: dt.date) -> list[Figure]:
    held = planned = 0
    for p in parts:
        h, w = compliance.open_lessons(p.events)
        held, planned = held + h, planned + w
    due = open_lesson_check_due(year, today)
    level = "warning" if due and not held + planned else "info"
    lines = [_line(_("Open lessons held (planned)"), f"{held} ({planned})", level,
                   LESSONS, parts, lambda p: sum(compliance.open_lessons(p.events)) == 0)]
    missing = {id(p): len(without_open_lesson(p.teachers, p.events, year)) for p in parts}
    count = sum(missing.values())
    label = _("Teachers without an open lesson by the 3rd quarter") if due else _("Teachers with no open lesson planned")
    lines.append(_line(label, str(count), ("warning" if due else "info") if count else "ok", LESSONS, parts,
                       lambda p: missing[id(p)] > 0))
    return lines


def incomplete(lines: Sequence[Figure]) -> list[Figure]:
    """The lines that are not fine (what closing a year shows before it asks); info lines count
    as not fine only when they are a warning or an error."""
    return [line for line in lines if line.level in ("warning", "error")]
