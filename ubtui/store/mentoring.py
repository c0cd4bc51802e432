"""Mentoring pairs in the school file: table `mentorships`; reached as `store.mentoring`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from ubtui.domain.mentoring import (
    FINISHED,
    LogEntry,
    MentorPlanItem,
    Mentorship,
    pairs_in_year,
    sort_pairs,
    validate_mentorship,
    young_without_mentor,
)
from ubtui.domain.teachers import Teacher
from ubtui.domain.validation import Problems
from ubtui.i18n import _
from ubtui.store.repos import NotFound, Repository

if TYPE_CHECKING:
    from ubtui.store.store import Store

TABLE = "mentorships"


class Mentoring:
    """The pairs of every association; a teacher in a pair is never deleted, only marked as left."""

    def __init__(self, store: "Store") -> None:
        self._store = store
        self.repo: Repository[Mentorship] = Repository(store.school, TABLE, Mentorship, self._validate, self._describe)

    # --- reading ----------------------------------------------------------------------------

    def all(self) -> list[Mentorship]:
        return self.repo.all()

    def get(self, pair_id: str) -> Mentorship:
        return self.repo.get(pair_id)

    def find(self, pair_id: str) -> Mentorship | None:
        return self.repo.find(pair_id)

    def names(self) -> dict[str, str]:
        """Every teacher's name by id, those who left too (old pairs keep showing them)."""
        return {t.id: t.full_name for t in self._store.teachers.all()}

    def of(self, association_id: str | None, *, year=None, include_finished: bool = True) -> list[Mentorship]:  # type: ignore[no-untyped-def]
        """The pairs of one association (all with None), touching `year` if given; active first."""
        items = [p for p in self.repo.all() if association_id is None or p.association_id == association_id]
        items = pairs_in_year(items, year)
        if not include_finished:
            items = [p for p in items if p.active]
        return sort_pairs(items, self.names())

    def of_teacher(self, teacher_id: str) -> list[Mentorship]:
        """The pairs a teacher is in, as mentor or as young teacher; active first."""
        items = [p for p in self.repo.all() if teacher_id in (p.mentor_id, p.young_id)]
        return sort_pairs(items, self.names())

    def young_without_mentor(self, association_id: str | None, at: dt.date) -> list[Teacher]:
        teachers = [t for t in self._store.teachers.all() if association_id is None or t.association_id == association_id]
        return young_without_mentor(teachers, self.repo.all(), at, self._store.settings().rules)

    def _describe(self, pair: Mentorship) -> str:
        names = self.names()
        return _("the mentoring pair {mentor} – {young}").format(
            mentor=names.get(pair.mentor_id, "?"), young=names.get(pair.young_id, "?"))

    # --- writing ----------------------------------------------------------------------------------

    def _validate(self, pair: Mentorship, others: list[Mentorship]) -> Problems:
        problems = validate_mentorship(pair, others)
        teachers = self._store.teachers
        for name, teacher_id in (("mentor_id", pair.mentor_id), ("young_id", pair.young_id)):
            if teacher_id and teachers.find(teacher_id) is None:
                problems.add(name, _("This teacher is not in the school file."))
        if pair.association_id and self._store.associations.find(pair.association_id) is None:
            problems.add("association_id", _("The association of this pair is not in the school file."))
        return problems

    def new(self, young_id: str = "", mentor_id: str = "", today: dt.date | None = None) -> Mentorship:
        """An unsaved pair starting today, in the young teacher's association."""
        young = self._store.teachers.find(young_id) if young_id else None
        return Mentorship(
            young_id=young_id, mentor_id=mentor_id, association_id=young.association_id if young else "",
            start=today, order_date=today,
        )

    def save(self, pair: Mentorship) -> Mentorship:
        """Insert or update; a pair without an association takes the young teacher's."""
        if not pair.association_id and pair.young_id:
            young = self._store.teachers.find(pair.young_id)
            if young is not None:
                pair.association_id = young.association_id
        return self.repo.save(pair)

    def delete(self, pair_id: str) -> None:
        self.repo.delete(pair_id)

    def add_log_entry(self, pair_id: str, entry: LogEntry) -> Mentorship:
        pair = self.repo.get(pair_id)
        return self.save(dataclasses.replace(pair, log=[*pair.log, entry]))

    def replace_log_entry(self, pair_id: str, entry: LogEntry) -> Mentorship:
        pair = self.repo.get(pair_id)
        if not any(e.id == entry.id for e in pair.log):
            raise NotFound(entry.id)
        return self.save(dataclasses.replace(pair, log=[entry if e.id == entry.id else e for e in pair.log]))

    def remove_log_entry(self, pair_id: str, entry_id: str) -> Mentorship:
        pair = self.repo.get(pair_id)
        return self.save(dataclasses.replace(pair, log=[e for e in pair.log if e.id != entry_id]))

    def save_plan_item(self, pair_id: str, item: MentorPlanItem) -> Mentorship:
        """Add the item, or replace the one with its id."""
        pair = self.repo.get(pair_id)
        plan = [item if p.id == item.id else p for p in pair.plan]
        if not any(p.id == item.id for p in pair.plan):
            plan.append(item)
        return self.save(dataclasses.replace(pair, plan=plan))

    def remove_plan_item(self, pair_id: str, item_id: str) -> Mentorship:
        pair = self.repo.get(pair_id)
        return self.save(dataclasses.replace(pair, plan=[p for p in pair.plan if p.id != item_id]))

    def toggle_plan_item(self, pair_id: str, item_id: str) -> Mentorship:
        pair = self.repo.get(pair_id)
        plan = [dataclasses.replace(p, done=not p.done) if p.id == item_id else p for p in pair.plan]
        return self.save(dataclasses.replace(pair, plan=plan))

    def finish(self, pair_id: str, report: str, day: dt.date) -> Mentorship:
        """End the pair with its final report; it stays in history."""
        pair = self.repo.get(pair_id)
        return self.save(dataclasses.replace(pair, status=FINISHED, report=report, end=pair.end or day))


# --- a teacher named in a pair is never deleted (only marked as left) ---------------------------------


def mentoring_teacher_references(store: "Store", teacher_id: str) -> list[str]:
    names = store.mentoring.names()
    found = []
    for pair in store.mentoring.all():
        if teacher_id in (pair.mentor_id, pair.young_id):
            found.append(
                _("the mentoring pair {mentor} – {young}").format(
                    mentor=names.get(pair.mentor_id, "?"), young=names.get(pair.young_id, "?")
                )
            )
    return found
