"""Sessions (F4): the association's sessions of the year, how many were held, printing protocols."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static
from textual.worker import Worker, WorkerState

from ubtui.domain.sessions import Session, kind_label, merge_attendance, missing_parts, status_label
from ubtui.errors import UserError
from ubtui.screens.editing import EditsTheYear, edits
from ubtui.i18n import N_, _, format_date, ngettext
from ubtui.screens.confirm import ConfirmScreen
from ubtui.screens.printing import PrintsPdf, printer_binding
from ubtui.screens.reloading import FillsWhenBack
from ubtui.screens.sessions_decisions import DecisionsScreen
from ubtui.screens.sessions_editor import SessionEditor
from ubtui.widgets.cells import Table
from ubtui.widgets.keys import key

LIST_CSS = """
SessionsScreen #sessions-box { padding: 0 1; }
SessionsScreen #sessions-summary { height: auto; margin-bottom: 1; }
SessionsScreen #sessions { height: 1fr; }
SessionsScreen #print-progress { height: 1; display: none; }
SessionsScreen #print-progress.-busy { display: block; }
"""


class SessionsScreen(FillsWhenBack, EditsTheYear, PrintsPdf, Screen[None]):
    DEFAULT_CSS = LIST_CSS
    AUTO_FOCUS = "#sessions"
    BINDINGS = [
        key("escape", "app.pop_screen", N_("Back"), show=False),
        key("f2,n,т", "new", N_("New")),
        key("e,у", "edit", N_("Edit"), show=False),
        key("delete", "delete", N_("Delete")),
        key("p,з", "print_session", N_("Protocol PDF")),
        key("y,н", "print_year", N_("Year PDF")),
        printer_binding(show=False),
        key("d,в", "decisions", N_("Decisions")),
        key("r,к", "renumber", N_("Renumber"), show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="sessions-box"):
            yield Static("", id="sessions-summary")  # markup: the names in it are escaped
            yield Table(id="sessions", cursor_type="row", zebra_stripes=True)
            yield ProgressBar(id="print-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.add_column("№", key="number", width=3)
        table.add_column(_("Date"), key="date", width=10)
        table.add_column(_("Kind"), key="kind", width=18)
        table.add_column(_("Items"), key="items", width=6)
        table.add_column(_("Status"), key="status", width=10)
        table.add_column(_("Protocol"), key="protocol")
        self.reload()

    # --- the list ----------------------------------------------------------------------------------

    def sessions(self) -> list[Session]:
        app = self.app
        if app.year is None or app.association is None:
            return []
        return app.store.sessions.of(app.association.id, app.year.id)

    def reload(self) -> None:
        app = self.app
        table = self.query_one("#sessions", DataTable)
        current = self._selected()
        sessions = self.sessions()
        with app.batch_update():
            table.clear()
            for session in sessions:
                missing = missing_parts(session)
                table.add_row(
                    str(session.number),
                    format_date(session.date, long=False),
                    kind_label(session.kind),
                    str(len(session.agenda)),
                    status_label(session.status),
                    _("complete") if not missing else _("lacks: {what}").format(what="; ".join(missing)),
                    key=session.id,
                )
            if current is not None and current in {s.id for s in sessions}:
                table.move_cursor(row=table.get_row_index(current))
        self.query_one("#sessions-summary", Static).update(self._summary())
        self.refresh_bindings()

    def _summary(self) -> str:
        from rich.markup import escape

        app = self.app
        if app.association is None:
            return _("There is no association yet: add one in Settings (F9).")
        if app.year is None:
            return _("There is no academic year yet: add one in Settings (F9).")
        figures = app.store.sessions.figures(app.association.id, app.year.id, app.today)
        held = _("Held {n} of {m}").format(n=figures.held, m=figures.required)
        held = f"[b]{held}[/b]" if figures.sessions_ok else f"[b $warning]{held}[/b $warning]"
        parts = [
            held,
            _("practical seminars {n} of {m}").format(n=figures.seminars, m=figures.seminars_required),
            ngettext("{n} decision overdue", "{n} decisions overdue", figures.overdue).format(n=figures.overdue),
        ]
        head = escape(f"{app.association.name} · {app.year.label}")
        if app.year.closed:
            head += " · " + escape(_("closed (archive)"))
        return head + "\n" + " · ".join(parts)

    def _selected(self) -> str | None:
        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        app = self.app
        ready = app.year is not None and app.association is not None
        if action == "new":
            return ready
        if action in ("edit", "delete", "print_session"):
            return ready and self.query_one("#sessions", DataTable).row_count > 0 or None
        if action in ("print_year", "decisions", "renumber"):
            return ready or None
        return True

    # --- opening the editor -----------------------------------------------------------------------

    def _open(self, session: Session) -> None:
        app = self.app
        if session.status == "draft" and app.association is not None:  # members who joined since are listed
            session.attendance = merge_attendance(session.attendance, app.association.members)
        people, teachers = app.store.sessions.people_for(session)
        app.push_screen(SessionEditor(session, people=people, teachers=teachers), self._edited)

    def _edited(self, saved: bool | None) -> None:
        self.reload()
        if saved:
            self.app.context_changed()

    @edits
    def action_new(self) -> None:
        app = self.app
        if app.year is None or app.association is None:
            return
        self._open(app.store.sessions.new(app.association, app.year, app.today))

    @edits
    def action_edit(self) -> None:
        if (session_id := self._selected()) is not None:
            self._open(self.app.store.sessions.get(session_id))

    @on(DataTable.RowSelected, "#sessions")
    def _row_chosen(self) -> None:
        self.action_edit()

    @edits
    def action_delete(self) -> None:
        session_id = self._selected()
        if session_id is None:
            return
        session = self.app.store.sessions.get(session_id)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.store.sessions.delete(session_id)
            except UserError as error:
                self.notify(str(error), severity="error")
                return
            self.reload()
            self.app.context_changed()
            self.notify(_("Deleted. The other sessions keep their numbers (R renumbers them)."))

        question = _("Delete session №{n} of {date} with its whole protocol?").format(
            n=session.number, date=format_date(session.date, long=False) or "—")
        self.app.push_screen(ConfirmScreen(question, yes=_("Delete")), answered)

    @edits
    def action_renumber(self) -> None:
        app = self.app
        if app.year is None or app.association is None:
            return
        association_id, year_id = app.association.id, app.year.id

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                app.store.sessions.renumber(association_id, year_id)
            except UserError as error:
                self.notify(str(error), severity="error")
                return
            self.reload()
            self.notify(_("The sessions are numbered 1, 2, … by date."))

        self.app.push_screen(
            ConfirmScreen(_("Number the sessions of this year again, 1, 2, … in order of their dates?"), yes=_("Renumber")),
            answered,
        )

    def action_decisions(self) -> None:
        self.app.push_screen(DecisionsScreen())

    # --- printing ---------------------------------------------------------------------------------------

    def action_print_session(self) -> None:
        session_id = self._selected()
        if session_id is not None:
            self._print([self.app.store.sessions.get(session_id)])

    def action_print_year(self) -> None:
        if not self.sessions():
            self.notify(_("There are no sessions to print in this year."), severity="warning")
            return
        self._print(None)

    def _print(self, sessions: list[Session] | None) -> None:
        """Read the data here (the store belongs to this thread), lay the PDF out in a worker."""
        from ubtui.reports.protocol import protocol_book
        from ubtui.screens.printing import pdf_folder

        app = self.app
        if app.year is None or app.association is None:
            return
        book = protocol_book(app.store, app.association, app.year, sessions)
        if sessions is None:
            name = f"protocols_{app.year.label}.pdf"
        else:
            name = f"protocol-{sessions[0].number}_{app.year.label}.pdf"
        bar = self.query_one("#print-progress", ProgressBar)
        bar.update(total=max(1, len(book.sessions)) + 1, progress=0)
        bar.add_class("-busy")
        self.notify(_("Preparing the PDF…"), timeout=3)
        self._build_pdf(book, pdf_folder(), name)

    @work(thread=True, exclusive=True, exit_on_error=False, group="print")
    def _build_pdf(self, book: object, folder: Path, name: str) -> Path:
        from ubtui.reports.protocol import render_protocols
        from ubtui.screens.printing import save_pdf

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, done)

        return save_pdf(folder, name, render_protocols(book, progress))  # type: ignore[arg-type]

    def _progress(self, done: int) -> None:
        self.query_one("#print-progress", ProgressBar).update(progress=done)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "print" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self.query_one("#print-progress", ProgressBar).remove_class("-busy")
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            message = str(error) if isinstance(error, UserError) else _("The PDF could not be made: {error}").format(error=error)
            self.notify(message, severity="error", timeout=10)
            return
        from ubtui.screens.printing import open_with_viewer

        path = event.worker.result
        self.last_pdf = path
        hint = " " + _("(o: to the printer)")
        if open_with_viewer(path):
            self.notify(_("The PDF is open: {path}").format(path=path) + hint, timeout=8)
        else:
            self.notify(_("The PDF is saved: {path}").format(path=path) + hint, timeout=15)
