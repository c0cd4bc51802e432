"""Open lessons, visits and extracurricular events of the year, by month, with filters."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static

from ubtui.domain.lessons import HELD, LessonEvent, in_month, kind_choices, kind_label, status_choices, status_label
from ubtui.domain.sessions import short_name
from ubtui.errors import UserError
from ubtui.i18n import N_, _, month_name
from ubtui.screens.confirm import ConfirmScreen
from ubtui.screens.editing import EditsTheYear, edits
from ubtui.screens.lesson_cancel_form import CancelForm
from ubtui.screens.lesson_form import LessonEventForm
from ubtui.screens.lesson_held_form import HeldForm
from ubtui.screens.lesson_move_form import MoveForm
from ubtui.screens.lesson_counts import LessonCountsScreen
from ubtui.screens.printing import PrintsPdf
from ubtui.screens.reloading import FillsWhenBack
from ubtui.screens.subject_weeks import SubjectWeeksScreen
from ubtui.widgets.cells import Table
from ubtui.widgets.cells import cut as fit
from ubtui.widgets.keys import key

ALL = "all"
YEAR_MONTHS = (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8)


class LessonsScreen(FillsWhenBack, EditsTheYear, PrintsPdf, Screen[None]):
    DEFAULT_CSS = """
    #lesson-filters { height: 1; margin-bottom: 1; }
    #lesson-filters > Select { width: 1fr; height: 1; margin-right: 1; }
    #lesson-filters > Select > SelectCurrent { border: none; height: 1; padding: 0 1; background: $boost; }
    #lesson-filters > Select:focus > SelectCurrent { background: $primary 30%; }
    #lesson-summary { height: 1; }
    #events { height: 1fr; }
    """
    BINDINGS = [
        key("escape", "app.pop_screen", N_("Back")),
        key("f2,n,т", "new", N_("New event")),
        key("h,р", "held", N_("Held")),
        key("m,ь", "move", N_("Move")),
        key("x,ч", "cancel_event", N_("Cancel the event")),
        key("c,с", "counts", N_("Per teacher")),
        key("w,ц", "weeks", N_("Subject weeks")),
        key("p,з", "print", N_("Print")),
        key("v,м", "print_sheet", N_("Visit sheet")),
        key("delete", "delete", N_("Delete")),
    ]
    AUTO_FOCUS = "#events"

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="list-screen"):
            with Horizontal(id="lesson-filters"):
                months = [(_("All months"), ALL)] + [(month_name(m), str(m)) for m in YEAR_MONTHS]
                yield Select(months, value=ALL, allow_blank=False, id="filter-month")
                yield Select([(_("All kinds"), ALL)] + kind_choices(weeks=True), value=ALL, allow_blank=False, id="filter-kind")
                teachers = [(short_name(t.full_name), t.id) for t in self.app.store.sorted_teachers()]
                yield Select([(_("All teachers"), ALL)] + teachers, value=ALL, allow_blank=False, id="filter-teacher")
                yield Select([(_("All statuses"), ALL)] + status_choices(), value=ALL, allow_blank=False, id="filter-status")
            yield Static("", id="lesson-summary")
            yield Table(id="events", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#events", DataTable)
        table.add_column(_("Date"), key="date", width=10)
        table.add_column(_("Kind"), key="kind", width=12)
        table.add_column(_("Teacher"), key="teacher", width=14)
        table.add_column(_("Class"), key="class", width=5)
        table.add_column(_("Topic"), key="topic", width=12)
        table.add_column(_("Status"), key="status", width=10)
        self.reload()

    # Filled again for a filter set to another value (each Select says "changed" once as it
    # mounts: that is no change), and back from another screen (FillsWhenBack).
    _shown_filters: tuple[str, ...] | None = None

    def _filter(self, name: str) -> str:
        return str(self.query_one(f"#filter-{name}", Select).value)

    def _filters(self) -> tuple[str, ...]:
        return tuple(self._filter(name) for name in ("month", "kind", "teacher", "status"))

    def events(self) -> list[LessonEvent]:
        app = self.app
        association = app.association
        events = app.store.lessons.of(association.id if association else None, app.year.id if app.year else "")
        month = self._filter("month")
        events = in_month(events, None if month == ALL else int(month))
        for name, field in (("kind", "kind"), ("teacher", "teacher_id"), ("status", "status")):
            value = self._filter(name)
            if value != ALL:
                events = [e for e in events if getattr(e, field) == value]
        return events

    def reload(self) -> None:
        app = self.app
        self._shown_filters = self._filters()
        names = app.store.lessons.names()
        events = self.events()
        held = sum(1 for e in events if e.status == HELD and not e.is_week)
        self.query_one("#lesson-summary", Static).update(
            _("{n} events, {held} held. h: held with its analysis, m: move, x: cancel.").format(n=len(events), held=held)
        )
        table = self.query_one("#events", DataTable)
        selected = self._selected()
        with app.batch_update():
            table.clear()
            for event in events:
                date = event.date.strftime("%d.%m.%Y") if event.date else ""
                moved_mark = "*" if event.first_date and event.first_date != event.date else ""
                table.add_row(
                    date + moved_mark, fit(kind_label(event.kind), 12), fit(short_name(names.get(event.teacher_id, "")), 14),
                    fit(event.class_name, 5), fit(event.topic, 12), fit(status_label(event.status), 10), key=event.id,
                )
        if selected is not None:
            for index, row_key in enumerate(table.rows):
                if row_key.value == selected:
                    table.move_cursor(row=index)

    @on(Select.Changed)
    def _filtered(self, event: Select.Changed) -> None:
        if (event.select.id or "").startswith("filter-") and self._filters() != self._shown_filters:
            self.reload()

    def _selected(self) -> str | None:
        table = self.query_one("#events", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _selected_event(self) -> LessonEvent | None:
        event_id = self._selected()
        if event_id is None:
            self.notify(_("Choose an event first."), severity="warning")
            return None
        return self.app.store.lessons.get(event_id)

    def _saved(self, saved: object) -> None:
        if saved is not None:
            self.reload()
            self.notify(_("Saved."))

    def new_event(self, **fields: object) -> None:
        app = self.app
        if app.year is None or app.association is None:
            self.notify(_("Choose an academic year and an association first."), severity="warning")
            return
        month = self._filter("month")
        day = app.today
        if month != ALL and int(month) != day.month:
            year = app.year.start.year if int(month) >= 7 else app.year.end.year
            day = day.replace(year=year, month=int(month), day=1)
        event = LessonEvent(association_id=app.association.id, year_id=app.year.id, date=day, **fields)  # type: ignore[arg-type]
        app.push_screen(LessonEventForm(app.store, event, new=True), self._saved)

    @edits
    def action_new(self) -> None:
        self.new_event()

    @edits
    @on(DataTable.RowSelected, "#events")
    def _edit(self, event: DataTable.RowSelected) -> None:
        record = self.app.store.lessons.get(str(event.row_key.value))
        self.app.push_screen(LessonEventForm(self.app.store, record), self._saved)

    @edits
    def action_held(self) -> None:
        if (event := self._selected_event()) is not None and not event.is_week:
            self.app.push_screen(HeldForm(self.app.store, event), self._saved)

    @edits
    def action_move(self) -> None:
        if (event := self._selected_event()) is not None:
            self.app.push_screen(MoveForm(self.app.store, event), self._saved)

    @edits
    def action_cancel_event(self) -> None:
        if (event := self._selected_event()) is not None:
            self.app.push_screen(CancelForm(self.app.store, event), self._saved)

    def action_counts(self) -> None:
        self.app.push_screen(LessonCountsScreen())

    def action_weeks(self) -> None:
        self.app.push_screen(SubjectWeeksScreen())

    @edits
    def action_delete(self) -> None:
        if (event := self._selected_event()) is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    self.app.store.lessons.delete(event.id)
                except UserError as error:
                    self.notify(str(error), severity="error")
                    return
                self.reload()
                self.notify(_("Deleted."))

        self.app.push_screen(ConfirmScreen(_("Delete «{topic}»?").format(topic=event.topic), yes=_("Delete")), answered)

    def _print(self, options) -> None:  # type: ignore[no-untyped-def]
        from ubtui.reports import default_file_name
        from ubtui.reports.lessons import lesson_sheet, render_lessons_pdf

        try:
            sheet = lesson_sheet(self.app.store, options)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.print_pdf(lambda: render_lessons_pdf(sheet), default_file_name("lessons", self.app.store, options))

    def action_print(self) -> None:
        """The year's schedule (§6.7) of the association."""
        from ubtui.reports import Options

        app = self.app
        association = app.association.id if app.association else "all"
        self._print(Options(year=app.year.id if app.year else None, association=association, today=app.today))

    def action_print_sheet(self) -> None:
        """The selected event's visit sheet (a week: its plan)."""
        from ubtui.reports import Options

        if (event := self._selected_event()) is not None:
            self._print(Options(event=event.id, today=self.app.today))
