"""Statuses as coloured text that still reads without colour (a mark in front)."""

from __future__ import annotations

from rich.text import Text

from ubtui.domain.courses import CourseStatus
from ubtui.i18n import format_date

STYLES = {"ok": "green", "due": "yellow", "overdue": "bold red", "never": "red"}


def course_status_text(status: CourseStatus, *, with_date: bool = False, compact: bool = False) -> Text:
    """`!! overdue (22.05.2026)`; compact, for narrow columns: one short word (`!! lapsed`), and the
    due date stands for "due"."""
    label = f"{status.mark} {status.label}"
    if compact and status.state == "due" and status.due is not None:
        label = f"{status.mark} {format_date(status.due, long=False)}"
    elif compact:
        label = f"{status.mark} {status.short_label}"
    elif with_date and status.due is not None:
        label += f" ({format_date(status.due, long=False)})"
    return Text(label, style=STYLES.get(status.state, ""))
