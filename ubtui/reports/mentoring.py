"""Mentoring (plan section IV): a pair's order line, plan, log and report, with signature lines.

`ubtui print mentoring [--teacher …]`: the pairs a teacher is in (as mentor or young
teacher), else every active pair of the association, one after another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ubtui.domain.mentoring import Mentorship, log_kind_label, plan_progress, status_label
from ubtui.errors import UserError
from ubtui.i18n import _
from ubtui.reports import Options
from ubtui.reports.scope import Scope, resolve
from ubtui.reports.tables import TextTable
from ubtui.store import Store


@dataclass
class MentoringBook:
    """The pairs to print, with every name they need (plain data: a worker may render it)."""

    scope: Scope
    pairs: list[Mentorship]
    names: dict[str, str]
    association_names: dict[str, str]
    heads: dict[str, str]  # association id → the head's name


def _day(value) -> str:  # type: ignore[no-untyped-def]
    return value.strftime("%d.%m.%Y") if value else ""


def _pair_by_id(store: Store, options: Options) -> tuple[Options, Mentorship | None]:
    """`--teacher` also takes a pair's id (the first column of `report mentoring --format csv`)."""
    import dataclasses

    if options.teacher:
        pair = store.mentoring.find(options.teacher.strip())
        if pair is not None:
            return dataclasses.replace(options, teacher=None, association="all"), pair
    return options, None


def mentoring_book(store: Store, options: Options) -> MentoringBook:
    options, one = _pair_by_id(store, options)
    scope = resolve(store, options)
    if one is not None:
        pairs = [one]
    elif scope.teacher is not None:
        pairs = store.mentoring.of_teacher(scope.teacher.id)
        if scope.year is not None and options.year:
            pairs = [p for p in pairs if p.overlaps(scope.year.start, scope.year.end)]
    else:
        association_id = scope.association.id if scope.association is not None else None
        pairs = store.mentoring.of(association_id, year=scope.year, include_finished=False)
    associations = store.associations.all()
    return MentoringBook(
        scope, pairs, store.mentoring.names(), {a.id: a.name for a in associations}, {a.id: a.head for a in associations}
    )


def find_pair(store: Store, text: str) -> Mentorship:
    """A pair by its id (the CSV's first column)."""
    pair = store.mentoring.find(text.strip())
    if pair is None:
        raise UserError(_("There is no mentoring pair «{id}» in the school file.").format(id=text))
    return pair


def order_text(pair: Mentorship) -> str:
    """`Appointed by the director's order №12 of 29.08.2025; period 01.09.2025 – 29.05.2026.`"""
    parts = []
    if pair.order_no.strip() or pair.order_date:
        parts.append(_("Appointed by the director's order No. {number} of {date}").format(
            number=pair.order_no.strip() or "___", date=_day(pair.order_date) or "___"))
    if pair.start or pair.end:
        parts.append(_("period {start} – {end}").format(start=_day(pair.start) or "…", end=_day(pair.end) or "…"))
    return "; ".join(parts) + ("." if parts else "")


# --- the report table --------------------------------------------------------------------------------


def mentoring_table(store: Store, options: Options) -> TextTable:
    """One row per pair (the association's, or a teacher's); the first column is the pair's id."""
    options, one = _pair_by_id(store, options)
    scope = resolve(store, options)
    if one is not None:
        pairs = [one]
    elif scope.teacher is not None:
        pairs = store.mentoring.of_teacher(scope.teacher.id)
    else:
        association_id = scope.association.id if scope.association is not None else None
        pairs = store.mentoring.of(association_id, year=scope.year)
    names = store.mentoring.names()
    headers = [_("Id"), _("Mentor"), _("Young teacher"), _("Order"), _("Period"), _("Plan done"),
               _("Log entries"), _("Last entry"), _("Report"), _("Status")]
    rows = []
    for pair in pairs:
        done, total = plan_progress(pair)
        rows.append([
            pair.id, names.get(pair.mentor_id, "?"), names.get(pair.young_id, "?"),
            " ".join(p for p in (pair.order_no, _day(pair.order_date)) if p),
            f"{_day(pair.start)} – {_day(pair.end)}" if pair.start or pair.end else "",
            f"{done} / {total}", str(len(pair.log)), _day(pair.last_log_date()),
            _("yes") if pair.report.strip() else _("no"), status_label(pair.status),
        ])
    title = " — ".join(p for p in (_("Mentoring of young teachers"), scope.year_text()) if p)
    return TextTable(title, headers, rows, text_columns=[1, 2, 4, 5, 6, 7, 8, 9])


# --- the PDF -------------------------------------------------------------------------------------------


def signature_table(rows: list[tuple[str, str]], width: float) -> list[Any]:
    """One signature line per (role, full name): the documents' one signature style."""
    from ubtui.reports import pdf

    return [pdf.signature_line(role, name, width=width) for role, name in rows]


def mentoring_pdf(store: Store, options: Options) -> bytes:
    return render_mentoring_pdf(mentoring_book(store, options))


def render_mentoring_pdf(book: MentoringBook) -> bytes:
    """Every pair of the book, each from a new page (no store access here)."""
    from reportlab.platypus import KeepTogether, PageBreak, Spacer

    from ubtui.reports import pdf

    page = pdf.Page()
    st = pdf.styles(10)
    school = book.scope.settings.school_title()
    title = _("Mentoring of young teachers")
    story: list[Any] = []
    if not book.pairs:
        story += [pdf.para(school, st.subtitle), pdf.para(title, st.title), pdf.para(book.scope.subtitle(), st.subtitle),
                  pdf.para(_("No mentoring pairs are recorded yet."), st.body)]
    for index, pair in enumerate(book.pairs):
        if index:
            story.append(PageBreak())
        mentor = book.names.get(pair.mentor_id, "?")
        young = book.names.get(pair.young_id, "?")
        story += [
            pdf.para(school, st.subtitle),
            pdf.para(title, st.title),
            pdf.para(book.scope.year_text(), st.subtitle),
            pdf.para(_("Mentor: {name}").format(name=mentor), st.heading),
            pdf.para(_("Young teacher: {name}").format(name=young), st.heading),
        ]
        association = book.association_names.get(pair.association_id, "")
        if association:
            story.append(pdf.para(_("Association: {name}").format(name=association), st.body))
        if order_text(pair):
            story.append(pdf.para(order_text(pair), st.body))
        story.append(pdf.para(_("Status: {status}").format(status=status_label(pair.status)), st.body))
        if pair.goals.strip():
            story += [pdf.para(_("Goals"), st.heading), pdf.para(pair.goals.strip(), st.body)]
        story += pdf.section(_("Plan of the pair"), st)
        if pair.plan:
            rows = [[str(n), item.activity, item.when, _("done") if item.done else ""] for n, item in enumerate(pair.plan, 1)]
            story.append(pdf.table([_("No."), _("Activity"), _("When"), _("Done")], rows, (7, 95, 35, 22), page.width,
                                   size=10, center_columns=(0, 3)))
        else:
            story.append(pdf.para(_("No plan items yet."), st.body))
        story += pdf.section(_("Log of the pair's work"), st)
        if pair.log:
            rows = [[str(n), _day(e.date), log_kind_label(e.kind), e.note] for n, e in enumerate(pair.sorted_log(), 1)]
            story.append(pdf.table([_("No."), _("Date"), _("Kind"), _("Note")], rows, (7, 22, 45, 85), page.width,
                                   size=10, center_columns=(0, 1)))
        else:
            story.append(pdf.para(_("No log entries yet."), st.body))
        story += pdf.section(_("Final report"), st)
        story.append(pdf.para(pair.report.strip() or _("Not written yet."), st.body))
        head = book.heads.get(pair.association_id, "")
        signatures = signature_table(
            [(_("Mentor"), mentor), (_("Young teacher"), young), (_("Head of the association"), head)], page.width
        )
        story.append(KeepTogether([Spacer(1, 6 * pdf.MM), *signatures]))
    return page.render(story, title=title, footer=pdf.footer_text(school, title))
