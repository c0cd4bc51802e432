"""The archive: the closed academic years and how long their documents are kept (seed 001/003 §5.8)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ubtui.i18n import N_, _, format_date
from ubtui.store.years import archive
from ubtui.widgets.cells import Table
from ubtui.widgets.keys import key


class ArchiveScreen(Screen[None]):
    AUTO_FOCUS = "#archive"
    BINDINGS = [key("escape", "app.pop_screen", N_("Back"))]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="list-screen"):
            yield Static(
                _("Closed years are read-only and still print. The folder's documents stay at the school for 3 years; "
                  "then protocols, plans and analyses go to the archive for 10 years (seed §5.8). ubtui deletes nothing. "
                  "Enter: choose the year."),
                id="archive-rule", markup=False,
            )
            yield Table(id="archive", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#archive", DataTable)
        # 62 cells and their padding fit 80 columns with a border and a scrollbar.
        table.add_column(_("Academic year"), key="year", width=12)
        table.add_column(_("Ended"), key="end", width=10)
        table.add_column(_("At the school until"), key="school", width=14)
        table.add_column(_("Archive until"), key="archive", width=14)
        table.add_column(_("May be destroyed"), key="destroy", width=12)
        self.reload()

    def reload(self) -> None:
        table = self.query_one("#archive", DataTable)
        kept = archive(self.app.store)
        with self.app.batch_update():
            table.clear()
            for item in kept:
                table.add_row(item.year.label, format_date(item.year.end, long=False), str(item.at_school_until),
                              str(item.archived_until), str(item.destroy_from), key=item.year.id)
        if not kept:
            self.query_one("#archive-rule", Static).update(_("No academic year is closed yet (Settings → Academic years → c)."))

    @on(DataTable.RowSelected, "#archive")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        app = self.app
        app.year = app.store.years.get(str(event.row_key.value))
        app.context_changed()
        self.notify(_("Academic year: {year}").format(year=app.year.label), markup=False)
