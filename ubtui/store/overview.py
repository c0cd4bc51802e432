"""What the home screen shows: the store fetches the records, `domain.compliance` decides.

No rule lives here; the district and the year report call the same domain functions.
"""

from __future__ import annotations

import datetime as dt

from ubtui.domain.associations import Association
from ubtui.domain.compliance import Figure, plan_figures, school_figures, session_figures
from ubtui.domain.lessons import lesson_figures, seminars_held
from ubtui.domain.mentoring import mentoring_figures
from ubtui.domain.sessions import year_figures
from ubtui.domain.years import AcademicYear
from ubtui.store.store import Store

__all__ = ["Figure", "overview"]


def overview(store: Store, year: AcademicYear | None, association: Association | None, today: dt.date) -> list[Figure]:
    """The home screen's lines for one association (or the whole school when None) in `year`."""
    associations = store.sorted_associations()
    figures = school_figures(associations, store.years.all(), year, association)
    if year is None:
        return figures
    chosen = [association] if association is not None else associations
    rules = store.settings().rules
    in_year = store.sessions.in_year(year.id)
    events = store.lessons.of(association.id if association is not None else None, year.id)
    seminars = sum(
        seminars_held([s for s in in_year if s.association_id == a.id], [e for e in events if e.association_id == a.id])
        for a in chosen
    )
    figures += session_figures(
        [year_figures([s for s in in_year if s.association_id == a.id], rules, today) for a in chosen], seminars
    )
    chosen_ids = {a.id for a in chosen}
    teachers = store.teachers.where(lambda d: d.get("association_id", "") in chosen_ids)
    figures += lesson_figures(events, [t for t in teachers if t.active], year, today)
    plans = {p.association_id: p for p in store.plans.of_year(year.id)}
    if association is None:
        approved = sum(1 for a in associations if (p := plans.get(a.id)) is not None and p.approved)
        figures += plan_figures(year, today, approved=approved, associations=len(associations))
    else:
        plan = plans.get(association.id)
        items = store.plans.items_of(plan) if plan is not None else []
        figures += plan_figures(year, today, plan=plan, plan_items=items)
    pairs = [p for p in store.mentoring.all() if p.association_id in chosen_ids]
    figures += mentoring_figures(pairs, teachers, year, today, rules)
    return figures
