"""The year-end analysis (seed 000 §5.3; DESIGN §4 item 8): `ubtui print year-report` and
`ubtui report year`.

One association's report, or with `--association all` the deputy's report of the whole school
(seed 002): a summary table first, then every association.  Every number comes from
`domain.year_report` (the home screen's rules); this module only lays them out, with charts
(`year_report_charts`) and the written analysis — the head's saved text, else the draft made
from the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ubtui.domain.composition import UNKNOWN
from ubtui.domain.courses import STATUS_ORDER, status_label as course_status_label
from ubtui.domain.sessions import kind_label
from ubtui.domain.teachers import award_level_label, category_label, education_label
from ubtui.domain.year_report import (
    AnalysisTexts,
    SummaryRow,
    YearReport,
    draft_text,
    school_draft_text,
    school_total,
    summary_row,
    texts_to_print,
)
from ubtui.domain.years import AcademicYear
from ubtui.errors import UserError
from ubtui.i18n import _, format_percent
from ubtui.reports import Options
from ubtui.reports.scope import Scope, resolve
from ubtui.reports.tables import TextTable
from ubtui.store import Store


@dataclass
class YearReportBook:
    """What the report prints (plain data, no store: a worker may lay it out)."""

    scope: Scope
    year: AcademicYear
    reports: list[YearReport]
    texts: dict[str, AnalysisTexts]  # association id → the texts to print
    school_texts: AnalysisTexts | None  # the whole school's (with --association all)
    heads: dict[str, str]
    deputy: str

    @property
    def whole_school(self) -> bool:
        return self.school_texts is not None


def year_report_book(store: Store, options: Options) -> YearReportBook:
    scope = resolve(store, options)
    if scope.year is None:
        raise UserError(_("There is no academic year in the school file yet: add one in Settings."))
    year = scope.year
    associations = None if scope.association is None else [scope.association]
    if associations is None and not store.associations.all():
        raise UserError(_("There is no methodical association in the school file yet."))
    reports = store.year_reports.school_figures(year, associations, scope.at)
    texts = {r.association.id: texts_to_print(store.year_reports.of(year.id, r.association.id), draft_text(r))
             for r in reports}
    school = None
    if scope.association is None:
        school = texts_to_print(store.year_reports.of(year.id, None), school_draft_text(reports, year))
    settings = store.settings()
    deputies = sorted(settings.deputies, key=lambda d: d.role != "deputy_teaching")
    return YearReportBook(scope, year, reports, texts, school, {r.association.id: r.association.head for r in reports},
                          deputies[0].name if deputies else "")


# --- the rows both the table and the PDF show ---------------------------------------------------------


def _of(n: int, total: int) -> str:
    return f"{n} / {total}"


def member_rows(report: YearReport) -> list[tuple[str, str]]:
    """(what, how many) of the members: total, categories, education, experience bands, young."""
    members = report.members
    rows = [(_("Teachers"), str(members.total))]
    rows += [(_("Category: {name}").format(name=category_label(k)), str(n)) for k, n in members.categories.items()]
    rows += [(_("Education: {name}").format(name=education_label(k)), str(n)) for k, n in members.education.items() if n]
    rows += [(experience_label(k), str(n)) for k, n in members.experience.items() if n or k != UNKNOWN]
    rows.append((_("Young teachers"), str(len(report.young_names))))
    return rows


def experience_label(key: str) -> str:
    if key == UNKNOWN:
        return _("Teaching experience: not known")
    return _("Teaching experience {band} years").format(band=key.replace("-", "–").replace("+", " " + _("and more")))


def figure_rows(report: YearReport) -> list[tuple[str, str, str]]:
    """(part, what, value): every figure of the report, as the text table and CSV give them."""
    f = report.figures
    plan = report.plan
    rows: list[tuple[str, str, str]] = []
    members = _("Members")
    rows += [(members, what, value) for what, value in member_rows(report)]
    rows.append((_("Methodical theme"), _("Theme"), report.theme or "—"))
    part = _("Sessions")
    rows += [
        (part, _("Sessions held"), _of(f.held, f.required)),
        (part, _("Practical seminars held"), _of(f.seminars, f.seminars_required)),
    ]
    rows += [(part, quarter_label(i), str(n)) for i, n in enumerate(report.sessions_by_quarter)]
    for line in report.sessions:
        rows.append((part, _("Session No. {n}").format(n=line.number), "; ".join(line.topics) or "—"))
    part = _("Work plan")
    rows.append((part, _("Plan completion"), plan.text() if plan else _("no plan")))
    for title, done in report.sections:
        rows.append((part, title, done.text()))
    part = _("Decisions")
    rows += [(part, _("Decisions taken"), str(report.decisions)), (part, _("Decisions done"), str(report.decisions_done)),
             (part, _("Decisions overdue"), str(report.decisions_overdue))]
    part = _("Open lessons")
    rows += [(part, _("Open lessons held"), str(report.open_lessons_held)),
             (part, _("Open lessons still planned"), str(report.open_lessons_waiting)),
             (part, _("Lesson visits held"), str(report.visits_held)),
             (part, _("Other events held"), str(report.other_events_held)),
             (part, _("Teachers without an open lesson"), str(len(report.without_open_lesson)))]
    part = _("Courses")
    rows += [(part, _("Teachers who took courses"), str(report.teachers_on_courses)),
             (part, _("Course hours"), str(report.course_hours)),
             (part, _("Courses overdue"), str(len(report.overdue_names)))]
    rows += [(part, _("Course status: {name}").format(name=course_status_label(k)), str(n))
             for k, n in report.members.courses.items()]
    part = _("Mentoring")
    rows += [(part, _("Mentoring pairs"), str(report.pairs)), (part, _("Final reports written"), str(report.pairs_with_report)),
             (part, _("Log entries in the year"), str(report.log_entries)),
             (part, _("Young teachers without a mentor"), str(len(report.young_without_mentor_names)))]
    rows.append((_("Awards"), _("Awards of the year"), str(len(report.awards))))
    return rows


def quarter_label(index: int) -> str:
    return _("Quarter {n}").format(n=index + 1)


def year_report_table(store: Store, options: Options) -> TextTable:
    """`ubtui report year`: one row per figure (association, part, what, value); all associations with `all`."""
    book = year_report_book(store, options)
    rows = [[r.association.name, part, what, value] for r in book.reports for part, what, value in figure_rows(r)]
    title = " — ".join(p for p in (_("Year-end analysis"), book.scope.subtitle()) if p)
    return TextTable(title, [_("Association"), _("Part"), _("What"), _("Value")], rows)


# --- the PDF -------------------------------------------------------------------------------------------


def year_report_pdf(store: Store, options: Options) -> bytes:
    return render_year_report_pdf(year_report_book(store, options))


def _title(book: YearReportBook, report: YearReport | None) -> str:
    if report is None:
        return _("Analysis of the methodical work of the school in the {year} academic year").format(year=book.year.label)
    return _("Analysis of the work of the methodical association «{name}» in the {year} academic year").format(
        name=report.association.name, year=book.year.label)


def render_year_report_pdf(book: YearReportBook) -> bytes:
    from reportlab.platypus import KeepTogether, PageBreak, Spacer

    from ubtui.reports import pdf

    page = pdf.Page()
    st = pdf.styles(10)
    school = book.scope.settings.school_title()
    story: list[Any] = []
    if book.whole_school:
        story += [pdf.para(school, st.subtitle), pdf.para(_title(book, None), st.title),
                  pdf.para(book.scope.subtitle(), st.subtitle)]
        story += pdf.section(_("Summary of the associations"), st)
        story += summary_table(book, page.width)
        story += _texts(book.school_texts, st, page.width)
        story.append(KeepTogether([Spacer(1, 6 * pdf.MM), pdf.signature_line(
            _("Deputy director for teaching and upbringing work"), book.deputy, width=page.width)]))
    for index, report in enumerate(book.reports):
        if index or book.whole_school:
            story.append(PageBreak())
        story += association_part(book, report, page, st)
    document = _title(book, None if book.whole_school else book.reports[0])
    return page.render(story, title=document, footer=pdf.footer_text(school, _("Year-end analysis")))


def summary_table(book: YearReportBook, width: float) -> list[Any]:
    from ubtui.reports import pdf

    rows = [summary_row(r) for r in book.reports]
    rows.append(school_total(rows, _("The whole school")))

    def cells(row: SummaryRow) -> list[str]:
        share = format_percent(row.plan_done / row.plan_total) if row.plan_total else "—"
        return [row.name, str(row.teachers), str(row.young), _of(row.held, row.required),
                _of(row.seminars, row.seminars_required), f"{_of(row.plan_done, row.plan_total)} ({share})",
                _of(row.decisions_done, row.decisions), str(row.open_lessons_held), str(row.course_hours),
                str(row.overdue), str(row.young_without_mentor)]

    from reportlab.platypus import Spacer

    headers = [_("Association"), _("Teachers"), _("Young"), _("Sessions"), _("Seminars"), _("Plan done"),
               _("Decisions done"), _("Open lessons"), _("Course hours"), _("Courses overdue"), _("Without a mentor")]
    data = [cells(r) for r in rows]
    last = len(rows) - 1
    # Two tables of the same rows: eleven columns do not fit a portrait page at a readable size.
    first = pdf.table(headers[:7], [r[:7] for r in data], (34, 12, 9, 12, 12, 18, 14), width, size=9,
                      center_columns=range(1, 7), bold_cells=[(last, c) for c in range(7)])
    second = pdf.table([headers[0], *headers[7:]], [[r[0], *r[7:]] for r in data], (34, 14, 14, 14, 14), width * 0.8,
                       size=9, center_columns=range(1, 5), bold_cells=[(last, c) for c in range(5)])
    return [first, Spacer(1, 3 * pdf.MM), second]


def _numbers(headers: list[str], rows: list[list[str]], width: float, weights: tuple[float, ...]) -> Any:
    from ubtui.reports import pdf

    return pdf.table(headers, rows, weights, width, size=9, center_columns=range(1, len(headers)))


def association_part(book: YearReportBook, report: YearReport, page: Any, st: Any) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    from ubtui.reports import pdf
    from ubtui.reports import year_report_charts as charts

    width = page.width
    half = width * 0.5
    f = report.figures
    story: list[Any] = [
        pdf.para(book.scope.settings.school_title(), st.subtitle),
        pdf.para(_title(book, report), st.title),
        pdf.para(book.scope.subtitle(), st.subtitle),
    ]
    head = report.association.head.strip()
    if head:
        story.append(pdf.para(_("Head of the association: {name}").format(name=head), st.body))

    # 1. Members, with the categories' chart.
    story += pdf.section(_("1. The association and its members"), st)
    members = report.members
    story.append(pdf.para(_("Teachers: {n}; young teachers: {young}.").format(n=members.total, young=len(report.young_names))
                          + (" " + ", ".join(report.young_names) if report.young_names else ""), st.body))
    categories = [(category_label(k, short=True), n) for k, n in members.categories.items()]
    chart = charts.bar_chart(categories, half - 10, 48 * pdf.MM, caption=_("Qualification categories"))
    numbers = _numbers([_("Category"), _("Teachers")], [[category_label(k), str(n)] for k, n in members.categories.items()],
                       width - half, (30, 12))
    story.append(charts.chart_with_table(chart, numbers, width))
    other = [[what, value] for what, value in member_rows(report)[1 + len(members.categories):]]
    story.append(Spacer(1, 3 * pdf.MM))
    story.append(pdf.table([_("What"), _("Teachers")], other, (60, 14), width * 0.75, size=9, center_columns=(1,)))

    # 2. The methodical theme.
    story += pdf.section(_("2. The methodical theme"), st, room=60)
    story.append(pdf.para(report.theme or _("No methodical theme is recorded in the work plan."), st.body))
    if report.goal:
        story.append(pdf.para(_("Goal: {goal}").format(goal=report.goal), st.body))

    # 3. Sessions, with the chart per quarter.
    story += pdf.section(_("3. Sessions and the practical seminar"), st)
    story.append(pdf.para(
        _("Sessions held: {held} (the rule requires {required}); practical seminars: {seminars} (the rule requires {sr}).").format(
            held=f.held, required=f.required, seminars=f.seminars, sr=f.seminars_required), st.body))
    quarters = [(str(i + 1), n) for i, n in enumerate(report.sessions_by_quarter)]
    chart = charts.bar_chart(quarters, half - 10, 45 * pdf.MM, caption=_("Sessions held per quarter"))
    numbers = _numbers([_("Quarter"), _("Sessions")],
                       [[quarter_label(i), str(n)] for i, n in enumerate(report.sessions_by_quarter)]
                       + [[_("In all"), _of(f.held, f.required)]], width - half, (30, 14))
    story.append(charts.chart_with_table(chart, numbers, width))
    if report.sessions:
        story.append(Spacer(1, 3 * pdf.MM))
        rows = [[str(s.number), pdf.date_text(s.date, long=False), kind_label(s.kind), "\n".join(s.topics) or "—"]
                for s in report.sessions]
        story.append(pdf.table([_("No."), _("Date"), _("Kind"), _("Questions heard")], rows, (7, 18, 22, 90), width,
                               size=9, center_columns=(0, 1)))

    # 4. The plan, with its chart by section.
    story += pdf.section(_("4. Completion of the work plan by section"), st)
    if report.plan is None:
        story.append(pdf.para(_("No work plan for the year is recorded."), st.body))
    else:
        story.append(pdf.para(_("Plan items done: {text}.").format(text=report.plan.text()), st.body))
        from ubtui.domain.plans import roman

        bars = [(roman(i + 1), c.done, c.partly, c.total) for i, (_t, c) in enumerate(report.sections)]
        chart = charts.completion_chart(bars, half - 10, legend=(_("done"), _("partly"), _("not done or open")))
        rows = [[f"{roman(i + 1)}. {title}", str(c.total), str(c.done), str(c.partly),
                 format_percent(c.ratio) if c.ratio is not None else "—"] for i, (title, c) in enumerate(report.sections)]
        numbers = _numbers([_("Section"), _("Items"), _("Done"), _("Partly"), "%"], rows, width - half, (34, 9, 9, 10, 10))
        story.append(charts.chart_with_table(chart, numbers, width))

    # 5.–9. Decisions, lessons, courses, mentoring, awards.
    story += pdf.section(_("5. Decisions of the sessions"), st, room=60)
    story.append(pdf.para(_("Decisions taken: {n}; done: {done}; past their due date: {overdue}.").format(
        n=report.decisions, done=report.decisions_done, overdue=report.decisions_overdue), st.body))
    story += pdf.section(_("6. Open lessons and lesson visits"), st, room=60)
    story.append(pdf.para(_("Open lessons held: {held}; still planned: {waiting}; lesson visits: {visits}; other events: {other}.").format(
        held=report.open_lessons_held, waiting=report.open_lessons_waiting, visits=report.visits_held,
        other=report.other_events_held), st.body))
    if report.without_open_lesson:
        story.append(pdf.para(_("Without an open lesson: {names}.").format(names=", ".join(report.without_open_lesson)), st.body))
    story += pdf.section(_("7. Qualification courses"), st)
    story.append(pdf.para(_("Teachers who took courses: {n}; hours in all: {hours}.").format(
        n=report.teachers_on_courses, hours=report.course_hours), st.body))
    if report.courses:
        rows = [[c.teacher, c.title, str(c.hours), pdf.date_text(c.end, long=False)] for c in report.courses]
        story.append(pdf.table([_("Teacher"), _("Course"), _("Hours"), _("Ended")], rows, (40, 70, 12, 18), width, size=9,
                               center_columns=(2, 3)))
        story.append(Spacer(1, 2 * pdf.MM))
    statuses = ", ".join(f"{course_status_label(k)} — {report.members.courses.get(k, 0)}" for k in STATUS_ORDER)
    story.append(pdf.para(_("Course status of the members: {list}.").format(list=statuses), st.body))
    if report.overdue_names:
        story.append(pdf.para(_("Courses are overdue for: {names}.").format(names=", ".join(report.overdue_names)), st.body))
    story += pdf.section(_("8. Mentoring of young teachers"), st, room=60)
    story.append(pdf.para(_("Mentoring pairs: {n}; final reports written: {reports}; log entries in the year: {log}.").format(
        n=report.pairs, reports=report.pairs_with_report, log=report.log_entries), st.body))
    if report.young_without_mentor_names:
        story.append(pdf.para(_("Young teachers without a mentor: {names}.").format(
            names=", ".join(report.young_without_mentor_names)), st.body))
    story += pdf.section(_("9. Awards of the year"), st, room=60)
    if report.awards:
        rows = [[a.teacher, a.title, award_level_label(a.level)] for a in report.awards]
        story.append(pdf.table([_("Teacher"), _("Award"), _("Level")], rows, (40, 80, 20), width, size=9))
    else:
        story.append(pdf.para(_("No awards of this year are recorded."), st.body))

    story += _texts(book.texts.get(report.association.id), st, width, number=10)
    story.append(KeepTogether([Spacer(1, 6 * pdf.MM), pdf.signature_line(
        _("Head of the association"), book.heads.get(report.association.id, ""), width=width)]))
    return story


def _texts(texts: AnalysisTexts | None, st: Any, width: float, *, number: int | None = None) -> list[Any]:
    """The written analysis: the draft (saved or generated), conclusions, next year's tasks
    (ruled lines to write on when the head has not typed them)."""
    from ubtui.reports import pdf

    if texts is None:
        return []
    prefix = f"{number}. " if number else ""
    story = pdf.section(prefix + _("Analysis"), st, room=80)
    for paragraph in texts.draft.split("\n\n"):
        if paragraph.strip():
            story.append(pdf.para(paragraph.strip(), st.body))
    for title, text in ((_("Conclusions"), texts.conclusions), (_("Tasks for the next year"), texts.tasks)):
        story += pdf.section(title, st, room=60)
        if text.strip():
            for paragraph in text.split("\n\n"):
                if paragraph.strip():
                    story.append(pdf.para(paragraph.strip(), st.body))
        else:
            story.append(pdf.ruled_lines(3, width))
    return story

