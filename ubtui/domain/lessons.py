"""Lesson events: open lessons, extracurricular events, lesson visits, subject weeks, creative reports.

Seed 001/003 §3.7 and §3.9 (mutual visits, open lessons), §5.6 (at least one practical
seminar a year, with open lessons and extracurricular events), §6.7 (the year's schedule of
open lessons and extracurricular work), §6.10 (creative reports), §6.11 (subject weeks and
decades); seed 000 §3.1 and §4.1 (the head visits and analyses lessons).

Decisions, so that every screen and document says the same:
- The schedule is the year's events; `planned` ones wait, marking one `held` asks for its
  analysis.  A `cancelled` event keeps its reason.  A `moved` event has its new date in
  `date` and the date first planned in `first_date` (kept when it is held later).
- A subject week (or decade) is an event of kind `week` with a first and last day; the
  events held during it name it by `week_id` and print as its own plan.
- The practical seminar (§5.6) is held by a session of kind "practical seminar", or by
  held events of kind `seminar_lesson` (the open lessons of a seminar): one seminar per day
  of such events that is not already a seminar session's day.
- An open lesson is an event of kind `open_lesson` or `seminar_lesson`.
- "No open lesson by the third quarter": from the third quarter's first day, an active
  teacher with no open lesson held, or planned up to the quarter's last day, is listed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

from ubtui.domain.records import Record
from ubtui.domain.sessions import Session
from ubtui.domain.teachers import Teacher, name_key
from ubtui.domain.validation import Problems
from ubtui.domain.years import AcademicYear
from ubtui.i18n import N_, _

WEEK = "week"
KINDS = {
    "open_lesson": N_("open lesson"),
    "extracurricular": N_("extracurricular event"),
    "mutual_visit": N_("mutual visit"),
    "head_visit": N_("the head's visit"),
    "week_event": N_("subject week event"),
    "olympiad": N_("olympiad"),
    "creative_report": N_("creative report"),
    "seminar_lesson": N_("practical seminar lesson"),
    WEEK: N_("subject week / decade"),
}
OPEN_LESSON_KINDS = frozenset({"open_lesson", "seminar_lesson"})
VISIT_KINDS = frozenset({"mutual_visit", "head_visit"})
# The §6.7 schedule: open lessons and extracurricular work, the seminar's lessons, olympiads.
SCHEDULE_KINDS = frozenset({"open_lesson", "extracurricular", "seminar_lesson", "olympiad", "creative_report", "week_event"})
LEVELS = {"school": N_("school"), "district": N_("district"), "region": N_("region")}
PLANNED, HELD, CANCELLED, MOVED = "planned", "held", "cancelled", "moved"
STATUSES = {PLANNED: N_("planned"), HELD: N_("held"), CANCELLED: N_("cancelled"), MOVED: N_("moved")}
TEXT_MAX = 20_000
LINE_MAX = 300


@dataclass
class Observer:
    """Who watched: a teacher of the school by id, or a guest from outside by name."""

    teacher_id: str = ""
    name: str = ""  # guests only
    position: str = ""


@dataclass
class Analysis:
    """What the observers found once the event was held."""

    strengths: str = ""
    weaknesses: str = ""
    recommendations: str = ""
    rating: str = ""  # on the school's own scale ("5", "жакшы", "4/5")

    def is_empty(self) -> bool:
        return not any(v.strip() for v in (self.strengths, self.weaknesses, self.recommendations, self.rating))


@dataclass
class LessonEvent(Record):
    """One open lesson, visit, extracurricular event … of one association in one year."""

    association_id: str = ""
    year_id: str = ""
    kind: str = "open_lesson"
    teacher_id: str = ""  # whose lesson or event (for a visit: the teacher visited)
    date: dt.date | None = None
    end: dt.date | None = None  # a subject week's last day
    first_date: dt.date | None = None  # the date first planned, once moved
    class_name: str = ""
    subject: str = ""
    topic: str = ""
    lesson_type: str = ""
    level: str = "school"
    purpose: str = ""
    observers: list[Observer] = field(default_factory=list)
    analysis: Analysis = field(default_factory=Analysis)
    status: str = PLANNED
    reason: str = ""  # why cancelled
    week_id: str = ""  # the subject week it belongs to
    note: str = ""

    @property
    def is_week(self) -> bool:
        return self.kind == WEEK

    @property
    def is_open_lesson(self) -> bool:
        return self.kind in OPEN_LESSON_KINDS

    @property
    def waiting(self) -> bool:
        """Planned (or moved to a new date) and not held yet."""
        return self.status in (PLANNED, MOVED)


def kind_label(code: str) -> str:
    return _(KINDS.get(code, code))


def kind_choices(*, weeks: bool = False) -> list[tuple[str, str]]:
    return [(_(label), code) for code, label in KINDS.items() if weeks or code != WEEK]


def level_label(code: str) -> str:
    return _(LEVELS.get(code, code))


def level_choices() -> list[tuple[str, str]]:
    return [(_(label), code) for code, label in LEVELS.items()]


def status_label(code: str) -> str:
    return _(STATUSES.get(code, code))


def status_choices() -> list[tuple[str, str]]:
    return [(_(label), code) for code, label in STATUSES.items()]


def observer_text(observer: Observer, names: dict[str, str]) -> str:
    """A teacher observer by today's name; a guest with their position."""
    if observer.teacher_id:
        return names.get(observer.teacher_id, "?")
    return ", ".join(p for p in (observer.name.strip(), observer.position.strip()) if p)


# --- validation ---------------------------------------------------------------------------------


def _check_length(problems: Problems, name: str, value: str, limit: int) -> None:
    if len(value) > limit:
        problems.add(name, _("The text is too long (at most {n} characters).").format(n=limit))


def validate_event(event: LessonEvent, others: Iterable[LessonEvent] = (), year: AcademicYear | None = None) -> Problems:
    """What must be fixed before an event is saved (translated, per field)."""
    problems = Problems()
    if event.kind not in KINDS:
        problems.add("kind", _("Choose the kind of event from the list."))
    if event.status not in STATUSES:
        problems.add("status", _("Choose the status from the list."))
    if event.level not in LEVELS:
        problems.add("level", _("Choose the level from the list."))
    if event.date is None:
        problems.add("date", _("The date is required."))
    elif year is not None and not year.start - dt.timedelta(days=31) <= event.date <= year.end + dt.timedelta(days=62):
        problems.add("date", _("The date is outside the academic year {label}.").format(label=year.label))
    if event.is_week:
        if not event.topic.strip():
            problems.add("topic", _("The title of the week is required."))
        if event.end is None:
            problems.add("end", _("The last day is required."))
        elif event.date is not None and event.end < event.date:
            problems.add("end", _("The week ends before it starts."))
    else:
        if not event.teacher_id:
            problems.add("teacher_id", _("Choose the teacher."))
        if not event.topic.strip():
            problems.add("topic", _("The topic is required."))
    if event.status == CANCELLED and not event.reason.strip():
        problems.add("reason", _("Write why the event was cancelled."))
    if event.status == MOVED and event.first_date is None:
        problems.add("date", _("A moved event keeps the date first planned."))
    if event.week_id and event.week_id == event.id:
        problems.add("week_id", _("A week cannot belong to itself."))
    if event.teacher_id and any(o.teacher_id == event.teacher_id for o in event.observers):
        problems.add("observers", _("The teacher of the lesson cannot also be its observer."))
    seen: set[str] = set()
    for observer in event.observers:
        key = observer.teacher_id or observer.name.strip().casefold()
        if not key:
            problems.add("observers", _("Every observer needs a name."))
            break
        if key in seen:
            problems.add("observers", _("An observer is listed twice."))
            break
        seen.add(key)
    for name, limit in (("class_name", 40), ("subject", 100), ("lesson_type", 100), ("rating", 40)):
        value = event.analysis.rating if name == "rating" else getattr(event, name)
        _check_length(problems, name, value, limit)
    _check_length(problems, "topic", event.topic, LINE_MAX)
    for name in ("purpose", "reason", "note"):
        _check_length(problems, name, getattr(event, name), TEXT_MAX)
    for name in ("strengths", "weaknesses", "recommendations"):
        _check_length(problems, name, getattr(event.analysis, name), TEXT_MAX)
    return problems


def validate_analysis(analysis: Analysis) -> Problems:
    """Holding an event asks for at least what was found or recommended."""
    problems = Problems()
    if not (analysis.strengths.strip() or analysis.weaknesses.strip() or analysis.recommendations.strip()):
        problems.add("strengths", _("Write what the observers found, or their recommendations."))
    return problems


# --- changes of status (pure: they return the changed copy) --------------------------------------


def held(event: LessonEvent, analysis: Analysis, day: dt.date | None = None) -> LessonEvent:
    """The event held (on `day`, else its date) with its analysis; a first date is kept."""
    from dataclasses import replace

    date = day or event.date
    first = event.first_date
    if day is not None and event.date is not None and day != event.date and first is None:
        first = event.date
    return replace(event, status=HELD, analysis=analysis, date=date, first_date=first, reason="")


def cancelled(event: LessonEvent, reason: str) -> LessonEvent:
    from dataclasses import replace

    return replace(event, status=CANCELLED, reason=reason.strip())


def moved(event: LessonEvent, new_date: dt.date) -> LessonEvent:
    """Moved to `new_date`; the date first planned is kept however often it moves."""
    from dataclasses import replace

    return replace(event, status=MOVED, date=new_date, first_date=event.first_date or event.date, reason="")


# --- rules --------------------------------------------------------------------------------------------


def in_month(events: Iterable[LessonEvent], month: int | None) -> list[LessonEvent]:
    return [e for e in events if month is None or (e.date is not None and e.date.month == month)]


def sort_events(events: Iterable[LessonEvent]) -> list[LessonEvent]:
    """By date (weeks before the events on their first day), then kind."""
    return sorted(events, key=lambda e: (e.date or dt.date.max, not e.is_week, list(KINDS).index(e.kind) if e.kind in KINDS else 99))


def schedule(events: Iterable[LessonEvent]) -> list[LessonEvent]:
    """The §6.7 schedule: the year's open lessons and extracurricular work, in date order."""
    return sort_events(e for e in events if e.kind in SCHEDULE_KINDS)


def week_events(events: Iterable[LessonEvent], week: LessonEvent) -> list[LessonEvent]:
    """The events of one subject week: those naming it, in date order."""
    return sort_events(e for e in events if e.week_id == week.id and not e.is_week)


def seminars_held(sessions: Iterable[Session], events: Iterable[LessonEvent]) -> int:
    """Practical seminars held (§5.6): seminar sessions held, plus days of held seminar lessons
    that are not a seminar session's day (a seminar with its open lessons counts once)."""
    session_days = {s.date for s in sessions if s.kind == "seminar" and s.status == "held"}
    event_days = {e.date for e in events if e.kind == "seminar_lesson" and e.status == HELD and e.date is not None}
    return len(session_days) + len(event_days - session_days)


@dataclass(frozen=True)
class TeacherCount:
    """One teacher's year: open lessons held / planned, lessons visited by others, visits made."""

    teacher: Teacher
    open_held: int
    open_planned: int
    visited: int  # their lessons others visited (visits held)
    visits_made: int  # lessons they watched as an observer (held)
    events: int  # every other event they led (extracurricular, creative report …), held


def teacher_counts(teachers: Iterable[Teacher], events: Iterable[LessonEvent]) -> list[TeacherCount]:
    """Per teacher, for the events given (one year's): open lessons and visits; by name."""
    events = [e for e in events if not e.is_week]
    rows = []
    for teacher in sorted(teachers, key=lambda t: name_key(t.full_name)):
        own = [e for e in events if e.teacher_id == teacher.id]
        rows.append(
            TeacherCount(
                teacher=teacher,
                open_held=sum(1 for e in own if e.is_open_lesson and e.status == HELD),
                open_planned=sum(1 for e in own if e.is_open_lesson and e.waiting),
                visited=sum(1 for e in own if e.kind in VISIT_KINDS and e.status == HELD),
                visits_made=sum(
                    1 for e in events if e.status == HELD and any(o.teacher_id == teacher.id for o in e.observers)
                ),
                events=sum(1 for e in own if not e.is_open_lesson and e.kind not in VISIT_KINDS and e.status == HELD),
            )
        )
    return rows


def third_quarter(year: AcademicYear) -> tuple[dt.date, dt.date]:
    """The third quarter's first and last days (without quarters: January to March)."""
    for quarter in year.quarters:
        if quarter.number == 3:
            return quarter.start, quarter.end
    return dt.date(year.end.year, 1, 1), dt.date(year.end.year, 3, 31)


def without_open_lesson(teachers: Iterable[Teacher], events: Iterable[LessonEvent], year: AcademicYear) -> list[Teacher]:
    """Active teachers with no open lesson held in the year, nor one waiting by the third quarter's end."""
    _first, last = third_quarter(year)
    covered = {
        e.teacher_id
        for e in events
        if e.is_open_lesson
        and (e.status == HELD or (e.waiting and e.date is not None and e.date <= last))
    }
    return sorted((t for t in teachers if t.active and t.id not in covered), key=lambda t: name_key(t.full_name))


def open_lesson_check_due(year: AcademicYear, today: dt.date) -> bool:
    """From the third quarter's first day a missing open lesson is a warning."""
    return today >= third_quarter(year)[0]


# --- the home screen's lines ------------------------------------------------------------------------


def lesson_figures(events: Iterable[LessonEvent], teachers: Iterable[Teacher], year: AcademicYear, today: dt.date) -> list:
    """Open lessons held (waiting), and who has no open lesson by the third quarter.
    `events` are the year's events of one association (or the school); `teachers` its active teachers."""
    from ubtui.domain.compliance import Figure

    events = list(events)
    open_lessons = [e for e in events if e.is_open_lesson]
    held_count = sum(1 for e in open_lessons if e.status == HELD)
    waiting = sum(1 for e in open_lessons if e.waiting)
    missing = without_open_lesson(teachers, events, year)
    due = open_lesson_check_due(year, today)
    return [
        Figure(_("Open lessons held (planned)"), f"{held_count} ({waiting})", "info"),
        Figure(
            _("Teachers without an open lesson by the 3rd quarter") if due else _("Teachers with no open lesson planned"),
            str(len(missing)),
            ("warning" if due else "info") if missing else "ok",
        ),
    ]
