"""Mentoring: young teachers without a mentor first, then the association's pairs."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ubtui.domain.mentoring import LogEntry, plan_progress, quiet_pairs, status_label
from ubtui.domain.sessions import short_name
from ubtui.errors import UserError
from ubtui.i18n import N_, _, format_date
from ubtui.screens.log_entry_form import LogEntryForm
from ubtui.screens.mentorship_detail import MentorshipScreen
from ubtui.screens.mentorship_form import MentorshipForm
from ubtui.screens.printing import PrintsPdf
from ubtui.screens.reloading import FillsWhenBack
from ubtui.widgets.cells import Table
from ubtui.widgets.cells import cut as fit
from ubtui.widgets.keys import key

YOUNG = "young:"


class MentoringScreen(FillsWhenBack, PrintsPdf, Screen[None]):
    DEFAULT_CSS = """
    #pairs { height: 1fr; }
    #mentoring-scope { height: 2; }
    """
    BINDINGS = [
        key("escape", "app.pop_screen", N_("Back")),
        key("f2,n,т", "new", N_("Pair / new pair")),
        key("l,д", "add_log", N_("Add a log entry")),
        key("a,ф", "toggle_scope", N_("Association / school")),
        key("i,ш", "toggle_finished", N_("Finished pairs")),
        key("p,з", "print", N_("Print")),
    ]
    AUTO_FOCUS = "#pairs"

    def __init__(self) -> None:
        super().__init__()
        self.whole_school = False
        self.show_finished = True

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="list-screen"):
            yield Static("", id="mentoring-scope")
            yield Table(id="pairs", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#pairs", DataTable)
        table.add_column(_("Young teacher"), key="young", width=22)
        table.add_column(_("Mentor"), key="mentor", width=15)
        table.add_column(_("Plan"), key="plan", width=5)
        table.add_column(_("Last entry"), key="last", width=12)
        table.add_column(_("Status"), key="status", width=10)
        self.reload()

    @property
    def association_id(self) -> str | None:
        association = self.app.association
        return None if self.whole_school or association is None else association.id

    def reload(self) -> None:
        app = self.app
        store = app.store
        names = store.mentoring.names()
        alone = store.mentoring.young_without_mentor(self.association_id, app.today)
        pairs = store.mentoring.of(self.association_id, include_finished=self.show_finished)
        quiet = {p.id for p in quiet_pairs(pairs, app.today)}
        where = _("the whole school") if self.association_id is None else (app.association.name if app.association else "")
        self.query_one("#mentoring-scope", Static).update(
            _("Mentoring: {where}. Young teachers without a mentor: {n}.").format(where=where, n=len(alone))
            + "\n" + _("Enter on a young teacher pairs them with a mentor; Enter on a pair opens it.")
        )
        table = self.query_one("#pairs", DataTable)
        selected = self._selected()
        with app.batch_update():
            table.clear()
            for teacher in alone:
                table.add_row(fit("! " + teacher.full_name, 22), fit(_("no mentor"), 15), "", "", "", key=YOUNG + teacher.id)
            for pair in pairs:
                done, total = plan_progress(pair)
                last = pair.last_log_date()
                mark = "! " if pair.id in quiet else ""
                table.add_row(
                    fit(names.get(pair.young_id, "?"), 22), fit(short_name(names.get(pair.mentor_id, "?")), 15), f"{done}/{total}",
                    mark + (format_date(last, long=False) if last else "—"), fit(status_label(pair.status), 10), key=pair.id,
                )
        if selected is not None:
            for index, row_key in enumerate(table.rows):
                if row_key.value == selected:
                    table.move_cursor(row=index)

    def _selected(self) -> str | None:
        table = self.query_one("#pairs", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _saved(self, saved: object) -> None:
        if saved is not None:
            self.reload()
            self.notify(_("Saved."))

    def pair_young(self, teacher_id: str) -> None:
        """Open a new pair for this young teacher, starting today."""
        pair = self.app.store.mentoring.new(young_id=teacher_id, today=self.app.today)
        self.app.push_screen(MentorshipForm(self.app.store, pair, new=True), self._saved)

    def action_new(self) -> None:
        selected = self._selected() or ""
        self.pair_young(selected[len(YOUNG):] if selected.startswith(YOUNG) else "")

    @on(DataTable.RowSelected, "#pairs")
    def _open(self, event: DataTable.RowSelected) -> None:
        row = str(event.row_key.value)
        if row.startswith(YOUNG):
            self.pair_young(row[len(YOUNG):])
        else:
            self.app.push_screen(MentorshipScreen(row))

    def action_add_log(self) -> None:
        selected = self._selected()
        if not selected or selected.startswith(YOUNG):
            self.notify(_("Choose a pair first."), severity="warning")
            return
        store = self.app.store
        pair = store.mentoring.get(selected)
        names = store.mentoring.names()

        def add(entry: LogEntry | None) -> None:
            if entry is None:
                return
            try:
                store.mentoring.add_log_entry(pair.id, entry)
            except UserError as error:
                self.notify(str(error), severity="error")
                return
            self._saved(entry)

        subtitle = f"{short_name(names.get(pair.mentor_id, '?'))} – {short_name(names.get(pair.young_id, '?'))}"
        self.app.push_screen(LogEntryForm(LogEntry(date=self.app.today), subtitle), add)

    def action_toggle_scope(self) -> None:
        self.whole_school = not self.whole_school
        self.reload()

    def action_toggle_finished(self) -> None:
        self.show_finished = not self.show_finished
        self.reload()

    def action_print(self) -> None:
        """The selected pair, or every active pair of the association."""
        from ubtui.reports import Options, default_file_name
        from ubtui.reports.mentoring import mentoring_book, render_mentoring_pdf

        app = self.app
        selected = self._selected() or ""
        one = selected if selected and not selected.startswith(YOUNG) else None
        association = "all" if self.association_id is None else self.association_id
        options = Options(year=app.year.id if app.year else None, association=association, teacher=one, today=app.today)
        try:
            book = mentoring_book(app.store, options)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.print_pdf(lambda: render_mentoring_pdf(book), default_file_name("mentoring", app.store, options))
