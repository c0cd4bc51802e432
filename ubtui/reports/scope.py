"""Turning the options of a print or report into records: year, association, teacher, day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ubtui.domain.associations import Association
from ubtui.domain.settings import Settings
from ubtui.domain.teachers import Teacher
from ubtui.domain.years import AcademicYear
from ubtui.errors import UserError
from ubtui.i18n import _
from ubtui.reports import Options
from ubtui.store import Store


@dataclass(frozen=True)
class Scope:
    """What one document covers."""

    settings: Settings
    year: AcademicYear | None
    association: Association | None  # None: every association
    teacher: Teacher | None
    today: dt.date
    at: dt.date  # the day ages, experience and course status are computed at

    def year_text(self) -> str:
        return _("{label} academic year").format(label=self.year.label) if self.year else ""

    def subtitle(self) -> str:
        """`2025-2026-окуу жылы · 30-август 2025-ж. абалы боюнча`."""
        from ubtui.i18n import format_date

        parts = [self.year_text(), _("as of {date}").format(date=format_date(self.at))]
        return " · ".join(p for p in parts if p)


def pick_year(store: Store, options: Options) -> AcademicYear | None:
    """The year named in the options, else the current one; UserError if named and missing."""
    if options.year:
        year = store.find_year(options.year.strip())
        if year is None:
            raise UserError(_("There is no academic year «{year}» in the school file.").format(year=options.year))
        return year
    return store.current_year(_today(store, options))


def _today(store: Store, options: Options) -> dt.date:
    return options.today or store.school.today()


def as_of(year: AcademicYear | None, today: dt.date) -> dt.date:
    """Today inside the year; a past year's last day; a future year's first day."""
    if year is None or year.start <= today <= year.end:
        return today
    return year.end if year.end < today else year.start


def pick_association(store: Store, name_or_id: str) -> Association:
    association = store.find_association(name_or_id.strip())
    if association is None:
        raise UserError(_("There is no association «{name}» in the school file.").format(name=name_or_id))
    return association


def pick_teacher(store: Store, name_or_id: str) -> Teacher:
    teacher = store.find_teacher(name_or_id.strip())
    if teacher is None:
        raise UserError(
            _("No single teacher matches «{name}»; write more of the name or use the id.").format(name=name_or_id)
        )
    return teacher


ALL = ("all", "*")


def resolve(store: Store, options: Options, *, all_associations_by_default: bool = False) -> Scope:
    """The scope of a document. Without `--association`: the association last chosen in the TUI,
    else the first (DESIGN §8); `--association all` means the whole school."""
    today = _today(store, options)
    year = pick_year(store, options)
    if options.association and options.association.strip().casefold() in ALL:
        association = None
    elif options.association:
        association: Association | None = pick_association(store, options.association)
    elif all_associations_by_default or options.teacher:  # one teacher: wherever they are
        association = None
    else:
        association = store.chosen_association()
    teacher = pick_teacher(store, options.teacher) if options.teacher else None
    # A year asked for is seen at its own dates; without one, today (even if the new year is not set up yet).
    at = as_of(year, today) if options.year else today
    return Scope(store.settings(), year, association, teacher, today, at)
