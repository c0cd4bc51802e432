"""Dates in one place: stored dates read strictly, typed dates read as a person writes them.

Stored: strict `YYYY-MM-DD`, the same on every Python (`date.fromisoformat` accepts
`20250101` and `2025-W01-1` from Python 3.11 on but not on 3.10; a school file must mean the
same on every computer, so stored dates are read here and nowhere else).

Typed: `parse_typed_date` accepts `14.09.2025`, `14.9.2025` (also with `/` between the parts)
and `2025-09-14`, and says exactly what is wrong otherwise: a day a month does not have, a
month that does not exist, or a text that is not written as a date at all.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from ubtui.i18n import N_, _

# --- stored dates ----------------------------------------------------------------------------

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def parse_iso_date(text: object) -> dt.date:
    """`"2025-09-01"` → date(2025, 9, 1); ValueError for anything else (`20250101`,
    `2025-02-31`, `вчера`, a number, None, surrounding spaces)."""
    if not isinstance(text, str):
        raise ValueError(f"not a date string: {text!r}")
    return _parse_iso_text(text)


@lru_cache(maxsize=4096)  # a school's records name the same days again and again (dates are immutable)
def _parse_iso_text(text: str) -> dt.date:
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
    year, month, day = (int(part) for part in match.groups())
    return dt.date(year, month, day)  # ValueError for 2025-02-31, month 13, year 0


def is_iso_date(text: object) -> bool:
    """Whether `text` is a date `parse_iso_date` reads."""
    try:
        parse_iso_date(text)
    except ValueError:
        return False
    return True


# --- typed dates -----------------------------------------------------------------------------

# The years a school record can be about (births of the oldest staff to plans ahead).
FIRST_YEAR, LAST_YEAR = 1900, 2099

_DAY_FIRST = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")

# How many days each month has, said in words (the Russian needs the month in the prepositional).
_MONTH_DAYS = {
    1: N_("January {year} has 31 days."),
    2: N_("February {year} has 28 days."),
    3: N_("March {year} has 31 days."),
    4: N_("April {year} has 30 days."),
    5: N_("May {year} has 31 days."),
    6: N_("June {year} has 30 days."),
    7: N_("July {year} has 31 days."),
    8: N_("August {year} has 31 days."),
    9: N_("September {year} has 30 days."),
    10: N_("October {year} has 31 days."),
    11: N_("November {year} has 30 days."),
    12: N_("December {year} has 31 days."),
}
_LEAP_FEBRUARY = N_("February {year} has 29 days.")


class TypedDateError(ValueError):
    """A typed text that is not a date; `str(error)` is the translated reason."""


def format_hint() -> str:
    return _("Write the date as dd.mm.yyyy, e.g. 14.09.2025.")


def month_length_message(year: int, month: int) -> str:
    if month == 2 and calendar.isleap(year):
        return _(_LEAP_FEBRUARY).format(year=year)
    return _(_MONTH_DAYS[month]).format(year=year)


def parse_typed_date(text: str) -> dt.date:
    """The date in `text` (spaces around it ignored); TypedDateError with the reason otherwise."""
    raw = text.strip()
    match = _DAY_FIRST.fullmatch(raw)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = _ISO.fullmatch(raw)
        if not match:
            raise TypedDateError(format_hint())
        year, month, day = (int(part) for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise TypedDateError(
            _("The year {year} is out of range: write a year from {first} to {last}.").format(
                year=year, first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    if not 1 <= month <= 12:
        raise TypedDateError(_("Month {month} does not exist: months go from 1 to 12.").format(month=month))
    if day < 1:
        raise TypedDateError(_("Day 0 does not exist: days start at 1."))
    if day > calendar.monthrange(year, month)[1]:
        raise TypedDateError(month_length_message(year, month))
    return dt.date(year, month, day)


def parse_optional_typed_date(text: str) -> dt.date | None:
    """None for an empty field, else as `parse_typed_date`."""
    return parse_typed_date(text) if text.strip() else None
