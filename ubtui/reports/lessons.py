"""Open lessons and extracurricular work (seed 001 §6.7), lesson-visit sheets, subject-week plans.

`ubtui print lessons [--year …]`: the year's schedule table; `--event ID`: one event's
visit/analysis sheet, or, for a subject week, the week's own plan (§6.11).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ubtui.domain.lessons import (
    CANCELLED,
    MOVED,
    LessonEvent,
    kind_label,
    level_label,
    observer_text,
    schedule,
    sort_events,
    status_label,
)
from ubtui.errors import UserError
from ubtui.i18n import _
from ubtui.reports import Options
from ubtui.reports.scope import Scope, resolve
from ubtui.reports.tables import TextTable
from ubtui.store import Store


def _day(value) -> str:  # type: ignore[no-untyped-def]
    return value.strftime("%d.%m.%Y") if value else ""


def find_event(store: Store, text: str) -> LessonEvent:
    """An event by its id (the CSV's first column)."""
    event = store.lessons.find(text.strip())
    if event is None:
        raise UserError(_("There is no event «{id}» in the school file.").format(id=text))
    return event


def date_cell(event: LessonEvent) -> str:
    """`12.02.2026`, a week as `first – last`, a moved event with the date first planned."""
    text = _day(event.date)
    if event.is_week and event.end:
        text += f" – {_day(event.end)}"
    if event.first_date and event.first_date != event.date:
        text += "\n" + _("(first {date})").format(date=_day(event.first_date))
    return text


def status_cell(event: LessonEvent) -> str:
    text = status_label(event.status)
    if event.status == CANCELLED and event.reason.strip():
        text += ": " + event.reason.strip()
    if event.status == MOVED and event.first_date:
        text += " " + _("from {date}").format(date=_day(event.first_date))
    return text


# --- the report table --------------------------------------------------------------------------------


def _scoped_events(store: Store, scope: Scope) -> list[LessonEvent]:
    association_id = scope.association.id if scope.association is not None else None
    events = store.lessons.of(association_id, scope.year.id if scope.year else None)
    if scope.teacher is not None:
        events = [e for e in events if e.teacher_id == scope.teacher.id or any(o.teacher_id == scope.teacher.id for o in e.observers)]
    return events


def lessons_table(store: Store, options: Options) -> TextTable:
    """Every event of the year (all kinds); the first column is the event's id (`--event` takes it)."""
    scope = resolve(store, options)
    names = store.lessons.names()
    headers = [_("Id"), _("Date"), _("Kind"), _("Teacher"), _("Class"), _("Subject"), _("Topic"), _("Level"),
               _("Status"), _("Observers"), _("Rating")]
    rows = []
    for event in _scoped_events(store, scope):
        rows.append([
            event.id, date_cell(event), kind_label(event.kind), names.get(event.teacher_id, ""), event.class_name,
            event.subject, event.topic, level_label(event.level), status_cell(event),
            "; ".join(observer_text(o, names) for o in event.observers), event.analysis.rating,
        ])
    title = " — ".join(p for p in (_("Open lessons and extracurricular events"), scope.year_text()) if p)
    return TextTable(title, headers, rows, text_columns=[1, 2, 3, 4, 6, 8])


# --- the schedule PDF ------------------------------------------------------------------------------------


@dataclass
class LessonSheet:
    """What a lessons document shows (plain data: a worker thread may render it)."""

    scope: Scope
    events: list[LessonEvent]
    names: dict[str, str]
    heads: dict[str, str] = field(default_factory=dict)
    association_names: dict[str, str] = field(default_factory=dict)
    week: LessonEvent | None = None  # a week's plan
    event: LessonEvent | None = None  # one visit sheet


def lesson_sheet(store: Store, options: Options) -> LessonSheet:
    names = store.lessons.names()
    associations = store.associations.all()
    heads = {a.id: a.head for a in associations}
    titles = {a.id: a.name for a in associations}
    if getattr(options, "event", None):
        event = find_event(store, options.event)  # type: ignore[arg-type]
        year = store.years.find(event.year_id)
        scope = resolve(store, Options(year=year.label if year else options.year, association="all", today=options.today))
        if event.is_week:
            return LessonSheet(scope, store.lessons.week_events(event), names, heads, titles, week=event)
        return LessonSheet(scope, [event], names, heads, titles, event=event)
    scope = resolve(store, options)
    return LessonSheet(scope, schedule(_scoped_events(store, scope)), names, heads, titles)


def lessons_pdf(store: Store, options: Options) -> bytes:
    return render_lessons_pdf(lesson_sheet(store, options))


def render_lessons_pdf(sheet: LessonSheet) -> bytes:
    if sheet.event is not None:
        return _visit_sheet(sheet, sheet.event)
    return _schedule(sheet)


# № | date | class | subject | topic | kind | teacher | level | status
_WEIGHTS = (6, 17, 13, 19, 47, 22, 30, 14, 20)


def _schedule_rows(sheet: LessonSheet, events: list[LessonEvent]) -> list[list[str]]:
    return [
        [str(n), date_cell(e), e.class_name, e.subject, e.topic, kind_label(e.kind), sheet.names.get(e.teacher_id, ""),
         level_label(e.level), status_cell(e)]
        for n, e in enumerate(events, 1)
    ]


def _schedule(sheet: LessonSheet) -> bytes:
    from reportlab.platypus import KeepTogether, Spacer

    from ubtui.reports import pdf
    from ubtui.reports.mentoring import signature_table

    page = pdf.Page(landscape=True)
    st = pdf.styles(10)
    scope = sheet.scope
    school = scope.settings.school_title()
    week = sheet.week
    if week is not None:
        title = _("Plan of the subject week «{title}»").format(title=week.topic.strip())
        subtitle = f"{_day(week.date)} – {_day(week.end)}"
    else:
        title = _("Schedule of open lessons and extracurricular events")
        subtitle = scope.year_text()
    story: list[Any] = [pdf.para(school, st.subtitle), pdf.para(title, st.title), pdf.para(subtitle, st.subtitle)]
    association_id = week.association_id if week is not None else (scope.association.id if scope.association else "")
    if association_id:
        story.append(pdf.para(_("Association: {name}").format(name=sheet.association_names.get(association_id, "")), st.section))
    if week is not None:
        if week.teacher_id:
            story.append(pdf.para(_("Responsible: {name}").format(name=sheet.names.get(week.teacher_id, "")), st.body))
        if week.purpose.strip():
            story.append(pdf.para(_("Purpose: {text}").format(text=week.purpose.strip()), st.body))
    headers = [_("No."), _("Date"), _("Class"), _("Subject"), _("Topic"), _("Kind"), _("Teacher"), _("Level"), _("Status")]
    if sheet.events:
        story.append(pdf.table(headers, _schedule_rows(sheet, sheet.events), _WEIGHTS, page.width, size=10,
                               center_columns=(0, 1, 2, 7)))
    else:
        story.append(pdf.para(_("No events are planned yet."), st.body))
    if association_id:
        story.append(KeepTogether([Spacer(1, 6 * pdf.MM), *signature_table(
            [(_("Head of the association"), sheet.heads.get(association_id, ""))], page.width)]))
    return page.render(story, title=title, footer=pdf.footer_text(school, title))


def _visit_sheet(sheet: LessonSheet, event: LessonEvent) -> bytes:
    """One visit: who visited whom, when, class, topic, purpose, findings, recommendations; signatures."""
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    from ubtui.reports import pdf
    from ubtui.reports.mentoring import signature_table

    page = pdf.Page()
    st = pdf.styles(10)
    school = sheet.scope.settings.school_title()
    title = _("Lesson visit and analysis")
    teacher = sheet.names.get(event.teacher_id, "")
    observers = [observer_text(o, sheet.names) for o in event.observers]
    story: list[Any] = [
        pdf.para(school, st.subtitle),
        pdf.para(title, st.title),
        pdf.para(kind_label(event.kind), st.subtitle),
    ]
    rows = [
        (_("Teacher"), teacher),
        (_("Date"), pdf.date_text(event.date) + (
            "  " + _("(first planned {date})").format(date=pdf.date_text(event.first_date))
            if event.first_date and event.first_date != event.date else "")),
        (_("Class"), event.class_name),
        (_("Subject"), event.subject),
        (_("Topic of the lesson"), event.topic),
        (_("Type of the lesson"), event.lesson_type),
        (_("Level"), level_label(event.level)),
        (_("Purpose of the visit"), event.purpose),
        (_("Present"), "; ".join(observers)),
        (_("Status"), status_cell(event)),
    ]
    data = [[pdf.para(label, st.body, markup="b"), pdf.para(value, st.body)] for label, value in rows]
    grid = Table(data, colWidths=[50 * pdf.MM, page.width - 50 * pdf.MM], hAlign="LEFT")
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("LINEBELOW", (0, 0), (-1, -1), 0.3, "#999999")]))
    story.append(grid)
    analysis = event.analysis
    story.append(pdf.para(_("Analysis of the lesson"), st.heading))
    for label, text in ((_("Strengths"), analysis.strengths), (_("Weaknesses"), analysis.weaknesses)):
        story.append(pdf.para(label, st.body, markup="b"))
        story.append(pdf.para(text.strip() or "—", st.body))
    story.append(pdf.para(_("Conclusions and recommendations"), st.body, markup="b"))
    story.append(pdf.para(analysis.recommendations.strip() or "—", st.body))
    story.append(pdf.para(_("Rating: {rating}").format(rating=analysis.rating.strip() or "—"), st.body))
    signers = [(_("Observer"), sheet.names.get(o.teacher_id, "") if o.teacher_id else o.name) for o in event.observers]
    signatures = signature_table((signers or [(_("Observer"), "")]) + [(_("Teacher"), teacher)], page.width)
    story.append(KeepTogether([Spacer(1, 8 * pdf.MM), *signatures]))
    return page.render(story, title=title, footer=pdf.footer_text(school, title))


__all__ = ["lessons_pdf", "lessons_table", "render_lessons_pdf", "lesson_sheet", "sort_events"]
