"""Cancelling an event, with the reason."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from ubtui.domain.lessons import LessonEvent, cancelled
from ubtui.domain.validation import Problems
from ubtui.i18n import _
from ubtui.screens.form import FormScreen
from ubtui.store import Store
from ubtui.widgets.fields import Field


class CancelForm(FormScreen[LessonEvent]):
    def __init__(self, store: Store, event: LessonEvent) -> None:
        super().__init__()
        self.store = store
        self.event = event
        self.form_title = _("Cancel: {topic}").format(topic=event.topic)

    def compose_fields(self) -> ComposeResult:
        yield Field(_("Reason"), Input(self.event.reason, id="reason"), name="reason", required=True)

    def build(self) -> tuple[LessonEvent, Problems]:
        event = cancelled(self.event, self.query_one("#reason", Input).value)
        return event, self.store.lessons.repo.validate(event)

    def store_save(self, record: LessonEvent) -> LessonEvent:
        return self.store.lessons.save(record)
