"""Subject weeks and decades (seed 001 §6.11): a dated group of events, printed as their own plan."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ubtui.domain.lessons import WEEK, LessonEvent, kind_label
from ubtui.domain.sessions import short_name
from ubtui.errors import UserError
from ubtui.i18n import N_, _
from ubtui.screens.editing import EditsTheYear, edits
from ubtui.screens.lesson_form import LessonEventForm
from ubtui.screens.printing import PrintsPdf
from ubtui.screens.reloading import FillsWhenBack
from ubtui.widgets.cells import Table
from ubtui.widgets.keys import key


class SubjectWeeksScreen(FillsWhenBack, EditsTheYear, PrintsPdf, Screen[None]):
    DEFAULT_CSS = """
    #weeks { height: 8; }
    #week-title { height: 1; }
    #week-events { height: 1fr; }
    """
    BINDINGS = [
        key("escape", "app.pop_screen", N_("Back")),
        key("f2,n,т", "new_week", N_("New week")),
        key("e,у", "new_event", N_("New event of the week")),
        key("p,з", "print", N_("Print the week's plan")),
    ]
    AUTO_FOCUS = "#weeks"

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="list-screen"):
            yield Table(id="weeks", cursor_type="row", zebra_stripes=True)
            yield Static("", id="week-title")
            yield Table(id="week-events", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        weeks = self.query_one("#weeks", DataTable)
        weeks.add_column(_("Dates"), key="dates", width=23)
        weeks.add_column(_("Subject week / decade"), key="title", width=30)
        weeks.add_column(_("Responsible"), key="who", width=16)
        events = self.query_one("#week-events", DataTable)
        events.add_column(_("Date"), key="date", width=10)
        events.add_column(_("Kind"), key="kind", width=18)
        events.add_column(_("Teacher"), key="teacher", width=16)
        events.add_column(_("Topic"), key="topic", width=24)
        self.reload()

    def _week_id(self) -> str | None:
        table = self.query_one("#weeks", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def reload(self) -> None:
        app = self.app
        store = app.store
        names = store.lessons.names()
        weeks = store.lessons.weeks(app.association.id if app.association else None, app.year.id if app.year else "")
        table = self.query_one("#weeks", DataTable)
        selected = self._week_id()
        with app.batch_update():
            table.clear()
            for week in weeks:
                dates = f"{week.date:%d.%m.%Y} – {week.end:%d.%m.%Y}" if week.date and week.end else ""
                table.add_row(dates, week.topic, short_name(names.get(week.teacher_id, "")), key=week.id)
        for index, row_key in enumerate(table.rows):
            if row_key.value == selected:
                table.move_cursor(row=index)
        self._show_events()

    @on(DataTable.RowHighlighted, "#weeks")
    def _highlighted(self) -> None:
        self._show_events()

    def _show_events(self) -> None:
        store = self.app.store
        week_id = self._week_id()
        events = self.query_one("#week-events", DataTable)
        events.clear()
        week = store.lessons.find(week_id) if week_id else None
        self.query_one("#week-title", Static).update(
            _("Events of «{title}»:").format(title=week.topic) if week else _("No subject weeks yet: F2 adds one."))
        if week is None:
            return
        names = store.lessons.names()
        for event in store.lessons.week_events(week):
            events.add_row(f"{event.date:%d.%m.%Y}" if event.date else "", kind_label(event.kind),
                           short_name(names.get(event.teacher_id, "")), event.topic, key=event.id)

    def _saved(self, saved: object) -> None:
        if saved is not None:
            self.reload()
            self.notify(_("Saved."))

    @edits
    def action_new_week(self) -> None:
        app = self.app
        if app.year is None or app.association is None:
            self.notify(_("Choose an academic year and an association first."), severity="warning")
            return
        week = LessonEvent(association_id=app.association.id, year_id=app.year.id, kind=WEEK, date=app.today, end=app.today)
        app.push_screen(LessonEventForm(app.store, week, new=True), self._saved)

    @edits
    @on(DataTable.RowSelected, "#weeks")
    def _edit_week(self, event: DataTable.RowSelected) -> None:
        week = self.app.store.lessons.get(str(event.row_key.value))
        self.app.push_screen(LessonEventForm(self.app.store, week), self._saved)

    @edits
    @on(DataTable.RowSelected, "#week-events")
    def _edit_event(self, event: DataTable.RowSelected) -> None:
        record = self.app.store.lessons.get(str(event.row_key.value))
        self.app.push_screen(LessonEventForm(self.app.store, record), self._saved)

    @edits
    def action_new_event(self) -> None:
        week_id = self._week_id()
        if week_id is None:
            return
        week = self.app.store.lessons.get(week_id)
        event = LessonEvent(association_id=week.association_id, year_id=week.year_id, kind="week_event", date=week.date,
                            week_id=week.id)
        self.app.push_screen(LessonEventForm(self.app.store, event, new=True), self._saved)

    def action_print(self) -> None:
        from ubtui.reports import Options, default_file_name
        from ubtui.reports.lessons import lesson_sheet, render_lessons_pdf

        week_id = self._week_id()
        if week_id is None:
            return
        options = Options(event=week_id, today=self.app.today)
        try:
            sheet = lesson_sheet(self.app.store, options)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.print_pdf(lambda: render_lessons_pdf(sheet), default_file_name("lessons", self.app.store, options))
