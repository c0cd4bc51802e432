"""The teacher form: who they are, education, work, qualification."""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select, Static

from ubtui.domain.teachers import Teacher, category_choices, education_choices, split_list
from ubtui.domain.validation import Problems
from ubtui.i18n import _, format_number
from ubtui.screens.form import FormScreen
from ubtui.store import Store
from ubtui.widgets.fields import Field, choice, date_input, int_input, read_date, read_int


class TeacherForm(FormScreen[Teacher]):
    def __init__(self, store: Store, teacher: Teacher | None = None, association_id: str = "") -> None:
        super().__init__()
        self.store = store
        self.teacher = teacher or Teacher(association_id=association_id)
        self.form_title = _("New teacher") if teacher is None else _("Teacher: {name}").format(name=teacher.full_name)

    def compose_fields(self) -> ComposeResult:
        t = self.teacher
        associations = [(a.name, a.id) for a in self.store.sorted_associations()] + [(_("(none)"), "")]
        yield Static(_("Person"), classes="section")
        yield Field(_("Full name"), Input(t.full_name, id="full_name"), name="full_name", required=True)
        yield Field(_("Birth date"), date_input(t.birth_date, id="birth_date"), name="birth_date")
        yield Field(_("Phone"), Input(t.phone, id="phone"), name="phone")
        yield Field(_("Position"), Input(t.position, placeholder=_("e.g. teacher of mathematics"), id="position"), name="position")
        yield Field(_("Association"), choice(associations, t.association_id, id="association_id"), name="association_id")
        yield Static(_("Education"), classes="section")
        yield Field(_("Level"), choice(education_choices(), t.education, id="education"), name="education")
        yield Field(_("Institution"), Input(t.institution, id="institution"), name="institution")
        yield Field(_("Graduation year"), int_input(t.graduation_year, 1920, 2100, id="graduation_year"), name="graduation_year")
        yield Field(_("Diploma specialty"), Input(t.specialty, id="specialty"), name="specialty")
        yield Static(_("Work"), classes="section")
        yield Field(_("Subjects (comma-separated)"), Input(", ".join(t.subjects), id="subjects"), name="subjects")
        yield Field(_("Classes"), Input(t.classes, placeholder="5а, 6б", id="classes"), name="classes")
        load = "" if t.weekly_load is None else format_number(t.weekly_load)
        yield Field(_("Weekly load, hours"), Input(load, id="weekly_load"), name="weekly_load")
        yield Field(_("Work experience since"), date_input(t.total_start, id="total_start"), name="total_start")
        yield Field(_("Teaching experience since"), date_input(t.pedagogical_start, id="pedagogical_start"), name="pedagogical_start")
        yield Static(_("Qualification"), classes="section")
        yield Field(_("Category"), choice(category_choices(), t.category, id="category"), name="category")
        yield Field(_("Category given on"), date_input(t.category_date, id="category_date"), name="category_date")
        yield Field(_("Category valid until"), date_input(t.category_expires, id="category_expires"), name="category_expires")
        yield Field(_("Self-education topic"), Input(t.self_education_topic, id="self_education_topic"), name="self_education_topic")
        yield Field(_("Works here"), Checkbox(_("active (not left)"), t.active, id="active"), name="active")
        yield Field(_("Left on"), date_input(t.left_on, id="left_on"), name="left_on")

    def _text(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def build(self) -> tuple[Teacher, Problems]:
        problems = Problems()
        load_text = self._text("weekly_load").replace(",", ".")
        load = None
        if load_text:
            try:
                load = float(load_text)
            except ValueError:
                problems.add("weekly_load", _("Enter a number of hours, e.g. 18 or 20,5."))
        select = lambda name: str(self.query_one(f"#{name}", Select).value)  # noqa: E731
        active = self.query_one("#active", Checkbox).value
        teacher = dataclasses.replace(
            self.teacher,
            full_name=" ".join(self._text("full_name").split()),
            birth_date=read_date(self.query_one("#birth_date", Input)),
            phone=self._text("phone"),
            position=self._text("position"),
            association_id=select("association_id"),
            education=select("education"),
            institution=self._text("institution"),
            graduation_year=read_int(self.query_one("#graduation_year", Input)),
            specialty=self._text("specialty"),
            subjects=split_list(self._text("subjects")),
            classes=self._text("classes"),
            weekly_load=load,
            total_start=read_date(self.query_one("#total_start", Input)),
            pedagogical_start=read_date(self.query_one("#pedagogical_start", Input)),
            category=select("category"),
            category_date=read_date(self.query_one("#category_date", Input)),
            category_expires=read_date(self.query_one("#category_expires", Input)),
            self_education_topic=self._text("self_education_topic"),
            active=active,
            left_on=None if active else (read_date(self.query_one("#left_on", Input)) or self.app.today),
        )
        if problems:
            return teacher, problems
        return teacher, self.store.teachers.validate(teacher)

    def warnings(self, record: Teacher) -> list[str]:
        return self.store.teacher_warnings(record)

    def store_save(self, record: Teacher) -> Teacher:
        return self.store.save_teacher(record)
