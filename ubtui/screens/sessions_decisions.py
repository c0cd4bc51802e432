"""The decisions (токтом) of the year's sessions: open, overdue, done — followed up to the end."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ubtui.domain.sessions import decision_state, decision_status_label
from ubtui.errors import UserError
from ubtui.screens.editing import EditsTheYear, edits
from ubtui.i18n import N_, _, format_date
from ubtui.store.sessions import DecisionRow
from ubtui.widgets.cells import Table
from ubtui.widgets.keys import key

FILTERS = ("open", "overdue", "done", "all")
FILTER_LABELS = {"open": N_("not yet done"), "overdue": N_("overdue"), "done": N_("done"), "all": N_("all")}

DECISIONS_CSS = """
DecisionsScreen #decisions-box { padding: 0 1; }
DecisionsScreen #decisions-summary { height: 2; }
DecisionsScreen #decisions { height: 1fr; }
DecisionsScreen #decision-text { height: 4; border-top: solid $primary 40%; padding: 0 0; }
"""


class DecisionsScreen(EditsTheYear, Screen[None]):
    DEFAULT_CSS = DECISIONS_CSS
    AUTO_FOCUS = "#decisions"
    BINDINGS = [
        key("escape", "app.pop_screen", N_("Back")),
        key("space", "done", N_("Done / open")),
        key("x,ч", "not_done", N_("Not done")),
        key("f,а", "next_filter", N_("Show")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = "open"
        self.rows: list[DecisionRow] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="decisions-box"):
            yield Static("", id="decisions-summary")  # markup: the names in it are escaped
            yield Table(id="decisions", cursor_type="row", zebra_stripes=True)
            yield Static("", id="decision-text", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#decisions", DataTable)
        table.add_column(_("Session"), key="session", width=6)
        table.add_column("№", key="label", width=4)
        table.add_column(_("Decision"), key="text", width=22)
        table.add_column(_("Responsible"), key="responsible", width=12)
        table.add_column(_("Due date"), key="due", width=10)
        table.add_column(_("Status"), key="status")
        self.reload()

    def reload(self) -> None:
        app = self.app
        today = app.today
        table = self.query_one("#decisions", DataTable)
        current = self._selected()
        every = [] if app.year is None or app.association is None else app.store.sessions.decisions(
            app.association.id, app.year.id)
        counts = {name: 0 for name in FILTERS}
        for row in every:
            state = decision_state(row.decision, today)
            counts["all"] += 1
            if state in ("open", "overdue"):
                counts["open"] += 1
            if state in counts and state != "open":
                counts[state] += 1
        self.rows = [r for r in every if self._shown(r)]
        with app.batch_update():
            table.clear()
            for row in self.rows:
                decision = row.decision
                state = decision_state(decision, today)
                status = _("OVERDUE") if state == "overdue" else decision_status_label(decision.status)
                if decision.status == "done" and decision.done_on:
                    status += " " + format_date(decision.done_on, long=False)
                table.add_row(
                    f"№{row.session.number}", row.label, " ".join(decision.text.split()), row.responsible,
                    format_date(decision.due, long=False), status, key=decision.id,
                )
            ids = [r.decision.id for r in self.rows]
            if current in ids:
                table.move_cursor(row=ids.index(current))
        shown = " · ".join(
            (f"[b]{_(FILTER_LABELS[name])} {counts[name]}[/b]" if name == self.filter else f"{_(FILTER_LABELS[name])} {counts[name]}")
            for name in FILTERS
        )
        where = ""
        if app.association is not None and app.year is not None:
            from rich.markup import escape

            where = escape(_("Decisions of «{name}», {year}").format(name=app.association.name, year=app.year.label))
        self.query_one("#decisions-summary", Static).update(where + "\n" + shown)
        self._show_text()

    def _shown(self, row: DecisionRow) -> bool:
        state = decision_state(row.decision, self.app.today)
        if self.filter == "all":
            return True
        if self.filter == "open":
            return state in ("open", "overdue")
        return state == self.filter

    def _selected(self) -> str | None:
        table = self.query_one("#decisions", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _row(self) -> DecisionRow | None:
        selected = self._selected()
        return next((r for r in self.rows if r.decision.id == selected), None)

    @on(DataTable.RowHighlighted, "#decisions")
    def _show_text(self) -> None:
        row = self._row()
        text = ""
        if row is not None:
            text = _("Session №{n}, item {item}: {title}").format(
                n=row.session.number, item=row.item_number, title=row.item_title) + "\n" + row.decision.text
        self.query_one("#decision-text", Static).update(text)

    def _set(self, status: str) -> None:
        row = self._row()
        if row is None:
            return
        try:
            self.app.store.sessions.set_decision_status(row.session.id, row.decision.id, status, self.app.today)
        except UserError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.reload()
        self.app.context_changed()

    @edits
    def action_done(self) -> None:
        row = self._row()
        if row is not None:
            self._set("open" if row.decision.status == "done" else "done")

    @edits
    def action_not_done(self) -> None:
        row = self._row()
        if row is not None:
            self._set("open" if row.decision.status == "not_done" else "not_done")

    def action_next_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.reload()
