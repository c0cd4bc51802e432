"""One entry of a mentoring pair's log: date, kind, note."""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.widgets import Input, Select, TextArea

from ubtui.domain.mentoring import LogEntry, log_kind_choices, validate_log_entry
from ubtui.domain.validation import Problems
from ubtui.i18n import _
from ubtui.screens.form import FormScreen
from ubtui.widgets.fields import Field, choice, date_input, read_date


class LogEntryForm(FormScreen[LogEntry]):
    """Returns the entry; the caller adds it to the pair."""

    def __init__(self, entry: LogEntry, subtitle: str = "") -> None:
        super().__init__()
        self.entry = entry
        self.form_title = _("Log entry") + (f" — {subtitle}" if subtitle else "")

    def compose_fields(self) -> ComposeResult:
        e = self.entry
        yield Field(_("Date"), date_input(e.date, required=True, id="date"), name="date", required=True)
        yield Field(_("Kind"), choice(log_kind_choices(), e.kind, id="kind"), name="kind")
        yield Field(_("Note"), TextArea(e.note, id="note", soft_wrap=True), name="note")

    def build(self) -> tuple[LogEntry, Problems]:
        entry = dataclasses.replace(
            self.entry,
            date=read_date(self.query_one("#date", Input)),
            kind=str(self.query_one("#kind", Select).value),
            note=self.query_one("#note", TextArea).text.strip(),
        )
        return entry, validate_log_entry(entry)
