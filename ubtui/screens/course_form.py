"""A course, re-training or seminar of a teacher."""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select, TextArea

from ubtui.domain.courses import Course, kind_choices
from ubtui.domain.validation import Problems
from ubtui.i18n import _
from ubtui.screens.form import FormScreen
from ubtui.store import Store
from ubtui.widgets.fields import Field, IntegerValidator, choice, date_input, read_date, read_int


class CourseForm(FormScreen[Course]):
    def __init__(self, store: Store, course: Course | None = None, teacher_id: str = "") -> None:
        super().__init__()
        self.store = store
        self.course = course or Course(teacher_id=teacher_id)
        self.form_title = _("New course") if course is None else _("Course")

    def compose_fields(self) -> ComposeResult:
        c = self.course
        teachers = [(t.full_name, t.id) for t in self.store.sorted_teachers()]
        if c.teacher_id and c.teacher_id not in {tid for _n, tid in teachers}:
            old = self.store.teachers.find(c.teacher_id)
            teachers.append((old.full_name if old else "?", c.teacher_id))
        if teachers:
            yield Field(_("Teacher"), choice(teachers, c.teacher_id or teachers[0][1], id="teacher_id"), name="teacher_id", required=True)
        yield Field(_("Title"), Input(c.title, id="title"), name="title", required=True)
        yield Field(_("Organiser"), Input(c.organiser, id="organiser"), name="organiser")
        yield Field(_("Kind"), choice(kind_choices(), c.kind, id="kind"), name="kind")
        yield Field(_("Start"), date_input(c.start, required=True, id="start"), name="start", required=True)
        yield Field(_("End"), date_input(c.end, required=True, id="end"), name="end", required=True)
        yield Field(_("Hours"), Input(str(c.hours), validators=[IntegerValidator(1, 3000)], validate_on=["blur", "submitted"], id="hours"), name="hours", required=True)
        yield Field(_("Certificate number"), Input(c.certificate_no, id="certificate_no"), name="certificate_no")
        yield Field(_("Certificate"), Checkbox(_("handed in to the school"), c.certificate_handed_in, id="handed_in"), name="certificate_handed_in")
        yield Field(_("Task before the course"), TextArea(c.task_before, id="task_before", soft_wrap=True), name="task_before")
        yield Field(_("Task after the course"), TextArea(c.task_after, id="task_after", soft_wrap=True), name="task_after")

    def build(self) -> tuple[Course, Problems]:
        teacher = self.query("#teacher_id")
        course = dataclasses.replace(
            self.course,
            teacher_id=str(teacher.first(Select).value) if teacher else self.course.teacher_id,
            title=self.query_one("#title", Input).value.strip(),
            organiser=self.query_one("#organiser", Input).value.strip(),
            kind=str(self.query_one("#kind", Select).value),
            start=read_date(self.query_one("#start", Input)),
            end=read_date(self.query_one("#end", Input)),
            hours=read_int(self.query_one("#hours", Input)) or 0,
            certificate_no=self.query_one("#certificate_no", Input).value.strip(),
            certificate_handed_in=self.query_one("#handed_in", Checkbox).value,
            task_before=self.query_one("#task_before", TextArea).text.strip(),
            task_after=self.query_one("#task_after", TextArea).text.strip(),
        )
        return course, self.store.courses.validate(course)

    def store_save(self, record: Course) -> Course:
        return self.store.courses.save(record)
