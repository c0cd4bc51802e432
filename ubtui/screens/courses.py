"""Who is due for a qualification course, the most urgent first (seed 004)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ubtui.errors import UserError
from ubtui.screens.editing import edits
from ubtui.i18n import N_, _, format_date
from ubtui.screens.course_form import CourseForm
from ubtui.screens.printing import PrintsPdf, printer_binding
from ubtui.screens.reloading import FillsWhenBack
from ubtui.screens.teacher_detail import TeacherDetailScreen
from ubtui.widgets.cells import Table
from ubtui.widgets.keys import key
from ubtui.widgets.marks import course_status_text


class CoursesScreen(FillsWhenBack, PrintsPdf, Screen[None]):
    BINDINGS = [
        key("escape", "app.pop_screen", N_("Back")),
        key("f2,n,т", "new", N_("New course")),
        key("d,в", "toggle_due", N_("Only who is due")),
        key("p,з", "print", N_("Print")),
        printer_binding(),
    ]
    AUTO_FOCUS = "#due"

    def __init__(self) -> None:
        super().__init__()
        self.only_due = False

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="list-screen"):
            yield Static("", id="rule", markup=False)
            yield Table(id="due", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#due", DataTable)
        # 64 cells and their padding fit 80 columns with a border and a scrollbar.
        table.add_column(_("Status"), key="status", width=15)
        table.add_column(_("Teacher"), key="teacher", width=24)
        table.add_column(_("Last course"), key="last", width=10)
        table.add_column(_("Hours"), key="hours", width=5)
        table.add_column(_("Due"), key="due", width=10)
        self.reload()

    def reload(self) -> None:
        store = self.app.store
        rules = store.settings().rules
        self.query_one("#rule", Static).update(
            _("Rule: {hours} hours within {years} years (Settings → Rules). Enter opens the teacher.").format(
                hours=rules.course_hours, years=rules.course_period_years
            )
        )
        table = self.query_one("#due", DataTable)
        with self.app.batch_update():
            table.clear()
            for teacher, status in store.course_statuses(self.app.today):
                if self.only_due and status.state == "ok":
                    continue
                last = status.last_course
                table.add_row(
                    course_status_text(status, compact=True),
                    teacher.full_name,
                    format_date(last.end, long=False) if last else "—",
                    str(status.hours_in_period),
                    format_date(status.due, long=False) if status.due else "—",
                    key=teacher.id,
                )

    def action_toggle_due(self) -> None:
        self.only_due = not self.only_due
        self.reload()

    @on(DataTable.RowSelected, "#due")
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(TeacherDetailScreen(str(event.row_key.value)))

    @edits
    def action_new(self) -> None:
        table = self.query_one("#due", DataTable)
        teacher_id = ""
        if table.row_count:
            teacher_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

        def saved(course: object) -> None:
            if course is not None:
                self.reload()
                self.notify(_("Saved."))

        self.app.push_screen(CourseForm(self.app.store, teacher_id=teacher_id), saved)

    def action_print(self) -> None:
        """The school's course list: each teacher's last course and status, the overdue first."""
        from ubtui.reports import Options, default_file_name
        from ubtui.reports.courses import course_sheet, render_courses_pdf

        app = self.app
        options = Options(year=app.year.id if app.year else None, association="all", today=app.today)
        try:
            sheet = course_sheet(app.store, options)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.print_pdf(lambda: render_courses_pdf(sheet), default_file_name("courses", app.store, options))
