"""Moving an event to a new date; the date first planned is kept."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from ubtui.domain.lessons import LessonEvent, moved
from ubtui.domain.validation import Problems
from ubtui.i18n import _, format_date
from ubtui.screens.form import FormScreen
from ubtui.store import Store
from ubtui.widgets.fields import Field, date_input, read_date


class MoveForm(FormScreen[LessonEvent]):
    def __init__(self, store: Store, event: LessonEvent) -> None:
        super().__init__()
        self.store = store
        self.event = event
        first = event.first_date or event.date
        self.form_title = _("Move: {topic} (first planned {date})").format(topic=event.topic, date=format_date(first, long=False))

    def compose_fields(self) -> ComposeResult:
        yield Field(_("New date"), date_input(None, required=True, id="date"), name="date", required=True)

    def build(self) -> tuple[LessonEvent, Problems]:
        day = read_date(self.query_one("#date", Input))
        event = moved(self.event, day) if day else self.event
        problems = self.store.lessons.repo.validate(event)
        if day is None:
            problems.add("date", _("The date is required."))
        return event, problems

    def store_save(self, record: LessonEvent) -> LessonEvent:
        return self.store.lessons.save(record)
