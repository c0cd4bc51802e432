"""A lesson event (open lesson, visit, extracurricular event …) or a subject week."""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList, TextArea

from ubtui.domain.lessons import LessonEvent, Observer, kind_choices, level_choices, status_choices
from ubtui.domain.validation import Problems
from ubtui.i18n import _
from ubtui.screens.form import FormScreen
from ubtui.screens.mentorship_form import teacher_choices
from ubtui.store import Store
from ubtui.widgets.fields import Field, choice, date_input, read_date


def guests_text(observers: list[Observer]) -> str:
    return "; ".join(", ".join(p for p in (o.name, o.position) if p) for o in observers if not o.teacher_id)


def read_guests(text: str) -> list[Observer]:
    """`Name, position; Name` → guests."""
    guests = []
    for part in text.split(";"):
        name, _sep, position = part.partition(",")
        if name.strip():
            guests.append(Observer(name=name.strip(), position=position.strip()))
    return guests


class LessonEventForm(FormScreen[LessonEvent]):
    def __init__(self, store: Store, event: LessonEvent, *, new: bool = False) -> None:
        super().__init__()
        self.store = store
        self.event = event
        week = event.is_week
        self.form_title = (_("New subject week") if week else _("New event")) if new else (_("Subject week") if week else _("Event"))

    def compose_fields(self) -> ComposeResult:
        e = self.event
        teachers = teacher_choices(self.store, e.teacher_id, *(o.teacher_id for o in e.observers))
        blank = [(_("(choose)"), "")]
        if e.is_week:
            yield Field(_("Title of the week"), Input(e.topic, id="topic"), name="topic", required=True)
            yield Field(_("First day"), date_input(e.date, required=True, id="date"), name="date", required=True)
            yield Field(_("Last day"), date_input(e.end, required=True, id="end"), name="end", required=True)
            yield Field(_("Responsible"), choice(blank + teachers, e.teacher_id, id="teacher_id"), name="teacher_id")
            yield Field(_("Purpose"), TextArea(e.purpose, id="purpose", soft_wrap=True), name="purpose")
            return
        yield Field(_("Kind"), choice(kind_choices(), e.kind, id="kind"), name="kind")
        yield Field(_("Teacher"), choice(blank + teachers, e.teacher_id, id="teacher_id"), name="teacher_id", required=True)
        yield Field(_("Date"), date_input(e.date, required=True, id="date"), name="date", required=True)
        yield Field(_("Class"), Input(e.class_name, id="class_name"), name="class_name")
        yield Field(_("Subject"), Input(e.subject, id="subject"), name="subject")
        yield Field(_("Topic"), Input(e.topic, id="topic"), name="topic", required=True)
        yield Field(_("Type of the lesson"), Input(e.lesson_type, id="lesson_type"), name="lesson_type")
        yield Field(_("Level"), choice(level_choices(), e.level, id="level"), name="level")
        yield Field(_("Purpose"), TextArea(e.purpose, id="purpose", soft_wrap=True), name="purpose")
        chosen = {o.teacher_id for o in e.observers}
        yield Field(_("Observers"), SelectionList(*((n, tid, tid in chosen) for n, tid in teachers), id="observers"), name="observers")
        yield Field(_("Guests"), Input(guests_text(e.observers), placeholder=_("Name, position; …"), id="guests"), name="guests")
        weeks = [(w.topic, w.id) for w in self.store.lessons.weeks(e.association_id or None, e.year_id or None)]
        if weeks or e.week_id:
            yield Field(_("Subject week"), choice([(_("(none)"), "")] + weeks, e.week_id, id="week_id"), name="week_id")
        yield Field(_("Status"), choice(status_choices(), e.status, id="status"), name="status")

    def build(self) -> tuple[LessonEvent, Problems]:
        e = self.event
        purpose = self.query_one("#purpose", TextArea).text.strip()
        teacher = str(self.query_one("#teacher_id", Select).value)
        if e.is_week:
            event = dataclasses.replace(
                e, topic=self.query_one("#topic", Input).value.strip(), date=read_date(self.query_one("#date", Input)),
                end=read_date(self.query_one("#end", Input)), teacher_id=teacher, purpose=purpose,
            )
        else:
            observers = [Observer(teacher_id=str(tid)) for tid in self.query_one("#observers", SelectionList).selected]
            week = self.query("#week_id")
            event = dataclasses.replace(
                e,
                kind=str(self.query_one("#kind", Select).value),
                teacher_id=teacher,
                date=read_date(self.query_one("#date", Input)),
                class_name=self.query_one("#class_name", Input).value.strip(),
                subject=self.query_one("#subject", Input).value.strip(),
                topic=self.query_one("#topic", Input).value.strip(),
                lesson_type=self.query_one("#lesson_type", Input).value.strip(),
                level=str(self.query_one("#level", Select).value),
                purpose=purpose,
                observers=observers + read_guests(self.query_one("#guests", Input).value),
                week_id=str(week.first(Select).value) if week else e.week_id,
                status=str(self.query_one("#status", Select).value),
            )
            if event.status == "moved" and event.first_date is None and e.date != event.date:
                event.first_date = e.date
        return event, self.store.lessons.repo.validate(event)

    def store_save(self, record: LessonEvent) -> LessonEvent:
        return self.store.lessons.save(record)
