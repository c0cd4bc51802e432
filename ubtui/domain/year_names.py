"""A closed year keeps the names it was closed with (DESIGN §3).

Sessions and plans name teachers by id; when a year is closed, each of its sessions and
plans gets a frozen `names` map (teacher id → the name of that day), which the screens
and documents use before the teacher's current name.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, Mapping

from ubtui.domain.people import frozen_names
from ubtui.domain.plans import Plan, PlanItem
from ubtui.domain.sessions import Session


def freeze_year_names(
    sessions: Iterable[Session], plans: Iterable[Plan], plan_items: Iterable[PlanItem], teachers_by_id: Mapping[str, Any]
) -> tuple[list[Session], list[Plan]]:
    """Copies of the sessions and plans given whose `names` now hold every teacher they name
    (names frozen before are kept); only the records that changed are returned."""
    ids_of_plan: dict[str, set[str]] = {}
    for item in plan_items:
        ids_of_plan.setdefault(item.plan_id, set()).update(t for t in item.teacher_ids if t)
    changed_sessions = []
    for session in sessions:
        names = frozen_names(sorted(session.teacher_ids()), teachers_by_id, session.names)
        if names != session.names:
            changed_sessions.append(dataclasses.replace(session, names=names))
    changed_plans = []
    for plan in plans:
        names = frozen_names(sorted(ids_of_plan.get(plan.id, ())), teachers_by_id, plan.names)
        if names != plan.names:
            changed_plans.append(dataclasses.replace(plan, names=names))
    return changed_sessions, changed_plans
