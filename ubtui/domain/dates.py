"""The one reader of stored dates: strict `YYYY-MM-DD`, the same on every Python.

`date.fromisoformat` accepts `20250101` and `2025-W01-1` from Python 3.11 on but not
on 3.10; a school file must mean the same on every computer, so stored dates are read
here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def parse_iso_date(text: object) -> dt.date:
    """`"2025-09-01"` → date(2025, 9, 1); ValueError for anything else (`20250101`,
    `2025-02-31`, `вчера`, a number, None, surrounding spaces)."""
    if not isinstance(text, str):
        raise ValueError(f"not a date string: {text!r}")
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
