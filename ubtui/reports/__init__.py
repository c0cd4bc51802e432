"""Printed documents and report tables, by KIND (`ubtui print KIND`, `ubtui report KIND`).

The registries name functions as "module:function" so that importing this
package loads neither ReportLab nor any document module.  A document function
is `(store, options) -> bytes` (the PDF); a table function is
`(store, options) -> TextTable`.  Later areas add their kinds (protocol,
protocols, plan, lessons, mentoring, year-report, checklist) here.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from ubtui.reports.tables import TextTable
    from ubtui.store import Store


@dataclass(frozen=True)
class Options:
    """What the command line (or a screen) asks for; names are resolved by `ubtui.reports.scope`."""

    year: str | None = None  # label or id; default the current academic year
    association: str | None = None  # name, part of it, or id
    session: int | None = None
    teacher: str | None = None  # name, part of it, or id
    month: int | None = None
    event: str | None = None  # a lesson event's id (a visit sheet, or a subject week's plan)
    today: dt.date | None = None  # the day figures are computed at (tests); default the school's today
    clean: bool = False  # the plan: a clean copy to sign (no fulfilment column, no marks)


DOCUMENTS: dict[str, str] = {
    "staff": "ubtui.reports.staff:staff_pdf",
    "courses": "ubtui.reports.courses:courses_pdf",
    "plan": "ubtui.reports.plan:plan_pdf",
    "protocol": "ubtui.reports.protocol:protocol_pdf",
    "protocols": "ubtui.reports.protocol:protocols_pdf",
    "lessons": "ubtui.reports.lessons:lessons_pdf",
    "mentoring": "ubtui.reports.mentoring:mentoring_pdf",
    "year-report": "ubtui.reports.year_report:year_report_pdf",
    "checklist": "ubtui.reports.checklist:checklist_pdf",
    "folder": "ubtui.reports.folder:folder_pdf",
    "guide": "ubtui.reports.guide:guide_pdf",
}
# Documents that need no school file (`ubtui print guide` works before any school exists).
STANDALONE: frozenset[str] = frozenset({"guide"})
TABLES: dict[str, str] = {
    "staff": "ubtui.reports.staff:staff_table",
    "courses": "ubtui.reports.courses:courses_table",
    "plan": "ubtui.reports.plan:plan_table",
    "protocols": "ubtui.reports.protocol:protocols_table",
    "lessons": "ubtui.reports.lessons:lessons_table",
    "mentoring": "ubtui.reports.mentoring:mentoring_table",
    "year": "ubtui.reports.year_report:year_report_table",
    "checklist": "ubtui.reports.checklist:checklist_table",
}
# The stem of the default output file (`staff_2025-2026.pdf` in the current folder).
FILE_STEMS: dict[str, str] = {"staff": "staff", "courses": "courses", "plan": "plan", "protocols": "protocols",
                              "lessons": "lessons", "mentoring": "mentoring",
                              "year-report": "year-report", "checklist": "checklist", "folder": "folder",
                              "guide": "ubtui-guide"}


def _load(target: str) -> Callable[..., Any]:
    module, _sep, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def document_kinds() -> list[str]:
    return list(DOCUMENTS)


def table_kinds() -> list[str]:
    return list(TABLES)


def build_pdf(kind: str, store: "Store", options: Options) -> bytes:
    """The PDF of one document kind; raises UserError (translated) for unknown names."""
    return _load(DOCUMENTS[kind])(store, options)


def build_table(kind: str, store: "Store", options: Options) -> "TextTable":
    """The rows of one report kind, for `tabulate` or CSV."""
    return _load(TABLES[kind])(store, options)


def default_file_name(kind: str, store: "Store", options: Options) -> str:
    """`staff_2025-2026.pdf`: the document's name and its academic year."""
    from ubtui.reports.scope import pick_year

    year = pick_year(store, options)
    stem = FILE_STEMS.get(kind, kind)
    if kind == "protocol" and options.session is not None:  # one file per session, side by side
        stem += f"-{options.session}"
    if kind == "lessons" and options.event:  # one visit sheet or week plan per event
        stem = "lesson-" + "".join(c for c in options.event.strip()[:8] if c.isalnum() or c == "-")
    month = f"_{options.month:02d}" if options.month else ""  # the monthly plan beside the year's
    if kind == "plan" and options.clean:
        month += "_clean"
    return f"{stem}_{year.label}{month}.pdf" if year is not None else f"{stem}{month}.pdf"
