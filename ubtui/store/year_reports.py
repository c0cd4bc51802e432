"""The year-end analysis: its saved texts (table `year_reports`, reached as `store.year_reports`)
and the records its figures are made of, handed to `domain.year_report`.

No rule lives here: the store fetches, the domain decides.  The texts of a closed year are
read-only, like the rest of the year's records.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ubtui.domain.associations import Association
from ubtui.domain.validation import Problems
from ubtui.domain.year_report import YearAnalysis, YearReport, validate_analysis, year_report
from ubtui.domain.years import AcademicYear
from ubtui.errors import UserError
from ubtui.i18n import _
from ubtui.store.repos import Repository, cut

if TYPE_CHECKING:
    from ubtui.store.store import Store

TABLE = "year_reports"


class ClosedYearAnalysis(UserError):
    """The academic year is an archive: its analysis is not changed."""


class YearReports:
    """The written analyses of the years, one per association and year ("" : the school's)."""

    def __init__(self, store: "Store") -> None:
        self._store = store
        self.repo: Repository[YearAnalysis] = Repository(
            store.school, TABLE, YearAnalysis, self._validate, self._describe,
        )

    def _describe(self, analysis: YearAnalysis) -> str:
        year = self._store.years.find(analysis.year_id)
        association = self._store.associations.find(analysis.association_id) if analysis.association_id else None
        return _("the analysis of {year} ({name})").format(
            year=year.label if year else "?", name=cut(association.name) if association else _("the whole school"))

    def _validate(self, analysis: YearAnalysis, others: list[YearAnalysis]) -> Problems:
        problems = validate_analysis(analysis, others)
        if analysis.year_id and self._store.years.find(analysis.year_id) is None:
            problems.add("year_id", _("The academic year of this analysis is not in the school file."))
        if analysis.association_id and self._store.associations.find(analysis.association_id) is None:
            problems.add("association_id", _("The association of this analysis is not in the school file."))
        return problems

    def all(self) -> list[YearAnalysis]:
        return self.repo.all()

    def of(self, year_id: str, association_id: str | None) -> YearAnalysis | None:
        """The saved analysis of one association's year (the school's with None), or None."""
        wanted = association_id or ""
        for analysis in self.repo.all():
            if analysis.year_id == year_id and analysis.association_id == wanted:
                return analysis
        return None

    def save(self, year_id: str, association_id: str | None, *, draft: str, conclusions: str, tasks: str) -> YearAnalysis:
        """Save the texts of one association's (or the school's) year; refused for a closed year."""
        year = self._store.years.find(year_id)
        if year is not None and year.closed:
            raise ClosedYearAnalysis(
                _("The academic year {label} is closed: its analysis cannot be changed.").format(label=year.label))
        analysis = self.of(year_id, association_id) or YearAnalysis(year_id=year_id, association_id=association_id or "")
        analysis.draft, analysis.conclusions, analysis.tasks = draft, conclusions, tasks
        return self.repo.save(analysis)

    # --- the figures' records ------------------------------------------------------------------------

    def figures(self, year: AcademicYear, association: Association, at: dt.date) -> YearReport:
        """The year-end figures of one association at `at` (the domain's rules on the stored records)."""
        return self.school_figures(year, [association], at)[0]

    def school_figures(self, year: AcademicYear, associations: list[Association] | None, at: dt.date) -> list[YearReport]:
        """The figures of each association given (every association, in name order, with None)."""
        store = self._store
        associations = store.sorted_associations() if associations is None else associations
        sessions = store.sessions.in_year(year.id)
        plans = {p.association_id: p for p in store.plans.of_year(year.id)}
        teachers = store.teachers.all()
        courses = store.courses.all()
        pairs = store.mentoring.all()
        events = store.lessons.of(None, year.id)
        rules = store.settings().rules
        found = []
        for association in associations:
            plan = plans.get(association.id)
            found.append(year_report(
                association, year, sessions=sessions, plan=plan, plan_items=store.plans.items_of(plan) if plan else [],
                teachers=teachers, courses=courses, mentorships=pairs, lesson_events=events, rules=rules, at=at,
            ))
        return found
