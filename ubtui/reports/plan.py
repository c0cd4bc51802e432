"""The work plan as the school folder keeps it (DESIGN §4 item 3), and the monthly plan (seed 001 §6.8).

Approval block top right (БЕКИТЕМ / УТВЕРЖДАЮ), the agreement on the left if
there is one, a centred title, the theme, goal and tasks, then one table
№ | content | due | responsible | fulfilment with a row per section across
all columns.  `--month N` prints only what falls in that month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ubtui.domain.associations import Association
from ubtui.domain.names import signature_name
from ubtui.domain.plans import (
    DONE,
    PARTLY,
    PLANNED,
    Plan,
    PlanItem,
    MONTHS,
    MOVED,
    completion,
    due_start,
    filter_items,
    format_due,
    month_label,
    month_start,
    ordered_sections,
    section_number,
    section_title,
    status_text,
)
from ubtui.domain.sessions import Session
from ubtui.domain.settings import Settings
from ubtui.domain.years import AcademicYear
from ubtui.errors import UserError
from ubtui.i18n import _, format_date
from ubtui.reports import Options
from ubtui.reports.scope import pick_association, pick_year
from ubtui.reports.tables import TextTable
from ubtui.store import Store


@dataclass(frozen=True)
class PlanScope:
    """One association's plan of one year, maybe cut to one month."""

    settings: Settings
    association: Association
    year: AcademicYear
    plan: Plan
    items: list[PlanItem]  # in the plan's order, already cut to the month
    month: int | None
    today: dt.date
    names: dict[str, str]  # teacher id → short name
    numbers: dict[str, int]  # item id → its number within its section in the whole plan
    order: list[str]  # the plan's sections in order (for their Roman numbers)
    clean: bool = False  # a clean copy to sign: no fulfilment column, no marks
    considered: Session | None = None  # the association's session that considered the plan

    def ordered_by_day(self) -> list[PlanItem]:
        """The monthly plan's items by the day they start in the month (whole-month work first)."""
        assert self.month is not None
        first = month_start(self.month, self.year)

        def day(item: PlanItem) -> dt.date:
            return max(due_start(item.effective_due(), self.year), first)

        return sorted(self.items, key=day)

    def sections(self) -> list[tuple[str, list[PlanItem]]]:
        """The sections that have items (all four of the regulation even when empty, for the full plan)."""
        order = ordered_sections(self.plan, self.items)
        groups = [(s, [i for i in self.items if i.section == s]) for s in order]
        return [(s, items) for s, items in groups if items]


def plan_scope(store: Store, options: Options) -> PlanScope:
    """The plan the options name: `--association` (default the chosen one), `--year`, `--month`."""
    today = options.today or store.school.today()
    year = pick_year(store, options)
    if year is None:
        raise UserError(_("There is no academic year in the school file yet."))
    association = pick_association(store, options.association) if options.association else store.chosen_association()
    if association is None:
        raise UserError(_("There is no association in the school file yet."))
    plan = store.plans.find(association.id, year.id)
    if plan is None:
        raise UserError(
            _("«{name}» has no work plan for {year} yet; start it on the plan screen (F5).").format(
                name=association.name, year=year.label
            )
        )
    if options.month is not None and not 1 <= options.month <= 12:
        raise UserError(_("The month must be a number from 1 to 12."))
    every = store.plans.items_of(plan)
    numbers: dict[str, int] = {}
    counters: dict[str, int] = {}
    for item in every:
        counters[item.section] = numbers[item.id] = counters.get(item.section, 0) + 1
    items = filter_items(every, year, today, month=options.month) if options.month is not None else every
    names = store.plans.teacher_names(plan, signature_name)  # one signature style; a closed year's names kept
    return PlanScope(store.settings(), association, year, plan, items, options.month, today,
                     names, numbers, ordered_sections(plan, every), options.clean,
                     considered_at(store.sessions.of(association.id, year.id)))


def considered_at(sessions: list[Session]) -> Session | None:
    """The session that considered the plan: the first whose agenda names the plan, else №1."""
    for session in sessions:
        if any("план" in item.title.casefold() or "plan" in item.title.casefold() for item in session.agenda):
            return session
    return next((s for s in sessions if s.number == 1), None)


def considered_text(scope: PlanScope) -> str:
    """`УБнин 28-август 2026-ж. №1 отурумунда каралды` (seed 003's line above the plan), or blanks to fill in."""
    session = scope.considered
    if session is None or session.date is None:
        return _("Considered at the association's session №___ of «___» ____________ 20___")
    return _("Considered at the association's session №{number} of {date}").format(
        number=session.number, date=format_date(session.date))


def responsible_text(item: PlanItem, names: dict[str, str], separator: str = ", ") -> str:
    parts = [r.strip() for r in item.roles if r.strip()] + [names.get(t, "?") for t in item.teacher_ids]
    return separator.join(parts)


def fulfilment_text(item: PlanItem, *, blank_when_planned: bool = True) -> str:
    """The last column: the status, the day it was done and the note; empty while planned."""
    if item.status == PLANNED and blank_when_planned:
        return item.note.strip()
    lines = [moved_text(item) if item.status == MOVED else status_text(item)]
    if item.status in (DONE, PARTLY) and item.done_on is not None:
        lines[0] += f" ({item.done_on.strftime('%d.%m.%Y')})"
    if item.note.strip():
        lines.append(item.note.strip())
    return "\n".join(lines)


def moved_text(item: PlanItem) -> str:
    """`январь айына жылдырылды` / `перенесено на январь`: where a moved item went (its first due stays)."""
    due = item.moved_to
    if due is None:
        return status_text(item)
    if due.kind == MONTHS and due.months:
        return _("moved to {months} (months)").format(months=format_due(due).lower())
    return status_text(item)


def title_text(scope: PlanScope) -> str:
    """The title as one phrase: `«…» усулдук бирикмесинин 2026-2027-окуу жылына карата ИШ ПЛАНЫ`,
    or for a month `…2026-2027-окуу жылынын октябрь айына карата ИШ ПЛАНЫ`."""
    if scope.month is not None:
        return _("Work plan of the methodical association «{name}» for {month} of the {year} academic year").format(
            name=scope.association.name, year=scope.year.label, month=month_label(scope.month).lower())
    return _("Work plan of the methodical association «{name}» for the {year} academic year").format(
        name=scope.association.name, year=scope.year.label)


def title_lines(scope: PlanScope) -> tuple[str, str]:
    """The title (one phrase) and an empty second line (kept for callers of the older form)."""
    return title_text(scope), ""


# --- the report table --------------------------------------------------------------------------


def plan_table(store: Store, options: Options) -> TextTable:
    """One row per item: section, number, content, due, responsible, status, note, date done."""
    scope = plan_scope(store, options)
    headers = [
        _("Section"), _("No."), _("Contents of the work"), _("Due"), _("Responsible"), _("Status"),
        _("Fulfilment note"), _("Done on"),
    ]
    rows: list[list[str]] = []
    for section, items in scope.sections():
        number = section_number(section, scope.order)
        for item in items:
            rows.append([
                f"{number}. {section_title(section)}",
                f"{number}.{scope.numbers[item.id]}",
                item.content,
                format_due(item.due),
                responsible_text(item, scope.names),
                status_text(item),
                item.note,
                item.done_on.strftime("%d.%m.%Y") if item.done_on else "",
            ])
    title, subtitle = title_lines(scope)
    done = completion(scope.items, scope.year, scope.today)
    heading = title
    if rows:
        heading += "\n" + _("Done: {figure}").format(figure=done.text())
    return TextTable(heading, headers, rows, text_columns=[1, 2, 3, 4, 5])


# --- the PDF -----------------------------------------------------------------------------------------

# № | content | due | responsible | fulfilment (the clean copy leaves the last out)
_WEIGHTS = (6, 50, 17, 22, 25)
_CLEAN_WEIGHTS = (6, 60, 17, 26)
_CELL_MAX = 480.0  # points (a page holds ~740): a cell never outgrows a page; longer text is cut with the mark


def approval_position(scope: PlanScope) -> list[str]:
    """The approver's lines above the signature: the role in the document's language and the school.

    Kyrgyz: `Токтогул … №12 орто мектебинин директору`; Russian: `Директор школы` / the Russian name.
    A typed position is used only when it names no role the settings know.
    """
    from ubtui.domain.settings import role_from_text, role_label

    settings, plan = scope.settings, scope.plan
    by = plan.approved_by.strip() or settings.director.strip()
    known = settings.position_of(by)
    role = role_from_text(plan.approved_position)
    if known:
        position = known
    elif role:
        position = settings.director_position() if role == "director" else role_label(role)
    else:
        position = plan.approved_position.strip() or settings.director_position()
    school = settings.school_title()
    if school and school.casefold()[:20] in position.casefold():
        return [position]
    return [position, school] if school else [position]


def _approval_cells(scope: PlanScope, ps: "_PlanStyles", width: float) -> tuple[list[Any], list[Any]]:
    """The agreement (left: the session that considered it, the agreement if set) and the approval (right)."""
    from ubtui.reports import pdf

    plan = scope.plan

    def cell(text: str, style: Any) -> Any:
        return pdf.cell_para(text, style, width, max_height=90)

    blank_date = _("«___» ____________ 20___")
    right = [cell(_("I APPROVE"), ps.approval_head)]
    right += [cell(line, ps.approval) for line in approval_position(scope)]
    name = signature_name(plan.approved_by.strip() or scope.settings.director.strip())
    right.append(cell(f"____________ {name}" if name else "____________ /____________/", ps.approval))
    right.append(cell(pdf.date_text(plan.approved_on) if plan.approved_on else blank_date, ps.approval))
    left: list[Any] = [cell(considered_text(scope), ps.approval)]
    if plan.agreed_by.strip():
        from ubtui.domain.settings import role_from_text, role_label

        position = (scope.settings.position_of(plan.agreed_by) or role_label(role_from_text(plan.agreed_position))
                    or plan.agreed_position.strip())
        left.append(cell(_("AGREED"), ps.approval_head))
        if position:
            left.append(cell(position, ps.approval))
        left.append(cell(f"____________ {signature_name(plan.agreed_by)}", ps.approval))
        left.append(cell(pdf.date_text(plan.agreed_on) if plan.agreed_on else blank_date, ps.approval))
    return left, right


@dataclass(frozen=True)
class _PlanStyles:
    approval_head: Any
    approval: Any
    label: Any
    section: Any


def _plan_styles(size: float) -> _PlanStyles:
    from ubtui.reports import pdf

    return _PlanStyles(
        approval_head=pdf.style("plan-approval-head", pdf.SERIF + "-Bold", size + 2, spaceAfter=2),
        approval=pdf.style("plan-approval", pdf.SERIF, size + 1),
        label=pdf.style("plan-label", pdf.SERIF, size + 1, spaceAfter=3),
        section=pdf.style("plan-section", pdf.SANS + "-Bold", max(size, pdf.CELL_MIN)),
    )


def _table_style(pdf: Any, colors: Any, size: float) -> list[tuple[Any, ...]]:
    return [
        ("FONT", (0, 0), (-1, -1), pdf.SANS, size),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#555555")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E4E4")),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def _items_table(scope: PlanScope, width: float, st: Any, ps: _PlanStyles) -> Any:
    """The year's plan by section; a section's row never stands alone at a page's foot."""
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    from ubtui.reports import pdf

    headers = [_("No."), _("Contents of the work"), _("Due"), _("Responsible")]
    weights = _CLEAN_WEIGHTS if scope.clean else _WEIGHTS
    if not scope.clean:
        headers.append(_("Fulfilment"))
    total = float(sum(weights))
    widths = [width * w / total for w in weights]
    data: list[list[Any]] = [[pdf.para(h, st.header_cell) for h in headers]]
    commands = _table_style(pdf, colors, st.cell.fontSize)

    def cell(text: str, column: int, style: Any) -> Any:
        return pdf.cell_para(text, style, widths[column], max_height=_CELL_MAX)

    for section, items in scope.sections():
        row = len(data)
        number = section_number(section, scope.order)
        data.append([cell(f"{number}. {section_title(section)}", 0, ps.section)] + [""] * (len(headers) - 1))
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), colors.HexColor("#F0F0F0")),
            ("NOSPLIT", (0, row), (-1, row + 1)),  # the section's row goes with its first item
        ]
        for item in items:
            cells = [
                cell(f"{scope.numbers[item.id]}.", 0, st.cell_center),
                cell(item.content, 1, st.cell),
                cell(format_due(item.due), 2, st.cell_center),  # a moved item keeps its first due
                cell(responsible_text(item, scope.names), 3, st.cell),
            ]
            if not scope.clean:
                cells.append(cell(fulfilment_text(item), 4, st.cell))
            data.append(cells)
    table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def day_text(item: PlanItem, scope: PlanScope) -> str:
    """The monthly plan's day column: the date of a dated item, else its due (`Октябрь`, `I чейрек`)."""
    due = item.effective_due()
    return format_due(due)


def _month_table(scope: PlanScope, width: float, st: Any) -> Any:
    """The monthly plan: that month's items by their days, the section kept as a small note."""
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    from ubtui.reports import pdf

    headers = [_("No."), _("Date"), _("Contents of the work"), _("Responsible")]
    weights = [6, 17, 60, 26] if scope.clean else [6, 15, 48, 22, 25]
    if not scope.clean:
        headers.append(_("Fulfilment"))
    total = float(sum(weights))
    widths = [width * w / total for w in weights]
    data: list[list[Any]] = [[pdf.para(h, st.header_cell) for h in headers]]
    for number, item in enumerate(scope.ordered_by_day(), 1):
        section = section_number(item.section, scope.order)
        content = f"{item.content}\n({section}.{scope.numbers[item.id]})"
        cells = [
            pdf.cell_para(f"{number}.", st.cell_center, widths[0]),
            pdf.cell_para(day_text(item, scope), st.cell_center, widths[1]),
            pdf.cell_para(content, st.cell, widths[2], max_height=_CELL_MAX),
            pdf.cell_para(responsible_text(item, scope.names), st.cell, widths[3], max_height=_CELL_MAX),
        ]
        if not scope.clean:
            cells.append(pdf.cell_para(fulfilment_text(item), st.cell, widths[4], max_height=_CELL_MAX))
        data.append(cells)
    table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(_table_style(pdf, colors, st.cell.fontSize)))
    return table


def plan_pdf(store: Store, options: Options) -> bytes:
    """The approved work plan of one association and year (or its monthly plan with `--month`;
    a clean copy to sign with `--clean`)."""
    return render_plan_pdf(plan_scope(store, options))


def render_plan_pdf(scope: PlanScope) -> bytes:
    """The PDF of a plan already read from the store (safe in a worker thread: no store access)."""
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    from ubtui.reports import pdf

    page = pdf.Page()
    size = 10.0
    st = pdf.styles(size)
    ps = _plan_styles(size)
    school = scope.settings.school_title()
    story: list[Any] = []
    if school:
        story.append(pdf.para(school, st.subtitle))
    if scope.month is None:  # the monthly plan is the head's, not the director's approved year plan
        half = page.width * 0.5
        left, right = _approval_cells(scope, ps, half - page.width * 0.06)
        header = Table([[left, right]], colWidths=[half, half], hAlign="LEFT")
        header.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), pdf.SERIF, size),  # else an empty cell names Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (1, 0), (1, 0), page.width * 0.06),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]))
        story += [header, Spacer(1, 6 * pdf.MM)]
    title = title_text(scope)
    story.append(pdf.para(title, st.title))
    story.append(Spacer(1, 3 * pdf.MM))
    plan = scope.plan
    if plan.theme.strip():
        story.append(_labelled(_("Methodical theme:"), plan.theme, ps))
    if scope.month is None:
        if plan.goal.strip():
            story.append(_labelled(_("Goal:"), plan.goal, ps))
        tasks = [t.strip() for t in plan.tasks if t.strip()]
        if tasks:
            story.append(pdf.para(_("Tasks:"), ps.label, markup="b"))
            task_style = pdf.style("plan-task", pdf.SERIF, size + 1, leftIndent=14, bulletIndent=0, spaceAfter=2)
            from reportlab.platypus import Paragraph

            for number, task in enumerate(tasks, 1):
                story.append(Paragraph(pdf.escape(task), task_style, bulletText=f"{number}."))
    story.append(Spacer(1, 3 * pdf.MM))
    if scope.items:
        story.append(_month_table(scope, page.width, st) if scope.month is not None
                     else _items_table(scope, page.width, st, ps))
    else:
        story.append(pdf.para(_("Nothing in the plan falls in this month.") if scope.month else
                              _("The plan has no items yet."), st.body))
    story.append(KeepTogether([Spacer(1, 8 * pdf.MM), pdf.signature_line(
        _("Head of the association"), scope.association.head, width=page.width)]))
    return page.render(story, title=title, footer=pdf.footer_text(school, _("Work plan")))


def _labelled(label: str, text: str, ps: _PlanStyles) -> Any:
    """`Усулдук тема: …` with the label in bold and the user's text escaped."""
    from reportlab.platypus import Paragraph

    from ubtui.reports import pdf

    return Paragraph(f"<b>{pdf.escape(label)}</b> {pdf.escape(text)}", ps.label)
