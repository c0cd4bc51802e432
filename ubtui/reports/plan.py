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
from ubtui.domain.plans import (
    DONE,
    PARTLY,
    PLANNED,
    Plan,
    PlanItem,
    completion,
    filter_items,
    format_due,
    month_label,
    ordered_sections,
    section_number,
    section_title,
    short_name,
    status_text,
)
from ubtui.domain.settings import Settings
from ubtui.domain.years import AcademicYear
from ubtui.errors import UserError
from ubtui.i18n import _
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
    return PlanScope(store.settings(), association, year, plan, items, options.month, today,
                     store.plans.teacher_names(plan), numbers, ordered_sections(plan, every))


def responsible_text(item: PlanItem, names: dict[str, str], separator: str = ", ") -> str:
    parts = [r.strip() for r in item.roles if r.strip()] + [names.get(t, "?") for t in item.teacher_ids]
    return separator.join(parts)


def fulfilment_text(item: PlanItem, *, blank_when_planned: bool = True) -> str:
    """The last column: the status, the day it was done and the note; empty while planned."""
    if item.status == PLANNED and blank_when_planned:
        return item.note.strip()
    lines = [status_text(item)]
    if item.status in (DONE, PARTLY) and item.done_on is not None:
        lines[0] += f" ({item.done_on.strftime('%d.%m.%Y')})"
    if item.note.strip():
        lines.append(item.note.strip())
    return "\n".join(lines)


def title_lines(scope: PlanScope) -> tuple[str, str]:
    """`ИШ ПЛАНЫ` (or `ОКТЯБРЬ АЙЫНА КАРАТА ИШ ПЛАНЫ`) and the line naming the association and year."""
    if scope.month is not None:
        title = _("WORK PLAN FOR {month}").format(month=month_label(scope.month).upper())
    else:
        title = _("WORK PLAN")
    subtitle = _("of the methodical association «{name}» for the {year} academic year").format(
        name=scope.association.name, year=scope.year.label
    )
    return title, subtitle


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
                format_due(item.effective_due()),
                responsible_text(item, scope.names),
                status_text(item),
                item.note,
                item.done_on.strftime("%d.%m.%Y") if item.done_on else "",
            ])
    title, subtitle = title_lines(scope)
    done = completion(scope.items, scope.year, scope.today)
    heading = f"{title} {subtitle}".strip()
    if rows:
        heading += "\n" + _("Done: {figure}").format(figure=done.text())
    return TextTable(heading, headers, rows, text_columns=[1, 2, 3, 4, 5])


# --- the PDF -----------------------------------------------------------------------------------------

# № | content | due | responsible | fulfilment
_WEIGHTS = (6, 50, 17, 22, 25)


def _approval_cells(scope: PlanScope, ps: "_PlanStyles") -> tuple[list[Any], list[Any]]:
    """The agreement (left, only if set) and the approval (right) blocks."""
    from ubtui.reports import pdf

    plan = scope.plan
    blank_date = _("«___» ____________ 20___")
    right = [pdf.para(_("I APPROVE"), ps.approval_head)]
    position = plan.approved_position.strip() or _("School director")
    right.append(pdf.para(position, ps.approval))
    right.append(pdf.para(scope.settings.school_title(), ps.approval))
    name = short_name(plan.approved_by.strip() or scope.settings.director.strip())
    right.append(pdf.para(f"____________ {name}" if name else "____________ /____________/", ps.approval))
    right.append(pdf.para(pdf.date_text(plan.approved_on) if plan.approved_on else blank_date, ps.approval))
    left: list[Any] = []
    if plan.agreed_by.strip():
        left.append(pdf.para(_("AGREED"), ps.approval_head))
        if plan.agreed_position.strip():
            left.append(pdf.para(plan.agreed_position.strip(), ps.approval))
        left.append(pdf.para(f"____________ {short_name(plan.agreed_by)}", ps.approval))
        left.append(pdf.para(pdf.date_text(plan.agreed_on) if plan.agreed_on else blank_date, ps.approval))
    return left, right


@dataclass(frozen=True)
class _PlanStyles:
    approval_head: Any
    approval: Any
    label: Any
    section: Any


def _plan_styles(size: float) -> _PlanStyles:
    from reportlab.lib.styles import ParagraphStyle

    from ubtui.reports import pdf

    pdf.register_fonts()
    return _PlanStyles(
        approval_head=ParagraphStyle("plan-approval-head", fontName=pdf.SERIF + "-Bold", fontSize=size + 2,
                                     leading=(size + 2) * 1.3, spaceAfter=2),
        approval=ParagraphStyle("plan-approval", fontName=pdf.SERIF, fontSize=size + 1, leading=(size + 1) * 1.3),
        label=ParagraphStyle("plan-label", fontName=pdf.SERIF, fontSize=size + 1, leading=(size + 1) * 1.3,
                             spaceAfter=3),
        section=ParagraphStyle("plan-section", fontName=pdf.SANS + "-Bold", fontSize=size, leading=size * 1.22),
    )


def _items_table(scope: PlanScope, width: float, size: float, st: Any, ps: _PlanStyles) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    from ubtui.reports import pdf

    headers = [_("No."), _("Contents of the work"), _("Due"), _("Responsible"), _("Fulfilment")]
    total = float(sum(_WEIGHTS))
    widths = [width * w / total for w in _WEIGHTS]
    data: list[list[Any]] = [[pdf.para(h, st.header_cell) for h in headers]]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), pdf.SANS, size - 1),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#555555")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E4E4")),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for section, items in scope.sections():
        row = len(data)
        number = section_number(section, scope.order)
        data.append([pdf.para(f"{number}. {section_title(section)}", ps.section), "", "", "", ""])
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), colors.HexColor("#F0F0F0")),
        ]
        for item in items:
            data.append([
                pdf.para(f"{scope.numbers[item.id]}.", st.cell_center),
                pdf.para(item.content, st.cell),
                pdf.para(format_due(item.effective_due()), st.cell_center),
                pdf.para(responsible_text(item, scope.names), st.cell),
                pdf.para(fulfilment_text(item), st.cell),
            ])
    table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def plan_pdf(store: Store, options: Options) -> bytes:
    """The approved work plan of one association and year (or its monthly plan with `--month`)."""
    return render_plan_pdf(plan_scope(store, options))


def render_plan_pdf(scope: PlanScope) -> bytes:
    """The PDF of a plan already read from the store (safe in a worker thread: no store access)."""
    from reportlab.platypus import Spacer, Table, TableStyle

    from ubtui.reports import pdf

    page = pdf.Page()
    size = 10.0
    st = pdf.styles(size)
    ps = _plan_styles(size)
    left, right = _approval_cells(scope, ps)
    header = Table([[left, right]], colWidths=[page.width * 0.5, page.width * 0.5], hAlign="LEFT")
    header.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), pdf.SERIF, size),  # else the empty cell names Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (1, 0), (1, 0), page.width * 0.14),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    title, subtitle = title_lines(scope)
    story: list[Any] = [header, Spacer(1, 8 * pdf.MM), pdf.para(title, st.title), pdf.para(subtitle, st.subtitle)]
    plan = scope.plan
    if plan.theme.strip():
        story.append(_labelled(_("Methodical theme:"), plan.theme, ps))
    if scope.month is None:
        if plan.goal.strip():
            story.append(_labelled(_("Goal:"), plan.goal, ps))
        tasks = [t.strip() for t in plan.tasks if t.strip()]
        if tasks:
            story.append(pdf.para(_("Tasks:"), ps.label, markup="b"))
            for number, task in enumerate(tasks, 1):
                story.append(pdf.para(f"{number}. {task}", ps.label))
    story.append(Spacer(1, 3 * pdf.MM))
    if scope.items:
        story.append(_items_table(scope, page.width, size, st, ps))
    else:
        story.append(pdf.para(_("Nothing in the plan falls in this month.") if scope.month else
                              _("The plan has no items yet."), st.body))
    head = short_name(scope.association.head)
    story.append(pdf.para(
        _("Head of the association") + "  ____________  " + (head or "/____________/"), st.signature
    ))
    document_title = f"{title} {subtitle}"
    return page.render(story, title=document_title, footer=scope.settings.school_title())


def _labelled(label: str, text: str, ps: _PlanStyles) -> Any:
    """`Усулдук тема: …` with the label in bold and the user's text escaped."""
    from reportlab.platypus import Paragraph

    from ubtui.reports import pdf

    return Paragraph(f"<b>{pdf.escape(label)}</b> {pdf.escape(text)}", ps.label)
