"""Academic years in the school file: closing into the archive, reopening, starting the next one.

A closed year is read-only everywhere. The guard is one check that every save and delete
of every repository passes (`School.guards`): a record with a `year_id` of a closed year
(or whose parent has one: a plan item through its plan) is refused with `ClosedYear`, and
nothing is written. A closed year's own record changes only through `close_year` /
`reopen_year`. Nothing here deletes anything.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any, Iterator

from tinydb import Query

from ubtui.domain.associations import Association
from ubtui.domain.years import AcademicYear, default_year, year_label_for
from ubtui.errors import UserError
from ubtui.i18n import _
from ubtui.store.errors import ClosedYear

if TYPE_CHECKING:
    from ubtui.store.schoolfile import School
    from ubtui.store.store import Store

YEARS = "years"
# Records that belong to a year through another record: table → (parent table, field naming it).
PARENTS = {"plan_items": ("plans", "plan_id")}


def _field(record: Any, name: str) -> Any:
    """A field of a stored dict or of a record."""
    if record is None:
        return None
    if isinstance(record, dict):
        return record.get(name)
    return getattr(record, name, None)


def closed_message(label: str) -> str:
    return _("The academic year {label} is closed (archive): nothing in it can be changed. "
             "To correct it, reopen it in Settings → Academic years.").format(label=label)


class ClosedYearGuard:
    """Refuses any change to what belongs to a closed year (registered in `School.guards`)."""

    def __init__(self, school: "School") -> None:
        self.school = school
        self._opening: set[str] = set()  # years being closed or reopened right now

    @contextlib.contextmanager
    def changing(self, year_id: str) -> Iterator[None]:
        """Let `close_year` / `reopen_year` change the year's own record."""
        self._opening.add(year_id)
        try:
            yield
        finally:
            self._opening.discard(year_id)

    def __call__(self, table: str, before: Any, after: Any) -> None:
        if table == YEARS:
            self._check_year_record(before, after)
            return
        for record in (before, after):
            year_id = self._year_of(table, record)
            if year_id:
                self._refuse_if_closed(year_id)

    def _year(self, year_id: str) -> dict | None:
        return self.school.db.table(YEARS).get(Query().id == year_id)

    def _year_of(self, table: str, record: Any) -> str:
        year_id = _field(record, "year_id")
        if isinstance(year_id, str) and year_id:
            return year_id
        if table in PARENTS and record is not None:
            parent_table, name = PARENTS[table]
            parent = self.school.db.table(parent_table).get(Query().id == _field(record, name))
            if parent is not None and isinstance(parent.get("year_id"), str):
                return parent["year_id"]
        return ""

    def _refuse_if_closed(self, year_id: str) -> None:
        year = self._year(year_id)
        if year is not None and year.get("closed") is True:
            label = str(year.get("label", ""))
            raise ClosedYear(closed_message(label), label)

    def _check_year_record(self, before: Any, after: Any) -> None:
        year_id = _field(before, "id") or _field(after, "id")
        if year_id in self._opening:
            return
        if _field(before, "closed") is True:
            label = str(_field(before, "label") or "")
            raise ClosedYear(closed_message(label), label)
        if before is not None and _field(after, "closed") is True:  # closing keeps the names first
            raise UserError(_("A year is closed with “Close the year” (Settings → Academic years) or "
                              "ubtui year close {label}.").format(label=_field(after, "label")))


# --- closing and reopening --------------------------------------------------------------------------


def _guard(store: "Store") -> ClosedYearGuard:
    return store.closed_years


def find_year(store: "Store", label_or_id: str) -> AcademicYear:
    year = store.find_year(label_or_id.strip())
    if year is None:
        raise UserError(_("There is no academic year {label} in the school file.").format(label=label_or_id))
    return year


def close_year(store: "Store", year_id: str) -> AcademicYear:
    """Keep the names of the year's people as they are now, then mark the year closed: one write."""
    year = store.years.get(year_id)
    if year.closed:
        raise UserError(_("The academic year {label} is already closed.").format(label=year.label))
    with store.school.label(_("academic year {label} closed").format(label=year.label)), store.batch():
        store.freeze_year_names(year_id)
        with _guard(store).changing(year_id):
            store.years.save(dataclasses.replace(year, closed=True))
    return store.years.get(year_id)


def reopen_year(store: "Store", year_id: str) -> AcademicYear:
    """Open a closed year for changes again (the names it was closed with stay with its records)."""
    year = store.years.get(year_id)
    if not year.closed:
        raise UserError(_("The academic year {label} is not closed.").format(label=year.label))
    with store.school.label(_("academic year {label} reopened").format(label=year.label)):
        with _guard(store).changing(year_id):
            store.years.save(dataclasses.replace(year, closed=False))
    return store.years.get(year_id)


# --- what the archive keeps (seed 001/003 §5.8) -----------------------------------------------------
# "УБ документтери мектепте 3 жыл сакталат, андан соң … протоколдору, … пландары жана талдалышы
# 10 жыл сактоо үчүн архивге тапшырылат": three years at the school, then the protocols, plans
# and analyses go to the archive for ten more; the rest may then be destroyed.

KEPT_AT_SCHOOL_YEARS = 3
ARCHIVED_YEARS = 10


@dataclasses.dataclass(frozen=True)
class Retention:
    """A closed year's documents: at the school to the end of `at_school_until`; then the protocols,
    plans and analyses go to the archive until the end of `archived_until`, the rest may be destroyed."""

    year: AcademicYear
    at_school_until: int
    archived_until: int

    @property
    def leaves_school(self) -> int:
        """The year the documents may leave the school (to the archive, or be destroyed)."""
        return self.at_school_until + 1

    @property
    def destroy_from(self) -> int:
        """The first year the archived protocols, plans and analyses may be destroyed."""
        return self.archived_until + 1


def retention(year: AcademicYear) -> Retention:
    """Counted in calendar years from the end of the academic year (2025-2026 ends in 2026)."""
    ended = year.end.year
    return Retention(year, ended + KEPT_AT_SCHOOL_YEARS, ended + KEPT_AT_SCHOOL_YEARS + ARCHIVED_YEARS)


def archive(store: "Store") -> list[Retention]:
    """The closed years, the newest first, with their retention."""
    return [retention(y) for y in reversed(store.sorted_years()) if y.closed]


# --- a new year from the last one ------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class NewYear:
    year: AcademicYear
    plans: int  # plans copied from the last year
    associations: int


def next_year(store: "Store", today: dt.date) -> AcademicYear:
    """The year after the latest on file (or this one), with the school's usual quarter dates."""
    latest = max((y.start.year for y in store.years.all()), default=None)
    return default_year(latest + 1 if latest is not None else int(year_label_for(today)[:4]))


def start_year(store: "Store", source: AcademicYear | None, today: dt.date, *, year: AcademicYear | None = None) -> NewYear:
    """A new year after `source` (default: the latest): its quarters from the usual dates, and
    each association's plan copied from its plan of `source` (statuses reset, dates a year
    later), in one write. Associations and their members are the school's, not the year's:
    they carry over as they are."""
    years = store.sorted_years()
    source = source or (years[-1] if years else None)
    year = year or next_year(store, today)
    if store.find_year(year.label) is not None:
        raise UserError(_("The academic year {label} already exists.").format(label=year.label))
    copied = 0
    associations: list[Association] = store.sorted_associations()
    with store.school.label(_("academic year {label} started").format(label=year.label)), store.batch():
        store.years.save(year)
        if source is not None:
            for association in associations:
                plan = store.plans.find(association.id, source.id)
                if plan is not None:
                    store.plans.copy_previous(association.id, year.id, source=plan)
                    copied += 1
    return NewYear(store.years.get(year.id), copied, len(associations))

