"""One mentoring pair: the order and period, its plan and its log."""

from __future__ import annotations

import dataclasses

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ubtui.domain.mentoring import LogEntry, MentorPlanItem, Mentorship, log_kind_label, status_label
from ubtui.errors import UserError
from ubtui.i18n import N_, _, format_date
from ubtui.reports.mentoring import order_text
from ubtui.screens.confirm import ConfirmScreen
from ubtui.screens.log_entry_form import LogEntryForm
from ubtui.screens.mentor_plan_form import MentorPlanItemForm
from ubtui.screens.mentorship_form import MentorshipForm
from ubtui.screens.printing import PrintsPdf
from ubtui.widgets.cells import Table
from ubtui.widgets.cells import cut as fit
from ubtui.widgets.keys import key


class MentorshipScreen(PrintsPdf, Screen[None]):
    DEFAULT_CSS = """
    #pair-info { height: 4; }
    #pair-plan { height: 1fr; }
    #pair-log { height: 1fr; }
    """
    BINDINGS = [
        key("escape", "app.pop_screen", N_("Back")),
        key("e,у", "edit", N_("Edit")),
        key("f2,l,д", "add_log", N_("Add a log entry")),
        key("t,е", "add_plan", N_("New plan item")),
        key("space", "toggle_done", N_("Done / not done")),
        key("delete", "delete", N_("Delete")),
        key("p,з", "print", N_("Print")),
    ]
    AUTO_FOCUS = "#pair-log"

    def __init__(self, pair_id: str) -> None:
        super().__init__()
        self.pair_id = pair_id

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="detail"):
            yield Static("", id="pair-info")
            yield Table(id="pair-plan", cursor_type="row", zebra_stripes=True)
            yield Table(id="pair-log", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        plan = self.query_one("#pair-plan", DataTable)
        plan.add_column(_("Plan of the pair"), key="activity", width=44)
        plan.add_column(_("When"), key="when", width=16)
        plan.add_column(_("Done"), key="done", width=6)
        log = self.query_one("#pair-log", DataTable)
        log.add_column(_("Date"), key="date", width=10)
        log.add_column(_("Kind"), key="kind", width=22)
        log.add_column(_("Note"), key="note", width=36)
        self.reload()

    @property
    def pair(self) -> Mentorship:
        return self.app.store.mentoring.get(self.pair_id)

    def reload(self) -> None:
        store = self.app.store
        pair = self.pair
        names = store.mentoring.names()
        mentor, young = names.get(pair.mentor_id, "?"), names.get(pair.young_id, "?")
        lines = [
            "[b]" + escape(_("Mentor: {name}").format(name=mentor)) + "[/b] · " + escape(status_label(pair.status)),
            "[b]" + escape(_("Young teacher: {name}").format(name=young)) + "[/b]",
            escape(order_text(pair)),
            escape(_("Final report: {state}").format(state=_("written") if pair.report.strip() else _("not written yet"))),
        ]
        self.query_one("#pair-info", Static).update("\n".join(lines))
        plan = self.query_one("#pair-plan", DataTable)
        log = self.query_one("#pair-log", DataTable)
        with self.app.batch_update():
            plan.clear()
            for item in pair.plan:
                plan.add_row(fit(item.activity, 44), fit(item.when, 16), "+" if item.done else "-", key=item.id)
            log.clear()
            for entry in reversed(pair.sorted_log()):  # the newest first
                log.add_row(format_date(entry.date, long=False), fit(log_kind_label(entry.kind), 22), fit(entry.note, 36), key=entry.id)
        self.title = f"{mentor} – {young}"

    def _selected(self, table: DataTable) -> str | None:
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _run(self, change) -> None:  # type: ignore[no-untyped-def]
        try:
            change()
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.reload()
        self.notify(_("Saved."))

    def action_edit(self) -> None:
        def saved(pair: object) -> None:
            if pair is not None:
                self.reload()
                self.notify(_("Saved."))

        self.app.push_screen(MentorshipForm(self.app.store, self.pair), saved)

    def action_add_log(self) -> None:
        def add(entry: LogEntry | None) -> None:
            if entry is not None:
                self._run(lambda: self.app.store.mentoring.add_log_entry(self.pair_id, entry))

        self.app.push_screen(LogEntryForm(LogEntry(date=self.app.today)), add)

    def action_add_plan(self) -> None:
        def add(item: MentorPlanItem | None) -> None:
            if item is not None:
                self._run(lambda: self.app.store.mentoring.save_plan_item(self.pair_id, item))

        self.app.push_screen(MentorPlanItemForm(MentorPlanItem()), add)

    @on(DataTable.RowSelected, "#pair-plan")
    def _edit_plan(self, event: DataTable.RowSelected) -> None:
        item = next(i for i in self.pair.plan if i.id == str(event.row_key.value))

        def edited(changed: MentorPlanItem | None) -> None:
            if changed is not None:
                self._run(lambda: self.app.store.mentoring.save_plan_item(self.pair_id, changed))

        self.app.push_screen(MentorPlanItemForm(dataclasses.replace(item)), edited)

    @on(DataTable.RowSelected, "#pair-log")
    def _edit_log(self, event: DataTable.RowSelected) -> None:
        entry = next(e for e in self.pair.log if e.id == str(event.row_key.value))

        def edited(changed: LogEntry | None) -> None:
            if changed is not None:
                self._run(lambda: self.app.store.mentoring.replace_log_entry(self.pair_id, changed))

        self.app.push_screen(LogEntryForm(dataclasses.replace(entry)), edited)

    def action_toggle_done(self) -> None:
        item_id = self._selected(self.query_one("#pair-plan", DataTable))
        if item_id is not None and self.focused is self.query_one("#pair-plan", DataTable):
            self._run(lambda: self.app.store.mentoring.toggle_plan_item(self.pair_id, item_id))

    def action_delete(self) -> None:
        store = self.app.store
        plan = self.query_one("#pair-plan", DataTable)
        log = self.query_one("#pair-log", DataTable)
        if self.focused is plan and (item_id := self._selected(plan)):
            question, change = _("Delete this plan item?"), lambda: store.mentoring.remove_plan_item(self.pair_id, item_id)
        elif self.focused is log and (entry_id := self._selected(log)):
            question, change = _("Delete this log entry?"), lambda: store.mentoring.remove_log_entry(self.pair_id, entry_id)
        else:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._run(change)

        self.app.push_screen(ConfirmScreen(question, yes=_("Delete")), answered)

    def action_print(self) -> None:
        from ubtui.reports import Options, default_file_name
        from ubtui.reports.mentoring import mentoring_book, render_mentoring_pdf

        app = self.app
        options = Options(teacher=self.pair_id, today=app.today)
        book = mentoring_book(app.store, options)
        self.print_pdf(lambda: render_mentoring_pdf(book), default_file_name("mentoring", app.store, options))
