"""What the home screen shows: the store fetches the records, `domain.attention` decides.

No rule lives here; the district and the year report call the same domain functions.
"""

from __future__ import annotations

import datetime as dt

from ubtui.domain.associations import Association
from ubtui.domain.attention import YearRecords, attention
from ubtui.domain.compliance import Figure
from ubtui.domain.years import AcademicYear
from ubtui.i18n import _
from ubtui.store.store import Store

__all__ = ["Figure", "overview", "year_records"]


def year_records(store: Store, year: AcademicYear, associations: list[Association], today: dt.date) -> YearRecords:
    """The records the attention rules read for `year` and these associations.

    Each table is chosen by its stored fields before any record is made: the home screen comes
    back to this on every return, and a big school's file holds a decade of plan items and courses."""
    chosen = {a.id for a in associations}
    plans = [p for p in store.plans.of_year(year.id) if p.association_id in chosen]
    plan_ids = {p.id for p in plans}
    teachers = store.teachers.where(lambda d: d.get("association_id", "") in chosen)
    teacher_ids = {t.id for t in teachers}
    return YearRecords(
        year=year,
        associations=associations,
        rules=store.settings().rules,
        today=today,
        sessions=[s for s in store.sessions.in_year(year.id) if s.association_id in chosen],
        events=[e for e in store.lessons.of(None, year.id) if e.association_id in chosen],
        plans=plans,
        plan_items=store.plans.items.where(lambda d: d.get("plan_id", "") in plan_ids),
        teachers=teachers,
        courses=store.courses.where(lambda d: d.get("teacher_id", "") in teacher_ids),
        mentorships=store.mentoring.all(),
    )


def overview(store: Store, year: AcademicYear | None, association: Association | None, today: dt.date) -> list[Figure]:
    """The home screen's lines for one association (or the whole school when None) in `year`."""
    associations = store.sorted_associations()
    if association is not None:
        figures = [Figure(_("Members of this association"), str(len(association.members)), target="teachers")]
    else:
        figures = [Figure(_("Methodical associations"), str(len(associations)))]
    if year is None:
        return figures + [Figure(_("Academic year"), _("none yet: add one in Settings"), "warning", target="years")]
    chosen = [association] if association is not None else associations
    return figures + attention(year_records(store, year, chosen, today), whole_school=association is None)
