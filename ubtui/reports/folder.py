"""The folder bundle (DESIGN §4 item 9): `ubtui print folder` — every document ubtui can print
for the association's folder, in the folder's order (seed 001 §6), in one PDF after a contents
page that gives each document's first page.

Each document is made by its own module, as `ubtui print KIND` makes it; one that cannot be
made (no plan yet, no sessions) is listed in the contents with the reason, and left out.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ubtui.domain.folder import previous_year
from ubtui.errors import UserError
from ubtui.i18n import N_, _
from ubtui.reports import Options, build_pdf
from ubtui.reports.scope import resolve
from ubtui.store import Store

# (kind, the folder's number, title msgid, which year: "this" or "previous")
PARTS: tuple[tuple[str, str, str, str], ...] = (
    ("checklist", "6", N_("Documents of the association's folder"), "this"),
    ("year-report", "6.5", N_("Analysis of the association's work in the past year"), "previous"),
    ("plan", "6.6–6.7", N_("Work plan: the methodical theme, goal and tasks; the plan by section"), "this"),
    ("lessons", "6.7", N_("Schedule of open lessons and extracurricular work"), "this"),
    ("staff", "6.9", N_("Information bank on the teachers"), "this"),
    ("courses", "6.9", N_("Qualification courses of the teachers"), "this"),
    ("mentoring", "IV", N_("Mentoring of young teachers"), "this"),
    ("protocols", "6.16", N_("Protocols of the association's sessions"), "this"),
    ("year-report", "6.5", N_("Year-end analysis of this year (for next year's folder)"), "this"),
)


@dataclass(frozen=True)
class Part:
    number: str
    title: str
    pages: int  # 0: left out
    reason: str = ""
    heading: bool = False  # an association's name over its documents (the whole school's bundle)


def folder_parts(store: Store, options: Options) -> tuple[list[Part], list[bytes], Any, list[tuple[str, Options]]]:
    """Every document of the bundle made: (contents lines, the PDFs, the scope, what each PDF was made from)."""
    from ubtui.reports.pdf_join import page_count

    scope = resolve(store, options)
    if scope.year is None:
        raise UserError(_("There is no academic year in the school file yet: add one in Settings."))
    before = previous_year(store.years.all(), scope.year)
    associations = [scope.association] if scope.association is not None else store.sorted_associations()
    if not associations:
        raise UserError(_("There is no methodical association in the school file yet."))
    parts: list[Part] = []
    documents: list[bytes] = []
    kinds: list[tuple[str, Options]] = []
    for association in associations:
        if len(associations) > 1:  # the whole school: each association's folder in turn
            parts.append(Part("", association.name, 0, heading=True))
        for kind, number, title, which in PARTS:
            if which == "previous" and before is None:
                parts.append(Part(number, _(title), 0, _("no past year in the school file")))
                continue
            year = before.label if which == "previous" and before else scope.year.label
            wanted = dataclasses.replace(options, year=year, association=association.id, session=None, teacher=None,
                                         event=None, month=None, clean=False)
            try:
                data = build_pdf(kind, store, wanted)
            except UserError as error:
                parts.append(Part(number, _(title), 0, str(error)))
                continue
            documents.append(data)
            kinds.append((kind, wanted))
            parts.append(Part(number, _(title), page_count(data)))
    return parts, documents, scope, kinds


def folder_pdf(store: Store, options: Options) -> bytes:
    """The contents page, then every document, their pages numbered through the bundle."""
    from ubtui.reports import pdf
    from ubtui.reports.pdf_join import join_pdfs, page_count

    parts, documents, scope, kinds = folder_parts(store, options)
    contents_pages = 1
    for _attempt in range(3):  # the contents' own length moves every first page
        contents = render_contents(parts, scope, contents_pages)
        counted = page_count(contents)
        if counted == contents_pages:
            break
        contents_pages = counted
    total = contents_pages + sum(p.pages for p in parts)
    with pdf.numbered_in_bundle(0, total):
        contents = render_contents(parts, scope, contents_pages)
    numbered = []
    before = contents_pages
    for (kind, wanted), data in zip(kinds, documents):  # laid out again, now knowing their first page
        with pdf.numbered_in_bundle(before, total):
            again = build_pdf(kind, store, wanted)
        before += page_count(again)
        numbered.append(again)
    return join_pdfs([contents, *numbered], title=_("The association's folder"))


def render_contents(parts: list[Part], scope: Any, contents_pages: int) -> bytes:
    from ubtui.reports import pdf

    page = pdf.Page()
    st = pdf.styles(10)
    school = scope.settings.school_title()
    title = _("The association's folder")
    story: list[Any] = [pdf.para(school, st.subtitle), pdf.para(title, st.title)]
    if scope.association is not None:
        story.append(pdf.para(_("Methodical association «{name}»").format(name=scope.association.name), st.subtitle))
    story.append(pdf.para(scope.subtitle(), st.subtitle))
    story += pdf.section(_("Contents"), st)
    rows = []
    bold = []
    first = contents_pages + 1
    for part in parts:
        if part.heading:
            bold += [(len(rows), 0), (len(rows), 1)]
            rows.append(["", part.title, ""])
        elif part.pages:
            rows.append([part.number, part.title, str(first)])
            first += part.pages
        else:
            rows.append([part.number, part.title + "\n" + _("not included: {reason}").format(reason=part.reason), "—"])
    story.append(pdf.table([_("No."), _("Document"), _("Page")], rows, (12, 90, 12), page.width, size=10,
                           center_columns=(0, 2), bold_cells=bold))
    return page.render(story, title=title, footer=pdf.footer_text(school, title))
