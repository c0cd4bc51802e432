"""Qualification courses (seed 004): each teacher's standing, the most urgent first."""

from __future__ import annotations

from dataclasses import dataclass, field

from ubtui.domain.courses import DUE, NEVER, OK, OVERDUE, STATUS_ORDER, Course, CourseStatus, kind_label, status_label
from ubtui.domain.teachers import Teacher
from ubtui.i18n import _, ngettext
from ubtui.reports import Options
from ubtui.reports.scope import Scope, resolve
from ubtui.reports.tables import TextTable
from ubtui.store import Store


def course_rows(store: Store, scope: Scope) -> list[tuple[Teacher, CourseStatus]]:
    """The scope's active teachers with their status at the scope's day, the overdue first."""
    from ubtui.domain.courses import course_status

    association_id = scope.association.id if scope.association is not None else None
    pairs = store.course_statuses(scope.at, association_id=association_id)
    if scope.teacher is not None:
        courses = store.courses_of(scope.teacher.id)
        pairs = [(scope.teacher, course_status(courses, scope.at, scope.settings.rules, scope.teacher.pedagogical_start))]
    return pairs


def _day(value) -> str:  # type: ignore[no-untyped-def]
    return value.strftime("%d.%m.%Y") if value else ""


def dates_text(course: Course) -> str:
    if course.start and course.end and course.start != course.end:
        return f"{_day(course.start)} – {_day(course.end)}"
    return _day(course.end or course.start)


def rule_text(scope: Scope) -> str:
    rules = scope.settings.rules
    hours = ngettext("{n} hour", "{n} hours", rules.course_hours).format(n=rules.course_hours)
    years = ngettext("{n} year", "{n} years", rules.course_period_years).format(n=rules.course_period_years)
    return _("The rule: {hours} of courses within {years}; re-training counts, seminars do not.").format(
        hours=hours, years=years
    )


def counts_text(pairs: list[tuple[Teacher, CourseStatus]]) -> str:
    counts = {state: sum(1 for _t, s in pairs if s.state == state) for state in STATUS_ORDER}
    parts = [f"{status_label(state)}: {counts[state]}" for state in (OVERDUE, NEVER, DUE, OK)]
    total = len(pairs)
    return ngettext("{n} teacher", "{n} teachers", total).format(n=total) + " — " + "; ".join(parts) + "."


def course_text(course: Course | None, separator: str = "\n") -> str:
    if course is None:
        return ""
    lines = [course.title.strip(), course.organiser.strip(), dates_text(course)]
    if course.kind != "course":
        lines.insert(1, kind_label(course.kind))
    if course.certificate_no.strip():
        lines.append(_("certificate No. {number}").format(number=course.certificate_no.strip()))
    return separator.join(line for line in lines if line)


# --- the report table ------------------------------------------------------------------------------


def courses_table(store: Store, options: Options) -> TextTable:
    """One row per teacher (or, with --teacher, one row per course of that teacher)."""
    scope = resolve(store, options)
    if scope.teacher is not None:
        return _teacher_courses_table(store, scope)
    names = {a.id: a.name for a in store.associations.all()}
    headers = [
        _("No."), _("Full name"), _("Association"), _("Last course"), _("Organiser"), _("Course end"),
        _("Course hours"), _("Hours in the period"), _("Status"), _("Next course due"), _("Certificate handed in"),
    ]
    rows = []
    for number, (teacher, status) in enumerate(course_rows(store, scope), 1):
        last = status.last_course
        rows.append([
            str(number),
            teacher.full_name,
            names.get(teacher.association_id, ""),
            last.title if last else "",
            last.organiser if last else "",
            _day(last.end) if last else "",
            str(last.hours) if last else "",
            str(status.hours_in_period),
            status.label,
            _day(status.due),
            handed_in_text(last),
        ])
    title = " — ".join(p for p in (_("Qualification courses"), scope.year_text()) if p)
    return TextTable(title, headers, rows, text_columns=[0, 1, 3, 5, 7, 8, 9])


def _teacher_courses_table(store: Store, scope: Scope) -> TextTable:
    assert scope.teacher is not None
    status = course_rows(store, scope)[0][1]
    headers = [
        _("No."), _("Title"), _("Organiser"), _("Kind"), _("Start"), _("End"), _("Hours"),
        _("Certificate"), _("Handed in"),
    ]
    rows = [
        [
            str(number), c.title, c.organiser, kind_label(c.kind), _day(c.start), _day(c.end), str(c.hours),
            c.certificate_no, _("yes") if c.certificate_handed_in else _("no"),
        ]
        for number, c in enumerate(store.courses_of(scope.teacher.id), 1)
    ]
    title = f"{scope.teacher.full_name} — {status.label}"
    if status.due:
        title += " (" + _("due date {date}").format(date=_day(status.due)) + ")"
    return TextTable(title, headers, rows, text_columns=[0, 1, 3, 5, 6, 8])


# --- the PDF ----------------------------------------------------------------------------------------

def handed_in_text(course: Course | None) -> str:
    """Whether the last course's certificate reached the administration (seed 004 §3.2)."""
    if course is None:
        return ""
    return _("yes") if course.certificate_handed_in else _("no")


# № | teacher | last course | hours in the period | status | next course due | certificate handed in
_WEIGHTS = (7, 44, 62, 16, 25, 22, 18)
# № | title, organiser, tasks | kind | dates | hours | certificate
_HISTORY_WEIGHTS = (7, 70, 25, 30, 14, 34)


@dataclass
class CourseSheet:
    """Everything the printed course list shows (plain data: a worker thread may render it)."""

    scope: Scope
    pairs: list[tuple[Teacher, CourseStatus]]
    association_names: dict[str, str]
    history: list[Course] = field(default_factory=list)  # with --teacher: all their courses


def course_sheet(store: Store, options: Options) -> CourseSheet:
    scope = resolve(store, options)
    history = store.courses_of(scope.teacher.id) if scope.teacher is not None else []
    names = {a.id: a.name for a in store.associations.all()}
    return CourseSheet(scope, course_rows(store, scope), names, history)


def courses_pdf(store: Store, options: Options) -> bytes:
    """Every teacher's last qualifying course, hours in the period, status and due date."""
    return render_courses_pdf(course_sheet(store, options))


def render_courses_pdf(sheet: CourseSheet) -> bytes:
    """The PDF of a sheet already read from the store (no store access here)."""
    from ubtui.reports import pdf

    scope, pairs, names = sheet.scope, sheet.pairs, sheet.association_names
    page = pdf.Page()
    st = pdf.styles(9.5)
    title = _("Qualification courses of the teachers")
    story = [
        pdf.para(scope.settings.school_title(), st.subtitle),
        pdf.para(title, st.title),
        pdf.para(scope.subtitle(), st.subtitle),
    ]
    if scope.association is not None:
        story.append(pdf.para(_("Association: {name}").format(name=scope.association.name), st.heading))
    story.append(pdf.para(rule_text(scope), st.small))
    story.append(pdf.para(_("A teacher in her first {n} years of teaching is due for her first course {n} years "
                            "after she started.").format(n=scope.settings.rules.course_period_years), st.small))
    if scope.teacher is None:
        story.append(pdf.para(counts_text(pairs), st.small))
    headers = [_("No."), _("Teacher"), _("Last qualifying course"), _("Hours in the period"), _("Status"),
               _("Next course due"), _("Certificate handed in")]
    rows, urgent = [], []
    for index, (teacher, status) in enumerate(pairs):
        rows.append([
            str(index + 1),
            pdf.para_lines([(teacher.full_name, "b"), (names.get(teacher.association_id, ""), None)], st.cell),
            course_text(status.last_course),
            str(status.hours_in_period) if status.last_course else "",
            status.label,
            _day(status.due),
            handed_in_text(status.last_course),
        ])
        if status.state in (OVERDUE, NEVER):
            urgent.append((index, 4))
    if rows:
        story.append(pdf.table(headers, rows, _WEIGHTS, page.width, size=9.5, center_columns=(0, 3, 5, 6), bold_cells=urgent))
    else:
        story.append(pdf.para(_("No teachers are recorded yet."), st.body))
    if scope.teacher is not None:
        story.extend(_history(scope.teacher, sheet.history, page, st))
    return page.render(story, title=title, footer=pdf.footer_text(scope.settings.school_title(), title))


def _history(teacher: Teacher, courses: list[Course], page, st) -> list:  # type: ignore[no-untyped-def]
    from ubtui.reports import pdf

    story = pdf.section(_("All courses of {name}").format(name=teacher.full_name), st)
    if not courses:
        return story + [pdf.para(_("No courses are recorded yet."), st.body)]
    rows = []
    for number, course in enumerate(courses, 1):
        lines = [(course.title, "b"), (course.organiser, None)]
        if course.task_before.strip():
            lines.append((_("Task before the course: {text}").format(text=course.task_before.strip()), None))
        if course.task_after.strip():
            lines.append((_("Task after the course: {text}").format(text=course.task_after.strip()), None))
        certificate = course.certificate_no.strip()
        certificate += ("\n" if certificate else "") + (
            _("handed in") if course.certificate_handed_in else _("not handed in")
        )
        rows.append([
            str(number), pdf.para_lines(lines, st.cell), kind_label(course.kind), dates_text(course),
            str(course.hours), certificate,
        ])
    headers = [_("No."), _("Course"), _("Kind"), _("Dates"), _("Hours"), _("Certificate")]
    story.append(pdf.table(headers, rows, _HISTORY_WEIGHTS, page.width, size=9.5, center_columns=(0, 4)))
    return story
