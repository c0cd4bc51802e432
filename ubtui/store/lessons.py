"""Lesson events in the school file: table `lesson_events`; reached as `store.lessons`.

The events of a closed (archived) year are read-only.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ubtui.domain.lessons import (
    Analysis,
    LessonEvent,
    TeacherCount,
    cancelled,
    held,
    kind_label,
    moved,
    sort_events,
    teacher_counts,
    validate_event,
    week_events,
)
from ubtui.domain.teachers import Teacher
from ubtui.domain.validation import Problems
from ubtui.i18n import _, format_date
from ubtui.store.errors import ClosedYear
from ubtui.store.repos import Repository

if TYPE_CHECKING:
    from ubtui.store.store import Store

TABLE = "lesson_events"


ClosedYearEvents = ClosedYear  # the store's one guard refuses them (store/years.py)


class Lessons:
    """Open lessons, visits, extracurricular events, subject weeks and creative reports."""

    def __init__(self, store: "Store") -> None:
        self._store = store
        self.repo: Repository[LessonEvent] = Repository(
            store.school, TABLE, LessonEvent, self._validate,
            lambda e: _("{kind} of {date}").format(kind=kind_label(e.kind), date=format_date(e.date, long=False)),
        )

    # --- reading ------------------------------------------------------------------------------

    def all(self) -> list[LessonEvent]:
        return self.repo.all()

    def get(self, event_id: str) -> LessonEvent:
        return self.repo.get(event_id)

    def find(self, event_id: str) -> LessonEvent | None:
        return self.repo.find(event_id)

    def names(self) -> dict[str, str]:
        """Every teacher's name by id (those who left too)."""
        return {t.id: t.full_name for t in self._store.teachers.all()}

    def of(self, association_id: str | None, year_id: str | None) -> list[LessonEvent]:
        """One association's events (all with None) in one year (all with None), by date."""
        return sort_events(self.repo.where(
            lambda d: (association_id is None or d.get("association_id", "") == association_id)
            and (year_id is None or d.get("year_id", "") == year_id)
        ))

    def weeks(self, association_id: str | None, year_id: str | None) -> list[LessonEvent]:
        return [e for e in self.of(association_id, year_id) if e.is_week]

    def week_events(self, week: LessonEvent) -> list[LessonEvent]:
        return week_events(self.repo.all(), week)

    def teachers_for(self, association_id: str | None) -> list[Teacher]:
        """The active teachers an association's rules look at (the whole school with None)."""
        return [t for t in self._store.sorted_teachers() if association_id is None or t.association_id == association_id]

    def counts(self, association_id: str | None, year_id: str) -> list[TeacherCount]:
        return teacher_counts(self.teachers_for(association_id), self.of(association_id, year_id))

    # --- writing ----------------------------------------------------------------------------------

    def _year(self, year_id: str):  # type: ignore[no-untyped-def]
        return self._store.years.find(year_id) if year_id else None

    def _validate(self, event: LessonEvent, others: list[LessonEvent]) -> Problems:
        year = self._year(event.year_id)
        problems = validate_event(event, others, year)
        if event.year_id and year is None:
            problems.add("year_id", _("The academic year of this event is not in the school file."))
        if event.association_id and self._store.associations.find(event.association_id) is None:
            problems.add("association_id", _("The association of this event is not in the school file."))
        teachers = self._store.teachers
        if event.teacher_id and teachers.find(event.teacher_id) is None:
            problems.add("teacher_id", _("This teacher is not in the school file."))
        for observer in event.observers:
            if observer.teacher_id and teachers.find(observer.teacher_id) is None:
                problems.add("observers", _("An observer is not in the school file."))
                break
        if event.week_id:
            week = self.repo.find(event.week_id)
            if week is None or not week.is_week:
                problems.add("week_id", _("The subject week of this event is not in the school file."))
        return problems

    def save(self, event: LessonEvent) -> LessonEvent:
        """Insert or update (raises ValidationError per field, or ClosedYearEvents)."""
        return self.repo.save(event)

    def delete(self, event_id: str) -> None:
        """Delete one event; a week's events stay, no longer in the week."""
        event = self.repo.get(event_id)
        with self._store.batch():
            if event.is_week:
                for child in self.week_events(event):
                    child.week_id = ""
                    self.repo.save(child)
            self.repo.delete(event_id)

    def mark_held(self, event_id: str, analysis: Analysis, day: dt.date | None = None) -> LessonEvent:
        return self.save(held(self.repo.get(event_id), analysis, day))

    def cancel(self, event_id: str, reason: str) -> LessonEvent:
        return self.save(cancelled(self.repo.get(event_id), reason))

    def move(self, event_id: str, new_date: dt.date) -> LessonEvent:
        return self.save(moved(self.repo.get(event_id), new_date))


# --- a teacher named in an event is never deleted (only marked as left) --------------------------------


def lesson_teacher_references(store: "Store", teacher_id: str) -> list[str]:
    from ubtui.domain.lessons import kind_label
    from ubtui.i18n import format_date

    found = []
    for event in store.lessons.all():
        if event.teacher_id == teacher_id or any(o.teacher_id == teacher_id for o in event.observers):
            found.append(
                _("{kind} of {date}").format(kind=kind_label(event.kind), date=format_date(event.date, long=False))
            )
    return found
