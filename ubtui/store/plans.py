"""Work plans in the school file: tables `plans` and `plan_items`, and what the screens ask of them.

Reached as `store.plans`.  A plan of a closed (archived) year is read-only.
Starting a plan never overwrites one that exists unless the caller says
`replace=True` (the screen asks first).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable

from ubtui.domain.plans import (
    DONE,
    MOVED,
    PARTLY,
    Completion,
    Due,
    Plan,
    PlanItem,
    completion,
    copied_items,
    copied_plan,
    is_standard_section,
    short_name,
    sort_items,
    template_items,
    template_plan,
    validate_item,
    validate_plan,
    years_between,
)
from ubtui.domain.people import Person, display_name
from ubtui.domain.validation import Problems, ValidationError
from ubtui.domain.years import AcademicYear
from ubtui.errors import UserError
from ubtui.i18n import _, get_language, ngettext
from ubtui.store.errors import ClosedYear
from ubtui.store.repos import Repository, cut

if TYPE_CHECKING:
    from ubtui.store.store import Store


class PlanExists(UserError):
    """The association already has a plan for the year; ask before replacing it."""

    def __init__(self, plan: Plan, items: int, year_label: str) -> None:
        super().__init__(
            ngettext(
                "The association already has a plan for {year} ({n} item).",
                "The association already has a plan for {year} ({n} items).",
                items,
            ).format(year=year_label, n=items)
        )
        self.plan = plan
        self.items = items


PlanReadOnly = ClosedYear  # the plan's year is closed: the store's one guard refuses it (store/years.py)


class NoPreviousPlan(UserError):
    """There is no earlier plan of the association to copy."""


class Plans:
    """The work plans of every association and year."""

    def __init__(self, store: "Store") -> None:
        self.store = store
        self.plans: Repository[Plan] = Repository(store.school, "plans", Plan, self._validate_plan,
                                                  lambda _p: _("the work plan"))
        self.items: Repository[PlanItem] = Repository(store.school, "plan_items", PlanItem, self._validate_item,
                                                      lambda i: _("plan item «{text}»").format(text=cut(i.content)))

    # --- validation ---------------------------------------------------------------------------

    def _validate_plan(self, plan: Plan, others: list[Plan]) -> Problems:
        year = self.store.years.find(plan.year_id)
        problems = validate_plan(plan, others, year)
        if plan.year_id and year is None:
            problems.add("year_id", _("The plan's academic year is not in the school file."))
        if plan.association_id and self.store.associations.find(plan.association_id) is None:
            problems.add("association_id", _("The plan's association is not in the school file."))
        return problems

    def _validate_item(self, item: PlanItem, _others: list[PlanItem]) -> Problems:
        plan = self.plans.find(item.plan_id) if item.plan_id else None
        year = self.store.years.find(plan.year_id) if plan is not None else None
        problems = validate_item(item, year)
        if item.plan_id and plan is None:
            problems.add("plan_id", _("The item's plan is not in the school file."))
        known = self.store.teachers.ids()
        if any(t not in known for t in item.teacher_ids):
            problems.add("teacher_ids", _("A responsible teacher is not in the school file."))
        return problems

    # --- reading --------------------------------------------------------------------------------

    def find(self, association_id: str, year_id: str) -> Plan | None:
        """The association's plan for the year, if it has one."""
        for plan in self.plans.all():
            if plan.association_id == association_id and plan.year_id == year_id:
                return plan
        return None

    def of_year(self, year_id: str) -> list[Plan]:
        return self.plans.where(lambda d: d.get("year_id", "") == year_id)

    def year_of(self, plan: Plan) -> AcademicYear:
        year = self.store.years.find(plan.year_id)
        if year is None:
            raise UserError(_("The plan's academic year is not in the school file."))
        return year

    def items_of(self, plan: Plan) -> list[PlanItem]:
        """The plan's items by section, then by their order."""
        return sort_items(plan, self.items.where(lambda d: d.get("plan_id", "") == plan.id))  # only these are made

    def previous(self, association_id: str, year: AcademicYear) -> Plan | None:
        """The association's plan of the latest year before `year`."""
        starts = {y.id: y.start for y in self.store.years.all()}
        earlier = [
            p for p in self.plans.all()
            if p.association_id == association_id and p.year_id in starts and starts[p.year_id] < year.start
        ]
        return max(earlier, key=lambda p: starts[p.year_id]) if earlier else None

    def teacher_names(self, plan: Plan | None = None, style: Callable[[str], str] = short_name) -> dict[str, str]:
        """Teacher id → name in `style` (short: `Жумабаева Г.Э.`), for the responsible column:
        today's names, or those a closed year froze in `plan.names`."""
        by_id = self.store.teachers_by_id()
        frozen = plan.names if plan is not None else None
        return {t: style(display_name(Person(t), by_id, frozen)) for t in set(by_id) | set(frozen or {})}

    def responsible_text(self, item: PlanItem, names: dict[str, str] | None = None, separator: str = ", ") -> str:
        """Roles first, then the teachers' short names."""
        names = self.teacher_names() if names is None else names
        parts = [r for r in item.roles if r.strip()] + [names.get(t, "?") for t in item.teacher_ids]
        return separator.join(parts)

    def completion(self, plan: Plan, today: dt.date | None = None, *, due_by: dt.date | None = None) -> Completion:
        year = self.year_of(plan)
        return completion(self.items_of(plan), year, today or self.store.school.today(), due_by=due_by)

    # --- guards -----------------------------------------------------------------------------------

    def _year(self, year_id: str) -> AcademicYear:
        year = self.store.years.find(year_id)
        if year is None:
            raise UserError(_("The plan's academic year is not in the school file."))
        return year

    def _make_room(self, association_id: str, year: AcademicYear, replace: bool) -> None:
        """Refuse when a plan exists (PlanExists), unless `replace`: then delete it and its items."""
        existing = self.find(association_id, year.id)
        if existing is None:
            return
        if not replace:
            count = sum(1 for i in self.items.all() if i.plan_id == existing.id)
            raise PlanExists(existing, count, year.label)
        self._delete(existing)

    def _delete(self, plan: Plan) -> None:
        for item in self.items.all():
            if item.plan_id == plan.id:
                self.items.delete(item.id)
        self.plans.delete(plan.id)

    # --- starting a plan ----------------------------------------------------------------------------

    def start_from_template(
        self, association_id: str, year_id: str, *, language: str | None = None, replace: bool = False
    ) -> Plan:
        """A new plan with the regulation's items I–IV (in `language`, default the UI's), in one write."""
        year = self._year(year_id)
        language = language or get_language()
        with self.store.school.label(_("the work plan started")), self.store.batch():
            self._make_room(association_id, year, replace)
            plan = self.plans.save(template_plan(association_id, year_id, language))
            for item in template_items(plan.id, language):
                self.items.save(item)
        return plan

    def copy_previous(
        self, association_id: str, year_id: str, *, replace: bool = False, source: Plan | None = None
    ) -> Plan:
        """A new plan from the association's previous one: dates a year (or more) later, statuses reset."""
        year = self._year(year_id)
        source = source or self.previous(association_id, year)
        if source is None or source.year_id == year_id:
            raise NoPreviousPlan(_("There is no earlier plan of this association to copy."))
        shift = years_between(self.year_of(source), year)
        with self.store.school.label(_("the work plan started")), self.store.batch():
            self._make_room(association_id, year, replace)
            plan = self.plans.save(copied_plan(source, year_id))
            for item in copied_items(self.items_of(source), plan.id, shift):
                self.items.save(item)
        return plan

    def start_empty(self, association_id: str, year_id: str) -> Plan:
        """An empty plan (refused if one exists)."""
        year = self._year(year_id)
        with self.store.school.label(_("the work plan started")), self.store.batch():
            self._make_room(association_id, year, False)
            return self.plans.save(Plan(association_id=association_id, year_id=year_id, language=get_language()))

    def delete_plan(self, plan_id: str) -> None:
        plan = self.plans.get(plan_id)
        with self.store.school.label(_("{what} deleted").format(what=_("the work plan"))), self.store.batch():
            self._delete(plan)

    # --- editing ------------------------------------------------------------------------------------

    def save_plan(self, plan: Plan) -> Plan:
        """Save the theme, goal, tasks or approval of a plan."""
        return self.plans.save(plan)

    def save_item(self, item: PlanItem) -> PlanItem:
        """Save an item; a new one (or one moved to another section) goes to its section's end.

        A custom section the plan does not list yet is added to the plan's sections.
        """
        plan = self.plans.find(item.plan_id)
        if plan is None:
            raise ValidationError(_problem("plan_id", _("The item's plan is not in the school file.")))
        problems = self.items.validate(item)
        if problems:
            raise ValidationError(problems)
        before = self.items.find(item.id)
        with self.store.school.label(_("{what} saved").format(what=self.items.what(item))), self.store.batch():
            if before is None or before.section != item.section or item.order <= 0:
                siblings = [i.order for i in self.items.all() if i.plan_id == plan.id and i.section == item.section
                            and i.id != item.id]
                item.order = max(siblings, default=0) + 1
            section = item.section.strip()
            item.section = section
            if not is_standard_section(section) and section not in plan.custom_sections:
                plan.custom_sections.append(section)
                self.plans.save(plan)
            saved = self.items.save(item)
            if before is not None and before.section != section:
                self._renumber(plan, before.section)
        return saved

    def delete_item(self, item_id: str) -> None:
        item = self.items.get(item_id)
        plan = self.plans.get(item.plan_id)
        with self.store.school.label(_("{what} deleted").format(what=self.items.what(item))), self.store.batch():
            self.items.delete(item_id)
            self._renumber(plan, item.section)

    def _renumber(self, plan: Plan, section: str) -> None:
        siblings = [i for i in self.items_of(plan) if i.section == section]
        for number, sibling in enumerate(siblings, 1):
            if sibling.order != number:
                sibling.order = number
                self.items.save(sibling)

    def move_item(self, item_id: str, delta: int) -> bool:
        """Move an item up (-1) or down (+1) within its section; False at the section's edge."""
        item = self.items.get(item_id)
        plan = self.plans.get(item.plan_id)
        siblings = [i for i in self.items_of(plan) if i.section == item.section]
        index = next(n for n, i in enumerate(siblings) if i.id == item_id)
        target = index + delta
        if not 0 <= target < len(siblings):
            return False
        siblings[index], siblings[target] = siblings[target], siblings[index]
        with self.store.school.label(_("{what} moved").format(what=self.items.what(item))), self.store.batch():
            for number, sibling in enumerate(siblings, 1):
                if sibling.order != number:
                    sibling.order = number
                    self.items.save(sibling)
        return True

    def mark(
        self,
        item_id: str,
        status: str,
        *,
        note: str | None = None,
        done_on: dt.date | None = None,
        moved_to: Due | None = None,
    ) -> PlanItem:
        """Record how an item went: done / partly done (with the day, default today), not done,
        moved (with its new due) or planned again; `note` (if given) replaces the note."""
        item = self.items.get(item_id)
        item.status = status
        if status in (DONE, PARTLY):
            item.done_on = done_on or item.done_on or self.store.school.today()
        else:
            item.done_on = None
        item.moved_to = moved_to if status == MOVED else None
        if note is not None:
            item.note = note.strip()
        return self.save_item(item)


def _problem(name: str, message: str) -> Problems:
    problems = Problems()
    problems.add(name, message)
    return problems


def plan_teacher_references(store: "Store", teacher_id: str) -> list[str]:
    """Where a teacher is named as responsible for a plan item ("the work plan of 2025-2026")."""
    plan_ids = {i.plan_id for i in store.plans.items.all() if teacher_id in i.teacher_ids}
    labels = []
    years = {y.id: y.label for y in store.years.all()}
    for plan in store.plans.plans.all():
        if plan.id in plan_ids:
            labels.append(_("the work plan of {year}").format(year=years.get(plan.year_id, "?")))
    return sorted(set(labels))
