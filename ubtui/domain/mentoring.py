"""Mentoring of young teachers (насаатчылык): pairs, their plans and logs, and the rules on them.

Seed 001/003 §2.1, §3.16 and plan section IV: the director's order appoints a mentor to a
young teacher; the pair works to a plan, keeps a log, and reports at the year's end.

Decisions, so that every screen and document says the same:
- A young teacher is one whose teaching experience is below `Rules.young_teacher_years`
  (`Teacher.is_young`); each should have an *active* pair.  A finished pair stays in history.
- A pair is quiet when its newest log entry (or, with none, its start) is more than
  `QUIET_DAYS` days before today.
- The year-end report is asked for from `REPORT_WINDOW_DAYS` days before the year's last day:
  a pair that was active during the year and has no report by then is listed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

from ubtui.domain.records import Record, new_id
from ubtui.domain.settings import Rules
from ubtui.domain.teachers import Teacher, name_key
from ubtui.domain.validation import Problems
from ubtui.domain.years import AcademicYear
from ubtui.i18n import N_, _

ACTIVE, FINISHED = "active", "finished"
STATUSES = {ACTIVE: N_("active"), FINISHED: N_("finished")}
LOG_KINDS = {
    "mentor_visit": N_("the mentor visits a lesson"),
    "young_visit": N_("the young teacher visits the mentor's lesson"),
    "consultation": N_("consultation"),
    "joint_planning": N_("joint planning"),
    "other": N_("other"),
}
QUIET_DAYS = 30
REPORT_WINDOW_DAYS = 30
TEXT_MAX = 20_000
LINE_MAX = 300


@dataclass
class MentorPlanItem:
    """One activity of the pair's plan: what, when (free text: "October", "every month"), done."""

    id: str = field(default_factory=new_id)
    activity: str = ""
    when: str = ""
    done: bool = False


@dataclass
class LogEntry:
    """One meeting of the pair: a lesson visit either way, a consultation, joint planning."""

    id: str = field(default_factory=new_id)
    date: dt.date | None = None
    kind: str = "consultation"
    note: str = ""


@dataclass
class Mentorship(Record):
    """A mentor and a young teacher (both by teacher id), appointed by the director's order."""

    mentor_id: str = ""
    young_id: str = ""
    association_id: str = ""
    order_no: str = ""
    order_date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    goals: str = ""
    plan: list[MentorPlanItem] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)
    report: str = ""
    status: str = ACTIVE

    @property
    def active(self) -> bool:
        return self.status == ACTIVE

    def current(self, at: dt.date) -> bool:
        """Active, and its period not ended before `at` (a pair not yet marked finished after its end does not count)."""
        return self.active and (self.end is None or self.end >= at)

    def last_log_date(self) -> dt.date | None:
        dates = [entry.date for entry in self.log if entry.date is not None]
        return max(dates) if dates else None

    def sorted_log(self) -> list[LogEntry]:
        """The log, the oldest first (as it prints)."""
        return sorted(self.log, key=lambda e: e.date or dt.date.min)

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Whether the pair's period touches the days first..last (an open end runs on)."""
        start = self.start or self.order_date or dt.date.min
        end = self.end or dt.date.max
        return start <= last and end >= first


def status_label(code: str) -> str:
    return _(STATUSES.get(code, code))


def status_choices() -> list[tuple[str, str]]:
    return [(_(label), code) for code, label in STATUSES.items()]


def log_kind_label(code: str) -> str:
    return _(LOG_KINDS.get(code, code))


def log_kind_choices() -> list[tuple[str, str]]:
    return [(_(label), code) for code, label in LOG_KINDS.items()]


# --- validation -------------------------------------------------------------------------------


def _check_length(problems: Problems, name: str, value: str, limit: int) -> None:
    if len(value) > limit:
        problems.add(name, _("The text is too long (at most {n} characters).").format(n=limit))


def validate_mentorship(pair: Mentorship, others: Iterable[Mentorship]) -> Problems:
    """What must be fixed before a pair is saved (translated, per field)."""
    problems = Problems()
    if not pair.mentor_id:
        problems.add("mentor_id", _("Choose the mentor."))
    if not pair.young_id:
        problems.add("young_id", _("Choose the young teacher."))
    if pair.mentor_id and pair.mentor_id == pair.young_id:
        problems.add("young_id", _("The mentor and the young teacher must be two different people."))
    if pair.status not in STATUSES:
        problems.add("status", _("Choose the status from the list."))
    if pair.start and pair.end and pair.end < pair.start:
        problems.add("end", _("The period ends before it starts."))
    if pair.status == ACTIVE and pair.young_id:
        for other in others:
            if other.id != pair.id and other.active and other.young_id == pair.young_id:
                problems.add("young_id", _("This young teacher already has an active mentor; finish that pair first."))
                break
    _check_length(problems, "order_no", pair.order_no, 40)
    _check_length(problems, "goals", pair.goals, TEXT_MAX)
    _check_length(problems, "report", pair.report, TEXT_MAX)
    for item in pair.plan:
        if not item.activity.strip():
            problems.add("plan", _("Every plan item needs its activity."))
            break
        _check_length(problems, "plan", item.activity, LINE_MAX * 4)
        _check_length(problems, "plan", item.when, 100)
    for entry in pair.log:
        if entry.date is None:
            problems.add("log", _("Every log entry needs its date."))
            break
        if entry.kind not in LOG_KINDS:
            problems.add("log", _("Choose the kind of the log entry from the list."))
            break
        _check_length(problems, "log", entry.note, TEXT_MAX)
    return problems


def validate_log_entry(entry: LogEntry) -> Problems:
    problems = Problems()
    if entry.date is None:
        problems.add("date", _("The date is required."))
    if entry.kind not in LOG_KINDS:
        problems.add("kind", _("Choose the kind of the log entry from the list."))
    _check_length(problems, "note", entry.note, TEXT_MAX)
    return problems


def validate_plan_item(item: MentorPlanItem) -> Problems:
    problems = Problems()
    if not item.activity.strip():
        problems.add("activity", _("The activity is required."))
    _check_length(problems, "activity", item.activity, LINE_MAX * 4)
    _check_length(problems, "when", item.when, 100)
    return problems


# --- rules ----------------------------------------------------------------------------------------


def young_without_mentor(
    teachers: Iterable[Teacher], pairs: Iterable[Mentorship], at: dt.date, rules: Rules
) -> list[Teacher]:
    """Active young teachers with no current pair (active, not past its end), by name (Kyrgyz order)."""
    mentored = {p.young_id for p in pairs if p.current(at)}
    found = [t for t in teachers if t.active and t.is_young(at, rules) and t.id not in mentored]
    return sorted(found, key=lambda t: name_key(t.full_name))


def quiet_pairs(pairs: Iterable[Mentorship], today: dt.date, days: int = QUIET_DAYS) -> list[Mentorship]:
    """Active pairs whose newest log entry (or start, with none) is more than `days` days ago."""
    found = []
    for pair in pairs:
        if not pair.active:
            continue
        last = pair.last_log_date() or pair.start or pair.order_date
        if last is None or (today - last).days > days:
            found.append(pair)
    return found


def report_due(year: AcademicYear, today: dt.date) -> bool:
    """Whether the year's end is near enough (or past) for the pairs' reports to be asked for."""
    return today >= year.end - dt.timedelta(days=REPORT_WINDOW_DAYS)


def pairs_without_report(pairs: Iterable[Mentorship], year: AcademicYear, today: dt.date) -> list[Mentorship]:
    """At the year's end: the pairs that worked during the year and have no final report."""
    if not report_due(year, today):
        return []
    return [p for p in pairs if p.overlaps(year.start, year.end) and not p.report.strip()]


def pairs_in_year(pairs: Iterable[Mentorship], year: AcademicYear | None) -> list[Mentorship]:
    """The pairs whose period touches the year (all of them without a year)."""
    if year is None:
        return list(pairs)
    return [p for p in pairs if p.overlaps(year.start, year.end)]


def sort_pairs(pairs: Iterable[Mentorship], names: dict[str, str]) -> list[Mentorship]:
    """Active first, then by the young teacher's name (Kyrgyz order)."""
    return sorted(pairs, key=lambda p: (not p.active, name_key(names.get(p.young_id, "")), name_key(names.get(p.mentor_id, ""))))


def plan_progress(pair: Mentorship) -> tuple[int, int]:
    """(done, all) of the pair's plan items."""
    return sum(1 for item in pair.plan if item.done), len(pair.plan)


# --- the home screen's lines ------------------------------------------------------------------------


def mentoring_figures(
    pairs: Iterable[Mentorship], teachers: Iterable[Teacher], year: AcademicYear | None, today: dt.date, rules: Rules
) -> list:
    """Young teachers without a mentor; pairs with no log entry for 30 days; at year end, pairs without a report.
    `pairs` and `teachers` are one association's (or the whole school's)."""
    from ubtui.domain.compliance import Figure

    pairs = list(pairs)
    alone = young_without_mentor(teachers, pairs, today, rules)
    figures = [Figure(_("Young teachers without a mentor"), str(len(alone)), "warning" if alone else "ok")]
    active = [p for p in pairs if p.current(today)]
    if active:
        quiet = quiet_pairs(active, today)
        figures.append(Figure(_("Mentoring pairs with no log entry for 30 days"), f"{len(quiet)} / {len(active)}",
                              "warning" if quiet else "ok"))
    if year is not None:
        missing = pairs_without_report(pairs, year, today)
        if missing:
            figures.append(Figure(_("Mentoring pairs without a year-end report"), str(len(missing)), "warning"))
    return figures
