"""The store the app and the CLI use: an open school file plus its repositories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ubtui.domain.associations import Association, validate_association
from ubtui.domain.settings import Settings, validate_settings
from ubtui.domain.validation import ValidationError
from ubtui.domain.years import AcademicYear, pick_current, validate_year
from ubtui.store.repos import Repository
from ubtui.store.plans import Plans
from ubtui.store.schoolfile import School


class Store:
    """Typed access to one school file. Touch it from one thread only."""

    def __init__(self, school: School) -> None:
        self.school = school
        self._settings = Repository(school, "settings", Settings)
        self.years: Repository[AcademicYear] = Repository(school, "years", AcademicYear, validate_year)
        self.associations: Repository[Association] = Repository(
            school, "associations", Association, validate_association
        )
        self.plans = Plans(self)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> "Store":
        return cls(School.open(path, read_only=read_only))

    def close(self) -> None:
        self.school.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self.school.path

    @property
    def read_only(self) -> bool:
        return self.school.read_only

    def batch(self):
        return self.school.batch()

    # --- settings --------------------------------------------------------------

    def settings(self) -> Settings:
        found = self._settings.all()
        return found[0] if found else Settings()

    def is_set_up(self) -> bool:
        """A school file is set up once its settings name the school."""
        return bool(self._settings.all())

    def save_settings(self, settings: Settings) -> Settings:
        problems = validate_settings(settings)
        if problems:
            raise ValidationError(problems)
        current = self._settings.all()
        if current:
            settings.id = current[0].id
        return self._settings.save(settings)

    # --- years and associations -----------------------------------------------------

    def sorted_years(self) -> list[AcademicYear]:
        return sorted(self.years.all(), key=lambda y: y.start)

    def current_year(self, today: dt.date | None = None) -> AcademicYear | None:
        return pick_current(self.years.all(), today or dt.date.today())

    def find_year(self, label_or_id: str) -> AcademicYear | None:
        for year in self.years.all():
            if label_or_id in (year.label, year.id):
                return year
        return None

    def sorted_associations(self) -> list[Association]:
        return sorted(self.associations.all(), key=lambda a: a.name.casefold())

    def find_association(self, name_or_id: str) -> Association | None:
        """By id, exact name, or a unique case-insensitive part of the name."""
        items = self.associations.all()
        for item in items:
            if name_or_id in (item.id, item.name):
                return item
        needle = name_or_id.casefold()
        matches = [a for a in items if needle in a.name.casefold()]
        return matches[0] if len(matches) == 1 else None

    def chosen_association(self) -> Association | None:
        """The association last chosen in the TUI, else the first."""
        settings = self.settings()
        items = self.sorted_associations()
        for item in items:
            if item.id == settings.last_association_id:
                return item
        return items[0] if items else None
