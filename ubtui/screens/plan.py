"""The year's work plan of the chosen association (F5): theme on top, items by section below.

Filters make the monthly plan (seed 001 §6.8: what falls in this month), the
list of one status (or overdue), or one person's items.  `d` then Enter marks
the highlighted item done.
"""

from __future__ import annotations


from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static

from ubtui.domain.collation import name_key
from ubtui.domain.plans import (
    DONE,
    NOT_DONE,
    OVERDUE,
    PARTLY,
    SCHOOL_MONTHS,
    STATUSES,
    Plan,
    PlanItem,
    approval_state,
    completion,
    filter_items,
    format_due,
    is_overdue,
    month_label,
    ordered_sections,
    responsible_key_role,
    responsible_key_teacher,
    section_number,
    section_title,
    status_label,
    status_text,
)
from ubtui.domain.years import AcademicYear
from ubtui.errors import UserError
from ubtui.screens.editing import EditsTheYear, edits
from ubtui.i18n import N_, _, ngettext
from ubtui.screens.printing import PrintsPdf, printer_binding
from ubtui.domain.compliance import approval_text
from ubtui.screens.reloading import FillsWhenBack
from ubtui.store.plans import PlanExists
from ubtui.widgets.cells import Table
from ubtui.widgets.fields import plain_options
from ubtui.widgets.keys import key

ALL = "all"
SECTION_ROW = "section:"
# Short statuses for the narrow column; a planned item not yet due shows nothing.
STATUS_SHORT = {
    "done": N_("done"),
    "partly": N_("partly"),
    "not_done": N_("not done"),
    "moved": N_("moved"),
}
STATUS_STYLES = {DONE: "green", PARTLY: "yellow", NOT_DONE: "red", "moved": "cyan", OVERDUE: "bold red"}
FIXED_COLUMNS = {"number": 2, "due": 11, "responsible": 12, "status": 14}


class PlanScreen(FillsWhenBack, EditsTheYear, PrintsPdf, Screen[None]):
    DEFAULT_CSS = """
    #plan-screen { padding: 0 1; }
    #plan-head { height: 3; }
    .plan-line { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    #plan-state { height: 1; text-wrap: nowrap; text-overflow: ellipsis; color: $text-muted; }
    #plan-filters { height: 1; }
    #plan-filters Select { width: 1fr; margin-right: 1; }
    #plan-items { height: 1fr; }
    #plan-detail { height: 3; color: $text-muted; }
    """
    BINDINGS = [
        key("escape", "app.pop_screen", N_("Back")),
        key("f2,n,т", "new_item", N_("New")),
        key("d,в", "mark_done", N_("Done")),
        key("s,ы", "fulfilment", N_("Status"), show=False),
        key("e,у", "edit_item", N_("Edit"), show=False),
        key("delete", "delete_item", N_("Delete"), show=False),
        Binding("ctrl+up,shift+up", "move(-1)", N_("Move up"), show=False, key_display="Ctrl+↑"),
        Binding("ctrl+down,shift+down", "move(1)", N_("Move down"), show=False, key_display="Ctrl+↓"),
        key("m,ь", "this_month", N_("This month")),
        key("c,с", "start_plan", N_("Start plan"), show=False),
        key("t,е", "edit_head", N_("Theme"), show=False),
        key("a,ф", "approval", N_("Approval"), show=False),
        key("p,з", "print_plan", N_("Print")),
        key("k,л", "print_clean", N_("Clean copy"), show=False),
        printer_binding(),
    ]
    AUTO_FOCUS = "#plan-items"

    def __init__(self, status: str = ALL) -> None:
        """`status`: the status filter it opens with (OVERDUE from the home screen's line)."""
        super().__init__()
        self._initial_status = status
        self.plan: Plan | None = None
        self.items: list[PlanItem] = []
        self._shown: list[PlanItem] = []

    # --- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="plan-screen"):
            with Vertical(id="plan-head"):
                yield Static("", id="plan-theme", classes="plan-line", markup=False)
                yield Static("", id="plan-goal", classes="plan-line", markup=False)
                yield Static("", id="plan-tasks", classes="plan-line", markup=False)
            yield Static("", id="plan-state", markup=False)
            with Horizontal(id="plan-filters"):
                months = [(_("All months"), ALL)] + [(month_label(m), str(m)) for m in SCHOOL_MONTHS]
                yield Select(months, value=ALL, allow_blank=False, prompt=_("Select"), compact=True, id="filter-month")
                statuses = [(_("All statuses"), ALL)] + [(status_label(s), s) for s in STATUSES]
                statuses.append((_("overdue"), OVERDUE))
                yield Select(statuses, value=self._initial_status, allow_blank=False, prompt=_("Select"), compact=True,
                             id="filter-status")
                yield Select([(_("Everyone"), ALL)], value=ALL, allow_blank=False, prompt=_("Select"), compact=True,
                             id="filter-who")
            yield Table(id="plan-items", cursor_type="row", zebra_stripes=True)
            yield Static("", id="plan-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        if getattr(self.app, "console_mode", False):
            # The console theme boxes every SelectCurrent; the one-line filters have no room for a box.
            for current in self.query("#plan-filters SelectCurrent"):
                current.set_styles("border: none;")
        self._add_columns()
        self.reload()

    def on_resize(self) -> None:
        # The first layout sends a resize too: the columns are rebuilt only for another width.
        if self.is_mounted and self._content_width() != self._columns_for:
            self._add_columns()
            self.reload()

    def _content_width(self) -> int:
        width = self.size.width or 80
        # screen padding 2, scrollbar 2, one padding cell each side of every column; plain mode's border 2
        border = 2 if getattr(self.app, "plain", False) else 0
        return max(16, width - 2 - 2 - border - 2 * 5 - sum(FIXED_COLUMNS.values()))

    _columns_for = 0  # the width the columns were made for

    def _add_columns(self) -> None:
        table = self.query_one("#plan-items", DataTable)
        table.clear(columns=True)
        self._columns_for = self._content_width()
        table.add_column("№", key="number", width=FIXED_COLUMNS["number"])
        table.add_column(_("Contents of the work"), key="content", width=self._columns_for)
        table.add_column(_("When"), key="due", width=FIXED_COLUMNS["due"])
        table.add_column(_("Who"), key="responsible", width=FIXED_COLUMNS["responsible"])
        table.add_column(_("Status"), key="status", width=FIXED_COLUMNS["status"])

    # --- context -------------------------------------------------------------------------------

    @property
    def year(self) -> AcademicYear | None:
        return self.app.year

    def _writable(self) -> bool:
        return not self.app.store.read_only and self.year is not None and not self.year.closed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A read-only file or a closed year keeps the keys: pressing one says why nothing can change (@edits).
        editing = ("new_item", "mark_done", "fulfilment", "edit_item", "delete_item", "move", "edit_head", "approval")
        if action in editing:
            return self.year is not None and self.plan is not None
        if action == "start_plan":
            return self.year is not None and self.app.association is not None
        if action in ("print_plan", "print_clean", "this_month"):
            return self.plan is not None
        return True

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        app = self.app
        store = app.store
        year, association = self.year, app.association
        self.plan = store.plans.find(association.id, year.id) if year and association else None
        self.items = store.plans.items_of(self.plan) if self.plan else []
        self._fill_head()
        self._fill_people()
        self._fill_table()
        self.refresh_bindings()

    def _fill_head(self) -> None:
        app = self.app
        plan, year, association = self.plan, self.year, app.association
        theme = self.query_one("#plan-theme", Static)
        goal = self.query_one("#plan-goal", Static)
        tasks = self.query_one("#plan-tasks", Static)
        state = self.query_one("#plan-state", Static)
        if year is None or association is None:
            theme.update(_("Choose an academic year (F7) and an association (F8) first."))
            for widget in (goal, tasks, state):
                widget.update("")
            return
        if plan is None:
            theme.update(Text(_("«{name}» has no work plan for {year} yet.").format(name=association.name,
                                                                                   year=year.label), style="bold"))
            goal.update(_("C: start it from the regulation's template (sections I–IV) or from last year's plan."))
            tasks.update("")
            text, _level = approval_text(approval_state(None, year, app.today), None, year)
            state.update(_("Work plan: {state}").format(state=text))
            return
        theme.update(_label(_("Theme:"), plan.theme or _("(not set: T)")))
        goal.update(_label(_("Goal:"), plan.goal or "—"))
        task_text = "  ".join(f"{n}) {t}" for n, t in enumerate(plan.tasks, 1)) or "—"
        tasks.update(_label(_("Tasks:"), task_text))
        text, level = approval_text(approval_state(plan, year, app.today), plan, year)
        done = completion(self.items, year, app.today)
        parts = [_("Approval: {state}").format(state=text) + " (A)", _("done {figure}").format(figure=done.text())]
        if done.overdue:
            parts.append(_("overdue: {n}").format(n=done.overdue))
        if year.closed:
            parts.append(_("archive, read-only"))
        line = Text(" · ".join(parts))
        if level in ("warning", "error"):
            line.stylize("yellow" if level == "warning" else "red", 0, len(parts[0]))
        state.update(line)

    def _fill_people(self) -> None:
        """The responsible filter offers the roles and teachers the plan's items name."""
        names = self.app.store.plans.teacher_names(self.plan)
        roles: dict[str, str] = {}
        teachers: dict[str, str] = {}
        for item in self.items:
            for role in item.roles:
                roles.setdefault(responsible_key_role(role), role.strip())
            for teacher_id in item.teacher_ids:
                teachers.setdefault(responsible_key_teacher(teacher_id), names.get(teacher_id, "?"))
        options = [(_("Everyone"), ALL)] + sorted(((v, k) for k, v in roles.items()), key=lambda o: name_key(o[0]))
        options += sorted(((v, k) for k, v in teachers.items()), key=lambda o: name_key(o[0]))
        select = self.query_one("#filter-who", Select)
        current = select.value
        with self.prevent(Select.Changed):
            select.set_options(plain_options(options))
            select.value = current if any(value == current for _label, value in options) else ALL

    def _filters(self) -> dict[str, object]:
        month = self.query_one("#filter-month", Select).value
        status = self.query_one("#filter-status", Select).value
        who = self.query_one("#filter-who", Select).value
        return {
            "month": None if month == ALL else int(str(month)),
            "status": None if status == ALL else str(status),
            "responsible": None if who == ALL else str(who),
        }

    def _fill_table(self) -> None:
        app = self.app
        table = self.query_one("#plan-items", DataTable)
        current = self._selected_key()
        year = self.year
        names = app.store.plans.teacher_names(self.plan)
        shown = filter_items(self.items, year, app.today, **self._filters()) if (self.plan and year) else []
        self._shown = shown
        with app.batch_update():
            table.clear()
            if self.plan is not None and year is not None:
                sections = ordered_sections(self.plan, self.items)
                numbers: dict[str, int] = {}
                counters: dict[str, int] = {}
                for item in self.items:
                    counters[item.section] = numbers[item.id] = counters.get(item.section, 0) + 1
                for section in sections:
                    members = [i for i in shown if i.section == section]
                    if not members and any(self._filters().values()):
                        continue
                    all_in = [i for i in self.items if i.section == section]
                    if not all_in and section not in ("I", "II", "III", "IV"):
                        continue
                    done = completion(all_in, year, app.today)
                    table.add_row(
                        Text(section_number(section, sections), style="bold"),
                        Text(section_title(section), style="bold"),
                        "",
                        "",
                        Text(f"{done.done}/{done.total}", style="bold"),
                        key=SECTION_ROW + section,
                    )
                    for item in members:
                        table.add_row(
                            str(numbers[item.id]),
                            _one_line(item.content),
                            format_due(item.effective_due()),
                            app.store.plans.responsible_text(item, names),
                            self._status_cell(item, year),
                            key=item.id,
                        )
            if current is not None:
                try:
                    table.move_cursor(row=table.get_row_index(current))
                except Exception:  # filtered out or deleted
                    pass
        self._show_detail()

    def _status_cell(self, item: PlanItem, year: AcademicYear) -> Text:
        if is_overdue(item, year, self.app.today):
            return Text("! " + _("past due"), style=STATUS_STYLES[OVERDUE])
        if item.status not in STATUS_SHORT:
            return Text("")
        mark = {DONE: "+ ", PARTLY: "~ ", NOT_DONE: "- "}.get(item.status, "> ")
        return Text(mark + _(STATUS_SHORT[item.status]), style=STATUS_STYLES.get(item.status, ""))

    # --- the highlighted row -----------------------------------------------------------------------

    def _selected_key(self) -> str | None:
        table = self.query_one("#plan-items", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _selected_item(self) -> PlanItem | None:
        row = self._selected_key()
        if row is None or row.startswith(SECTION_ROW):
            return None
        return next((i for i in self.items if i.id == row), None)

    def _selected_section(self) -> str:
        row = self._selected_key()
        if row is not None and row.startswith(SECTION_ROW):
            return row[len(SECTION_ROW):]
        item = self._selected_item()
        return item.section if item is not None else "I"

    @on(DataTable.RowHighlighted, "#plan-items")
    def _show_detail(self) -> None:
        detail = self.query_one("#plan-detail", Static)
        item = self._selected_item()
        if item is None:
            row = self._selected_key()
            if row is not None and row.startswith(SECTION_ROW):
                section = row[len(SECTION_ROW):]
                detail.update(section_title(section) + "\n" + _("Enter: a new item in this section"))
            elif self.plan is not None and not self.items:
                detail.update(_("The plan has no items yet: F2 adds one."))
            else:
                detail.update("")
            return
        names = self.app.store.plans.teacher_names(self.plan)
        lines = [_one_line(item.content)]
        facts = [
            _("Due: {due}").format(due=format_due(item.due)),
            _("Responsible: {who}").format(who=self.app.store.plans.responsible_text(item, names) or "—"),
            status_text(item) + (f" {item.done_on.strftime('%d.%m.%Y')}" if item.done_on else ""),
        ]
        if item.note:
            facts.append(_one_line(item.note))
        detail.update(Text(lines[0] + "\n" + " · ".join(facts), overflow="ellipsis"))

    # --- filters --------------------------------------------------------------------------------------

    @on(Select.Changed, "#plan-filters Select")
    def _filter_changed(self) -> None:
        self._fill_table()

    def action_this_month(self) -> None:
        """The monthly plan: what falls in this month; again, every month."""
        select = self.query_one("#filter-month", Select)
        this = str(self.app.today.month)
        select.value = ALL if select.value == this else this

    # --- starting the plan ------------------------------------------------------------------------------

    @edits
    def action_start_plan(self) -> None:
        from ubtui.i18n import get_language
        from ubtui.screens.pickers import PickScreen

        app = self.app
        year, association = self.year, app.association
        if year is None or association is None:
            return
        languages = ["ky", "ru"] if get_language() == "ky" else ["ru", "ky"]
        labels = {"ky": _("From the regulation's template, in Kyrgyz"), "ru": _("From the regulation's template, in Russian")}
        choices = [(f"template-{code}", labels[code]) for code in languages]
        previous = app.store.plans.previous(association.id, year)
        if previous is not None:
            label = app.store.plans.year_of(previous).label
            choices.append(("copy", _("Copy the plan of {year} (dates a year later, statuses reset)").format(year=label)))
        choices.append(("empty", _("An empty plan")))

        def chosen(how: str | None) -> None:
            if how:
                self._start(how, replace=False)

        app.push_screen(PickScreen(_("Start the work plan of {year}").format(year=year.label), choices), chosen)

    def _start(self, how: str, *, replace: bool) -> None:
        from ubtui.screens.confirm import ConfirmScreen

        app = self.app
        year, association = self.year, app.association
        assert year is not None and association is not None
        plans = app.store.plans
        try:
            if how.startswith("template-"):
                plans.start_from_template(association.id, year.id, language=how.removeprefix("template-"),
                                          replace=replace)
            elif how == "copy":
                plans.copy_previous(association.id, year.id, replace=replace)
            else:
                plans.start_empty(association.id, year.id)
        except PlanExists as exists:
            if how == "empty":
                self.notify(str(exists), severity="warning")
                return

            def answered(yes: bool | None) -> None:
                if yes:
                    self._start(how, replace=True)

            question = str(exists) + "\n" + _("Replace it? Its items and their marks will be deleted.")
            app.push_screen(ConfirmScreen(question, yes=_("Replace")), answered)
            return
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.reload()
        app.context_changed()
        count = len(self.items)
        self.notify(ngettext("The plan is started: {n} item.", "The plan is started: {n} items.", count).format(n=count))

    # --- items -------------------------------------------------------------------------------------------

    def _after_save(self, saved: object) -> None:
        if saved is None:
            return
        if isinstance(saved, PlanItem):
            self.reload()
            table = self.query_one("#plan-items", DataTable)
            try:
                table.move_cursor(row=table.get_row_index(saved.id))
            except Exception:
                pass
        else:
            self.reload()
        self.app.context_changed()
        self.notify(_("Saved."))

    @edits
    def action_new_item(self) -> None:
        from ubtui.screens.plan_forms import PlanItemForm

        if self.plan is None or self.year is None:
            return
        form = PlanItemForm(self.app.store, self.plan, self.year, section=self._selected_section(), today=self.app.today)
        self.app.push_screen(form, self._after_save)

    @edits
    def action_edit_item(self) -> None:
        from ubtui.screens.plan_forms import PlanItemForm

        item = self._selected_item()
        if item is None or self.plan is None or self.year is None:
            if self._selected_key() and self._writable():
                self.action_new_item()
            return
        self.app.push_screen(PlanItemForm(self.app.store, self.plan, self.year, item, today=self.app.today),
                             self._after_save)

    @edits
    @on(DataTable.RowSelected, "#plan-items")
    def _row_selected(self) -> None:
        if self._writable() and self.plan is not None:
            self.action_edit_item()

    @edits
    def action_fulfilment(self) -> None:
        from ubtui.screens.plan_forms import FulfilmentForm

        item = self._selected_item()
        if item is None or self.year is None:
            return
        self.app.push_screen(FulfilmentForm(self.app.store, item, self.year, today=self.app.today), self._after_save)

    @edits
    def action_mark_done(self) -> None:
        from ubtui.screens.plan_forms import DoneScreen

        item = self._selected_item()
        if item is None:
            return

        def noted(note: str | None) -> None:
            if note is None:
                return
            try:
                saved = self.app.store.plans.mark(item.id, DONE, note=note, done_on=self.app.today)
            except UserError as error:
                self.notify(str(error), severity="error")
                return
            self._after_save(saved)

        self.app.push_screen(DoneScreen(item), noted)

    @edits
    def action_delete_item(self) -> None:
        from ubtui.screens.confirm import ConfirmScreen

        item = self._selected_item()
        if item is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.store.plans.delete_item(item.id)
            except UserError as error:
                self.notify(str(error), severity="error")
                return
            self.reload()
            self.app.context_changed()
            self.notify(_("Deleted."))

        question = _("Delete the item «{item}»?").format(item=_one_line(item.content)[:60])
        self.app.push_screen(ConfirmScreen(question, yes=_("Delete")), answered)

    @edits
    def action_move(self, delta: int) -> None:
        item = self._selected_item()
        if item is None:
            return
        try:
            moved = self.app.store.plans.move_item(item.id, delta)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        if moved:
            self.reload()

    # --- the plan's heading, approval and printing -----------------------------------------------------

    @edits
    def action_edit_head(self) -> None:
        from ubtui.screens.plan_forms import PlanHeadForm

        if self.plan is not None:
            self.app.push_screen(PlanHeadForm(self.app.store, self.plan), self._after_save)

    @edits
    def action_approval(self) -> None:
        from ubtui.screens.plan_forms import ApprovalForm

        if self.plan is not None and self.year is not None:
            self.app.push_screen(ApprovalForm(self.app.store, self.plan, self.year), self._after_save)

    def action_print_clean(self) -> None:
        """A clean copy to sign: no fulfilment column, no marks."""
        self.action_print_plan(clean=True)

    def action_print_plan(self, clean: bool = False) -> None:
        """The plan as PDF (the monthly plan when a month is chosen), laid out in a worker."""
        from ubtui.reports import Options
        from ubtui.reports.plan import plan_scope, render_plan_pdf

        app = self.app
        if self.plan is None or self.year is None or app.association is None:
            return
        month = self._filters()["month"]
        options = Options(year=self.year.id, association=app.association.id, month=month,  # type: ignore[arg-type]
                          today=app.today, clean=clean)
        try:
            scope = plan_scope(app.store, options)  # read here: the store is touched from this thread only
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        stem = f"plan_{self.year.label}" + (f"_{month:02d}" if month else "")  # type: ignore[str-format]
        stem += "_clean" if clean else ""
        self.print_pdf(lambda: render_plan_pdf(scope), f"{stem}.pdf")

def _one_line(text: str) -> str:
    return " ".join(text.split())


def _label(label: str, text: str) -> Text:
    result = Text(label + " ", style="bold")
    result.append(_one_line(text))
    return result
