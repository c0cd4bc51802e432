"""One teacher: the record, their courses and awards."""

from __future__ import annotations

import dataclasses

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ubtui.domain.courses import kind_label
from ubtui.domain.teachers import Award, Teacher, award_level_label, category_label, education_label
from ubtui.errors import UserError
from ubtui.screens.editing import edits
from ubtui.i18n import N_, _, format_date, format_number
from ubtui.screens.award_form import AwardForm
from ubtui.screens.confirm import ConfirmScreen
from ubtui.screens.course_form import CourseForm
from ubtui.screens.teacher_form import TeacherForm
from ubtui.widgets.cells import Table
from ubtui.widgets.keys import key
from ubtui.widgets.marks import course_status_text


class TeacherDetailScreen(Screen[None]):
    BINDINGS = [
        key("escape", "app.pop_screen", N_("Back")),
        key("e,у", "edit_teacher", N_("Edit")),
        key("f2,n,т", "new_course", N_("New course")),
        key("w,ц", "new_award", N_("New award")),
        key("delete", "delete", N_("Delete")),
    ]
    AUTO_FOCUS = "#courses"

    def __init__(self, teacher_id: str) -> None:
        super().__init__()
        self.teacher_id = teacher_id

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="detail"):
            with VerticalScroll(id="detail-info"):
                yield Static("", id="info")  # markup: the values in it are escaped
            yield Static("", id="course-status", markup=False)
            yield Table(id="courses", cursor_type="row", zebra_stripes=True)
            yield Table(id="awards", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        courses = self.query_one("#courses", DataTable)
        # Widths that fit 80 columns; a longer title ends in "…" (Enter shows it whole).
        for column, label, width in (("end", _("End"), 10), ("title", _("Course"), 28), ("hours", _("Hours"), 5),
                                     ("kind", _("Kind"), 14), ("cert", _("Cert."), 5)):
            courses.add_column(label, key=column, width=width)
        awards = self.query_one("#awards", DataTable)
        for column, label, width in (("year", _("Year"), 4), ("title", _("Award"), 44), ("level", _("Level"), 14)):
            awards.add_column(label, key=column, width=width)
        self.reload()

    @property
    def teacher(self) -> Teacher:
        return self.app.store.teachers.get(self.teacher_id)

    def reload(self) -> None:
        app = self.app
        store = app.store
        teacher = self.teacher
        today = app.today
        association = store.associations.find(teacher.association_id)

        def line(label: str, value: object) -> str:
            return f"[b]{escape(label)}:[/b] {escape(str(value))}" if value not in (None, "") else ""

        age = teacher.age(today)
        total = teacher.total_experience(today)
        pedagogical = teacher.pedagogical_experience(today)
        young = teacher.is_young(today, store.settings().rules)
        lines = [
            f"[b]{escape(teacher.full_name)}[/b]" + ("" if teacher.active else "  " + escape(_("(left)"))),
            line(_("Position"), teacher.position),
            line(_("Association"), association.name if association else ""),
            line(_("Born"), f"{format_date(teacher.birth_date, long=False)}" + (f" ({age})" if age is not None else "")),
            line(_("Phone"), teacher.phone),
            line(_("Education"), ", ".join(p for p in (education_label(teacher.education), teacher.institution, str(teacher.graduation_year or "")) if p)),
            line(_("Diploma specialty"), teacher.specialty),
            line(_("Subjects"), teacher.subjects_text()),
            line(_("Classes"), teacher.classes),
            line(_("Weekly load, hours"), format_number(teacher.weekly_load) if teacher.weekly_load is not None else ""),
            line(_("Experience: total / teaching, years"), f"{total if total is not None else '—'} / {pedagogical if pedagogical is not None else '—'}"),
            line(_("Category"), category_label(teacher.category) + (f", {format_date(teacher.category_date, long=False)}" if teacher.category_date else "")),
            line(_("Self-education topic"), teacher.self_education_topic),
            escape(_("Young teacher")) if young else "",
        ]
        self.query_one("#info", Static).update("\n".join(l for l in lines if l))
        status = store.course_status_of(teacher, today)
        text = course_status_text(status, with_date=True)
        text.append("  " + _("{hours} h in the period").format(hours=status.hours_in_period), style="")
        self.query_one("#course-status", Static).update(text)
        courses = self.query_one("#courses", DataTable)
        awards = self.query_one("#awards", DataTable)
        with app.batch_update():
            courses.clear()
            for course in store.courses_of(teacher.id):
                courses.add_row(
                    format_date(course.end, long=False),
                    course.title,
                    str(course.hours),
                    kind_label(course.kind),
                    "+" if course.certificate_handed_in else "-",
                    key=course.id,
                )
            awards.clear()
            for index, award in enumerate(teacher.awards):
                awards.add_row(str(award.year or ""), award.title, award_level_label(award.level), key=str(index))
        self.title = teacher.full_name

    def _selected(self, table: DataTable) -> str | None:
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _saved(self, saved: object) -> None:
        if saved is not None:
            self.reload()
            self.notify(_("Saved."))

    @edits
    def action_edit_teacher(self) -> None:
        self.app.push_screen(TeacherForm(self.app.store, self.teacher), self._saved)

    @edits
    def action_new_course(self) -> None:
        self.app.push_screen(CourseForm(self.app.store, teacher_id=self.teacher_id), self._saved)

    @edits
    def action_new_award(self) -> None:
        self.app.push_screen(AwardForm(), self._award_added)

    def _award_added(self, award: Award | None) -> None:
        if award is not None:
            teacher = self.teacher
            self._save_awards(teacher, [*teacher.awards, award])

    def _save_awards(self, teacher: Teacher, awards: list[Award]) -> None:
        try:
            self.app.store.save_teacher(dataclasses.replace(teacher, awards=awards))
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self._saved(True)

    @edits
    @on(DataTable.RowSelected, "#courses")
    def _edit_course(self, event: DataTable.RowSelected) -> None:
        course = self.app.store.courses.get(str(event.row_key.value))
        self.app.push_screen(CourseForm(self.app.store, course), self._saved)

    @edits
    @on(DataTable.RowSelected, "#awards")
    def _edit_award(self, event: DataTable.RowSelected) -> None:
        index = int(str(event.row_key.value))
        teacher = self.teacher

        def edited(award: Award | None) -> None:
            if award is not None:
                awards = list(teacher.awards)
                awards[index] = award
                self._save_awards(teacher, awards)

        self.app.push_screen(AwardForm(teacher.awards[index]), edited)

    @edits
    def action_delete(self) -> None:
        focused = self.focused
        store = self.app.store
        if focused is self.query_one("#awards", DataTable):
            index = self._selected(focused)
            if index is None:
                return
            teacher = self.teacher
            award = teacher.awards[int(index)]

            def drop_award(yes: bool | None) -> None:
                if yes:
                    self._save_awards(teacher, [a for i, a in enumerate(teacher.awards) if i != int(index)])

            self.app.push_screen(ConfirmScreen(_("Delete the award «{title}»?").format(title=award.title), yes=_("Delete")), drop_award)
            return
        course_id = self._selected(self.query_one("#courses", DataTable))
        if course_id is None:
            return
        course = store.courses.get(course_id)

        def drop_course(yes: bool | None) -> None:
            if yes:
                try:
                    store.courses.delete(course_id)
                except UserError as error:
                    self.notify(str(error), severity="error")
                    return
                self.reload()
                self.notify(_("Deleted."))

        self.app.push_screen(ConfirmScreen(_("Delete the course «{title}»?").format(title=course.title), yes=_("Delete")), drop_course)
