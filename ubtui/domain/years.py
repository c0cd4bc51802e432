"""Academic years (окуу жылы) and their quarters (чейрек)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ubtui.domain.records import Record
from ubtui.domain.validation import Problems
from ubtui.i18n import _


@dataclass
class Quarter:
    number: int
    start: dt.date
    end: dt.date


@dataclass
class AcademicYear(Record):
    """`2025-2026`; a closed year is an archive and read-only (seed 001 §5.8)."""

    label: str = ""
    start: dt.date = dt.date(2025, 9, 1)
    end: dt.date = dt.date(2026, 5, 29)
    quarters: list[Quarter] = field(default_factory=list)
    closed: bool = False

    def contains(self, day: dt.date) -> bool:
        return year_label_for(day) == self.label

    def quarter_of(self, day: dt.date) -> int | None:
        for quarter in self.quarters:
            if quarter.start <= day <= quarter.end:
                return quarter.number
        return None


def year_label_for(day: dt.date) -> str:
    """The academic year a day belongs to; the summer from July belongs to the next year."""
    first = day.year if day.month >= 7 else day.year - 1
    return f"{first}-{first + 1}"


def default_year(first: int) -> AcademicYear:
    """A year with the usual dates; the ministry sets the breaks each year, so they are editable."""
    quarters = [
        Quarter(1, dt.date(first, 9, 1), dt.date(first, 10, 31)),
        Quarter(2, dt.date(first, 11, 10), dt.date(first, 12, 29)),
        Quarter(3, dt.date(first + 1, 1, 12), dt.date(first + 1, 3, 20)),
        Quarter(4, dt.date(first + 1, 4, 1), dt.date(first + 1, 5, 29)),
    ]
    return AcademicYear(
        label=f"{first}-{first + 1}",
        start=dt.date(first, 9, 1),
        end=dt.date(first + 1, 5, 29),
        quarters=quarters,
    )


def pick_current(years: list[AcademicYear], today: dt.date) -> AcademicYear | None:
    """The year containing today, else the latest one that began before today, else the first."""
    if not years:
        return None
    label = year_label_for(today)
    for year in years:
        if year.label == label:
            return year
    started = [y for y in years if y.start <= today]
    return max(started, key=lambda y: y.start) if started else min(years, key=lambda y: y.start)


def validate_year(year: AcademicYear, others: list[AcademicYear]) -> Problems:
    """Label form `2025-2026`, ordered dates, quarters inside the year and in order."""
    problems = Problems()
    parts = year.label.split("-")
    if len(parts) != 2 or not all(p.isdigit() and len(p) == 4 for p in parts) or int(parts[1]) != int(parts[0]) + 1:
        problems.add("label", _("Write the year as 2025-2026."))
    if any(o.label == year.label and o.id != year.id for o in others):
        problems.add("label", _("This academic year already exists."))
    if year.end <= year.start:
        problems.add("end", _("The end must be after the start."))
    previous_end: dt.date | None = None
    for quarter in year.quarters:
        name = f"q{quarter.number}"
        if quarter.end < quarter.start:
            problems.add(name, _("Quarter {n}: the end is before the start.").format(n=quarter.number))
        elif not (year.start <= quarter.start and quarter.end <= year.end):
            problems.add(name, _("Quarter {n} must lie inside the academic year.").format(n=quarter.number))
        elif previous_end is not None and quarter.start <= previous_end:
            problems.add(name, _("Quarter {n} must begin after the previous one ends.").format(n=quarter.number))
        previous_end = quarter.end
    return problems
