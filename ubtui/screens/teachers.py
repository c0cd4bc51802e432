"""The teachers of the school (the information bank), with their course status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from ubtui.domain.collation import name_key
from ubtui.domain.courses import NEVER, OVERDUE
from ubtui.domain.teachers import category_label
from ubtui.errors import UserError
from ubtui.screens.editing import edits
from ubtui.i18n import N_, _, ngettext
from ubtui.screens.confirm import ConfirmScreen
from ubtui.screens.printing import PrintsPdf, printer_binding
from ubtui.screens.reloading import FillsWhenBack
from ubtui.screens.teacher_detail import TeacherDetailScreen
from ubtui.screens.teacher_form import TeacherForm
from ubtui.widgets.cells import Table
from ubtui.widgets.keys import key
from ubtui.widgets.marks import course_status_text

SORTS = ("name", "experience", "status")
OVERDUE_STATES = (OVERDUE, NEVER)  # domain.compliance.courses_overdue
# A school of thousands (a district's list) is shown in parts, so that typing in the filter
# stays quick: FIRST_ROWS at once, then MORE_ROWS every FILL_PAUSE seconds (bench teachers-filter).
FIRST_ROWS, MORE_ROWS, FILL_PAUSE = 40, 80, 0.02


@dataclass(frozen=True)
class _Row:
    """One teacher as the list shows it, with what the filter searches, made once per reload."""

    id: str
    haystack: str
    cells: tuple[Any, ...]
    name_key: tuple[int, ...]
    experience_key: int


class TeachersScreen(FillsWhenBack, PrintsPdf, Screen[None]):
    BINDINGS = [
        key("escape", "back", N_("Back")),
        key("f2,n,т", "new", N_("New")),
        key("e,у", "edit", N_("Edit")),
        key("delete", "delete", N_("Delete")),
        key("slash,ctrl+f", "find", N_("Find")),
        key("p,з", "print", N_("Print")),
        printer_binding(),
        key("a,ф", "toggle_scope", N_("Whole school / this association"), show=False),
        key("i,ш", "toggle_inactive", N_("Show who left"), show=False),
        key("s,ы", "sort", N_("Sort"), show=False),
        key("d,в", "toggle_overdue", N_("Only overdue for courses"), show=False),
    ]
    AUTO_FOCUS = "#teachers"

    def __init__(self) -> None:
        super().__init__()
        self.whole_school = False
        self.include_inactive = False
        self.sort = "name"
        self.only_overdue = False  # only those overdue for courses (or with none), as the home screen counts them
        self._rows: list[_Row] = []
        self._where = ""
        self._fill_serial = 0
        self._wanted: str | None = None  # the row to put the cursor on once it is shown

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="list-screen"):
            yield Static("", id="scope", markup=False)
            yield Input(placeholder=_("Filter: name, subject, association, status"), id="filter")
            yield Table(id="teachers", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#teachers", DataTable)
        # 66 cells and their padding fit 80 columns: a cut shows "…", a status is a mark and one word.
        table.add_column(_("Full name"), key="name", width=28)
        table.add_column(_("Subjects"), key="subjects", width=12)
        table.add_column(_("Cat."), key="category", width=7)
        table.add_column(_("Exp."), key="experience", width=4)
        table.add_column(_("Courses"), key="status", width=15)
        self.reload()

    def reload(self) -> None:
        """Read the teachers and their course statuses (once per change of scope or data), then show."""
        app = self.app
        store = app.store
        association = app.association
        scope_id = None if self.whole_school or association is None else association.id
        statuses = store.course_statuses(app.today, association_id=scope_id, include_inactive=self.include_inactive)
        names = {a.id: a.name for a in store.associations.all()}
        rules = store.settings().rules
        rows = []
        for teacher, status in statuses:
            if self.only_overdue and status.state not in OVERDUE_STATES:
                continue
            subjects = teacher.subjects_text()
            haystack = " ".join([teacher.full_name, subjects, names.get(teacher.association_id, ""), status.label,
                                 status.short_label]).casefold()
            experience = teacher.pedagogical_experience(app.today)
            # The marks go first: a cut name must not lose them.
            name = teacher.full_name if teacher.active else _("(left)") + " " + teacher.full_name
            if teacher.is_young(app.today, rules):
                name = "* " + name
            cells = (name, subjects, category_label(teacher.category, short=True),
                     "" if experience is None else str(experience), course_status_text(status, compact=True))
            rows.append(_Row(teacher.id, haystack, cells, name_key(teacher.full_name), -(experience or 0)))
        if self.sort == "name":
            rows.sort(key=lambda r: r.name_key)
        elif self.sort == "experience":
            rows.sort(key=lambda r: r.experience_key)
        self._rows = rows
        self._where = _("whole school") if scope_id is None else (association.name if association else "")
        if self.only_overdue:
            self._where += " · " + _("overdue for courses (d: everyone)")
        self.show_rows()

    def show_rows(self) -> None:
        """The rows the filter lets through: a keystroke in the filter costs only this. The first
        rows are shown at once; the rest follow in small parts between keystrokes (a long school
        list never holds up typing), and a newer keystroke drops the parts still to come."""
        needle = self.query_one("#filter", Input).value.strip().casefold()
        rows = [r for r in self._rows if needle in r.haystack] if needle else self._rows
        table = self.query_one("#teachers", DataTable)
        self._fill_serial += 1
        current = self._selected() if self._wanted is None else self._wanted
        self._wanted = current
        with self.app.batch_update():
            table.clear()
            self._add(table, rows, 0, FIRST_ROWS)
        if len(rows) > FIRST_ROWS:
            serial = self._fill_serial
            self.set_timer(FILL_PAUSE, lambda: self._fill_more(serial, rows, FIRST_ROWS))
        count = ngettext("{n} teacher", "{n} teachers", len(rows)).format(n=len(rows))
        legend = _("* young teacher · F1: all keys")
        self.query_one("#scope", Static).update(f"{self._where}: {count}   {legend}")

    def _add(self, table: DataTable, rows: list[_Row], start: int, size: int) -> None:
        for row in rows[start:start + size]:
            table.add_row(*row.cells, key=row.id)
        if self._wanted is not None and self._wanted in table.rows:
            table.move_cursor(row=table.get_row_index(self._wanted))
            self._wanted = None
        elif start + size >= len(rows):
            self._wanted = None  # filtered out: the cursor stays where it is

    def _fill_more(self, serial: int, rows: list[_Row], start: int) -> None:
        if serial != self._fill_serial or not self.is_attached:
            return
        table = self.query_one("#teachers", DataTable)
        with self.app.batch_update():
            self._add(table, rows, start, MORE_ROWS)
        if start + MORE_ROWS < len(rows):
            self.set_timer(FILL_PAUSE, lambda: self._fill_more(serial, rows, start + MORE_ROWS))

    def _selected(self) -> str | None:
        table = self.query_one("#teachers", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    @on(Input.Changed, "#filter")
    def _filter(self) -> None:
        self.show_rows()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one("#teachers", DataTable).focus()

    def action_back(self) -> None:
        """Esc in the filter returns to the list; Esc in the list leaves the screen."""
        if self.focused is self.query_one("#filter", Input):
            self.query_one("#teachers", DataTable).focus()
        else:
            self.app.pop_screen()

    def action_find(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_toggle_scope(self) -> None:
        self.whole_school = not self.whole_school
        self.reload()

    def action_toggle_overdue(self) -> None:
        self.only_overdue = not self.only_overdue
        self.reload()

    def action_toggle_inactive(self) -> None:
        self.include_inactive = not self.include_inactive
        self.reload()

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.reload()
        self.notify(_("Sorted by: {what}").format(what={"name": _("name"), "experience": _("experience"), "status": _("course status")}[self.sort]))

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self.sort = {"experience": "experience", "status": "status"}.get(column, "name")
        self.reload()

    def _saved(self, saved: object) -> None:
        if saved is not None:
            self.reload()
            self.app.context_changed()
            self.notify(_("Saved."))

    @edits
    def action_new(self) -> None:
        association = self.app.association
        self.app.push_screen(TeacherForm(self.app.store, association_id=association.id if association else ""), self._saved)

    @edits
    def action_edit(self) -> None:
        if (teacher_id := self._selected()) is not None:
            self.app.push_screen(TeacherForm(self.app.store, self.app.store.teachers.get(teacher_id)), self._saved)

    @on(DataTable.RowSelected, "#teachers")
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(TeacherDetailScreen(str(event.row_key.value)))

    @edits
    def action_delete(self) -> None:
        teacher_id = self._selected()
        if teacher_id is None:
            return
        store = self.app.store
        teacher = store.teachers.get(teacher_id)
        named = store.teacher_references(teacher_id)
        if named:
            question = _("{name} is named in old records, so the record stays: mark the teacher as left?").format(name=teacher.full_name)
        else:
            question = _("Delete {name} with all their courses?").format(name=teacher.full_name)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                deleted = store.delete_or_retire(teacher_id, self.app.today)
            except UserError as error:
                self.notify(str(error), severity="error")
                return
            self.reload()
            self.app.context_changed()
            self.notify(_("Deleted.") if deleted else _("Marked as left."))

        self.app.push_screen(ConfirmScreen(question, yes=_("Delete") if not named else _("Mark as left")), answered)

    def action_print(self) -> None:
        """The teachers' information bank (seed 001 §6.9) of what the list shows: this association or the school."""
        from ubtui.reports import Options, default_file_name
        from ubtui.reports.staff import render_staff_pdf, staff_sheet

        app = self.app
        association = "all" if self.whole_school or app.association is None else app.association.id
        options = Options(year=app.year.id if app.year else None, association=association, today=app.today)
        try:
            sheet = staff_sheet(app.store, options)  # read here: the store belongs to this thread
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.print_pdf(lambda: render_staff_pdf(sheet), default_file_name("staff", app.store, options))
