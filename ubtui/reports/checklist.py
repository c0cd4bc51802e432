"""The folder checklist (seed 001/003 §6.1–6.16; DESIGN §4 item 9): `ubtui print checklist`,
`ubtui report checklist`.  Which of the 16 documents are in the association's folder, and
where each comes from; the rules are `domain.folder`'s."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ubtui.domain.folder import FolderEntry, folder_checklist, previous_year
from ubtui.domain.associations import Association
from ubtui.errors import UserError
from ubtui.i18n import _
from ubtui.reports import Options
from ubtui.reports.scope import Scope, resolve
from ubtui.reports.tables import TextTable
from ubtui.store import Store


@dataclass
class Checklist:
    scope: Scope
    parts: list[tuple[Association, list[FolderEntry]]]


def checklist(store: Store, options: Options) -> Checklist:
    scope = resolve(store, options)
    year = scope.year
    if year is None:
        raise UserError(_("There is no academic year in the school file yet: add one in Settings."))
    associations = [scope.association] if scope.association is not None else store.sorted_associations()
    if not associations:
        raise UserError(_("There is no methodical association in the school file yet."))
    before = previous_year(store.years.all(), year)
    plans = {p.association_id: p for p in store.plans.of_year(year.id)}
    parts = []
    for association in associations:
        plan = plans.get(association.id)
        parts.append((association, folder_checklist(
            store.settings(), year,
            previous_year=before,
            previous_analysis=store.year_reports.of(before.id, association.id) if before else None,
            plan=plan,
            plan_items=store.plans.items_of(plan) if plan else [],
            teachers=store.teachers_of(association.id),
            sessions=store.sessions.of(association.id, year.id),
            lesson_events=store.lessons.of(association.id, year.id),
        )))
    return Checklist(scope, parts)


def title() -> str:
    return _("Documents of the association's folder")


def checklist_table(store: Store, options: Options) -> TextTable:
    book = checklist(store, options)
    rows = [[a.name, e.number, e.title, e.state_label, e.source] for a, entries in book.parts for e in entries]
    heading = " — ".join(p for p in (title(), book.scope.year_text()) if p)
    return TextTable(heading, [_("Association"), _("No."), _("Document"), _("State"), _("Where it comes from")], rows,
                     text_columns=[1, 2, 3, 4])


def checklist_pdf(store: Store, options: Options) -> bytes:
    return render_checklist_pdf(checklist(store, options))


def render_checklist_pdf(book: Checklist) -> bytes:
    from reportlab.platypus import PageBreak, Spacer

    from ubtui.reports import pdf

    page = pdf.Page()
    st = pdf.styles(10)
    school = book.scope.settings.school_title()
    story: list[Any] = []
    for index, (association, entries) in enumerate(book.parts):
        if index:
            story.append(PageBreak())
        story += [pdf.para(school, st.subtitle), pdf.para(title(), st.title),
                  pdf.para(_("Methodical association «{name}»").format(name=association.name), st.subtitle),
                  pdf.para(book.scope.subtitle(), st.subtitle)]
        rows = [[e.number, e.title, e.state_label, e.source] for e in entries]
        missing = [(r, 2) for r, e in enumerate(entries) if e.state == "missing"]
        story.append(pdf.table([_("No."), _("Document"), _("State"), _("Where it comes from")], rows, (9, 62, 16, 55),
                               page.width, size=9, center_columns=(0, 2), bold_cells=missing))
        story.append(Spacer(1, 3 * pdf.MM))
        present = sum(1 for e in entries if e.state == "present")
        story.append(pdf.para(_("Present: {present} of {total}.").format(present=present, total=len(entries)), st.body))
        story.append(pdf.signature_line(_("Head of the association"), association.head, width=page.width))
    return page.render(story, title=title(), footer=pdf.footer_text(school, title()))
