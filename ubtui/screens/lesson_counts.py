"""Open lessons and visits per teacher in the year."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ubtui.domain.lessons import open_lesson_check_due, without_open_lesson
from ubtui.i18n import N_, _
from ubtui.widgets.cells import Table
from ubtui.widgets.keys import key


class LessonCountsScreen(Screen[None]):
    DEFAULT_CSS = """
    #count-rule { height: 2; }
    #counts { height: 1fr; }
    """
    BINDINGS = [key("escape", "app.pop_screen", N_("Back"))]
    AUTO_FOCUS = "#counts"

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="list-screen"):
            yield Static("", id="count-rule")
            yield Table(id="counts", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        app = self.app
        store = app.store
        table = self.query_one("#counts", DataTable)
        for column, label, width in (("teacher", _("Teacher"), 24), ("open", _("Open lessons"), 9), ("planned", _("Planned"), 8),
                                     ("visited", _("Visited"), 8), ("made", _("Visits made"), 8), ("other", _("Other events"), 8)):
            table.add_column(label, key=column, width=width)
        if app.year is None:
            return
        association_id = app.association.id if app.association else None
        rows = store.lessons.counts(association_id, app.year.id)
        missing = {t.id for t in without_open_lesson([r.teacher for r in rows], store.lessons.of(association_id, app.year.id), app.year)}
        due = open_lesson_check_due(app.year, app.today)
        self.query_one("#count-rule", Static).update(
            _("! : no open lesson held, or planned by the end of the 3rd quarter ({state}).").format(
                state=_("checked now") if due else _("checked from the 3rd quarter"))
            + "\n" + _("Visited: their lessons others visited; visits made: lessons they watched.")
        )
        for row in rows:
            mark = "! " if row.teacher.id in missing else ""
            table.add_row(mark + row.teacher.full_name, str(row.open_held), str(row.open_planned), str(row.visited),
                          str(row.visits_made), str(row.events), key=row.teacher.id)
