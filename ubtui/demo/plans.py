"""The demo's work plans: last year's mostly done, this year's started from the template and partly done.

Everything is relative to the demo's `today`, and the choices come from a
seeded generator, so the same day gives the same plans.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Callable

from ubtui.domain.associations import Association
from ubtui.domain.plan_template import ROLES
from ubtui.domain.plans import (
    DONE,
    MOVED,
    NOT_DONE,
    PARTLY,
    PLANNED,
    Due,
    PlanItem,
    deadline,
    due_start,
    template_items,
    template_plan,
)
from ubtui.domain.years import AcademicYear
from ubtui.store import Store

SEED = 5052025

THEMES = {
    "Башталгыч класстар": "Башталгыч класстарда окуучулардын функционалдык сабаттуулугун өнүктүрүү",
    "Тилдер жана адабият": "Тил сабактарында окуучулардын коммуникативдик компетенттүүлүгүн калыптандыруу",
    "Математика жана табигый илимдер": "Табигый-математикалык предметтерди окутууда компетенттүүлүк мамилени колдонуу",
}
DONE_NOTES = (
    "УБнин отурумунда каралды, протоколго киргизилди.",
    "Аткарылды, маалымат мектеп жетекчилигине тапшырылды.",
    "Графикке ылайык өткөрүлдү.",
    "Бардык мүчөлөр катышты, сунуштар кабыл алынды.",
    "Жыйынтыгы УБнин отурумунда угулду.",
    "",
    "",
)
PARTLY_NOTE = "Эки мугалимдин отчету али тапшырыла элек."
NOT_DONE_NOTE = "Мугалим курска кеткендиктен өткөрүлгөн жок."
CUSTOM_SECTION = "Предметтик жумалык"
CUSTOM_ITEMS = (
    ("Кыргыз тили жана адабияты боюнча предметтик жумалыкты өткөрүү.", (2,)),
    ("Жумалыктын жыйынтыгы боюнча окуучулардын чыгармачыл иштеринин көргөзмөсү.", (2, 3)),
)
DIRECTOR_POSITION = "Мектептин директору"


def fill_plans(store: Store, ids: Callable[[], str], today: dt.date, associations: list[Association]) -> None:
    """Write last year's and this year's plan of every association (inside the demo's batch)."""
    years = store.sorted_years()
    if not years:
        return
    current = store.current_year(today)
    previous = [y for y in years if current is not None and y.start < current.start]
    settings = store.settings()
    deputy = settings.deputies[0] if settings.deputies else None
    rng = random.Random(SEED)
    teacher_ids = {t.id for t in store.teachers.all()}
    for number, association in enumerate(associations):
        members = [m.teacher_id for m in association.members if m.teacher_id in teacher_ids]
        if previous:
            last = previous[-1]
            _plan(store, ids, rng, association, last, members, today=last.end + dt.timedelta(days=10),
                  approved_on=last.start - dt.timedelta(days=3), settings_director=settings.director,
                  deputy=deputy, finished=True)
        if current is not None:
            # One association approved its plan late, to show what the home screen says then.
            approved = current.start + dt.timedelta(days=8 if number == 1 else (1 if number == 2 else -3))
            _plan(store, ids, rng, association, current, members, today=today,
                  approved_on=approved if approved <= today else None, settings_director=settings.director,
                  deputy=deputy if number != 1 else None, finished=False, custom=number == 1)


def _plan(
    store: Store,
    ids: Callable[[], str],
    rng: random.Random,
    association: Association,
    year: AcademicYear,
    members: list[str],
    *,
    today: dt.date,
    approved_on: dt.date | None,
    settings_director: str,
    deputy,  # type: ignore[no-untyped-def]
    finished: bool,
    custom: bool = False,
) -> None:
    plan = template_plan(association.id, year.id, "ky")
    plan.id = ids()
    plan.theme = THEMES.get(association.name, "")
    if approved_on is not None:
        plan.approved_by = settings_director
        plan.approved_position = DIRECTOR_POSITION
        plan.approved_on = approved_on
        if deputy is not None:
            plan.agreed_by = deputy.name
            plan.agreed_position = deputy.position
            plan.agreed_on = approved_on - dt.timedelta(days=1)
    items = template_items(plan.id, "ky")
    if custom:
        plan.custom_sections = [CUSTOM_SECTION]
        for order, (text, months) in enumerate(CUSTOM_ITEMS, 1):
            items.append(PlanItem(plan_id=plan.id, section=CUSTOM_SECTION, order=order, content=text,
                                  due=Due.in_months(*months), roles=[ROLES["head"]["ky"]]))
    store.plans.plans.save(plan)  # the repositories directly: last year's is an archive by now
    teachers_role = ROLES["teachers"]["ky"]
    for item in items:
        item.id = ids()
        if teachers_role in item.roles and len(members) >= 2:
            item.roles = [r for r in item.roles if r != teachers_role]
            item.teacher_ids = rng.sample(members, 2)
        _progress(item, year, today, rng, finished)
        store.plans.items.save(item)


def _progress(item: PlanItem, year: AcademicYear, today: dt.date, rng: random.Random, finished: bool) -> None:
    """Mark the item as a head would have by `today`: most past items done, a few left behind."""
    due = item.due
    end = deadline(due, year)
    start = due_start(due, year)
    roll = rng.random()
    if end < today:
        if roll < (0.86 if finished else 0.72):
            item.status = DONE
        elif roll < (0.93 if finished else 0.82):
            item.status = PARTLY
        elif finished:
            item.status = NOT_DONE
        elif roll < 0.9 and end.month != 5:
            item.status = MOVED
            item.moved_to = Due.in_months(_next_month(today.month))
        else:
            item.status = PLANNED  # left behind: overdue
    elif start <= today and roll < 0.35:
        item.status = PARTLY if roll < 0.15 else DONE
    if item.status in (DONE, PARTLY):
        done_on = min(end, today) - dt.timedelta(days=rng.randrange(0, 6))
        item.done_on = max(done_on, start - dt.timedelta(days=20))
        item.note = PARTLY_NOTE if item.status == PARTLY else rng.choice(DONE_NOTES)
    elif item.status == NOT_DONE:
        item.note = NOT_DONE_NOTE


def _next_month(month: int) -> int:
    return month % 12 + 1
