"""What the home screen shows: the year's figures and what needs attention.

Each area adds its own lines through `PROVIDERS`, so the home screen never
learns the areas' rules itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from ubtui.domain.associations import Association
from ubtui.domain.years import AcademicYear
from ubtui.i18n import _
from ubtui.store.plans import plan_figures
from ubtui.store.sessions import session_figures
from ubtui.store.lessons import lesson_figures
from ubtui.store.mentoring import mentoring_figures
from ubtui.store.store import Store


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    level: str = "info"  # info / ok / warning / error


@dataclass(frozen=True)
class Context:
    store: Store
    year: AcademicYear | None
    association: Association | None
    today: dt.date


Provider = Callable[[Context], list[Figure]]


def _school_figures(ctx: Context) -> list[Figure]:
    associations = ctx.store.associations.all()
    figures = [Figure(_("Methodical associations"), str(len(associations)))]
    if ctx.association is not None:
        figures.append(Figure(_("Members of this association"), str(len(ctx.association.members))))
    figures.append(Figure(_("Academic years on file"), str(len(ctx.store.years.all()))))
    if ctx.year is None:
        figures.append(Figure(_("Academic year"), _("none yet: add one in Settings"), "warning"))
    elif ctx.year.closed:
        figures.append(Figure(_("Academic year"), _("{label} is closed (archive)").format(label=ctx.year.label), "warning"))
    return figures


PROVIDERS: list[Provider] = [_school_figures, session_figures, lesson_figures, plan_figures, mentoring_figures]


def overview(store: Store, year: AcademicYear | None, association: Association | None, today: dt.date) -> list[Figure]:
    ctx = Context(store, year, association, today)
    figures: list[Figure] = []
    for provider in PROVIDERS:
        figures.extend(provider(ctx))
    return figures
