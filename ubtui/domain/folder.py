"""The association's folder (seed 001/003 §6.1–6.16): which of its 16 documents are there.

A pure function of records: each document is present (saying where it comes from: "work plan —
approved 02.09.2025"), missing (with what to do), or kept on paper only (ubtui does not make it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Sequence

from ubtui.domain.lessons import HELD, VISIT_KINDS, LessonEvent
from ubtui.domain.plans import Plan, PlanItem
from ubtui.domain.sessions import Session
from ubtui.domain.settings import Settings
from ubtui.domain.teachers import Teacher
from ubtui.domain.year_report import YearAnalysis
from ubtui.domain.years import AcademicYear
from ubtui.i18n import N_, _, format_date, ngettext

PRESENT, MISSING, PAPER = "present", "missing", "paper"
STATE_LABELS = {PRESENT: N_("present in the folder"), MISSING: N_("missing from the folder"), PAPER: N_("kept on paper")}

# The folder's documents by their numbers in the regulation (seed 001 §6; 003 where 001 is garbled).
DOCUMENTS: tuple[tuple[str, str], ...] = (
    ("6.1", N_("Order on opening the methodical association")),
    ("6.2", N_("Order appointing the head of the methodical association")),
    ("6.3", N_("Regulation on the methodical association")),
    ("6.4", N_("Job duties of the association's teachers")),
    ("6.5", N_("Analysis of the association's work in the past year")),
    ("6.6", N_("The methodical theme for the new year, its goal, main directions and tasks")),
    ("6.7", N_("The association's work plan for the year; the schedule of open lessons and extracurricular work")),
    ("6.8", N_("The association's monthly work plan")),
    ("6.9", N_("Information bank on the association's teachers: their number and qualities")),
    ("6.10", N_("Teachers' self-education topics; creative reports, business games")),
    ("6.11", N_("Plan of the subject week (decade)")),
    ("6.12", N_("Programmes (the author's, of electives and circles)")),
    ("6.13", N_("Curricula of the subjects and their teaching materials")),
    ("6.14", N_("Calendar and thematic planning")),
    ("6.15", N_("In-school control: express information, analytical notes, diagnostics")),
    ("6.16", N_("Protocols of the association's sessions")),
)


@dataclass(frozen=True)
class FolderEntry:
    number: str
    title: str  # translated
    state: str  # PRESENT / MISSING / PAPER
    source: str  # where it comes from, or what to do

    @property
    def state_label(self) -> str:
        return _(STATE_LABELS[self.state])


def _day(day: dt.date | None) -> str:
    return format_date(day, long=False) if day else ""


def folder_checklist(
    settings: Settings,
    year: AcademicYear,
    *,
    previous_year: AcademicYear | None,
    previous_analysis: YearAnalysis | None,
    plan: Plan | None,
    plan_items: Iterable[PlanItem],
    teachers: Sequence[Teacher],
    sessions: Iterable[Session],
    lesson_events: Iterable[LessonEvent],
) -> list[FolderEntry]:
    """The 16 documents of one association's folder for `year` (records of that association and year)."""
    items = list(plan_items)
    held = sorted((s for s in sessions if s.status == "held"), key=lambda s: s.number)
    events = list(lesson_events)
    members = [t for t in teachers if t.active]
    found: dict[str, tuple[str, str]] = {}

    def recorded(number: str, value: str) -> None:
        value = " ".join(value.split())
        found[number] = (PRESENT, _("recorded in Settings: {text}").format(text=value)) if value else (
            MISSING, _("enter its number and date in Settings (the School tab)"))

    recorded("6.1", settings.order_opening)
    recorded("6.2", settings.order_head)
    recorded("6.3", settings.regulation)
    found["6.4"] = (PAPER, _("not kept in ubtui: check the paper folder"))
    if previous_analysis is not None and not previous_analysis.is_empty():
        found["6.5"] = (PRESENT, _("analysis of {year} — saved in ubtui").format(year=previous_year.label if previous_year else "?"))
    elif previous_year is not None:
        found["6.5"] = (MISSING, _("the analysis of {year} is not written yet (the draft is made from its figures)").format(
            year=previous_year.label))
    else:
        found["6.5"] = (MISSING, _("no past year in the school file: put the paper analysis in the folder"))
    if plan is not None and plan.theme.strip():
        found["6.6"] = (PRESENT, _("work plan — theme «{theme}»").format(theme=plan.theme.strip()))
    else:
        found["6.6"] = (MISSING, _("write the methodical theme, goal and tasks in the work plan"))
    schedule = sum(1 for e in events if e.kind in ("open_lesson", "seminar_lesson", "extracurricular"))
    if plan is None:
        found["6.7"] = (MISSING, _("there is no work plan for the year yet"))
    else:
        state = (_("work plan — approved {date}").format(date=_day(plan.approved_on)) if plan.approved
                 else _("work plan — not approved yet"))
        state += "; " + ngettext("{n} event in the schedule", "{n} events in the schedule", schedule).format(n=schedule)
        found["6.7"] = (PRESENT if plan.approved else MISSING, state)
    if items:
        found["6.8"] = (PRESENT, ngettext("from the work plan ({n} item), printed by month", "from the work plan ({n} items), printed by month",
                                          len(items)).format(n=len(items)))
    else:
        found["6.8"] = (MISSING, _("the work plan has no items yet"))
    found["6.9"] = (PRESENT, ngettext("{n} teacher in the information bank", "{n} teachers in the information bank",
                                      len(members)).format(n=len(members))) if members else (
        MISSING, _("no teachers are recorded in the association"))
    topics = sum(1 for t in members if t.self_education_topic.strip())
    reports = sum(1 for e in events if e.kind == "creative_report")
    text = _("self-education topics: {n} of {total}; creative reports: {reports}").format(
        n=topics, total=len(members), reports=reports)
    found["6.10"] = (PRESENT if topics else MISSING, text)
    weeks = [e for e in events if e.is_week]
    found["6.11"] = (PRESENT, ngettext("{n} subject week recorded", "{n} subject weeks recorded", len(weeks)).format(
        n=len(weeks))) if weeks else (MISSING, _("no subject week is recorded"))
    for number in ("6.12", "6.13", "6.14"):
        found[number] = (PAPER, _("not kept in ubtui: check the paper folder"))
    visits = sum(1 for e in events if e.kind in VISIT_KINDS and e.status == HELD)
    found["6.15"] = (PRESENT, ngettext("{n} lesson visit recorded", "{n} lesson visits recorded", visits).format(n=visits)) if visits else (
        MISSING, _("no lesson visit is recorded; analytical notes are kept on paper"))
    if held:
        found["6.16"] = (PRESENT, ngettext("{n} protocol (No. {first}–{last})", "{n} protocols (No. {first}–{last})", len(held)).format(
            n=len(held), first=held[0].number, last=held[-1].number))
    else:
        found["6.16"] = (MISSING, _("no session of {year} is held yet").format(year=year.label))
    return [FolderEntry(number, _(title), *found[number]) for number, title in DOCUMENTS]


def previous_year(years: Iterable[AcademicYear], year: AcademicYear) -> AcademicYear | None:
    """The academic year just before `year` in the file (by start), if any."""
    earlier = [y for y in years if y.start < year.start]
    return max(earlier, key=lambda y: y.start) if earlier else None
