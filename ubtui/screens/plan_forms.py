"""The work plan's modal forms: an item, its fulfilment, "done" in one key, the theme, the approval."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from ubtui.domain.collation import sorted_by_name
from ubtui.domain.plan_template import known_roles
from ubtui.domain.teachers import name_key
from ubtui.domain.plans import (
    DONE,
    MOVED,
    PARTLY,
    SECTION_CODES,
    STATUSES,
    DueError,
    Plan,
    PlanItem,
    approval_deadline,
    format_due,
    parse_due,
    section_title,
    split_roles,
    status_label,
)
from ubtui.domain.validation import Problems
from ubtui.domain.years import AcademicYear
from ubtui.i18n import N_, _, format_date
from ubtui.screens.form import FormScreen
from ubtui.store import Store
from ubtui.widgets.fields import Field, choice, date_input, read_date
from ubtui.widgets.keys import key

_FORM_CSS = """
PlanItemForm SelectionList { width: 1fr; height: 5; border: none; padding: 0; background: $boost; }
PlanItemForm SelectionList:focus { background: $primary 20%; }
.plan-hint { color: $text-muted; padding-left: 24; height: auto; }
"""


class DueValidator(Validator):
    """Accepts what `parse_due` reads; the message says what may be written."""

    def __init__(self, year: AcademicYear | None, *, required: bool = False) -> None:
        super().__init__()
        self.year = year
        self.required = required

    def validate(self, value: str) -> ValidationResult:
        if self.required and not value.strip():
            return self.failure(_("Write when the moved item is now due."))
        try:
            parse_due(value, self.year)
        except DueError as error:
            return self.failure(str(error))
        return self.success()


def status_choices() -> list[tuple[str, str]]:
    return [(status_label(s), s) for s in STATUSES]


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --- an item ------------------------------------------------------------------------------------


def fulfilment_fields(item: PlanItem, year: AcademicYear) -> ComposeResult:
    """Status, where it moved, when it was done, the note: in the item form and the fulfilment form."""
    yield Field(_("Status"), choice(status_choices(), item.status, id="plan-status"), name="status")
    moved = format_due(item.moved_to) if item.moved_to is not None else ""
    yield Field(_("Moved to"), Input(moved, placeholder=_("when it is now due"), validators=[DueValidator(year)],
                                     id="plan-moved_to"), name="moved_to")
    yield Field(_("Done on"), date_input(item.done_on, id="plan-done_on"), name="done_on")
    yield Field(_("Fulfilment note"), TextArea(item.note, id="plan-note", soft_wrap=True), name="note")


class PlanItemForm(FormScreen[PlanItem]):
    """Everything about one item: section, content, due, who, and how it went."""

    DEFAULT_CSS = _FORM_CSS

    def __init__(self, store: Store, plan: Plan, year: AcademicYear, item: PlanItem | None = None,
                 *, section: str = "I", today: dt.date | None = None) -> None:
        super().__init__()
        self.store = store
        self.plan = plan
        self.year = year
        self.today = today or dt.date.today()
        self.is_new = item is None
        self.item = item or PlanItem(plan_id=plan.id, section=section)
        self.form_title = _("New plan item") if self.is_new else _("Plan item")

    def _teacher_choices(self) -> list[tuple[str, str]]:
        association = self.store.associations.find(self.plan.association_id)
        teachers = self.store.teachers_of(self.plan.association_id)
        if association is not None:
            for teacher in self.store.members_of(association):
                if teacher not in teachers:
                    teachers.append(teacher)
        known = {t.id for t in teachers}
        for teacher_id in self.item.teacher_ids:  # someone from elsewhere, or who has left
            other = self.store.teachers.find(teacher_id)
            if other is not None and other.id not in known:
                teachers.append(other)
        return sorted(((t.full_name, t.id) for t in teachers), key=lambda pair: name_key(pair[0]))  # Kyrgyz order

    def compose_fields(self) -> ComposeResult:
        item = self.item
        sections = [(f"{code}. {section_title(code)}", code) for code in SECTION_CODES]
        sections += [(title, title) for title in self.plan.custom_sections]
        current = item.section if any(code == item.section for _label, code in sections) else "I"
        yield Field(_("Section"), choice(sections, current, id="plan-section"), name="section", required=True)
        custom = "" if any(code == item.section for _label, code in sections) else item.section
        yield Field(_("Or a new section"), Input(custom, placeholder=_("its title, e.g. Subject week"),
                                                 id="plan-new_section"), name="new_section")
        yield Field(_("What is to be done"), TextArea(item.content, id="plan-content", soft_wrap=True), name="content",
                    required=True)
        yield Field(_("Due"), Input(format_due(item.due), placeholder=_("10 · 9, 1, 5 · 15.10.2025 · Q2 · empty: the year"),
                                    validators=[DueValidator(self.year)], id="plan-due"), name="due")
        yield Field(_("Responsible teachers"),
                    SelectionList[str](*((Text(name), tid, tid in item.teacher_ids) for name, tid in self._teacher_choices()),
                                       id="plan-teachers"),
                    name="teacher_ids")
        roles = SuggestFromList(known_roles(), case_sensitive=False)
        yield Field(_("Responsible roles"), Input(", ".join(item.roles), placeholder=_("e.g. head of the association"),
                                                  suggester=roles, id="plan-roles"), name="roles")
        yield from fulfilment_fields(item, self.year)

    def build(self) -> tuple[PlanItem, Problems]:
        return build_item(self, self.item, self.year, self.today, with_details=True)

    def store_save(self, record: PlanItem) -> PlanItem:
        return self.store.plans.save_item(record)


def build_item(form: FormScreen, item: PlanItem, year: AcademicYear, today: dt.date, *,
               with_details: bool) -> tuple[PlanItem, Problems]:
    """The item as the form's fields say (shared by the item form and the fulfilment form)."""
    problems = Problems()
    text = lambda name: form.query_one(f"#plan-{name}", Input).value.strip()  # noqa: E731
    status = str(form.query_one("#plan-status", Select).value)
    changes: dict[str, object] = {"status": status}
    if with_details:
        changes["section"] = " ".join(text("new_section").split()) or str(form.query_one("#plan-section", Select).value)
        changes["content"] = form.query_one("#plan-content", TextArea).text.strip()
        try:
            changes["due"] = parse_due(text("due"), year)
        except DueError as error:
            problems.add("due", str(error))
        changes["teacher_ids"] = list(form.query_one("#plan-teachers", SelectionList).selected)
        changes["roles"] = split_roles(text("roles"))
    moved_text = text("moved_to")
    changes["moved_to"] = None
    if status == MOVED:
        if not moved_text:
            problems.add("moved_to", _("Write when the moved item is now due."))
        else:
            try:
                changes["moved_to"] = parse_due(moved_text, year)
            except DueError as error:
                problems.add("moved_to", str(error))
    done_on = read_date(form.query_one("#plan-done_on", Input))
    changes["done_on"] = (done_on or today) if status in (DONE, PARTLY) else None
    changes["note"] = form.query_one("#plan-note", TextArea).text.strip()
    built = dataclasses.replace(item, **changes)  # type: ignore[arg-type]
    if problems:
        return built, problems
    return built, form.store.plans.items.validate(built)  # type: ignore[attr-defined]


class FulfilmentForm(FormScreen[PlanItem]):
    """How an item went: status, new due when moved, the day done, the note."""

    def __init__(self, store: Store, item: PlanItem, year: AcademicYear, *, today: dt.date | None = None) -> None:
        super().__init__()
        self.store = store
        self.item = item
        self.year = year
        self.today = today or dt.date.today()
        self.form_title = _("Fulfilment: {item}").format(item=_short(item.content, 50))

    def compose_fields(self) -> ComposeResult:
        item = self.item
        yield Static(_short(item.content, 300), classes="hint", markup=False)
        yield from fulfilment_fields(item, self.year)

    def build(self) -> tuple[PlanItem, Problems]:
        return build_item(self, self.item, self.year, self.today, with_details=False)

    def store_save(self, record: PlanItem) -> PlanItem:
        return self.store.plans.save_item(record)


class DoneScreen(ModalScreen[str | None]):
    """Mark an item done: the note (optional), then Enter. Returns the note, or None on Esc."""

    BINDINGS = [key("escape", "dismiss(None)", N_("Cancel"))]
    AUTO_FOCUS = "#plan-done-note"

    def __init__(self, item: PlanItem) -> None:
        super().__init__()
        self.item = item

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Done: {item}").format(item=_short(self.item.content, 60)), classes="title", markup=False)
            yield Static(_("A note on how it was done (may stay empty). Enter: save · Esc: cancel"), classes="hint")
            yield Input(self.item.note, placeholder=_("e.g. heard at session No. 2"), id="plan-done-note")

    @on(Input.Submitted, "#plan-done-note")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())


# --- the plan's heading and approval ---------------------------------------------------------------


class PlanHeadForm(FormScreen[Plan]):
    """The methodical theme, the goal and the tasks of the year (seed 001 §6.6)."""

    def __init__(self, store: Store, plan: Plan) -> None:
        super().__init__()
        self.store = store
        self.plan = plan
        self.form_title = _("Theme, goal and tasks")

    def compose_fields(self) -> ComposeResult:
        plan = self.plan
        yield Field(_("Methodical theme"), TextArea(plan.theme, id="plan-theme", soft_wrap=True), name="theme")
        yield Field(_("Goal"), TextArea(plan.goal, id="plan-goal", soft_wrap=True), name="goal")
        tasks = TextArea("\n".join(plan.tasks), id="plan-tasks", soft_wrap=True)
        yield Field(_("Tasks (one per line)"), tasks, name="tasks")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#plan-tasks", TextArea).styles.height = 8

    def build(self) -> tuple[Plan, Problems]:
        area = lambda name: self.query_one(f"#plan-{name}", TextArea).text  # noqa: E731
        plan = dataclasses.replace(
            self.plan,
            theme=" ".join(area("theme").split()),
            goal=area("goal").strip(),
            tasks=[line.strip() for line in area("tasks").splitlines() if line.strip()],
        )
        return plan, self.store.plans.plans.validate(plan)

    def store_save(self, record: Plan) -> Plan:
        return self.store.plans.save_plan(record)


class ApprovalForm(FormScreen[Plan]):
    """Who approved the plan and when (БЕКИТЕМ), and with whom it was agreed (МАКУЛДАШЫЛДЫ)."""

    DEFAULT_CSS = _FORM_CSS

    def __init__(self, store: Store, plan: Plan, year: AcademicYear) -> None:
        super().__init__()
        self.store = store
        self.plan = plan
        self.year = year
        self.form_title = _("Approval of the plan")

    def compose_fields(self) -> ComposeResult:
        plan = self.plan
        settings = self.store.settings()
        by = plan.approved_by or ("" if plan.approved_on else settings.director)
        position = plan.approved_position or _("School director")
        deputies = SuggestFromList([d.name for d in settings.deputies], case_sensitive=False)
        positions = SuggestFromList([d.position for d in settings.deputies], case_sensitive=False)
        deadline = format_date(approval_deadline(self.year), long=False)
        yield Static(_("The director approves the plan within 5 days of the year's start: by {date}.").format(
            date=deadline), classes="hint")
        yield Static(_("I APPROVE"), classes="section")
        yield Field(_("Approved by"), Input(by, id="plan-approved_by"), name="approved_by")
        yield Field(_("Position"), Input(position, id="plan-approved_position"), name="approved_position")
        yield Field(_("Approved on"), date_input(plan.approved_on, id="plan-approved_on"), name="approved_on")
        yield Static(_("AGREED"), classes="section")
        yield Field(_("Agreed with"), Input(plan.agreed_by, suggester=deputies, id="plan-agreed_by"), name="agreed_by")
        yield Field(_("Position"), Input(plan.agreed_position, suggester=positions, id="plan-agreed_position"),
                    name="agreed_position")
        yield Field(_("Agreed on"), date_input(plan.agreed_on, id="plan-agreed_on"), name="agreed_on")

    def build(self) -> tuple[Plan, Problems]:
        text = lambda name: " ".join(self.query_one(f"#plan-{name}", Input).value.split())  # noqa: E731
        plan = dataclasses.replace(
            self.plan,
            approved_by=text("approved_by"),
            approved_position=text("approved_position"),
            approved_on=read_date(self.query_one("#plan-approved_on", Input)),
            agreed_by=text("agreed_by"),
            agreed_position=text("agreed_position"),
            agreed_on=read_date(self.query_one("#plan-agreed_on", Input)),
        )
        if not plan.approved_by and plan.approved_on is None:
            plan.approved_position = ""  # nothing approved: the default position is not kept
        return plan, self.store.plans.plans.validate(plan)

    def store_save(self, record: Plan) -> Plan:
        return self.store.plans.save_plan(record)
